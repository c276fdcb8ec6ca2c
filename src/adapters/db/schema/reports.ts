// The annual report's workflow (issue #8): one row per agency and year with its state
// (draft → submitted → approved → published), the append-only history of every action (who, when,
// comment), and the published versions as immutable snapshots the portal serves. The draft's entries
// (table 二 cells, narrative sections) are `report_entries` (schema/cases.ts).
import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

export const REPORT_STATE_VALUES = ['draft', 'submitted', 'approved', 'published'] as const;
export const REPORT_ACTION_VALUES = ['edit', 'submit', 'approve', 'send_back', 'publish', 'reopen', 'comment'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Where an agency's report for a year stands; `revision` grows with every change (stale forms are refused). */
export const reportWorkflows = pgTable(
  'report_workflows',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    state: text('state', { enum: REPORT_STATE_VALUES }).notNull(),
    revision: integer('revision').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_workflows_pkey', columns: [t.agencyId, t.year] }),
    check('report_workflows_state_check', sql`${t.state} in (${inList(REPORT_STATE_VALUES)})`),
    check('report_workflows_year_check', sql`${t.year} between 2008 and 2100`),
  ],
);

/** Every workflow action and comment, in order (append-only by trigger). */
export const reportActions = pgTable(
  'report_actions',
  {
    agencyId: integer('agency_id').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    action: text('action', { enum: REPORT_ACTION_VALUES }).notNull(),
    fromState: text('from_state', { enum: REPORT_STATE_VALUES }).notNull(),
    toState: text('to_state', { enum: REPORT_STATE_VALUES }).notNull(),
    actor: text('actor').notNull(),
    comment: text('comment'),
    /** The published version this action created (publish only). */
    version: integer('version'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_actions_pkey', columns: [t.agencyId, t.year, t.seq] }),
    foreignKey({
      name: 'report_actions_workflow_fk',
      columns: [t.agencyId, t.year],
      foreignColumns: [reportWorkflows.agencyId, reportWorkflows.year],
    }),
    check('report_actions_action_check', sql`${t.action} in (${inList(REPORT_ACTION_VALUES)})`),
    check('report_actions_actor_check', sql`length(${t.actor}) > 0`),
  ],
);

/** A published report: the reader contract object (with the prose as `text`) frozen at publication (append-only). */
export const reportPublications = pgTable(
  'report_publications',
  {
    agencyId: integer('agency_id').notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    /** gongkai/report-read@1 plus `text` (preamble, sections, signature): everything needed to render it again. */
    reading: jsonb('reading').notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_publications_pkey', columns: [t.agencyId, t.year, t.version] }),
    foreignKey({
      name: 'report_publications_workflow_fk',
      columns: [t.agencyId, t.year],
      foreignColumns: [reportWorkflows.agencyId, reportWorkflows.year],
    }),
    check('report_publications_version_check', sql`${t.version} >= 1`),
  ],
);
