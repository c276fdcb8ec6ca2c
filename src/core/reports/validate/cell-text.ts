// What CELL-SIGN asks of a cell text. "Plain number", the null markers, the ASCII forms of full-width
// digits and signs, and the units are the reader's (read/parse-cell-value.ts, annual-report.md §6.3);
// only the judgement of which numeric-looking texts are not normative values is validation's.

import { isNullMarker, toAscii, UNITS } from '../read/parse-cell-value.ts';
import type { CellKind } from '../template.ts';

const SIGN = /^([+-]|增|减)/;
const UNIT = new RegExp(`(${UNITS.join('|')})$`);
// Only digits, signs, separators and a trailing unit: anything else is prose (CELL-TEXT's business).
const NUMBER_LIKE = new RegExp(`^[\\d\\s+\\-.,增减\\u3000]+(${UNITS.join('|')})?$`);
const PLAIN_DIGITS = /^\d+$/;
const WELL_FORMED = /^([+-]|增|减)?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Why a cell text is not a normative value (CELL-SIGN, validation-rules.md rule 32), or undefined if it is fine. */
export type SignProblem = 'sign_in_count' | 'sign_without_number' | 'malformed_number';

/**
 * CELL-SIGN: a sign in a count or amount column, a sign word alone (`增`, `减`), or a malformed number
 * (`--253`, `1..5`, `2 3`). Null markers (`/`, `-`, `—`) and prose are not this rule's concern.
 */
export function signProblemOf(raw: string, kind: CellKind): SignProblem | undefined {
  if (PLAIN_DIGITS.test(raw)) {
    return undefined; // most cells (`0`, `12`): well formed, no sign
  }
  // Null markers are tested on the ASCII form, so `－－` and `−` count as `--` and `-`.
  const text = toAscii(raw.trim());
  if (text === '' || isNullMarker(text)) {
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
