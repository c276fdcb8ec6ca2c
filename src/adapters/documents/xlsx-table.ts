// A plain table as an XLSX workbook (`report export --to xlsx`): one sheet, a bold frozen header row,
// numbers as numbers, absent values as empty cells.
import ExcelJS from 'exceljs';
import type { ExportRows } from '#core/reports/export-table.ts';

export async function renderTableXlsx(rows: ExportRows, sheetName = '年度报告数据'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of rows) {
    sheet.addRow(row.map((value) => value ?? null));
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
