// `npm run bench` (second part): the server and compile benchmarks of issue #7. Prints, never asserts.
import { runCompileBenchmark } from './compile-benchmark.ts';
import { runServerBenchmark } from './server-benchmark.ts';

const out = { out: (text: string) => process.stdout.write(text) };
await runServerBenchmark(out);
await runCompileBenchmark(out);
