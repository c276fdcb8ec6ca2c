// Use case: the years of the holiday calendar that have data (shipped with gongkai or imported by an
// administrator), each with its working-day count in force today and the changes recorded for it —
// the console's 日历管理 overview (issue #8).
import { countWorkingDays } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR_YEARS } from '#core/calendar/shipped-calendar.ts';
import { loadCalendarInForce, todayOf } from './clock-environment.ts';
import type { AppDeps, CalendarChange } from './ports.ts';

export interface CalendarYearSummary {
  readonly year: number;
  readonly shipped: boolean;
  /** Administrator changes of this year, oldest first (without their data). */
  readonly changes: readonly Omit<CalendarChange, 'entry'>[];
  /** Whether a recorded change takes effect after today (the year in force today is the earlier data). */
  readonly pending: boolean;
  /** Working days of the year in the calendar in force today. */
  readonly workingDays: number;
  /** Breaks (放假安排) in force today, e.g. 春节 2026-02-15至2026-02-23. */
  readonly breaks: readonly string[];
}

export async function listCalendarYears(deps: Pick<AppDeps, 'calendar' | 'clock'>): Promise<readonly CalendarYearSummary[]> {
  const today = todayOf(deps.clock);
  const [changes, calendar] = await Promise.all([deps.calendar.listChanges(), loadCalendarInForce(deps.calendar, today)]);
  const shipped = new Set(SHIPPED_CALENDAR_YEARS.map((entry) => entry.year));
  const years = [...new Set([...shipped, ...changes.map((change) => change.year)])].sort((a, b) => b - a);
  return years.map((year) => {
    const own = changes.filter((change) => change.year === year).map(({ entry: _entry, ...record }) => record);
    const entry = calendar.years.get(year);
    return {
      year,
      shipped: shipped.has(year),
      changes: own,
      pending: own.some((change) => change.effectiveFrom > today),
      workingDays: countWorkingDays(`${year - 1}-12-31` as LocalDate, `${year}-12-31` as LocalDate, calendar),
      breaks: (entry?.breaks ?? []).map((b) => `${b.name} ${b.from === b.to ? b.from : `${b.from}至${b.to}`}`),
    };
  });
}
