// Applications (依申请公开 cases), their append-only events, review and litigation cases (table 四),
// the audit log, and what staff enter for the annual report (table 二, narrative). The case row is a
// projection of its events (core/cases/project-case.ts), rewritten in the same transaction as they are
// appended; table 三 is one aggregation over these rows (compileAnnualReport).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './identity.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const CASE_CHANNELS = ['in_person', 'oral', 'post_signed', 'post_ordinary', 'online', 'fax'] as const;
export const CASE_APPLICANT_TYPES = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
] as const;
export const CASE_STATUS_VALUES = [
  'processing',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'replied',
  'withdrawn',
  'abandoned',
] as const;
export const CASE_CLOCK_STATES = ['on_time', 'due_soon', 'overdue', 'paused', 'closed'] as const;

/** One application. Personal data (applicant) stays in this row's `applicant` column and never leaves through a public answer or a log. */
export const cases = pgTable(
  'cases',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    /** Public case code (受理编号) `GK<year>-<id>`: unique in the instance, numbered by the row's identity. */
    caseCode: text('case_code').notNull(),
    /** SHA-256 (hex) of the applicant's verification code (查询码); the code itself is shown once. */
    verificationHash: text('verification_hash').notNull(),
    /** The source system's ID for `case import` (idempotency key), null for cases entered here. */
    externalId: text('external_id'),
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    applicantType: text('applicant_type', { enum: CASE_APPLICANT_TYPES }).notNull(),
    /** Name, ID document, contact (checked at intake); null for imported cases. */
    applicant: jsonb('applicant'),
    description: text('description'),
    delivery: text('delivery'),
    /** Derived receipt date (statute.md §1): 本年新收 counts by it. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: CASE_STATUS_VALUES }).notNull(),
    isOpen: boolean('is_open').notNull(),
    due: date('due', { mode: 'string' }),
    clockState: text('clock_state', { enum: CASE_CLOCK_STATES }).notNull(),
    correctionDeadline: date('correction_deadline', { mode: 'string' }),
    feePaymentDue: date('fee_payment_due', { mode: 'string' }),
    /** Table 三 leaf row ID once closed (statute.md §4). */
    outcome: text('outcome'),
    closedOn: date('closed_on', { mode: 'string' }),
    repliedOn: date('replied_on', { mode: 'string' }),
    /** The case officer (承办人): a user with a role in this agency (app/cases/assign-case-officer.ts); null: unassigned. */
    assignedUserId: integer('assigned_user_id').references(() => users.id),
    /** Number of events: the optimistic version of the row. */
    eventCount: integer('event_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'cases_pkey', columns: [t.agencyId, t.id] }),
    uniqueIndex('cases_case_code_key').on(t.caseCode),
    uniqueIndex('cases_external_id_key').on(t.agencyId, t.externalId),
    index('cases_agency_received_idx').on(t.agencyId, t.receivedOn),
    index('cases_agency_open_due_idx').on(t.agencyId, t.isOpen, t.due),
    index('cases_agency_officer_idx').on(t.agencyId, t.assignedUserId),
    check('cases_channel_check', sql`${t.channel} in (${inList(CASE_CHANNELS)})`),
    check('cases_applicant_type_check', sql`${t.applicantType} in (${inList(CASE_APPLICANT_TYPES)})`),
    check('cases_status_check', sql`${t.status} in (${inList(CASE_STATUS_VALUES)})`),
    check('cases_clock_state_check', sql`${t.clockState} in (${inList(CASE_CLOCK_STATES)})`),
    check('cases_outcome_check', sql`${t.outcome} is null or ${t.outcome} like 'outcome.%'`),
    check(
      'cases_closed_check',
      sql`(${t.isOpen} and ${t.closedOn} is null and ${t.outcome} is null) or (not ${t.isOpen} and ${t.closedOn} is not null and ${t.outcome} is not null)`,
    ),
  ],
);

