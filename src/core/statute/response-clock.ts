// The reply clock (条例第三十条、第三十一条、第三十三条; statute.md §3): a pure function of a case's
// events, the working-day calendar, the agency's settings and today's date.
import { type LocalDate, maxDate, minDate, nextDay, yearOf } from '#core/calendar/local-date.ts';
import { type CalendarWarning, type WorkingDayCalendar, warningsForYears } from '#core/calendar/working-day-calendar.ts';
import { type DayCounter, dayCounter } from './clock-days.ts';
import { type ClockEvent, eventsOfType, sortByDate } from './clock-event.ts';
import { computeExtension, EXTENSION_MAX_WORKING_DAYS, type ExtensionStep } from './clock-extension.ts';
import { type Consultation, computePauses, type FeeWait, type Pauses, type WindowDraft } from './clock-pauses.ts';
import { type ClockSettingKey, type ClockSettings, describeSetting } from './clock-settings.ts';
import { describeCounting } from './clock-steps.ts';
import { CORRECTION_NOTICE_WORKING_DAYS, type CorrectionState, computeCorrection, OUTCOME_NO_CORRECTION } from './correction.ts';
import { computeReceiptDate } from './receipt-date.ts';

export { EXTENSION_MAX_WORKING_DAYS } from './clock-extension.ts';
export { CONSULTATION_WORKING_DAYS, FEE_PAYMENT_WORKING_DAYS } from './clock-pauses.ts';

/** 条例第三十三条第二款: reply within 20 working days. */
export const REPLY_WORKING_DAYS = 20;
/** Outcome of an unpaid fee: table 三 （六）2. */
export const OUTCOME_FEE_UNPAID = 'outcome.other.fee_unpaid';
/** Outcome of a withdrawal: table 三 （六）3. (convention, statute.md §4). */
export const OUTCOME_WITHDRAWN = 'outcome.other.other';

export const CLOCK_STATES = ['on_time', 'due_soon', 'overdue', 'paused', 'closed'] as const;
/** on_time / due_soon (≤ threshold working days left) / overdue / paused (waiting on 补正, consultation or fee) / closed. */
export type ClockState = (typeof CLOCK_STATES)[number];

/** A span excluded from the reply period: working days d with from < d ≤ to (第三十三条第三款). */
export interface ExcludedWindow {
  readonly kind: 'consultation' | 'fee';
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly workingDays: number;
  /** Still open today: the end is the latest it can be. */
  readonly open: boolean;
  /** The consultation's id (recorded, or `#n` for the n-th consultation). */
  readonly consultationId?: string;
}

/** The clock of one case: dates, counts, state, and the explanation a reader can check. */
export interface ResponseClock {
  readonly receivedOn: LocalDate;
  readonly correctionNoticeDue: LocalDate;
  readonly correctionDeadline?: LocalDate;
  /** receivedOn, or the 补正 receipt date; null while waiting for the correction. */
  readonly clockStart: LocalDate | null;
  readonly feePaymentDue?: LocalDate;
  /** The 20th counted working day (windows skipped), before any extension. */
  readonly dueBeforeExtension: LocalDate | null;
  /** The last day to reply: after an approved extension, the extended date; null when there is none. */
  readonly due: LocalDate | null;
  /** The latest due date the law allows: with the full 20-day extension, or the extension granted. */
  readonly extendedDue: LocalDate | null;
  readonly excludedWorkingDays: number;
  readonly extensionWorkingDays: number;
  readonly windows: readonly ExcludedWindow[];
  /** The outcome code: the reply's, or that of a lapse or withdrawal (table 三 leaf row ID). */
  readonly outcome?: string;
  /** The closing date: the reply date (答复日期), the lapse date (§3.2, §6) or the withdrawal date (§7.1). */
  readonly closedOn?: LocalDate;
  readonly repliedOn?: LocalDate;
  readonly state: ClockState;
  /** Counted working days from clockStart to today (or the reply), windows skipped, at most the allowance. */
  readonly workingDaysUsed: number;
  /** Counted working days from today to the due date; 0 when overdue or closed without reply. */
  readonly workingDaysLeft: number;
  readonly warnings: readonly CalendarWarning[];
  /**
   * Requests not registered (不予登记: EXTENSION_OVER_LIMIT, EXTENSION_AFTER_DUE, EXTENSION_NOTICE_AFTER_DUE,
   * EXTENSION_REPEATED, CORRECTION_REPEATED) and flags (CORRECTION_NOTICE_LATE, CORRECTION_LATE_JUSTIFIED,
   * EXTENSION_NOTICE_AFTER_DUE with extension.before-due=off, REPLIED_LATE); each code once.
   */
  readonly notes: readonly string[];
  readonly settingsUsed: readonly ClockSettingKey[];
  readonly explanation: readonly string[];
}

