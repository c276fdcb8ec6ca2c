// `npm run bench` (second part): the server benchmarks of issue #7. Prints, never asserts.
import { runServerBenchmark } from './server-benchmark.ts';

await runServerBenchmark({ out: (text) => process.stdout.write(text) });
