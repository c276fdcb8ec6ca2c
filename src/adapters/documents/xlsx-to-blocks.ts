// XLSX → SourceBlocks through exceljs: each worksheet's used range becomes one grid; a merged range
// keeps its value in the master (top-left) cell and '' elsewhere, as a tab export of the sheet has it.
// A one-column sheet (a title/agency/year info sheet) is read as text lines instead.

import ExcelJS from 'exceljs';
import type { SourceBlock } from '#core/reports/report-model.ts';

export type XlsxBlocks = { readonly ok: true; readonly blocks: SourceBlock[] } | { readonly ok: false; readonly reason: string };

/** Reads every worksheet in tab order; a damaged file is a reason, never an exception. */
export async function xlsxToBlocks(bytes: Uint8Array): Promise<XlsxBlocks> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as Buffer; a view on the same memory avoids a copy.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `XLSX 文件已损坏，无法打开（${message.split('\n')[0]?.slice(0, 200) ?? ''}）` };
  }
  const blocks: SourceBlock[] = [];
  for (const sheet of workbook.worksheets) {
    const rows = sheetToGrid(sheet);
    if (rows.length === 0) {
      continue;
    }
    if ((rows[0]?.length ?? 0) === 1) {
      blocks.push({
        kind: 'text',
        text: rows
          .map((row) => row[0] ?? '')
          .filter((line) => line !== '')
          .join('\n'),
      });
    } else {
      blocks.push({ kind: 'table', rows });
    }
  }
  return { ok: true, blocks };
}

function sheetToGrid(sheet: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const values: string[] = [];
    for (let columnNumber = 1; columnNumber <= sheet.columnCount; columnNumber += 1) {
      const cell = row.getCell(columnNumber);
      const isCovered = cell.isMerged && cell.master.address !== cell.address;
      values.push(isCovered ? '' : cellText(cell));
    }
    grid.push(values);
  }
  return trimEmptyEdges(grid);
}

/** Drops trailing rows and columns with no text (formatting alone extends exceljs's used range). */
function trimEmptyEdges(grid: string[][]): string[][] {
  let height = grid.length;
  while (height > 0 && (grid[height - 1] ?? []).every((value) => value === '')) {
    height -= 1;
  }
  const rows = grid.slice(0, height);
  const width = rows.reduce((widest, row) => {
    let used = row.length;
    while (used > 0 && row[used - 1] === '') {
      used -= 1;
    }
    return Math.max(widest, used);
  }, 0);
  return width === 0 ? [] : rows.map((row) => row.slice(0, width));
}

function cellText(cell: ExcelJS.Cell): string {
  const text = valueText(cell.value, cell.numFmt ?? '');
  return text.replace(/\r\n?/g, '\n').trim();
}

function valueText(value: ExcelJS.CellValue, numFmt: string): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return numberText(value, numFmt);
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean') {
    return value ? 'TRUE' : 'FALSE';
  }
  if (value instanceof Date) {
    // exceljs reads serial dates as UTC instants.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if ('richText' in value) {
    return value.richText.map((run) => run.text).join('');
  }
  if ('error' in value) {
    return value.error;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return valueText(value.result ?? null, numFmt);
  }
  if ('text' in value) {
    const text: unknown = value.text;
    // A hyperlink's text may itself be rich text.
    return typeof text === 'string' ? text : valueText(text as ExcelJS.CellValue, numFmt);
  }
  return '';
}

/** A number as written, without binary float noise (0.1 + 0.2 → 0.3); percent formats keep their %. */
function numberText(value: number, numFmt: string): string {
  if (!Number.isFinite(value)) {
    return '';
  }
  const isPercent = /%/.test(numFmt.replace(/"[^"]*"/g, ''));
  const shown = isPercent ? value * 100 : value;
  const text = String(Number.parseFloat(shown.toPrecision(15)));
  return isPercent ? `${text}%` : text;
}
