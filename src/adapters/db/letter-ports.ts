// The database side of the letter and daily-job use cases (app/render-case-letter.ts,
// app/manage-letter-templates.ts, app/run-daily-job.ts): agencies, their settings, the cases' reply
// facts and open cases, over the stores of this tier.
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { LetterTemplatePorts } from '#app/manage-letter-templates.ts';
import type { CaseLetterPorts, ReplyFacts } from '#app/render-case-letter.ts';
import type { DailyJobPorts } from '#app/run-daily-job.ts';
import type { LetterSettingPorts } from '#app/set-letter-setting.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { CaseEvent } from '#core/cases/case-event.ts';
import { projectCase } from '#core/cases/project-case.ts';
import { LETTER_SETTING_DEFINITIONS, type LetterSettingKey, SECRET_MASK, SECRET_SETTING_KEYS } from '#core/letters/letter-settings.ts';
import { reminderCaseOf } from '#core/reminders/reminder-case.ts';
import { resolveClockSettings } from '#core/statute/clock-settings.ts';
import { deleteLetterTemplate, issueReplyLetter, listLetterTemplates, listReplyLetters, saveLetterTemplate } from './letter-store.ts';
import type { Db } from './open-database.ts';
import { claimReminder, markReminderFailed, markReminderSent, recordCarryOvers, recordJobRun } from './reminder-store.ts';
import { agencies, agencySettings, caseEvents, cases, instanceSettings, settingChanges, users } from './schema.ts';

type AgencyRow = { readonly id: number; readonly slug: string; readonly name: string };

async function findAgency(db: Db, slug: string): Promise<AgencyRow | undefined> {
  const [row] = await db
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.slug, slug));
  return row;
}

/** The instance defaults with the agency's own values on top. */
async function loadAgencySettings(db: Db, agencyId: number): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const row of await db.select({ key: instanceSettings.key, value: instanceSettings.value }).from(instanceSettings)) {
    values[row.key] = row.value;
  }
  for (const row of await db
    .select({ key: agencySettings.key, value: agencySettings.value })
    .from(agencySettings)
    .where(eq(agencySettings.agencyId, agencyId))) {
    values[row.key] = row.value;
  }
  return values;
}

async function eventsOf(db: Db, agencyId: number, caseId: number): Promise<CaseEvent[]> {
  const rows = await db
    .select({ data: caseEvents.data })
    .from(caseEvents)
    .where(and(eq(caseEvents.agencyId, agencyId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.seq));
  return rows.map((row) => row.data as CaseEvent);
}

const nameOf = (applicant: unknown): string => {
  const name = typeof applicant === 'object' && applicant !== null ? (applicant as Record<string, unknown>)['name'] : undefined;
  return typeof name === 'string' ? name : '';
};

async function findReplyFacts(db: Db, agencyId: number, caseCode: string): Promise<ReplyFacts | undefined> {
  const [row] = await db
    .select({
      id: cases.id,
      caseCode: cases.caseCode,
      applicant: cases.applicant,
      description: cases.description,
      receivedOn: cases.receivedOn,
      status: cases.status,
      outcome: cases.outcome,
      repliedOn: cases.repliedOn,
    })
    .from(cases)
    .where(and(eq(cases.agencyId, agencyId), eq(cases.caseCode, caseCode)));
  if (row === undefined) {
    return undefined;
  }
  const events = await eventsOf(db, agencyId, row.id);
  const corrected = events.filter((e) => e.type === 'correction_received').at(-1);
  const replied = row.status === 'replied' ? row : undefined;
  return {
    caseCode: row.caseCode,
    applicantName: nameOf(row.applicant),
    request: row.description ?? '',
    receivedOn: row.receivedOn as LocalDate,
    ...(corrected === undefined ? {} : { correctionReceivedOn: corrected.on }),
    outcome: replied?.outcome ?? null,
    repliedOn: (replied?.repliedOn ?? null) as LocalDate | null,
  };
}

async function loadScopedSettings(db: Db, agencyId: number | null) {
  const instance: Record<string, string> = {};
  for (const row of await db.select({ key: instanceSettings.key, value: instanceSettings.value }).from(instanceSettings)) {
    instance[row.key] = row.value;
  }
  const own: Record<string, string> = {};
  if (agencyId !== null) {
    for (const row of await db
      .select({ key: agencySettings.key, value: agencySettings.value })
      .from(agencySettings)
      .where(eq(agencySettings.agencyId, agencyId))) {
      own[row.key] = row.value;
    }
  }
  return { instance, own };
}

/** Stores a letter or mail setting and its history row in one transaction (the row lock orders concurrent changes). */
async function saveSetting(
  db: Db,
  agencyId: number | null,
  key: string,
  value: string,
  who: string,
  reason?: string,
): Promise<{ from: string | null }> {
  return db.transaction(async (tx) => {
    let from: string | null;
    if (agencyId === null) {
      const [before] = await tx
        .select({ value: instanceSettings.value })
        .from(instanceSettings)
        .where(eq(instanceSettings.key, key))
        .for('update');
      from = before?.value ?? null;
      await tx
        .insert(instanceSettings)
        .values({ key, value })
        .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: sql`now()` } });
    } else {
      const [before] = await tx
        .select({ value: agencySettings.value })
        .from(agencySettings)
        .where(and(eq(agencySettings.agencyId, agencyId), eq(agencySettings.key, key)))
        .for('update');
      from = before?.value ?? null;
      await tx
        .insert(agencySettings)
        .values({ agencyId, key, value })
        .onConflictDoUpdate({ target: [agencySettings.agencyId, agencySettings.key], set: { value, updatedAt: sql`now()` } });
    }
    // A secret (the SMTP password) never reaches the history or the caller: only that it was set.
    const mask = (v: string | null) => (SECRET_SETTING_KEYS.has(key) && v !== null && v !== '' ? SECRET_MASK : v);
    await tx
      .insert(settingChanges)
      .values({ agencyId, key, fromValue: mask(from), toValue: mask(value) ?? '', who, reason: reason ?? null });
    return { from: mask(from) };
  });
}

