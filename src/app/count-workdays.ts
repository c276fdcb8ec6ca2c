// Use case: the working days between two dates on the calendar in force (the first day does not
// count, the last does: statute.md §2).
import { countWorkingDays } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { type CalendarWarning, calendarWarningsFor } from '#core/calendar/working-day-calendar.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { loadCalendarInForce, todayOf } from './clock-environment.ts';
import type { AppDeps } from './ports.ts';

export interface WorkdayCount {
  readonly workingDays: number;
  readonly warnings: readonly CalendarWarning[];
}

/** Counts the working days in (from, to]; `to` before `from` is INVALID_INPUT. */
export async function countWorkdays(
  deps: Pick<AppDeps, 'calendar' | 'clock'>,
  input: { readonly from: LocalDate; readonly to: LocalDate },
): Promise<WorkdayCount> {
  const { from, to } = input;
  if (to < from) {
    throw new DomainError('INVALID_INPUT', `结束日期 ${to} 早于开始日期 ${from}`);
  }
  const calendar = await loadCalendarInForce(deps.calendar, todayOf(deps.clock));
  return { workingDays: countWorkingDays(from, to, calendar), warnings: calendarWarningsFor(from, to, calendar) };
}
