// The reader output contract `gongkai/report-read@1` as JSON (annual-report.md §6): one compact line,
// keys in the contract's order, CJK unescaped; its parser; and the way from a reading or a document
// to the other, so `report render FILE.json --to docx` works.

import {
  type CellEntry,
  type Finding,
  type FingerprintedFinding,
  type NarrativeValue,
  READ_SCHEMA,
  type ReadCell,
  type ReportDocument,
  type ReportReading,
  RULE_IDS,
  type RuleId,
  type Severity,
} from '../report-model.ts';
import {
  type DetectedTemplate,
  SECTION_IDS,
  type SectionId,
  TABLE_IDS,
  type TableId,
  type TemplateId,
  templateForYear,
} from '../template.ts';
import { documentCells } from './document-cells.ts';

/** The contract's keys, in their fixed order (annual-report.md §6). */
export const READING_KEYS = ['schema', 'source', 'agency', 'year', 'template', 'cells', 'narrative', 'findings'] as const;

const cellJson = (c: ReadCell) => ({ table: c.table, row: c.row, column: c.column, id: c.id, value: c.value, raw: c.raw });

const findingJson = (f: Finding | FingerprintedFinding) => {
  const base = { rule: f.rule, severity: f.severity, message: f.message, cells: [...f.cells] };
  return 'fingerprint' in f && typeof f.fingerprint === 'string' ? { ...base, fingerprint: f.fingerprint } : base;
};

/**
 * One reading as one compact JSON line (no trailing newline), keys in contract order (reader contract
 * §6.1); `extra` keys (e.g. `evaluations` of `--explain`) follow the contract keys and never replace them.
 *
 * Written piece by piece rather than as one JSON.stringify of a fresh object tree: the cells are most
 * of a line (~40 KB), and their first four keys repeat for every report of a template, so each cell's
 * head comes from a cache (CELL_HEADS). The text is the same as JSON.stringify of the object would give.
 */
export function renderReadingJson(reading: ReportReading, extra?: Readonly<Record<string, unknown>>): string {
  const parts = new JsonParts();
  writeReading(parts, reading, extra, '}');
  return parts.parts.join('');
}

/**
 * renderReadingJson followed by a line break (JSON Lines), joined once: a batch writes ~40 KB per
 * report, so the line is built without intermediate strings of its cells, members or newline.
 */
export function renderReadingJsonLine(reading: ReportReading, extra?: Readonly<Record<string, unknown>>): string {
  const parts = new JsonParts();
  writeReading(parts, reading, extra, '}\n');
  return parts.parts.join('');
}

/**
 * renderReadingJsonLine as UTF-8 bytes, written straight into one buffer reused from call to call: the
 * returned view is valid only until the next call (write it out at once). A batch writing to a file
 * makes no line string (~60 KB of UTF-16 per seed-size report, the row labels are Chinese), no array
 * of pieces and no UTF-8 copy of the line; each cell's head is encoded once per cell ID.
 */
export function renderReadingJsonLineBytes(reading: ReportReading, extra?: Readonly<Record<string, unknown>>): Uint8Array {
  LINE_BYTES.length = 0;
  writeReading(LINE_BYTES, reading, extra, '}\n');
  return LINE_BYTES.view();
}

/** Where writeReading puts its text: pieces to join, or UTF-8 bytes. */
interface JsonOut {
  /** Any text. */
  text(piece: string): void;
  /** Text known to be ASCII (numbers, punctuation, JSON of ASCII). */
  ascii(piece: string): void;
  /** A cell's cached head. */
  head(head: CellHead): void;
}

class JsonParts implements JsonOut {
  readonly parts: string[] = [];
  text(piece: string): void {
    this.parts.push(piece);
  }
  ascii(piece: string): void {
    this.parts.push(piece);
  }
  head(head: CellHead): void {
    this.parts.push(head.json);
  }
}

