// The PRC working-day calendar: weekends, statutory holidays and 调休 working days
// (statute.md §2; data from the State Council holiday notices, holidays-cn.json).
import { isWeekend, type LocalDate, yearOf } from './local-date.ts';

/** One holiday break as announced (weekend days inside included); may start in the previous year. */
export interface CalendarBreak {
  readonly name: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Weekend days worked instead (调休上班) for this break. */
  readonly workdays: readonly LocalDate[];
}

/** One year of the calendar, in the shape of a `years` entry of holidays-cn.json (国务院办公厅放假通知). */
export interface CalendarYear {
  readonly year: number;
  /** URLs of the notice(s) the year comes from. */
  readonly notices: readonly string[];
  readonly breaks: readonly CalendarBreak[];
  /** Monday–Friday rest days in this calendar year. */
  readonly holidays: readonly LocalDate[];
  /** Saturday/Sunday working days (调休上班) in this calendar year. */
  readonly workdays: readonly LocalDate[];
}

/** The calendar a computation runs on: the years with published data and fast lookups. */
export interface WorkingDayCalendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly restDays: ReadonlySet<string>;
  readonly workingWeekendDays: ReadonlySet<string>;
}

/** A problem attached to a computed date rather than a refusal (statute.md §2, CAL-MISSING-YEAR). */
export interface CalendarWarning {
  /** `CALENDAR_YEAR_MISSING:<year>`, as in test-vectors.json. */
  readonly code: string;
  readonly message: string;
}

/** Builds a calendar from year entries; a later entry for the same year replaces an earlier one. */
export function buildWorkingDayCalendar(entries: Iterable<CalendarYear>): WorkingDayCalendar {
  const years = new Map<number, CalendarYear>();
  for (const entry of entries) {
    years.set(entry.year, entry);
  }
  const restDays = new Set<string>();
  const workingWeekendDays = new Set<string>();
  for (const entry of years.values()) {
    for (const day of entry.holidays) {
      restDays.add(day);
    }
    for (const day of entry.workdays) {
      workingWeekendDays.add(day);
    }
  }
  return { years, restDays, workingWeekendDays };
}

/** The same calendar with one year added or replaced (an administrator's import). */
export function withCalendarYear(calendar: WorkingDayCalendar, entry: CalendarYear): WorkingDayCalendar {
  return buildWorkingDayCalendar([...calendar.years.values(), entry]);
}

/** Whether the State Council notice for `year` is in the calendar. */
export function isYearCovered(year: number, calendar: WorkingDayCalendar): boolean {
  return calendar.years.has(year);
}

/**
 * Working day = a listed 调休 working day, or Monday–Friday not listed as holiday (statute.md §2,
 * State Council notices). Outside coverage only weekends rest (CAL-MISSING-YEAR); see `calendarWarningsFor`.
 */
export function isWorkingDay(date: LocalDate, calendar: WorkingDayCalendar): boolean {
  if (calendar.workingWeekendDays.has(date)) {
    return true;
  }
  if (calendar.restDays.has(date)) {
    return false;
  }
  return !isWeekend(date);
}

export const DAY_KINDS = ['working', 'weekend', 'holiday', 'adjusted_working'] as const;
/** working: an ordinary Mon–Fri; weekend: Sat/Sun rest; holiday: Mon–Fri rest; adjusted_working: 调休上班. */
export type DayKind = (typeof DAY_KINDS)[number];

/** What a day is, and the break it belongs to (for explanations). */
export function classifyDay(date: LocalDate, calendar: WorkingDayCalendar): { kind: DayKind; break: CalendarBreak | undefined } {
  const kind: DayKind = calendar.workingWeekendDays.has(date)
    ? 'adjusted_working'
    : calendar.restDays.has(date)
      ? 'holiday'
      : isWeekend(date)
        ? 'weekend'
        : 'working';
  return { kind, break: kind === 'working' ? undefined : findBreak(date, calendar) };
}

/** The break that contains `date` or lists it as its 调休 working day. */
export function findBreak(date: LocalDate, calendar: WorkingDayCalendar): CalendarBreak | undefined {
  // A break is filed under its notice's year and may start in the previous calendar year (元旦).
  for (const year of [yearOf(date), yearOf(date) + 1]) {
    const entry = calendar.years.get(year);
    const found = entry?.breaks.find((b) => (date >= b.from && date <= b.to) || b.workdays.includes(date));
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The CALENDAR_YEAR_MISSING warning for a year without published holiday data (statute.md §2). */
export function missingYearWarning(year: number): CalendarWarning {
  return {
    code: `CALENDAR_YEAR_MISSING:${year}`,
    message: `${year}年的节假日安排尚未发布（或未导入），该年日期暂按周一至周五为工作日计算；安排公布并导入后结果可能变化`,
  };
}

/** Warnings for every uncovered year among the given years, sorted as in test-vectors.json. */
export function warningsForYears(years: Iterable<number>, calendar: WorkingDayCalendar): CalendarWarning[] {
  return [...new Set(years)]
    .filter((year) => !isYearCovered(year, calendar))
    .sort((a, b) => a - b)
    .map(missingYearWarning);
}

/** Warnings for the dates `from` < d ≤ `to` (the days a period computation looked at). */
export function calendarWarningsFor(from: LocalDate, to: LocalDate, calendar: WorkingDayCalendar): CalendarWarning[] {
  const years: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year += 1) {
    years.push(year);
  }
  // The start day itself is not looked at; drop its year if the range starts on 12-31.
  if (to > from && from.endsWith('-12-31')) {
    years.shift();
  }
  return warningsForYears(to > from ? years : [], calendar);
}
