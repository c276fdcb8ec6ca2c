// Who has been a case's officer (承办人) and who decided it: every assignment and unassignment of a
// case, append-only (a trigger refuses UPDATE and DELETE). `cases.assigned_user_id` holds the current one.
import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { cases } from './cases.ts';
import { users } from './identity.ts';

export const caseAssignments = pgTable(
  'case_assignments',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity(),
    caseId: bigint('case_id', { mode: 'number' }).notNull(),
    /** The new officer; null: the case was unassigned. */
    userId: integer('user_id').references(() => users.id),
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'case_assignments_pkey', columns: [t.agencyId, t.id] }),
    foreignKey({ name: 'case_assignments_case_fk', columns: [t.agencyId, t.caseId], foreignColumns: [cases.agencyId, cases.id] }),
    index('case_assignments_case_idx').on(t.agencyId, t.caseId, t.id),
    check('case_assignments_actor_check', sql`length(${t.actor}) > 0`),
  ],
);
