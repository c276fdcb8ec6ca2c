// Text tables drawn with other rule characters than ASCII pipes: full-width vertical bars (`｜`, what a
// Chinese input method types for `|`) and box-drawing grids (`┌──┬──┐ │ 规章 │ 0 │ ├──┼──┤`, what a
// terminal, an e-mail client or a "table to text" converter writes). They become the ASCII grid the reader
// already reads (`+--+--+`, `| 规章 | 0 |`), so no layout needs a reader of its own.

/** `｜` and the box-drawing verticals: │ ┃ ┆ ┇ ┊ ┋ ║. */
const VERTICALS = new Set([0xff5c, 0x2502, 0x2503, 0x2506, 0x2507, 0x250a, 0x250b, 0x2551]);
/** The box-drawing horizontals: ─ ━ ┄ ┅ ┈ ┉ ═ ╌ ╍. */
const HORIZONTALS = new Set([0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x2550, 0x254c, 0x254d]);
const BOX_DRAWING = /[\u2500-\u257f\uff5c]/;
/** Lines holding a rule character that a text must have before its rules are read as a table's. */
const MIN_RULED_LINES = 3;

const isBoxDrawing = (code: number): boolean => code >= 0x2500 && code <= 0x257f;
const isSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;

/**
 * A line that is part of a drawn table: it holds a vertical rule, or it is a border (nothing but
 * box-drawing characters and spaces). A sentence with one `─` used as a dash is neither.
 */
function isRuledLine(line: string): boolean {
  let boxOnly = true;
  let box = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (VERTICALS.has(code)) {
      return true;
    }
    if (isBoxDrawing(code)) {
      box = true;
    } else if (!isSpace(code)) {
      boxOnly = false;
    }
  }
  return box && boxOnly;
}

function asciiRules(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    out += VERTICALS.has(code) ? '|' : HORIZONTALS.has(code) ? '-' : isBoxDrawing(code) ? '+' : line[i];
  }
  return out;
}

/**
 * The text with the rules of its drawn tables in ASCII: verticals `|`, horizontals `-`, corners and
 * junctions `+`, on the lines that belong to a table (see {@link isRuledLine}) and only when at least
 * three lines do — a lone `｜` in a breadcrumb (`首页｜政务公开`) or a `─` dash in a sentence stays.
 * The text is returned unchanged (the same string) when it holds no such character.
 */
export function withAsciiTableRules(text: string): string {
  if (!BOX_DRAWING.test(text)) {
    return text;
  }
  const lines = text.split('\n');
  const ruled = lines.map(isRuledLine);
  if (ruled.filter(Boolean).length < MIN_RULED_LINES) {
    return text;
  }
  return lines.map((line, i) => (ruled[i] ? asciiRules(line) : line)).join('\n');
}