class JsonBytes implements JsonOut {
  bytes = new Uint8Array(1 << 16);
  length = 0;
  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) {
      return;
    }
    let size = this.bytes.length * 2;
    while (size < this.length + more) {
      size *= 2;
    }
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  /** UTF-8 as Node writes a string: a lone surrogate becomes U+FFFD (JSON.stringify leaves none anyway). */
  text(piece: string): void {
    // At most 3 bytes per UTF-16 code unit (a pair: 4 bytes for 2 units).
    this.reserve(piece.length * 3);
    const bytes = this.bytes;
    let at = this.length;
    const n = piece.length;
    for (let i = 0; i < n; i++) {
      let c = piece.charCodeAt(i);
      if (c < 0x80) {
        bytes[at++] = c;
      } else if (c < 0x800) {
        bytes[at++] = 0xc0 | (c >> 6);
        bytes[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const next = i + 1 < n ? piece.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            bytes[at++] = 0xf0 | (point >> 18);
            bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
            bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
            bytes[at++] = 0x80 | (point & 0x3f);
            i++;
            continue;
          }
          c = 0xfffd;
        }
        bytes[at++] = 0xe0 | (c >> 12);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = at;
  }
  ascii(piece: string): void {
    this.reserve(piece.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < piece.length; i++) {
      bytes[at++] = piece.charCodeAt(i);
    }
    this.length = at;
  }
  head(head: CellHead): void {
    const encoded = head.bytes;
    if (encoded === undefined) {
      const start = this.length;
      this.text(head.json);
      head.bytes = this.bytes.slice(start, this.length);
      return;
    }
    this.reserve(encoded.length);
    this.bytes.set(encoded, this.length);
    this.length += encoded.length;
  }
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

const LINE_BYTES = new JsonBytes();

/** renderReadingJson's text into `out`, ending with `end`. */
function writeReading(out: JsonOut, reading: ReportReading, extra: Readonly<Record<string, unknown>> | undefined, end: string): void {
  out.ascii('{');
  let first = true;
  const key = (name: string): void => {
    out.text(first ? `${JSON.stringify(name)}:` : `,${JSON.stringify(name)}:`);
    first = false;
  };
  const member = (name: string, json: string | undefined): void => {
    // JSON.stringify leaves out a key whose value it cannot write (undefined): so does this.
    if (json !== undefined) {
      key(name);
      out.text(json);
    }
  };
  member('schema', JSON.stringify(reading.schema));
  member('source', JSON.stringify(reading.source));
  member('agency', JSON.stringify(reading.agency));
  member('year', JSON.stringify(reading.year));
  member('template', JSON.stringify(reading.template));
  key('cells');
  writeCells(out, reading.cells);
  member('narrative', JSON.stringify(reading.narrative.map((n) => ({ text: n.text, value: n.value }))));
  member('findings', JSON.stringify(reading.findings.map(findingJson)));
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (!(READING_KEYS as readonly string[]).includes(name)) {
      member(name, JSON.stringify(value));
    }
  }
  out.ascii(end);
}

/** `{"table":…,"row":…,"column":…,"id":…,"value":` of a cell, by cell ID (bounded; cleared when full). */
interface CellHead {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly json: string;
  /** `json` as UTF-8, encoded on first use by renderReadingJsonLineBytes. */
  bytes?: Uint8Array;
}
const CELL_HEADS = new Map<string, CellHead>();
const CELL_HEADS_LIMIT = 10_000;

/** The cells' JSON array: each cell's head from the cache, then its value and raw. */
function writeCells(out: JsonOut, cells: readonly ReadCell[]): void {
  out.ascii('[');
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) {
      out.ascii(',');
    }
    writeCell(out, cells[i] as ReadCell);
  }
  out.ascii(']');
}

/** JSON.stringify(cellJson(c)), with the head of the line cached. */
function writeCell(out: JsonOut, c: ReadCell): void {
  const { value, raw } = c;
  if (typeof raw !== 'string' || (value !== null && typeof value !== 'number')) {
    out.text(JSON.stringify(cellJson(c))); // not a contract cell: whatever JSON.stringify makes of it
    return;
  }
  let head = CELL_HEADS.get(c.id);
  if (head === undefined || head.table !== c.table || head.row !== c.row || head.column !== c.column) {
    if (CELL_HEADS.size >= CELL_HEADS_LIMIT) {
      CELL_HEADS.clear();
    }
    const { table, row, column } = c;
    const json = `{"table":${JSON.stringify(table)},"row":${JSON.stringify(row)},"column":${JSON.stringify(column)},"id":${JSON.stringify(c.id)},"value":`;
    head = { table, row, column, json };
    CELL_HEADS.set(c.id, head);
  }
  // JSON writes NaN and ±Infinity as null, and -0 as 0 (as String does).
  const valueText = value !== null && Number.isFinite(value) ? String(value) : 'null';
  out.head(head);
  out.ascii(valueText);
  // Most cells are printed as their number (`12`): nothing in them to escape, no JSON.stringify call.
  if (valueText === raw) {
    out.ascii(',"raw":"');
    out.ascii(raw);
    out.ascii('"}');
  } else {
    out.ascii(',"raw":');
    out.text(JSON.stringify(raw));
    out.ascii('}');
  }
}

/** The contract object of a document: its cells in contract order, no narrative values, no findings yet. */
export function documentToReading(doc: ReportDocument, source = ''): ReportReading {
  return {
    schema: READ_SCHEMA,
    source,
    agency: doc.agency,
    year: doc.year,
    template: doc.template,
    cells: documentCells(doc),
    narrative: [],
    findings: [],
  };
}

