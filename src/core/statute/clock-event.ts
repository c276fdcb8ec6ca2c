// The case events the reply clock reads (statute.md §3.7). The clock is a pure function of them.
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { Channel } from './receipt-date.ts';

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
  | (Dated & { readonly type: 'correction_received' | 'correction_expired' })
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
  | (Dated & { readonly type: 'fee_notice_sent'; readonly noticeReceivedOn?: LocalDate })
  | (Dated & { readonly type: 'fee_paid' | 'fee_expired' | 'withdrawn' | 'delivered' })
  | (Dated & { readonly type: 'replied'; readonly outcome?: string });

/** Problems that make an event list unusable for the clock (Chinese); empty when fine. */
export function validateClockEvents(events: readonly ClockEvent[]): string[] {
  const problems: string[] = [];
  const received = events.filter((e) => e.type === 'received');
  if (received.length !== 1) {
    problems.push(received.length === 0 ? '缺少“收到申请”（received）事件，无法起算' : '“收到申请”（received）事件只能有一个');
    return problems;
  }
  const receivedOn = received[0]!.on;
  for (const event of events) {
    if (event.on < receivedOn) {
      problems.push(`事件“${CLOCK_EVENT_LABEL[event.type]}”（${event.type}）的日期 ${event.on} 早于收到申请之日 ${receivedOn}`);
    }
    if (event.type === 'extension_approved' && (!Number.isInteger(event.workingDays) || event.workingDays < 1)) {
      problems.push(`延期（extension_approved）的工作日数应为正整数，收到 ${event.workingDays}`);
    }
    if (
      event.type === 'correction_requested' &&
      event.periodWorkingDays !== undefined &&
      (!Number.isInteger(event.periodWorkingDays) || event.periodWorkingDays < 1)
    ) {
      problems.push(`补正期限（correction_requested）的工作日数应为正整数，收到 ${event.periodWorkingDays}`);
    }
    if (event.type === 'consultation_sent' && event.consulteeReceivedOn !== undefined && event.consulteeReceivedOn < event.on) {
      problems.push(`征求意见函的收到日 ${event.consulteeReceivedOn} 早于发出日 ${event.on}`);
    }
    if (event.type === 'fee_notice_sent' && event.noticeReceivedOn !== undefined && event.noticeReceivedOn < event.on) {
      problems.push(`收费通知的收到日 ${event.noticeReceivedOn} 早于发出日 ${event.on}`);
    }
    if (event.type === 'correction_requested' && event.deliveredOn !== undefined && event.deliveredOn < event.on) {
      problems.push(`补正告知的送达日 ${event.deliveredOn} 早于发出日 ${event.on}`);
    }
  }
  if (events.some((e) => e.type === 'correction_received') && !events.some((e) => e.type === 'correction_requested')) {
    problems.push('有“收到补正”（correction_received）事件，但没有“补正发出”（correction_requested）事件');
  }
  if (events.some((e) => e.type === 'fee_paid') && !events.some((e) => e.type === 'fee_notice_sent')) {
    problems.push('有“缴费”（fee_paid）事件，但没有“收费通知发出”（fee_notice_sent）事件');
  }
  return problems;
}

/** The events of one type, typed. */
export function eventsOfType<T extends ClockEventType>(events: readonly ClockEvent[], type: T): (ClockEvent & { type: T })[] {
  return events.filter((e): e is ClockEvent & { type: T } => e.type === type);
}
