// `npm run bench`: the reader benchmark of issue #3 §5 (docs/benchmarks.md). Prints, never asserts.
import { runReaderBenchmark } from './reader-benchmark.ts';

await runReaderBenchmark({ out: (text) => process.stdout.write(text) });
