// The years a calendar can be shown or imported for. Bounded so a year like 9999 cannot make a
// working-day walk loop for minutes (issue #7: dates and periods without bounds).
import { DomainError } from '#core/shared/domain-error.ts';

export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2100;

/** The year if it lies in CALENDAR_YEAR_MIN…MAX, else INVALID_INPUT. */
export function requireYear(year: number): number {
  if (!Number.isInteger(year) || year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) {
    throw new DomainError('INVALID_INPUT', `年份应在 ${CALENDAR_YEAR_MIN} 至 ${CALENDAR_YEAR_MAX} 之间，收到“${year}”`, {
      fields: { year: '超出范围' },
    });
  }
  return year;
}
