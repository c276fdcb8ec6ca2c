// The annual report as an Excel workbook: a first sheet 报告信息 with the title, organ, year, template
// and narrative in column A, then one sheet per table (二, 三, 四) with the merged heads of the official
// forms (国办公开办函〔2021〕30号, 〔2019〕60号; annual-report.md §3–§4), built from the core's grids.
// Each table sheet holds exactly one table — labels in the leading columns, values in the data
// columns, nothing else in the used range — so that a reader taking each sheet as a grid maps it back.

import ExcelJS from 'exceljs';
import { formatChineseDate } from '#core/reports/render/document-cells.ts';
import { reportTitle } from '#core/reports/render/report-outline.ts';
import { expandGrid, type GridCell, type TableGrid, tableGrid } from '#core/reports/render/table-grid.ts';
import type { CellEntry, ReportDocument } from '#core/reports/report-model.ts';
import { APPLICANT_COLUMN_IDS, type ReportTemplate, T4_COLUMNS, TABLE_IDS, type TableId, TEMPLATES } from '#core/reports/template.ts';
import { columnLetters } from './xlsx-places.ts';

/** The sheet names, in tab order; each ≤ 31 characters, Excel's limit. */
export const REPORT_SHEET_NAMES = {
  info: '报告信息',
  二: '表二 主动公开政府信息情况',
  三: '表三 收到和处理政府信息公开申请情况',
  四: '表四 行政复议、行政诉讼情况',
} as const satisfies Record<'info' | TableId, string>;

const FONT_NAME = '宋体';
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;

/** Column widths in Excel's units (about one Latin digit; a Han character takes two). */
function columnWidths(grid: TableGrid): number[] {
  if (grid.table === '三') {
    return [8, 16, 48, ...Array.from({ length: grid.width - 3 }, () => 10)];
  }
  if (grid.table === '二') {
    return [24, ...Array.from({ length: grid.width - 1 }, () => 20)];
  }
  return Array.from({ length: grid.width }, () => 10);
}

/**
 * A value cell as Excel should hold it: a number when the raw text is exactly how that number prints
 * (`12`, `-8`, `3.5`), so sums work and the text reads back unchanged; anything else (`0.0000`, `增98`,
 * `/`) stays text, since the raw text is part of the report.
 */
export function excelValue(entry: CellEntry | undefined): string | number | null {
  if (entry === undefined || entry.raw === '') {
    return null; // absent: an empty cell, never 0
  }
  const number = Number(entry.raw);
  return Number.isFinite(number) && String(number) === entry.raw ? number : entry.raw;
}

