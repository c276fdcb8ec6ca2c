// Cell text → raw and value (reader contract, annual-report.md §6.2–§6.3). Shared with validation:
// CELL-TEXT needs "is raw a plain number", CELL-SIGN the null markers, the ASCII forms and the units.

const EDGE_WHITESPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const LINE_BREAKS = /[\r\n]+/g;

/**
 * The contract's `raw` (§6.2): leading/trailing whitespace (incl. U+3000, NBSP) removed, inner line
 * breaks removed, otherwise as found. '' means the cell is absent.
 */
export function cellRaw(text: string): string {
  // The usual cell (`12`, `/`, a label) has nothing to trim or remove: one pass, no new string.
  const last = text.length - 1;
  if (last >= 0 && !isTrimmable(text.charCodeAt(0)) && !isTrimmable(text.charCodeAt(last))) {
    let i = 1;
    while (i < last) {
      const code = text.charCodeAt(i);
      if (code === 0x0a || code === 0x0d) {
        break;
      }
      i++;
    }
    if (i >= last) {
      return text;
    }
  }
  // String.prototype.trim removes every Unicode space (U+3000, NBSP, U+FEFF) and line terminator.
  const trimmed = text.trim();
  return trimmed.includes('\n') || trimmed.includes('\r') ? trimmed.replace(LINE_BREAKS, '') : trimmed;
}

/** An ASCII or full-width digit (`0`–`9`, `０`–`９`). */
export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** True for the code units String.prototype.trim removes (WhiteSpace and LineTerminator of ECMA-262). */
export function isTrimmable(code: number): boolean {
  if (code > 0x20 && code < 0xa0) {
    return false; // ASCII printable: the usual first and last character of a cell
  }
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff;
}

/** Texts that mean "nothing to report" (§6.3): present, value null, never zero. */
// `_` and `＿` too: some agencies fill a cell with nothing to report so (a real page: `规范性文件` / `_` / `3` / `3`).
export const NULL_MARKERS: ReadonlySet<string> = new Set([
  '/',
  '-',
  '—',
  '--',
  '——',
  '无',
  '不适用',
  '－',
  '／',
  '−',
  '─',
  '–',
  '_',
  '__',
  '＿',
]);

/** The first characters of the null markers (`/`, `—`, `无`, `不` of `不适用` …). */
const NULL_MARKER_FIRSTS: ReadonlySet<number> = new Set([...NULL_MARKERS].map((m) => m.charCodeAt(0)));

/** Full-width digits and signs → ASCII, so `１２３`, `＋３`, `－８` parse like `123`, `+3`, `-8` (§6.3); CELL-SIGN reads cells the same way. */
export function toAscii(raw: string): string {
  if (!/[\u2212\uff0b-\uff19]/.test(raw)) {
    return raw; // the usual case: nothing to fold, no new string
  }
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 0xff10 && code <= 0xff19) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (code === 0xff0b) {
      out += '+';
    } else if (code === 0xff0d || code === 0x2212) {
      out += '-';
    } else if (code === 0xff0e) {
      out += '.';
    } else if (code === 0xff0c) {
      out += ',';
    } else {
      out += raw[i];
    }
  }
  return out;
}

const UNSIGNED = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** The units a value cell may end in (§6.3): stripped, never converted. */
export const UNITS = ['万元', '件', '条', '个', '项', '元'] as const;

interface Parsed {
  readonly value: number | null;
  readonly sign: '+' | '-' | null;
  /** True when the text could be neither a number nor a null marker but looks numeric. */
  readonly malformed: boolean;
}

// Cell texts repeat (`0`, `1`, `/`): a bounded memo keeps parsing off the hot path.
const memo = new Map<string, Parsed>();
const MEMO_LIMIT = 4096;