/** A document as the JSON contract (agency, year, template, cells; narrative and findings empty for the caller to fill). */
export function renderDocumentJson(doc: ReportDocument, source = ''): string {
  return renderReadingJson(documentToReading(doc, source));
}

/**
 * A reading as a document to render: its template, or the report year's when the reading's is
 * `unknown` or `mixed` (2021 when the year is unknown too); cells by ID; no narrative paragraphs,
 * since the contract keeps only narrative values.
 */
export function readingToDocument(reading: ReportReading, text?: DocumentText): ReportDocument {
  const template: TemplateId =
    reading.template === '2021' || reading.template === '2019'
      ? reading.template
      : reading.year === null
        ? '2021'
        : templateForYear(reading.year);
  return {
    template,
    agency: reading.agency,
    year: reading.year,
    preamble: text?.preamble ?? [],
    sections: text?.sections ?? {},
    cells: new Map<string, CellEntry>(reading.cells.map((c) => [c.id, { value: c.value, raw: c.raw }])),
    ...(text?.signature === undefined ? {} : { signature: text.signature }),
  };
}

// ---------------------------------------------------------------- parsing

/**
 * The report's prose beside the contract keys (an extra key, `text`): preamble, each section's
 * paragraphs and the signature, so a report rendered to JSON keeps its narrative and the checks that
 * need it (NARR-SUM …) still run when the JSON is read again (issue #10).
 */
export interface DocumentText {
  readonly preamble: readonly string[];
  readonly sections: Readonly<Partial<Record<SectionId, readonly string[]>>>;
  readonly signature?: { readonly agency: string; readonly date: string };
}

/** The `text` extra key of a document, or undefined when it has no prose at all. */
export function documentText(doc: ReportDocument): DocumentText | undefined {
  const hasProse = doc.preamble.length > 0 || Object.values(doc.sections).some((lines) => (lines?.length ?? 0) > 0);
  if (!hasProse && doc.signature === undefined) {
    return undefined;
  }
  return {
    preamble: doc.preamble,
    sections: doc.sections,
    ...(doc.signature === undefined ? {} : { signature: doc.signature }),
  };
}

/** A parsed reader-contract object, or a Chinese message saying why the text is not one. */
export type ParsedReading =
  | { readonly ok: true; readonly reading: ReportReading; readonly text?: DocumentText }
  | { readonly ok: false; readonly error: string };

