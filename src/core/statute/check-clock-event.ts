// The sequence rules of a case's events (statute.md §3): what the clock refuses, as structured refusals
// (a stable code and a Chinese message) that a case system can use to reject an event and change nothing.
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { CLOCK_EVENT_LABEL, type ClockEvent, eventRefusals, eventsOfType, findEventListProblems, sortByDate } from './clock-event.ts';
import { delayedDeadlineRefusal, extensionRefusal } from './clock-extension.ts';
import { findOpenConsultation } from './clock-pauses.ts';
import { type ClockRefusal, NOT_REGISTERED_CODES, refusal } from './clock-refusal.ts';
import type { ClockSettings } from './clock-settings.ts';
import { type Closure, runClock } from './response-clock.ts';

const label = (event: ClockEvent) => `“${CLOCK_EVENT_LABEL[event.type]}”（${event.type}）`;

const CLOSURE_TEXT = {
  replied: '已答复',
  withdrawn: '申请人已撤回申请',
  correction_lapsed: '逾期未补正，视为放弃申请',
  fee_lapsed: '逾期未缴费，视为放弃申请',
} as const satisfies Record<Closure['kind'], string>;

/**
 * Why `event` cannot follow `prior` (the case's events dated on or before it, in order), or undefined.
 * Every rule, including the requests the system does not register (NOT_REGISTERED_CODES).
 */
function refuseAfter(
  prior: readonly ClockEvent[],
  event: ClockEvent,
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
): ClockRefusal | undefined {
  const received = prior.find((e) => e.type === 'received');
  if (event.type === 'received') {
    return received === undefined ? undefined : refusal('RECEIVED_REPEATED', '“收到申请”（received）事件只能有一个', event);
  }
  if (received === undefined) {
    return refusal('RECEIVED_MISSING', `${label(event)}之前没有“收到申请”（received）事件，无法起算`, event);
  }
  const own = eventRefusals(event, received.on)[0];
  if (own !== undefined) {
    return own;
  }
  // The case as it stood on the event's date.
  const run = runClock(prior, calendar, settings, event.on);
  const refuse = (code: ClockRefusal['code'], message: string) => refusal(code, message, event);
  const { correction, fee, closure } = run;

  switch (event.type) {
    case 'correction_received':
      if (correction.request === undefined) {
        return refuse('CORRECTION_NOT_REQUESTED', `有${label(event)}事件，但之前没有“补正发出”（correction_requested）事件`);
      }
      if (prior.some((e) => e.type === 'correction_received')) {
        return refuse('CORRECTION_RECEIVED_REPEATED', '已收到补正申请，不能再次登记“收到补正”');
      }
      if (closure?.kind === 'correction_lapsed' && !closure.recorded && event.lateReason === undefined) {
        return refuse(
          'CORRECTION_RECEIVED_LATE',
          `补正期限已于 ${correction.deadline} 届满：逾期补正视为放弃申请（第三十条）；申请人有正当理由的，请记录理由（lateReason）后登记`,
        );
      }
      if (closure?.kind === 'correction_lapsed' && !closure.recorded) {
        return undefined;
      }
      break;
    case 'correction_expired':
      if (correction.request === undefined) {
        return refuse('CORRECTION_NOT_REQUESTED', `有${label(event)}事件，但之前没有“补正发出”（correction_requested）事件`);
      }
      if (correction.status === 'corrected') {
        return refuse('CORRECTION_ALREADY_RECEIVED', `已于 ${correction.received!.on} 收到补正申请，不能登记补正逾期`);
      }
      if (event.on <= correction.deadline!) {
        return refuse(
          'CORRECTION_NOT_EXPIRED',
          `补正期限 ${correction.deadline} 尚未届满：${event.on} 不能登记补正逾期（期满次日起方可登记）`,
        );
      }
      if (closure?.kind === 'correction_lapsed' && !closure.recorded) {
        return undefined;
      }
      break;
    case 'fee_paid':
      if (fee === undefined) {
        return refuse('FEE_NOTICE_MISSING', `有${label(event)}事件，但之前没有“收费通知发出”（fee_notice_sent）事件`);
      }
      if (fee.paid !== undefined) {
        return refuse('FEE_PAID_REPEATED', `已于 ${fee.paid.on} 缴费，不能再次登记缴费`);
      }
      if (event.on > fee.paymentDue && closure?.kind === 'fee_lapsed' && !closure.recorded) {
        return refuse('FEE_PAID_LATE', `缴费期限已于 ${fee.paymentDue} 届满：逾期未缴费视为放弃申请，不能登记 ${event.on} 的缴费`);
      }
      break;
    case 'fee_expired':
      if (fee === undefined) {
        return refuse('FEE_NOTICE_MISSING', `有${label(event)}事件，但之前没有“收费通知发出”（fee_notice_sent）事件`);
      }
      if (fee.paid !== undefined) {
        return refuse('FEE_ALREADY_PAID', `已于 ${fee.paid.on} 缴费，不能登记缴费逾期`);
      }
      if (event.on <= fee.paymentDue) {
        return refuse('FEE_NOT_EXPIRED', `缴费期限 ${fee.paymentDue} 尚未届满：${event.on} 不能登记缴费逾期（期满次日起方可登记）`);
      }
      if (closure?.kind === 'fee_lapsed' && !closure.recorded) {
        return undefined;
      }
      break;
    default:
      break;
  }

  if (closure !== undefined && closure.on <= event.on && !(event.type === 'delivered' && closure.kind === 'replied')) {
    return refuse('EVENT_AFTER_CLOSE', `案件已于 ${closure.on} 结案（${CLOSURE_TEXT[closure.kind]}），不能再登记${label(event)}`);
  }

  switch (event.type) {
    case 'delivered':
      return closure?.kind === 'replied' ? undefined : refuse('DELIVERED_WITHOUT_REPLY', '尚未答复，不能登记答复送达（delivered）');
    case 'correction_requested':
      return correction.request === undefined
        ? undefined
        : refuse('CORRECTION_REPEATED', `已于 ${correction.request.on} 发出补正告知：补正应一次性告知（第三十条），再次补正不予登记`);
    case 'consultation_sent': {
      const id = event.consultationId;
      return id !== undefined && run.consultations.some((c) => c.id === id)
        ? refuse('CONSULTATION_ID_REPEATED', `征求意见编号“${id}”已使用`)
        : undefined;
    }
    case 'consultation_answered':
    case 'consultation_expired': {
      const target = findOpenConsultation(run.consultations, event);
      if (target === undefined) {
        return refuse(
          'CONSULTATION_UNKNOWN',
          event.consultationId === undefined
            ? `${event.on} 没有尚未答复的征求意见，不能登记${label(event)}`
            : `没有尚未答复的编号为“${event.consultationId}”的征求意见，不能登记${label(event)}`,
        );
      }
      if (event.type === 'consultation_answered' && event.on < target.receivedByConsultee) {
        return refuse(
          'CONSULTATION_ANSWER_BEFORE_RECEIPT',
          `征求意见答复日 ${event.on} 早于对方收到征求意见函之日 ${target.receivedByConsultee}`,
        );
      }
      if (event.type === 'consultation_expired' && event.on <= target.expiry) {
        return refuse(
          'CONSULTATION_NOT_EXPIRED',
          `征求意见（${target.id}）的答复期限 ${target.expiry}（对方收到后15个工作日）尚未届满：${event.on} 不能登记期满`,
        );
      }
      return undefined;
    }
    case 'extension_approved': {
      if (run.clock.dueBeforeExtension === null) {
        return refuse('EXTENSION_NO_DUE', '尚无答复期限（等待补正），不能延期');
      }
      const refused = extensionRefusal(event, run.extension?.registered, run.clock.dueBeforeExtension, settings);
      return refused === undefined ? undefined : refuse(refused.code, refused.step);
    }
    case 'delayed_deadline_set': {
      const refused = delayedDeadlineRefusal(
        event,
        prior.some((e) => e.type === 'reasons_requested'),
        run.statutoryDue,
        run.days.isWorking,
      );
      return refused === undefined ? undefined : refuse(refused.code, refused.message);
    }
    case 'fee_notice_sent': {
      const notice = eventsOfType(prior, 'fee_notice_sent')[0];
      return notice === undefined ? undefined : refuse('FEE_NOTICE_REPEATED', `已于 ${notice.on} 发出收费通知，不能再次发出`);
    }
    default:
      return undefined;
  }
}

