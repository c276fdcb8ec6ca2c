// Building blocks for rule evaluations (validation-rules.md P1, P3, P6): read operands without
// ever turning a missing cell into zero, compare amounts as exact decimals, and record every
// evaluation — pass, fail or not assessable — with a fingerprint that does not depend on values.

import { fingerprintOfParts } from '../../shared/fingerprint.ts';
import { type Finding, finding, type RuleEvaluation, type RuleId } from '../report-model.ts';
import type { ReportFacts } from './rule.ts';

/** A side of an evaluation: a count, or an amount as a decimal string (P3). */
export type EvaluationValue = number | string;

/** Operands read for one evaluation: values of the usable cells, and the IDs that were absent or null (P1). */
export interface Operands {
  readonly values: ReadonlyMap<string, number>;
  readonly missing: readonly string[];
}

/** The value of a present cell, null when present without a number, undefined when absent (P1: missing is not zero). */
export function cellValue(report: ReportFacts, id: string): number | null | undefined {
  const cell = report.cells.get(id);
  return cell === undefined ? undefined : cell.value;
}

/** Reads operand cells; any absent or null one is listed in `missing` (validation-rules.md P1). */
export function readOperands(report: ReportFacts, ids: readonly string[]): Operands {
  const values = new Map<string, number>();
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const value = cellValue(report, id);
    if (value == null) {
      missing.push(id);
    } else {
      values.set(id, value);
    }
  }
  return { values, missing };
}

/** Sum of the given operand values; callers only sum operands they have checked are present. */
export function sumOf(values: ReadonlyMap<string, number>, ids: readonly string[]): number {
  return ids.reduce((sum, id) => sum + (values.get(id) ?? 0), 0);
}

interface EvaluationBase {
  readonly rule: RuleId;
  /** What the evaluation is about (a column, row, table …): part of the fingerprint. */
  readonly subject: string;
  readonly expression: string;
  /** Operand cell IDs in catalogue order (P6). */
  readonly cells: readonly string[];
}

/** Whether `cells` is `parts` in their order with `totalId` (not a part) before or after them. */
function isTotalAndParts(cells: readonly string[], totalId: string, parts: readonly string[]): boolean {
  if (cells.length !== parts.length + 1) {
    return false;
  }
  const offset = cells[0] === totalId ? 1 : 0;
  if (offset === 0 && cells[cells.length - 1] !== totalId) {
    return false;
  }
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === totalId || cells[offset + i] !== parts[i]) {
      return false;
    }
  }
  return true;
}

/**
 * A total that must equal the sum of its parts (T3-ROW-TOTAL, T3-OUTCOME-TOTAL, T3-GROUP-SUM, T4-SUM): not
 * assessable while any of `base.cells` is absent or null (P1), else the printed total against the sum.
 */
export function evaluateSum(
  report: ReportFacts,
  base: EvaluationBase,
  totalId: string,
  parts: readonly string[],
  message: (total: number, sum: number) => string,
): RuleEvaluation {
  // No operand Map: ~80 sums per report. `totalId` and `parts` are among `base.cells` (every caller).
  let missing: string[] | undefined;
  // Indexed loops here and below: in a cold process (most of a batch) `for…of` allocates a result per step.
  const cells = base.cells;
  if (isTotalAndParts(cells, totalId, parts)) {
    // Every caller's shape: the parts in order with the total first or last. One lookup per cell: the
    // parts are added in the same order as below, so the sum is the same number.
    if (!addTotalAndParts(report, cells, totalId)) {
      return keepAll ? notAssessable({ ...base, missing: cells.filter((id) => cellValue(report, id) == null) }) : SKIPPED_EVALUATION;
    }
    const total = addedTotal;
    const sum = addedParts;
    if (total === sum && !keepAll) {
      return SKIPPED_EVALUATION;
    }
    return evaluated({ ...base, left: total, right: sum, holds: total === sum, message: () => message(total, sum) });
  }
  for (let i = 0; i < cells.length; i++) {
    const id = cells[i]!;
    if (cellValue(report, id) == null) {
      missing ??= [];
      missing.push(id);
    }
  }
  if (missing !== undefined) {
    return keepAll ? notAssessable({ ...base, missing }) : SKIPPED_EVALUATION;
  }
  const total = cellValue(report, totalId) ?? 0;
  let sum = 0;
  for (let i = 0; i < parts.length; i++) {
    sum += cellValue(report, parts[i]!) ?? 0;
  }
  if (total === sum && !keepAll) {
    return SKIPPED_EVALUATION;
  }
  return evaluated({ ...base, left: total, right: sum, holds: total === sum, message: () => message(total, sum) });
}