/** Removes a scope's own letter or mail setting and records it; undefined when it had none. */
async function resetSetting(
  db: Db,
  agencyId: number | null,
  key: LetterSettingKey,
  who: string,
  reason?: string,
): Promise<{ from: string; to: string } | undefined> {
  return db.transaction(async (tx) => {
    const [removed] =
      agencyId === null
        ? await tx.delete(instanceSettings).where(eq(instanceSettings.key, key)).returning({ value: instanceSettings.value })
        : await tx
            .delete(agencySettings)
            .where(and(eq(agencySettings.agencyId, agencyId), eq(agencySettings.key, key)))
            .returning({ value: agencySettings.value });
    if (removed === undefined) {
      return undefined;
    }
    const [fallback] =
      agencyId === null
        ? []
        : await tx.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, key));
    const mask = (v: string) => (SECRET_SETTING_KEYS.has(key) && v !== '' ? SECRET_MASK : v);
    const from = mask(removed.value);
    const to = mask(fallback?.value ?? LETTER_SETTING_DEFINITIONS[key].defaultValue);
    await tx.insert(settingChanges).values({ agencyId, key, fromValue: from, toValue: to, reset: true, who, reason: reason ?? null });
    return { from, to };
  });
}

/** The ports of the letter use cases over a database. */
export function createLetterPorts(db: Db): CaseLetterPorts & LetterTemplatePorts & LetterSettingPorts {
  return {
    loadScopedSettings: (agencyId) => loadScopedSettings(db, agencyId),
    saveSetting: (agencyId, key, value, who, reason) => saveSetting(db, agencyId, key, value, who, reason),
    resetSetting: (agencyId, key, who, reason) => resetSetting(db, agencyId, key, who, reason),
    findAgency: (slug) => findAgency(db, slug),
    async findAgencyOfCase(caseCode) {
      const [row] = await db
        .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
        .from(cases)
        .innerJoin(agencies, eq(agencies.id, cases.agencyId))
        .where(eq(cases.caseCode, caseCode));
      return row;
    },
    loadAgencySettings: (agencyId) => loadAgencySettings(db, agencyId),
    findReplyFacts: (agencyId, caseCode) => findReplyFacts(db, agencyId, caseCode),
    listLetterTemplates: (agencyId) => listLetterTemplates(db, agencyId),
    saveLetterTemplate: (agencyId, template, who) => saveLetterTemplate(db, agencyId, template, who),
    deleteLetterTemplate: (agencyId, family) => deleteLetterTemplate(db, agencyId, family),
    listIssuedLetters: (agencyId, caseCode) => listReplyLetters(db, agencyId, caseCode),
    issueLetter: (letter) => db.transaction((tx) => issueReplyLetter(tx, letter)),
  };
}

/** The database ports of the daily job (mail and calendar come from elsewhere). */
export function createDailyJobStore(db: Db): Omit<DailyJobPorts, 'sendMail' | 'loadCalendar'> {
  return {
    listAgencies: () => db.select({ id: agencies.id, slug: agencies.slug, name: agencies.name }).from(agencies).orderBy(asc(agencies.slug)),
    loadAgencySettings: (agencyId) => loadAgencySettings(db, agencyId),
    async listOpenCases(agencyId, today, calendar, values) {
      const settings = resolveClockSettings(values);
      // The officer's (承办人) address, when the case has an officer who is enabled and has one.
      const open = await db
        .select({ id: cases.id, caseCode: cases.caseCode, officerEmail: users.email })
        .from(cases)
        .leftJoin(users, and(eq(users.id, cases.assignedUserId), isNull(users.disabledAt)))
        .where(and(eq(cases.agencyId, agencyId), eq(cases.isOpen, true)))
        .orderBy(asc(cases.caseCode));
      const result = [];
      for (const row of open) {
        const events = await eventsOf(db, agencyId, row.id);
        const projection = projectCase(events, { calendar, settings, today });
        if (projection.open) {
          result.push({ ...reminderCaseOf(row.caseCode, events, projection, calendar), officerEmail: row.officerEmail ?? null });
        }
      }
      return result;
    },
    async listCasesOpenAtYearEnd(agencyId, year) {
      const end = `${year}-12-31`;
      const rows = await db
        .select({ caseCode: cases.caseCode })
        .from(cases)
        .where(and(eq(cases.agencyId, agencyId), lte(cases.receivedOn, end), or(isNull(cases.closedOn), gt(cases.closedOn, end))))
        .orderBy(asc(cases.caseCode));
      return rows.map((row) => row.caseCode);
    },
    recordCarryOvers: (agencyId, fromYear, codes) => recordCarryOvers(db, agencyId, fromYear, codes),
    claimReminder: (key, recipient) => claimReminder(db, key, recipient),
    markReminderSent: (key) => markReminderSent(db, key),
    markReminderFailed: (key, error) => markReminderFailed(db, key, error),
    recordJobRun: (agencyId, job, day, summary) => recordJobRun(db, agencyId, job, day, summary),
  };
}
