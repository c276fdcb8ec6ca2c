// Where each cell of a report sits in a worksheet, as its user sees it (`D27`), for the sheets in the
// layout `report new --to xlsx` and `report render --to xlsx` write: a finding can then say
// `表三!D27` instead of a cell ID (issue #10). A sheet laid out otherwise gets no places; its findings
// still name the row and column labels.

import { expandGrid, type TableGrid, tableGrid } from '#core/reports/render/table-grid.ts';
import type { CellEntry } from '#core/reports/report-model.ts';
import { TABLE_IDS, TEMPLATES } from '#core/reports/template.ts';

const NO_CELLS: ReadonlyMap<string, CellEntry> = new Map();
const compact = (text: string) => text.replace(/\s+/gu, '');

/** Every official grid a table sheet can have: each template, group rows spanned or on their own line. */
const CANDIDATE_GRIDS: readonly TableGrid[] = Object.values(TEMPLATES).flatMap((template) =>
  TABLE_IDS.flatMap((table) => [tableGrid(template, table, NO_CELLS, 'when-filled'), tableGrid(template, table, NO_CELLS, 'always')]),
);

/** Excel's column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Whether every label of `grid` stands where the grid puts it in `rows` (a sheet read from A1). */
function matches(grid: TableGrid, rows: readonly (readonly string[])[]): boolean {
  // Trailing blank rows are trimmed from a sheet (table 四 of a blank report has no label in its data row).
  if (rows.length > grid.rows.length) {
    return false;
  }
  return expandGrid(grid).every((line, r) =>
    line.every(
      (position, c) =>
        !position.first ||
        position.source.role === 'value' ||
        position.source.role === 'covered' ||
        compact(rows[r]?.[c] ?? '') === compact(position.source.text),
    ),
  );
}

/** Cell ID → address (`D27`) for a sheet in one of the official grids; empty for any other sheet. */
export function cellPlaces(rows: readonly (readonly string[])[]): Map<string, string> {
  const places = new Map<string, string>();
  const grid = CANDIDATE_GRIDS.find((candidate) => matches(candidate, rows));
  if (grid === undefined) {
    return places;
  }
  expandGrid(grid).forEach((line, r) => {
    line.forEach((position, c) => {
      const id = position.source.id;
      if (position.first && position.source.role === 'value' && id !== undefined && !places.has(id)) {
        places.set(id, `${columnLetters(c + 1)}${r + 1}`);
      }
    });
  });
  return places;
}