/** Width of a text in Excel's units: a Han or full-width character counts two. */
const textUnits = (text: string) => [...text].reduce((sum, ch) => sum + ((ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1), 0);

/** Options of the workbook writer. */
export interface XlsxOptions {
  /**
   * A workbook to fill in (`report new`): totals as formulas that add up as staff type, label cells
   * locked (sheet protection without a password), value cells open (issue #10).
   */
  readonly authoring?: boolean;
}

/**
 * The totals of a table as sums over the cells they add up, by cell ID: table 三 总计 of each row
 * (the six applicant columns), （七）总计 of each column (the outcome rows above it, when the sheet has
 * no group rows of its own), table 四 总计 of each group (the four results before it).
 */
function totalFormulas(grid: TableGrid): Map<string, string> {
  const at = new Map<string, { row: number; column: number }>();
  expandGrid(grid).forEach((line, r) => {
    line.forEach((position, c) => {
      if (position.first && position.source.role === 'value' && position.source.id !== undefined) {
        at.set(position.source.id, { row: r + 1, column: c + 1 });
      }
    });
  });
  const address = (id: string) => {
    const p = at.get(id);
    return p === undefined ? undefined : `${columnLetters(p.column)}${p.row}`;
  };
  const guarded = (range: string) => `IF(COUNT(${range})=0,"",SUM(${range}))`;
  const formulas = new Map<string, string>();
  for (const id of at.keys()) {
    if (!id.endsWith('.total')) {
      continue;
    }
    const rowId = id.slice(0, -'.total'.length);
    const columns = grid.table === '三' ? APPLICANT_COLUMN_IDS : grid.table === '四' ? T4_COLUMNS.slice(0, -1).map((c) => c.id) : [];
    const first = address(`${rowId}.${columns[0]}`);
    const last = address(`${rowId}.${columns[columns.length - 1]}`);
    if (first !== undefined && last !== undefined) {
      formulas.set(id, guarded(`${first}:${last}`));
    }
  }
  if (grid.table === '三' && !grid.rows.some((row) => row.kind === 'group')) {
    for (const column of APPLICANT_COLUMN_IDS) {
      const top = at.get(`outcome.disclosed.${column}`);
      const total = at.get(`outcome.total.${column}`);
      if (top !== undefined && total !== undefined) {
        const letters = columnLetters(total.column);
        formulas.set(`outcome.total.${column}`, guarded(`${letters}${top.row}:${letters}${total.row - 1}`));
      }
    }
  }
  return formulas;
}

/** One table on its own sheet: grid positions 1:1, spans as merged ranges, borders, frozen head, print setup. */
async function addTableSheet(
  workbook: ExcelJS.Workbook,
  grid: TableGrid,
  cells: ReadonlyMap<string, CellEntry>,
  options: XlsxOptions,
): Promise<void> {
  const headRows = grid.table === '二' ? 0 : grid.rows.findIndex((row) => row.kind !== 'header');
  const wide = grid.table !== '二';
  const sheet = workbook.addWorksheet(REPORT_SHEET_NAMES[grid.table], {
    views: [{ state: 'frozen', xSplit: grid.labelColumns, ySplit: headRows }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: wide ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(headRows > 0 ? { printTitlesRow: `1:${headRows}` } : {}),
    },
    headerFooter: {
      oddHeader: `&C&"${FONT_NAME},Bold"&12${grid.heading}`,
      oddFooter: '&C第 &P 页，共 &N 页',
    },
  });
  const widths = columnWidths(grid);
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });

  grid.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 1);
    let column = 1;
    let lines = 1;
    for (const c of row.cells) {
      if (c.role !== 'covered') {
        writeCell(sheet, r + 1, column, c, cells);
        if (c.rowspan === 1) {
          const width = widths.slice(column - 1, column - 1 + c.colspan).reduce((sum, w) => sum + w, 0);
          lines = Math.max(lines, Math.ceil(textUnits(c.text) / Math.max(1, width - 2)));
        }
        if (c.colspan > 1 || c.rowspan > 1) {
          sheet.mergeCells(r + 1, column, r + c.rowspan, column + c.colspan - 1);
        }
      }
      column += c.colspan;
    }
    // Excel does not grow a row for wrapped text in merged cells: set the height from the longest label.
    excelRow.height = Math.max(20, lines * 15 + 5);
  });
  // Borders on every position, covered ones included, so merged ranges are outlined on all sides.
  for (let r = 1; r <= grid.rows.length; r++) {
    for (let col = 1; col <= grid.width; col++) {
      sheet.getCell(r, col).border = BORDER;
    }
  }
  if (options.authoring === true) {
    const formulas = totalFormulas(grid);
    expandGrid(grid).forEach((line, r) => {
      line.forEach((position, c) => {
        const id = position.source.id;
        if (!position.first || position.source.role !== 'value' || id === undefined) {
          return;
        }
        const target = sheet.getCell(r + 1, c + 1);
        const formula = formulas.get(id);
        if (formula === undefined) {
          target.protection = { locked: false };
        } else if (!cells.has(id)) {
          // No cached result: the spreadsheet computes it on opening, the reader from its cells.
          target.value = { formula } as ExcelJS.CellFormulaValue;
        }
      });
    });
    // Labels and totals locked, without a password: the form cannot be broken by accident.
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

function writeCell(sheet: ExcelJS.Worksheet, row: number, column: number, c: GridCell, cells: ReadonlyMap<string, CellEntry>): void {
  const target = sheet.getCell(row, column);
  const isValue = c.role === 'value';
  target.value = isValue ? excelValue(c.id === undefined ? undefined : cells.get(c.id)) : c.text === '' ? null : c.text;
  const leftAligned = c.role === 'row-header' || c.role === 'corner';
  target.alignment = { horizontal: leftAligned ? 'left' : 'center', vertical: 'middle', wrapText: true };
  target.font = { name: FONT_NAME, size: c.role === 'corner' ? 9 : 10.5 };
  if (c.role === 'column-header' || c.role === 'column-group' || c.role === 'block-header' || c.role === 'corner') {
    target.fill = HEAD_FILL;
  }
}

/** The 报告信息 sheet: one column of text, as a reader takes it for the report's prose. */
function addInfoSheet(workbook: ExcelJS.Workbook, doc: ReportDocument, template: ReportTemplate): void {
  const sheet = workbook.addWorksheet(REPORT_SHEET_NAMES.info, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = 60; // fits A4 portrait at 100 %
  sheet.getColumn(1).width = width;
  const lines: { text: string; kind: 'title' | 'heading' | 'text' | 'signature' }[] = [
    { text: reportTitle(doc), kind: 'title' },
    { text: `报告机关：${doc.agency ?? ''}`, kind: 'text' },
    { text: `报告年度：${doc.year === null ? '' : `${doc.year}年`}`, kind: 'text' },
    { text: `报告格式：${template.name}（${template.document}）`, kind: 'text' },
    ...paragraphs(doc.preamble),
  ];
  for (const section of template.sections) {
    lines.push({ text: section.heading, kind: 'heading' });
    lines.push(...paragraphs(doc.sections[section.id] ?? []));
    if (section.table !== undefined) {
      lines.push({ text: `（见工作表“${REPORT_SHEET_NAMES[section.table]}”）`, kind: 'text' });
    }
  }
  if (doc.signature !== undefined) {
    const signature = [doc.signature.agency.trim(), formatChineseDate(doc.signature.date)].filter((line) => line !== '');
    lines.push(...signature.map((text) => ({ text, kind: 'signature' as const })));
  }
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line.text;
    cell.font = { name: FONT_NAME, size: line.kind === 'title' ? 16 : 11, bold: line.kind !== 'text' && line.kind !== 'signature' };
    cell.alignment = {
      horizontal: line.kind === 'title' ? 'center' : line.kind === 'signature' ? 'right' : 'left',
      vertical: 'top',
      wrapText: true,
    };
    // Spreadsheet programs do not grow rows for wrapped text on opening: size each from its text.
    const title = line.kind === 'title';
    const perLine = title ? width / 1.5 : width;
    sheet.getRow(i + 1).height = Math.ceil(textUnits(line.text) / (perLine - 2)) * (title ? 24 : 16) + 4;
  });
}

// A paragraph is one cell: line breaks split it, as the text layouts do, so each line is a cell of its own.
const paragraphs = (texts: readonly string[]) =>
  texts
    .flatMap((text) => text.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((text) => ({ text, kind: 'text' as const }));

/**
 * Renders a report as an XLSX workbook: 报告信息 (title, organ, year, template, narrative), then one sheet
 * per table with the official merged heads, numbers as numeric cells and absent cells left empty.
 */
export async function renderReportXlsx(doc: ReportDocument, options: XlsxOptions = {}): Promise<Uint8Array> {
  const template = TEMPLATES[doc.template];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.agency ?? 'gongkai';
  workbook.title = reportTitle(doc);
  addInfoSheet(workbook, doc, template);
  for (const table of TABLE_IDS) {
    await addTableSheet(workbook, tableGrid(template, table, doc.cells, 'when-filled'), doc.cells, options);
  }
  if (options.authoring === true) {
    workbook.calcProperties = { fullCalcOnLoad: true };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
