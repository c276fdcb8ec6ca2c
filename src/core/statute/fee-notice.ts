// The 收费通知 (fee notice): what it must state and when payment is due (statute.md §6, 109号 as
// restated by 四川省财政厅、发展改革委 2021-01-18, items 一—三). Working days come through a port
// so this file does not depend on the calendar module; any calendar with addWorkingDays fits.

import { parseLocalDate } from '#core/calendar/local-date.ts';
import { FEE_METHOD_ARTICLE, FEE_STANDARD_TEXT, type FeeBreakdown, type FeeOutcome, type Fen, formatYuan } from './fees.ts';

/** A warning attached to a computed date (e.g. `CALENDAR_YEAR_MISSING:2027`), shaped like the calendar module's. */
export interface DateWarning {
  readonly code: string;
  readonly message: string;
}

/** The slice of the working-day calendar the fee notice needs: the n-th working day after `from` (the start day never counts). */
export interface WorkingDayPort {
  addWorkingDays(from: string, n: number): { readonly date: string; readonly warnings: readonly DateWarning[] };
}

/** Payment is due within 20 working days counted from the day after the applicant receives the notice (四川 2021-01-18, item 二). */
export const FEE_PAYMENT_WORKING_DAYS = 20;

export interface FeeNoticeInput {
  readonly fee: FeeBreakdown;
  /** 缴纳方式 as the agency states it (account, 非税收入 payment code, counter …). */
  readonly paymentMethod: string;
  /** When the applicant received the notice (YYYY-MM-DD); unknown until delivery, then the deadline stays relative. */
  readonly noticeReceivedOn?: string;
}

/** Content of a fee notice: 收费的依据、标准、数额、缴纳方式 and the payment deadline (四川 2021-01-18, item 二). */
export interface FeeNotice {
  readonly kind: 'notice';
  /** 依据 */
  readonly basis: string;
  /** 标准 */
  readonly standard: string;
  /** 数额 */
  readonly amountFen: Fen;
  readonly amountYuan: string;
  readonly calculation: readonly string[];
  /** 缴纳方式 */
  readonly paymentMethod: string;
  readonly paymentWorkingDays: typeof FEE_PAYMENT_WORKING_DAYS;
  /** The last day to pay; null while the date the applicant receives the notice is unknown. */
  readonly payBy: string | null;
  /** Calendar warnings behind payBy (e.g. a year without holiday data). */
  readonly warnings: readonly DateWarning[];
  /** The notice text, one paragraph per entry, in the order of the four required items. */
  readonly paragraphs: readonly string[];
}

/** No notice: the common case, the fee is zero (free tier or waived). */
export interface NoFeeNotice {
  readonly kind: 'no_fee';
  readonly explanation: readonly string[];
}

/** Decides whether a fee notice is needed and, if so, states its required content and payment deadline (109号; 四川 2021-01-18, item 二). */
export function computeFeeNotice(input: FeeNoticeInput, calendar: WorkingDayPort): FeeOutcome<FeeNotice | NoFeeNotice> {
  const { fee } = input;
  if (fee.fen === 0) {
    return { ok: true, value: { kind: 'no_fee', explanation: [...fee.explanation, '无需发出收费通知'] } };
  }
  const paymentMethod = input.paymentMethod.trim();
  if (paymentMethod === '') {
    return { ok: false, issue: { code: 'PAYMENT_METHOD_MISSING', message: '收费通知必须写明缴纳方式' } };
  }
  let payBy: string | null = null;
  let warnings: readonly DateWarning[] = [];
  if (input.noticeReceivedOn !== undefined) {
    if (parseLocalDate(input.noticeReceivedOn) === undefined) {
      return {
        ok: false,
        issue: { code: 'INVALID_DATE', message: `收到收费通知日期不是有效日期（应为YYYY-MM-DD）：${input.noticeReceivedOn}` },
      };
    }
    const due = calendar.addWorkingDays(input.noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS);
    payBy = due.date;
    warnings = due.warnings;
  }
  const amountYuan = formatYuan(fee.fen);
  const deadline =
    payBy === null
      ? `请自收到本通知次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内缴纳。`
      : `请自收到本通知次日起${FEE_PAYMENT_WORKING_DAYS}个工作日内缴纳（您于${input.noticeReceivedOn}收到本通知，缴费截止日为${payBy}）。`;
  const basis = `《中华人民共和国政府信息公开条例》第四十二条；《政府信息公开信息处理费管理办法》（${FEE_METHOD_ARTICLE[fee.method]}）`;
  const standard = FEE_STANDARD_TEXT[fee.method];
  return {
    ok: true,
    value: {
      kind: 'notice',
      basis,
      standard,
      amountFen: fee.fen,
      amountYuan,
      calculation: fee.explanation,
      paymentMethod,
      paymentWorkingDays: FEE_PAYMENT_WORKING_DAYS,
      payBy,
      warnings,
      paragraphs: [
        `收费依据：${basis}。`,
        `收费标准：${standard}`,
        `收费数额：人民币${amountYuan}元。计算过程：${fee.explanation.join('；')}。`,
        `缴纳方式：${paymentMethod}`,
        `${deadline}逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。`,
      ],
    },
  };
}
