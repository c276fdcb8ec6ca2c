// Use case: an agency's console dashboard (issue #8) — open, overdue and due-soon counts, applications
// received per month over the last twelve months, and the outcome mix of the cases closed this year.
// Each figure is one SQL aggregation in the adapter (never a loop over cases); this file only turns
// "today" into the date bounds and fills the months without applications with zero.
import { addWorkingDays } from '#core/calendar/add-working-days.ts';
import { type LocalDate, shanghaiDateOf } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { OUTCOME_FAMILIES, type OutcomeFamily } from '#core/cases/outcome-codes.ts';
import { letterFamilyOf, OUTCOME_FAMILY_LABEL } from '#core/letters/outcome-family.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { ClockSettings } from '#core/statute/clock-settings.ts';

export interface DashboardPorts {
  findAgency(slug: string): Promise<{ readonly id: number; readonly slug: string; readonly name: string } | null>;
  clockBasis(agencyId: number, today: LocalDate): Promise<{ calendar: WorkingDayCalendar; settings: ClockSettings }>;
  /** Open cases; of them overdue and due soon (from `today` to `dueSoonBy`) by the queue's rules (core/cases/case-urgency.ts). */
  caseCounts(
    agencyId: number,
    bounds: { readonly today: LocalDate; readonly dueSoonBy: LocalDate },
  ): Promise<{ readonly open: number; readonly overdue: number; readonly dueSoon: number }>;
  /** Applications by month of receipt (`YYYY-MM`), received from `from` to `to` inclusive; months without any are absent. */
  applicationsPerMonth(agencyId: number, range: DateRange): Promise<readonly { readonly month: string; readonly count: number }[]>;
  /** Closed cases by outcome code, closed from `from` to `to` inclusive. */
  outcomesClosed(agencyId: number, range: DateRange): Promise<readonly { readonly outcome: string; readonly count: number }[]>;
}

export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface Dashboard {
  readonly agency: { readonly slug: string; readonly name: string };
  readonly today: LocalDate;
  readonly counts: { readonly open: number; readonly overdue: number; readonly dueSoon: number };
  /** The working-day threshold of "due soon" (setting clock.due-soon-working-days) and the last day it covers. */
  readonly dueSoon: { readonly workingDays: number; readonly by: LocalDate };
  /** Twelve months, oldest first, each with its count (0 when none). */
  readonly perMonth: readonly { readonly month: string; readonly count: number }[];
  /** Closed this year (1 January to today), by outcome family in table 三 order. */
  readonly outcomes: {
    readonly range: DateRange;
    readonly families: readonly { readonly family: OutcomeFamily; readonly label: string; readonly count: number }[];
    readonly total: number;
  };
}

/** The twelve months ending with today's month, as `YYYY-MM`, oldest first. */
export function lastTwelveMonths(today: LocalDate): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + (month - 1) - (11 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export async function showDashboard(
  deps: { readonly dashboard: DashboardPorts; readonly now: () => Date },
  input: { readonly agency: string },
): Promise<Dashboard> {
  const agency = await deps.dashboard.findAgency(input.agency);
  if (agency === null) {
    throw new DomainError('NOT_FOUND', `未找到机关“${input.agency}”`);
  }
  const today = shanghaiDateOf(deps.now());
  const { calendar, settings } = await deps.dashboard.clockBasis(agency.id, today);
  const dueSoonBy = addWorkingDays(today, settings.dueSoonWorkingDays, calendar);
  const months = lastTwelveMonths(today);
  const yearStart = `${today.slice(0, 4)}-01-01` as LocalDate;
  const [counts, perMonthRows, outcomeRows] = await Promise.all([
    deps.dashboard.caseCounts(agency.id, { today, dueSoonBy }),
    deps.dashboard.applicationsPerMonth(agency.id, { from: `${months[0]}-01` as LocalDate, to: today }),
    deps.dashboard.outcomesClosed(agency.id, { from: yearStart, to: today }),
  ]);
  const byMonth = new Map(perMonthRows.map((row) => [row.month, row.count]));
  const byFamily = new Map<OutcomeFamily, number>();
  for (const row of outcomeRows) {
    const family = letterFamilyOf(row.outcome) ?? 'other';
    byFamily.set(family, (byFamily.get(family) ?? 0) + row.count);
  }
  const families = OUTCOME_FAMILIES.map((family) => ({ family, label: OUTCOME_FAMILY_LABEL[family], count: byFamily.get(family) ?? 0 }));
  return {
    agency: { slug: agency.slug, name: agency.name },
    today,
    counts,
    dueSoon: { workingDays: settings.dueSoonWorkingDays, by: dueSoonBy },
    perMonth: months.map((month) => ({ month, count: byMonth.get(month) ?? 0 })),
    outcomes: { range: { from: yearStart, to: today }, families, total: families.reduce((sum, f) => sum + f.count, 0) },
  };
}