/** Append-only events of a case; (agency_id, case_id, seq) unique stops a concurrent writer. */
export const caseEvents = pgTable(
  'case_events',
  {
    agencyId: integer('agency_id').notNull(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** The event as core/cases/case-event.ts types it. */
    data: jsonb('data').notNull(),
    actor: text('actor').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'case_events_pkey', columns: [t.agencyId, t.caseId, t.seq] }),
    foreignKey({ name: 'case_events_case_fk', columns: [t.agencyId, t.caseId], foreignColumns: [cases.agencyId, cases.id] }),
    check('case_events_seq_check', sql`${t.seq} >= 1`),
  ],
);

export const APPEAL_KIND_VALUES = ['review', 'litigation_direct', 'litigation_after_review'] as const;

/** 行政复议 / 行政诉讼 cases about the agency's disclosure work (table 四), optionally linked to an application. */
export const appealCases = pgTable(
  'appeal_cases',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    kind: text('kind', { enum: APPEAL_KIND_VALUES }).notNull(),
    /** The application the case concerns (null: proactive disclosure or not recorded). */
    caseId: bigint('case_id', { mode: 'number' }),
    /** 案号 of the reconsideration organ or court. */
    reference: text('reference'),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** core/cases/appeal-case.ts APPEAL_DECISIONS key. */
    decision: text('decision'),
    /** upheld / corrected / other, derived from the decision (statute.md §7.2). */
    result: text('result'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'appeal_cases_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({ name: 'appeal_cases_case_fk', columns: [t.agencyId, t.caseId], foreignColumns: [cases.agencyId, cases.id] }),
    check('appeal_cases_kind_check', sql`${t.kind} in (${inList(APPEAL_KIND_VALUES)})`),
    check('appeal_cases_result_check', sql`${t.result} is null or ${t.result} in ('upheld', 'corrected', 'other')`),
    check('appeal_cases_decided_check', sql`(${t.decidedOn} is null) = (${t.result} is null)`),
  ],
);

/** Every change to a case (and other audited records): who, when, before and after. Never updated or deleted. */
export const auditLog = pgTable(
  'audit_log',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** What changed: `case:<code>`, `appeal:<id>`, `report:<year>` … */
    subject: text('subject').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * The hash chain per agency (tamper evidence): the BEFORE INSERT trigger `gongkai_audit_chain` sets
     * seq (1, 2, … per agency), prev_hash (the previous entry's hash, 64 zeros for the first) and hash =
     * SHA-256 of prev_hash and the entry's content (`gongkai_audit_entry_hash`), under a per-agency lock
     * in the inserting transaction. The defaults only let the insert omit them. The intake's batch
     * statement chains its entries itself, in one call of `gongkai_audit_chain_batch` (same lock, same
     * head, same hash; migration 0010), and inserts them with these fields, which the trigger keeps.
     * `gongkai audit verify`.
     */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.agencyId, t.id] }),
    index('audit_log_subject_idx').on(t.agencyId, t.subject),
    uniqueIndex('audit_log_chain_key').on(t.agencyId, t.seq),
    check('audit_log_actor_check', sql`length(${t.actor}) > 0`),
    // 64 lowercase hex digits: exactly 64 bytes, each in [0-9a-f]. The same rows as `~ '^[0-9a-f]{64}$'`, but
    // PostgreSQL's regex engine runs the bounded repetition as 64 states: 12–13 µs per value in the embedded
    // engine against ~1 µs, two values per audit entry on every intake (docs/benchmarks.md, issue #7 fifth round).
    check(
      'audit_log_hash_check',
      sql`${t.seq} >= 1 and octet_length(${t.hash}) = 64 and ${t.hash} ~ '^[0-9a-f]+$' and octet_length(${t.prevHash}) = 64 and ${t.prevHash} ~ '^[0-9a-f]+$'`,
    ),
  ],
);

/** What staff record for an annual report: table 二 cells and narrative paragraphs per section. */
export const reportEntries = pgTable(
  'report_entries',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    /** `cell:<cellId>` or `section:<sectionId>`. */
    key: text('key').notNull(),
    /** Cell: its raw text; section: the paragraphs joined by newlines. */
    value: text('value').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_entries_pkey', columns: [t.agencyId, t.year, t.key] }),
    check('report_entries_year_check', sql`${t.year} between 2008 and 2100`),
  ],
);
