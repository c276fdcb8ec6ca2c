// Legal days are local dates (statute.md §2: "compare dates, never timestamps"). A LocalDate is an
// ISO `YYYY-MM-DD` string: it sorts and compares as text, and no time zone can leak into it.

declare const LOCAL_DATE: unique symbol;

/** A calendar date in China (Asia/Shanghai), `YYYY-MM-DD`; build one with `parseLocalDate` (statute.md §2). */
export type LocalDate = string & { readonly [LOCAL_DATE]: true };

const MS_PER_DAY = 86_400_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so the offset is a constant.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The years a date given to gongkai may fall in: 1900 (birth dates in 居民身份证 numbers, GB 11643) to 2200. Periods computed from
 * such a date may run a little past 2200; arithmetic is exact up to 9999-12-31 and refuses beyond
 * (a RangeError, never a wrong year or an endless loop). Documented in docs/statutory-clock.md.
 */
export const SUPPORTED_YEARS = { min: 1900, max: 2200 } as const;

/** Whether `year` is an integer inside SUPPORTED_YEARS. */
export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= SUPPORTED_YEARS.min && year <= SUPPORTED_YEARS.max;
}

const RANGE_TEXT = `${SUPPORTED_YEARS.min}年至${SUPPORTED_YEARS.max}年`;

/** A date read from text, or why it is not one (Chinese, for end users). */
export type CheckedLocalDate =
  | { readonly ok: true; readonly date: LocalDate }
  | { readonly ok: false; readonly code: 'DATE_FORMAT' | 'DATE_NOT_EXIST' | 'DATE_OUT_OF_RANGE'; readonly message: string };

/** Whether `YYYY-MM-DD` names a day that exists in the proleptic Gregorian calendar, any year 0001–9999. */
function dayExists(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Checks `YYYY-MM-DD`, that the day exists (rejects 2025-02-30, month 13) and that its year is supported. */
export function checkLocalDate(text: string): CheckedLocalDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return { ok: false, code: 'DATE_FORMAT', message: `“${text}”不是 YYYY-MM-DD 格式的日期` };
  }
  if (!dayExists(text)) {
    return { ok: false, code: 'DATE_NOT_EXIST', message: `日期“${text}”不存在` };
  }
  if (!isSupportedYear(Number(text.slice(0, 4)))) {
    return { ok: false, code: 'DATE_OUT_OF_RANGE', message: `日期“${text}”超出支持的范围（${RANGE_TEXT}）` };
  }
  return { ok: true, date: text as LocalDate };
}

/** A `YYYY-MM-DD` date that exists and lies in SUPPORTED_YEARS, else undefined (statute.md §2). */
export function parseLocalDate(text: string): LocalDate | undefined {
  const checked = checkLocalDate(text);
  return checked.ok ? checked.date : undefined;
}

/** A year given on its own (`calendar show YYYY`): four digits inside SUPPORTED_YEARS, or why not. */
export function checkYear(text: string): { readonly ok: true; readonly year: number } | { readonly ok: false; readonly message: string } {
  if (!/^\d{4}$/.test(text)) {
    return { ok: false, message: `年份应为四位数字，收到“${text}”` };
  }
  const year = Number(text);
  return isSupportedYear(year) ? { ok: true, year } : { ok: false, message: `年份 ${year} 超出支持的范围（${RANGE_TEXT}）` };
}

/** Like `parseLocalDate` but for dates known to be valid (data files, tests); throws on a defect. */
export function localDate(text: string): LocalDate {
  const date = parseLocalDate(text);
  if (date === undefined) {
    throw new RangeError(`not a date: ${text}`);
  }
  return date;
}

const MAX_EPOCH_DAY = Date.UTC(9999, 11, 31) / MS_PER_DAY;
const MIN_EPOCH_DAY = -62135596800000 / MS_PER_DAY; // 0001-01-01

function toEpochDay(date: LocalDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  const day = Number(date.slice(8, 10));
  if (year >= 100) {
    return Date.UTC(year, month, day) / MS_PER_DAY;
  }
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month, day);
  return Math.round(utc.getTime() / MS_PER_DAY);
}

