// The tab layout: tab-separated table rows as word processors export them to text (seeds 001, 003):
// a merged cell once, an empty placeholder where a merged group column reaches down.

import type { ReportDocument } from '../report-model.ts';
import { PLAIN_TEXT_BLOCKS, renderTextReport } from './report-outline.ts';
import { exportedRow } from './table-grid.ts';

/** Renders the whole report in the tab-separated layout, an empty line between blocks. */
export function renderTab(doc: ReportDocument): string {
  return renderTextReport(doc, {
    ...PLAIN_TEXT_BLOCKS,
    table: (grid) => grid.rows.map((row) => exportedRow(row).join('\t')),
    between: [''],
  });
}
