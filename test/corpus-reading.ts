// What the reader tests over the corpus's text reports share: the reports, reading bytes as `report read`
// does, a reading's cells by ID, and a report re-rendered as HTML in the official layout (`report render`),
// from which the layout tests make the shapes real pages, PDFs and crawlers give.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSource } from '#adapters/documents/load-source.ts';
import { analysisToDocument } from '#app/analysis-to-document.ts';
import { type ReportAnalysis, readReport } from '#core/reports/read/read-report.ts';
import { renderHtml } from '#core/reports/render/render-html.ts';

export const CORPUS_REPORTS = fileURLToPath(new URL('./fixtures/corpus/reports/', import.meta.url));

/** The corpus's text reports (NAME.txt), sorted. */
export const CORPUS_TEXTS: readonly string[] = readdirSync(CORPUS_REPORTS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Reads a source's bytes as `report read` does; a source that cannot be loaded fails the test. */
export async function readBytes(bytes: Uint8Array, name: string): Promise<ReportAnalysis> {
  const loaded = await loadSource(bytes, name);
  assert.ok(loaded.ok, `${name}: ${loaded.ok ? '' : loaded.reason}`);
  return readReport(loaded.document, name);
}

export const cellValues = (analysis: ReportAnalysis): Map<string, number | null> =>
  new Map(analysis.reading.cells.map((cell) => [cell.id, cell.value]));

/** Cells whose value differs between two readings, and cells only `got` has. */
export function cellDifferences(want: ReportAnalysis, got: ReportAnalysis): string[] {
  const wanted = cellValues(want);
  const found = cellValues(got);
  return [
    ...[...wanted].filter(([id, value]) => found.get(id) !== value).map(([id, value]) => `${id}: ${value} → ${found.get(id)}`),
    ...[...found.keys()].filter((id) => !wanted.has(id)).map((id) => `${id}: absent → ${found.get(id)}`),
  ];
}

/** The report as HTML in the official layout, as `report render --to html` writes it. */
export const renderedHtml = (analysis: ReportAnalysis): string => renderHtml(analysisToDocument(analysis));
