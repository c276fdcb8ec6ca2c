// The daily job's tables: the reminder sent-log, job runs and the year-end carry-over record.
import { and, eq, sql } from 'drizzle-orm';
import type { ReminderKind } from '#core/reminders/plan-reminders.ts';
import type { DbOrTx } from './letter-store.ts';
import { caseCarryOvers, jobRuns, reminderLog } from './schema.ts';

export interface ReminderKey {
  readonly agencyId: number;
  readonly caseCode: string;
  readonly kind: ReminderKind;
  readonly day: string;
}

/** A claim left in `sending` this long is taken to be from a run that died, and is claimed again. */
const STALE_CLAIM = sql`interval '1 hour'`;

const keyIs = (key: ReminderKey) =>
  and(
    eq(reminderLog.agencyId, key.agencyId),
    eq(reminderLog.caseCode, key.caseCode),
    eq(reminderLog.kind, key.kind),
    eq(reminderLog.day, key.day),
  );

/**
 * Claims a reminder before it is sent: true when this run may send it (new, or failed before, or a
 * stale claim); false when it was sent or another run is sending it. One statement, so two
 * concurrent runs never both get true.
 */
export async function claimReminder(db: DbOrTx, key: ReminderKey, recipient: string): Promise<boolean> {
  const rows = await db
    .insert(reminderLog)
    .values({ ...key, status: 'sending', recipient })
    .onConflictDoUpdate({
      target: [reminderLog.agencyId, reminderLog.caseCode, reminderLog.kind, reminderLog.day],
      set: { status: 'sending', recipient, attempts: sql`${reminderLog.attempts} + 1`, claimedAt: sql`now()` },
      setWhere: sql`${reminderLog.status} = 'failed' or (${reminderLog.status} = 'sending' and ${reminderLog.claimedAt} < now() - ${STALE_CLAIM})`,
    })
    .returning({ attempts: reminderLog.attempts });
  return rows.length > 0;
}

/** Records that the SMTP server accepted the reminder. */
export async function markReminderSent(db: DbOrTx, key: ReminderKey): Promise<void> {
  await db.update(reminderLog).set({ status: 'sent', sentAt: sql`now()`, lastError: null }).where(keyIs(key));
}

/** Records a failed send (retried by the next run); the error text carries no personal data. */
export async function markReminderFailed(db: DbOrTx, key: ReminderKey, error: string): Promise<void> {
  await db
    .update(reminderLog)
    .set({ status: 'failed', lastError: error.slice(0, 500) })
    .where(keyIs(key));
}

export interface ReminderLogRow extends ReminderKey {
  readonly status: string;
  readonly attempts: number;
  readonly recipient: string;
}

/** The sent-log of an agency (tests, `jobs` reporting). */
export async function listReminderLog(db: DbOrTx, agencyId: number): Promise<ReminderLogRow[]> {
  const rows = await db
    .select({
      agencyId: reminderLog.agencyId,
      caseCode: reminderLog.caseCode,
      kind: reminderLog.kind,
      day: reminderLog.day,
      status: reminderLog.status,
      attempts: reminderLog.attempts,
      recipient: reminderLog.recipient,
    })
    .from(reminderLog)
    .where(eq(reminderLog.agencyId, agencyId))
    .orderBy(reminderLog.caseCode, reminderLog.kind, reminderLog.day);
  return rows.map((row) => ({ ...row, kind: row.kind as ReminderKind }));
}

/** Records one run of a job for an agency and day (a rerun counts up and replaces the summary). */
export async function recordJobRun(db: DbOrTx, agencyId: number, job: string, day: string, summary: unknown): Promise<number> {
  const [row] = await db
    .insert(jobRuns)
    .values({ agencyId, job, day, summary })
    .onConflictDoUpdate({
      target: [jobRuns.agencyId, jobRuns.job, jobRuns.day],
      set: { runs: sql`${jobRuns.runs} + 1`, summary, lastRunAt: sql`now()` },
    })
    .returning({ runs: jobRuns.runs });
  return row?.runs ?? 0;
}

/** Records the carry-over (结转下年度) of open cases from `fromYear`; returns the cases recorded now (not before). */
export async function recordCarryOvers(db: DbOrTx, agencyId: number, fromYear: number, caseCodes: readonly string[]): Promise<string[]> {
  if (caseCodes.length === 0) {
    return [];
  }
  const rows = await db
    .insert(caseCarryOvers)
    .values(caseCodes.map((caseCode) => ({ agencyId, fromYear, caseCode })))
    .onConflictDoNothing()
    .returning({ caseCode: caseCarryOvers.caseCode });
  return rows.map((row) => row.caseCode);
}

/** The cases recorded as carried over from `fromYear`. */
export async function listCarryOvers(db: DbOrTx, agencyId: number, fromYear: number): Promise<string[]> {
  const rows = await db
    .select({ caseCode: caseCarryOvers.caseCode })
    .from(caseCarryOvers)
    .where(and(eq(caseCarryOvers.agencyId, agencyId), eq(caseCarryOvers.fromYear, fromYear)))
    .orderBy(caseCarryOvers.caseCode);
  return rows.map((row) => row.caseCode);
}
