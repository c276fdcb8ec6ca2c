// A date given on the command line, checked once for every command that takes one.

import { checkLocalDate, type LocalDate } from '#core/calendar/local-date.ts';
import { UsageError } from './cli-context.ts';

/** The `YYYY-MM-DD` date in `text`, or a UsageError naming `what` (statute.md §2: a date that exists, in the supported years). */
export function requireDate(text: string | undefined, what: string): LocalDate {
  const checked = text === undefined ? undefined : checkLocalDate(text);
  if (checked === undefined || !checked.ok) {
    throw new UsageError(
      checked?.code === 'DATE_OUT_OF_RANGE' ? `${what}：${checked.message}` : `${what}应为 YYYY-MM-DD 格式的有效日期，收到“${text ?? ''}”`,
    );
  }
  return checked.date;
}
