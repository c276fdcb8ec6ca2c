// The years a calendar can be shown or imported for: the core's SUPPORTED_YEARS (1900–2200), the same
// range every date given to gongkai must lie in, so `calendar show/import` and the clock agree (issue
// #7). Bounded so a year like 9999 cannot make a working-day walk loop for minutes.
import { SUPPORTED_YEARS } from '#core/calendar/local-date.ts';
import { DomainError } from '#core/shared/domain-error.ts';

export const CALENDAR_YEAR_MIN = SUPPORTED_YEARS.min;
export const CALENDAR_YEAR_MAX = SUPPORTED_YEARS.max;

/** The year if it lies in CALENDAR_YEAR_MIN…MAX, else INVALID_INPUT. */
export function requireYear(year: number): number {
  if (!Number.isInteger(year) || year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) {
    throw new DomainError('INVALID_INPUT', `年份应在 ${CALENDAR_YEAR_MIN} 至 ${CALENDAR_YEAR_MAX} 之间，收到“${year}”`, {
      fields: { year: '超出范围' },
    });
  }
  return year;
}
