// The layout readers of the table reader: they turn a decoded document into physical rows of cells,
// whatever the layout (annual-report.md §5 "layout defects"): pipe rows (`a | b`, Markdown `| a | b |`),
// tab-separated rows, one cell per line (tab-prefixed DOCX exports, or plain lines), a label line with
// its value line(s), numbers after the label on one line (PDF text), and grids of table blocks.
// Mapping rows to template IDs is read-tables.ts's job; this file only knows labels well enough to
// tell table text from narrative.

import type { SourceDocument } from '../report-model.ts';
import { T3_COLUMNS, type TableId, TEMPLATES, type TemplateId } from '../template.ts';
import { knownLabelText, type LabelMatch, type LabelTarget, matchLabel, matchLabelExactly, TextBook } from './match-label.ts';
import { normalizeLabel } from './normalize-label.ts';
import {
  CELL_OTHER,
  cellKind,
  cellRaw,
  isDigitCode,
  isMarkedNumber,
  isTrimmable,
  isValueText,
  parseCellValue,
} from './parse-cell-value.ts';
import { asciiDigits } from './read-document-dates.ts';
import { gluedTable2Header, isRunTogether, type RunItem, runTogetherLine, type Table2Run, tokenizeRunTogether } from './run-together.ts';
import { joinTabLineCells } from './tab-line-cells.ts';

/** One row of cells as laid out in the source. */
export interface PhysicalRow {
  /** Cell texts as found (not trimmed); '' = an empty cell or a merged-cell placeholder. */
  readonly cells: readonly string[];
  /** False when cells came from splitting a line at spaces: blank cells vanished, positions are lost. */
  readonly positional: boolean;
  /** Indices into `lines` of the source lines this row was read from. */
  readonly lines: readonly number[];
  /** True for a row of a table block (HTML/DOCX/XLSX grid): structurally complete, never cut mid-row. */
  readonly grid?: boolean;
  /** The table the row sits in (by the section heading before it, or by its own labels). */
  readonly table: TableId;
  /**
   * The first cell the scan matched as a label and its match (tableOfRow), so the table reader need not
   * look the same text up again; a hint only: used when the reader meets that very text.
   */
  readonly hintText?: string | undefined;
  readonly hintMatch?: LabelMatch | undefined;
}

/** A section heading line: its table (null for sections 一, 五, 六). */
export interface HeadingLine {
  readonly line: number;
  readonly table: TableId | null;
}

export interface ScannedLayout {
  /** Every line of the document in order; a grid row becomes one line of its non-empty cells. */
  readonly lines: readonly string[];
  readonly rows: readonly PhysicalRow[];
  readonly headings: readonly HeadingLine[];
  /** Lines inside a table that carry no cells (page furniture, `------` rules, Markdown separators). */
  readonly skipped: readonly number[];
  /** Rows of run-together text whose digits split into cells in no or several ways (left unread). */
  readonly runTogether?: readonly RunTogetherRow[];
  /** The number a text without a final line break ends in: it may be cut short (withoutOpenTail). */
  readonly openTail?: string;
  /**
   * The ordinal such a text ends in that starts the next label (`7.` after `6.属于四类过程性信息` and its values):
   * withoutOpenTail dropped it as no value; the text is cut in that label's row (rule 38).
   */
  readonly openOrdinal?: string;
}

/** Digits and what may sit inside a number (`1,234`, `0.5`), ASCII or full-width. */
function isNumberPart(code: number): boolean {
  return isDigitCode(code) || code === 0x2c || code === 0x2e || code === 0xff0c || code === 0xff0e;
}

// A table 三 label with its ordinal: `3.危及“三安全一稳定”`, `（六）其他处理`.
const SUB_ROW_ORDINAL = /^(\d{1,2})\s*[.．、]/;
const GROUP_LABEL = /^[（(][一二三四五六七][）)]/;

/**
 * True when the number a cut text ends in is the ordinal of the label that came next (`1.`, `4` of
 * `4.保护第三方合法权益` after `3.危及“三安全一稳定”`, `1` of `1.…` after `（六）其他处理`): the last cell
 * before it is a label numbered one less, or a group label and the number is 1; or any number right
 * after a section heading (`2023` of `2023年，…` after `四、政府信息公开行政复议、行政诉讼情况`).
 */
function startsNextLabel(before: string, number: string): boolean {
  if (/^\d{1,2}[.．]$/.test(number)) {
    // `1.` is no cell value: the start of a numbered label.
    return true;
  }
  const last = lastCellOf(before);
  if (headingTable(last) !== undefined) {
    // Right after a section heading, before any column header: a sentence's year or count, no cell.
    return true;
  }
  const ordinal = /^\d{1,2}$/.test(number) ? SUB_ROW_ORDINAL.exec(last) : null;
  if (ordinal !== null) {
    return Number(ordinal[1]) + 1 === Number(number);
  }
  return (GROUP_LABEL.test(last) && number === '1') || closesNumberedRow(before, number);
}

/** The columns of a table 三 row (six applicant kinds and 总计): the rows numbered `1.`–`8.`. */
const TABLE3_COLUMNS = 7;

/**
 * True when the text before the number ends in a whole numbered table 三 row (`1.属于国家秘密` and its
 * seven values, one per line) and the number is the next row's ordinal (`2` of `2.其他法律…`): read as
 * a value, it made the row eight values long and shifted every column by one.
 */
function closesNumberedRow(before: string, number: string): boolean {
  if (!/^\d{1,2}$/.test(number)) {
    return false;
  }
  const cells = before
    .slice(-600)
    .split(/[\n|\t]|\s{2,}/)
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
  let values = 0;
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i]!;
    if (/^[\d,.，．]+$/.test(cell)) {
      values++;
      continue;
    }
    const ordinal = SUB_ROW_ORDINAL.exec(cell);
    return values === TABLE3_COLUMNS && ordinal !== null && Number(ordinal[1]) + 1 === Number(number);
  }
  return false;
}

const WHITESPACE = /\s/;

/**
 * The last non-empty cell of a text, trimmed: cells end at a line break, `|`, a tab or a run of two or
 * more whitespace characters. Read backwards from the end, so a long text is not split whole for it.
 */
export function lastCellOf(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '|' || WHITESPACE.test(text[end - 1]!))) {
    end--;
  }
  let start = end;
  while (start > 0) {
    const ch = text[start - 1]!;
    if (ch === '\n' || ch === '|' || ch === '\t' || (WHITESPACE.test(ch) && start > 1 && WHITESPACE.test(text[start - 2]!))) {
      break;
    }
    start--;
  }
  return text.slice(start, end).trim();
}

/**
 * The end of a text that stops without a line break (`SourceDocument.openEnd`). A last line left holding
 * only spaces (a cell line or a layout line cut short) is dropped: read as a blank cell it shifted the
 * row's numbers by one column. A number touching the end is kept, as the text shows it (the corpus's
 * hand-read truth does the same), and returned as `number`: it may be the first digits of a longer one
 * (`9` of `93`), which the reading says. A number that is the ordinal of the next label (startsNextLabel)
 * is dropped: read, it became the value of the label before.
 */
export function withoutOpenTail(text: string): { readonly text: string; readonly number: string | null } {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) {
    end--;
  }
  let start = end;
  while (start > 0 && isNumberPart(text.charCodeAt(start - 1))) {
    start--;
  }
  // A comma or point alone (`…各类资金的发放,`) is punctuation, no number.
  while (start < end && !isDigitCode(text.charCodeAt(start))) {
    start++;
  }
  const number = text.slice(start, end);
  if (number !== '' && startsNextLabel(text.slice(0, start), number)) {
    return { text: text.slice(0, start), number: null };
  }
  // A lone `0` is complete (no count starts with 0).
  if (number !== '' && end === text.length && number !== '0') {
    return { text, number };
  }
  const lineStart = text.lastIndexOf('\n', text.length - 1) + 1;
  return { text: text.slice(lineStart).trim() === '' ? text.slice(0, lineStart) : text, number: null };
}

/** A row of run-together digits the table's arithmetic could not split in exactly one way. */
export interface RunTogetherRow {
  readonly table: TableId;
  readonly label: string | null;
  readonly run: string;
  readonly width: number;
  /** Table 二: the row's splits, and the index in `rows` of the label-only row emitted for it. */
  readonly table2?: Table2Run & { readonly rowIndex: number };
}