function parse(raw: string): Parsed {
  let parsed = memo.get(raw);
  if (parsed === undefined) {
    parsed = parseUncached(raw);
    if (memo.size >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.set(raw, parsed);
  }
  return parsed;
}

function parseUncached(raw: string): Parsed {
  if (NULL_MARKERS.has(raw)) {
    return { value: null, sign: null, malformed: false };
  }
  let text = toAscii(raw);
  let sign: '+' | '-' | null = null;
  const first = text[0];
  if (first === '增' || first === '+') {
    sign = '+';
  } else if (first === '减' || first === '-') {
    sign = '-';
  }
  if (sign !== null) {
    text = text.slice(1).replace(EDGE_WHITESPACE, '');
  }
  for (const unit of UNITS) {
    if (text.endsWith(unit) && text.length > unit.length) {
      text = text.slice(0, -unit.length).replace(EDGE_WHITESPACE, '');
      break;
    }
  }
  if (GROUPED.test(text)) {
    text = text.replaceAll(',', '');
  }
  if (!UNSIGNED.test(text)) {
    // `--253`, `1..5`, `2 3`, a lone `增`: numeric-looking but not a number (CELL-SIGN).
    const numeric = (/\d/.test(text) && /^[\d.,\s+-]+$/.test(text)) || (sign !== null && text.length === 0);
    return { value: null, sign, malformed: numeric };
  }
  const magnitude = Number(text);
  return { value: sign === '-' ? (magnitude === 0 ? 0 : -magnitude) : magnitude, sign, malformed: false };
}

/**
 * The contract's `value` of a raw cell text (§6.3): full-width → ASCII, thousands separators removed,
 * one trailing unit among 件 条 个 项 元 万元 stripped (never converted), 增/+ positive, 减/-/−/－
 * negative; `/ - — -- —— 无 不适用` and anything else unparseable → null.
 */
export function parseCellValue(raw: string): number | null {
  if (raw.length === 0) {
    return null;
  }
  const digits = digitsValue(raw);
  return digits >= 0 ? digits : parse(raw).value;
}

/**
 * The value of a cell of ASCII digits only (`0`, `12`, `007`: most cells of a table), or −1 for any
 * other text — what parse gives for it, without hashing the string for the memo. At most 15 digits,
 * so the sum is exact (Number of the same digits).
 */
function digitsValue(raw: string): number {
  const length = raw.length;
  if (length === 0 || length > 15) {
    return -1;
  }
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = raw.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    value = value * 10 + digit;
  }
  return value;
}

/**
 * True when raw, once trimmed, is a plain number as printed (`0`, `12`, `0.0000`, `-8`, `+3`): no unit, sign word
 * or separator (CELL-TEXT). A signed count is a number all the same: CELL-VALUE and CELL-SIGN judge it;
 * CELL-TEXT is only about texts that are not numbers (`251000元`, `增98`, `/`). `+3` is how reports write a
 * rise in 本年增/减 (annual-report.md §4.1 lists `-8`, `减8`, `增98`, `+3`): three real pages (probeL1 047,
 * probeP3 033, probeP5 048) got `不是数字：+1、+173` beside `-2` in the same column, which passed.
 */
const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

export function isPlainNumber(raw: string): boolean {
  // Trimmed here too: a report given as JSON (render-json.ts) may carry a raw the reader never trimmed.
  return PLAIN_NUMBER.test(raw.trim());
}

/** True when raw starts with a sign (`+`, `-`, `增`, `减`, full-width forms) and is not a null marker (CELL-SIGN). */
export function hasSign(raw: string): boolean {
  return raw.length > 0 && !NULL_MARKERS.has(raw) && parse(raw).sign !== null;
}

/** True when raw looks numeric but is not a well-formed number: `--253`, `1..5`, `2 3`, `增` alone (CELL-SIGN). */
export function isMalformedNumber(raw: string): boolean {
  return raw.length > 0 && parse(raw).malformed;
}

/** True when raw is a null marker of §6.3 (`/`, `—`, `无` …): present, value null. */
export function isNullMarker(raw: string): boolean {
  return NULL_MARKERS.has(raw);
}

/** True when a cell text reads as a value cell rather than a label: blank, a number, a null marker or a malformed number. */
export function isValueText(text: string): boolean {
  return cellKind(text) !== CELL_OTHER;
}

/** cellKind: nothing but whitespace. */
export const CELL_BLANK = 0;
/** cellKind: a filled value cell (a number, a null marker or a malformed number). */
export const CELL_VALUE = 1;
/** cellKind: any other text (a label, a sentence). */
export const CELL_OTHER = 2;

/**
 * What a cell text is, in one pass: blank (CELL_BLANK), a filled value (CELL_VALUE) or other text
 * (CELL_OTHER). isValueText is "not CELL_OTHER"; the table reader asks both questions of every cell.
 */
