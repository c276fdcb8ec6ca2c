// What a cell text looks like, as far as the cell rules need it (CELL-TEXT, CELL-SIGN).
// Kept local to validation so the rules do not wait for the reader's value parser
// (read/parse-cell-value.ts, annual-report.md §6.3); the two should be merged later.

import type { CellKind } from '../template.ts';

/**
 * A plain number as printed: digits with an optional decimal part and an optional leading minus, once
 * trimmed (`0`, `12`, `0.0000`, `-8`). A negative count is a number all the same: CELL-VALUE and CELL-SIGN
 * judge it; CELL-TEXT is only about texts that are not numbers (`251000元`, `增98`, `/`).
 */
export function isPlainNumber(raw: string): boolean {
  return /^-?\d+(?:\.\d+)?$/.test(trimCell(raw));
}

// Texts the reader keeps as present-but-null (annual-report.md §6.3): a dash or slash is a normal way
// to write "nothing to report", not a malformed number.
const NULL_MARKERS = new Set(['/', '／', '-', '—', '--', '——', '－', '－－', '─', '–', '无', '不适用']);

/** Trims ASCII and ideographic whitespace and NBSP, as the reader does for `raw`. */
function trimCell(raw: string): string {
  return raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

function toAscii(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (ch) => String(ch.charCodeAt(0) - 0xff10))
    .replace(/[\uff0b]/g, '+')
    .replace(/[\uff0d\u2212]/g, '-')
    .replace(/\uff0e/g, '.')
    .replace(/\uff0c/g, ',');
}

const SIGN = /^([+-]|增|减)/;
const UNIT = /(万元|件|条|个|项|元)$/;
// Only digits, signs, separators and a trailing unit: anything else is prose (CELL-TEXT's business).
const NUMBER_LIKE = /^[\d\s+\-.,增减\u3000]+(万元|件|条|个|项|元)?$/;
const WELL_FORMED = /^([+-]|增|减)?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Why a cell text is not a normative value (CELL-SIGN, validation-rules.md rule 32), or undefined if it is fine. */
export type SignProblem = 'sign_in_count' | 'sign_without_number' | 'malformed_number';

/**
 * CELL-SIGN: a sign in a count or amount column, a sign word alone (`增`, `减`), or a malformed number
 * (`--253`, `1..5`, `2 3`). Null markers (`/`, `-`, `—`) and prose are not this rule's concern.
 */
export function signProblemOf(raw: string, kind: CellKind): SignProblem | undefined {
  const text = toAscii(trimCell(raw));
  if (text === '' || NULL_MARKERS.has(text)) {
    return undefined;
  }
  if (text === '增' || text === '减') {
    return 'sign_without_number';
  }
  if (!NUMBER_LIKE.test(text)) {
    return undefined;
  }
  const body = text.replace(UNIT, '');
  if (!WELL_FORMED.test(body)) {
    return 'malformed_number';
  }
  return kind !== 'change' && SIGN.test(body) ? 'sign_in_count' : undefined;
}
