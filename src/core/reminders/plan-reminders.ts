// Which reminder e-mails a case officer gets on a day (statute.md §10: "reminders run in every waiting
// state and name the wait"). Each reminder has a key day that does not depend on the day the job
// runs — the due date for due-soon and overdue, the end of the wait for a lapsed wait — so the sent-log
// key (agency, case, kind, day) makes a rerun a no-op and a run after missed days sends each pending
// reminder once. A new due date (extension, 第三十五条) is a new key: the officer hears of it again.
import { countWorkingDays } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';

/** due_soon 即将到期 / overdue 已逾期 / wait_lapsed 等待期已届满 (补正、征求意见、缴费 with nothing recorded). */
export const REMINDER_KINDS = ['due_soon', 'overdue', 'wait_lapsed'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const REMINDER_KIND_LABEL = {
  due_soon: '答复期限即将届满',
  overdue: '已超过答复期限',
  wait_lapsed: '等待期限已届满',
} as const satisfies Record<ReminderKind, string>;

/** What waits a case may be in, and the event the officer should record when it ends unanswered. */
export const WAIT_KINDS = {
  correction: { label: '等待补正', record: '收到补正或补正逾期（correction_received / correction_expired）' },
  consultation: { label: '征求意见', record: '征求意见答复或期满（consultation_answered / consultation_expired）' },
  fee: { label: '等待缴费', record: '缴费或缴费逾期（fee_paid / fee_expired）' },
} as const;
export type WaitKind = keyof typeof WAIT_KINDS;

/** One open case as the reminder job sees it (no personal data: the mail goes by case code). */
export interface ReminderCase {
  readonly caseCode: string;
  /** Chinese status of the case (办理中, 等待补正 …). */
  readonly statusLabel: string;
  readonly receivedOn: LocalDate;
  /** The last day to reply; null while it is not running (waiting for 补正). */
  readonly due: LocalDate | null;
  /** Waits in progress with the day they end. */
  readonly waits: readonly { readonly kind: WaitKind; readonly endsOn: LocalDate }[];
}

export interface PlannedReminder {
  readonly kind: ReminderKind;
  readonly caseCode: string;
  /** The key day (due date, or end of the wait): with agency, case and kind, the sent-log key. */
  readonly day: LocalDate;
  readonly subject: string;
  readonly text: string;
}

export interface ReminderSettings {
  /** Working days left at which a case is due soon (setting clock.due-soon-working-days, default 3). */
  readonly dueSoonWorkingDays: number;
  readonly agencyName: string;
}

/** The reminders due on `today` for the open cases, in case order: every one whose key day has come. */
export function planReminders(
  cases: readonly ReminderCase[],
  today: LocalDate,
  settings: ReminderSettings,
  calendar: WorkingDayCalendar,
): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const c of cases) {
    const head = [`申请编号：${c.caseCode}`, `办理状态：${c.statusLabel}`, `收到申请日期：${c.receivedOn}`];
    const foot = ['', `—— ${settings.agencyName} 政府信息公开申请办理系统（gongkai）自动提醒，请勿回复。`];
    const waiting = c.waits.length > 0;
    if (c.due !== null && today > c.due) {
      const late = countWorkingDays(c.due, today, calendar);
      planned.push({
        kind: 'overdue',
        caseCode: c.caseCode,
        day: c.due,
        subject: `【已逾期】申请 ${c.caseCode} 已超过答复期限（${c.due}）`,
        text: [
          ...head,
          `答复期限：${c.due}（已超过${late}个工作日）`,
          '',
          '该申请已超过《中华人民共和国政府信息公开条例》第三十三条规定的答复期限，请尽快答复并在系统中记录。',
          ...foot,
        ].join('\n'),
      });
    } else if (c.due !== null && !waiting) {
      const left = countWorkingDays(today, c.due, calendar);
      if (left <= settings.dueSoonWorkingDays) {
        planned.push({
          kind: 'due_soon',
          caseCode: c.caseCode,
          day: c.due,
          subject: `【即将到期】申请 ${c.caseCode} 应于 ${c.due} 前答复`,
          text: [
            ...head,
            `答复期限：${c.due}（${left === 0 ? '今天到期' : `还剩${left}个工作日`}）`,
            '',
            '请在答复期限内答复；确需延期的，应在期限届满前经政府信息公开工作机构负责人同意并告知申请人（条例第三十三条第二款）。',
            ...foot,
          ].join('\n'),
        });
      }
    }
    for (const wait of c.waits) {
      if (today > wait.endsOn) {
        const { label, record } = WAIT_KINDS[wait.kind];
        planned.push({
          kind: 'wait_lapsed',
          caseCode: c.caseCode,
          day: wait.endsOn,
          subject: `【${label}已届满】申请 ${c.caseCode} 的${label}期限（${wait.endsOn}）已过`,
          text: [...head, `${label}期限：${wait.endsOn}（已届满）`, '', `请在系统中记录${record}。`, ...foot].join('\n'),
        });
      }
    }
  }
  return planned;
}
