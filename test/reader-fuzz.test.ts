// A small seeded fuzz run (issue #9): mutated seed and generated reports in every format through the
// whole reader, as `report check` reads a file. Nothing may throw, every result is a complete
// reading (or READ-SOURCE with a Chinese reason). The large run is scripts/fuzz-reader.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readReportBytes } from '#adapters/documents/read-report-file.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';
import { fuzzBases, mutatedInput } from '#test/factories/mutated-inputs.ts';

const SEED = 20261206;
const COUNT = 150;

test(`${COUNT} mutated inputs (seed ${SEED}) are each read to a complete result, none throws`, async () => {
  const bases = await fuzzBases();
  let unreadable = 0;
  for (let index = 0; index < COUNT; index++) {
    const input = mutatedInput(bases, SEED, index);
    const analysis = await readReportBytes(input.bytes, input.name, input.name, DEFAULT_VALIDATION_SETTINGS).catch((error: unknown) =>
      assert.fail(`#${index} (${input.mutation}) threw: ${String(error)}`),
    );
    const { reading } = analysis;
    assert.equal(reading.schema, 'gongkai/report-read@1', input.mutation);
    assert.ok(Array.isArray(reading.cells) && Array.isArray(reading.findings), input.mutation);
    for (const finding of reading.findings) {
      assert.match(finding.message, /[\u4e00-\u9fff]/u, `#${index} (${input.mutation}): ${finding.message}`);
    }
    if (reading.findings.some((f) => f.rule === 'READ-SOURCE')) {
      unreadable += 1;
      // A reason the user can read: Chinese, no parser's English stack.
      assert.doesNotMatch(reading.findings[0]?.message ?? '', /\bat \w+ \(|Error:/u, input.mutation);
    }
  }
  // Many mutations leave a readable report: the generator does not only produce garbage (a flipped
  // byte inside a UTF-8 character is repaired with a READ-ENCODING warning, but many flips are not).
  assert.ok(unreadable < (COUNT * 3) / 4, `${unreadable} of ${COUNT} unreadable`);
});
