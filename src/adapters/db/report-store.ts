// The annual report workflow's store over drizzle (app/reports/report-ports.ts): the state row per
// agency and year (locked FOR UPDATE while an action is decided), its append-only history, the
// published snapshots, and the entries in report_entries.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Publication, ReportStore, ReportTransaction } from '#app/reports/report-ports.ts';
import type { Db } from './open-database.ts';
import { auditLog, reportActions, reportEntries, reportPublications, reportWorkflows } from './schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Sets (or with null removes) one staff entry of a year's report inside `tx`; answers the value it replaced. */
export async function writeReportEntry(
  tx: Tx,
  agencyId: number,
  year: number,
  key: string,
  value: string | null,
  actor: string,
): Promise<string | null> {
  const where = and(eq(reportEntries.agencyId, agencyId), eq(reportEntries.year, year), eq(reportEntries.key, key));
  const before = (await tx.select({ value: reportEntries.value }).from(reportEntries).where(where).for('update'))[0]?.value ?? null;
  if (value === null) {
    await tx.delete(reportEntries).where(where);
  } else {
    await tx
      .insert(reportEntries)
      .values({ agencyId, year, key, value, updatedBy: actor })
      .onConflictDoUpdate({
        target: [reportEntries.agencyId, reportEntries.year, reportEntries.key],
        set: { value, updatedBy: actor, updatedAt: sql`now()` },
      });
  }
  return before;
}

function transactionOf(tx: Tx): ReportTransaction {
  return {
    async lockWorkflow(agencyId, year, actor) {
      await tx
        .insert(reportWorkflows)
        .values({ agencyId, year, state: 'draft', revision: 0, updatedBy: actor })
        .onConflictDoNothing({ target: [reportWorkflows.agencyId, reportWorkflows.year] });
      const rows = await tx
        .select({ state: reportWorkflows.state, revision: reportWorkflows.revision })
        .from(reportWorkflows)
        .where(and(eq(reportWorkflows.agencyId, agencyId), eq(reportWorkflows.year, year)))
        .for('update');
      const row = rows[0];
      if (row === undefined) {
        throw new Error('report workflow row vanished inside its transaction');
      }
      return row;
    },
    async setWorkflow(agencyId, year, state, revision, actor) {
      await tx
        .update(reportWorkflows)
        .set({ state, revision, updatedBy: actor, updatedAt: sql`now()` })
        .where(and(eq(reportWorkflows.agencyId, agencyId), eq(reportWorkflows.year, year)));
    },
    async appendAction(agencyId, year, action) {
      // The workflow row is locked by the caller, so max(seq) + 1 cannot race.
      await tx.insert(reportActions).values({
        agencyId,
        year,
        seq: sql`(select coalesce(max(${reportActions.seq}), 0) + 1 from ${reportActions} where ${reportActions.agencyId} = ${agencyId} and ${reportActions.year} = ${year})`,
        action: action.action,
        fromState: action.fromState,
        toState: action.toState,
        actor: action.actor,
        comment: action.comment,
        version: action.version,
        at: action.at,
      });
    },
    setEntry: (agencyId, year, key, value, actor) => writeReportEntry(tx, agencyId, year, key, value, actor),
    async insertPublication(agencyId, year, reading, actor, at) {
      const rows = await tx
        .insert(reportPublications)
        .values({
          agencyId,
          year,
          version: sql`(select coalesce(max(${reportPublications.version}), 0) + 1 from ${reportPublications} where ${reportPublications.agencyId} = ${agencyId} and ${reportPublications.year} = ${year})`,
          reading: sql`${reading}::jsonb`,
          publishedBy: actor,
          publishedAt: at,
        })
        .returning({ version: reportPublications.version });
      return rows[0]?.version ?? 0;
    },
    async audit(entry) {
      await tx.insert(auditLog).values(entry);
    },
  };
}

/** The report workflow store on a drizzle handle (PostgreSQL or the embedded PGlite). */
export function createReportStore(db: Db): ReportStore {
  return {
    async workflow(agencyId, year) {
      const rows = await db
        .select({ state: reportWorkflows.state, revision: reportWorkflows.revision })
        .from(reportWorkflows)
        .where(and(eq(reportWorkflows.agencyId, agencyId), eq(reportWorkflows.year, year)));
      return rows[0] ?? { state: 'draft', revision: 0 };
    },
    async actions(agencyId, year) {
      return db
        .select({
          seq: reportActions.seq,
          action: reportActions.action,
          fromState: reportActions.fromState,
          toState: reportActions.toState,
          actor: reportActions.actor,
          comment: reportActions.comment,
          version: reportActions.version,
          at: reportActions.at,
        })
        .from(reportActions)
        .where(and(eq(reportActions.agencyId, agencyId), eq(reportActions.year, year)))
        .orderBy(asc(reportActions.seq));
    },
    async publications(agencyId, year) {
      return db
        .select({
          year: reportPublications.year,
          version: reportPublications.version,
          publishedBy: reportPublications.publishedBy,
          publishedAt: reportPublications.publishedAt,
        })
        .from(reportPublications)
        .where(
          year === undefined
            ? eq(reportPublications.agencyId, agencyId)
            : and(eq(reportPublications.agencyId, agencyId), eq(reportPublications.year, year)),
        )
        .orderBy(desc(reportPublications.year), desc(reportPublications.version));
    },
    async publication(agencyId, year, version) {
      const rows = await db
        .select({
          year: reportPublications.year,
          version: reportPublications.version,
          publishedBy: reportPublications.publishedBy,
          publishedAt: reportPublications.publishedAt,
          reading: sql<string>`${reportPublications.reading}::text`,
        })
        .from(reportPublications)
        .where(
          and(
            eq(reportPublications.agencyId, agencyId),
            eq(reportPublications.year, year),
            ...(version === undefined ? [] : [eq(reportPublications.version, version)]),
          ),
        )
        .orderBy(desc(reportPublications.version))
        .limit(1);
      return (rows[0] as Publication | undefined) ?? null;
    },
    async dataYears(agencyId) {
      const result = await db.execute<{ year: number }>(sql`
        select extract(year from received_on)::int as year from cases where agency_id = ${agencyId}
        union select extract(year from filed_on)::int from appeal_cases where agency_id = ${agencyId}
        union select year from report_entries where agency_id = ${agencyId}
        order by 1 desc`);
      return result.rows.map((row) => Number(row.year));
    },
    transaction: (work) => db.transaction((tx) => work(transactionOf(tx))),
  };
}
