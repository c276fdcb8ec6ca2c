import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { TABLE_IDS, TEMPLATES } from '../template.ts';
import { expandGrid, type GridRowKind, type TableGrid, tableGrid } from './table-grid.ts';

/**
 * Lays the grid out as a browser lays out an HTML table: each real cell takes the next free positions
 * of its row and reaches down `rowspan` rows. Returns how many positions each row fills.
 */
function layOut(grid: TableGrid): number[] {
  const taken: boolean[][] = grid.rows.map(() => []);
  grid.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      if (cell.role === 'covered') {
        continue;
      }
      while (taken[r]?.[col] === true) {
        col++;
      }
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = taken[r + dr];
          assert.ok(line !== undefined, `表${grid.table}: a rowspan reaches below the table`);
          assert.notEqual(line[col + dc], true, `表${grid.table}: two cells overlap at row ${r + dr}`);
          line[col + dc] = true;
        }
      }
      col += cell.colspan;
    }
  });
  return taken.map((line) => line.filter(Boolean).length);
}

const MODES = ['always', 'when-filled'] as const;

describe('tableGrid', () => {
  test('every row of every table fills exactly the grid width once spans are laid out, in both group-row modes', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), fc.constantFrom(...MODES), (doc, mode) => {
        for (const table of TABLE_IDS) {
          const grid = tableGrid(TEMPLATES[doc.template], table, doc.cells, mode);
          assert.deepEqual(
            layOut(grid),
            grid.rows.map(() => grid.width),
          );
          assert.ok(expandGrid(grid).every((line) => line.length === grid.width));
        }
      }),
      { numRuns: 40 },
    );
  });

  test('every value cell of the template appears exactly once, showing its raw text', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true, groupValues: false }), fc.constantFrom(...MODES), (doc, mode) => {
        const template = TEMPLATES[doc.template];
        for (const table of TABLE_IDS) {
          const grid = tableGrid(template, table, doc.cells, mode);
          const values = grid.rows.flatMap((row) => row.cells.filter((c) => c.role === 'value'));
          const expected = template.cells.filter((c) => c.table === table);
          const dataValues = values.filter((c) => template.cellById.has(c.id ?? ''));
          assert.deepEqual(
            dataValues.map((c) => c.id),
            expected.map((c) => c.id),
          );
          for (const cell of dataValues) {
            assert.equal(cell.text, doc.cells.get(cell.id ?? '')?.raw ?? '');
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  test('table 三 has one row per template row when group rows are always shown', () => {
    for (const template of Object.values(TEMPLATES)) {
      const grid = tableGrid(template, '三', new Map(), 'always');
      const body = grid.rows.filter((row) => row.kind !== 'header');
      assert.deepEqual(
        body.map((row) => row.rowId),
        template.tables.三.rows.map((row) => row.id),
      );
      const kinds = body.map((row): GridRowKind => row.kind);
      assert.deepEqual(
        kinds,
        template.tables.三.rows.map((row) => (row.kind === 'group' ? 'group' : 'body')),
      );
    }
  });

  test('without group values, the official form has no row of its own for a group', () => {
    const grid = tableGrid(TEMPLATES['2021'], '三', new Map(), 'when-filled');
    assert.ok(grid.rows.every((row) => row.kind !== 'group'));
  });
});
