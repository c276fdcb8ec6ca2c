// Working-day counting for one clock computation, remembering which years it looked at so the result
// can carry CALENDAR_YEAR_MISSING warnings (statute.md §2).
import { addWorkingDays } from '#core/calendar/add-working-days.ts';
import { type LocalDate, nextDay, yearOf } from '#core/calendar/local-date.ts';
import { isWorkingDay, type WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';

/** A calendar view that records the years asked about. */
export interface DayCounter {
  readonly calendar: WorkingDayCalendar;
  readonly years: Set<number>;
  isWorking(day: LocalDate): boolean;
  /** The n-th working day after `start` (民法典第二百零一条). */
  add(start: LocalDate, n: number): LocalDate;
  /** Working days d with from < d ≤ to for which `counts(d)` holds (all working days by default). */
  count(from: LocalDate, to: LocalDate, counts?: (day: LocalDate) => boolean): number;
}

export function dayCounter(calendar: WorkingDayCalendar): DayCounter {
  const years = new Set<number>();
  const isWorking = (day: LocalDate) => {
    years.add(yearOf(day));
    return isWorkingDay(day, calendar);
  };
  return {
    calendar,
    years,
    isWorking,
    add(start, n) {
      const due = addWorkingDays(start, n, calendar);
      for (let year = yearOf(nextDay(start)); year <= yearOf(due); year += 1) {
        years.add(year);
      }
      return due;
    },
    count(from, to, counts = () => true) {
      let n = 0;
      for (let day = from; day < to; ) {
        day = nextDay(day);
        if (isWorking(day) && counts(day)) {
          n += 1;
        }
      }
      return n;
    },
  };
}
