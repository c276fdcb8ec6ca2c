// A date given on the command line, checked once for every command that takes one.

import { type LocalDate, parseLocalDate } from '#core/calendar/local-date.ts';
import { UsageError } from './cli-context.ts';

/** The `YYYY-MM-DD` date in `text`, or a UsageError naming `what` (statute.md §2: a date that exists). */
export function requireDate(text: string | undefined, what: string): LocalDate {
  const date = text === undefined ? undefined : parseLocalDate(text);
  if (date === undefined) {
    throw new UsageError(`${what}应为 YYYY-MM-DD 格式的有效日期，收到“${text ?? ''}”`);
  }
  return date;
}