// Section headings that open or close a table region, by the phrase that survives numbering variants.
const HEADING_PHRASES: readonly (readonly [string, TableId | null])[] = [
  ['主动公开政府信息情况', '二'],
  ['收到和处理政府信息公开申请情况', '三'],
  ['行政复议、行政诉讼情况', '四'],
  ['政府信息公开行政复议', '四'],
  ['总体情况', null],
  ['存在的主要问题及改进情况', null],
  ['其他需要报告的事项', null],
];
const MARKDOWN_HEADING = /^#{1,6}\s*/;
const HEADING_ORDINAL = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))/;

/** The table a section-heading line opens (null = a non-table section), or undefined when it is no heading. */
export function headingTable(line: string): TableId | null | undefined {
  // Every heading phrase contains 况, 项 or 议: most lines are rejected without normalising.
  if (line.length > 60 || !(line.includes('况') || line.includes('项') || line.includes('议'))) {
    return undefined;
  }
  // A sentence (its 。 or comma survive every step below into the key) is no heading: rejected before
  // the key is made (NFKC of a new sentence in every report). A bookmark tag could hide them: not then.
  // Nor is a line with a `|` (the trimmed line below keeps it).
  if (line.includes('|') || ((line.includes('。') || line.includes('，') || line.includes(',')) && !line.includes('[bookmark'))) {
    return undefined;
  }
  // The lines left (`第二十条第（一）项`, `行政复议`, the headings) recur report after report.
  const known = headingBook.find(line, 0, line.length);
  if (known >= 0) {
    const table = headingBook.value(known);
    return table === NO_HEADING ? undefined : table;
  }
  const table = headingOf(line);
  headingBook.add(line, table === undefined ? NO_HEADING : table);
  return table;
}

// A section heading inside a line of a page whose paragraphs a crawler joined with spaces (`…开展工作。 二、主动
// 公开政府信息情况 三、收到和处理…`): after the line's start, a space or a sentence's end, and followed by a space
// or the line's end — never inside a list of the report's parts (`包括：一、总体情况；二、…`).
const EMBEDDED_HEADING = /(?:^|(?<=[\s。！？!?]))[一二三四五六七]、/g;

/** The line cut before and after each section heading inside it; null when it holds none but at its start. */
function atEmbeddedHeadings(line: string): string[] | null {
  if (!line.includes('、') || !(line.includes('况') || line.includes('项'))) {
    return null;
  }
  const cuts: number[] = [];
  EMBEDDED_HEADING.lastIndex = 0;
  for (let match = EMBEDDED_HEADING.exec(line); match !== null; match = EMBEDDED_HEADING.exec(line)) {
    const start = match.index;
    for (const [phrase] of HEADING_PHRASES) {
      const at = line.indexOf(phrase, start + 2);
      if (at < 0 || at > start + 12) {
        continue;
      }
      const end = at + phrase.length;
      if ((end === line.length || /\s/.test(line[end]!)) && headingTable(line.slice(start, end)) !== undefined) {
        cuts.push(start, end);
      }
      break;
    }
  }
  if (cuts.length === 0 || (cuts.length === 2 && cuts[0] === 0 && cuts[1] === line.length)) {
    return null;
  }
  const pieces: string[] = [];
  let from = 0;
  for (const cut of [...cuts, line.length]) {
    const piece = line.slice(from, cut).trim();
    if (piece !== '') {
      pieces.push(piece);
    }
    from = cut;
  }
  return pieces.length > 1 ? pieces : null;
}

// What scanText notes of each line in the pass that finds its end (LINE_FACTS): a `|`, a tab, one of the
// characters every heading phrase holds (headingTable's first test), whitespace (what trim and \s know),
// a sentence's `。` `，` `,` and a `[` (of a bookmark tag: headingTable's second test).
const LINE_PIPE = 1;
const LINE_TAB = 2;
const LINE_HEADING_CHARACTER = 4;
const LINE_SPACE = 8;
const LINE_SENTENCE = 16;
const LINE_BRACKET = 32;

/**
 * False when a line with these facts is no heading by headingTable's first tests: no 况, 项 or 议, or a
 * sentence's punctuation without a `[`. A single pipe cell (scanLine) holds every character of its line
 * but pipes and blanks, so its line's facts answer for it too.
 */
function mayBeHeading(facts: number): boolean {
  return (facts & LINE_HEADING_CHARACTER) !== 0 && ((facts & LINE_SENTENCE) === 0 || (facts & LINE_BRACKET) !== 0);
}

/**
 * The LINE_* bits of every UTF-16 code unit, 0 for most: one load per character in scanText's pass (a
 * table lookup is cheaper there than the comparisons). Only the few code units with a bit are set.
 */
const LINE_FACTS = new Uint8Array(0x10000);
LINE_FACTS[0x7c] = LINE_PIPE;
// The whitespace of trim and \s (isTrimmable), the tab among it.
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) {
  LINE_FACTS[code] = LINE_SPACE;
}
for (let code = 0x2000; code <= 0x200a; code++) {
  LINE_FACTS[code] = LINE_SPACE;
}
LINE_FACTS[0x09] = LINE_TAB | LINE_SPACE;
for (const heading of '况项议') {
  LINE_FACTS[heading.charCodeAt(0)] = LINE_HEADING_CHARACTER;
}
for (const sentence of '。，,') {
  LINE_FACTS[sentence.charCodeAt(0)] = LINE_SENTENCE;
}
LINE_FACTS[0x5b] = LINE_BRACKET;

const NO_HEADING = 'none';
const headingBook = new TextBook<TableId | null | typeof NO_HEADING>(4096);

function headingOf(line: string): TableId | null | undefined {
  const trimmed = line.trim().replace(MARKDOWN_HEADING, '');
  if (trimmed.length === 0 || trimmed.length > 40 || trimmed.includes('\t') || trimmed.includes('|')) {
    return undefined;
  }
  const key = normalizeLabel(trimmed);
  if (key.includes('。') || key.includes(',')) {
    return undefined;
  }
  const body = key.replace(HEADING_ORDINAL, '');
  for (const [phrase, table] of HEADING_PHRASES) {
    // The phrase must carry the line: `一、总体情况` or `总体情况`, not a sentence mentioning it.
    if (body.includes(phrase) && body.length <= phrase.length + 12) {
      // Sections numbered `(二)主动公开政府信息情况` keep the template's numbers; `(一)主动公开政府信息情况` is a part
      // of section 一 (a real page's table 二 anchored there took section 一's figures for its cells).
      const bracketed = /^\(([一二三四五六七八九十]+)\)/.exec(key);
      return table !== null && bracketed !== null && bracketed[1] !== table ? undefined : table;
    }
  }
  return undefined;
}

// Page numbers in ASCII or full-width digits (`- 3 -`, `－３－`, `第３页`).
// Each pattern has its own first characters (第; - — －; h/w of a URL; [; a digit): the first character of
// a line picks the one pattern that can match it (furniturePattern).
const PAGE_NUMBER = /^第\s*[\d０-９]+\s*页\s*[,，/]?\s*(?:共\s*[\d０-９]+\s*页)?$/;
const DASHED_PAGE_NUMBER = /^[-—－]\s*[\d０-９]+\s*[-—－]$/;
const URL = /^(?:https?:\/\/|www\.)\S*$/i;
const BOOKMARK = /^\[bookmark:[^\]]*\]$/;
const PAGE_OF_PAGES = /^[\d０-９]+\s*\/\s*[\d０-９]+$/;

/** True for lines that are page furniture or word-processor residue, not content (page numbers, URLs, bookmarks). */
export function isFurniture(line: string): boolean {
  // The first character that is not trimmed decides most lines without the trimmed copy.
  let first = 0;
  while (first < line.length && isTrimmable(line.charCodeAt(first))) {
    first++;
  }
  const pattern = first === line.length ? undefined : furniturePattern(line.charCodeAt(first));
  // A value line (`18`, `\t0`) has no `/`: no page-of-pages, without the trimmed copy and the regexp.
  if (pattern === undefined || (pattern === PAGE_OF_PAGES && line.indexOf('/', first) === -1)) {
    return false;
  }
  const trimmed = line.trim();
  return trimmed.length <= 80 && pattern.test(trimmed) && (pattern !== PAGE_OF_PAGES || isPageOfPages(trimmed));
}

/**
 * A page of a number of pages (`3 / 12`): from 1 to the count. `0/0` is no page but a cell's text (probeL3 010:
 * `行政许可 |` / `0 |` / `0/0 |` / `0 |`, 本年增/减 written as it stands), so is `5/3`.
 */
function isPageOfPages(trimmed: string): boolean {
  const [page, count] = asciiDigits(trimmed)
    .split('/')
    .map((part) => Number(part.trim()));
  return page! >= 1 && page! <= count!;
}

