// Any input file → the core's SourceDocument (architecture.md, Path 1 step 2). The format comes from
// the content (zip entries, %PDF-, markup); the file name is only a hint, since published reports are
// often mislabelled (.doc files that are HTML, .txt files that are GBK). Never throws: what cannot be
// read is a Chinese reason the caller reports as UNREADABLE_INPUT.

import { finding, type SourceBlock, type SourceDocument } from '#core/reports/report-model.ts';
import { csvAsTabText } from './csv-text.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import { htmlToBlocks, SourceLimitError } from './html-to-blocks.ts';
import { withAsciiTableRules } from './table-rules.ts';
import { detectScriptOf, toSimplified, withoutZeroWidth } from './to-simplified.ts';
import { hasRadicals, unifyRadicals } from './unify-radicals.ts';
import { zipLimitProblem } from './zip-limits.ts';

// The DOCX, XLSX and PDF readers (our DOCX reader, exceljs ~0.25 s of CPU to import, unpdf) are imported on
// the first file that needs them: a batch of text and HTML reports never loads them.

export const SOURCE_FORMATS = ['text', 'html', 'docx', 'doc', 'pdf', 'xlsx', 'json'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export type LoadedSource =
  | {
      readonly ok: true;
      readonly document: SourceDocument;
      readonly format: SourceFormat;
      /** How text and HTML files were decoded. */
      readonly encoding?: TextEncodingName;
      /** For `format: 'json'`: the file's text (a `gongkai/report-read@1` reading), parsed by the caller. */
      readonly jsonText?: string;
    }
  | { readonly ok: false; readonly reason: string };

export interface LoadSourceOptions {
  /** Larger inputs are refused before any parsing. Default 50 MB. */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_SOURCE_BYTES = 50 * 1024 * 1024;

export const REASON_EMPTY = '文件为空';
export const REASON_NO_CONTENT = '文件中没有可读取的文字';
export const REASON_EXPORT = '这是 gongkai report export 导出的汇总表（每行一份报告或一个单元格），不是年度报告；请审核原始报告文件';

const READ_SCHEMA_MARK = /"schema"\s*:\s*"gongkai\/report-read@1"/;
const HTML_MARK = /<(?:!doctype\s+html|html[\s>]|table[\s>]|body[\s>]|head[\s>])/i;
const HTML_EXTENSION = /\.(?:html?|xhtml|shtml)$/i;
const CSV_EXTENSION = /\.csv$/i;
/** The first line of `gongkai report export --to csv` (one row per report or per cell, not a report). */
const EXPORT_HEADER = /^\ufeff?文件,机关,年度,模板,错误,警告,提示(?:,|$)/u;

/**
 * Reads a report file of any supported format into text and table blocks in Simplified Chinese.
 * @example
 *   const loaded = await loadSource(await readFile(path), basename(path));
 *   if (!loaded.ok) throw new DomainError('UNREADABLE_INPUT', { reason: loaded.reason });
 */
export async function loadSource(bytes: Uint8Array, fileName: string, options: LoadSourceOptions = {}): Promise<LoadedSource> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES;
  if (bytes.length === 0) {
    return { ok: false, reason: REASON_EMPTY };
  }
  if (bytes.length > maxBytes) {
    return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) };
  }
  try {
    return await loadByContent(bytes, fileName);
  } catch (error) {
    if (error instanceof SourceLimitError) {
      return { ok: false, reason: error.message };
    }
    // A parser failing in a way its own error handling missed: still a reason, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `文件无法读取（${message.split('\n')[0]?.slice(0, 200) ?? ''}）` };
  }
}

async function loadByContent(bytes: Uint8Array, fileName: string): Promise<LoadedSource> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return loadZip(bytes, fileName);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Word 97–2003 (.doc); an old Excel workbook (.xls) in the same container is named and refused there.
    const { docToBlocks } = await import('./doc-to-blocks.ts');
    const doc = docToBlocks(bytes);
    return doc.ok ? finish(doc.blocks, 'doc') : doc;
  }
  if (indexOfAscii(bytes.subarray(0, 1024), '%PDF-') !== -1) {
    const { pdfToBlocks } = await import('./pdf-to-blocks.ts');
    const pdf = await pdfToBlocks(bytes);
    return pdf.ok ? finish(pdf.blocks, 'pdf') : pdf;
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    return { ok: false, reason: '不支持 RTF 文件，请另存为 DOCX 后再试' };
  }
  return loadText(bytes, fileName);
}

