// PDF → one text block through unpdf (pdf.js). Lines are rebuilt from pdf.js text items: table cells
// come out one row or one cell per line, and the core reader has a layout for that text.

import { getDocumentProxy } from 'unpdf';
import type { SourceBlock } from '#core/reports/report-model.ts';

export type PdfBlocks = { readonly ok: true; readonly blocks: SourceBlock[] } | { readonly ok: false; readonly reason: string };

export const REASON_PDF_NO_TEXT = 'PDF 中没有可提取的文字（可能是扫描件）';

/** The slice of a pdf.js text item this reader uses. */
interface TextItem {
  readonly str: string;
  readonly width: number;
  readonly height: number;
  readonly transform: readonly number[];
  readonly hasEOL: boolean;
}

/**
 * Gaps narrower than this share of the font size, next to a CJK character, are typesetting: Word
 * and LibreOffice put a quarter-em between Chinese and Latin or digits (自 2023 年), which the
 * source text does not have. Table cell gaps are cell padding, several times wider.
 */
const AUTOSPACE_EM = 0.4;

/** Reads the text layer of every page, pages in order; a scan without text is a reason. */
export async function pdfToBlocks(bytes: Uint8Array): Promise<PdfBlocks> {
  const lines: string[] = [];
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(bytes.slice(), { stopAtErrors: false, verbosity: 0 });
    try {
      for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
        const page = await pdf.getPage(pageNumber);
        const content = await page.getTextContent();
        lines.push(...itemsToLines(content.items.filter((item): item is typeof item & TextItem => 'str' in item)));
        page.cleanup();
      }
    } finally {
      await pdf.loadingTask.destroy();
    }
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return { ok: false, reason: 'PDF 文件已加密，无法读取' };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `PDF 文件已损坏，无法打开（${message.split('\n')[0]?.slice(0, 200) ?? ''}）` };
  }
  if (lines.length === 0) {
    return { ok: false, reason: REASON_PDF_NO_TEXT };
  }
  return { ok: true, blocks: [{ kind: 'text', text: lines.join('\n') }] };
}

const isCjk = (char: string | undefined): boolean => char !== undefined && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char);

/** A piece of text on a PDF line and where it stands (x of its left edge, width), in page units. */
export interface PdfSegment {
  readonly text: string;
  readonly x: number;
  readonly width: number;
}

/** A line as rebuilt from the text items: its text, and its segments for column positions. */
export interface PdfLine {
  readonly text: string;
  readonly segments: readonly PdfSegment[];
}

/** Joins a page's items into lines: pdf.js marks line ends; whitespace items are gaps to weigh. */
function itemsToLines(items: readonly TextItem[]): string[] {
  return withColumns(itemsToPdfLines(items));
}

function itemsToPdfLines(items: readonly TextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line = '';
  let segments: PdfSegment[] = [];
  let gap: number | undefined;
  let fontSize = 0;
  const endLine = (): void => {
    const text = line.trim();
    if (text !== '') {
      lines.push({ text, segments });
    }
    line = '';
    segments = [];
    gap = undefined;
  };
  for (const item of items) {
    const text = item.str.replace(/\s+/g, ' ');
    if (text === ' ') {
      gap = (gap ?? 0) + Math.abs(item.width);
    } else if (text !== '') {
      if (gap !== undefined && line !== '') {
        const isAutospace = gap < fontSize * AUTOSPACE_EM && (isCjk(line.at(-1)) || isCjk(text[0]));
        line += isAutospace || line.endsWith(' ') || text.startsWith(' ') ? '' : ' ';
      }
      gap = undefined;
      line += text;
      segments.push({ text: text.trim(), x: item.transform[4] ?? 0, width: Math.abs(item.width) });
      fontSize = item.height > 0 ? item.height : Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0);
    }
    if (item.hasEOL) {
      endLine();
    }
  }
  endLine();
  return lines;
}

// ---------------------------------------------------------------- columns from positions (issue #9)

const VALUE = /^(?:-?\d+(?:\.\d+)?|[/／—–-])$/;

/** The value segments at the end of a line (a row's cells after its label), or null when it has none. */
function trailingValues(line: PdfLine): { label: string; values: PdfSegment[] } | null {
  let start = line.segments.length;
  while (start > 0 && VALUE.test(line.segments[start - 1]!.text)) {
    start--;
  }
  if (start === line.segments.length) {
    return null;
  }
  if (line.segments.slice(0, start).some((s) => /\d/.test(s.text) && VALUE.test(s.text))) {
    return null;
  }
  return {
    label: line.segments
      .slice(0, start)
      .map((s) => s.text)
      .join(' ')
      .trim(),
    values: line.segments.slice(start),
  };
}

const center = (s: PdfSegment): number => s.x + s.width / 2;

/**
 * Table rows with blank cells, placed by position (issue #9): a row with fewer values than the last full
 * row of the page before it is written with tabs, `''` where a column has no value, each value under the
 * nearest column of that full row — so the reader keeps blank cells instead of shifting values left.
 * Full rows, text and rows that do not fit the columns (a value between two columns, two values in one)
 * stay as pdf.js gives them.
 */
export function withColumns(lines: readonly PdfLine[]): string[] {
  let grid: number[] | null = null;
  return lines.map((line) => {
    const row = trailingValues(line);
    if (row === null) {
      // A header or heading between tables starts other columns; a wrapped label's short fragment does not.
      if (line.text.length > 8) {
        grid = null;
      }
      return line.text;
    }
    const centers = row.values.map(center);
    if (grid === null || row.values.length >= grid.length) {
      if (row.values.length >= 2) {
        grid = centers;
      }
      return line.text;
    }
    const columns = grid;
    let spacing = Number.POSITIVE_INFINITY;
    for (let i = 1; i < columns.length; i++) {
      spacing = Math.min(spacing, columns[i]! - columns[i - 1]!);
    }
    const cells: string[] = columns.map(() => '');
    let previous = -1;
    for (let i = 0; i < row.values.length; i++) {
      let best = 0;
      for (let c = 1; c < columns.length; c++) {
        if (Math.abs(columns[c]! - centers[i]!) < Math.abs(columns[best]! - centers[i]!)) {
          best = c;
        }
      }
      if (best <= previous || !(Math.abs(columns[best]! - centers[i]!) < spacing * 0.4)) {
        return line.text;
      }
      cells[best] = row.values[i]!.text;
      previous = best;
    }
    return [row.label, ...cells].join('\t');
  });
}