/**
 * The one furniture pattern a line whose first non-blank character is `code` may match, or undefined:
 * a value line (`18`) is tried against the page-of-pages pattern only, most lines against none.
 */
function furniturePattern(code: number): RegExp | undefined {
  if (isDigitCode(code)) {
    return PAGE_OF_PAGES;
  }
  if (code === 0x7b2c) {
    return PAGE_NUMBER;
  }
  if (code === 0x2d || code === 0x2014 || code === 0xff0d) {
    return DASHED_PAGE_NUMBER;
  }
  if (code === 0x5b) {
    return BOOKMARK;
  }
  return (code | 0x20) === 0x68 || (code | 0x20) === 0x77 ? URL : undefined;
}

const RULE_LINE = /^[\s\-—=_:+|－]+$/;

function isRule(cells: readonly string[]): boolean {
  let any = false;
  for (let c = 0; c < cells.length; c++) {
    // RULE_LINE on the trimmed cell, in place: \s is what trim removes (isTrimmable).
    const cell = cells[c]!;
    let start = 0;
    let end = cell.length;
    while (start < end && isTrimmable(cell.charCodeAt(start))) {
      start++;
    }
    if (start === end) {
      continue;
    }
    while (isTrimmable(cell.charCodeAt(end - 1))) {
      end--;
    }
    if (end - start < 3) {
      return false;
    }
    for (let i = start; i < end; i++) {
      if (!isRuleCode(cell.charCodeAt(i))) {
        return false;
      }
    }
    any = true;
  }
  return any;
}

/** A character of RULE_LINE: whitespace or one of `- — = _ : + | －`. */
function isRuleCode(code: number): boolean {
  return (
    code === 0x2d ||
    code === 0x2014 ||
    code === 0x3d ||
    code === 0x5f ||
    code === 0x3a ||
    code === 0x2b ||
    code === 0x7c ||
    code === 0xff0d ||
    isTrimmable(code)
  );
}

/**
 * The cells of a pipe line. Markdown rows (`| a | b |`) carry a border on each side; in the plain pipe
 * layout (`a | b |`, seed 002) a leading `|` is an empty first cell, so borders are dropped only inside
 * a Markdown table (after its `|---|` line; the head line above it only holds labels).
 */
function splitPipes(line: string, markdown: boolean): string[] {
  if (line.includes('\\')) {
    return withoutBorders(splitUnescaped(line), line, markdown);
  }
  const count = cellBounds(line, 0x7c);
  let first = 0;
  let last = count;
  // A blank first cell means the trimmed line starts with `|` (the trimmable set is trim's), a blank last
  // cell that it ends with one: the Markdown border test of withoutBorders, on the bounds.
  if (markdown && last - first > 1 && isBlankRange(line, cellStarts[first]!, cellEnds[first]!)) {
    first++;
  }
  if (markdown && last - first > 1 && isBlankRange(line, cellStarts[last - 1]!, cellEnds[last - 1]!)) {
    last--;
  }
  return cellsOf(line, first, last);
}

/** withoutBorders for cells made with their escapes read (splitUnescaped). */
function withoutBorders(cells: string[], line: string, markdown: boolean): string[] {
  const trimmed = line.trim();
  if (markdown && trimmed.startsWith('|') && cells.length > 1 && cells[0]!.trim() === '') {
    cells.shift();
  }
  if (markdown && trimmed.endsWith('|') && cells.length > 1 && cells[cells.length - 1]!.trim() === '') {
    cells.pop();
  }
  return cells;
}

// Where the cells of the line being split start and end (cellBounds), reused from line to line: a row's
// cells are found without a string per cell, and made by cellsOf.
const cellStarts: number[] = [];
const cellEnds: number[] = [];

/** The bounds of line's cells separated by the code unit `separator`, as `split` gives them; their count. */
function cellBounds(line: string, separator: number): number {
  let count = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) === separator) {
      cellStarts[count] = start;
      cellEnds[count] = i;
      count++;
      start = i + 1;
    }
  }
  cellStarts[count] = start;
  cellEnds[count] = line.length;
  return count + 1;
}

/**
 * The cells `first` to `last` (exclusive) of the bounds cellBounds found, as cellText makes them.
 */
function cellsOf(line: string, first: number, last: number): string[] {
  const cells = new Array<string>(last - first);
  for (let c = first; c < last; c++) {
    cells[c - first] = cellText(line, cellStarts[c]!, cellEnds[c]!);
  }
  return cells;
}

/**
 * The cell line[start, end). A label matchLabel has seen is its string (knownLabelText): the label cells
 * of a table row, the same report after report, are not made again, and the label book finds them by
 * identity. A cell that is blank or starts with an ASCII digit, most likely a value (new in every
 * report), is a slice without a look-up (a label starting with a digit, `1.属于国家秘密`, is then a new
 * string: the same text either way).
 */