export function cellKind(text: string): number {
  // The usual value cell, blank or plain digits, perhaps padded (`| 12 |`): judged in place, without
  // cellRaw's trimmed copy; the answer is what the check below gives for that raw.
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text.charCodeAt(start))) {
    start++;
  }
  if (start === end) {
    return CELL_BLANK;
  }
  if (!mayStartValue(text.charCodeAt(start))) {
    // A label (`规章`, `（一）予以公开`): its first character already keeps it from every value form.
    return CELL_OTHER;
  }
  while (isTrimmable(text.charCodeAt(end - 1))) {
    end--;
  }
  if (end - start <= 15) {
    let i = start;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code < 0x30 || code > 0x39) {
        break;
      }
      i++;
    }
    if (i === end) {
      return CELL_VALUE;
    }
  }
  const raw = cellRaw(text);
  if (raw.length === 0 || digitsValue(raw) >= 0 || (raw.length <= NULL_MARKER_MAX_LENGTH && NULL_MARKERS.has(raw))) {
    return CELL_VALUE;
  }
  if (isMarkedNumber(raw)) {
    // `? 0`: a number behind a character the page lost (a mirror's `?` for a space it could not encode). A
    // filled cell that keeps its place in the row; no value is read from it (CELL-TEXT says so).
    return CELL_VALUE;
  }
  if (cannotBeNumber(raw) || hasNonNumericCharacter(raw)) {
    return CELL_OTHER; // a label: not hashed for the memo (labels are new strings in every report)
  }
  const parsed = parse(raw);
  return parsed.value !== null || parsed.malformed ? CELL_VALUE : CELL_OTHER;
}

/**
 * False when a text whose first non-blank character is `code` can be no value (cellKind's answer is then
 * CELL_OTHER): no digit, no character a number may start with (`.` `,` `+` `-` and the non-ASCII ones
 * hasNonNumericCharacter lets through), and no first character of a null marker. Such a character is
 * also one hasNonNumericCharacter stops at, so the long way gives CELL_OTHER for it too.
 */
function mayStartValue(code: number): boolean {
  // A code unit is below 0x10000: one byte read, not two set lookups (labels start with CJK characters).
  return VALUE_STARTS[code] === 1;
}

/** The longest null marker (`不适用`): a longer text is none, without hashing it. */
const NULL_MARKER_MAX_LENGTH = Math.max(...[...NULL_MARKERS].map((m) => m.length));

/**
 * True when raw (not a null marker) holds a character `parse` neither folds, strips nor reads as part of
 * a number — a letter, a CJK character other than 增 减 and the units (`1.属于国家秘密`): that character
 * stays in the text parse tests, so it gives `{ value: null, malformed: false }`. Such labels (new
 * strings in every report) are then not hashed for the memo.
 */
function hasNonNumericCharacter(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x80) {
      // ASCII: digits, `.`, `,`, `+`, `-` and whitespace take part; anything else stays.
      if (!((code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2c || code === 0x2b || code === 0x2d || isTrimmable(code))) {
        return true;
      }
    } else if (!NUMERIC_NON_ASCII.has(code) && !(code >= 0xff10 && code <= 0xff19) && !isTrimmable(code)) {
      return true;
    }
  }
  return false;
}

/** Non-ASCII code units parse may fold or strip: full-width signs and separators, − , 增 减 and the unit characters. */
const NUMERIC_NON_ASCII: ReadonlySet<number> = new Set([
  0xff0b, // ＋
  0xff0d, // －
  0x2212, // −
  0xff0e, // ．
  0xff0c, // ，
  0x589e, // 增
  0x51cf, // 减
  ...[...UNITS.join('')].map((c) => c.charCodeAt(0)),
]);

/**
 * mayStartValue's table, one byte per UTF-16 code unit (64 KB, filled once with the few dozen characters
 * below): ASCII and full-width digits, `.` `,` `+` `-`, the non-ASCII characters parse folds or strips
 * (NUMERIC_NON_ASCII, none of them ASCII) and the first characters of the null markers.
 */
/** A question mark, then whitespace and digits only (`? 0`, `？12`): one cell, not a label and a value. */
export function isMarkedNumber(raw: string): boolean {
  const first = raw.charCodeAt(0);
  return (first === 0x3f || first === 0xff1f) && digitsValue(raw.slice(1).trim()) >= 0;
}

const VALUE_STARTS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  table.fill(1, 0x30, 0x3a);
  table.fill(1, 0xff10, 0xff1a);
  for (const code of [0x2e, 0x2c, 0x2b, 0x2d, 0x3f, 0xff1f, ...NUMERIC_NON_ASCII, ...NULL_MARKER_FIRSTS]) {
    table[code] = 1;
  }
  return table;
})();

/**
 * True when `parse` can only give `{ value: null, malformed: false }` for raw: a number needs a digit
 * (ASCII or full-width), and without one only a sign character alone (`增`, `-`) is malformed.
 */
function cannotBeNumber(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (
    first === 0x589e ||
    first === 0x51cf ||
    first === 0x2b ||
    first === 0x2d ||
    first === 0xff0b ||
    first === 0xff0d ||
    first === 0x2212
  ) {
    return false; // 增 减 + - ＋ － −
  }
  for (let i = 0; i < raw.length; i++) {
    if (isDigitCode(raw.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}
