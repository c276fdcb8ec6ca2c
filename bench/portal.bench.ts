// `npm run bench` (part): the portal benchmark of issue #8 — a portal page of the real server against
// a bare node:http server serving the same bytes (bench/portal-benchmark.ts). Prints, never asserts.
import { runPortalBenchmark } from './portal-benchmark.ts';

await runPortalBenchmark({ out: (text) => process.stdout.write(text) });