/** Everything one computation found, for `computeResponseClock` and the event checks. */
export interface ClockRun {
  readonly clock: ResponseClock;
  readonly correction: CorrectionState;
  readonly consultations: readonly Consultation[];
  readonly fee?: FeeWait;
  readonly extension?: ExtensionStep;
  /** The due date before a 第三十五条 delayed deadline (with the extension); null without a clock start. */
  readonly statutoryDue: LocalDate | null;
  /** What closed the case, if anything has. */
  readonly closure?: Closure;
  readonly days: DayCounter;
}

/** What closed a case: the reply or withdrawal, or a lapse (recorded, or reached by `today`). */
export interface Closure {
  readonly kind: 'replied' | 'withdrawn' | 'correction_lapsed' | 'fee_lapsed';
  readonly on: LocalDate;
  readonly outcome?: string;
  /** The lapse is recorded by a correction_expired / fee_expired event (not only reached by `today`). */
  readonly recorded: boolean;
}

/** Shared state of one computation: the explanation under construction, notes, settings read. */
interface Trace {
  readonly steps: string[];
  readonly notes: string[];
  readonly settingsUsed: Set<ClockSettingKey>;
}

/** Adds every item to a set. */
function addAll<T>(set: Set<T>, items: Iterable<T>): void {
  for (const item of items) {
    set.add(item);
  }
}

/** Step 1, receipt (条例第三十一条, statute.md §1). */
function receiptStep(events: readonly ClockEvent[], calendar: WorkingDayCalendar, settings: ClockSettings, trace: Trace): LocalDate {
  const received = eventsOfType(events, 'received')[0];
  if (received === undefined) {
    throw new RangeError('computeResponseClock needs a received event (validateClockEvents)');
  }
  const receipt = computeReceiptDate(
    { channel: received.channel, on: received.on, ...(received.atMinutes === undefined ? {} : { atMinutes: received.atMinutes }) },
    calendar,
    settings,
  );
  addAll(trace.settingsUsed, receipt.settingsUsed);
  trace.steps.push(...receipt.steps);
  return receipt.receivedOn;
}

