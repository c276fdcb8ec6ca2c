// Shared by the DOCX and XLSX report tests: a generated report, rendered to a file and loaded back by
// that format's loading adapter, must read and check as the document it came from.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readReport } from '#core/reports/read/read-report.ts';
import { readTables } from '#core/reports/read/read-tables.ts';
import { documentCells } from '#core/reports/render/document-cells.ts';
import type { ReportDocument, SourceBlock } from '#core/reports/report-model.ts';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';

/** A loading adapter: file bytes to the blocks the core reader reads. */
export type BytesToBlocks = (bytes: Uint8Array) => Promise<{ ok: true; blocks: SourceBlock[] } | { ok: false; reason: string }>;

/**
 * The loading adapter `exportName` of module `path`, or undefined while that module does not exist: the
 * adapters are another engineer's edge modules, and the round trips run when they are there.
 */
export async function importLoadingAdapter(path: string, exportName: string): Promise<BytesToBlocks | undefined> {
  return import(path).then(
    (module: Readonly<Record<string, BytesToBlocks>>) => module[exportName],
    (error: { code?: string }) => {
      if (error.code === 'ERR_MODULE_NOT_FOUND') {
        return undefined;
      }
      throw error;
    },
  );
}

export interface ReaderRoundTrip {
  /** The describe title, e.g. `renderReportDocx → docxToBlocks → core reader, on generated reports`. */
  readonly title: string;
  /** The format as the skip message names it (`DOCX`). */
  readonly format: string;
  /** The source name given to the reader (`report.docx`). */
  readonly fileName: string;
  readonly render: (doc: ReportDocument) => Promise<Uint8Array>;
  /** The loading adapter, or undefined while it does not exist (the tests then skip). */
  readonly loadingAdapter: () => Promise<BytesToBlocks | undefined>;
}

/** Render → load → read round trips on generated reports: no findings, same template, agency, year and cells. */
export function describeReaderRoundTrip({ title, format, fileName, render, loadingAdapter }: ReaderRoundTrip): void {
  describe(title, () => {
    const cellsOf = (doc: ReportDocument) => documentCells(doc).map((c) => [c.id, c.value, c.raw]);

    test('a valid report reads and checks without a single finding, with its template, agency, year and cells', async (t) => {
      const toBlocks = await loadingAdapter();
      if (toBlocks === undefined) {
        t.skip(`the ${format} loading adapter does not exist yet`);
        return;
      }
      await fc.assert(
        fc.asyncProperty(arbitraryValidReport({ narrative: true }), async (doc) => {
          const result = await toBlocks(await render(doc));
          assert.ok(result.ok);
          const { reading } = readReport({ blocks: result.blocks }, fileName);
          assert.deepEqual(
            reading.findings.map((f) => `${f.rule} ${f.message}`),
            [],
          );
          assert.deepEqual([reading.template, reading.agency, reading.year], [doc.template, doc.agency, doc.year]);
          assert.deepEqual(
            reading.cells.map((c) => [c.id, c.value, c.raw]),
            cellsOf(doc),
          );
        }),
        { numRuns: 15 },
      );
    });

    test('absent cells stay absent and cells without a number keep their text', async (t) => {
      const toBlocks = await loadingAdapter();
      if (toBlocks === undefined) {
        t.skip(`the ${format} loading adapter does not exist yet`);
        return;
      }
      await fc.assert(
        fc.asyncProperty(arbitraryValidReport({ blanks: true }), async (doc) => {
          const result = await toBlocks(await render(doc));
          assert.ok(result.ok);
          assert.deepEqual(
            readTables({ blocks: result.blocks }).cells.map((c) => [c.id, c.value, c.raw]),
            cellsOf(doc),
          );
        }),
        { numRuns: 15 },
      );
    });
  });
}
