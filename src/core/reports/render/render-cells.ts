// The cell-per-line layout of documents saved as text from a word processor (seeds 000, 004): every
// table cell on its own line after a tab, an empty line after each table row, a placeholder line
// for a position a merged cell covers.

import type { ReportDocument } from '../report-model.ts';
import { PLAIN_TEXT_BLOCKS, renderTextReport } from './report-outline.ts';
import { exportedRow } from './table-grid.ts';

/** Renders the whole report in the cell-per-line layout. */
export function renderCells(doc: ReportDocument): string {
  return renderTextReport(doc, {
    ...PLAIN_TEXT_BLOCKS,
    table: (grid) => grid.rows.flatMap((row) => [...exportedRow(row).map((text) => `\t${text}`), '']),
  });
}