function cellText(line: string, start: number, end: number): string {
  let first = start;
  while (first < end && isTrimmable(line.charCodeAt(first))) {
    first++;
  }
  if (first === end || isAsciiDigit(line.charCodeAt(first))) {
    return start === end ? '' : line.slice(start, end);
  }
  return knownLabelText(line, start, end) ?? line.slice(start, end);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** True when line[start, end) holds nothing trim would keep. */
function isBlankRange(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isTrimmable(line.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** Splits at `|`, keeping Markdown's escaped `\|` and `\\` as text. */
function splitUnescaped(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length && (line[i + 1] === '|' || line[i + 1] === '\\')) {
      current += line[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells;
}

const TOKEN_SEPARATOR = /[\s\u3000\u00a0]+/;
const SENTENCE_PUNCTUATION = /[。；;，,！？!?：:]/;

/** The tables a label names, or an empty list when it names none; one frozen list per list of targets. */
const TABLES_OF = new WeakMap<readonly LabelTarget[], readonly TableId[]>();

function tablesOf(targets: readonly LabelTarget[]): readonly TableId[] {
  // matchLabel memoises its results, so the same target lists come back report after report.
  let tables = TABLES_OF.get(targets);
  if (tables === undefined) {
    const list: TableId[] = [];
    for (let i = 0; i < targets.length; i++) {
      const table = targets[i]!.table;
      if (!list.includes(table)) {
        list.push(table);
      }
    }
    tables = Object.freeze(list);
    TABLES_OF.set(targets, tables);
  }
  return tables;
}

// The first label cell tableOfRow matched in the row it was last asked about, and its match (PhysicalRow's hint).
let hintText: string | undefined;
let hintMatch: LabelMatch | undefined;

/**
 * The table of a row: the current one if any label belongs to it, else the one table its labels name.
 * A lone generic column label (`其他`, `总计`) does not move a row to another table; a row, block or
 * header label does, and so do two column labels of the same table.
 */
function tableOfRow(cells: readonly string[], current: TableId | null): TableId | null {
  // Most rows name the current table: the weights are only counted (and their map made) otherwise.
  let weight: Map<TableId, number> | undefined;
  let seen: Set<string> | undefined;
  hintText = undefined;
  hintMatch = undefined;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (cell.length > 80 || isValueText(cell)) {
      continue;
    }
    const match = matchLabel(cell);
    if (hintText === undefined) {
      hintText = cell;
      hintMatch = match;
    }
    const targets = match.targets;
    const tables = tablesOf(targets);
    if (current !== null && tables.includes(current)) {
      return current;
    }
    // A label counts once (`其他` twice in table 四's broken header, `| 维持 | … | 其他 | 尚未 | … | 其他 |`, is no
    // table 三 header).
    if (tables.length === 1) {
      seen ??= new Set();
      if (!seen.has(match.official)) {
        seen.add(match.official);
        const strong = targets.some((t) => t.kind !== 'column');
        weight ??= new Map();
        weight.set(tables[0]!, (weight.get(tables[0]!) ?? 0) + (strong ? 2 : 1));
      }
    }
  }
  if (weight === undefined) {
    return current;
  }
  let best: TableId | null = null;
  // One column label alone (`发布单位: | 某局 | 主题分类: | 其他 |`: page metadata) opens no table.
  let bestWeight = 1;
  for (const [table, w] of weight) {
    if (w > bestWeight) {
      best = table;
      bestWeight = w;
    }
  }
  return best ?? current;
}

interface OpenRow {
  cells: string[];
  positional: boolean;
  lines: number[];
  /** tab = tab-prefixed cells (a line without a tab continues the last cell); stream = plain lines. */
  mode: 'tab' | 'stream';
  hasValues: boolean;
  /** Whether the row's labels are data-row labels (a group and its sub-row stack up; a header does not). */
  rowLabels: boolean;
}

/**
 * Reads every block of a document into physical rows (annual-report.md §5–§6.2). Never throws; linear
 * in the input size.
 */
export function scanLayout(doc: SourceDocument): ScannedLayout {
  const lines: string[] = [];
  const rows: PhysicalRow[] = [];
  const headings: HeadingLine[] = [];
  const skipped: number[] = [];
  const runTogether: RunTogetherRow[] = [];
  let table: TableId | null = null;
  // The template a run-together table 二 header named (gluedTable2Header): its glued rows are split by it.
  let table2Glued: TemplateId | null = null;
  let open: OpenRow | null = null;
  let continuable = false;
  // Inside a Markdown table (after its `|---|` line): rows carry a border `|` on each side.
  let markdown = false;
  // One cell per line with pipes as separators (`0 |`, lone `|`, `|||` spacers): a pipe line holding one
  // cell is that cell, a line of pipes only separates cells.
  let pipeCells = false;
  // One cell per line: whether an empty line follows every cell (a separator; then a run of k empty lines
  // holds k − 1 empty cells), cells stand on adjacent lines (then each empty line is an empty cell), or
  // neither is clear (empty lines are not counted); and the empty lines met since the last line with text.
  // Judged on first need (most texts never put an empty line before a value inside a row).
  let separatedCells: boolean | null | undefined;
  let blockText = '';
  // The block's page-of-pages lines that count its pages (`1/3` … `3/3`), judged on first need (pageFooters).
  let footers: ReadonlySet<string> | undefined;
  let emptyRun = 0;
  // The line before, when it was a short unknown label: maybe the first half of a wrapped label.
  let fragment: { text: string; index: number } | null = null;

  const emit = (cells: string[], positional: boolean, lineIndices: number[], grid = false): void => {
    const rowTable = tableOfRow(cells, table);
    if (rowTable === null) {
      return;
    }
    table = rowTable;
    rows.push(
      grid
        ? { cells, positional, lines: lineIndices, table: rowTable, hintText, hintMatch, grid }
        : { cells, positional, lines: lineIndices, table: rowTable, hintText, hintMatch },
    );
  };
  const flush = (): void => {
    if (open !== null) {
      // Empty cells read from lone bars at the row's end go: a blank at the end is no cell to place, and
      // where bars also open rows (`|` / `规章` / `|` / `0` / `|` / `|` / `行政规范性文件`) it was the boundary.
      const cells = open.cells;
      const at = open.lines;
      while (cells.length > 1 && cells[cells.length - 1] === '' && at.length > 1 && isLoneBar(lines[at[at.length - 1]!]!)) {
        cells.pop();
        at.pop();
      }
      emit(cells, open.positional, at);
      open = null;
    }
    continuable = false;
  };

  const blocks = doc.blocks ?? [];
  let openTail: string | null = null;
  let openOrdinal: string | null = null;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block === null || typeof block !== 'object') {
      continue;
    }
    if (block.kind === 'table') {
      scanGrid(block.rows ?? []);
    } else {
      let text = typeof block.text === 'string' ? block.text : '';
      if (doc.openEnd === true && b === blocks.length - 1) {
        const cut = withoutOpenTail(text);
        const dropped = text.slice(cut.text.length).trim();
        openOrdinal = /^\d{1,2}[.．]?$/.test(dropped) ? dropped : null;
        text = cut.text;
        openTail = cut.number;
      }
      scanText(text);
    }
  }
  flush();
  const layout: ScannedLayout =
    runTogether.length === 0 ? { lines, rows, headings, skipped } : { lines, rows, headings, skipped, runTogether };
  return openTail === null ? (openOrdinal === null ? layout : { ...layout, openOrdinal }) : { ...layout, openTail };

  /** A table block (HTML/DOCX/XLSX grid): one row per grid row, positions kept; one-cell title rows are headings. */
  function scanGrid(gridRows: readonly (readonly unknown[])[]): void {
    flush();
    for (const gridRow of gridRows) {
      // Loops, not map and filter with a closure each: a grid row is read per row of every HTML report.
      const cells: string[] = [];
      const filled: string[] = [];
      if (Array.isArray(gridRow)) {
        for (let c = 0; c < gridRow.length; c++) {
          const value = gridRow[c];
          const cell = typeof value === 'string' ? value : '';
          cells.push(cell);
          if (!isBlankRange(cell, 0, cell.length)) {
            filled.push(cell);
          }
        }
      }
      const index = lines.push(filled.join(' ')) - 1;
      const heading = filled.length === 1 ? headingTable(filled[0]!) : undefined;
      if (heading !== undefined) {
        // A section heading typed into a table cell (one-cell title rows of converted documents).
        table = heading;
        headings.push({ line: index, table });
        continue;
      }
      if (table !== null && isRule(cells)) {
        skipped.push(index);
        continue;
      }
      emit(cells, true, [index], true);
    }
  }

  /** A text block, line by line: a run-together line goes to its tokenizer, every other line to scanLine. */
  function scanText(source: string): void {
    const text = joinTabLineCells(source, (line) => headingTable(line) !== undefined) ?? source;
    pipeCells = isPipeCellPerLine(text);
    separatedCells = undefined;
    blockText = text;
    footers = undefined;
    emptyRun = 0;
    let start = 0;
    while (start <= text.length) {
      // One pass over the line's code units finds its end and what scanLine asks of it (LINE_FACTS), where
      // an indexOf for the end and an includes per question each read the line again.
      let facts = 0;
      let end = start;
      while (end < text.length) {
        const code = text.charCodeAt(end);
        if (code === 0x0a) {
          break;
        }
        facts |= LINE_FACTS[code]!;
        end++;
      }
      const cr = end > start && text.charCodeAt(end - 1) === 0x0d;
      let line = text.slice(start, cr ? end - 1 : end);
      start = end + 1;
      if (!pipeCells && (facts & LINE_PIPE) !== 0) {
        // A pipe row broken over lines, or continued on lines of bars: read as the one row it is.
        const joined = opensBrokenPipeRow(line) ? joinBrokenPipeRow(text, line, start) : joinBarContinuedRow(text, line, start);
        if (joined !== null) {
          line = joined.line;
          facts = factsOf(line);
          end = joined.end;
          start = end + 1;
        }
      }
      // A crawler's flattened page may write its digits full-width (`２１７１０`): its runs are split as ASCII.
      const folded = line.length >= 200 ? asciiDigits(line) : line;
      if (line.length >= 200 && isRunTogether(folded)) {
        flush();
        scanRunTogether(tokenizeRunTogether(folded));
      } else {
        const pieces = line.length >= 40 ? atEmbeddedHeadings(line) : null;
        if (pieces === null) {
          scanLine(line, lines.push(line) - 1, facts);
        } else {
          for (const piece of pieces) {
            scanLine(piece, lines.push(piece) - 1, factsOf(piece));
          }
        }
      }
      if (end === text.length) {
        break;
      }
    }
    flush();
  }

  /**
   * Whether a page-of-pages line (`2/3`) inside a row read one cell per line is the page's footer: the block holds
   * another that counts the same pages. Else it is the row's cell (`1/2` for 本年增/减): dropped, the values after it
   * moved one column left.
   */
  function isFooter(line: string): boolean {
    footers ??= pageFooters(blockText);
    return footers.has(asciiDigits(line).replace(/\s/g, ''));
  }

  /** The items of a run-together line: each becomes a line of its own, table items rows. */
  function scanRunTogether(items: readonly RunItem[]): void {
    for (const item of items) {
      switch (item.kind) {
        case 'text':
          lines.push(item.text);
          break;
        case 'heading':
          table = item.table;
          headings.push({ line: lines.push(item.text) - 1, table });
          break;
        case 'labels':
          emit([...item.cells], true, [lines.push(item.cells.join(' ')) - 1]);
          break;
        case 'row': {
          const cells = item.label === null ? [...item.cells] : [item.label, ...item.cells];
          emit(cells, true, [lines.push(cells.join(' ')) - 1]);
          break;
        }
        case 'unsplit': {
          const index = lines.push(item.label === null ? item.run : `${item.label} ${item.run}`) - 1;
          skipped.push(index);
          const before = rows.length;
          if (item.label !== null) {
            emit([item.label], true, [index]);
          }
          const rowIndex = rows.length > before ? before : -1;
          runTogether.push({
            table: item.table,
            label: item.label,
            run: item.run,
            width: item.width,
            ...(item.table2 !== undefined && rowIndex >= 0 ? { table2: { ...item.table2, rowIndex } } : {}),
          });
          break;
        }
      }
    }
  }

  /** One line of a text block; `facts` are its LINE_* bits (LINE_FACTS), what scanText saw in it. */
  function scanLine(original: string, index: number, facts: number): void {
    let line = original;
    let hasPipe = (facts & LINE_PIPE) !== 0;
    let hasTab = (facts & LINE_TAB) !== 0;
    // A cell written `text |` where every cell is so: its bar makes `1/2 |` a table cell, not a page of pages
    // (the one furniture pattern a digit starts).
    let barCell = false;
    // The line is one cell written with its bar (`text |`).
    let textCell = false;
    if (pipeCells && hasPipe) {
      const single = singlePipeCell(line);
      if (
        single === '' &&
        open !== null &&
        open.mode === 'stream' &&
        open.rowLabels &&
        isLoneBar(line) &&
        closesTextCell(lines, index - 1)
      ) {
        // Where every cell is written `text |`, a line holding one bar is one empty cell (`一、本年新收… |` /
        // `|` × 6 / `0 |`: the 0 is 总计): its place in the row being read is kept, or the values after it
        // move left into its column. Bars after a row's last value are its closing cells, which the
        // alignment drops. (Where cells stand on lines of their own between bars, a bar is a separator.)
        open.cells.push('');
        open.lines.push(index);
        continuable = false;
        return;
      }
      if (
        single === '' &&
        !isLoneBar(line) &&
        open !== null &&
        open.mode === 'stream' &&
        open.rowLabels &&
        open.hasValues &&
        !open.cells.includes('')
      ) {
        // A row of filled cells only, then its empty cells as one line of bars (`3 |` / `3 |` / `|||||||`): the
        // blanks were written after the values, not in their places, so the values' columns are unknown
        // (annual-report.md §6.2: none of the row's cells unless they fill every column).
        open.positional = false;
      }
      if (single !== undefined) {
        line = single;
        hasPipe = line.includes('|');
        hasTab = line.includes('\t');
        barCell = line !== '' && isDigitCode(line.charCodeAt(0));
        textCell = line !== '';
      }
    }
    if (!hasPipe) {
      markdown = false;
    }
    if (line.length === 0) {
      // An empty line ends a tab-prefixed row; plain one-cell-per-line text may put one between cells.
      if (open?.mode === 'tab') {
        flush();
      }
      continuable = false;
      if (original.length === 0) {
        emptyRun++; // an empty line of the text, not a lone bar's empty cell
      }
      return;
    }
    const empties = emptyRun;
    emptyRun = 0;
    // A page of pages (`1/2`, the furniture a digit starts) inside a data row read one cell per line is the row's
    // cell unless the block counts its pages so elsewhere too (isFooter).
    const rowCell = open?.mode === 'stream' && open.rowLabels && isDigitCode(line.trim().charCodeAt(0));
    if (!barCell && isFurniture(line) && !(rowCell && !isFooter(line))) {
      if (table !== null) {
        skipped.push(index);
      }
      return;
    }
    if (empties > 0 && open !== null && open.mode === 'stream' && open.rowLabels && !hasPipe && !hasTab && isOneValue(line)) {
      // Empty cells written as empty lines before a value of the row being read: their places are kept.
      if (separatedCells === undefined) {
        separatedCells = cellsSeparatedByEmptyLines(blockText);
      }
      if (separatedCells !== null) {
        for (let k = separatedCells ? 1 : 0; k < empties; k++) {
          open.cells.push('');
        }
      }
    }
    const heading = hasPipe || !mayBeHeading(facts) ? undefined : headingTable(line);
    if (heading !== undefined) {
      flush();
      table = heading;
      headings.push({ line: index, table });
      return;
    }
    if (hasTab) {
      const second = line.indexOf('\t', 1);
      if (line.charCodeAt(0) === 9 && second === -1) {
        // One cell per line, DOCX-export style: `\t<cell>`, rows separated by empty lines.
        if (open === null || open.mode !== 'tab') {
          flush();
          open = { cells: [], positional: true, lines: [], mode: 'tab', hasValues: false, rowLabels: false };
        }
        open.cells.push(cellText(line, 1, line.length));
        open.lines.push(index);
        continuable = true;
        return;
      }
      flush();
      const cells = cellsOf(line, 0, cellBounds(line, 0x09));
      if (isRule(cells)) {
        if (table !== null) {
          skipped.push(index);
        }
        return;
      }
      emit(cells, true, [index]);
      return;
    }
    if (hasPipe && !pipeCells && isLoneBar(line)) {
      // One bar alone outside a table of `text |` cells separates nothing: no row of empty cells (probeL2 020: a
      // page's footer `扫一扫在手机打开当前页` / `|` after table 四's heading read as a row of table 四 cut short). It
      // still ends the row before it, as that row of empty cells did.
      flush();
      if (table !== null) {
        skipped.push(index);
      }
      return;
    }
    if (hasPipe) {
      const cells = splitPipes(line, markdown);
      if (cells.length >= 2) {
        // A row label broken by a line break before its first bar (`行政规范` / `性文件 | 0 | 0 | 3 |`): the
        // line before is a fragment, or a row of its own when its start named a label (`规章(设区`).
        const held: OpenRow | null = open;
        const before =
          held !== null && held.mode === 'stream' && !held.hasValues && held.cells.length === 1 && held.lines.length === 1
            ? { text: held.cells[0]!, index: held.lines[0]! }
            : fragment;
        if (before !== null && before.index === index - 1 && joinsLabel(before.text, cells[0]!)) {
          open = null;
          cells[0] = before.text + cells[0]!.trim();
          emit(cells, true, [before.index, index]);
          return;
        }
        flush();
        if (isRule(cells)) {
          markdown = true;
          if (table !== null) {
            skipped.push(index);
          }
          return;
        }
        emit(cells, true, [index]);
        return;
      }
    }
    const trimmed = line.trim();
    if (
      continuable &&
      open !== null &&
      open.mode === 'tab' &&
      trimmed.length > 0 &&
      trimmed.length <= 20 &&
      !SENTENCE_PUNCTUATION.test(trimmed)
    ) {
      // A cell's text broken over lines (`\t商业` + `企业`): the line without a tab continues the cell.
      open.cells[open.cells.length - 1] += `\n${line}`;
      open.lines.push(index);
      return;
    }
    // Whitespace inside the trimmed line, as far as the facts tell (a single pipe cell: not known).
    scanPlainLine(trimmed, index, line !== original || (facts & LINE_SPACE) !== 0, textCell);
  }

  /** The label cells of a plain line when its label part names a template label (or several, space-separated). */
  function knownLabels(labelText: string, labelTokens: readonly string[]): { cells: string[]; table: TableId; isRow: boolean } | null {
    const targets = matchLabel(labelText).targets;
    if (targets.length > 0 && (table === null || labelFits(targets, table))) {
      return { cells: [labelText], table: table ?? tablesOf(targets)[0]!, isRow: targets.some((t) => t.kind === 'row') };
    }
    const split = labelTokens.length >= 2 ? splitHeaderTokens(labelTokens) : null;
    if (split === null) {
      return labelTokens.length >= 2 ? rowLabelAtEnd(labelTokens) : null;
    }
    const last = matchLabel(split[split.length - 1]!).targets;
    return { cells: split, table: table ?? tablesOf(last)[0]!, isRow: last.some((t) => t.kind === 'row') };
  }

  /**
   * A row label after a fragment of another on the same line (PDF text: `（四）无 1.本机关不掌握相关政府信息`,
   * the group label wrapped beside its first sub-row): the longest run of last tokens naming a row.
   */
  function rowLabelAtEnd(tokens: readonly string[]): { cells: string[]; table: TableId; isRow: boolean } | null {
    for (let k = 1; k < tokens.length; k++) {
      const text = tokens.slice(k).join(' ');
      const targets = matchLabel(text).targets.filter((t) => t.kind === 'row' && (table === null || t.table === table));
      if (targets.length > 0) {
        return { cells: [text], table: table ?? targets[0]!.table, isRow: true };
      }
    }
    return null;
  }

  /**
   * One cell per line, a table 二 block's header, then its first row with its label left blank (a line of spaces),
   * then the block's second row (probeH1 009: `现行有效件数` / `  ` / `0` / `0` / `0` / `行政规范性文件`): the
   * blank row is the one the template puts between them (规章). The header is emitted as a row of its own and the
   * values as that row's, instead of values under the header. Only with exactly the block's columns filled.
   */
  function splitBlankFirstRow(row: OpenRow, nextLabel: string): void {
    const cells = row.cells;
    const blank = cells.indexOf('');
    if (blank < 1 || cells.length !== row.lines.length || cells.lastIndexOf('') !== blank) {
      return;
    }
    const first = firstRowBefore(nextLabel, cells[blank - 1]!);
    if (first === null || cells.length - blank - 1 !== first.width) {
      return;
    }
    for (let i = 0; i < cells.length; i++) {
      if (i < blank ? isValueText(cells[i]!) : i > blank && !isValueText(cells[i]!)) {
        return;
      }
    }
    emit(cells.slice(0, blank), true, row.lines.slice(0, blank));
    row.cells = [first.label, ...cells.slice(blank + 1)];
    row.lines = row.lines.slice(blank);
    row.rowLabels = true;
  }

  /**
   * Joins the first part of a wrapped label (the open row's last label, or the unknown line before) with
   * this line's label; on a match the row goes on with the joined label and this line's values.
   */
  function joinWrapped(first: string, second: string, values: readonly string[], index: number, firstLine?: number): boolean {
    const text = first + second;
    const joined = knownLabels(text, text.split(/\s+/));
    if (joined === null || !joined.isRow) {
      return false;
    }
    if (firstLine === undefined && open !== null) {
      open.cells.pop();
      for (const cell of joined.cells) {
        open.cells.push(cell);
      }
      open.lines.push(index);
    } else {
      flush();
      open = {
        cells: joined.cells,
        positional: true,
        lines: [firstLine ?? index, index],
        mode: 'stream',
        hasValues: false,
        rowLabels: true,
      };
    }
    for (const value of values) {
      open!.cells.push(value);
    }
    if (values.length > 0) {
      open!.hasValues = true;
      open!.positional = values.length <= 1;
    }
    return true;
  }

  /** A line of plain text, trimmed; `spaced` = false when the line holds no whitespace at all. */
  function scanPlainLine(trimmed: string, index: number, spaced: boolean, cell = false): void {
    if (trimmed.length === 0) {
      // Whitespace only (spaces, U+3000, NBSP): a blank cell of the row being read.
      if (open !== null && open.mode === 'stream') {
        open.cells.push('');
        open.lines.push(index);
      }
      return;
    }
    if (open !== null && open.mode === 'tab') {
      flush();
    }
    if (table !== null && trimmed.length >= 3 && isRuleCode(trimmed.charCodeAt(0)) && RULE_LINE.test(trimmed)) {
      skipped.push(index);
      return;
    }
    if (trimmed.length > 200) {
      flush();
      return;
    }
    // Without whitespace the line is one token (what the split gives), without the regexp's pass.
    const tokens = spaced && !isMarkedNumber(trimmed) ? trimmed.split(TOKEN_SEPARATOR) : [trimmed];
    if (table !== null && tokens.length >= 6 && holdsSeveralRows(tokens)) {
      // Rows a crawler joined with spaces (`规章 0 0 0 行政规范性文件 0 0 0 第二十条第(五)项 …`): each token is
      // a cell on a line of its own, as one cell per line is read.
      for (const token of tokens) {
        scanPlainLine(token, index, false);
      }
      return;
    }
    let valueCount = 0;
    while (valueCount < tokens.length && isValueText(tokens[tokens.length - 1 - valueCount]!)) {
      valueCount++;
    }
    if (valueCount === 0 && tokens.length === 1 && open?.mode === 'stream' && open.rowLabels && isNumberText(trimmed)) {
      // A cell written in digits that is no number (`0/0`, probeL3 010: `行政许可 |` / `0 |` / `0/0 |` / `0 |`), on a
      // line of its own inside a data row: a filled cell in its place, or the values after it move one column left.
      open.cells.push(trimmed);
      open.lines.push(index);
      open.hasValues = true;
      return;
    }
    if (valueCount === tokens.length) {
      // A value line: `0`, or `0 0 0` under its label line.
      if (table === null) {
        return;
      }
      if (open === null && tokens.length === 1 && parseCellValue(cellRaw(tokens[0]!)) === null) {
        // `无` or `—` alone under a heading says "none" in prose; a value needs a row to belong to.
        return;
      }
      if (open === null) {
        open = { cells: [], positional: true, lines: [], mode: 'stream', hasValues: false, rowLabels: false };
      }
      for (const token of tokens) {
        open.cells.push(token);
      }
      open.lines.push(index);
      open.hasValues = true;
      if (tokens.length > 1) {
        open.positional = false;
      }
      return;
    }
    const labelText = valueCount === 0 ? trimmed : labelBefore(trimmed, tokens.length - valueCount);
    const values = tokens.slice(tokens.length - valueCount);
    const labels = knownLabels(labelText, tokens.slice(0, tokens.length - valueCount));
    if (labels !== null) {
      if (table === null) {
        table = labels.table;
      }
      if (valueCount === 0 && labels.cells.length === 1 && open?.mode === 'stream' && !open.hasValues && open.rowLabels === labels.isRow) {
        open.cells.push(labelText);
        open.lines.push(index);
        return;
      }
      if (labels.isRow && open?.mode === 'stream' && !open.rowLabels && open.hasValues && table === '二') {
        splitBlankFirstRow(open, labels.cells[labels.cells.length - 1]!);
      }
      flush();
      if (valueCount === 0 && labels.cells.length > 1) {
        // A header line of PDF text: a row of its own.
        emit(labels.cells, false, [index]);
        return;
      }
      open = {
        cells: [...labels.cells, ...values],
        positional: valueCount <= 1,
        lines: [index],
        mode: 'stream',
        hasValues: valueCount > 0,
        rowLabels: labels.isRow,
      };
      return;
    }
    if (table === null) {
      return;
    }
    if (table === '二' && valueCount === 0) {
      const header = gluedTable2Header(trimmed);
      if (header !== null) {
        // A header whose labels were run together: its rows below are too (`规章000`), split as its template says.
        flush();
        table2Glued = header.template ?? table2Glued;
        emit(header.cells, true, [index]);
        return;
      }
    }
    const glued = valueCount <= 1 ? runTogetherLine(table, trimmed, table === '二' ? table2Glued : null) : null;
    if (glued !== null) {
      // A row whose cells were run together, on a line of its own: split by the table's arithmetic.
      flush();
      skipped.push(index);
      scanRunTogether(glued);
      return;
    }
    if (valueCount > 0 || labelText.length <= 40) {
      // A label wrapped over two lines by PDF text extraction: the join names a template label.
      const previous = open?.mode === 'stream' && !open.hasValues ? open.cells[open.cells.length - 1] : undefined;
      if (previous !== undefined && joinWrapped(previous, labelText, values, index)) {
        return;
      }
      const before = fragment;
      if (before !== null && before.index === index - 1 && joinWrapped(before.text, labelText, values, index, before.index)) {
        return;
      }
    }
    const header = splitHeaderTokens(tokens);
    if (header !== null) {
      flush();
      emit(header, false, [index]);
      return;
    }
    const waiting = open?.mode === 'stream' && !open.hasValues && open.rowLabels && open.cells.length === 1;
    flush();
    if (valueCount === 0 && labelText.length <= 40 && !labelText.includes('。')) {
      fragment = { text: labelText, index };
      if (waiting && valueCount === 0 && labelText.length <= 20 && !SENTENCE_PUNCTUATION.test(labelText)) {
        // A local row label (`行政检查` under `其他对外管理服务事项`): the values below are its own.
        open = { cells: [labelText], positional: true, lines: [index], mode: 'stream', hasValues: false, rowLabels: true };
        return;
      }
    }
    if (cell && !waiting && valueCount === 0 && tokens.length <= 6 && labelText.length <= 120 && !labelText.includes('。')) {
      // A cell written `text |` (its bar makes it a table's cell, not prose), a label the template does not have
      // (probeL3 024: `其他主动公开文件(含以本单位…栏目数据) |` / `3 |` / `3 |` / `3 |`): the values below are its row's,
      // kept for READ-UNKNOWN-ROW as the same row on one line is. Under a row's label without values it is the
      // label's continuation, not a row (that label keeps the values, as before).
      open = { cells: [labelText], positional: true, lines: [index], mode: 'stream', hasValues: false, rowLabels: true };
      return;
    }
    if (
      valueCount >= 2 &&
      ((labelText.length <= 20 && !SENTENCE_PUNCTUATION.test(labelText)) || (valueCount >= 5 && labelText.length <= 60))
    ) {
      // A local row the template does not have (`其他主动公开文件 3 0 3`): kept for READ-UNKNOWN-ROW.
      open = { cells: [labelText, ...values], positional: false, lines: [index], mode: 'stream', hasValues: true, rowLabels: true };
    }
  }
}

/**
 * The first row of the table 二 block whose second row `label` names, when `column` is one of that block's
 * columns, with the block's width; the same in every template the label is official in; else null.
 */
function firstRowBefore(label: string, column: string): { label: string; width: number } | null {
  const columnTargets = matchLabel(column).targets;
  let found: { label: string; width: number } | null = null;
  for (const target of matchLabel(label).targets) {
    if (target.kind !== 'row' || target.table !== '二') {
      continue;
    }
    for (const template of target.templates) {
      const rows = TEMPLATES[template].tables['二'].rows;
      const at = rows.findIndex((r) => r.id === target.rowId);
      const row = rows[at];
      const before = rows[at - 1];
      if (row === undefined || before === undefined || before.block !== row.block || rows[at - 2]?.block === row.block) {
        return null;
      }
      const inBlock = columnTargets.some(
        (t) => t.kind === 'column' && t.table === '二' && row.block !== undefined && t.blocks.includes(row.block),
      );
      if (!inBlock || (found !== null && found.label !== before.label)) {
        return null;
      }
      found = { label: before.label, width: before.columns.length };
    }
  }
  return found;
}

/**
 * The page-of-pages lines of a text (`2/3`, spaces dropped, ASCII digits) that are page footers: two or more
 * different pages of one count.
 */
function pageFooters(text: string): ReadonlySet<string> {
  const byCount = new Map<string, Set<string>>();
  for (const match of text.matchAll(/^[ \t\u3000]*([\d０-９]+)[ \t\u3000]*\/[ \t\u3000]*([\d０-９]+)[ \t\u3000]*$/gm)) {
    const page = asciiDigits(match[1]!);
    const count = asciiDigits(match[2]!);
    if (isPageOfPages(`${page}/${count}`)) {
      const pages = byCount.get(count) ?? new Set<string>();
      pages.add(page);
      byCount.set(count, pages);
    }
  }
  const footers = new Set<string>();
  for (const [count, pages] of byCount) {
    if (pages.size >= 2) {
      for (const page of pages) {
        footers.add(`${page}/${count}`);
      }
    }
  }
  return footers;
}

/** A line holding one value and nothing else (a `3  0  0` row of fixed-width text is none); `0/0` is one too. */
function isOneValue(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !/\s/.test(trimmed) && (isValueText(trimmed) || isNumberText(trimmed));
}

/**
 * A cell written in digits and signs that is no number and no null marker (`0/0`, `3(1)`, `5%`): at least one digit,
 * no letter or Han character, no whitespace, at most 12 characters. Text, not a label: inside a row it is a cell.
 */
function isNumberText(text: string): boolean {
  return NUMBER_TEXT.test(text);
}
const NUMBER_TEXT = /^(?=[^0-9０-９]*[0-9０-９])[^\p{L}\s]{1,12}$/u;

/**
 * How one-cell-per-line text writes its cells, judged on its short value lines (`0`, `12`): true when most
 * are followed by exactly one empty line and then text (an empty line separates cells), false when most
 * are followed directly by another line with text (cells on adjacent lines), null when neither holds for
 * at least 12 of them — whitespace-only lines for empty cells (`\u3000`), or too few cells to tell.
 */
function cellsSeparatedByEmptyLines(text: string): boolean | null {
  const lines = text.split('\n');
  // When the values do not tell (a page cut short holds few, some followed by empty cells), its short label
  // lines (`总计`, `商业企业`) tell how cells are written too.
  const byValues = emptyLineVotes(lines, false);
  return byValues === undefined ? (emptyLineVotes(lines, true) ?? null) : byValues;
}

/** How the short lines (values only, or labels too) are followed: by one empty line and text, or by text. */
/**
 * The verdict of the short lines (values only, or labels too): null when too few tell or they disagree; undefined
 * (values only) when none is followed directly by text and most by one empty line, but not three in four — a page
 * cut short whose few rows hold runs of empty cells, which its label lines then decide.
 */
function emptyLineVotes(lines: readonly string[], labels: boolean): boolean | null | undefined {
  let counted = 0;
  let separated = 0;
  let adjacent = 0;
  for (let i = 0; i + 2 < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 20 || line.trim() === '' || !(isOneValue(line) || (labels && !SENTENCE_PUNCTUATION.test(line)))) {
      continue;
    }
    counted++;
    if (lines[i + 1]! === '' && lines[i + 2]!.trim() !== '') {
      separated++;
    } else if (lines[i + 1]!.trim() !== '') {
      adjacent++;
    }
  }
  if (counted < 12) {
    return null;
  }
  if (separated * 4 > counted * 3) {
    return true;
  }
  if (adjacent * 2 > counted) {
    return false;
  }
  return !labels && adjacent === 0 && separated * 2 > counted ? undefined : null;
}