async function loadZip(bytes: Uint8Array, fileName: string): Promise<LoadedSource> {
  const problem = zipLimitProblem(bytes);
  if (problem !== undefined) {
    return { ok: false, reason: problem };
  }
  // Local file headers carry entry names in plain bytes, so even a cut-off zip shows what it was.
  const kind =
    indexOfAscii(bytes, 'word/document.xml') !== -1
      ? 'docx'
      : indexOfAscii(bytes, 'xl/workbook.xml') !== -1
        ? 'xlsx'
        : /\.docx$/i.test(fileName)
          ? 'docx'
          : /\.xlsx$/i.test(fileName)
            ? 'xlsx'
            : undefined;
  if (kind === 'docx') {
    const { docxToBlocks } = await import('./docx-to-blocks.ts');
    const docx = await docxToBlocks(bytes);
    return docx.ok ? finish(docx.blocks, 'docx') : docx;
  }
  if (kind === 'xlsx') {
    const { xlsxToBlocks } = await import('./xlsx-to-blocks.ts');
    const xlsx = await xlsxToBlocks(bytes);
    if (!xlsx.ok) {
      return xlsx;
    }
    const loaded = finish(xlsx.blocks, 'xlsx');
    return loaded.ok ? { ...loaded, document: { ...loaded.document, findings: xlsx.findings, places: xlsx.places } } : loaded;
  }
  if (indexOfAscii(bytes, 'OFD.xml') !== -1) {
    return { ok: false, reason: '不支持 OFD 版式文件，请提供 PDF、DOCX 或 HTML 版本' };
  }
  return { ok: false, reason: '不支持的压缩文件：不是 DOCX 或 XLSX 文档' };
}

function loadText(bytes: Uint8Array, fileName: string): LoadedSource {
  const decoded = decodeText(bytes, { repair: true });
  if (!decoded.ok) {
    return decoded;
  }
  if (decoded.replaced !== undefined) {
    const loaded = loadDecodedText(decoded.text, decoded.encoding, fileName);
    const damaged = finding(
      'READ-ENCODING',
      `文件中有${decoded.replaced}处字节不是有效的${ENCODING_NAME[decoded.encoding]}编码（文件可能下载不完整或已损坏），已用“\ufffd”代替后读取；这些位置的文字或数字可能缺失或有误`,
    );
    return loaded.ok ? { ...loaded, document: { ...loaded.document, findings: [damaged, ...(loaded.document.findings ?? [])] } } : loaded;
  }
  return loadDecodedText(decoded.text, decoded.encoding, fileName);
}

const ENCODING_NAME: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': ' UTF-8 ',
  'utf-16le': ' UTF-16 ',
  'utf-16be': ' UTF-16 ',
  gb18030: ' GB18030（GBK）',
  big5: ' Big5 ',
};

function loadDecodedText(decodedText: string, encoding: TextEncodingName, fileName: string): LoadedSource {
  const decoded = { text: decodedText, encoding };
  const text = normalizeLineBreaks(decoded.text);
  if (text.trim() === '') {
    return { ok: false, reason: REASON_EMPTY };
  }
  const head = text.slice(0, 1024);
  const leading = head.trimStart().replace(/^\ufeff/, '');
  if (leading.startsWith('{') && READ_SCHEMA_MARK.test(head)) {
    return { ok: true, document: { blocks: [{ kind: 'text', text }] }, format: 'json', encoding: decoded.encoding, jsonText: text };
  }
  if (/^MIME-Version:/im.test(head) && /multipart\/related/i.test(head)) {
    return { ok: false, reason: '不支持 MHT 网页存档文件，请另存为 HTML 或 DOCX 后再试' };
  }
  // A page may open with a long comment or script before <html>: when the file starts with markup,
  // look further in.
  const isHtml =
    HTML_MARK.test(head) ||
    (leading.startsWith('<') && HTML_MARK.test(text.slice(0, 8192))) ||
    (HTML_EXTENSION.test(fileName) && /<[a-z!]/i.test(head)) ||
    holdsPageMarkup(text);
  if (isHtml) {
    return finish(htmlToBlocks(text), 'html', decoded.encoding);
  }
  if (CSV_EXTENSION.test(fileName)) {
    if (EXPORT_HEADER.test(leading)) {
      return { ok: false, reason: REASON_EXPORT };
    }
    return finish([{ kind: 'text', text: withAsciiTableRules(withoutHtmlEntities(csvAsTabText(text))) }], 'text', decoded.encoding);
  }
  return finish([{ kind: 'text', text: withAsciiTableRules(withoutHtmlEntities(text)) }], 'text', decoded.encoding);
}

