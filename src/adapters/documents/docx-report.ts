// The annual report as a Word document in the layout of official documents (党政机关公文格式
// GB/T 9704-2012: A4, 三号 仿宋 body, 黑体 headings), with tables 二, 三 and 四 merged exactly as
// the official forms (国办公开办函〔2021〕30号, 〔2019〕60号; annual-report.md §2–§4).
// The tables come from the core's grids, one Word row per grid row, so that a DOCX read back through
// the reader (docx-to-blocks.ts) gives the same colspan/rowspan grid the HTML layout gives, and the core reader maps it.

import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type OutlineBlock, outlineReport, reportTitle } from '#core/reports/render/report-outline.ts';
import type { GridCell, GridRow, TableGrid } from '#core/reports/render/table-grid.ts';
import type { ReportDocument } from '#core/reports/report-model.ts';
import type { TableId } from '#core/reports/template.ts';

// Sizes in twips (1/20 pt) and half-points, as WordprocessingML counts them.
const CM = 567;
const A4 = { width: 11906, height: 16838 } as const;
// GB/T 9704-2012 §5.2.1: top 37 mm, left 28 mm, text block 156 × 225 mm.
const MARGIN = { top: Math.round(3.7 * CM), bottom: Math.round(3.5 * CM), left: Math.round(2.8 * CM), right: Math.round(2.6 * CM) };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/**
 * One name per script slot, as Word stores fonts: 仿宋 (FangSong) for the body, 黑体 (SimHei) for
 * headings, 宋体 (SimSun) for the title and tables; Latin digits in Times New Roman. These ship with
 * every Chinese Windows; WPS and LibreOffice substitute their own CJK faces by the same names.
 */
const latin = 'Times New Roman';
const FONT = {
  body: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '仿宋' },
  heading: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '黑体' },
  title: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '宋体' },
  table: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: '宋体' },
} as const;

/** 二号 22 pt title, 三号 16 pt body and headings, 五号 10.5 pt table 二, 小五 9 pt for the wide tables 三 and 四. */
const SIZE = { title: 44, body: 32, table: { 二: 21, 三: 18, 四: 18 } satisfies Record<TableId, number> } as const;
/** Fixed 28 pt lines: about the 22 lines a page of GB/T 9704. */
const BODY_LINE = 560;
const INDENT_TWO_CHARS = 2 * (SIZE.body / 2) * 20;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** Label column widths: 三、本年度办理结果 | （三）不予公开 … | the 1.… sub-rows (two lines for the longest). */
const T3_LABEL_WIDTHS = [560, 1200, 2605];
const T2_LABEL_WIDTH = 2245;

/** Grid column widths per table, summing to the text width; the data columns share what the labels leave. */
function columnWidths(grid: TableGrid): number[] {
  const labels = grid.table === '三' ? T3_LABEL_WIDTHS : grid.table === '二' ? [T2_LABEL_WIDTH] : [];
  const used = labels.reduce((sum, w) => sum + w, 0);
  return [...labels, ...spread(TEXT_WIDTH - used, grid.width - labels.length)];
}

/** `total` split into `parts` whole twips, the remainder to the first columns. */
function spread(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}

function tableCell(c: GridCell, size: number, keepNext: boolean): TableCell {
  const merge = c.role === 'covered' ? VerticalMergeType.CONTINUE : c.rowspan > 1 ? VerticalMergeType.RESTART : undefined;
  // Row labels and the table 三 note read left to right; headers and numbers are centred, as in the forms.
  const alignment = c.role === 'row-header' || c.role === 'corner' ? AlignmentType.LEFT : AlignmentType.CENTER;
  const text = c.role === 'covered' ? '' : c.text;
  return new TableCell({
    // rowSpan is left out on purpose: docx would insert its own continuation cells, and the grid already has them.
    ...(c.colspan > 1 ? { columnSpan: c.colspan } : {}),
    ...(merge === undefined ? {} : { verticalMerge: merge }),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment,
        keepNext,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: text === '' ? [] : [new TextRun({ text, font: FONT.table, size: c.role === 'corner' ? size - 2 : size })],
      }),
    ],
  });
}

function tableRow(row: GridRow, size: number, repeatsAsHeader: boolean): TableRow {
  // A block header (第二十条第（…）项) or a column head never ends a page alone.
  const keepNext = row.kind === 'block' || row.kind === 'header';
  return new TableRow({
    cantSplit: true,
    // Only written when true: mammoth reads <w:tblHeader w:val="off"/> as a header row all the same.
    ...(repeatsAsHeader ? { tableHeader: true } : {}),
    children: row.cells.map((c) => tableCell(c, size, keepNext)),
  });
}

/** One Word table per grid, one Word row per grid row; the head of tables 三 and 四 repeats on each page. */
function wordTable(grid: TableGrid): Table {
  const size = SIZE.table[grid.table];
  const headRows = grid.table === '二' ? 0 : grid.rows.findIndex((row) => row.kind !== 'header');
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columnWidths(grid),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    alignment: AlignmentType.CENTER,
    rows: grid.rows.map((row, index) => tableRow(row, size, index < headRows)),
  });
}

const bodyParagraph = (text: string) =>
  new Paragraph({
    indent: { firstLine: INDENT_TWO_CHARS },
    children: [new TextRun(text)],
  });

function blockChildren(block: OutlineBlock): FileChild[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [bodyParagraph(block.text)];
    case 'table':
      // An empty line after the table keeps the next heading off its bottom border.
      return [wordTable(block.grid), new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO } })];
    case 'signature':
      return block.lines.map(
        (line, index) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: INDENT_TWO_CHARS },
            ...(index === 0 ? { spacing: { before: BODY_LINE * 2 } } : {}),
            children: [new TextRun(line)],
          }),
      );
  }
}

/** Page number centred at the foot: — 1 — in 宋体, as official documents number their pages. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.title, size: 28 })],
      }),
    ],
  });

/**
 * Renders a report as a DOCX file in the official layout: A4, title, preamble, the six sections with
 * their paragraphs, tables 二/三/四 with the forms' merged heads, and the signature right-aligned.
 */
export async function renderReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const children = outlineReport(doc, 'when-filled').flatMap(blockChildren);
  const document = new Document({
    title: reportTitle(doc),
    creator: doc.agency ?? 'gongkai',
    styles: {
      default: {
        document: {
          run: { font: FONT.body, size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
        title: {
          run: { font: FONT.title, size: SIZE.title, bold: true, color: '000000' },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE },
          },
        },
        heading1: {
          run: { font: FONT.heading, size: SIZE.body, bold: false, color: '000000' },
          paragraph: {
            indent: { firstLine: INDENT_TWO_CHARS },
            spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            keepNext: true,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: { ...MARGIN, header: 851, footer: 992 },
          },
        },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
