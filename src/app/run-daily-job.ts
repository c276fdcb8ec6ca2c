// Use case: the daily job (`gongkai jobs daily`), per agency: reminder e-mails to case officers
// (due soon, overdue, lapsed waits; statute.md §10) and the year-end carry-over record (结转下年度,
// statute.md §7.1). Safe to run twice and after missed days: each reminder has a sent-log key
// (agency, case, kind, key day) claimed before the SMTP call, so a rerun sends nothing new, and a
// run after missed days sends every reminder whose key day has come, once. A failed send is
// recorded and retried by the next run; a reminder without a recipient or SMTP server is not
// claimed, so it goes out once they are set. The recipient is the case officer's (承办人) e-mail, else the
// agency mailbox (mail.reminders-to); the sent-log key does not name it, so a reassignment resends nothing.
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { type LetterSettingValues, resolveMailSettings } from '#core/letters/letter-settings.ts';
import { type PlannedReminder, planReminders, type ReminderCase, type ReminderKind } from '#core/reminders/plan-reminders.ts';
import { resolveClockSettings } from '#core/statute/clock-settings.ts';

export interface JobAgency {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

export interface ReminderCaseWithOfficer extends ReminderCase {
  /** The case officer's address, when the case has one. */
  readonly officerEmail: string | null;
}

export interface ReminderKeyOf {
  readonly agencyId: number;
  readonly caseCode: string;
  readonly kind: ReminderKind;
  readonly day: string;
}

export interface OutgoingMail {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly from: string;
  /** SMTP authentication (mail.smtp-user / mail.smtp-password); absent: none. */
  readonly auth?: { readonly user: string; readonly password: string };
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** The ports of the daily job (adapters/db for the data, adapters/mail for SMTP). */
export interface DailyJobPorts {
  listAgencies(): Promise<readonly JobAgency[]>;
  /** The agency's settings over the instance defaults (clock, letter and mail keys). */
  loadAgencySettings(agencyId: number): Promise<LetterSettingValues>;
  /** The working-day calendar in force on `asOf` (statute.md §2). */
  loadCalendar(asOf: LocalDate): Promise<WorkingDayCalendar>;
  /** Open cases projected as of `today`. */
  listOpenCases(
    agencyId: number,
    today: LocalDate,
    calendar: WorkingDayCalendar,
    settingValues: LetterSettingValues,
  ): Promise<readonly ReminderCaseWithOfficer[]>;
  /** Codes of the cases received before 1 January of `year + 1` and not closed by 31 December of `year`. */
  listCasesOpenAtYearEnd(agencyId: number, year: number): Promise<readonly string[]>;
  /** Records the carry-over; returns the cases recorded by this call. */
  recordCarryOvers(agencyId: number, fromYear: number, caseCodes: readonly string[]): Promise<readonly string[]>;
  claimReminder(key: ReminderKeyOf, recipient: string): Promise<boolean>;
  markReminderSent(key: ReminderKeyOf): Promise<void>;
  markReminderFailed(key: ReminderKeyOf, error: string): Promise<void>;
  recordJobRun(agencyId: number, job: string, day: string, summary: unknown): Promise<number>;
  sendMail(mail: OutgoingMail): Promise<void>;
}

export interface AgencyDailySummary {
  readonly agency: string;
  readonly day: LocalDate;
  /** How many times the job has run for this agency and day (1 on the first run). */
  readonly run: number;
  readonly reminders: {
    readonly due: number;
    readonly sent: number;
    /** Sent by an earlier run (or being sent by a concurrent one): nothing done. */
    readonly alreadySent: number;
    readonly failed: number;
    /** Not sent: no recipient (case officer or mail.reminders-to) or no SMTP server (mail.smtp-host). */
    readonly notConfigured: number;
  };
  readonly carryOver: { readonly fromYear: number; readonly open: number; readonly recordedNow: number };
  /** Chinese notes for the operator (no personal data). */
  readonly notes: readonly string[];
}

async function sendReminders(
  ports: DailyJobPorts,
  agency: JobAgency,
  planned: readonly { reminder: PlannedReminder; officerEmail: string | null }[],
  values: LetterSettingValues,
) {
  const mail = resolveMailSettings(values);
  const counts = { due: planned.length, sent: 0, alreadySent: 0, failed: 0, notConfigured: 0 };
  const notes: string[] = [];
  for (const { reminder, officerEmail } of planned) {
    const to = officerEmail ?? (mail.remindersTo === '' ? null : mail.remindersTo);
    if (to === null || mail.host === '' || mail.from === '') {
      counts.notConfigured += 1;
      continue;
    }
    const key = { agencyId: agency.id, caseCode: reminder.caseCode, kind: reminder.kind, day: reminder.day };
    if (!(await ports.claimReminder(key, to))) {
      counts.alreadySent += 1;
      continue;
    }
    try {
      await ports.sendMail({
        host: mail.host,
        port: mail.port,
        secure: mail.secure,
        from: mail.from,
        ...(mail.user === '' ? {} : { auth: { user: mail.user, password: mail.password } }),
        to,
        subject: reminder.subject,
        text: reminder.text,
      });
      await ports.markReminderSent(key);
      counts.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await ports.markReminderFailed(key, message);
      counts.failed += 1;
      notes.push(`提醒 ${reminder.caseCode}（${reminder.kind}）发送失败，下次运行时重试：${message.slice(0, 200)}`);
    }
  }
  if (counts.notConfigured > 0) {
    notes.push(
      `${counts.notConfigured} 条提醒未发送：未设置 SMTP 服务器（mail.smtp-host、mail.from）或收件人（经办人邮箱、mail.reminders-to）；设置后下次运行时发送`,
    );
  }
  return { counts, notes };
}

/** Runs the daily job for every agency on `day` (today when not given); returns one summary per agency. */
export async function runDailyJob(ports: DailyJobPorts, input: { readonly day: LocalDate }): Promise<AgencyDailySummary[]> {
  const calendar = await ports.loadCalendar(input.day);
  const summaries: AgencyDailySummary[] = [];
  for (const agency of await ports.listAgencies()) {
    const values = await ports.loadAgencySettings(agency.id);
    const clockSettings = resolveClockSettings(values);
    const cases = await ports.listOpenCases(agency.id, input.day, calendar, values);
    const officers = new Map(cases.map((c) => [c.caseCode, c.officerEmail]));
    const planned = planReminders(
      cases,
      input.day,
      { dueSoonWorkingDays: clockSettings.dueSoonWorkingDays, agencyName: agency.name },
      calendar,
    ).map((reminder) => ({ reminder, officerEmail: officers.get(reminder.caseCode) ?? null }));
    const { counts, notes } = await sendReminders(ports, agency, planned, values);
    // 结转下年度: the cases open at the end of the year before `day` (idempotent by its key).
    const fromYear = Number(input.day.slice(0, 4)) - 1;
    const open = await ports.listCasesOpenAtYearEnd(agency.id, fromYear);
    const recorded = await ports.recordCarryOvers(agency.id, fromYear, open);
    const summary = {
      agency: agency.slug,
      day: input.day,
      reminders: counts,
      carryOver: { fromYear, open: open.length, recordedNow: recorded.length },
      notes,
    };
    const run = await ports.recordJobRun(agency.id, 'daily', input.day, summary);
    summaries.push({ ...summary, run });
  }
  return summaries;
}