/** An element's start tag: the markup a page's body is written in (not `<` in a formula or `<<…>>`). */
const START_TAG = /<(?:p|div|span|table|tbody|tr|td|th|br|h[1-6]|ul|ol|li|font|strong|b|a|img|section|article|center)(?=[\s>/])/gi;
const TABLE_START = /<table(?=[\s>])/i;
const TABLE_END = /<\/table/gi;
const ROW_START = /<tr(?=[\s>])/gi;
const CELL_START = /<t[dh](?=[\s>])/gi;
/** How far a table's rows are looked for after its start tag, and how many a table of a report has at least. */
const TABLE_WINDOW = 65_536;
const MIN_ROWS = 2;
const MIN_CELLS = 4;
/** Elements a page's markup holds at least (a text quoting a tag or two is no page). */
const MIN_ELEMENTS = 20;

/**
 * A crawler's dump of a page — a title line, a field prefix (`let content = "`), the site's script, then
 * the page's markup — whose markup starts too late for the checks above (probeI9 001: the first <table at
 * 9,100 characters, after 4,500 of script). It is the page when it holds a table with rows, many elements,
 * and more of the text's Chinese than what comes before its first element: a text quoting a tag or a small
 * table, or a plain-text report with a page footer's markup after it, stays text. Attribute quotes escaped
 * for a script (`align=\"center\"`) change none of this; only tag names are looked at.
 */
function holdsPageMarkup(text: string): boolean {
  const table = TABLE_START.exec(text);
  if (table === null) {
    return false;
  }
  TABLE_END.lastIndex = table.index;
  const end = TABLE_END.exec(text)?.index ?? text.length;
  const inTable = text.slice(table.index, Math.min(end, table.index + TABLE_WINDOW));
  if (countUpTo(ROW_START, inTable, MIN_ROWS) < MIN_ROWS || countUpTo(CELL_START, inTable, MIN_CELLS) < MIN_CELLS) {
    return false;
  }
  START_TAG.lastIndex = 0;
  const first = START_TAG.exec(text);
  if (first === null || countUpTo(START_TAG, text, MIN_ELEMENTS) < MIN_ELEMENTS) {
    return false;
  }
  return chineseCount(text, 0, first.index) < chineseCount(text, first.index, text.length);
}

function countUpTo(pattern: RegExp, text: string, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text) !== null) {
    count++;
  }
  return count;
}

function chineseCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      count++;
    }
  }
  return count;
}

// Character references a crawler that stripped a page's tags left in its text (`&nbsp;&nbsp;12`).
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;
const NAMED_ENTITY: ReadonlyMap<string, string> = new Map(
  Object.entries({
    nbsp: '\u00a0',
    ensp: ' ',
    emsp: '\u3000',
    thinsp: ' ',
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    ldquo: '“',
    rdquo: '”',
    lsquo: '‘',
    rsquo: '’',
    mdash: '—',
    ndash: '–',
    hellip: '…',
    middot: '·',
  }),
);

/**
 * A plain-text file holding `&nbsp;`, `&amp;` or `&#160;` is a page whose tags were stripped without
 * decoding its character references: read as text they split table rows and labels (`&nbsp;行政许可`).
 * They are decoded as a browser shows them; an unknown name stays as written.
 */
