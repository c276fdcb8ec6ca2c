// The case events the reply clock reads (statute.md §3.7). The clock is a pure function of them.
import { checkLocalDate, type LocalDate } from '#core/calendar/local-date.ts';
import { type ClockRefusal, refusal } from './clock-refusal.ts';
import type { Channel } from './receipt-date.ts';

/** Periods an organ sets (the 补正 period) are 1–60 working days, like the setting correction.period-working-days. */
export const PERIOD_WORKING_DAYS = { min: 1, max: 60 } as const;

/** Event IDs of statute.md §3.7, in their usual order. */
export const CLOCK_EVENT_TYPES = [
  'received',
  'correction_requested',
  'correction_received',
  'correction_expired',
  'consultation_sent',
  'consultation_answered',
  'consultation_expired',
  'extension_approved',
  'reasons_requested',
  'delayed_deadline_set',
  'fee_notice_sent',
  'fee_paid',
  'fee_expired',
  'withdrawn',
  'replied',
  'delivered',
] as const;
export type ClockEventType = (typeof CLOCK_EVENT_TYPES)[number];

/** Chinese names of the events (the CLI accepts them as aliases). */
export const CLOCK_EVENT_LABEL = {
  received: '收到申请',
  correction_requested: '补正发出',
  correction_received: '收到补正',
  correction_expired: '补正逾期',
  consultation_sent: '征求意见发出',
  consultation_answered: '征求意见答复',
  consultation_expired: '征求意见期满',
  extension_approved: '延期批准',
  reasons_requested: '要求说明理由',
  delayed_deadline_set: '另定答复期限',
  fee_notice_sent: '收费通知发出',
  fee_paid: '缴费',
  fee_expired: '缴费逾期',
  withdrawn: '撤回',
  replied: '答复',
  delivered: '送达',
} as const satisfies Record<ClockEventType, string>;

/** Consultee kinds: a third party (条例第三十二条) or a co-making organ (第三十四条). */
export const CONSULTEE_KINDS = ['third_party', 'organ'] as const;
export type ConsulteeKind = (typeof CONSULTEE_KINDS)[number];

interface Dated {
  readonly on: LocalDate;
}

/** One event of a case, with what the clock needs of it. */
export type ClockEvent =
  | (Dated & { readonly type: 'received'; readonly channel: Channel; readonly atMinutes?: number })
  | (Dated & {
      readonly type: 'correction_requested';
      /** When the notice reached the applicant (CORR-PERIOD counts from it; send date if unknown). */
      readonly deliveredOn?: LocalDate;
      /** The organ-set correction period in working days (default: setting correction.period-working-days). */
      readonly periodWorkingDays?: number;
    })
  | (Dated & {
      readonly type: 'correction_received';
      /** Channel of the corrected application (default: the application's); §1 receipt rules apply to it. */
      readonly channel?: Channel;
      /** Asia/Shanghai minutes after midnight, when recorded (office-hours rule, statute.md §1). */
      readonly atMinutes?: number;
      /** The applicant's justifiable reason (正当理由) for a correction after the period (条例第三十条). */
      readonly lateReason?: string;
    })
  | (Dated & { readonly type: 'correction_expired' })
  | (Dated & {
      readonly type: 'consultation_sent';
      readonly consultationId?: string;
      readonly kind?: ConsulteeKind;
      /** When the consultee received the letter (send date if unknown, CONSULT-WINDOW). */
      readonly consulteeReceivedOn?: LocalDate;
    })
  | (Dated & { readonly type: 'consultation_answered' | 'consultation_expired'; readonly consultationId?: string })
  | (Dated & {
      readonly type: 'extension_approved';
      readonly workingDays: number;
      /** Head of the 政府信息公开工作机构 who consented (条例第三十三条第二款). */
      readonly approvedBy?: string;
      readonly reason?: string;
      /** When the applicant was told. */
      readonly noticeSentOn?: LocalDate;
    })
  | (Dated & { readonly type: 'reasons_requested' })
  | (Dated & { readonly type: 'delayed_deadline_set'; readonly deadline: LocalDate })
  | (Dated & {
      readonly type: 'fee_notice_sent';
      readonly noticeReceivedOn?: LocalDate;
      /** The fee the notice asks for, in 分 (国办函〔2020〕109号); the clock does not read it. */
      readonly amountFen?: number;
    })
  | (Dated & { readonly type: 'fee_paid' | 'fee_expired' | 'withdrawn' | 'delivered' })
  | (Dated & { readonly type: 'replied'; readonly outcome?: string });

const label = (event: ClockEvent) => `“${CLOCK_EVENT_LABEL[event.type]}”（${event.type}）`;

/** The dates an event carries besides its own, with their Chinese names. */
function secondaryDates(event: ClockEvent): [string, LocalDate][] {
  switch (event.type) {
    case 'correction_requested':
      return event.deliveredOn === undefined ? [] : [['补正告知送达日', event.deliveredOn]];
    case 'consultation_sent':
      return event.consulteeReceivedOn === undefined ? [] : [['对方收到征求意见函的日期', event.consulteeReceivedOn]];
    case 'extension_approved':
      return event.noticeSentOn === undefined ? [] : [['延期告知申请人日期', event.noticeSentOn]];
    case 'delayed_deadline_set':
      return [['另行确定的答复期限', event.deadline]];
    case 'fee_notice_sent':
      return event.noticeReceivedOn === undefined ? [] : [['申请人收到收费通知的日期', event.noticeReceivedOn]];
    default:
      return [];
  }
}

