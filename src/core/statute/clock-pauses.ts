// Pauses of the reply clock (条例第三十三条第三款; statute.md §3.3, §3.6): consultation windows, each
// with its own consultee and 15-working-day limit, and the fee wait.
import { type LocalDate, nextDay } from '#core/calendar/local-date.ts';
import type { DayCounter } from './clock-days.ts';
import { type ClockEvent, eventsOfType } from './clock-event.ts';
import { type ClockSettingKey, type ClockSettings, describeSetting } from './clock-settings.ts';

/** 条例第三十二条、第三十四条: the consultee answers within 15 working days of receiving the letter. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 109号 as restated (四川 2021-01-18): payment within 20 working days from the day after receiving the notice. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** An answer or expiry record of a consultation (one member of the ClockEvent union). */
type ConsultationRecord = Extract<ClockEvent, { type: 'consultation_answered' | 'consultation_expired' }>;

/** One consultation with what answered or closed it. */
export interface Consultation {
  /** The recorded id, or `#n` (n-th consultation) when none was given. */
  readonly id: string;
  readonly sent: ClockEvent & { type: 'consultation_sent' };
  readonly answer?: ConsultationRecord;
  readonly expired?: ConsultationRecord;
  /** When the consultee received the letter (the send date when unknown). */
  readonly receivedByConsultee: LocalDate;
  /** The consultee's 15th working day. */
  readonly expiry: LocalDate;
}

/** A window in the making: working days d with from < d ≤ to are not counted. */
export interface WindowDraft {
  readonly kind: 'consultation' | 'fee';
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly label: string;
  /** Still waiting today: `to` is the latest the window can end. */
  readonly open: boolean;
  readonly consultationId?: string;
}

/** The fee wait of a case. */
export interface FeeWait {
  readonly notice: ClockEvent & { type: 'fee_notice_sent' };
  readonly paid?: ClockEvent & { type: 'fee_paid' };
  readonly expired?: ClockEvent & { type: 'fee_expired' };
  readonly paymentDue: LocalDate;
  /** Not paid in time: closed the day after the payment deadline as outcome.other.fee_unpaid. */
  readonly lapsedOn?: LocalDate;
}

export interface Pauses {
  readonly consultations: readonly Consultation[];
  readonly fee?: FeeWait;
  readonly windows: readonly WindowDraft[];
  readonly steps: readonly string[];
  readonly settingsUsed: readonly ClockSettingKey[];
}

/**
 * Pairs answers and expiry records with their consultation: by id, or (no id) the earliest consultation
 * still open on that day. Events that match none are left out (checkClockEvents refuses them).
 */
export function matchConsultations(events: readonly ClockEvent[], days: DayCounter): Consultation[] {
  const found: { -readonly [K in keyof Consultation]: Consultation[K] }[] = [];
  let n = 0;
  for (const event of events) {
    if (event.type === 'consultation_sent') {
      n += 1;
      const receivedByConsultee = event.consulteeReceivedOn ?? event.on;
      found.push({
        id: event.consultationId ?? `#${n}`,
        sent: event,
        receivedByConsultee,
        expiry: days.add(receivedByConsultee, CONSULTATION_WORKING_DAYS),
      });
    } else if (event.type === 'consultation_answered' || event.type === 'consultation_expired') {
      const target = findOpenConsultation(found, event);
      if (target !== undefined) {
        if (event.type === 'consultation_answered') {
          target.answer = event;
        } else {
          target.expired = event;
        }
      }
    }
  }
  return found;
}

/** The consultation an answer or expiry record closes: the one with its id, else the earliest open one. */
export function findOpenConsultation<C extends Consultation>(consultations: readonly C[], event: ConsultationRecord): C | undefined {
  const open = (c: C) => c.answer === undefined && c.expired === undefined && c.sent.on <= event.on;
  return event.consultationId === undefined
    ? consultations.find(open)
    : consultations.find((c) => c.id === event.consultationId && open(c));
}

