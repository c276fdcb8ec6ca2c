// Shared by the DOCX and XLSX report tests: a report with every cell filled with a distinct number,
// the rows each table must show (labels in the label columns, then the cell IDs in column order), and
// a table as a full rectangle of positions to look those rows up in.

import assert from 'node:assert/strict';
import { renderedColumns } from '#core/reports/render/document-cells.ts';
import type { CellEntry, ReportDocument } from '#core/reports/report-model.ts';
import { type RowDef, type TableId, TEMPLATES, type TemplateId } from '#core/reports/template.ts';

/** A report whose every template cell holds a distinct number (its position in contract order + 1), with narrative and signature. */
export function filledReport(template: TemplateId): ReportDocument {
  const cells = new Map<string, CellEntry>();
  TEMPLATES[template].cells.forEach((cell, index) => {
    cells.set(cell.id, { value: index + 1, raw: String(index + 1) });
  });
  const year = template === '2021' ? 2023 : 2020;
  return {
    template,
    agency: '某市民政局',
    year,
    preamble: [`本报告统计期限自${year}年1月1日起至${year}年12月31日止。`],
    sections: {
      overview: ['（一）主动公开情况。全年主动公开政府信息120条。', '（二）依申请公开情况。'],
      applications: ['本年共收到政府信息公开申请11件。'],
      problems: ['工作人员业务能力有待提高。'],
      other_matters: ['本年度未收取信息处理费。'],
    },
    cells,
    signature: { agency: '某市民政局', date: `${year + 1}-01-20` },
  };
}

/** The document with some cells absent and some present without a number. */
export function withCells(doc: ReportDocument, changes: Readonly<Record<string, CellEntry | undefined>>): ReportDocument {
  const cells = new Map(doc.cells);
  for (const [id, entry] of Object.entries(changes)) {
    if (entry === undefined) {
      cells.delete(id);
    } else {
      cells.set(id, entry);
    }
  }
  return { ...doc, cells };
}

/** A template row as a table must show it: the texts of its label columns (a spanning label repeated), then its cell IDs. */
export interface ExpectedRow {
  readonly rowId: string;
  readonly labels: readonly string[];
  readonly ids: readonly string[];
}

/** Label columns of the official forms: 二 one, 三 three, 四 none. */
export const LABEL_COLUMNS = { 二: 1, 三: 3, 四: 0 } as const satisfies Record<TableId, number>;

function ancestors(template: TemplateId, row: RowDef): RowDef[] {
  const chain: RowDef[] = [];
  for (let id = row.parent; id !== undefined; id = TEMPLATES[template].rowById.get(id)?.parent) {
    const parent = TEMPLATES[template].rowById.get(id);
    assert.ok(parent, id);
    chain.unshift(parent);
  }
  return chain;
}

/**
 * The rows a table shows for a template: each table 二 and 三 data row (and a table 三 group row when
 * `groupRows` lists it); table 四 as its one row of 15 cells.
 */
export function expectedRows(template: TemplateId, table: TableId, groupRows: readonly string[] = []): ExpectedRow[] {
  const def = TEMPLATES[template].tables[table];
  if (table === '四') {
    return [{ rowId: 'review+litigation', labels: [], ids: def.rows.flatMap((row) => row.columns.map((c) => `${row.id}.${c.id}`)) }];
  }
  return def.rows
    .filter((row) => row.kind === 'data' || groupRows.includes(row.id))
    .map((row) => {
      const own = Array.from({ length: LABEL_COLUMNS[table] - row.depth }, () => row.shortLabel);
      // A group that has a row of its own leaves its label column empty in the rows below it.
      const above = ancestors(template, row).map((a) => (groupRows.includes(a.id) ? '' : a.shortLabel));
      return { rowId: row.id, labels: [...above, ...own], ids: renderedColumns(table, row).map((c) => `${row.id}.${c.id}`) };
    });
}

/** One position of a table: the text of the cell covering it, and whether it is that cell's top-left position. */
export interface Position {
  readonly text: string;
  readonly first: boolean;
}

/** The rows of a rectangle whose label columns read exactly `labels`. */
export function rowsLabelled(matrix: readonly (readonly Position[])[], labelColumns: number, labels: readonly string[]): number[] {
  return matrix.flatMap((row, index) =>
    row
      .slice(0, labelColumns)
      .map((p) => p.text)
      .join('|') === labels.join('|') && labels.length === labelColumns
      ? [index]
      : [],
  );
}

/** The value texts of a rectangle row: the top-left positions right of the label columns. */
export function rowValues(row: readonly Position[], labelColumns: number): string[] {
  return row
    .slice(labelColumns)
    .filter((p) => p.first)
    .map((p) => p.text);
}

/**
 * Checks that every expected row occurs exactly once, with the document's raw text ('' when absent)
 * under each column, and returns the differences as readable lines (empty = all in place).
 */
export function misplacedCells(
  matrix: readonly (readonly Position[])[],
  table: TableId,
  expected: readonly ExpectedRow[],
  doc: ReportDocument,
): string[] {
  const labelColumns = LABEL_COLUMNS[table];
  return expected.flatMap((row): string[] => {
    const found = table === '四' ? [matrix.length - 1] : rowsLabelled(matrix, labelColumns, row.labels);
    if (found.length !== 1) {
      return [`${row.rowId}: ${found.length} rows labelled ${row.labels.join(' / ')}`];
    }
    const values = rowValues(matrix[found[0] ?? 0] ?? [], labelColumns);
    const want = row.ids.map((id) => doc.cells.get(id)?.raw ?? '');
    return values.join('|') === want.join('|') ? [] : [`${row.rowId}: ${values.join('|')} ≠ ${want.join('|')}`];
  });
}
