// Renders a report document in any output format of `report render` / `report new`: the text
// layouts come from core, DOCX and XLSX from their adapters.

import { renderCells } from '#core/reports/render/render-cells.ts';
import type { RenderFormat } from '#core/reports/render/render-formats.ts';
import { renderHtml } from '#core/reports/render/render-html.ts';
import { documentText, documentToReading, renderReadingJson } from '#core/reports/render/render-json.ts';
import { renderMarkdown } from '#core/reports/render/render-markdown.ts';
import { renderPipe } from '#core/reports/render/render-pipe.ts';
import { renderTab } from '#core/reports/render/render-tab.ts';
import type { ReportDocument, ReportReading } from '#core/reports/report-model.ts';
import { renderReportDocx } from './docx-report.ts';
import { renderReportXlsx } from './xlsx-report.ts';

export { RENDER_FORMATS, type RenderFormat } from '#core/reports/render/render-formats.ts';

/** Text formats return a string, binary formats bytes. JSON keeps the reading's findings when one is given. */
export async function renderReport(
  doc: ReportDocument,
  format: RenderFormat,
  reading?: ReportReading,
  options: { readonly authoring?: boolean } = {},
): Promise<string | Uint8Array> {
  switch (format) {
    case 'docx':
      return renderReportDocx(doc);
    case 'xlsx':
      return renderReportXlsx(doc, options);
    case 'html':
      return renderHtml(doc);
    case 'md':
      return renderMarkdown(doc);
    case 'pipe':
      return renderPipe(doc);
    case 'tab':
      return renderTab(doc);
    case 'cells':
      return renderCells(doc);
    case 'json':
      return `${renderReadingJson(reading ?? documentToReading(doc, ''), jsonExtra(doc))}\n`;
  }
}

/** The report's prose as the `text` key beside the contract keys, so the narrative survives JSON. */
function jsonExtra(doc: ReportDocument): Record<string, unknown> | undefined {
  const text = documentText(doc);
  return text === undefined ? undefined : { text };
}