// What addTotalAndParts added up: module state rather than a result object (~80 sums per report).
let addedTotal = 0;
let addedParts = 0;

/**
 * Adds `cells` in order: the value of `totalId` into addedTotal, the others into addedParts. False (and
 * the two left partial) as soon as an operand is absent or null.
 */
function addTotalAndParts(report: ReportFacts, cells: readonly string[], totalId: string): boolean {
  addedTotal = 0;
  addedParts = 0;
  for (let i = 0; i < cells.length; i++) {
    const id = cells[i]!;
    const value = cellValue(report, id);
    if (value == null) {
      return false;
    }
    if (id === totalId) {
      addedTotal = value;
    } else {
      addedParts += value;
    }
  }
  return true;
}

// ---------------------------------------------------------------- failures only (no --explain)

/**
 * Whether passes and not-assessable evaluations are built at all. Only failures become findings; the
 * rest is read by `--explain` alone, and building them (a fingerprint each, hundreds per report) was
 * a third of a batch audit. Switched off only for the synchronous run of {@link failuresOnly}.
 */
let keepAll = true;

/**
 * Stands for every pass and not-assessable evaluation while {@link failuresOnly} runs: one shared
 * object, dropped by the caller, so a pass costs no fingerprint and no allocation.
 */
export const SKIPPED_EVALUATION: RuleEvaluation = Object.freeze({
  rule: 'READ-SOURCE',
  expression: '',
  left: null,
  right: null,
  delta: null,
  status: 'pass',
  cells: [],
  fingerprint: '',
});

/**
 * Runs `check` (rules) with passes and not-assessable evaluations replaced by {@link SKIPPED_EVALUATION};
 * failures are built exactly as always. Synchronous, and restores the previous mode even on a throw.
 */
export function failuresOnly<T>(check: () => T): T {
  const before = keepAll;
  keepAll = false;
  try {
    return check();
  } finally {
    keepAll = before;
  }
}

/** Whether passes are recorded (false while {@link failuresOnly} runs): a rule may skip gathering what only a pass shows. */
export function keepsPasses(): boolean {
  return keepAll;
}

/** Fingerprint of an evaluation: rule, subject and operand IDs, never the values, so it survives corrections. */
export function evaluationFingerprint(rule: RuleId, subject: string, cells: readonly string[]): string {
  return fingerprintOfParts([rule, subject, ...cells]);
}

/** An evaluation whose operands were all available: pass when `holds`, else fail with the given message. */
export function evaluated(
  base: EvaluationBase & {
    readonly left: EvaluationValue;
    readonly right: EvaluationValue;
    readonly holds: boolean;
    /** Built lazily: only failures need a message. */
    readonly message: () => string;
    /** Cells of the finding when they differ from the operands (e.g. only the offending cells). */
    readonly findingCells?: readonly string[];
  },
): RuleEvaluation {
  if (base.holds && !keepAll) {
    return SKIPPED_EVALUATION;
  }
  // Object literals rather than spreads: hundreds of evaluations per report.
  const fingerprint = evaluationFingerprint(base.rule, base.subject, base.cells);
  const delta = deltaOf(base.left, base.right);
  if (base.holds) {
    return {
      rule: base.rule,
      expression: base.expression,
      left: base.left,
      right: base.right,
      delta,
      cells: base.cells,
      fingerprint,
      status: 'pass',
    };
  }
  return {
    rule: base.rule,
    expression: base.expression,
    left: base.left,
    right: base.right,
    delta,
    cells: base.cells,
    fingerprint,
    status: 'fail',
    finding: finding(base.rule, base.message(), base.findingCells ?? base.cells),
  };
}

