// The pipe layout: each table row as `label | v1 | v2 …`, as in documents converted by tools that
// write table rows with `|` (seed 002). Headings and paragraphs are plain lines.

import type { ReportDocument } from '../report-model.ts';
import { PLAIN_TEXT_BLOCKS, renderTextReport } from './report-outline.ts';
import type { GridRow } from './table-grid.ts';

/**
 * One table row: its own cells, left to right — a position covered from above and an empty label
 * cell are left out, so a table 三 sub-row starts with its own label; value cells always keep their
 * place (an absent cell is empty), so a group row reads `（三）不予公开 |  | … |`.
 */
export function pipeRow(row: GridRow): string {
  return row.cells
    .filter((c) => c.role === 'value' || (c.role !== 'covered' && c.text !== ''))
    .map((c) => c.text)
    .join(' | ');
}

/** Renders the whole report in the pipe layout (title, sections, tables 二/三/四 in their sections, signature). */
export function renderPipe(doc: ReportDocument): string {
  return renderTextReport(doc, {
    ...PLAIN_TEXT_BLOCKS,
    table: (grid) => grid.rows.map(pipeRow),
  });
}
