// The reply clock (条例第三十条、第三十一条、第三十三条; statute.md §3): a pure function of a case's
// events, the working-day calendar, the agency's settings and today's date.
import { addWorkingDays } from '#core/calendar/add-working-days.ts';
import { type LocalDate, maxDate, minDate, nextDay } from '#core/calendar/local-date.ts';
import { type CalendarWarning, isWorkingDay, type WorkingDayCalendar, warningsForYears } from '#core/calendar/working-day-calendar.ts';
import { type ClockEvent, eventsOfType } from './clock-event.ts';
import { type ClockSettingKey, type ClockSettings, describeSetting } from './clock-settings.ts';
import { describeCounting } from './clock-steps.ts';
import { computeCorrection } from './correction.ts';
import { computeReceiptDate } from './receipt-date.ts';

/** 条例第三十三条第二款: reply within 20 working days. */
export const REPLY_WORKING_DAYS = 20;
/** 条例第三十三条第二款: an extension of at most 20 working days. */
export const EXTENSION_MAX_WORKING_DAYS = 20;
/** 条例第三十二条、第三十四条: the consultee answers within 15 working days of receiving the letter. */
export const CONSULTATION_WORKING_DAYS = 15;
/** 109号 as restated (四川 2021-01-18): payment within 20 working days from the day after receiving the notice. */
export const FEE_PAYMENT_WORKING_DAYS = 20;
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
  readonly outcome?: string;
  readonly closedOn?: LocalDate;
  readonly repliedOn?: LocalDate;
  readonly state: ClockState;
  /** Counted working days from clockStart to today (or the reply), windows skipped, at most the allowance. */
  readonly workingDaysUsed: number;
  /** Counted working days from today to the due date; 0 when overdue or closed without reply. */
  readonly workingDaysLeft: number;
  readonly warnings: readonly CalendarWarning[];
  /** Refusals and flags: EXTENSION_OVER_LIMIT, EXTENSION_AFTER_DUE, EXTENSION_REPEATED, CORRECTION_NOTICE_LATE, CORRECTION_REPEATED, REPLIED_LATE. */
  readonly notes: readonly string[];
  readonly settingsUsed: readonly ClockSettingKey[];
  readonly explanation: readonly string[];
}

/** A calendar that remembers which years it was asked about, for CALENDAR_YEAR_MISSING warnings. */
function trackYears(calendar: WorkingDayCalendar) {
  const years = new Set<number>();
  const isWorking = (day: LocalDate) => {
    years.add(Number(day.slice(0, 4)));
    return isWorkingDay(day, calendar);
  };
  const add = (start: LocalDate, n: number) => {
    const due = addWorkingDays(start, n, calendar);
    for (let year = Number(nextDay(start).slice(0, 4)); year <= Number(due.slice(0, 4)); year += 1) {
      years.add(year);
    }
    return due;
  };
  const count = (from: LocalDate, to: LocalDate) => {
    let n = 0;
    for (let day = nextDay(from); day <= to; day = nextDay(day)) {
      if (isWorking(day)) {
        n += 1;
      }
    }
    return n;
  };
  return { years, isWorking, add, count };
}

/**
 * Computes the reply clock of one case from its events (statute.md §3.1–§3.7): receipt date by channel,
 * 补正 restart or lapse, excluded consultation and fee windows, the extension, and the state on `today`.
 * Expects events that pass `validateClockEvents`.
 */