/**
 * What is wrong with one event on its own, or against the receipt date (no calendar needed): dates in
 * the supported years, dates in order, counts in range. Structured: a stable code and a Chinese message.
 */
export function eventRefusals(event: ClockEvent, receivedOn: LocalDate | undefined): ClockRefusal[] {
  const found: ClockRefusal[] = [];
  const add = (code: ClockRefusal['code'], message: string) => found.push(refusal(code, message, event));
  for (const [what, date] of [['日期', event.on] as [string, LocalDate], ...secondaryDates(event)]) {
    const checked = checkLocalDate(date);
    if (!checked.ok) {
      add('DATE_OUT_OF_RANGE', `事件${label(event)}的${what}无效：${checked.message}`);
    }
  }
  if (found.length > 0) {
    return found;
  }
  if (receivedOn !== undefined && event.on < receivedOn) {
    add('EVENT_BEFORE_RECEIPT', `事件${label(event)}的日期 ${event.on} 早于收到申请之日 ${receivedOn}`);
  }
  const minutes = event.type === 'received' || event.type === 'correction_received' ? event.atMinutes : undefined;
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60)) {
    add('RECEIPT_TIME_INVALID', `收到时刻应为当日 00:00 至 23:59，收到 ${minutes} 分钟`);
  }
  switch (event.type) {
    case 'extension_approved':
      if (!Number.isInteger(event.workingDays) || event.workingDays < 1) {
        add('EXTENSION_DAYS_INVALID', `延期（extension_approved）的工作日数应为正整数，收到 ${event.workingDays}`);
      }
      if (event.noticeSentOn !== undefined && event.noticeSentOn < event.on) {
        add('DATE_ORDER', `延期告知申请人日期 ${event.noticeSentOn} 早于批准日 ${event.on}`);
      }
      break;
    case 'correction_requested': {
      const period = event.periodWorkingDays;
      if (period !== undefined && (!Number.isInteger(period) || period < PERIOD_WORKING_DAYS.min || period > PERIOD_WORKING_DAYS.max)) {
        add(
          'PERIOD_OUT_OF_RANGE',
          `补正期限（correction_requested）应为 ${PERIOD_WORKING_DAYS.min} 至 ${PERIOD_WORKING_DAYS.max} 个工作日，收到 ${period}`,
        );
      }
      if (event.deliveredOn !== undefined && event.deliveredOn < event.on) {
        add('DATE_ORDER', `补正告知的送达日 ${event.deliveredOn} 早于发出日 ${event.on}`);
      }
      break;
    }
    case 'consultation_sent':
      if (event.consulteeReceivedOn !== undefined && event.consulteeReceivedOn < event.on) {
        add('DATE_ORDER', `征求意见函的收到日 ${event.consulteeReceivedOn} 早于发出日 ${event.on}`);
      }
      break;
    case 'fee_notice_sent':
      if (event.noticeReceivedOn !== undefined && event.noticeReceivedOn < event.on) {
        add('DATE_ORDER', `收费通知的收到日 ${event.noticeReceivedOn} 早于发出日 ${event.on}`);
      }
      break;
    case 'delayed_deadline_set':
      if (event.deadline <= event.on) {
        add('DATE_ORDER', `另行确定的答复期限 ${event.deadline} 应晚于确定之日 ${event.on}`);
      }
      break;
    default:
      break;
  }
  return found;
}

/**
 * Problems that make an event list unusable for the clock, structured (code + Chinese message): exactly
 * one receipt, every event checked by `eventRefusals`, no 补正 answer without a notice, no payment
 * without a fee notice. The sequence rules that need the calendar are in `checkClockEvents`.
 */
export function findEventListProblems(events: readonly ClockEvent[]): ClockRefusal[] {
  const received = events.filter((e) => e.type === 'received');
  if (received.length !== 1) {
    return [
      received.length === 0
        ? refusal('RECEIVED_MISSING', '缺少“收到申请”（received）事件，无法起算')
        : refusal('RECEIVED_REPEATED', '“收到申请”（received）事件只能有一个', received[1]),
    ];
  }
  const receivedOn = received[0]!.on;
  const problems = events.flatMap((event) => eventRefusals(event, receivedOn));
  const hasType = (type: ClockEventType) => events.some((e) => e.type === type);
  for (const event of events) {
    if ((event.type === 'correction_received' || event.type === 'correction_expired') && !hasType('correction_requested')) {
      problems.push(refusal('CORRECTION_NOT_REQUESTED', `有${label(event)}事件，但没有“补正发出”（correction_requested）事件`, event));
    }
    if ((event.type === 'fee_paid' || event.type === 'fee_expired') && !hasType('fee_notice_sent')) {
      problems.push(refusal('FEE_NOTICE_MISSING', `有${label(event)}事件，但没有“收费通知发出”（fee_notice_sent）事件`, event));
    }
  }
  return problems;
}

/** Problems that make an event list unusable for the clock (Chinese); empty when fine. See `findEventListProblems`. */
export function validateClockEvents(events: readonly ClockEvent[]): string[] {
  return findEventListProblems(events).map((p) => p.message);
}

/** Events in date order; events of the same date keep the order given (the order they were recorded). */
export function sortByDate(events: readonly ClockEvent[]): ClockEvent[] {
  return [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** The events of one type, typed. */
export function eventsOfType<T extends ClockEventType>(events: readonly ClockEvent[], type: T): (ClockEvent & { type: T })[] {
  return events.filter((e): e is ClockEvent & { type: T } => e.type === type);
}
