// The slot values the table rules read without --explain (cell-slots.ts) must say what the cell map says.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDocumentText, buildFacts, SEED_FACTS } from '#test/factories/report-facts.ts';
import type { ReadCell } from '../report-model.ts';
import { T3_COLUMN_IDS, T3_GROUPS, TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import { cellIndexOf, slotOf, slotSum, slotSumPassesQuietly, slotValuesOf } from './cell-slots.ts';
import { cellValue } from './evaluation.ts';
import { toReportFacts } from './rule.ts';

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

  test('toReportFacts indexes the cells as it builds the map; a repeated ID leaves the index to the map', () => {
    const cell = (id: string, value: number | null, raw: string): ReadCell => ({ table: '三', row: id, column: 'c', id, value, raw });
    const facts = (cells: readonly ReadCell[]) =>
      toReportFacts(
        { template: '2021', cells, tablesFound: ['三'], findings: [], truncatedIn: null, narrativeLines: [] },
        buildDocumentText(),
      );
    const once = facts([cell('received.total', 1, '1'), cell('carried_in.total', -2, '-2')]);
    assert.equal(slotValuesOf(once)[slotOf('received.total')], 1);
    assert.deepEqual(
      cellIndexOf(once).unusual.map((c) => c.raw),
      ['-2'],
    );
    // The map keeps received.total first with the last cell: the index says the same, in the map's order.
    const twice = facts([cell('received.total', 1, '1'), cell('carried_in.total', -2, '-2'), cell('received.total', null, '/')]);
    assert.equal(slotValuesOf(twice)[slotOf('received.total')], null);
    assert.deepEqual(
      cellIndexOf(twice).unusual.map((c) => c.raw),
      ['/', '-2'],
    );
  });

  test('cells in any order, with gaps, group values and cells of the other template get the slots of their IDs', () => {
    for (const [name, make] of Object.entries(SEED_FACTS)) {
      const seed = make();
      const cells = [...seed.cells.values()];
      const shuffled = [...cells.filter((_, i) => i % 3 !== 0).reverse(), ...cells.filter((_, i) => i % 3 === 0)];
      for (const template of ['2021', '2019', 'mixed'] as const) {
        const report = toReportFacts(
          { template, cells: shuffled, tablesFound: ['二', '三', '四'], findings: [], truncatedIn: null, narrativeLines: [] },
          buildDocumentText(),
        );
        const values = slotValuesOf(report);
        for (const id of ALL_IDS) {
          assert.equal(values[slotOf(id)], cellValue(report, id), `seed ${name} as ${template}: ${id}`);
        }
      }
    }
  });

  test('an ID without a slot is a programming error', () => {
    assert.throws(() => slotOf('no.such.cell'), /no slot/);
  });
});
