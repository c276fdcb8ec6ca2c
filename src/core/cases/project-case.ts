// A case's current state derived from its events (architecture.md Path 2): what happened, where it
// stands, its due dates by the reply clock's pure functions (statute.md §3), its applicant type and,
// once closed, its one outcome code and closing date (statute.md §4, §7.1).

import { addWorkingDays } from '#core/calendar/add-working-days.ts';
import { type LocalDate, maxDate, nextDay } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import type { ClockEvent } from '#core/statute/clock-event.ts';
import type { ClockSettings } from '#core/statute/clock-settings.ts';
import type { Channel } from '#core/statute/receipt-date.ts';
import { type ClockState, CONSULTATION_WORKING_DAYS, computeResponseClock, type ResponseClock } from '#core/statute/response-clock.ts';
import type { ApplicantType } from './applicant.ts';
import type { CaseEvent } from './case-event.ts';
import type { OutcomeCode } from './outcome-codes.ts';

/** 109号 as restated: payment within 20 working days from the day after the notice is received. */
const FEE_PAYMENT_WORKING_DAYS = 20;

/** What the clock needs besides the events: the agency's calendar and settings, and today's date. */
export interface CaseContext {
  readonly calendar: WorkingDayCalendar;
  readonly settings: ClockSettings;
  /** Today (Asia/Shanghai): the clock's state is as of this date. */
  readonly today: LocalDate;
}