/**
 * Whether a lone bar after line `at` is an empty cell. Back over the lone bars before it to the last other
 * line: after `text |` (cells written so) every lone bar is an empty cell; after a plain line (cells on lines
 * of their own, each followed by a bar line) the first bar closes that cell and every further one is an
 * empty cell; after a line of bars only (`||`, `|||`, a row's end) none is a cell of that row.
 */
function closesTextCell(lines: readonly string[], at: number): boolean {
  let k = at;
  while (k >= 0 && isLoneBar(lines[k]!)) {
    k--;
  }
  const trimmed = k < 0 ? '' : lines[k]!.trim();
  if (trimmed.length === 0) {
    return false;
  }
  if (!isBar(trimmed.charCodeAt(trimmed.length - 1))) {
    return k < at; // a plain cell: its own bar came first
  }
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (!isBar(code) && !isTrimmable(code)) {
      return true;
    }
  }
  return false;
}

/** Whether the line is one bar and nothing else (whitespace aside). */
function isLoneBar(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length === 1 && isBar(trimmed.charCodeAt(0));
}

/** Whether space-separated tokens hold text, values, then text and values again: two rows or more. */
function holdsSeveralRows(tokens: readonly string[]): boolean {
  let runs = 0;
  let inValues = false;
  for (const token of tokens) {
    const value = isValueText(token);
    if (value && !inValues) {
      runs++;
    }
    inValues = value;
  }
  return runs >= 2 && !isValueText(tokens[0]!);
}

