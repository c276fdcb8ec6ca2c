// Administrator changes to the national holiday calendar (statute.md §2: versioned per year,
// editable, with who/when/what/why). The calendar is national, so this is a reference table shared
// by every agency (architecture.md, Scale-out: calendars are reference tables), not a per-agency one.
import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const CALENDAR_CHANGE_ACTIONS = ['import'] as const;

export const calendarChanges = pgTable(
  'calendar_changes',
  {
    /** The change's number (第N号修改): unique, from an identity, never shared by two changes. */
    seq: integer('seq').primaryKey().generatedByDefaultAsIdentity(),
    who: text('who').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Computations whose "today" is on or after this date use the change. */
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    action: text('action', { enum: CALENDAR_CHANGE_ACTIONS }).notNull(),
    year: smallint('year').notNull(),
    /** A Chinese summary (days that became rest or working days). */
    what: text('what').notNull(),
    reason: text('reason'),
    sourceFile: text('source_file'),
    /** The imported year as read by core's readCalendarYear (holidays-cn.json shape). */
    entry: jsonb('entry').notNull(),
  },
  (t) => [
    check('calendar_changes_action_check', sql`${t.action} in ('import')`),
    check('calendar_changes_year_check', sql`${t.year} between 1900 and 9999`),
  ],
);
