// PDF → one text block through unpdf (pdf.js). Lines are rebuilt from pdf.js text items: table cells
// come out one row or one cell per line, and the core reader has a layout for that text.

import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { OPENS_ITEM, PAGE_NUMBER } from '#core/reports/read/unwrap-lines.ts';
import type { SourceBlock } from '#core/reports/report-model.ts';
import { type ColumnCarry, trailingValues, withColumns } from './pdf-columns.ts';
import { cellAtPoint, type Lattice, latticeRows, latticesOf, type OperatorCodes, rulingsOf } from './pdf-lattice.ts';

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
  const blocks: SourceBlock[] = [];
  let lines: string[] = [];
  const flushText = (): void => {
    if (lines.length > 0) {
      blocks.push({ kind: 'text', text: joinAcrossPages(lines).join('\n') });
      lines = [];
    }
  };
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    const pdf = await getDocumentProxy(bytes.slice(), { stopAtErrors: false, verbosity: 0 });
    const ops = (await getResolvedPDFJS()).OPS as unknown as OperatorCodes;
    // A table's column titles go on over a page break to its rows on the next page.
    const carry: ColumnCarry = { titles: null };
    try {
      for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
        const page = await pdf.getPage(pageNumber);
        const content = await page.getTextContent();
        const [x0 = 0, , x1 = 0] = page.view;
        const items = content.items.filter((item): item is typeof item & TextItem => 'str' in item);
        const lattices = await pageLattices(page, ops);
        for (const part of pageParts(items, lattices, Math.abs(x1 - x0), carry)) {
          if (typeof part === 'string') {
            lines.push(part);
          } else {
            flushText();
            blocks.push({ kind: 'table', rows: part });
          }
        }
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
  flushText();
  if (blocks.length === 0) {
    return { ok: false, reason: REASON_PDF_NO_TEXT };
  }
  return { ok: true, blocks };
}

/** The page's ruled tables; none when its drawing cannot be read (the text positions still are). */
async function pageLattices(
  page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }> },
  ops: OperatorCodes,
): Promise<Lattice[]> {
  try {
    return latticesOf(rulingsOf(await page.getOperatorList(), ops));
  } catch {
    return [];
  }
}

/**
 * A page as lines of text and tables in reading order: text inside a ruled table goes to its cell (lines
 * of a cell joined by '\n', as a `<br>`), the rest is read as lines, above, between and below the tables.
 */
function pageParts(
  items: readonly TextItem[],
  lattices: readonly Lattice[],
  pageWidth: number,
  carry: ColumnCarry,
): (string | string[][])[] {
  if (lattices.length === 0) {
    return itemsToLines(items, pageWidth, carry);
  }
  const cellItems = lattices.map((lattice) => lattice.cells.map((): TextItem[] => []));
  // Text between table k − 1 and table k (by height on the page) is segment k.
  const segments: TextItem[][] = lattices.map(() => []);
  segments.push([]);
  for (const item of items) {
    const [, , , , x = 0, y = 0] = item.transform;
    const height = Math.max(item.height, 0);
    const px = x + Math.abs(item.width) / 2;
    const py = y + height * 0.3;
    let placed = false;
    for (let t = 0; t < lattices.length && !placed; t++) {
      const cell = cellAtPoint(lattices[t]!, px, py);
      if (cell >= 0) {
        cellItems[t]![cell]!.push(item);
        placed = true;
      }
    }
    if (!placed) {
      let k = 0;
      while (k < lattices.length && py < lattices[k]!.ys[lattices[k]!.ys.length - 1]!) {
        k++;
      }
      segments[k]!.push(item);
    }
  }
  const parts: (string | string[][])[] = [];
  for (let k = 0; k <= lattices.length; k++) {
    parts.push(...itemsToLines(segments[k]!, pageWidth, carry));
    if (k < lattices.length) {
      carry.titles = null; // the ruled table ends the one the text before it was in
      const rows = latticeRows(lattices[k]!, cellItems[k]!.map(cellText));
      if (rows.length > 0) {
        parts.push(rows);
      }
    }
  }
  return parts;
}

/** A cell's text: its pieces by line (top down) and left to right; the lines joined by '\n'. */
function cellText(items: readonly TextItem[]): string {
  const pieces = items.filter((item) => item.str.trim() !== '');
  if (pieces.length === 0) {
    return '';
  }
  const sorted = [...pieces].sort((a, b) => {
    const dy = (b.transform[5] ?? 0) - (a.transform[5] ?? 0);
    const size = Math.max(a.height, b.height, 1);
    return Math.abs(dy) > size * 0.5 ? dy : (a.transform[4] ?? 0) - (b.transform[4] ?? 0);
  });
  return itemsToPdfLines(sorted.map((item, i) => ({ ...item, hasEOL: i + 1 < sorted.length && startsLine(sorted[i + 1]!, item) })))
    .map((line) => line.text)
    .join('\n');
}

