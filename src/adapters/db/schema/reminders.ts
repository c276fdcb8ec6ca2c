// The daily job's book-keeping: the reminder sent-log (one row per agency, case, kind and key day, so
// a rerun is a no-op), the runs of the job, and the year-end carry-over (结转下年度) of open cases.
import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

/**
 * One reminder e-mail: claimed (`sending`) before the SMTP call, then `sent` or `failed`. The primary
 * key is the sent-log key: a second run finds the row and sends nothing; a failed one is retried.
 */
export const reminderLog = pgTable(
  'reminder_log',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    caseCode: text('case_code').notNull(),
    /** due_soon / overdue / wait_lapsed. */
    kind: text('kind').notNull(),
    /** The key day: the due date, or the end of the wait (core/reminders/plan-reminders.ts). */
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    recipient: text('recipient').notNull(),
    attempts: smallint('attempts').notNull().default(1),
    lastError: text('last_error'),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'reminder_log_pkey', columns: [t.agencyId, t.caseCode, t.kind, t.day] }),
    check('reminder_log_kind_check', sql`${t.kind} in ('due_soon', 'overdue', 'wait_lapsed')`),
    check('reminder_log_status_check', sql`${t.status} in ('sending', 'sent', 'failed')`),
  ],
);

/** One run of a job for an agency and day (`gongkai jobs daily`): what it did, for people. */
export const jobRuns = pgTable(
  'job_runs',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    job: text('job').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    runs: integer('runs').notNull().default(1),
    summary: jsonb('summary').notNull(),
    lastRunAt: timestamp('last_run_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'job_runs_pkey', columns: [t.agencyId, t.job, t.day] })],
);

/** 结转下年度: a case open at the end of 31 December of `fromYear`, recorded once by the daily job. */
export const caseCarryOvers = pgTable(
  'case_carry_overs',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    fromYear: smallint('from_year').notNull(),
    caseCode: text('case_code').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'case_carry_overs_pkey', columns: [t.agencyId, t.fromYear, t.caseCode] })],
);