export function computeResponseClock(
  events: readonly ClockEvent[],
  calendar: WorkingDayCalendar,
  settings: ClockSettings,
  today: LocalDate,
): ResponseClock {
  const sorted = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const receivedEvent = sorted.find((e) => e.type === 'received');
  if (receivedEvent === undefined) {
    throw new RangeError('computeResponseClock needs a received event (validateClockEvents)');
  }
  const days = trackYears(calendar);
  const settingsUsed = new Set<ClockSettingKey>();
  const notes: string[] = [];
  const steps: string[] = [];

  const receipt = computeReceiptDate(
    {
      channel: receivedEvent.channel,
      on: receivedEvent.on,
      ...(receivedEvent.atMinutes === undefined ? {} : { atMinutes: receivedEvent.atMinutes }),
    },
    calendar,
    settings,
  );
  for (const key of receipt.settingsUsed) {
    settingsUsed.add(key);
  }
  steps.push(...receipt.steps);
  const receivedOn = receipt.receivedOn;

  const correction = computeCorrection(receivedOn, sorted, calendar, settings, today);
  days.add(receivedOn, 7);
  if (correction.deadline !== undefined) {
    days.years.add(Number(correction.deadline.slice(0, 4)));
  }
  for (const key of correction.settingsUsed) {
    settingsUsed.add(key);
  }
  notes.push(...correction.notes);
  steps.push(...correction.steps);

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
  const finish = (explanation: string[]) => {
    const used = [...settingsUsed];
    if (used.length > 0) {
      explanation.push(`适用设置：${used.map((key) => describeSetting(key, settings)).join('；')}`);
    }
    return { warnings: warningsForYears(days.years, calendar), notes, settingsUsed: used, explanation };
  };

  if (correction.status === 'awaiting') {
    return { ...base, clockStart: null, dueBeforeExtension: null, due: null, extendedDue: null, state: 'paused', ...finish(steps) };
  }
  if (correction.status === 'lapsed') {
    return {
      ...base,
      clockStart: null,
      dueBeforeExtension: null,
      due: null,
      extendedDue: null,
      outcome: 'outcome.other.no_correction',
      closedOn: correction.closedOn!,
      state: 'closed',
      ...finish(steps),
    };
  }
  const clockStart = correction.restartOn ?? receivedOn;
  steps.push(`起算日 ${clockStart}：其后第20个计数工作日为答复期限（第三十三条）`);

  // Excluded windows (第三十三条第三款): (from, to], working days only.
  const windows: { kind: ExcludedWindow['kind']; from: LocalDate; to: LocalDate; label: string; open: boolean }[] = [];
  const sent = eventsOfType(sorted, 'consultation_sent');
  const answers = eventsOfType(sorted, 'consultation_answered');
  const usedAnswers = new Set<(typeof answers)[number]>();
  for (const c of sent) {
    settingsUsed.add('consultation.window-start');
    // An answer names its consultation, or takes the earliest unanswered one sent before it.
    const answer = answers.find(
      (a) =>
        !usedAnswers.has(a) &&
        a.on >= c.on &&
        (a.consultationId === undefined || c.consultationId === undefined || a.consultationId === c.consultationId),
    );
    if (answer !== undefined) {
      usedAnswers.add(answer);
    }
    const receivedByConsultee = c.consulteeReceivedOn ?? c.on;
    const expiry = days.add(receivedByConsultee, CONSULTATION_WORKING_DAYS);
    const answeredInTime = answer !== undefined && answer.on < expiry;
    const end = answeredInTime ? answer.on : expiry;
    const from = settings.consultationWindowStart === 'consultee-receipt' ? receivedByConsultee : c.on;
    const who = c.kind === 'organ' ? '其他机关' : '第三方';
    windows.push({
      kind: 'consultation',
      from,
      to: end,
      open: answer === undefined && today < expiry && !sorted.some((e) => e.type === 'consultation_expired' && e.on >= c.on),
      label: `征求${who}意见：${c.on} 发出，${answeredInTime ? `${answer.on} 答复` : `${expiry} 期满（对方收到后15个工作日）`}`,
    });
  }

  const feeNotice = sorted.find((e) => e.type === 'fee_notice_sent');
  let feePaymentDue: LocalDate | undefined;
  if (feeNotice !== undefined) {
    settingsUsed.add('fee.pause');
    const noticeReceivedOn = feeNotice.noticeReceivedOn ?? feeNotice.on;
    feePaymentDue = days.add(noticeReceivedOn, FEE_PAYMENT_WORKING_DAYS);
    steps.push(`缴费期限 ${feePaymentDue}（申请人 ${noticeReceivedOn} 收到收费通知，次日起20个工作日）`);
    const paid = sorted.find((e) => e.type === 'fee_paid' && e.on >= feeNotice.on);
    const waiting = paid === undefined && today <= feePaymentDue && !sorted.some((e) => e.type === 'fee_expired');
    if (!waiting && (paid === undefined || paid.on > feePaymentDue)) {
      const closedOn = nextDay(feePaymentDue);
      steps.push(`逾期未缴费：视为放弃申请，${closedOn} 结案，计入“（六）其他处理/2.”`);
      return {
        ...base,
        clockStart,
        feePaymentDue,
        dueBeforeExtension: null,
        due: null,
        extendedDue: null,
        outcome: OUTCOME_FEE_UNPAID,
        closedOn,
        state: 'closed',
        ...finish(steps),
      };
    }
    if (settings.feePause) {
      const to = paid?.on ?? feePaymentDue;
      windows.push({
        kind: 'fee',
        from: feeNotice.on,
        to,
        open: waiting,
        label: paid
          ? `收费通知 ${feeNotice.on} 发出，${paid.on} 缴费（惯例：等待缴费期间不计入答复期限）`
          : `收费通知 ${feeNotice.on} 发出，尚未缴费，暂按缴费期限 ${feePaymentDue} 计（惯例：等待缴费期间不计入答复期限）`,
      });
    } else {
      steps.push('惯例设置：等待缴费期间计入答复期限（不扣除）');
      if (waiting) {
        steps.push(`截至 ${today} 尚未缴费，答复期限照常计算（${describeSetting('fee.pause', settings)}）`);
      }
    }
  }

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
  const countedBetween = (from: LocalDate, to: LocalDate) => {
    let n = 0;
    for (let day = nextDay(from); day <= to; day = nextDay(day)) {
      if (days.isWorking(day) && !inWindow(day)) {
        n += 1;
      }
    }
    return n;
  };
  const windowViews: ExcludedWindow[] = windows.map((w) => ({
    kind: w.kind,
    from: w.from,
    to: w.to,
    workingDays: days.count(w.from, w.to),
    open: w.open,
  }));
  windows.forEach((w, i) => {
    steps.push(`${w.label}：该期间 ${windowViews[i]!.workingDays} 个工作日不计入（第三十三条第三款）`);
  });
  if (windows.some((w) => w.open)) {
    steps.push(
      `截至 ${today} 仍在等待（${windows
        .filter((w) => w.open)
        .map((w) => (w.kind === 'fee' ? '缴费' : '征求意见答复'))
        .join('、')}），答复期限暂停计算；以上按最长期间计，结束较早时答复期限相应提前`,
    );
  }

  const before = walk(REPLY_WORKING_DAYS);
  if (windows.length > 0) {
    steps.push(`扣除后答复期限 ${before.day}（共扣除 ${before.skipped} 个工作日，重叠期间只计一次）`);
  }

  let extension = 0;
  const extensions = sorted.filter((e) => e.type === 'extension_approved');
  const first = extensions[0];
  if (first !== undefined) {
    settingsUsed.add('extension.before-due');
    if (first.workingDays > EXTENSION_MAX_WORKING_DAYS) {
      notes.push('EXTENSION_OVER_LIMIT');
      steps.push(`申请延期 ${first.workingDays} 个工作日，超过20个工作日上限：不予登记（第三十三条）`);
    } else if (settings.extensionBeforeDue && first.on > before.day) {
      notes.push('EXTENSION_AFTER_DUE');
      steps.push(`延期于 ${first.on} 批准，晚于答复期限 ${before.day}：不予登记（惯例）`);
    } else {
      extension = first.workingDays;
      steps.push(`${first.on} 经政府信息公开工作机构负责人同意并告知申请人，延期 ${first.workingDays} 个工作日（第三十三条）`);
      const record = [
        first.approvedBy ? `批准人 ${first.approvedBy}` : '未记录批准人',
        first.reason ? `理由：${first.reason}` : '未记录理由',
        first.noticeSentOn ? `${first.noticeSentOn} 告知申请人` : '未记录告知申请人日期',
      ];
      steps.push(`延期记录：${record.join('；')}`);
    }
    if (extensions.length > 1) {
      notes.push('EXTENSION_REPEATED');
      steps.push(
        `${extensions
          .slice(1)
          .map((e) => e.on)
          .join('、')} 的再次延期不予登记（每件申请只能延期一次，总计不超过20个工作日）`,
      );
    }
  }
  const final = walk(REPLY_WORKING_DAYS + extension);
  let due = final.day;
  const extendedDue = extension > 0 ? final.day : walk(REPLY_WORKING_DAYS + EXTENSION_MAX_WORKING_DAYS).day;
  steps.push(...describeCounting(clockStart, due, calendar, inWindow));

  const delayed = sorted.filter((e) => e.type === 'delayed_deadline_set').at(-1);
  if (sorted.some((e) => e.type === 'reasons_requested')) {
    steps.push('第三十五条：已要求申请人说明理由；说明理由期间答复期限照常计算（法律未规定是否中止，默认不中止）');
  }
  if (delayed !== undefined) {
    due = delayed.deadline;
    days.years.add(Number(due.slice(0, 4)));
    steps.push(`${delayed.on} 依第三十五条另行确定答复期限 ${delayed.deadline} 并告知申请人，取代上述计算期限（惯例）`);
  }

  // State on `today` (or on the reply / withdrawal).
  settingsUsed.add('clock.due-soon-working-days');
  const allowance = REPLY_WORKING_DAYS + extension;
  const replied = sorted.find((e) => e.type === 'replied');
  const withdrawn = sorted.find((e) => e.type === 'withdrawn');
  const stopOn = replied?.on ?? withdrawn?.on;
  const asOf = stopOn ?? today;
  const used =
    asOf <= clockStart ? 0 : Math.min(countedBetween(clockStart, minDate(asOf, due)), delayed ? Number.POSITIVE_INFINITY : allowance);
  const left = asOf >= due ? 0 : countedBetween(maxDate(asOf, clockStart), due);
  let state: ClockState;
  if (stopOn !== undefined) {
    state = 'closed';
    if (replied !== undefined) {
      if (replied.on > due) {
        notes.push('REPLIED_LATE');
      }
      steps.push(`${replied.on} 已答复${replied.on > due ? `，晚于答复期限 ${due}（REPLIED_LATE）` : '，在答复期限内'}`);
    } else {
      steps.push(`${withdrawn!.on} 申请人撤回申请，结案，计入“（六）其他处理/3.”（惯例）`);
    }
  } else if (today > due) {
    state = 'overdue';
  } else if (windows.some((w) => w.open && today > w.from)) {
    state = 'paused';
  } else {
    state = left <= settings.dueSoonWorkingDays ? 'due_soon' : 'on_time';
  }
  steps.push(`答复期限 ${due}`);
  return {
    ...base,
    clockStart,
    ...(feePaymentDue === undefined ? {} : { feePaymentDue }),
    dueBeforeExtension: before.day,
    due,
    extendedDue: delayed ? null : extendedDue,
    excludedWorkingDays: final.skipped,
    extensionWorkingDays: extension,
    windows: windowViews,
    ...(replied !== undefined ? { repliedOn: replied.on } : {}),
    ...(withdrawn !== undefined && replied === undefined ? { outcome: OUTCOME_WITHDRAWN, closedOn: withdrawn.on } : {}),
    state,
    workingDaysUsed: used,
    workingDaysLeft: left,
    ...finish(steps),
  };
}
