// A date given on the command line, checked once for every command that takes one.

import { checkLocalDate, type LocalDate } from '#core/calendar/local-date.ts';
import { UsageError } from './cli-context.ts';

/**
 * A date as people type it, as `YYYY-MM-DD`: `2025-09-28`, `2025-9-28`, `2025/09/28`, `2025.9.28`,
 * `2025年9月28日`; anything else is returned unchanged for the checker to refuse.
 */
export function normalizeDateText(text: string): string {
  const match = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/u.exec(text);
  return match === null ? text : `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** The date in `text` (any form of normalizeDateText), or a UsageError naming `what` (a date that exists, in the supported years). */
export function requireDate(text: string | undefined, what: string): LocalDate {
  const checked = text === undefined ? undefined : checkLocalDate(normalizeDateText(text));
  if (checked === undefined || !checked.ok) {
    throw new UsageError(
      checked?.code === 'DATE_OUT_OF_RANGE'
        ? `${what}：${checked.message}`
        : `${what}应为有效日期（如 2025-09-28、2025/9/28 或 2025年9月28日），收到“${text ?? ''}”`,
    );
  }
  return checked.date;
}