/** The one cell of a pipe line (`0 |`, `| 规章`, `信息内容 | |||`; '' for `|||`), undefined when it holds two or more. */
function singlePipeCell(line: string): string | undefined {
  const at = singleCellStart(line, 0, line.length);
  if (at < 0) {
    return at === NO_CELL ? '' : undefined;
  }
  const end = line.indexOf('|', at);
  return line.slice(at, end === -1 ? line.length : end).trim();
}

const NO_CELL = -1;
const SEVERAL_CELLS = -2;

/**
 * Where the one non-blank `|`-separated segment of `text[start, end)` starts (its first non-space
 * character), NO_CELL when every segment is blank, SEVERAL_CELLS for two or more: one pass, no strings.
 */
function singleCellStart(text: string, start: number, end: number): number {
  let cell = NO_CELL;
  let segmentHasText = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7c) {
      segmentHasText = false;
    } else if (!segmentHasText && !isTrimmable(code)) {
      if (cell !== NO_CELL) {
        return SEVERAL_CELLS;
      }
      cell = i;
      segmentHasText = true;
    }
  }
  return cell;
}

/**
 * A text whose tables put one cell per line with pipes as separators: most of its pipe lines hold at most
 * one cell (rows of pipe tables hold several).
 */
function isPipeCellPerLine(text: string): boolean {
  let single = 0;
  let multi = 0;
  let start = 0;
  while (start < text.length) {
    const at = text.indexOf('|', start);
    if (at === -1) {
      break;
    }
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) {
      lineEnd = text.length;
    }
    if (singleCellStart(text, lineStart, lineEnd) === SEVERAL_CELLS) {
      multi++;
    } else {
      single++;
    }
    start = lineEnd + 1;
  }
  return single >= 8 && single > 2 * multi;
}

