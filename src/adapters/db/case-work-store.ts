// The console's case queue and event records over drizzle (app/cases/case-work-ports.ts). Overdue and
// due soon are the rules of core/cases/case-urgency.ts in SQL; the queue sorts open cases first,
// then by the queue deadline (due date, or the 补正 deadline while waiting for it).
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { CaseEventRecord, CaseQueueFilter, CaseWorkStore, QueueCase } from '#app/cases/case-work-ports.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { CaseEvent } from '#core/cases/case-event.ts';
import { caseColumns } from './case-store.ts';
import type { Db } from './open-database.ts';
import { agencies, caseEvents, cases, userRoles, users } from './schema.ts';

// The queue's row: a case's columns without the applicant's personal data and request text.
const { applicant: _applicant, description: _description, delivery: _delivery, ...queueColumns } = caseColumns;

const deadline = sql`coalesce(${cases.due}, ${cases.correctionDeadline})`;

/** isOverdueOn (core/cases/case-urgency.ts) as SQL. */
function overdueOn(day: LocalDate): SQL {
  return and(
    eq(cases.isOpen, true),
    or(
      lt(cases.due, day),
      and(eq(cases.status, 'awaiting_correction'), lt(cases.correctionDeadline, day)),
      and(eq(cases.status, 'awaiting_fee'), lt(cases.feePaymentDue, day)),
    ),
  )!;
}

/** `%`, `_` and `\` in a search are literal characters, not patterns. */
const literalPattern = (text: string): string => `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

export function createCaseWorkStore(db: Db): CaseWorkStore {
  return {
    async listQueue(filter: CaseQueueFilter) {
      if (filter.agencyIds.length === 0) {
        return { items: [], total: 0 };
      }
      const soon = filter.dueSoon;
      const where = and(
        inArray(cases.agencyId, [...filter.agencyIds]),
        filter.status === undefined ? undefined : eq(cases.status, filter.status),
        filter.open === undefined ? undefined : eq(cases.isOpen, filter.open),
        filter.overdueOn === undefined ? undefined : overdueOn(filter.overdueOn),
        soon === undefined
          ? undefined
          : and(
              eq(cases.isOpen, true),
              sql`not (${overdueOn(soon.today)})`,
              sql`${deadline} >= ${soon.today}::date`,
              soon.by.length === 0
                ? sql`false`
                : or(...soon.by.map(({ agencyId, by }) => and(eq(cases.agencyId, agencyId), sql`${deadline} <= ${by}::date`))),
            ),
        filter.codeContains === undefined ? undefined : ilike(cases.caseCode, literalPattern(filter.codeContains)),
        filter.officer === undefined
          ? undefined
          : filter.officer === null
            ? isNull(cases.assignedUserId)
            : inArray(cases.assignedUserId, db.select({ id: users.id }).from(users).where(eq(users.username, filter.officer))),
      );
      const [items, totals] = await Promise.all([
        db
          .select(queueColumns)
          .from(cases)
          .innerJoin(agencies, eq(agencies.id, cases.agencyId))
          .leftJoin(users, eq(users.id, cases.assignedUserId))
          .where(where)
          .orderBy(desc(cases.isOpen), sql`${deadline} asc nulls last`, asc(cases.caseCode))
          .limit(filter.limit)
          .offset(filter.offset),
        db.select({ n: count() }).from(cases).where(where),
      ]);
      return { items: items as QueueCase[], total: Number(totals[0]?.n ?? 0) };
    },
    async listOfficers(agencyIds) {
      if (agencyIds.length === 0) {
        return [];
      }
      const rows = await db
        .selectDistinct({ username: users.username })
        .from(cases)
        .innerJoin(users, eq(users.id, cases.assignedUserId))
        .where(inArray(cases.agencyId, [...agencyIds]))
        .orderBy(asc(users.username));
      return rows.map((row) => row.username);
    },
    async listOfficerCandidates(agencyId, roles) {
      if (roles.length === 0) {
        return [];
      }
      const rows = await db
        .selectDistinct({ username: users.username })
        .from(userRoles)
        .innerJoin(users, eq(users.id, userRoles.userId))
        .where(
          and(
            eq(userRoles.agencyId, agencyId),
            inArray(userRoles.role, [...roles] as (typeof userRoles.role._.data)[]),
            isNull(users.disabledAt),
          ),
        )
        .orderBy(asc(users.username));
      return rows.map((row) => row.username);
    },
    async listEventRecords(agencyId, caseId): Promise<CaseEventRecord[]> {
      const rows = await db
        .select({ seq: caseEvents.seq, data: caseEvents.data, actor: caseEvents.actor, recordedAt: caseEvents.recordedAt })
        .from(caseEvents)
        .where(and(eq(caseEvents.agencyId, agencyId), eq(caseEvents.caseId, caseId)))
        .orderBy(asc(caseEvents.seq));
      return rows.map((r) => ({ seq: r.seq, event: r.data as CaseEvent, actor: r.actor, recordedAt: r.recordedAt }));
    },
  };
}