/**
 * Every refusal in a case's events, each event checked against the events before it (in date order;
 * same-date events in the order given). Without `strict`, requests the system does not register
 * (NOT_REGISTERED_CODES: a second 补正, an extension over 20 working days or after the due date …) are
 * left to `computeResponseClock`, which shows them in `notes`; with `strict` they are refusals too.
 */
export function checkClockEvents(
  events: readonly ClockEvent[],
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
  options: { readonly strict?: boolean } = {},
): ClockRefusal[] {
  const structural = findEventListProblems(events);
  if (structural.length > 0) {
    return structural;
  }
  const sorted = sortByDate(events);
  const found: ClockRefusal[] = [];
  sorted.forEach((event, index) => {
    const refused = refuseAfter(sorted.slice(0, index), event, calendar, settings);
    if (refused !== undefined && (options.strict === true || !NOT_REGISTERED_CODES.has(refused.code))) {
      found.push(refused);
    }
  });
  return found;
}

/**
 * Whether a case system may record `event` after `history` (the events already recorded): the first
 * refusal it causes, or undefined. Strict: a request the system does not register is refused here. An
 * event dated before recorded ones is checked in date order, and refused too when it would make a
 * recorded event invalid (its message names that event).
 */
export function checkClockEvent(
  history: readonly ClockEvent[],
  event: ClockEvent,
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
): ClockRefusal | undefined {
  const sorted = sortByDate([...history, event]);
  const index = sorted.indexOf(event);
  const own = refuseAfter(sorted.slice(0, index), event, calendar, settings);
  if (own !== undefined) {
    return own;
  }
  // Back-dated: the recorded events after it must still stand.
  const before = new Set(checkClockEvents(history, calendar, settings, { strict: true }).map((r) => r.event));
  for (let later = index + 1; later < sorted.length; later += 1) {
    const other = sorted[later]!;
    const refused = refuseAfter(sorted.slice(0, later), other, calendar, settings);
    if (refused !== undefined && !before.has(other)) {
      return refusal(refused.code, `登记该事件后，已登记的${label(other)}（${other.on}）将不再成立：${refused.message}`, event);
    }
  }
  return undefined;
}

/** The refusals as one Chinese message (CLI, import line reports). */
export function describeRefusals(refusals: readonly ClockRefusal[]): string {
  return refusals.map((r) => `${r.message}［${r.code}］`).join('；');
}
