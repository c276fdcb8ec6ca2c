// Issue #9 (speed): `report check` holds each analysis until the next LOOKAHEAD files are read, so it
// holds it without the lines only single-report rules read (withHeldFacts). Pairing a held analysis
// with a previous year must give exactly what pairing the whole analysis gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { SEED_FILES } from '#test/factories/report-facts.ts';
import type { ReadCell } from '../report-model.ts';
import type { ReportFacts } from '../validate/rule.ts';
import { type ReportAnalysis, readReport, revalidateWithPrevious, withFailuresOnly, withHeldFacts } from './read-report.ts';

const SEED_DIR = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const analysed = (file: string, evaluations: 'all' | 'failures'): ReportAnalysis =>
  readReport({ blocks: [{ kind: 'text', text: readFileSync(new URL(file, SEED_DIR), 'utf8') }] }, file, undefined, { evaluations });

/** The same agency's report of the year before: its own cells, some shifted so T3-CARRY and T2-CONTINUITY fail. */
function previousOf(facts: ReportFacts, shift: number): ReportFacts {
  const cells = new Map<string, ReadCell>();
  for (const [id, cell] of facts.cells) {
    cells.set(id, typeof cell.value === 'number' ? { ...cell, value: cell.value + shift, raw: String(cell.value + shift) } : cell);
  }
  return { ...facts, year: (facts.year ?? 2022) - 1, cells };
}

describe('withHeldFacts', () => {
  let pairingsWithFindings = 0;
  for (const file of Object.values(SEED_FILES)) {
    for (const mode of ['all', 'failures'] as const) {
      test(`${file} (${mode}): the held analysis pairs with a previous year exactly as the whole one`, () => {
        const whole = mode === 'all' ? analysed(file, mode) : withFailuresOnly(analysed(file, mode));
        const held = withHeldFacts(whole);
        const facts = whole.facts as ReportFacts;
        assert.ok(facts.narrativeLines.length > 0 && facts.text.sections.length > 0, 'the seed has lines to drop');
        assert.deepEqual(held.facts?.narrativeLines, []);
        assert.deepEqual(held.facts?.text.sections, []);
        assert.deepEqual(held.facts?.text.headings, []);
        assert.deepEqual(held.reading, whole.reading);
        for (const shift of [0, 3]) {
          const previous = previousOf(facts, shift);
          const expected = revalidateWithPrevious(whole, previous);
          const again = revalidateWithPrevious(held, previous);
          assert.deepEqual(again.reading, expected.reading);
          assert.deepEqual(again.evaluations, expected.evaluations);
          assert.deepEqual(again.crossYear, expected.crossYear);
          if (expected.reading.findings.some((f) => f.rule === 'T3-CARRY' || f.rule === 'T2-CONTINUITY')) {
            pairingsWithFindings++;
          }
        }
      });
    }
  }

  test('some pairings above changed the findings (the comparison had something to compare)', () => {
    assert.ok(pairingsWithFindings > 0);
  });

  test('an analysis without a cross-year span (validation runs whole again) is kept as it is', () => {
    const whole = analysed(Object.values(SEED_FILES)[0] as string, 'all');
    const { crossYear: _span, ...withoutSpan } = whole;
    assert.equal(withHeldFacts(withoutSpan), withoutSpan);
  });
});
