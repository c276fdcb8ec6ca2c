// XLSX → SourceBlocks through exceljs: each worksheet's used range becomes one grid; a merged range
// keeps its value in the master (top-left) cell and '' elsewhere, as a tab export of the sheet has it.
// A one-column sheet (a title/agency/year info sheet) is read as text lines instead.

import ExcelJS from 'exceljs';
import { type Finding, finding, type SourceBlock } from '#core/reports/report-model.ts';
import { cellPlaces } from './xlsx-places.ts';

export type XlsxBlocks =
  | {
      readonly ok: true;
      readonly blocks: SourceBlock[];
      /** READ-FORMULA findings: formulas saved without a result. */
      readonly findings: Finding[];
      /** Cell ID → `表三!D27`, for sheets in the layout `report new --to xlsx` writes. */
      readonly places: Map<string, string>;
    }
  | { readonly ok: false; readonly reason: string };

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
  const unsaved: string[] = [];
  const computed: string[] = [];
  const places = new Map<string, string>();
  for (const sheet of workbook.worksheets) {
    const rows = sheetToGrid(sheet, (address, value) =>
      value === undefined
        ? unsaved.push(`${sheetLabel(sheet.name)}!${address}`)
        : computed.push(`${sheetLabel(sheet.name)}!${address}（=${value}）`),
    );
    for (const [id, address] of cellPlaces(rows)) {
      places.set(id, `${sheetLabel(sheet.name)}!${address}`);
    }
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
  const findings = unsaved.map((place) =>
    finding(
      'READ-FORMULA',
      `${place} 是公式，但文件中没有保存计算结果，无法读取其数值（请在 Excel 或 WPS 中打开、重新计算并保存后再审核）`,
    ),
  );
  if (computed.length > 0) {
    findings.push(
      finding(
        'READ-FORMULA-COMPUTED',
        `${computed.length}个公式没有保存计算结果，已按公式计算：${computed.slice(0, 6).join('、')}${computed.length > 6 ? ' 等' : ''}（在 Excel 或 WPS 中打开并保存即可消除本提示）`,
      ),
    );
  }
  return { ok: true, blocks, findings, places };
}

/** How a user names a sheet in a message: `表三` for our `表三 收到和处理…` sheets, else the whole name. */
export function sheetLabel(name: string): string {
  return /^表[二三四](?:\s|$)/u.test(name) ? name.slice(0, 2) : name;
}

/** Called for a formula saved without a result: with the value computed from its cells, or undefined when it cannot be. */
type OnUnsaved = (address: string, computed?: string | number) => void;

function sheetToGrid(sheet: ExcelJS.Worksheet, onUnsaved: OnUnsaved): string[][] {
  const grid: string[][] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const values: string[] = [];
    for (let columnNumber = 1; columnNumber <= sheet.columnCount; columnNumber += 1) {
      const cell = row.getCell(columnNumber);
      const isCovered = cell.isMerged && cell.master.address !== cell.address;
      values.push(isCovered ? '' : cellText(sheet, cell, onUnsaved));
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

function cellText(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, onUnsaved: OnUnsaved): string {
  let value: ExcelJS.CellValue = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // exceljs drops a falsy cached result from `cell.value` (`<f>SUM(D8:I8)</f><v>0</v>` reads as no
    // result): the model keeps it, so read `cell.result`.
    const result = cell.result as ExcelJS.CellValue | undefined;
    if (result === undefined) {
      const computed = evaluateFormula(sheet, cell.formula, new Set([cell.address]));
      if (computed === undefined) {
        onUnsaved(cell.address);
        return '';
      }
      if (computed !== '') {
        onUnsaved(cell.address, computed);
      }
      value = computed;
    } else {
      value = result;
    }
  }
  const text = valueText(value, cell.numFmt ?? '');
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * The value of a formula saved without its result, for the simple sums a report sheet holds
 * (`SUM(D8:I8)`, `D8+E8`, `IF(COUNT(D8:I8)=0,"",SUM(D8:I8))`, what `report new` writes): a number, ''
 * when every operand is blank, or undefined when the formula is anything else.
 */
function evaluateFormula(sheet: ExcelJS.Worksheet, formula: string | undefined, seen: Set<string>): number | string | undefined {
  const text = (formula ?? '').replace(/\s+/g, '').replace(/^=/, '').toUpperCase();
  const guarded = /^IF\(COUNT\(([A-Z0-9:,$]+)\)=0,"",SUM\(\1\)\)$/.exec(text);
  const sum = /^SUM\(([A-Z0-9:,$]+)\)$/.exec(text);
  const plus = /^[A-Z]+\d+(?:\+[A-Z]+\d+)*$/.test(text) ? text.replace(/\+/g, ',') : undefined;
  const operands = guarded?.[1] ?? sum?.[1] ?? plus;
  if (operands === undefined) {
    return undefined;
  }
  let total = 0;
  let counted = 0;
  for (const part of operands.replace(/\$/g, '').split(',')) {
    const range = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part);
    if (range === null) {
      return undefined;
    }
    const [c1, r1] = [columnNumber(range[1]!), Number(range[2])];
    const [c2, r2] = range[3] === undefined ? [c1, r1] : [columnNumber(range[3]), Number(range[4])];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
      for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
        const operand = operandValue(sheet, sheet.getCell(r, c), seen);
        if (operand === undefined) {
          return undefined;
        }
        if (typeof operand === 'number') {
          total += operand;
          counted += 1;
        }
      }
    }
  }
  return counted === 0 && guarded !== null ? '' : total;
}

function operandValue(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, seen: Set<string>): number | string | null | undefined {
  if (cell.type === ExcelJS.ValueType.Formula) {
    if (seen.has(cell.address)) {
      return undefined;
    }
    const result = cell.result as unknown;
    if (typeof result === 'number' || typeof result === 'string') {
      return result;
    }
    seen.add(cell.address);
    return evaluateFormula(sheet, cell.formula, seen);
  }
  const value = cell.value;
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
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
