// The rows behind every clock computation — the instance's stored settings and the calendar changes —
// as the application sees them. Shared by the drizzle stores (settings-store.ts, calendar-store.ts) and
// the quick read of a short command (clock-reads.ts, pg alone), so both give the same values and refuse
// the same damaged rows. Imports neither drizzle nor pg.
import type { CalendarChange } from '#app/ports.ts';
import { parseLocalDate } from '#core/calendar/local-date.ts';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type ClockSettingKey, type ClockSettingValues, checkClockSettingValue, isClockSettingKey } from '#core/statute/clock-settings.ts';

/** PostgreSQL's text form of a timestamptz (`2026-03-02 09:00:00+08`) as an ISO instant; other text unchanged. */
export function isoInstant(text: string): string {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)(?::?(\d\d))?(?::?(\d\d))?$/.exec(text);
  if (match === null) {
    return text;
  }
  const date = new Date(`${match[1]}T${match[2]}${match[3]}:${match[4] ?? '00'}`);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** A calendar_changes row, its columns named as the schema names them (timestamps and dates as text). */
export interface CalendarChangeRow {
  readonly seq: number;
  readonly who: string;
  readonly at: string;
  readonly effectiveFrom: string;
  readonly action: CalendarChange['action'];
  readonly year: number;
  readonly what: string;
  readonly reason: string | null;
  readonly sourceFile: string | null;
  readonly entry: unknown;
}

/** The calendar change a row records; a row whose year entry or date does not read is an error. */
export function calendarChangeOf(row: CalendarChangeRow): CalendarChange {
  const read = readCalendarYear(row.year, row.entry);
  const effectiveFrom = parseLocalDate(row.effectiveFrom);
  if (!read.ok || effectiveFrom === undefined) {
    throw new Error(`calendar_changes ${row.seq} is damaged`);
  }
  return {
    seq: row.seq,
    who: row.who,
    when: isoInstant(row.at),
    effectiveFrom,
    action: row.action,
    year: row.year,
    what: row.what,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.sourceFile === null ? {} : { sourceFile: row.sourceFile }),
    entry: read.value,
  };
}

/** The clock settings among stored key/value rows (the table also holds letter and mail settings). */
export function storedSettings(values: readonly { key: string; value: string }[]): ClockSettingValues {
  return Object.fromEntries(values.filter((v) => isClockSettingKey(v.key)).map((v) => [v.key, v.value])) as ClockSettingValues;
}

/**
 * The values unchanged when each is valid. Values are checked when set; one imported from an old
 * settings.json may not be: it is reported (CONFIG_INVALID), never quietly replaced by the default.
 */
export function checkedSettings(values: ClockSettingValues): ClockSettingValues {
  for (const [key, value] of Object.entries(values) as [ClockSettingKey, string][]) {
    const problem = checkClockSettingValue(key, value);
    if (problem !== undefined) {
      throw new DomainError(
        'CONFIG_INVALID',
        `数据库中设置“${key}”的值“${value}”无效（${problem}）。请用 gongkai settings set ${key} <值> 改为有效的值（gongkai settings list 列出可选值）。`,
      );
    }
  }
  return values;
}
