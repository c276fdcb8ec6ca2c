// Agencies (机关): every per-agency row references one. An agency may have a parent (上级机关, for
// supervision) and is a department (部门) or a government (人民政府).
import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { AGENCY_KINDS } from '#core/agencies/agency.ts';

export const agencies = pgTable(
  'agencies',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: AGENCY_KINDS }).notNull().default('department'),
    parentId: integer('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_slug_key').on(t.slug),
    foreignKey({ name: 'agencies_parent_fk', columns: [t.parentId], foreignColumns: [t.id] }),
    check('agencies_kind_check', sql`${t.kind} in ('department', 'government')`),
    // the same pattern as AGENCY_SLUG_PATTERN in core
    check('agencies_slug_check', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('agencies_name_check', sql`length(btrim(${t.name})) between 1 and 200`),
    check('agencies_parent_not_self', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  ],
);
