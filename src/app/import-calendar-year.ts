// Use case: an administrator imports one year of the holiday calendar (e.g. the State Council's
// 2027 notice), effective from a date, recorded with who/when/what (statute.md §2). A year whose
// data is inconsistent is refused with every problem and nothing is written.
import { describeCalendarDiff, diffCalendars } from '#core/calendar/diff-calendars.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { buildWorkingDayCalendar, type CalendarYear } from '#core/calendar/working-day-calendar.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { requireYear } from './calendar-year-range.ts';
import { todayOf, yearsInForce } from './clock-environment.ts';
import type { AppDeps, CalendarChange, MovedDueDate } from './ports.ts';

export interface ImportCalendarYearInput {
  /** The file's name, kept in the record (never used as a path). */
  readonly fileName: string;
  /** The file's text: one year as in holidays-cn.json, or `{"years": {"2027": …}}`, or `{"2027": …}`. */
  readonly text: string;
  /** Which year to take from a file with several. */
  readonly year?: number;
  /** Computations whose "today" is on or after this date use the new data; default today. */
  readonly effectiveFrom?: LocalDate;
  readonly reason?: string;
  readonly who: string;
}

export type ImportCalendarYearResult =
  | { readonly status: 'unchanged'; readonly year: number }
  | {
      readonly status: 'imported';
      readonly change: CalendarChange;
      /** Open cases whose due date moves on the effective date; undefined when the cases tier is not wired. */
      readonly moved?: readonly MovedDueDate[];
    };

const invalid = (message: string) => new DomainError('INVALID_INPUT', message);

/** Picks the year entry out of the accepted file shapes. */
function pickYear(value: unknown, yearOption: number | undefined): { year: number; entry: unknown } {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record === undefined) {
    throw invalid('导入文件应为 JSON 对象');
  }
  const years = typeof record['years'] === 'object' && record['years'] !== null ? (record['years'] as Record<string, unknown>) : undefined;
  const keyed = years ?? (Object.keys(record).every((key) => /^\d{4}$/.test(key)) && Object.keys(record).length > 0 ? record : undefined);
  if (keyed !== undefined) {
    const keys = Object.keys(keyed);
    const chosen = yearOption !== undefined ? String(yearOption) : keys.length === 1 ? keys[0] : undefined;
    if (chosen === undefined || !(chosen in keyed)) {
      throw invalid(
        yearOption !== undefined ? `文件中没有${yearOption}年的数据` : `文件含多个年份（${keys.join('、')}），请用 --year 指定一年`,
      );
    }
    return { year: Number(chosen), entry: keyed[chosen] };
  }
  const inferred =
    yearOption ??
    (typeof record['year'] === 'number' ? record['year'] : undefined) ??
    (Array.isArray(record['holidays']) && typeof record['holidays'][0] === 'string'
      ? Number(record['holidays'][0].slice(0, 4))
      : undefined);
  if (inferred === undefined || Number.isNaN(inferred)) {
    throw invalid('无法确定导入的年份，请用 --year YYYY 指定');
  }
  return { year: inferred, entry: record };
}

/** A checked year and how it compares with everything recorded so far (whatever its effective date). */
async function prepareImport(deps: Pick<AppDeps, 'calendar'>, input: ImportCalendarYearInput) {
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch {
    throw invalid(`“${input.fileName}”不是有效的 JSON`);
  }
  const picked = pickYear(value, input.year === undefined ? undefined : requireYear(input.year));
  requireYear(picked.year);
  const read = readCalendarYear(picked.year, picked.entry);
  if (!read.ok) {
    throw new DomainError('INVALID_INPUT', `${picked.year}年的数据有误，未导入：\n  ${read.problems.join('\n  ')}`, {
      problems: read.problems,
    });
  }
  const changes = await deps.calendar.listChanges();
  const before = buildWorkingDayCalendar(yearsInForce(changes, '9999-12-31' as LocalDate));
  const after = buildWorkingDayCalendar([...before.years.values(), read.value]);
  const diff = diffCalendars(picked.year, before, after);
  const replaced = before.years.has(picked.year);
  const unchanged =
    replaced &&
    diff.becameRest.length === 0 &&
    diff.becameWorking.length === 0 &&
    JSON.stringify(before.years.get(picked.year)) === JSON.stringify(read.value);
  return { year: picked.year, entry: read.value, changes, diff, replaced, unchanged };
}

/** The open cases whose due date moves on the effective date (undefined when the cases tier is not wired). */
async function movedBy(
  deps: Pick<AppDeps, 'calendarImpact'>,
  changes: readonly CalendarChange[],
  effectiveFrom: LocalDate,
  entry: CalendarYear,
): Promise<readonly MovedDueDate[] | undefined> {
  if (deps.calendarImpact === undefined) {
    return undefined;
  }
  // The calendar in force on the effective date, without and with this change.
  const inForce = yearsInForce(changes, effectiveFrom);
  return deps.calendarImpact.openCasesMoved(buildWorkingDayCalendar(inForce), buildWorkingDayCalendar([...inForce, entry]));
}

export type CalendarImportPreview =
  | { readonly status: 'unchanged'; readonly year: number }
  | {
      readonly status: 'changes';
      readonly year: number;
      /** Whether the year already had data (shipped or imported). */
      readonly replaced: boolean;
      /** The Chinese summary the history would record. */
      readonly what: string;
      readonly effectiveFrom: LocalDate;
      /** Open cases whose due date would move; undefined when the cases tier is not wired. */
      readonly moved?: readonly MovedDueDate[];
    };

/** What importing would do, without writing anything (the console shows it before the confirm step). */
export async function previewCalendarYear(
  deps: Pick<AppDeps, 'calendar' | 'clock' | 'calendarImpact'>,
  input: ImportCalendarYearInput,
): Promise<CalendarImportPreview> {
  const prepared = await prepareImport(deps, input);
  if (prepared.unchanged) {
    return { status: 'unchanged', year: prepared.year };
  }
  const effectiveFrom = input.effectiveFrom ?? todayOf(deps.clock);
  const moved = await movedBy(deps, prepared.changes, effectiveFrom, prepared.entry);
  return {
    status: 'changes',
    year: prepared.year,
    replaced: prepared.replaced,
    what: describeCalendarDiff(prepared.diff, prepared.replaced),
    effectiveFrom,
    ...(moved === undefined ? {} : { moved }),
  };
}

/** Imports a year; identical data is reported as unchanged and not recorded again. */
export async function importCalendarYear(
  deps: Pick<AppDeps, 'calendar' | 'clock' | 'calendarImpact'>,
  input: ImportCalendarYearInput,
): Promise<ImportCalendarYearResult> {
  const prepared = await prepareImport(deps, input);
  if (prepared.unchanged) {
    return { status: 'unchanged', year: prepared.year };
  }
  const effectiveFrom = input.effectiveFrom ?? todayOf(deps.clock);
  const change = await deps.calendar.appendChange({
    who: input.who,
    when: deps.clock.now().toISOString(),
    effectiveFrom,
    action: 'import',
    year: prepared.year,
    what: describeCalendarDiff(prepared.diff, prepared.replaced),
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    sourceFile: input.fileName,
    entry: prepared.entry,
  });
  const moved = await movedBy(deps, prepared.changes, effectiveFrom, prepared.entry);
  return moved === undefined ? { status: 'imported', change } : { status: 'imported', change, moved };
}
