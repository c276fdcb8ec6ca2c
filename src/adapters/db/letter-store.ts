// Reply letters in the database: the agencies' templates, the 文号 sequence and the letters issued.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { OutcomeFamily } from '#core/cases/outcome-codes.ts';
import { formatDocNumber } from '#core/letters/doc-number.ts';
import { checkLetterSettingValue } from '#core/letters/letter-settings.ts';
import type { LetterTemplate } from '#core/letters/letter-template.ts';
import { isOutcomeFamily } from '#core/letters/outcome-family.ts';
import type { Db } from './open-database.ts';
import { agencySettings, docNumberSequences, instanceSettings, letterTemplates, replyLetters } from './schema.ts';

/** A Db or an open transaction on it: the 文号 is allocated in the caller's transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NewReplyLetter {
  readonly agencyId: number;
  /** The 文号 year (the letter date's year). */
  readonly year: number;
  /** The agency's 文号 prefix setting (may be empty). */
  readonly prefix: string;
  readonly caseCode: string;
  readonly outcome: string;
  readonly letterDate: string;
  readonly createdBy: string;
}

export interface IssuedReplyLetter {
  readonly year: number;
  readonly number: number;
  readonly docNumber: string;
  readonly caseCode: string;
  readonly outcome: string;
  readonly letterDate: string;
}

/**
 * Allocates the next 文号 number of the agency and year and records the letter, in the caller's
 * transaction: the upsert holds the sequence row's lock until COMMIT, so concurrent replies queue
 * and a rolled-back reply returns its number (no repeat, no gap).
 */
export async function issueReplyLetter(tx: DbOrTx, letter: NewReplyLetter): Promise<IssuedReplyLetter> {
  const [row] = await tx
    .insert(docNumberSequences)
    .values({ agencyId: letter.agencyId, year: letter.year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [docNumberSequences.agencyId, docNumberSequences.year],
      set: { lastNumber: sql`${docNumberSequences.lastNumber} + 1` },
    })
    .returning({ number: docNumberSequences.lastNumber });
  if (row === undefined) {
    throw new Error('文号 allocation returned no row');
  }
  const docNumber = formatDocNumber(letter.prefix, letter.year, row.number);
  await tx.insert(replyLetters).values({
    agencyId: letter.agencyId,
    year: letter.year,
    number: row.number,
    docNumber,
    caseCode: letter.caseCode,
    outcome: letter.outcome,
    letterDate: letter.letterDate,
    createdBy: letter.createdBy,
  });
  return {
    year: letter.year,
    number: row.number,
    docNumber,
    caseCode: letter.caseCode,
    outcome: letter.outcome,
    letterDate: letter.letterDate,
  };
}

/** The agency's 文号 prefix (setting letter.doc-number-prefix: the agency's, else the instance default, else none). */
export async function docNumberPrefixOf(db: DbOrTx, agencyId: number): Promise<string> {
  const key = 'letter.doc-number-prefix';
  const [own] = await db
    .select({ value: agencySettings.value })
    .from(agencySettings)
    .where(and(eq(agencySettings.agencyId, agencyId), eq(agencySettings.key, key)));
  const [instance] =
    own === undefined ? await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, key)) : [];
  const value = own?.value ?? instance?.value ?? '';
  return checkLetterSettingValue(key, value) === undefined ? value : '';
}

/** The letters issued for a case, oldest first. */
export async function listReplyLetters(db: DbOrTx, agencyId: number, caseCode: string): Promise<IssuedReplyLetter[]> {
  return db
    .select({
      year: replyLetters.year,
      number: replyLetters.number,
      docNumber: replyLetters.docNumber,
      caseCode: replyLetters.caseCode,
      outcome: replyLetters.outcome,
      letterDate: replyLetters.letterDate,
    })
    .from(replyLetters)
    .where(and(eq(replyLetters.agencyId, agencyId), eq(replyLetters.caseCode, caseCode)))
    .orderBy(asc(replyLetters.createdAt), asc(replyLetters.year), asc(replyLetters.number));
}

/** The agency's own templates (families without one use the shipped default). */
export async function listLetterTemplates(db: DbOrTx, agencyId: number): Promise<LetterTemplate[]> {
  const rows = await db
    .select({
      family: letterTemplates.family,
      title: letterTemplates.title,
      addressee: letterTemplates.addressee,
      body: letterTemplates.body,
    })
    .from(letterTemplates)
    .where(eq(letterTemplates.agencyId, agencyId))
    .orderBy(asc(letterTemplates.family));
  return rows.flatMap((row) => (isOutcomeFamily(row.family) ? [{ ...row, family: row.family }] : []));
}

/** Stores (or replaces) the agency's template of a family; the caller has checked it. */
export async function saveLetterTemplate(db: DbOrTx, agencyId: number, template: LetterTemplate, who: string): Promise<void> {
  const values = { title: template.title, addressee: template.addressee, body: template.body, updatedBy: who };
  await db
    .insert(letterTemplates)
    .values({ agencyId, family: template.family, ...values })
    .onConflictDoUpdate({ target: [letterTemplates.agencyId, letterTemplates.family], set: { ...values, updatedAt: sql`now()` } });
}

/** Removes the agency's template of a family (the default applies again); false if there was none. */
export async function deleteLetterTemplate(db: DbOrTx, agencyId: number, family: OutcomeFamily): Promise<boolean> {
  const deleted = await db
    .delete(letterTemplates)
    .where(and(eq(letterTemplates.agencyId, agencyId), eq(letterTemplates.family, family)))
    .returning({ family: letterTemplates.family });
  return deleted.length > 0;
}
