// Legal days are local dates (statute.md §2: "compare dates, never timestamps"). A LocalDate is an
// ISO `YYYY-MM-DD` string: it sorts and compares as text, and no time zone can leak into it.

declare const LOCAL_DATE: unique symbol;

/** A calendar date in China (Asia/Shanghai), `YYYY-MM-DD`; build one with `parseLocalDate` (statute.md §2). */
export type LocalDate = string & { readonly [LOCAL_DATE]: true };

const MS_PER_DAY = 86_400_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so the offset is a constant.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Checks `YYYY-MM-DD` and that the day exists (rejects 2025-02-30, month 13); statute.md §2. */
export function parseLocalDate(text: string): LocalDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return undefined;
  }
  // Via UTC: the same answer in any host time zone.
  const utc = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(utc.getTime()) && utc.toISOString().startsWith(text) ? (text as LocalDate) : undefined;
}

/** Like `parseLocalDate` but for dates known to be valid (data files, tests); throws on a defect. */
export function localDate(text: string): LocalDate {
  const date = parseLocalDate(text);
  if (date === undefined) {
    throw new RangeError(`not a date: ${text}`);
  }
  return date;
}

function toEpochDay(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

function fromEpochDay(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10) as LocalDate;
}

/** The date `days` calendar days later (earlier if negative); 民法典第二百零一条 period arithmetic. */
export function plusDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** The following calendar day. */
export function nextDay(date: LocalDate): LocalDate {
  return plusDays(date, 1);
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

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
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
