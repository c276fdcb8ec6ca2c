// Render → read round trips (issue #3): a report written by the core renderers must read back with
// identical cells (id, value, raw), template, year and agency, in every layout — the text layouts
// through the core readers, the HTML page through the HTML adapter's grid as well.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readDocumentText } from '#core/reports/read/read-document-text.ts';
import { readReport } from '#core/reports/read/read-report.ts';
import { readTables } from '#core/reports/read/read-tables.ts';
import { documentCells } from '#core/reports/render/document-cells.ts';
import { renderCells } from '#core/reports/render/render-cells.ts';
import { renderHtml } from '#core/reports/render/render-html.ts';
import { renderMarkdown } from '#core/reports/render/render-markdown.ts';
import { renderPipe } from '#core/reports/render/render-pipe.ts';
import { renderTab } from '#core/reports/render/render-tab.ts';
import type { ReadCell, ReportDocument, SourceBlock, SourceDocument } from '#core/reports/report-model.ts';
import { arbitraryBrokenReport, arbitraryValidReport } from '#test/factories/arbitrary-report.ts';

const asText = (text: string): SourceDocument => ({ blocks: [{ kind: 'text', text }] });

// The HTML adapter is an edge module; the HTML round trip runs when it is there.
type HtmlToBlocks = (html: string) => SourceBlock[];
const HTML_ADAPTER = '#adapters/documents/html-to-blocks.ts';
const htmlToBlocks: HtmlToBlocks | undefined = await import(HTML_ADAPTER).then(
  (module: { htmlToBlocks: HtmlToBlocks }) => module.htmlToBlocks,
  (error: { code?: string }) => {
    // Only a missing file skips; a broken one must fail loudly.
    if (error.code === 'ERR_MODULE_NOT_FOUND') {
      return undefined;
    }
    throw error;
  },
);

/** Each layout: how a document becomes what the core reader reads. */
const LAYOUTS: readonly (readonly [string, ((doc: ReportDocument) => SourceDocument) | undefined])[] = [
  ['pipe', (doc) => asText(renderPipe(doc))],
  ['tab', (doc) => asText(renderTab(doc))],
  ['cell-per-line', (doc) => asText(renderCells(doc))],
  ['Markdown', (doc) => asText(renderMarkdown(doc))],
  ['HTML (via the HTML adapter)', htmlToBlocks && ((doc) => ({ blocks: htmlToBlocks(renderHtml(doc)) }))],
];

const NUM_RUNS = 50;

/** The differences between the cells read and the document's present cells, readable in a failure. */
function cellDifferences(read: readonly ReadCell[], doc: ReportDocument): string[] {
  const expected = documentCells(doc);
  const key = (c: ReadCell) => `${c.value}|${c.raw}`;
  const found = new Map(read.map((c) => [c.id, key(c)]));
  const differences = expected.flatMap((c) =>
    found.get(c.id) === key(c) ? [] : [`${c.id}: 应为 ${key(c)}，读得 ${found.get(c.id) ?? '（缺）'}`],
  );
  const extra = read.filter((c) => !doc.cells.has(c.id)).map((c) => `${c.id}: 多读 ${key(c)}`);
  const order = read.map((c) => c.id).join() === expected.map((c) => c.id).join() ? [] : ['单元格顺序与合同顺序不同'];
  return [...differences, ...extra, ...order];
}

for (const [name, layout] of LAYOUTS) {
  describe(`round trip through the ${name} layout`, { skip: layout === undefined && 'the HTML adapter does not exist yet' }, () => {
    const toSource = layout ?? (() => asText(''));

    test('a valid report reads back with identical cells and template', () => {
      fc.assert(
        fc.property(arbitraryValidReport(), (doc) => {
          const tables = readTables(toSource(doc));
          assert.equal(tables.template, doc.template);
          assert.deepEqual(cellDifferences(tables.cells, doc), []);
        }),
        { numRuns: NUM_RUNS },
      );
    });

    test('absent cells stay absent and cells without a number keep their text', () => {
      fc.assert(
        fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
          assert.deepEqual(cellDifferences(readTables(toSource(doc)).cells, doc), []);
        }),
        { numRuns: NUM_RUNS },
      );
    });

    test('the title and signature read back as the same agency and year', () => {
      fc.assert(
        fc.property(arbitraryValidReport({ narrative: true }), fc.boolean(), (doc, signed) => {
          const { signature: _, ...unsigned } = doc;
          const tables = readTables(toSource(signed ? doc : unsigned));
          const text = readDocumentText(tables.narrativeLines, tables.template);
          assert.deepEqual([text.agency, text.year], [doc.agency, doc.year]);
        }),
        { numRuns: NUM_RUNS },
      );
    });

    test('a valid report, narrative and signature included, is read and checked without a single finding', () => {
      fc.assert(
        fc.property(arbitraryValidReport(), (doc) => {
          const { reading } = readReport(toSource(doc), 'report.txt');
          assert.deepEqual(
            reading.findings.map((f) => `${f.rule} ${f.message}`),
            [],
          );
          assert.deepEqual([reading.agency, reading.year, reading.template], [doc.agency, doc.year, doc.template]);
        }),
        { numRuns: 30 },
      );
    });

    test('a report broken in one rule is read and checked with exactly that rule failing on the expected cells', () => {
      fc.assert(
        fc.property(arbitraryBrokenReport(), (broken) => {
          const { reading } = readReport(toSource(broken.doc), 'report.txt');
          assert.deepEqual(
            reading.findings.map((f) => [f.rule, [...f.cells].sort()]),
            broken.expected.map((f) => [f.rule, [...f.cells].sort()]),
          );
        }),
        { numRuns: 30 },
      );
    });
  });
}
