// Reply letters (告知书): each agency's own templates per outcome family (the defaults ship in code,
// core/letters/letter-template.ts), the 文号 sequence per agency and year, and the letters issued.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

/** An agency's template for one outcome family, replacing the shipped default. */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** disclosed / partial / withheld / unavailable / not_processed / other. */
    family: text('family').notNull(),
    title: text('title').notNull(),
    addressee: text('addressee').notNull(),
    body: text('body').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'letter_templates_pkey', columns: [t.agencyId, t.family] }),
    check(
      'letter_templates_family_check',
      sql`${t.family} in ('disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other')`,
    ),
  ],
);

/**
 * The last 文号 number issued per agency and year. Allocation is one upsert that increments and
 * returns it inside the reply's transaction: the row lock serialises concurrent replies, and a
 * rolled-back reply gives its number back, so numbers never repeat or skip.
 */
export const docNumberSequences = pgTable(
  'doc_number_sequences',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: smallint('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [
    primaryKey({ name: 'doc_number_sequences_pkey', columns: [t.agencyId, t.year] }),
    check('doc_number_sequences_year_check', sql`${t.year} between 1990 and 2100`),
    check('doc_number_sequences_number_check', sql`${t.lastNumber} >= 1`),
  ],
);

/** Every reply letter issued: its 文号 (prefix, year, number) and what it answered. */
export const replyLetters = pgTable(
  'reply_letters',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: smallint('year').notNull(),
    number: integer('number').notNull(),
    /** The 文号 as printed, e.g. 某府信公开〔2025〕第7号. */
    docNumber: text('doc_number').notNull(),
    caseCode: text('case_code').notNull(),
    outcome: text('outcome').notNull(),
    letterDate: date('letter_date', { mode: 'string' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'reply_letters_pkey', columns: [t.agencyId, t.year, t.number] }),
    index('reply_letters_case_idx').on(t.agencyId, t.caseCode),
  ],
);
