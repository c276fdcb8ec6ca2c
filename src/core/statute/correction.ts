// 补正 (correction): one notice within 7 working days, a period set by the organ, and a restart of
// the reply clock on the corrected application (条例第三十条; statute.md §3.2).
import { type LocalDate, nextDay } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { dayCounter } from './clock-days.ts';
import { type ClockEvent, eventsOfType } from './clock-event.ts';
import type { ClockSettingKey, ClockSettings } from './clock-settings.ts';
import { computeReceiptDate } from './receipt-date.ts';

/** The notice must go out within 7 working days of receipt (条例第三十条). */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

/** Outcome code of a lapsed 补正: table 三 （六）1. (条例第三十条 视为放弃申请). */
export const OUTCOME_NO_CORRECTION = 'outcome.other.no_correction';

/** Where a case stands on 补正, with the steps that explain it. */
export interface CorrectionState {
  /** Last day for the notice: the 7th working day after receipt. */
  readonly noticeDue: LocalDate;
  /** none: no 补正; awaiting: notice sent, period running; corrected: clock restarts; lapsed: closed as （六）1. */
  readonly status: 'none' | 'awaiting' | 'corrected' | 'lapsed';
  /** The notice that governs (the first: 一次性告知). */
  readonly request?: ClockEvent & { type: 'correction_requested' };
  /** The corrected application, when it counts (in time, or late with a justifiable reason). */
  readonly received?: ClockEvent & { type: 'correction_received' };
  readonly deadline?: LocalDate;
  /** The corrected application's receipt date (§1 rules for its channel and time): the new clock start. */
  readonly restartOn?: LocalDate;
  readonly closedOn?: LocalDate;
  readonly notes: readonly string[];
  readonly steps: readonly string[];
  readonly settingsUsed: readonly ClockSettingKey[];
}

/**
 * Applies 条例第三十条 to a case's events (sorted by date): a late notice is flagged CORRECTION_NOTICE_LATE
 * but still restarts the clock; a second notice is not registered (一次性告知); the corrected application's
 * receipt date follows the §1 rest-day and after-hours settings; a correction after the period counts only
 * with a recorded justifiable reason (正当理由, flag CORRECTION_LATE_JUSTIFIED); otherwise no correction by
 * the end of the period closes the case the next day as outcome.other.no_correction (CORR-PERIOD), once
 * `today` is past it or the lapse is recorded.
 */
export function computeCorrection(
  receivedOn: LocalDate,
  events: readonly ClockEvent[],
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
  today: LocalDate,
): CorrectionState {
  const days = dayCounter(calendar);
  const noticeDue = days.add(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
  const requests = eventsOfType(events, 'correction_requested');
  const request = requests[0];
  if (request === undefined) {
    return { noticeDue, status: 'none', notes: [], steps: [], settingsUsed: [] };
  }
  const steps = [`补正告知期限 ${noticeDue}（收到申请后第7个工作日，第三十条）`];
  const notes: string[] = [];
  const settingsUsed: ClockSettingKey[] = [];
  if (request.on > noticeDue) {
    notes.push('CORRECTION_NOTICE_LATE');
    steps.push(`补正告知 ${request.on} 发出，晚于告知期限：标记 CORRECTION_NOTICE_LATE（惯例：仍自收到补正之日重新计算）`);
  }
  if (requests.length > 1) {
    notes.push('CORRECTION_REPEATED');
    steps.push(
      `${requests
        .slice(1)
        .map((r) => r.on)
        .join('、')} 的再次补正告知不予登记（第三十条：一次性告知）`,
    );
  }
  const deliveredOn = request.deliveredOn ?? request.on;
  const period = request.periodWorkingDays ?? settings.correctionPeriodWorkingDays;
  if (request.periodWorkingDays === undefined) {
    settingsUsed.push('correction.period-working-days');
  }
  const deadline = days.add(deliveredOn, period);
  steps.push(`补正期限 ${deadline}（告知送达 ${deliveredOn} 后 ${period} 个工作日，机关确定的合理期限）`);
  const corrected = eventsOfType(events, 'correction_received').find((e) => e.on >= request.on);
  const justifiedLate = corrected !== undefined && corrected.on > deadline && corrected.lateReason !== undefined;
  if (corrected !== undefined && (corrected.on <= deadline || justifiedLate)) {
    const channel = corrected.channel ?? eventsOfType(events, 'received')[0]?.channel ?? 'in_person';
    const receipt = computeReceiptDate(
      { channel, on: corrected.on, ...(corrected.atMinutes === undefined ? {} : { atMinutes: corrected.atMinutes }) },
      calendar,
      settings,
    );
    settingsUsed.push(...receipt.settingsUsed);
    if (justifiedLate) {
      notes.push('CORRECTION_LATE_JUSTIFIED');
      steps.push(
        `收到补正申请 ${corrected.on}，晚于补正期限 ${deadline}，申请人有正当理由（${corrected.lateReason}）：仍予受理（第三十条）`,
      );
    }
    steps.push(...receipt.ruleSteps);
    steps.push(
      receipt.receivedOn === corrected.on
        ? `收到补正申请 ${corrected.on}：答复期限自该日起重新计算（第三十条）`
        : `收到补正申请 ${corrected.on}：答复期限自收到之日 ${receipt.receivedOn} 起重新计算（第三十条）`,
    );
    return {
      noticeDue,
      status: 'corrected',
      request,
      received: corrected,
      deadline,
      restartOn: receipt.receivedOn,
      notes,
      steps,
      settingsUsed,
    };
  }
  const expiredEvent = events.some((e) => e.type === 'correction_expired');
  if (corrected === undefined && !expiredEvent && today <= deadline) {
    steps.push(`等待补正：截至 ${today} 尚未收到补正申请；收到补正后答复期限自收到之日起重新计算，期满未补正视为放弃申请（第三十条）`);
    return { noticeDue, status: 'awaiting', request, deadline, notes, steps, settingsUsed };
  }
  if (corrected !== undefined) {
    steps.push(`${corrected.on} 收到的补正申请晚于补正期限 ${deadline}，且未记录正当理由（第三十条）`);
  }
  const closedOn = nextDay(deadline);
  steps.push(`逾期未补正：视为放弃申请，${closedOn} 结案，计入“（六）其他处理/1.”`);
  return { noticeDue, status: 'lapsed', request, deadline, closedOn, notes, steps, settingsUsed };
}