/** An evaluation that needs a cell the report does not give: recorded, never guessed, no finding (P1). */
export function notAssessable(base: EvaluationBase & { readonly missing: readonly string[] }): RuleEvaluation {
  if (!keepAll) {
    return SKIPPED_EVALUATION;
  }
  return {
    rule: base.rule,
    expression: base.expression,
    left: null,
    right: null,
    delta: null,
    status: 'not_assessable',
    cells: base.cells,
    missing: base.missing,
    fingerprint: evaluationFingerprint(base.rule, base.subject, base.cells),
  };
}

/** A finding computed elsewhere (the reader's own findings) recorded as a failed evaluation. */
export function evaluationOfFinding(found: Finding): RuleEvaluation {
  return {
    rule: found.rule,
    expression: found.message,
    left: null,
    right: null,
    delta: null,
    status: 'fail',
    cells: found.cells,
    // The message is the subject: reading findings have no other identity (a label, a row).
    fingerprint: evaluationFingerprint(found.rule, found.message, found.cells),
    finding: found,
  };
}

function deltaOf(left: EvaluationValue, right: EvaluationValue): EvaluationValue | null {
  if (typeof left === 'number' && typeof right === 'number') {
    return left - right;
  }
  const a = typeof left === 'string' ? left : String(left);
  const b = typeof right === 'string' ? right : String(right);
  // b first: CELL-SIGN's right side is a word ('ok'), which ends the check before a's regex.
  return isDecimal(b) && isDecimal(a) ? subtractDecimals(a, b) : null;
}

// ---------------------------------------------------------------- exact decimals (P3)

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** Folds full-width digits, point, comma and minus to ASCII, as reports mix both. */
function toAscii(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0c\uff0d\u2212]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) {
      return String(code - 0xff10);
    }
    return ch === '\uff0e' ? '.' : ch === '\uff0c' ? ',' : '-';
  });
}

/**
 * The decimal written at the start of a cell text, as a canonical string (`712.187895万元` → `712.187895`,
 * `-8` → `-8`, `1,234.50` → `1234.5`), or undefined when the text does not start with a number.
 * Amounts are read from the text, never from a float (validation-rules.md P3).
 */
export function decimalFromText(raw: string): string | undefined {
  const text = toAscii(raw.trim()).replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  const match = /^([-+]|减|增)?\s*(\d+(?:\.\d+)?)/.exec(text);
  if (match === null) {
    return undefined;
  }
  const negative = match[1] === '-' || match[1] === '减';
  return normaliseDecimal(`${negative ? '-' : ''}${match[2]}`);
}

/** The exact decimal of a cell: from its raw text when that starts with a number, else from its value. */
export function cellDecimal(report: ReportFacts, id: string): string | undefined {
  const cell = report.cells.get(id);
  if (cell === undefined || cell.value === null) {
    return undefined;
  }
  return decimalFromText(cell.raw) ?? (Number.isFinite(cell.value) ? normaliseDecimal(String(cell.value)) : undefined);
}

function split(text: string): { units: bigint; scale: number } {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = body.split('.');
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

function join(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Canonical form: no leading zeros, no trailing fraction zeros, no `-0` (`0.0000` → `0`). */
export function normaliseDecimal(text: string): string {
  if (!isDecimal(text)) {
    // Exponent notation from a float: only reached through cellDecimal's fallback.
    return text;
  }
  const { units, scale } = split(text);
  return join(units, scale);
}

function aligned(a: string, b: string): { a: bigint; b: bigint; scale: number } {
  const x = split(a);
  const y = split(b);
  const scale = Math.max(x.scale, y.scale);
  return { a: x.units * 10n ** BigInt(scale - x.scale), b: y.units * 10n ** BigInt(scale - y.scale), scale };
}

/** Exact comparison of two decimal strings: −1, 0 or 1 (validation-rules.md P3). */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = aligned(a, b);
  return x.a < x.b ? -1 : x.a > x.b ? 1 : 0;
}

/** Exact a + b of two decimal strings. */
export function addDecimals(a: string, b: string): string {
  const x = aligned(a, b);
  return join(x.a + x.b, x.scale);
}

/** Exact a − b of two decimal strings. */
export function subtractDecimals(a: string, b: string): string {
  const x = aligned(a, b);
  return join(x.a - x.b, x.scale);
}
