// Use case: a period counted in days or months (民法典第二百零一条至第二百零三条): the end day, rolled
// to the next working day when it falls on a rest day (weekends per setting period.weekend-roll).
import { addCalendarDaysPeriod, addMonthsPeriod, type PeriodEnd } from '#core/calendar/add-working-days.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { describeSetting } from '#core/statute/clock-settings.ts';
import { loadClockEnvironment, todayOf } from './clock-environment.ts';
import { requirePeriod } from './period-range.ts';
import type { AppDeps } from './ports.ts';

export interface PeriodResult extends PeriodEnd {
  /** The setting that decided the weekend roll, described (e.g. `period.weekend-roll=on（默认）`). */
  readonly setting: string;
}

/** The end of a period of `count` days or months after `start` (the start day never counts). */
export async function addPeriod(
  deps: Pick<AppDeps, 'calendar' | 'settings' | 'clock'>,
  input: { readonly start: LocalDate; readonly count: number; readonly unit: 'days' | 'months' },
): Promise<PeriodResult> {
  const n = requirePeriod(input.count, input.unit === 'months' ? '月数 M' : '天数 N');
  const { calendar, settings } = await loadClockEnvironment(deps, todayOf(deps.clock));
  const end =
    input.unit === 'months'
      ? addMonthsPeriod(input.start, n, calendar, settings.periodWeekendRoll)
      : addCalendarDaysPeriod(input.start, n, calendar, settings.periodWeekendRoll);
  return { ...end, setting: describeSetting('period.weekend-roll', settings) };
}
