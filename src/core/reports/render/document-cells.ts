// The cells of a report document in the reader contract's order (annual-report.md §6.2): template
// data cells, plus numbers a report printed in a table 三 group row (`outcome.withheld.total`).

import type { ReadCell, ReportDocument } from '../report-model.ts';
import { type ColumnDef, type RowDef, T3_COLUMNS, TABLE_IDS, type TableId, TEMPLATES } from '../template.ts';

/**
 * The columns a row shows when rendered: its template columns, or for a table 三 group row the seven
 * applicant columns, since a report may print numbers there (annual-report.md §6.2, group rows).
 */
export function renderedColumns(table: TableId, row: RowDef): readonly ColumnDef[] {
  return table === '三' && row.kind === 'group' ? T3_COLUMNS : row.columns;
}

/** The present cells of a document in contract order (table 二, 三, 四; row order, then column order), group-row values included. */
export function documentCells(doc: ReportDocument): readonly ReadCell[] {
  const template = TEMPLATES[doc.template];
  return TABLE_IDS.flatMap((table) =>
    template.tables[table].rows.flatMap((row) =>
      renderedColumns(table, row).flatMap((column): ReadCell[] => {
        const id = `${row.id}.${column.id}`;
        const entry = doc.cells.get(id);
        return entry === undefined ? [] : [{ table, row: row.label, column: column.label, id, value: entry.value, raw: entry.raw }];
      }),
    ),
  );
}

/** Formats an ISO date (YYYY-MM-DD) as a signature date `YYYY年M月D日`; other text is returned unchanged. */
export function formatChineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) {
    return iso;
  }
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}
