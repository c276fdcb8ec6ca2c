// Use case: the 信息处理费 of 国办函〔2020〕109号 — 按量 by pages, 按件 by the application's number in
// the month, a month's total, or a list of receipt dates — with a waiver and the 收费通知 whose
// payment deadline counts working days on the calendar in force (the stored one, like `deadline`).
import { addWorkingDaysWithWarnings } from '#core/calendar/add-working-days.ts';
import { parseLocalDate } from '#core/calendar/local-date.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { computeFeeNotice, type FeeNotice, type NoFeeNotice, type WorkingDayPort } from '#core/statute/fee-notice.ts';
import {
  applyFeeWaiver,
  computeMonthlyApplicationFees,
  computePerApplicationMonthTotal,
  computePerApplicationRate,
  computePerPageFee,
  type FeeBreakdown,
  type FeeOutcome,
  type Fen,
  formatYuanShort,
} from '#core/statute/fees.ts';
import { loadCalendarInForce, todayOf } from './clock-environment.ts';
import type { AppDeps } from './ports.ts';

/** What to compute: one of the four ways of 109号 (第四条 按件, 第五条 按量). */
export type FeeRequest =
  | { readonly kind: 'pages'; readonly pages: number }
  | { readonly kind: 'count'; readonly ordinal: number }
  | { readonly kind: 'month-total'; readonly applications: number }
  | { readonly kind: 'receipts'; readonly receivedOn: readonly string[] };

export interface ComputeFeeInput {
  readonly request: FeeRequest;
  /** 减免: full, or partial by `reduceByFen`, always with a reason (single fees only). */
  readonly waiver?: { readonly reason: string; readonly reduceByFen?: Fen };
  /** The 收费通知: when the applicant received it (for the payment deadline) and how to pay. */
  readonly notice?: { readonly receivedOn?: string; readonly paymentMethod?: string };
}

export interface ComputedFee {
  readonly fen: Fen;
  readonly explanation: readonly string[];
  /** Per application, for `receipts`. */
  readonly applications?: readonly { readonly receivedOn: string; readonly ordinalInMonth: number; readonly fen: number }[];
  readonly notice?: FeeNotice | NoFeeNotice;
}

/** The payment method a notice states when the agency gives none. */
export const DEFAULT_PAYMENT_METHOD = '按本机关收费通知载明的方式缴纳';

function unwrap<T>(outcome: FeeOutcome<T>): T {
  if (!outcome.ok) {
    throw new DomainError('INVALID_INPUT', outcome.issue.message, { issue: outcome.issue.code });
  }
  return outcome.value;
}

function computeSingle(request: Exclude<FeeRequest, { kind: 'receipts' }>): FeeBreakdown {
  switch (request.kind) {
    case 'pages':
      return unwrap(computePerPageFee(request.pages));
    case 'count':
      return unwrap(computePerApplicationRate(request.ordinal));
    default:
      return unwrap(computePerApplicationMonthTotal(request.applications));
  }
}

function computeReceipts(receivedOn: readonly string[]): ComputedFee {
  if (receivedOn.length === 0) {
    throw new DomainError('INVALID_INPUT', '请至少给出一个收到申请日期（YYYY-MM-DD，用逗号分隔）。');
  }
  const result = unwrap(computeMonthlyApplicationFees(receivedOn.map((date) => ({ receivedOn: date }))));
  return {
    fen: result.totalFen,
    explanation: [
      `按件计收（国办函〔2020〕109号第四条）：同一申请人共${receivedOn.length}件申请，按收到申请日期在各自然月内编号`,
      ...result.applications.map(
        (a) => `${a.application.receivedOn}：${a.month}第${a.ordinalInMonth}件，${a.rateFen === 0 ? '不收费' : formatYuanShort(a.rateFen)}`,
      ),
      ...result.months.flatMap((month) => month.explanation),
      `总计：${formatYuanShort(result.totalFen)}`,
    ],
    applications: result.applications.map((a) => ({
      receivedOn: a.application.receivedOn,
      ordinalInMonth: a.ordinalInMonth,
      fen: a.rateFen,
    })),
  };
}

/** Computes a fee (国办函〔2020〕109号), its waiver and its notice; bad input is INVALID_INPUT with the Chinese reason. */
export async function computeFee(deps: Pick<AppDeps, 'calendar' | 'clock'>, input: ComputeFeeInput): Promise<ComputedFee> {
  const { request, waiver, notice } = input;
  if (request.kind === 'receipts') {
    if (waiver !== undefined) {
      throw new DomainError('INVALID_INPUT', '减免只能用于按页数、当月申请序号或当月申请件数计算出的单项费用。');
    }
    if (notice !== undefined) {
      throw new DomainError('INVALID_INPUT', '收费通知只能用于按页数、当月申请序号或当月申请件数计算出的单项费用。');
    }
    return computeReceipts(request.receivedOn);
  }
  let breakdown = computeSingle(request);
  if (waiver !== undefined) {
    breakdown = unwrap(
      applyFeeWaiver(
        breakdown,
        waiver.reduceByFen === undefined
          ? { kind: 'full', reason: waiver.reason }
          : { kind: 'partial', reduceByFen: waiver.reduceByFen, reason: waiver.reason },
      ),
    );
  }
  if (notice === undefined) {
    return { fen: breakdown.fen, explanation: breakdown.explanation };
  }
  // The payment deadline counts working days on the calendar in force today: the stored calendar,
  // administrator imports included (the bug of issue #7 was the shipped calendar here).
  const calendar = await loadCalendarInForce(deps.calendar, todayOf(deps.clock));
  const workingDays: WorkingDayPort = {
    addWorkingDays(from, n) {
      const date = parseLocalDate(from);
      if (date === undefined) {
        throw new DomainError('INVALID_INPUT', `收到收费通知日期不是有效日期（应为YYYY-MM-DD）：“${from}”`);
      }
      return addWorkingDaysWithWarnings(date, n, calendar);
    },
  };
  const computed = unwrap(
    computeFeeNotice(
      {
        fee: breakdown,
        paymentMethod: notice.paymentMethod ?? DEFAULT_PAYMENT_METHOD,
        ...(notice.receivedOn === undefined ? {} : { noticeReceivedOn: notice.receivedOn }),
      },
      workingDays,
    ),
  );
  return { fen: breakdown.fen, explanation: breakdown.explanation, notice: computed };
}
