// Working-day and calendar-day periods (statute.md §2; 民法典第二百零一条至第二百零三条).
import { type LocalDate, nextDay, plusDays, plusMonths } from './local-date.ts';
import { type CalendarWarning, calendarWarningsFor, isWorkingDay, type WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * The N-th working day strictly after `start`: the start day is never counted (民法典第二百零一条), so
 * the result is by construction a working day. N must be ≥ 1.
 */
export function addWorkingDays(start: LocalDate, workingDays: number, calendar: WorkingDayCalendar): LocalDate {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`working days must be an integer ≥ 1, got ${workingDays}`);
  }
  let day = start;
  let counted = 0;
  while (counted < workingDays) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) {
      counted += 1;
    }
  }
  return day;
}

/** A computed date with the warnings of the days it looked at (CALENDAR_YEAR_MISSING). */
export interface DatedResult {
  readonly date: LocalDate;
  readonly warnings: readonly CalendarWarning[];
}

/** `addWorkingDays` with the warnings for the uncovered years it crossed (statute.md §2). */
export function addWorkingDaysWithWarnings(start: LocalDate, workingDays: number, calendar: WorkingDayCalendar): DatedResult {
  const date = addWorkingDays(start, workingDays, calendar);
  return { date, warnings: calendarWarningsFor(start, date, calendar) };
}

/** Working days d with `from` < d ≤ `to` (0 when `to` ≤ `from`). */
export function countWorkingDays(from: LocalDate, to: LocalDate, calendar: WorkingDayCalendar): number {
  let count = 0;
  // Step only while before `to`: never past the last date asked about (a `to` of 9999-12-31 ends, not throws).
  for (let day = from; day < to; ) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) {
      count += 1;
    }
  }
  return count;
}

/**
 * Moves a last day that is not a working day to the next working day: statutory holidays by
 * 民法典第二百零三条, Saturdays/Sundays too when `rollWeekends` (CAL-PERIOD-END, convention, default on).
 */
export function rollToWorkingDay(date: LocalDate, calendar: WorkingDayCalendar, rollWeekends = true): LocalDate {
  let day = date;
  while (!isWorkingDay(day, calendar) && (rollWeekends || calendar.restDays.has(day))) {
    day = nextDay(day);
  }
  return day;
}

/** A calendar period's end before and after the rest-day roll. */
export interface PeriodEnd extends DatedResult {
  /** The calendar end before moving off a rest day. */
  readonly rawEnd: LocalDate;
}

/** A period of N calendar days from `start` ends on start + N, rolled off rest days (民法典第二百零一条、第二百零三条). */
export function addCalendarDaysPeriod(start: LocalDate, days: number, calendar: WorkingDayCalendar, rollWeekends = true): PeriodEnd {
  const rawEnd = plusDays(start, days);
  const date = rollToWorkingDay(rawEnd, calendar, rollWeekends);
  return { rawEnd, date, warnings: calendarWarningsFor(plusDays(rawEnd, -1), date, calendar) };
}

/** A period of M months ends on the corresponding day, or the month's last day (民法典第二百零二条), rolled off rest days. */
export function addMonthsPeriod(start: LocalDate, months: number, calendar: WorkingDayCalendar, rollWeekends = true): PeriodEnd {
  const rawEnd = plusMonths(start, months);
  const date = rollToWorkingDay(rawEnd, calendar, rollWeekends);
  return { rawEnd, date, warnings: calendarWarningsFor(plusDays(rawEnd, -1), date, calendar) };
}
