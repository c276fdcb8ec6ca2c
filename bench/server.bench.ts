// `npm run bench` (part): the server benchmarks of issue #7 — intake of 1,000 concurrent
// applications, start-up to /healthz and RSS (the compile benchmark is bench/compile.bench.ts).
// Prints, never asserts.
import { runServerBenchmark } from './server-benchmark.ts';

await runServerBenchmark({ out: (text) => process.stdout.write(text) });
