// What a calendar change moves: the days whose working-day status differs (statute.md §2: "an edit
// recomputes every open clock and lists the due dates that moved").
import { type LocalDate, localDate, nextDay } from './local-date.ts';
import { isWorkingDay, type WorkingDayCalendar } from './working-day-calendar.ts';

/** Days of one year that changed status between two calendars. */
export interface CalendarDiff {
  readonly year: number;
  /** Working before, rest days now (new holidays). */
  readonly becameRest: readonly LocalDate[];
  /** Rest before, working days now (new 调休 working days, removed holidays). */
  readonly becameWorking: readonly LocalDate[];
}

/** Compares every day of `year` in two calendars. */
export function diffCalendars(year: number, before: WorkingDayCalendar, after: WorkingDayCalendar): CalendarDiff {
  const becameRest: LocalDate[] = [];
  const becameWorking: LocalDate[] = [];
  for (let day = localDate(`${year}-01-01`); day <= `${year}-12-31`; day = nextDay(day)) {
    const was = isWorkingDay(day, before);
    const is = isWorkingDay(day, after);
    if (was && !is) {
      becameRest.push(day);
    } else if (!was && is) {
      becameWorking.push(day);
    }
  }
  return { year, becameRest, becameWorking };
}

/** The "what" of a change record, in Chinese. */
export function describeCalendarDiff(diff: CalendarDiff, replaced: boolean): string {
  const list = (days: readonly LocalDate[]) => (days.length === 0 ? '无' : days.join('、'));
  return `${replaced ? '替换' : '新增'}${diff.year}年节假日安排：由工作日改为休息日 ${diff.becameRest.length} 天（${list(diff.becameRest)}）；由休息日改为工作日 ${diff.becameWorking.length} 天（${list(diff.becameWorking)}）`;
}