/** Where a case stands: open (one of four) or closed (one of three ways). */
export const CASE_STATUSES = [
  'processing',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'replied',
  'withdrawn',
  'abandoned',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABEL = {
  processing: '办理中',
  awaiting_correction: '等待补正',
  consulting: '征求意见中',
  awaiting_fee: '等待缴费',
  replied: '已答复',
  withdrawn: '已撤回',
  abandoned: '视为放弃申请',
} as const satisfies Record<CaseStatus, string>;
export const CLOSED_STATUSES: readonly CaseStatus[] = ['replied', 'withdrawn', 'abandoned'];

/** The projection of one case, as stored on its row and shown to staff. */
export interface CaseProjection {
  readonly applicantType: ApplicantType;
  readonly channel: Channel;
  /** The derived date of receipt (statute.md §1): counts the case in 本年新收 of its year. */
  readonly receivedOn: LocalDate;
  readonly status: CaseStatus;
  readonly open: boolean;
  /** The last day to reply (extension and 第三十五条 deadline applied); null while waiting for 补正 or when closed by lapse. */
  readonly due: LocalDate | null;
  /** on_time / due_soon / overdue / paused / closed as of `today`; an open case the clock would close by lapse is overdue (the lapse must be recorded). */
  readonly clockState: ClockState;
  readonly correctionDeadline: LocalDate | null;
  readonly feePaymentDue: LocalDate | null;
  /** Consultations sent and neither answered nor expired. */
  readonly openConsultations: readonly string[];
  readonly outcome: OutcomeCode | null;
  /** The closing date of statute.md §7.1 (reply, withdrawal, or the day after a lapsed period); never before receivedOn. */
  readonly closedOn: LocalDate | null;
  readonly repliedOn: LocalDate | null;
  readonly deliveredOn: LocalDate | null;
  readonly extensionWorkingDays: number;
  /** Flags of the clock (CORRECTION_NOTICE_LATE, REPLIED_LATE …). */
  readonly notes: readonly string[];
  readonly clock: ResponseClock;
}

const CLOSING_TYPES = new Set(['replied', 'withdrawn', 'correction_expired', 'fee_expired']);

/** The events in force: each `reopened` voids the closure before it (and that reply's delivery). */
export function effectiveEvents(events: readonly CaseEvent[]): CaseEvent[] {
  const kept: CaseEvent[] = [];
  for (const event of events) {
    if (event.type !== 'reopened') {
      kept.push(event);
      continue;
    }
    for (let i = kept.length - 1; i >= 0; i -= 1) {
      const type = kept[i]!.type;
      if (CLOSING_TYPES.has(type)) {
        kept.splice(i);
        break;
      }
    }
  }
  return kept;
}

/** The clock's view of case events (the applicant type and reopenings are not the clock's business). */
export function toClockEvents(events: readonly CaseEvent[]): ClockEvent[] {
  return effectiveEvents(events).map((event): ClockEvent => {
    if (event.type === 'received') {
      const { applicantType: _applicant, ...rest } = event;
      return rest;
    }
    return event as ClockEvent;
  });
}

/** Last day to correct: the organ's period (default setting) after the notice reached the applicant (statute.md §3.2). */
export function correctionDeadlineOf(
  request: CaseEvent & { type: 'correction_requested' },
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
): LocalDate {
  return addWorkingDays(request.deliveredOn ?? request.on, request.periodWorkingDays ?? settings.correctionPeriodWorkingDays, calendar);
}

/** Last day to pay: the 20th working day after the applicant received the notice (statute.md §6). */
export function feePaymentDueOf(notice: CaseEvent & { type: 'fee_notice_sent' }, calendar: WorkingDayCalendar): LocalDate {
  return addWorkingDays(notice.noticeReceivedOn ?? notice.on, FEE_PAYMENT_WORKING_DAYS, calendar);
}

/** The consultee's last day: 15 working days after receiving the letter (条例第三十二条、第三十四条). */
export function consultationExpiryOf(sent: CaseEvent & { type: 'consultation_sent' }, calendar: WorkingDayCalendar): LocalDate {
  return addWorkingDays(sent.consulteeReceivedOn ?? sent.on, CONSULTATION_WORKING_DAYS, calendar);
}

/** The consultation IDs of a case in order: an explicit ID, else `c1`, `c2` … by position. */
export function consultationIds(events: readonly CaseEvent[]): string[] {
  let n = 0;
  return events.flatMap((e) => {
    if (e.type !== 'consultation_sent') {
      return [];
    }
    n += 1;
    return [e.consultationId ?? `c${n}`];
  });
}

function ofType<T extends CaseEvent['type']>(events: readonly CaseEvent[], type: T): (CaseEvent & { type: T })[] {
  return events.filter((e): e is CaseEvent & { type: T } => e.type === type);
}

/**
 * Projects a case from its events (they must start with `received`; decideCaseEvent guarantees it).
 * Only recorded events close a case: a lapsed 补正 or fee period without its `…_expired` event leaves the
 * case open and overdue, so the annual tally never depends on the day it is computed.
 */
export function projectCase(events: readonly CaseEvent[], context: CaseContext): CaseProjection {
  const effective = effectiveEvents(events);
  const received = effective[0];
  if (received === undefined || received.type !== 'received') {
    throw new RangeError('projectCase needs events that start with received');
  }
  const clock = computeResponseClock(toClockEvents(events), context.calendar, context.settings, context.today);
  const receivedOn = clock.receivedOn;
  const request = ofType(effective, 'correction_requested')[0];
  const correctionDeadline = request === undefined ? null : correctionDeadlineOf(request, context.calendar, context.settings);
  const notice = ofType(effective, 'fee_notice_sent')[0];
  const feePaymentDue = notice === undefined ? null : feePaymentDueOf(notice, context.calendar);
  const ids = consultationIds(effective);
  const closedIds = new Set<string>();
  for (const e of effective) {
    if (e.type === 'consultation_answered' || e.type === 'consultation_expired') {
      // An answer without an ID closes the earliest open consultation.
      const id = e.consultationId ?? ids.find((c) => !closedIds.has(c));
      if (id !== undefined) {
        closedIds.add(id);
      }
    }
  }
  const openConsultations = ids.filter((id) => !closedIds.has(id));
  const closure = [...effective].reverse().find((e) => CLOSING_TYPES.has(e.type));
  const replied = closure?.type === 'replied' ? closure : undefined;
  const delivered = ofType(effective, 'delivered').at(-1);
  let status: CaseStatus;
  let outcome: OutcomeCode | null = null;
  let closedOn: LocalDate | null = null;
  if (closure !== undefined) {
    switch (closure.type) {
      case 'replied':
        status = 'replied';
        outcome = closure.outcome;
        closedOn = closure.on;
        break;
      case 'withdrawn':
        status = 'withdrawn';
        outcome = 'outcome.other.other';
        closedOn = closure.on;
        break;
      case 'correction_expired':
        status = 'abandoned';
        outcome = 'outcome.other.no_correction';
        closedOn = correctionDeadline === null ? closure.on : nextDay(correctionDeadline);
        break;
      default:
        status = 'abandoned';
        outcome = 'outcome.other.fee_unpaid';
        closedOn = feePaymentDue === null ? closure.on : nextDay(feePaymentDue);
    }
    closedOn = maxDate(closedOn, receivedOn);
  } else if (request !== undefined && !effective.some((e) => e.type === 'correction_received')) {
    status = 'awaiting_correction';
  } else if (notice !== undefined && !effective.some((e) => e.type === 'fee_paid')) {
    status = 'awaiting_fee';
  } else if (openConsultations.length > 0) {
    status = 'consulting';
  } else {
    status = 'processing';
  }
  const open = closure === undefined;
  const clockState: ClockState = !open ? 'closed' : clock.state === 'closed' ? 'overdue' : clock.state;
  return {
    applicantType: received.applicantType,
    channel: received.channel,
    receivedOn,
    status,
    open,
    due: status === 'abandoned' || status === 'awaiting_correction' ? null : clock.due,
    clockState,
    correctionDeadline,
    feePaymentDue,
    openConsultations,
    outcome,
    closedOn,
    repliedOn: replied?.on ?? null,
    deliveredOn: replied === undefined ? null : (delivered?.on ?? null),
    extensionWorkingDays: clock.extensionWorkingDays,
    notes: clock.notes,
    clock,
  };
}