const startsLine = (next: TextItem, item: TextItem): boolean =>
  Math.abs((next.transform[5] ?? 0) - (item.transform[5] ?? 0)) > Math.max(item.height, next.height, 1) * 0.5;

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
function itemsToLines(items: readonly TextItem[], pageWidth: number, carry: ColumnCarry): string[] {
  return withColumns(joinWrappedLines(itemsToPdfLines(items), pageWidth), carry);
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
      const spaced = gap !== undefined;
      gap = undefined;
      line += text;
      const x = item.transform[4] ?? 0;
      const width = Math.abs(item.width);
      const touching = segments.at(-1);
      if (touching !== undefined && !spaced && text === text.trimStart() && Math.abs(x - (touching.x + touching.width)) < fontSize * 0.25) {
        // pdf.js splits a run where the font changes (a radical glyph in `上⼀年`): one piece of text still.
        segments[segments.length - 1] = { text: touching.text + text.trimEnd(), x: touching.x, width: x + width - touching.x };
      } else {
        segments.push({ text: text.trim(), x, width });
      }
      fontSize = item.height > 0 ? item.height : Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0);
    }
    if (item.hasEOL) {
      endLine();
    }
  }
  endLine();
  return lines;
}

// ---------------------------------------------------------------- paragraphs wrapped at the margin

/** Where a sentence, or a paragraph, may end: a line ending so is not joined to the next. */
const CLOSING = /[。！？；：:;!?）)》」”]$/;

const leftOf = (line: PdfLine): number => line.segments[0]?.x ?? 0;
const rightOf = (line: PdfLine): number => {
  const last = line.segments.at(-1);
  return last === undefined ? 0 : last.x + last.width;
};

/**
 * Lines of one paragraph, joined (issue #9): a PDF breaks every sentence at the right margin
 * (`…和《广西壮` / `族自治区人民政府办公厅…`), so sentences read as fragments: the agency came out as
 * `族自治区人民政府办公厅关于做好` and narrative figures (`共收到` / `70件申请`) were missed. A line of text
 * that fills the text width (at least WIDE of the page, no gap wider than a character, reaching the right
 * margin) and does not end a sentence is joined to the next when that one starts at the left margin. A
 * new paragraph is indented, a heading or list item (`二、`, `（一）`, `1.`) starts afresh, and table
 * rows — cells with gaps between them, or narrower than the text — keep their lines.
 */
export function joinWrappedLines(lines: readonly PdfLine[], pageWidth: number): PdfLine[] {
  const wide = lines.filter((line) => isWide(line, pageWidth));
  if (wide.length < 2) {
    return [...lines];
  }
  // The margins: the outermost edges of running text (table lines are not running text).
  const em = median(wide.map(emOf));
  const left = Math.min(...wide.map(leftOf));
  const right = Math.max(...wide.map(rightOf));
  const joined: PdfLine[] = [];
  let last: PdfLine | undefined; // the physical line that ends joined.at(-1)
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && last !== undefined && continues(last, line, pageWidth, left, right, em)) {
      const space = /[A-Za-z0-9]$/.test(previous.text) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : '';
      joined[joined.length - 1] = { text: previous.text + space + line.text, segments: [...previous.segments, ...line.segments] };
    } else {
      joined.push(line);
    }
    last = line;
  }
  return joined;
}

const SENTENCE_MARK = /[。，；]/;

/**
 * A paragraph that a page break cuts (`…还有一些需要加强和改进的` / `- 6 -` / `地方。主要表现在：…`), joined
 * again: a page number between a line of running text (20 characters or more, with a comma, not closing
 * its sentence) and a line that is no heading or list item. The page number goes; other lines stay.
 */
export function joinAcrossPages(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const before = out.at(-1);
    const after = lines[i + 1];
    if (
      PAGE_NUMBER.test(line.trim()) &&
      before !== undefined &&
      after !== undefined &&
      before.length >= 20 &&
      /[，,、]/.test(before) &&
      !CLOSING.test(before) &&
      !OPENS_ITEM.test(after) &&
      !PAGE_NUMBER.test(after.trim())
    ) {
      out[out.length - 1] = before + after;
      i++;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** The share of the page's width a line of running text fills at least (A4 with 3 cm margins: 71%). */
const WIDE = 0.6;

const emOf = (line: PdfLine): number => (rightOf(line) - leftOf(line)) / Math.max(1, line.text.length);

/** Running text: wide and dense. */
function isWide(line: PdfLine, pageWidth: number): boolean {
  return rightOf(line) - leftOf(line) >= WIDE * pageWidth && isDense(line);
}

/**
 * Not a table row: no values at its end, and no gap between its pieces wider than a character and a half.
 * One number at the end of running text (`…予以答复。政府信息公开行政复议 351`, its unit `件` on the next
 * line) is still running text: a row label holds no sentence punctuation.
 */
function isDense(line: PdfLine): boolean {
  const trailing = trailingValues(line);
  if (trailing !== null && !(trailing.values.length === 1 && SENTENCE_MARK.test(trailing.label))) {
    return false;
  }
  const em = emOf(line) * 1.5;
  return line.segments.every((segment, i) => {
    const before = line.segments[i - 1];
    return before === undefined || segment.x - (before.x + before.width) <= em;
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function continues(previous: PdfLine, line: PdfLine, pageWidth: number, left: number, right: number, em: number): boolean {
  return (
    !CLOSING.test(previous.text) &&
    !OPENS_ITEM.test(line.text) &&
    isWide(previous, pageWidth) &&
    rightOf(previous) >= right - 1.5 * em &&
    Math.abs(leftOf(line) - left) <= 0.5 * em &&
    isDense(line)
  );
}