// ---------------------------------------------------------------- pipe rows broken inside a cell

/** The most lines one pipe row is read from when a line break inside its cells split it (`<br>` in a cell). */
const MAX_BROKEN_ROW_LINES = 8;

/**
 * A pipe row that does not close on a bar although its cell went on below: `| 信息内容 | 本年新`, or with
 * bars only after the cells, `信息内容 | 本年新` (then `制作数量 | …`). The open cell is text, never a
 * value: `行政强制 | 0` is a row whose closing bar was left out, not a cell broken by a line break.
 */
function opensBrokenPipeRow(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 2 || isBar(trimmed.charCodeAt(trimmed.length - 1))) {
    return false;
  }
  const tail = openCell(trimmed);
  return tail !== undefined && isBrokenText(tail);
}

/** The text after a line's last bar (undefined without a bar). */
function openCell(trimmed: string): string | undefined {
  const at = Math.max(trimmed.lastIndexOf('|'), trimmed.lastIndexOf('｜'));
  return at === -1 ? undefined : trimmed.slice(at + 1).trim();
}

/** A part of a cell a line break may have cut: short text, no value, no sentence. */
function isBrokenText(text: string): boolean {
  return text.length > 0 && text.length <= 120 && cellKind(text) === CELL_OTHER && !BROKEN_CELL_STOP.test(text);
}
const BROKEN_CELL_STOP = /[。；;！？!?]/;

