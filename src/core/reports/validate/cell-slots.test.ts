// The slot values the table rules read without --explain (cell-slots.ts) must say what the cell map says.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFacts, SEED_FACTS } from '#test/factories/report-facts.ts';
import { T3_COLUMN_IDS, T3_GROUPS, TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import { cellIndexOf, slotOf, slotSum, slotSumPassesQuietly, slotValuesOf } from './cell-slots.ts';
import { cellValue } from './evaluation.ts';

const GROUP_IDS = T3_GROUPS.flatMap((g) => T3_COLUMN_IDS.map((c) => `${g.id}.${c}`));
const ALL_IDS = [...new Set([...TEMPLATE_2021.cells, ...TEMPLATE_2019.cells].map((c) => c.id)), ...GROUP_IDS];

describe('cell slots', () => {
  for (const [name, facts] of Object.entries(SEED_FACTS)) {
    test(`seed ${name}: every slot holds what cellValue reads (undefined = absent, null = no number)`, () => {
      const report = facts();
      const values = slotValuesOf(report);
      for (const id of ALL_IDS) {
        assert.equal(values[slotOf(id)], cellValue(report, id), id);
      }
    });
  }

  test('a cell present without a number is null, an absent one undefined; unusual cells in map order', () => {
    const report = buildFacts({ cells: { 'received.total': null, 'carried_in.total': 3, 'outcome.withheld.total': '-1' } });
    const values = slotValuesOf(report);
    assert.equal(values[slotOf('received.total')], null);
    assert.equal(values[slotOf('carried_in.total')], 3);
    assert.equal(values[slotOf('outcome.withheld.total')], -1);
    assert.equal(values[slotOf('carried_out.total')], undefined);
    assert.deepEqual(
      cellIndexOf(report).unusual.map((c) => c.id),
      ['received.total', 'outcome.withheld.total'],
    );
  });

  test('slotSumPassesQuietly: quiet when an operand is absent or null or the total matches, not otherwise', () => {
    const sum = slotSum(['review.upheld', 'review.corrected', 'review.total'], 'review.total');
    const quiet = (cells: Record<string, number | null>) => slotSumPassesQuietly(slotValuesOf(buildFacts({ cells })), sum);
    assert.equal(quiet({ 'review.upheld': 1, 'review.corrected': 2, 'review.total': 3 }), true);
    assert.equal(quiet({ 'review.upheld': 1, 'review.corrected': 2 }), true);
    assert.equal(quiet({ 'review.upheld': 1, 'review.corrected': null, 'review.total': 9 }), true);
    assert.equal(quiet({ 'review.upheld': 1, 'review.corrected': 2, 'review.total': 4 }), false);
  });

  test('an ID without a slot is a programming error', () => {
    assert.throws(() => slotOf('no.such.cell'), /no slot/);
  });
});