const DETECTED: readonly DetectedTemplate[] = ['2021', '2019', 'mixed', 'unknown'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

class ShapeError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(message: string): never {
  throw new ShapeError(message);
}

function field<T>(object: Json, key: string, path: string, check: (value: unknown) => value is T, expected: string): T {
  const value = object[key];
  return check(value) ? value : fail(`“${path}${key}”应为${expected}`);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown): v is number | null => v === null || isNumber(v);
const isStringOrNull = (v: unknown): v is string | null => v === null || isString(v);
const isYear = (v: unknown): v is number | null => v === null || (Number.isInteger(v) && (v as number) > 0);
const isArray = (v: unknown): v is readonly unknown[] => Array.isArray(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

function list<T>(object: Json, key: string, read: (item: Json, path: string) => T): T[] {
  return field(object, key, '', isArray, '数组').map((item, i) => {
    const path = `${key}[${i}].`;
    return isObject(item) ? read(item, path) : fail(`“${key}[${i}]”应为对象`);
  });
}

function readCell(item: Json, path: string): ReadCell {
  return {
    table: field(item, 'table', path, oneOf<TableId>(TABLE_IDS), '“二”“三”或“四”'),
    row: field(item, 'row', path, isString, '字符串'),
    column: field(item, 'column', path, isString, '字符串'),
    id: field(item, 'id', path, isString, '字符串'),
    value: field(item, 'value', path, isNumberOrNull, '数字或null'),
    raw: field(item, 'raw', path, isString, '字符串'),
  };
}

function readFinding(item: Json, path: string): Finding | FingerprintedFinding {
  const rule = field(item, 'rule', path, isString, '字符串');
  if (!(RULE_IDS as readonly string[]).includes(rule)) {
    fail(`“${path}rule”的规则“${rule}”不在规则目录中`);
  }
  const cells = field(item, 'cells', path, isArray, '字符串数组');
  const base: Finding = {
    rule: rule as RuleId,
    severity: field(item, 'severity', path, oneOf(SEVERITIES), '“error”“warning”或“notice”'),
    message: field(item, 'message', path, isString, '字符串'),
    cells: cells.every(isString) ? cells : fail(`“${path}cells”应为字符串数组`),
  };
  if (item.fingerprint === undefined) {
    return base;
  }
  return { ...base, fingerprint: field(item, 'fingerprint', path, isString, '字符串') };
}

const readNarrative = (item: Json, path: string): NarrativeValue => ({
  text: field(item, 'text', path, isString, '字符串'),
  value: field(item, 'value', path, isNumber, '数字'),
});

const isStrings = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every(isString);

/** The optional `text` key: kept when well formed, ignored otherwise (it is no contract key). */
function readDocumentText(value: unknown): DocumentText | undefined {
  if (!isObject(value) || !isStrings(value.preamble) || !isObject(value.sections)) {
    return undefined;
  }
  const sections: Partial<Record<SectionId, readonly string[]>> = {};
  for (const id of SECTION_IDS) {
    const lines = value.sections[id];
    if (isStrings(lines)) {
      sections[id] = lines;
    }
  }
  const signature = value.signature;
  const validSignature = isObject(signature) && isString(signature.agency) && isString(signature.date);
  return {
    preamble: value.preamble,
    sections,
    ...(validSignature ? { signature: { agency: signature.agency as string, date: signature.date as string } } : {}),
  };
}

/**
 * Parses one reader-contract object (a line of `report read --json`). Never throws: bad input gives a
 * Chinese message saying what is wrong and where.
 */
/**
 * Where JSON text goes wrong, in Chinese: the engine's own message is English (and gives no position
 * for most errors), so the place is found by scanning the text again.
 */
export function jsonSyntaxPlace(json: string): string {
  const at = firstJsonError(json);
  if (at < 0) {
    return '无法解析（嵌套过深或过大）';
  }
  if (at >= json.length) {
    return '内容在结尾处不完整';
  }
  const before = json.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `第${line}行第${column}列附近有语法错误`;
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Offset of the first character that makes `json` invalid (its length when it ends too early). */
function firstJsonError(json: string): number {
  // An iterative scanner: `expect` is what may come next; `stack` the open containers.
  const stack: ('{' | '[')[] = [];
  let expect: 'value' | 'key' | 'colon' | 'after' | 'end' | 'value-or-close' | 'key-or-close' = 'value';
  let i = 0;
  const match = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(json)) {
      return false;
    }
    i = pattern.lastIndex;
    return true;
  };
  while (true) {
    while (i < json.length && ' \t\n\r'.includes(json[i] as string)) {
      i += 1;
    }
    if (i >= json.length) {
      return expect === 'end' ? -1 : i;
    }
    const ch = json[i] as string;
    if (expect === 'end') {
      return i;
    }
    if ((expect === 'value-or-close' && ch === ']') || (expect === 'key-or-close' && ch === '}')) {
      stack.pop();
      i += 1;
      expect = stack.length === 0 ? 'end' : 'after';
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (!match(JSON_STRING)) {
        return i;
      }
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') {
        return i;
      }
      i += 1;
      expect = 'value';
      continue;
    }
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (ch === ',') {
        i += 1;
        expect = top === '{' ? 'key' : 'value';
      } else if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        stack.pop();
        i += 1;
        expect = stack.length === 0 ? 'end' : 'after';
      } else {
        return i;
      }
      continue;
    }
    // a value
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      i += 1;
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    if (!(match(JSON_STRING) || match(JSON_NUMBER) || match(/true|false|null/y))) {
      return i;
    }
    expect = stack.length === 0 ? 'end' : 'after';
  }
}

export function parseReadingJson(text: string): ParsedReading {
  let data: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: `不是有效的JSON：${jsonSyntaxPlace(json)}` };
  }
  if (!isObject(data)) {
    return { ok: false, error: 'JSON内容应为一个对象（年度报告读取结果）' };
  }
  if (data.schema !== READ_SCHEMA) {
    return { ok: false, error: `不支持的格式“${String(data.schema)}”，应为“${READ_SCHEMA}”` };
  }
  try {
    const reading: ReportReading = {
      schema: READ_SCHEMA,
      source: field(data, 'source', '', isString, '字符串'),
      agency: field(data, 'agency', '', isStringOrNull, '字符串或null'),
      year: field(data, 'year', '', isYear, '正整数或null'),
      template: field(data, 'template', '', oneOf(DETECTED), '“2021”“2019”“mixed”或“unknown”'),
      cells: list(data, 'cells', readCell),
      narrative: list(data, 'narrative', readNarrative),
      findings: list(data, 'findings', readFinding),
    };
    const text = readDocumentText(data.text);
    return text === undefined ? { ok: true, reading } : { ok: true, reading, text };
  } catch (error) {
    if (error instanceof ShapeError) {
      return { ok: false, error: `年度报告读取结果格式错误：${error.message}` };
    }
    throw error;
  }
}
