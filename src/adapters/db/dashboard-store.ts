// The console dashboard's figures (app/console/show-dashboard.ts), each one aggregation over the
// cases of one agency: counts by due date, applications per month of receipt, closed cases by outcome.
import { and, count, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { DashboardPorts } from '#app/console/show-dashboard.ts';
import { createCaseStore } from './case-store.ts';
import type { Db } from './open-database.ts';
import { cases } from './schema/cases.ts';

export function createDashboardStore(db: Db): Pick<DashboardPorts, 'caseCounts' | 'applicationsPerMonth' | 'outcomesClosed'> {
  return {
    async caseCounts(agencyId, { today, dueSoonBy }) {
      // The queue's rules (core/cases/case-urgency.ts): overdue when the reply, or a lapsed 补正 / fee
      // period awaiting its recording, is late; due soon when the deadline (the reply's, or the 补正
      // deadline while waiting for it) falls from today to dueSoonBy.
      const overdue = sql`(${cases.due} < ${today}
        or (${cases.status} = 'awaiting_correction' and ${cases.correctionDeadline} < ${today})
        or (${cases.status} = 'awaiting_fee' and ${cases.feePaymentDue} < ${today}))`;
      const deadline = sql`coalesce(${cases.due}, ${cases.correctionDeadline})`;
      const [row] = await db
        .select({
          open: sql<number>`count(*)::int`,
          overdue: sql<number>`count(*) filter (where ${overdue})::int`,
          dueSoon: sql<number>`count(*) filter (where not ${overdue} and ${deadline} >= ${today} and ${deadline} <= ${dueSoonBy})::int`,
        })
        .from(cases)
        .where(and(eq(cases.agencyId, agencyId), eq(cases.isOpen, true)));
      return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
    },

    async applicationsPerMonth(agencyId, { from, to }) {
      const month = sql<string>`to_char(${cases.receivedOn}, 'YYYY-MM')`;
      const rows = await db
        .select({ month, count: sql<number>`${count()}::int` })
        .from(cases)
        .where(and(eq(cases.agencyId, agencyId), gte(cases.receivedOn, from), lte(cases.receivedOn, to)))
        .groupBy(month)
        .orderBy(month);
      return rows;
    },

    async outcomesClosed(agencyId, { from, to }) {
      return db
        .select({ outcome: sql<string>`${cases.outcome}`, count: sql<number>`${count()}::int` })
        .from(cases)
        .where(and(eq(cases.agencyId, agencyId), isNotNull(cases.outcome), gte(cases.closedOn, from), lte(cases.closedOn, to)))
        .groupBy(cases.outcome)
        .orderBy(cases.outcome);
    },
  };
}

/** Every port of the dashboard: the figures above, the agency and its clock basis from the case store. */
export function createDashboardPorts(db: Db): DashboardPorts {
  const caseStore = createCaseStore(db);
  return {
    findAgency: (slug) => caseStore.findAgency(slug),
    clockBasis: (agencyId, today) => caseStore.clockBasis(agencyId, today),
    ...createDashboardStore(db),
  };
}
