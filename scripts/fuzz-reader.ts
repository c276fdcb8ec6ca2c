// The large fuzz run of issue #9: N mutated inputs (default 100,000) through the reader as `report
// check` reads a file, in one process. Prints crashes (with seed and index to reproduce them through
// test/factories/mutated-inputs.ts), the slowest inputs, time per input and peak memory; exits 1 on
// any crash. Usage: node scripts/fuzz-reader.ts [--count N] [--seed S]
import { parseArgs } from 'node:util';
import { readReportBytes } from '#adapters/documents/read-report-file.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';
import { fuzzBases, mutatedInput } from '#test/factories/mutated-inputs.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, seed: { type: 'string', default: '20261206' } } });
const count = Number(values.count);
const seed = Number(values.seed);
const bases = await fuzzBases();
const crashes: string[] = [];
const slowest: { ms: number; index: number; mutation: string }[] = [];
let unreadable = 0;
let peakRss = 0;
let peakInputRss = { rss: 0, index: -1 };
let totalMs = 0;
const started = performance.now();
for (let index = 0; index < count; index++) {
  const input = mutatedInput(bases, seed, index);
  const before = performance.now();
  try {
    const analysis = await readReportBytes(input.bytes, input.name, input.name, DEFAULT_VALIDATION_SETTINGS);
    if (analysis.reading.findings.some((f) => f.rule === 'READ-SOURCE')) {
      unreadable += 1;
    }
  } catch (error) {
    crashes.push(`#${index} ${input.mutation}: ${error instanceof Error ? error.stack : String(error)}`);
  }
  const ms = performance.now() - before;
  totalMs += ms;
  if (slowest.length < 10 || ms > (slowest.at(-1)?.ms ?? 0)) {
    slowest.push({ ms, index, mutation: input.mutation });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 10);
  }
  if (index % 100 === 0) {
    const rss = process.memoryUsage.rss();
    peakRss = Math.max(peakRss, rss);
    if (rss > peakInputRss.rss) {
      peakInputRss = { rss, index };
    }
  }
  if (index > 0 && index % 10000 === 0) {
    process.stderr.write(`${index}/${count}，${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
}
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
console.log(`fuzz-reader: ${count} inputs, seed ${seed}, ${bases.length} bases, Node ${process.version}`);
console.log(`crashes: ${crashes.length}; unreadable (READ-SOURCE with a reason): ${unreadable}`);
console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s in all, mean ${(totalMs / count).toFixed(2)} ms per input`);
console.log(`inputs over 1 s: ${slowest.filter((s) => s.ms > 1000).length} of the slowest 10 listed below`);
console.log(`peak RSS (sampled every 100 inputs): ${mb(peakRss)}`);
console.log('slowest:');
for (const s of slowest) {
  console.log(`  ${s.ms.toFixed(0)} ms  #${s.index}  ${s.mutation}`);
}
for (const crash of crashes.slice(0, 20)) {
  console.log(`CRASH ${crash}`);
}
process.exitCode = crashes.length > 0 ? 1 : 0;