/** Step 2, correction (条例第三十条, §3.2): the clock start, or none while waiting / after a lapse. */
function correctionStep(
  receivedOn: LocalDate,
  events: readonly ClockEvent[],
  days: DayCounter,
  settings: ClockSettings,
  today: LocalDate,
  trace: Trace,
) {
  const correction = computeCorrection(receivedOn, events, days.calendar, settings, today);
  days.add(receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
  for (const date of [correction.deadline, correction.restartOn]) {
    if (date !== undefined) {
      days.years.add(yearOf(date));
    }
  }
  addAll(trace.settingsUsed, correction.settingsUsed);
  trace.notes.push(...correction.notes);
  trace.steps.push(...correction.steps);
  return correction;
}

/** Step 4, due: the 20th (+ extension) counted working day after the clock start, windows skipped (§3.1). */
function dueCounter(clockStart: LocalDate, windows: readonly WindowDraft[], days: DayCounter) {
  const inWindow = (day: LocalDate) => windows.some((w) => day > w.from && day <= w.to);
  const walk = (target: number) => {
    let day = clockStart;
    let counted = 0;
    let skipped = 0;
    while (counted < target) {
      day = nextDay(day);
      if (!days.isWorking(day)) {
        continue;
      }
      if (inWindow(day)) {
        skipped += 1;
      } else {
        counted += 1;
      }
    }
    return { day, skipped };
  };
  const countedBetween = (from: LocalDate, to: LocalDate) => days.count(from, to, (day) => !inWindow(day));
  return { inWindow, walk, countedBetween };
}

/** The earliest of the reply, the withdrawal and a lapse (a reply on the lapse day wins). */
function closureOf(events: readonly ClockEvent[], correction: CorrectionState, fee: FeeWait | undefined): Closure | undefined {
  const replied = eventsOfType(events, 'replied')[0];
  const withdrawn = eventsOfType(events, 'withdrawn')[0];
  const candidates: Closure[] = [];
  if (replied !== undefined) {
    candidates.push({
      kind: 'replied',
      on: replied.on,
      ...(replied.outcome === undefined ? {} : { outcome: replied.outcome }),
      recorded: true,
    });
  }
  if (withdrawn !== undefined) {
    candidates.push({ kind: 'withdrawn', on: withdrawn.on, outcome: OUTCOME_WITHDRAWN, recorded: true });
  }
  if (correction.status === 'lapsed') {
    const recorded = events.some((e) => e.type === 'correction_expired');
    candidates.push({ kind: 'correction_lapsed', on: correction.closedOn!, outcome: OUTCOME_NO_CORRECTION, recorded });
  }
  if (fee?.lapsedOn !== undefined) {
    candidates.push({ kind: 'fee_lapsed', on: fee.lapsedOn, outcome: OUTCOME_FEE_UNPAID, recorded: fee.expired !== undefined });
  }
  return candidates.reduce<Closure | undefined>((first, c) => (first === undefined || c.on < first.on ? c : first), undefined);
}

/** The closing line of a reply or withdrawal. */
function closingStep(closure: Closure, due: LocalDate | null): string {
  if (closure.kind === 'withdrawn') {
    return `${closure.on} 申请人撤回申请，结案，计入“（六）其他处理/3.”（惯例）`;
  }
  const outcome = closure.outcome === undefined ? '' : `（${closure.outcome}）`;
  if (due === null) {
    return `${closure.on} 已答复${outcome}`;
  }
  return `${closure.on} 已答复${outcome}${closure.on > due ? `，晚于答复期限 ${due}（REPLIED_LATE）` : '，在答复期限内'}`;
}

/** Step 3, pauses (第三十三条第三款, §3.3, §3.6): the windows as shown, and the due date before any extension. */
function pausesStep(clockStart: LocalDate, pauses: Pauses, days: DayCounter, today: LocalDate, trace: Trace) {
  const { windows } = pauses;
  const counter = dueCounter(clockStart, windows, days);
  const windowViews: ExcludedWindow[] = windows.map((w) => ({
    kind: w.kind,
    from: w.from,
    to: w.to,
    workingDays: days.count(w.from, w.to),
    open: w.open,
    ...(w.consultationId === undefined ? {} : { consultationId: w.consultationId }),
  }));
  windows.forEach((w, i) => {
    trace.steps.push(`${w.label}：该期间 ${windowViews[i]!.workingDays} 个工作日不计入（第三十三条第三款）`);
  });
  const open = windows.filter((w) => w.open);
  if (open.length > 0) {
    const waits = open.map((w) => (w.kind === 'fee' ? '缴费' : '征求意见答复')).join('、');
    trace.steps.push(`截至 ${today} 仍在等待（${waits}），答复期限暂停计算；以上按最长期间计，结束较早时答复期限相应提前`);
  }
  const before = counter.walk(REPLY_WORKING_DAYS);
  if (windows.length > 0) {
    trace.steps.push(`扣除后答复期限 ${before.day}（共扣除 ${before.skipped} 个工作日，重叠期间只计一次）`);
  }
  return { counter, windowViews, before };
}

/** Step 5, extension (§3.4) and the 第三十五条 delayed deadline (§3.5): the due date and the latest one the law allows. */
function extensionStep(
  events: readonly ClockEvent[],
  clockStart: LocalDate,
  counter: ReturnType<typeof dueCounter>,
  dueBeforeExtension: LocalDate,
  days: DayCounter,
  settings: ClockSettings,
  trace: Trace,
) {
  const extension = computeExtension(events, dueBeforeExtension, settings);
  if (events.some((e) => e.type === 'extension_approved')) {
    trace.settingsUsed.add('extension.before-due');
  }
  trace.notes.push(...extension.notes);
  trace.steps.push(...extension.steps);
  const final = counter.walk(REPLY_WORKING_DAYS + extension.workingDays);
  const statutoryDue = final.day;
  const extendedDue = extension.workingDays > 0 ? final.day : counter.walk(REPLY_WORKING_DAYS + EXTENSION_MAX_WORKING_DAYS).day;
  trace.steps.push(...describeCounting(clockStart, statutoryDue, days.calendar, counter.inWindow));
  if (events.some((e) => e.type === 'reasons_requested')) {
    trace.steps.push('第三十五条：已要求申请人说明理由；说明理由期间答复期限照常计算（法律未规定是否中止，默认不中止）');
  }
  const delayed = eventsOfType(events, 'delayed_deadline_set').at(-1);
  if (delayed !== undefined) {
    days.years.add(yearOf(delayed.deadline));
    trace.steps.push(`${delayed.on} 依第三十五条另行确定答复期限 ${delayed.deadline} 并告知申请人，取代上述计算期限（惯例）`);
  }
  return {
    extension,
    statutoryDue,
    excludedWorkingDays: final.skipped,
    due: delayed?.deadline ?? statutoryDue,
    extendedDue: delayed === undefined ? extendedDue : null,
    /** Counted working days the case may use: 20 + extension, unbounded after a delayed deadline. */
    allowance: delayed === undefined ? REPLY_WORKING_DAYS + extension.workingDays : Number.POSITIVE_INFINITY,
  };
}

/** Step 6, state on `today` (or on the reply / withdrawal): days used and left, and the state. */
function stateStep(
  clockStart: LocalDate,
  due: LocalDate,
  allowance: number,
  windows: readonly ExcludedWindow[],
  counter: ReturnType<typeof dueCounter>,
  closure: Closure | undefined,
  today: LocalDate,
  settings: ClockSettings,
  trace: Trace,
): { state: ClockState; used: number; left: number } {
  trace.settingsUsed.add('clock.due-soon-working-days');
  const asOf = closure?.kind === 'replied' || closure?.kind === 'withdrawn' ? closure.on : today;
  const used = asOf <= clockStart ? 0 : Math.min(counter.countedBetween(clockStart, minDate(asOf, due)), allowance);
  const left = asOf >= due ? 0 : counter.countedBetween(maxDate(asOf, clockStart), due);
  if (closure?.kind === 'replied' && closure.on > due) {
    trace.notes.push('REPLIED_LATE');
  }
  if (closure !== undefined) {
    trace.steps.push(closingStep(closure, due));
  }
  trace.steps.push(`答复期限 ${due}`);
  let state: ClockState;
  if (closure !== undefined) {
    state = 'closed';
  } else if (today > due) {
    state = 'overdue';
  } else if (windows.some((w) => today > w.from && today <= w.to)) {
    // A window includes its end day (sentOn < d ≤ end, statute.md §3.3): paused on the answer or expiry day too.
    state = 'paused';
  } else {
    state = left <= settings.dueSoonWorkingDays ? 'due_soon' : 'on_time';
  }
  return { state, used, left };
}

/** The explanation's last line (settings used), the warnings and the notes, once all steps ran. */
function finishClock(trace: Trace, days: DayCounter, settings: ClockSettings) {
  const used = [...trace.settingsUsed];
  const explanation = [...trace.steps];
  if (used.length > 0) {
    explanation.push(`适用设置：${used.map((key) => describeSetting(key, settings)).join('；')}`);
  }
  return { warnings: warningsForYears(days.years, days.calendar), notes: [...new Set(trace.notes)], settingsUsed: used, explanation };
}

/** The fields a closure sets on the clock. */
const closureFields = (closure: Closure | undefined) => ({
  ...(closure?.outcome === undefined ? {} : { outcome: closure.outcome }),
  ...(closure === undefined ? {} : { closedOn: closure.on }),
  ...(closure?.kind === 'replied' ? { repliedOn: closure.on } : {}),
});

/**
 * The clock with everything it found (for `checkClockEvent`): receipt → correction → pauses → due →
 * extension → state, one step function each. `computeResponseClock` returns its `clock`.
 */
export function runClock(events: readonly ClockEvent[], calendar: WorkingDayCalendar, settings: ClockSettings, today: LocalDate): ClockRun {
  const sorted = sortByDate(events);
  const days = dayCounter(calendar);
  const trace: Trace = { steps: [], notes: [], settingsUsed: new Set() };
  const receivedOn = receiptStep(sorted, calendar, settings, trace);
  const correction = correctionStep(receivedOn, sorted, days, settings, today, trace);
  // Pauses are read before the clock start is known, so the event checks see consultations and the fee
  // wait also while a 补正 is pending.
  const pauses = computePauses(sorted, days, settings, today);
  const found = { correction, consultations: pauses.consultations, ...(pauses.fee === undefined ? {} : { fee: pauses.fee }), days };
  const base = {
    receivedOn,
    correctionNoticeDue: correction.noticeDue,
    ...(correction.deadline === undefined ? {} : { correctionDeadline: correction.deadline }),
    excludedWorkingDays: 0,
    extensionWorkingDays: 0,
    windows: [],
    workingDaysUsed: 0,
    workingDaysLeft: 0,
  };
  /** No due date: waiting for the 补正, or closed before the clock could run (lapse, or a reply meanwhile). */
  const withoutDue = (closure: Closure | undefined, clockStart: LocalDate | null, feePaymentDue?: LocalDate): ClockRun => {
    if (closure?.kind === 'replied' || closure?.kind === 'withdrawn') {
      trace.steps.push(closingStep(closure, null));
    }
    const clock: ResponseClock = {
      ...base,
      clockStart,
      ...(feePaymentDue === undefined ? {} : { feePaymentDue }),
      dueBeforeExtension: null,
      due: null,
      extendedDue: null,
      ...closureFields(closure),
      state: closure === undefined ? 'paused' : 'closed',
      ...finishClock(trace, days, settings),
    };
    return { clock, ...found, statutoryDue: null, ...(closure === undefined ? {} : { closure }) };
  };

  if (correction.status === 'awaiting' || correction.status === 'lapsed') {
    return withoutDue(closureOf(sorted, correction, undefined), null);
  }
  const clockStart = correction.restartOn ?? receivedOn;
  trace.steps.push(`起算日 ${clockStart}：其后第20个计数工作日为答复期限（第三十三条）`);
  addAll(trace.settingsUsed, pauses.settingsUsed);
  trace.steps.push(...pauses.steps);
  const closure = closureOf(sorted, correction, pauses.fee);
  if (closure?.kind === 'fee_lapsed') {
    trace.steps.push(`逾期未缴费：视为放弃申请，${closure.on} 结案，计入“（六）其他处理/2.”`);
    return withoutDue(closure, clockStart, pauses.fee?.paymentDue);
  }
  const { counter, windowViews, before } = pausesStep(clockStart, pauses, days, today, trace);
  const due = extensionStep(sorted, clockStart, counter, before.day, days, settings, trace);
  const { state, used, left } = stateStep(clockStart, due.due, due.allowance, windowViews, counter, closure, today, settings, trace);
  const clock: ResponseClock = {
    ...base,
    clockStart,
    ...(pauses.fee === undefined ? {} : { feePaymentDue: pauses.fee.paymentDue }),
    dueBeforeExtension: before.day,
    due: due.due,
    extendedDue: due.extendedDue,
    excludedWorkingDays: due.excludedWorkingDays,
    extensionWorkingDays: due.extension.workingDays,
    windows: windowViews,
    ...closureFields(closure),
    state,
    workingDaysUsed: used,
    workingDaysLeft: left,
    ...finishClock(trace, days, settings),
  };
  return { clock, ...found, extension: due.extension, statutoryDue: due.statutoryDue, ...(closure === undefined ? {} : { closure }) };
}

/**
 * Computes the reply clock of one case from its events (statute.md §3.1–§3.7): receipt date by channel,
 * 补正 restart or lapse, excluded consultation and fee windows, the extension, and the state on `today`.
 * Expects events without refusals (`validateClockEvents`, and `checkClockEvents` for the sequence rules);
 * requests the system does not register (不予登记) are tolerated and shown in `notes`.
 */
export function computeResponseClock(
  events: readonly ClockEvent[],
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
  today: LocalDate,
): ResponseClock {
  return runClock(events, calendar, settings, today).clock;
}
