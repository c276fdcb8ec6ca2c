// Use case: one year of the holiday calendar in force today — breaks, 调休 working days, the number
// of working days and where the data comes from (statute.md §2).
import { countWorkingDays } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR_SOURCE } from '#core/calendar/shipped-calendar.ts';
import { type CalendarWarning, type CalendarYear, missingYearWarning } from '#core/calendar/working-day-calendar.ts';
import { requireYear } from './calendar-year-range.ts';
import { loadCalendarInForce, todayOf } from './clock-environment.ts';
import type { AppDeps } from './ports.ts';

export interface CalendarYearView {
  readonly year: number;
  /** Whether holiday data exists for the year (else Monday–Friday count as working days). */
  readonly covered: boolean;
  readonly workingDays: number;
  readonly entry: CalendarYear | null;
  readonly source: string;
  readonly warnings: readonly CalendarWarning[];
}

/** Shows a year of the calendar in force today; a year outside the supported range is INVALID_INPUT. */
export async function showCalendar(deps: Pick<AppDeps, 'calendar' | 'clock'>, input: { readonly year: number }): Promise<CalendarYearView> {
  const year = requireYear(input.year);
  const calendar = await loadCalendarInForce(deps.calendar, todayOf(deps.clock));
  const entry = calendar.years.get(year);
  const workingDays = countWorkingDays(`${year - 1}-12-31` as LocalDate, `${year}-12-31` as LocalDate, calendar);
  return {
    year,
    covered: entry !== undefined,
    workingDays,
    entry: entry ?? null,
    source: SHIPPED_CALENDAR_SOURCE,
    warnings: entry === undefined ? [missingYearWarning(year)] : [],
  };
}