/** The fee wait (§3.6, §6): payment deadline, payment, lapse. */
function feeWait(events: readonly ClockEvent[], days: DayCounter, today: LocalDate): FeeWait | undefined {
  const notice = eventsOfType(events, 'fee_notice_sent')[0];
  if (notice === undefined) {
    return undefined;
  }
  const paymentDue = days.add(notice.noticeReceivedOn ?? notice.on, FEE_PAYMENT_WORKING_DAYS);
  const paid = eventsOfType(events, 'fee_paid').find((e) => e.on >= notice.on);
  const expired = eventsOfType(events, 'fee_expired')[0];
  const waiting = paid === undefined && today <= paymentDue && expired === undefined;
  const lapsed = !waiting && (paid === undefined || paid.on > paymentDue);
  return {
    notice,
    paymentDue,
    ...(paid === undefined ? {} : { paid }),
    ...(expired === undefined ? {} : { expired }),
    ...(lapsed ? { lapsedOn: nextDay(paymentDue) } : {}),
  };
}

/**
 * The excluded windows (第三十三条第三款): each consultation from dispatch (or the consultee's receipt,
 * CONSULT-WINDOW) to its answer or its own 15th working day, whichever is earlier; the fee wait from the
 * notice to payment (FEE-PAUSE). A window includes its end day.
 */
export function computePauses(events: readonly ClockEvent[], days: DayCounter, settings: ClockSettings, today: LocalDate): Pauses {
  const steps: string[] = [];
  const settingsUsed: ClockSettingKey[] = [];
  const windows: WindowDraft[] = [];
  const consultations = matchConsultations(events, days);
  for (const c of consultations) {
    settingsUsed.push('consultation.window-start');
    const answeredInTime = c.answer !== undefined && c.answer.on < c.expiry;
    const who = c.sent.kind === 'organ' ? '其他机关' : '第三方';
    windows.push({
      kind: 'consultation',
      consultationId: c.id,
      from: settings.consultationWindowStart === 'consultee-receipt' ? c.receivedByConsultee : c.sent.on,
      to: answeredInTime ? c.answer!.on : c.expiry,
      open: c.answer === undefined && c.expired === undefined && today <= c.expiry,
      label: `征求${who}意见：${c.sent.on} 发出，${answeredInTime ? `${c.answer!.on} 答复` : `${c.expiry} 期满（对方收到后15个工作日）`}`,
    });
  }
  const fee = feeWait(events, days, today);
  if (fee !== undefined) {
    settingsUsed.push('fee.pause');
    const noticeReceivedOn = fee.notice.noticeReceivedOn ?? fee.notice.on;
    steps.push(`缴费期限 ${fee.paymentDue}（申请人 ${noticeReceivedOn} 收到收费通知，次日起20个工作日）`);
    const waiting = fee.lapsedOn === undefined && fee.paid === undefined;
    if (fee.lapsedOn === undefined && settings.feePause) {
      windows.push({
        kind: 'fee',
        from: fee.notice.on,
        to: fee.paid?.on ?? fee.paymentDue,
        open: waiting,
        label: fee.paid
          ? `收费通知 ${fee.notice.on} 发出，${fee.paid.on} 缴费（惯例：等待缴费期间不计入答复期限）`
          : `收费通知 ${fee.notice.on} 发出，尚未缴费，暂按缴费期限 ${fee.paymentDue} 计（惯例：等待缴费期间不计入答复期限）`,
      });
    } else if (fee.lapsedOn === undefined) {
      steps.push('惯例设置：等待缴费期间计入答复期限（不扣除）');
      if (waiting) {
        steps.push(`截至 ${today} 尚未缴费，答复期限照常计算（${describeSetting('fee.pause', settings)}）`);
      }
    }
  }
  return { consultations, ...(fee === undefined ? {} : { fee }), windows, steps, settingsUsed };
}
