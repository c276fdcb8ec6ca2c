// The annual report as an Excel workbook: a first sheet 报告信息 with the title, organ, year, template
// and narrative in column A, then one sheet per table (二, 三, 四) with the merged heads of the official
// forms (国办公开办函〔2021〕30号, 〔2019〕60号; annual-report.md §3–§4), built from the core's grids.
// Each table sheet holds exactly one table — labels in the leading columns, values in the data
// columns, nothing else in the used range — so that a reader taking each sheet as a grid maps it back.

import ExcelJS from 'exceljs';
import { formatChineseDate } from '#core/reports/render/document-cells.ts';
import { reportTitle } from '#core/reports/render/report-outline.ts';
import { type GridCell, type TableGrid, tableGrid } from '#core/reports/render/table-grid.ts';
import type { CellEntry, ReportDocument } from '#core/reports/report-model.ts';
import { type ReportTemplate, TABLE_IDS, type TableId, TEMPLATES } from '#core/reports/template.ts';

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

/** One table on its own sheet: grid positions 1:1, spans as merged ranges, borders, frozen head, print setup. */
function addTableSheet(workbook: ExcelJS.Workbook, grid: TableGrid, cells: ReadonlyMap<string, CellEntry>): void {
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
export async function renderReportXlsx(doc: ReportDocument): Promise<Uint8Array> {
  const template = TEMPLATES[doc.template];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.agency ?? 'gongkai';
  workbook.title = reportTitle(doc);
  addInfoSheet(workbook, doc, template);
  for (const table of TABLE_IDS) {
    addTableSheet(workbook, tableGrid(template, table, doc.cells, 'when-filled'), doc.cells);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
