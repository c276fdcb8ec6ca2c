// The holiday data shipped with gongkai: 2019–2026 from the State Council notices (holidays-cn.json,
// copied from the project spec; its "source" field and per-year "notices" name the origin).
import data from './holidays-cn.json' with { type: 'json' };
import { readCalendarYear } from './read-calendar-year.ts';
import { buildWorkingDayCalendar, type CalendarYear, type WorkingDayCalendar } from './working-day-calendar.ts';

/** Where the shipped data comes from (国务院办公厅关于各年部分节假日安排的通知). */
export const SHIPPED_CALENDAR_SOURCE: string = data.source;

/** The shipped years, each checked like an import; a bad entry is a defect of the build. */
export const SHIPPED_CALENDAR_YEARS: readonly CalendarYear[] = Object.entries(data.years).map(([year, entry]) => {
  const read = readCalendarYear(Number(year), entry);
  if (!read.ok) {
    throw new Error(`holidays-cn.json ${year}: ${read.problems.join('; ')}`);
  }
  return read.value;
});

/** The calendar with the shipped years only (before any administrator change). */
export const SHIPPED_CALENDAR: WorkingDayCalendar = buildWorkingDayCalendar(SHIPPED_CALENDAR_YEARS);
