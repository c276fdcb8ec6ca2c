// Use case: the n-th working day after a date on the calendar in force (statute.md §2: the start
// day never counts; 调休 working days count, holidays do not).
import { addWorkingDaysWithWarnings, type DatedResult } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { loadCalendarInForce, todayOf } from './clock-environment.ts';
import { requirePeriod } from './period-range.ts';
import type { AppDeps } from './ports.ts';

/** The `workingDays`-th working day after `start`, with a warning for each year without holiday data. */
export async function addWorkdays(
  deps: Pick<AppDeps, 'calendar' | 'clock'>,
  input: { readonly start: LocalDate; readonly workingDays: number },
): Promise<DatedResult> {
  const n = requirePeriod(input.workingDays, '工作日数 N');
  const calendar = await loadCalendarInForce(deps.calendar, todayOf(deps.clock));
  return addWorkingDaysWithWarnings(input.start, n, calendar);
}
