// Render → read round trips (issue #3): a report written by the core renderers must read back with
// identical cells (id, value, raw), template, year and agency, in every text layout.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readTables } from '#core/reports/read/read-tables.ts';
import { documentCells } from '#core/reports/render/document-cells.ts';
import { renderCells } from '#core/reports/render/render-cells.ts';
import { renderMarkdown } from '#core/reports/render/render-markdown.ts';
import { renderPipe } from '#core/reports/render/render-pipe.ts';
import { renderTab } from '#core/reports/render/render-tab.ts';
import type { ReportDocument, SourceDocument } from '#core/reports/report-model.ts';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';

const LAYOUTS = [
  ['pipe', renderPipe],
  ['tab', renderTab],
  ['cell-per-line', renderCells],
  ['Markdown', renderMarkdown],
] as const;

const NUM_RUNS = 50;

const asSource = (text: string): SourceDocument => ({ blocks: [{ kind: 'text', text }] });
const cellTriples = (cells: readonly { id: string; value: number | null; raw: string }[]) => cells.map((c) => [c.id, c.value, c.raw]);

/** What the table reader must give back for a document: its present cells in contract order. */
const expectedCells = (doc: ReportDocument) => cellTriples(documentCells(doc));

for (const [name, render] of LAYOUTS) {
  describe(`round trip through the ${name} layout`, () => {
    test('a valid report reads back with identical cells and template', () => {
      fc.assert(
        fc.property(arbitraryValidReport(), (doc) => {
          const tables = readTables(asSource(render(doc)));
          assert.equal(tables.template, doc.template);
          assert.deepEqual(cellTriples(tables.cells), expectedCells(doc));
        }),
        { numRuns: NUM_RUNS },
      );
    });

    test('absent cells stay absent and cells without a number keep their text', () => {
      fc.assert(
        fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
          const tables = readTables(asSource(render(doc)));
          assert.deepEqual(cellTriples(tables.cells), expectedCells(doc));
        }),
        { numRuns: NUM_RUNS },
      );
    });

    test('the reader finds all three tables and nothing it cannot place', () => {
      fc.assert(
        fc.property(arbitraryValidReport({ narrative: true }), (doc) => {
          const tables = readTables(asSource(render(doc)));
          assert.deepEqual([...tables.tablesFound].sort(), ['三', '二', '四'].sort());
          assert.deepEqual(
            tables.findings.map((f) => f.rule),
            [],
          );
        }),
        { numRuns: 20 },
      );
    });
  });
}