function isBar(code: number): boolean {
  return code === 0x7c || code === 0xff5c;
}

/**
 * A pipe row whose cells hold line breaks, read as one line: `| 信息内容 | 本年新` / `制作数量 | 本年新` /
 * `公开数量 |` is `| 信息内容 | 本年新制作数量 | 本年新公开数量 |`. The lines after the first are joined while
 * each opens on text (not a bar, not a value) and the line before it ended inside a text cell, until one
 * closes on a bar; else (a leading-pipe cell per line, `| 规章` then `| 0`, a row cut off, a blank line)
 * nothing is joined. The break was inside a cell, so the parts join without a space. `end` is where the
 * last line joined ends in text.
 */
function joinBrokenPipeRow(text: string, first: string, start: number): { line: string; end: number } | null {
  let line = first.trimEnd();
  let at = start;
  for (let count = 1; count < MAX_BROKEN_ROW_LINES && at < text.length; count++) {
    let end = text.indexOf('\n', at);
    if (end === -1) {
      end = text.length;
    }
    const next = text.slice(at, end).trim();
    const cut = next.search(/[|｜]/);
    const head = cut === -1 ? next : next.slice(0, cut).trim();
    if (next.length === 0 || isBar(next.charCodeAt(0)) || !isBrokenText(head)) {
      return null;
    }
    // Bars only between the cells (`信息内容 | … | 现行有效件数` / `规章 | 0 | 0 | 0`): a line that opens on a
    // label of its own starts a row, unless the two parts are one label together (`行政` / `规范性文件`).
    if (isLabelText(head) && !isLabelText((openCell(line) ?? line) + head)) {
      return null;
    }
    line += next;
    if (isBar(next.charCodeAt(next.length - 1))) {
      return { line, end };
    }
    const tail = openCell(next) ?? next;
    if (!isBrokenText(tail)) {
      return null;
    }
    at = end + 1;
  }
  return null;
}

// ---------------------------------------------------------------- table 三 rows continued on lines of bars

/** The most lines after its first that one table 三 row is read from when its cells went on over lines of bars. */
const MAX_BAR_CONTINUED_LINES = 12;

/**
 * A table 三 row whose cells went on over lines of bars only (probeH14 047): `一、本年新收… | 25 |` / `|` × 4 /
 * `| 25 |`, or `二、上年结转… |` / `|` × 6 / `| 0 |`: each lone bar is one blank cell, the last line holds the
 * row's last value. The lines below the labelled row that open on a bar and hold only blanks and values
 * (no label, no text) are read with it as one row, when that gives exactly the table's seven value columns.
 * Two readings of a line opening on a bar are tried: written together with the lines before it (its leading
 * bar closes a blank cell: `| 25 |||||| 25 |`) and as a cell between borders (`| 0 |` is the cell 0); the one
 * that gives seven values is taken, none when neither or both do and they differ. Null (nothing joined)
 * unless a value is found on the lines below.
 */
function joinBarContinuedRow(text: string, first: string, start: number): { line: string; end: number } | null {
  let peek = start;
  while (peek < text.length && isTrimmable(text.charCodeAt(peek)) && text.charCodeAt(peek) !== 0x0a) {
    peek++;
  }
  if (text.charCodeAt(peek) !== 0x7c) {
    return null; // the next line does not open on a bar (most lines)
  }
  const trimmed = first.trim();
  if (trimmed.length === 0 || isBar(trimmed.charCodeAt(0)) || trimmed.includes('\\') || trimmed.includes('｜')) {
    return null;
  }
  const head = trimmed.split('|').map((cell) => cell.trim());
  if (head.length < 2 || !matchLabelExactly(head[0]!).targets.some((t) => t.kind === 'row' && t.table === '三')) {
    return null;
  }
  let labels = 1;
  while (labels < head.length && cellKind(head[labels]!) === CELL_OTHER) {
    labels++;
  }
  if (head.slice(labels).some((cell) => !isValueText(cell))) {
    return null;
  }
  // The next lines: each opens on a bar and holds blanks and values only.
  const below: string[] = [];
  let filled = false;
  let at = start;
  let end = start - 1;
  while (below.length < MAX_BAR_CONTINUED_LINES && at < text.length) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) {
      lineEnd = text.length;
    }
    const next = text.slice(at, lineEnd).trim();
    if (next.length === 0 || next.charCodeAt(0) !== 0x7c || next.includes('\\') || next.includes('｜')) {
      break;
    }
    const parts = next.split('|').map((cell) => cell.trim());
    if (parts.some((cell) => !isValueText(cell))) {
      break;
    }
    filled ||= parts.some((cell) => cell.length > 0);
    below.push(next);
    end = lineEnd;
    at = lineEnd + 1;
  }
  if (below.length === 0 || !filled) {
    return null;
  }
  const width = T3_COLUMNS.length;
  // Written together: the lines joined as they stand, the closing bar's empty cell dropped.
  const together = (trimmed + below.join('')).split('|').map((cell) => cell.trim());
  if (isBar(below[below.length - 1]!.charCodeAt(below[below.length - 1]!.length - 1))) {
    together.pop();
  }
  // Between borders: a lone bar is one blank cell, another line its cells inside its bars.
  const bordered = head.slice();
  if (trimmed.endsWith('|')) {
    bordered.pop();
  }
  for (const next of below) {
    const parts = next.split('|').map((cell) => cell.trim());
    parts.shift();
    if (parts.length > 1 && next.endsWith('|')) {
      parts.pop();
    }
    bordered.push(...parts);
  }
  const fitsTogether = together.length === labels + width;
  const fitsBordered = bordered.length === labels + width;
  let cells: string[];
  if (fitsTogether && (!fitsBordered || together.join('|') === bordered.join('|'))) {
    cells = together;
  } else if (fitsBordered && !fitsTogether) {
    cells = bordered;
  } else {
    return null;
  }
  return { line: `${cells.join(' | ')} |`, end };
}

/** True when a line's text and the next row's first cell name a row label together, and the cell alone does not. */
function joinsLabel(first: string, cell: string): boolean {
  const second = cell.trim();
  return (
    second.length > 0 &&
    !matchLabelExactly(second).targets.some((t) => t.kind === 'row') &&
    matchLabelExactly(first + second).targets.some((t) => t.kind === 'row')
  );
}

function isLabelText(text: string): boolean {
  return matchLabelExactly(text).targets.length > 0;
}

function factsOf(line: string): number {
  let facts = 0;
  for (let i = 0; i < line.length; i++) {
    facts |= LINE_FACTS[line.charCodeAt(i)]!;
  }
  return facts;
}

/** The text of a line up to the end of its `count`-th token, spacing inside the label kept (`1. 属于国家秘密`). */
function labelBefore(trimmed: string, count: number): string {
  const token = /\S+/g;
  let end = 0;
  for (let i = 0; i < count; i++) {
    const match = token.exec(trimmed);
    if (match === null) {
      break;
    }
    end = match.index + match[0].length;
  }
  return trimmed.slice(0, end);
}

/** A label line belongs to the current table, or opens another one it alone names. */
function labelFits(targets: readonly LabelTarget[], table: TableId): boolean {
  const tables = tablesOf(targets);
  return tables.includes(table) || tables.length === 1;
}

/**
 * A header line of PDF text (`结果 维持 结果 纠正 …`, `自然人 法人或其他组织 总计`): tokens joined greedily
 * into known labels. Null unless at least two labels are found and every token is used.
 */
function splitHeaderTokens(tokens: readonly string[]): string[] | null {
  if (tokens.length < 2 || tokens.length > 40) {
    return null;
  }
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let joined: string | null = null;
    let used = 0;
    for (let width = Math.min(4, tokens.length - i); width >= 1; width--) {
      const candidate = tokens.slice(i, i + width).join(' ');
      if (matchLabel(candidate).targets.length > 0) {
        joined = candidate;
        used = width;
        break;
      }
    }
    if (joined === null) {
      return null;
    }
    out.push(joined);
    i += used;
  }
  return out.length >= 2 ? out : null;
}