export function withoutHtmlEntities(text: string): string {
  if (!text.includes('&')) {
    return text;
  }
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      return NAMED_ENTITY.get(name.toLowerCase()) ?? whole;
    }
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** Cleans every string (radicals → ideographs, zero-width characters, line endings, 繁体 → 简体) and refuses a document without text. */
function finish(blocks: readonly SourceBlock[], format: SourceFormat, encoding?: TextEncodingName): LoadedSource {
  const strings = blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : block.rows.flat()));
  const mode = detectScriptOf(strings);
  // Most strings (every cell of a table) hold nothing either step changes: no regex for them.
  const unify = (text: string): string => (hasRadicals(text) ? unifyRadicals(text) : text);
  const convert = (unified: string): string =>
    stripPinyinMarks(mode === 'simplified' && !needsCleaning(unified) ? unified : toSimplified(normalizeLineBreaks(unified), mode));
  const clean = (text: string): string => convert(unify(text));
  const cleaned: SourceBlock[] = blocks.map((block) => {
    if (block.kind === 'table') {
      return { kind: 'table', rows: block.rows.map((row) => row.map(clean)) };
    }
    const unified = unify(block.text);
    const text = convert(unified);
    // A converted text keeps its written form beside it, the same steps without the conversion: the agency is
    // named as the file writes it.
    const form = mode === 'simplified' ? undefined : writtenForm(stripPinyinMarks(withoutZeroWidth(normalizeLineBreaks(unified))), text);
    return form === undefined ? { kind: 'text', text } : { kind: 'text', text, written: form };
  });
  const hasText = cleaned.some((block) =>
    block.kind === 'text' ? block.text.trim() !== '' : block.rows.some((row) => row.some((cell) => cell.trim() !== '')),
  );
  if (!hasText) {
    return { ok: false, reason: format === 'text' ? REASON_EMPTY : REASON_NO_CONTENT };
  }
  const last = cleaned[cleaned.length - 1];
  // A text file cut short (a web archive keeps the first ~2,000 bytes of a page) ends mid-line.
  const openEnd = format === 'text' && last?.kind === 'text' && !last.text.endsWith('\n');
  const document: SourceDocument = openEnd ? { blocks: cleaned, openEnd } : { blocks: cleaned };
  return encoding === undefined ? { ok: true, document, format } : { ok: true, document, format, encoding };
}

/**
 * The written form of a converted text, character for character beside it. A line whose conversion changed its length
 * (a garbled `娙` became `𫰛`, two UTF-16 units: probeI7 050, whose title `蘭州新區經濟合作局…` then came back simplified)
 * keeps its converted form there, so the other lines keep theirs; none when the lines themselves do not pair.
 */
function writtenForm(form: string, text: string): string | undefined {
  if (form === text) {
    return undefined;
  }
  if (form.length === text.length) {
    return form;
  }
  const written = form.split('\n');
  const converted = text.split('\n');
  if (written.length !== converted.length) {
    return undefined;
  }
  const paired = written.map((line, i) => (line.length === converted[i]!.length ? line : converted[i]!)).join('\n');
  return paired === text ? undefined : paired;
}

const NEEDS_CLEANING = /[\v\f\r\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/;

/**
 * True when text holds a code unit that normalizeLineBreaks or toSimplified's zero-width removal
 * changes (CR, VT, FF, U+2028/2029, U+00AD, U+200B–U+200F, U+2060, U+FEFF). One regex test: over a
 * whole report's text 3-4 times faster than the loop it replaced while that was not yet optimised.
 */
function needsCleaning(text: string): boolean {
  return NEEDS_CLEANING.test(text);
}

// A mirror site's reading aid after a character: 數(shù), 規(guī)章, 鎮(zhèn) — lowercase pinyin with a tone mark.
const PINYIN_MARK =
  /(?<=[\u3400-\u9fff])[(（](?=[a-z\u00e0-\u00fc\u0100-\u01dc]*[\u00e0-\u00fc\u0100-\u01dc])[a-z\u00e0-\u00fc\u0100-\u01dc]{1,8}[)）]/g;

/** Removes pinyin annotations of mirror sites (`數(shù)據(jù)` → `數據`): they split labels and names. */
function stripPinyinMarks(text: string): string {
  return text.includes('(') || text.includes('（') ? text.replace(PINYIN_MARK, '') : text;
}

/** CRLF, CR, form feeds (page breaks of pdftotext output), vertical tabs and U+2028/2029 all become \n. */
function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?|[\f\v\u2028\u2029]/g, '\n');
}

/** The reason a file over the size limit is refused (the same before reading, from its size on disk, and after). */
export function tooLargeReason(size: number, maxBytes: number = DEFAULT_MAX_SOURCE_BYTES): string {
  return `文件过大（${formatMegabytes(size)}，上限 ${formatMegabytes(maxBytes)}）`;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(text, 0, 'latin1');
}

export function formatMegabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
