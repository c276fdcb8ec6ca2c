// The tab layout: tab-separated table rows as word processors export them to text (seeds 001, 003):
// a merged cell once, an empty placeholder where a merged group column reaches down.

import type { ReportDocument } from '../report-model.ts';
import { renderTextReport } from './report-outline.ts';
import { exportedRow } from './table-grid.ts';

/** Renders the whole report in the tab-separated layout, an empty line between blocks. */
export function renderTab(doc: ReportDocument): string {
  return renderTextReport(doc, {
    title: (text) => [text],
    heading: (text) => [text],
    paragraph: (text) => [text],
    table: (grid) => grid.rows.map((row) => exportedRow(row).join('\t')),
    signature: (lines) => lines,
    between: [''],
  });
}
