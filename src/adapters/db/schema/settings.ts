// Clock settings (statute.md conventions): the instance default, an agency's own values on top, and
// the history of every change with who/when/why.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

/** Values that apply to every agency that has not set its own (本实例默认值). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** An agency's own values (本机关设置), overriding the instance default key by key. */
export const agencySettings = pgTable(
  'agency_settings',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'agency_settings_pkey', columns: [t.agencyId, t.key] })],
);

/** Every settings change, append-only. `agency_id` null: a change of the instance default. */
export const settingChanges = pgTable(
  'setting_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    agencyId: integer('agency_id').references(() => agencies.id),
    key: text('key').notNull(),
    /** The value before (null: the default applied). */
    fromValue: text('from_value'),
    /** The value after; for a reset, the value then in force (the instance default or the built-in one). */
    toValue: text('to_value').notNull(),
    /** True when the change removed the scope's own value (恢复默认) rather than setting one. */
    reset: boolean('reset').notNull().default(false),
    who: text('who').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [index('setting_changes_agency_idx').on(t.agencyId, t.id), check('setting_changes_who_check', sql`length(${t.who}) > 0`)],
);