function fromEpochDay(day: number): LocalDate {
  if (day > MAX_EPOCH_DAY || day < MIN_EPOCH_DAY) {
    // Never a silently wrong year ('+010000-01-01' sorts before '9999-…') nor an endless loop.
    throw new RangeError('date arithmetic left the years 0001–9999');
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as LocalDate;
}

/** The date `days` calendar days later (earlier if negative); 民法典第二百零一条 period arithmetic. */
export function plusDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/** The following calendar day. */
export function nextDay(date: LocalDate): LocalDate {
  // Day-by-day walks call this for every day they look at: days 1–27 step within the month as text.
  const day = Number(date.slice(8, 10));
  return day < 28 ? (`${date.slice(0, 8)}${TWO_DIGITS[day + 1]}` as LocalDate) : plusDays(date, 1);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The corresponding day `months` later, or that month's last day if none (民法典第二百零二条). */
export function plusMonths(date: LocalDate, months: number): LocalDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromEpochDay(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)) / MS_PER_DAY);
}

const SAKAMOTO = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  // Sakamoto's method: no Date object for the check every working-day walk makes on every day.
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month < 3 ? 1 : 0);
  const day = Number(date.slice(8, 10));
  return (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + SAKAMOTO[month - 1]! + day) % 7;
}

/** Saturday or Sunday. */
export function isWeekend(date: LocalDate): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

/** The calendar year of a date. */
export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** `2025-01-01` for a one-day span, else `2025-01-28至2025-02-04` (explanations, calendar listings). */
export function formatDateSpan(from: LocalDate, to: LocalDate): string {
  return from === to ? from : `${from}至${to}`;
}

const WEEKDAY_LABEL = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** `2024-09-29（周日）`: the form every explanation step uses, so a reader can check each day. */
export function formatWithWeekday(date: LocalDate): string {
  return `${date}（${WEEKDAY_LABEL[weekdayOf(date)]}）`;
}

/** The later of two dates. */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

/** The Asia/Shanghai date of an instant: the legal zone for "today" (architecture.md, Time). */
export function shanghaiDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10) as LocalDate;
}

/** Asia/Shanghai wall-clock minutes after midnight of an instant (office-hours checks, 第三十一条). */
export function shanghaiMinutesOf(instant: Date): number {
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** A receipt instant as given on the command line or in a form, or why it is not one (Chinese). */
export type CheckedShanghaiTime =
  | { readonly ok: true; readonly on: LocalDate; readonly atMinutes: number }
  | { readonly ok: false; readonly message: string };

/**
 * `YYYY-MM-DDTHH:MM[:SS]` as Beijing wall time, or an instant with `Z` / `±HH:MM` (offset at most 14:00):
 * the Asia/Shanghai date and minutes after midnight (条例第三十一条 receipt time, office-hours rule).
 */
export function parseShanghaiDateTime(text: string): CheckedShanghaiTime {
  const bad = { ok: false, message: `时刻应为 YYYY-MM-DDTHH:MM（北京时间），或带 Z/+08:00 的时刻，收到“${text}”` } as const;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))?$/.exec(text);
  if (match === null) {
    return bad;
  }
  const [, dateText, hh, mm, ss, zone, sign, offH, offM] = match;
  if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) {
    return bad;
  }
  if (offH !== undefined && (Number(offH) > 14 || Number(offM) > 59 || (Number(offH) === 14 && Number(offM) > 0))) {
    return { ok: false, message: `时区偏移“${sign}${offH}:${offM}”无效（应在 -14:00 至 +14:00 之间），收到“${text}”` };
  }
  const checked = checkLocalDate(dateText!);
  if (!checked.ok) {
    return { ok: false, message: checked.message };
  }
  if (zone === undefined) {
    return { ok: true, on: checked.date, atMinutes: Number(hh) * 60 + Number(mm) };
  }
  const offsetMinutes = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM));
  const epochMinutes = toEpochDay(checked.date) * 1440 + Number(hh) * 60 + Number(mm) - offsetMinutes + 8 * 60;
  const day = Math.floor(epochMinutes / 1440);
  const on = fromEpochDay(day);
  const inRange = checkLocalDate(on);
  return inRange.ok ? { ok: true, on, atMinutes: epochMinutes - day * 1440 } : { ok: false, message: inRange.message };
}
