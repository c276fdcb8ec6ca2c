// 信息处理费 (information processing fee) under 国办函〔2020〕109号《政府信息公开信息处理费管理办法》
// (statute.md §6). Providing information is free; an organ *may* charge when the number or frequency
// of requests clearly exceeds a reasonable range (条例第四十二条). Both methods are 超额累进: only
// the part above each threshold pays that tier's rate. All money is integer 分 (Fen): the tiers are
// whole 元, and a waiver may leave 角/分, so no amount ever goes through a float.

import { parseLocalDate } from '#core/calendar/local-date.ts';

declare const FEN_BRAND: unique symbol;

/** An amount of money in 分 (1/100 元): a non-negative safe integer, never a float (109号 amounts are 元). */
export type Fen = number & { readonly [FEN_BRAND]: true };

/** Checks that a number is a valid amount in 分 (non-negative safe integer). */
export function toFen(value: number): Fen | undefined {
  return Number.isSafeInteger(value) && value >= 0 ? (value as Fen) : undefined;
}

// Internal: every call site multiplies or adds values already known to be safe non-negative integers.
const fen = (value: number): Fen => value as Fen;

const FEN_PER_YUAN = 100;

/** Formats an amount as 元 with two decimals ("4700.00"), the form of JSON output and fee notices. */
export function formatYuan(amount: Fen): string {
  const whole = Math.trunc(amount / FEN_PER_YUAN);
  const cents = amount % FEN_PER_YUAN;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

/** Formats an amount for explanation steps: "700元", or "12.50元" when 角/分 are left (after a waiver). */
export function formatYuanShort(amount: Fen): string {
  return amount % FEN_PER_YUAN === 0 ? `${amount / FEN_PER_YUAN}元` : `${formatYuan(amount)}元`;
}

/** The two charging methods of 109号第三条: 按件 (per application) and 按量 (per page); one per application. */
export const FEE_METHODS = ['per_application', 'per_page'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

export const FEE_METHOD_LABEL = { per_application: '按件', per_page: '按量' } as const satisfies Record<FeeMethod, string>;

/** The article that fixes each method's tiers (109号第四条 按件, 第五条 按量). */
export const FEE_METHOD_ARTICLE = {
  per_application: '国办函〔2020〕109号第四条',
  per_page: '国办函〔2020〕109号第五条',
} as const satisfies Record<FeeMethod, string>;

/**
 * Upper bound for pages, ordinals and monthly counts. Not a legal limit: it keeps every amount an
 * exact safe integer (the 按件 month total grows with the square of the count) and the explanation
 * of a month total bounded (one step per band of 10).
 */
export const MAX_FEE_QUANTITY = 1_000_000;

/** 按量 tiers per application by pages (109号第五条): 30页以下（含30页）free, then 10/20/40 元 per page. */
export const PER_PAGE_TIERS = [
  { from: 1, to: 30, rateFen: fen(0) },
  { from: 31, to: 100, rateFen: fen(10 * FEN_PER_YUAN) },
  { from: 101, to: 200, rateFen: fen(20 * FEN_PER_YUAN) },
  { from: 201, to: Number.POSITIVE_INFINITY, rateFen: fen(40 * FEN_PER_YUAN) },
] as const;

// 按件 tiers (109号第四条), same applicant, cumulative within one natural month:
// （一）10件以下（含10件）free; （二）11—30件 100元/件; （三）31件以上 in bands of 10, each band +100元/件.
const PER_APPLICATION_FREE_UP_TO = 10;
const PER_APPLICATION_FLAT_UP_TO = 30;
const PER_APPLICATION_BASE_RATE = fen(100 * FEN_PER_YUAN);
const PER_APPLICATION_BAND_SIZE = 10;
const PER_APPLICATION_BAND_STEP = fen(100 * FEN_PER_YUAN);

/** The 按件 and 按量 standards as stated to the applicant (收费标准 of the fee notice, 109号第四条、第五条). */
export const FEE_STANDARD_TEXT = {
  per_application:
    '按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，每件100元；' +
    '31件以上的部分，以10件为一档，每增加一档，收费标准每件提高100元（31—40件每件200元，41—50件每件300元，依此类推）。',
  per_page:
    '按量计收：同一申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，每页10元；' +
    '101—200页（含200页）的部分，每页20元；201页以上的部分，每页40元。',
} as const satisfies Record<FeeMethod, string>;

export const FEE_ISSUE_CODES = [
  'INVALID_QUANTITY',
  'INVALID_DATE',
  'WAIVER_NOT_ALLOWED',
  'WAIVER_REASON_MISSING',
  'WAIVER_AMOUNT_INVALID',
  'WAIVER_NOTHING_TO_WAIVE',
  'WAIVER_ALREADY_APPLIED',
  'BOTH_METHODS',
  'PAYMENT_METHOD_MISSING',
] as const;
export type FeeIssueCode = (typeof FEE_ISSUE_CODES)[number];

/** A problem with a fee input, with a Chinese message for the user; core returns it, never throws. */
export interface FeeIssue {
  readonly code: FeeIssueCode;
  readonly message: string;
}

export type FeeOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: FeeIssue };

const ok = <T>(value: T): FeeOutcome<T> => ({ ok: true, value });
const refuse = <T>(code: FeeIssueCode, message: string): FeeOutcome<T> => ({ ok: false, issue: { code, message } });

/** One tier's share of a fee: units from..to (pages or applications) at one rate. */
export interface FeeLine {
  readonly from: number;
  readonly to: number;
  readonly units: number;
  readonly rateFen: Fen;
  readonly amountFen: Fen;
}

/** A waiver (减免) recorded by the organ; 109号 exemptions are [unknown], so only a recorded decision with a reason exists. */
export type FeeWaiver =
  | { readonly kind: 'full'; readonly reason: string }
  | { readonly kind: 'partial'; readonly reduceByFen: Fen; readonly reason: string };

export interface AppliedFeeWaiver {
  readonly waiver: FeeWaiver;
  readonly waivedFen: Fen;
}

export const FEE_COMPUTATION_KINDS = ['per_page', 'per_application_rate', 'per_application_month_total'] as const;
export type FeeComputationKind = (typeof FEE_COMPUTATION_KINDS)[number];

/** A computed fee with the steps that produced it, as shown to staff and applicant (spec README: every fee shows its rule). */
export interface FeeBreakdown {
  readonly kind: FeeComputationKind;
  readonly method: FeeMethod;
  /** Pages (per_page), the ordinal in the month (per_application_rate) or the month's count (month total). */
  readonly quantity: number;
  readonly lines: readonly FeeLine[];
  /** The amount the tiers give, before any waiver. */
  readonly grossFen: Fen;
  readonly waiver: AppliedFeeWaiver | null;
  /** The amount payable; 0 is the "no fee" path, the common case. */
  readonly fen: Fen;
  readonly explanation: readonly string[];
}

const NO_FEE_TEXT = '不收取信息处理费';

function checkQuantity(value: number, minimum: number, noun: string): FeeIssue | undefined {
  if (!Number.isSafeInteger(value) || value < minimum) {
    const what = minimum === 0 ? '非负整数' : '正整数';
    return { code: 'INVALID_QUANTITY', message: `${noun}必须是${what}，收到：${String(value)}` };
  }
  if (value > MAX_FEE_QUANTITY) {
    return { code: 'INVALID_QUANTITY', message: `${noun}超出可计算范围（上限${MAX_FEE_QUANTITY}），收到：${value}` };
  }
  return undefined;
}

function totalOf(lines: readonly FeeLine[]): Fen {
  return fen(lines.reduce((sum, line) => sum + line.amountFen, 0));
}

function lineText(line: FeeLine, unit: '页' | '件'): string {
  const range = line.from === line.to ? `第${line.from}${unit}` : `第${line.from}—${line.to}${unit}`;
  if (line.rateFen === 0) {
    return `${range}：${line.units}${unit}，不收费`;
  }
  return `${range}：${line.units}${unit} × ${formatYuanShort(line.rateFen)} = ${formatYuanShort(line.amountFen)}`;
}

function totalText(total: Fen): string {
  return total === 0 ? `合计：0元（${NO_FEE_TEXT}）` : `合计：${formatYuanShort(total)}`;
}

/** 按量 (109号第五条): the fee of one application of `pages` pages, tier by tier. */
export function computePerPageFee(pages: number): FeeOutcome<FeeBreakdown> {
  const issue = checkQuantity(pages, 0, '页数');
  if (issue !== undefined) {
    return { ok: false, issue };
  }
  const lines: FeeLine[] = [];
  for (const tier of PER_PAGE_TIERS) {
    const to = Math.min(pages, tier.to);
    const units = to - tier.from + 1;
    if (units > 0) {
      lines.push({ from: tier.from, to, units, rateFen: tier.rateFen, amountFen: fen(units * tier.rateFen) });
    }
  }
  const total = totalOf(lines);
  const explanation = [
    `按量计收（${FEE_METHOD_ARTICLE.per_page}）：一件申请，共${pages}页`,
    ...(pages === 0 ? ['没有需要提供的页数，不收费'] : lines.map((line) => lineText(line, '页'))),
    totalText(total),
  ];
  return ok({ kind: 'per_page', method: 'per_page', quantity: pages, lines, grossFen: total, waiver: null, fen: total, explanation });
}

/** The 按件 rate of the k-th application of one applicant in one natural month (109号第四条). */
function perApplicationRateFen(ordinal: number): Fen {
  if (ordinal <= PER_APPLICATION_FREE_UP_TO) {
    return fen(0);
  }
  if (ordinal <= PER_APPLICATION_FLAT_UP_TO) {
    return PER_APPLICATION_BASE_RATE;
  }
  const band = Math.ceil((ordinal - PER_APPLICATION_FLAT_UP_TO) / PER_APPLICATION_BAND_SIZE);
  return fen(PER_APPLICATION_BASE_RATE + band * PER_APPLICATION_BAND_STEP);
}

/** The tiers covering applications 1..count of one month: a line per tier (free, 11—30, then each band of 10). */
function perApplicationLines(count: number): FeeLine[] {
  const ranges: { from: number; to: number }[] = [];
  if (count >= 1) {
    ranges.push({ from: 1, to: Math.min(count, PER_APPLICATION_FREE_UP_TO) });
  }
  if (count > PER_APPLICATION_FREE_UP_TO) {
    ranges.push({ from: PER_APPLICATION_FREE_UP_TO + 1, to: Math.min(count, PER_APPLICATION_FLAT_UP_TO) });
  }
  for (let from = PER_APPLICATION_FLAT_UP_TO + 1; from <= count; from += PER_APPLICATION_BAND_SIZE) {
    ranges.push({ from, to: Math.min(count, from + PER_APPLICATION_BAND_SIZE - 1) });
  }
  return ranges.map(({ from, to }) => {
    const rateFen = perApplicationRateFen(from);
    const units = to - from + 1;
    return { from, to, units, rateFen, amountFen: fen(units * rateFen) };
  });
}

/** 按件 (109号第四条): the rate of the `ordinal`-th application of one applicant in one natural month (the marginal rate). */
export function computePerApplicationRate(ordinal: number): FeeOutcome<FeeBreakdown> {
  const issue = checkQuantity(ordinal, 1, '当月申请序号');
  if (issue !== undefined) {
    return { ok: false, issue };
  }
  const rateFen = perApplicationRateFen(ordinal);
  const tier = perApplicationLines(ordinal).at(-1)!;
  const lines: FeeLine[] = [{ from: ordinal, to: ordinal, units: 1, rateFen, amountFen: rateFen }];
  let rule: string;
  if (ordinal <= PER_APPLICATION_FREE_UP_TO) {
    rule = '一个自然月内累计10件以下（含10件）的，不收费';
  } else if (ordinal <= PER_APPLICATION_FLAT_UP_TO) {
    rule = `属11—30件（含30件）的部分：每件${formatYuanShort(rateFen)}`;
  } else {
    const band = Math.ceil((ordinal - PER_APPLICATION_FLAT_UP_TO) / PER_APPLICATION_BAND_SIZE);
    rule =
      `属31件以上的部分（每10件为一档）：第${tier.from}—${tier.from + PER_APPLICATION_BAND_SIZE - 1}件为第${band}档，` +
      `每件${formatYuanShort(PER_APPLICATION_BASE_RATE)} + ${band} × ${formatYuanShort(PER_APPLICATION_BAND_STEP)} = ${formatYuanShort(rateFen)}`;
  }
  const explanation = [
    `按件计收（${FEE_METHOD_ARTICLE.per_application}）：同一申请人一个自然月内的第${ordinal}件申请`,
    rule,
    rateFen === 0 ? `本件：0元（${NO_FEE_TEXT}）` : `本件：${formatYuanShort(rateFen)}`,
  ];
  return ok({
    kind: 'per_application_rate',
    method: 'per_application',
    quantity: ordinal,
    lines,
    grossFen: rateFen,
    waiver: null,
    fen: rateFen,
    explanation,
  });
}

/** 按件 (109号第四条): the total for `count` applications of one applicant in one natural month, Σ rate(1..count). */
export function computePerApplicationMonthTotal(count: number): FeeOutcome<FeeBreakdown> {
  const issue = checkQuantity(count, 0, '当月申请件数');
  if (issue !== undefined) {
    return { ok: false, issue };
  }
  const lines = perApplicationLines(count);
  const total = totalOf(lines);
  const explanation = [
    `按件计收（${FEE_METHOD_ARTICLE.per_application}）：同一申请人一个自然月内共${count}件申请`,
    ...(count === 0 ? ['当月没有申请，不收费'] : lines.map((line) => lineText(line, '件'))),
    totalText(total),
  ];
  return ok({
    kind: 'per_application_month_total',
    method: 'per_application',
    quantity: count,
    lines,
    grossFen: total,
    waiver: null,
    fen: total,
    explanation,
  });
}

/** Agency settings for fees; waivers are a recorded decision because 109号 exemptions are [unknown] (statute.md §6). */
export interface FeeSettings {
  /** Whether staff may record a waiver (减免) with a reason. Provisional default: allowed. */
  readonly waiverAllowed: boolean;
}

export const DEFAULT_FEE_SETTINGS: FeeSettings = { waiverAllowed: true };

/** Applies a recorded waiver (减免, reason required) to a computed fee; the waiver shows in the explanation (statute.md §6). */
export function applyFeeWaiver(
  breakdown: FeeBreakdown,
  waiver: FeeWaiver,
  settings: FeeSettings = DEFAULT_FEE_SETTINGS,
): FeeOutcome<FeeBreakdown> {
  if (!settings.waiverAllowed) {
    return refuse('WAIVER_NOT_ALLOWED', '本机关的设置不允许减免信息处理费');
  }
  const reason = waiver.reason.trim();
  if (reason === '') {
    return refuse('WAIVER_REASON_MISSING', '减免信息处理费必须记录理由');
  }
  if (breakdown.waiver !== null) {
    return refuse('WAIVER_ALREADY_APPLIED', '该项费用已经记录过减免，不能再次减免');
  }
  if (breakdown.grossFen === 0) {
    return refuse('WAIVER_NOTHING_TO_WAIVE', '该项不收费，无需减免');
  }
  let waivedFen: Fen;
  let step: string;
  if (waiver.kind === 'full') {
    waivedFen = breakdown.grossFen;
    step = `减免：免收全部信息处理费${formatYuanShort(waivedFen)}（理由：${reason}）`;
  } else {
    if (toFen(waiver.reduceByFen) === undefined || waiver.reduceByFen === 0 || waiver.reduceByFen > breakdown.grossFen) {
      return refuse(
        'WAIVER_AMOUNT_INVALID',
        `减收金额必须大于0元且不超过应收金额${formatYuanShort(breakdown.grossFen)}，收到：${String(waiver.reduceByFen)}分`,
      );
    }
    waivedFen = waiver.reduceByFen;
    step = `减免：减收${formatYuanShort(waivedFen)}（理由：${reason}）`;
  }
  const payable = fen(breakdown.grossFen - waivedFen);
  return ok({
    ...breakdown,
    waiver: { waiver: { ...waiver, reason }, waivedFen },
    fen: payable,
    explanation: [
      ...breakdown.explanation,
      step,
      payable === 0 ? `减免后应缴：0元（${NO_FEE_TEXT}）` : `减免后应缴：${formatYuanShort(payable)}`,
    ],
  });
}

/** One application of the applicant as numbered for 按件: its receipt date (receivedOn, YYYY-MM-DD). */
export interface ReceivedApplication {
  readonly receivedOn: string;
}

/** An application with its number within its natural month and the 按件 rate of that number. */
export interface NumberedApplication<T extends ReceivedApplication> {
  readonly application: T;
  /** The calendar month, YYYY-MM. */
  readonly month: string;
  readonly ordinalInMonth: number;
  readonly rateFen: Fen;
}

export interface MonthFeeTotal {
  readonly month: string;
  readonly count: number;
  readonly totalFen: Fen;
  readonly explanation: readonly string[];
}

export interface MonthlyApplicationFees<T extends ReceivedApplication> {
  /** Every application in receipt order (ties keep input order), numbered within its month. */
  readonly applications: readonly NumberedApplication<T>[];
  readonly months: readonly MonthFeeTotal[];
  readonly totalFen: Fen;
}

/**
 * 按件 per month (109号第四条, convention FEE-MONTH): one applicant's applications to this organ are
 * numbered 1, 2, … by receivedOn within each calendar month, restarting on the 1st; each gets the rate
 * of its number. Every application counts for the numbering, whichever method is finally charged.
 */
export function computeMonthlyApplicationFees<T extends ReceivedApplication>(
  applications: readonly T[],
): FeeOutcome<MonthlyApplicationFees<T>> {
  const bad = applications.find((application) => parseLocalDate(application.receivedOn) === undefined);
  if (bad !== undefined) {
    return refuse('INVALID_DATE', `收到申请日期不是有效日期（应为YYYY-MM-DD）：${bad.receivedOn}`);
  }
  // Array.prototype.sort is stable: same-day applications keep the order given (the total does not depend on it).
  const ordered = [...applications].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  const countByMonth = new Map<string, number>();
  const numbered = ordered.map((application): NumberedApplication<T> => {
    const month = application.receivedOn.slice(0, 7);
    const ordinalInMonth = (countByMonth.get(month) ?? 0) + 1;
    countByMonth.set(month, ordinalInMonth);
    return { application, month, ordinalInMonth, rateFen: perApplicationRateFen(ordinalInMonth) };
  });
  const months = [...countByMonth].map(([month, count]): MonthFeeTotal => {
    const lines = perApplicationLines(count);
    const totalFen = totalOf(lines);
    return {
      month,
      count,
      totalFen,
      explanation: [
        `${month}：同一申请人当月共${count}件申请（按收到申请日期编号，每月1日重新计数）`,
        ...lines.map((line) => lineText(line, '件')),
        `${month}${totalText(totalFen)}`,
      ],
    };
  });
  return ok({ applications: numbered, months, totalFen: fen(months.reduce((sum, month) => sum + month.totalFen, 0)) });
}

/** A fee charged on one application, as recorded. */
export interface FeeCharge {
  readonly applicationRef: string;
  readonly method: FeeMethod;
}

/** 109号第三条: per application the organ chooses 按件 or 按量, never both; returns one issue per application charged both ways. */
export function validateOneFeeMethod(charges: readonly FeeCharge[]): readonly FeeIssue[] {
  const methodsByApplication = new Map<string, Set<FeeMethod>>();
  for (const charge of charges) {
    const methods = methodsByApplication.get(charge.applicationRef) ?? new Set<FeeMethod>();
    methods.add(charge.method);
    methodsByApplication.set(charge.applicationRef, methods);
  }
  return [...methodsByApplication]
    .filter(([, methods]) => methods.size > 1)
    .map(
      ([ref]): FeeIssue => ({
        code: 'BOTH_METHODS',
        message: `申请“${ref}”同时按件和按量计收信息处理费；同一申请只能选择其中一种方式（国办函〔2020〕109号第三条）`,
      }),
    );
}
