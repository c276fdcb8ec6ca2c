// Administrator changes to the holiday calendar, kept in `<dataDir>/calendar/changes.json` with
// who/when/what of each change (statute.md §2: holiday data is versioned per year and editable).
import { join } from 'node:path';
import { type LocalDate, parseLocalDate } from '#core/calendar/local-date.ts';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { SHIPPED_CALENDAR_YEARS } from '#core/calendar/shipped-calendar.ts';
import { buildWorkingDayCalendar, type CalendarYear, type WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';

/** One recorded change: a year imported (added or replaced), effective from a date. */
export interface CalendarChange {
  readonly seq: number;
  /** Who: GONGKAI_USER or the OS user. */
  readonly who: string;
  /** When: ISO instant of the change. */
  readonly when: string;
  /** The change applies to computations whose "today" is on or after this date. */
  readonly effectiveFrom: LocalDate;
  readonly action: 'import';
  readonly year: number;
  /** What: a Chinese summary (days that became rest or working days). */
  readonly what: string;
  readonly reason?: string;
  /** The file the administrator imported (its name only, for the record). */
  readonly sourceFile?: string;
  readonly entry: CalendarYear;
}

interface ChangesDocument {
  readonly schema: 'gongkai/calendar-changes@1';
  readonly changes: readonly CalendarChange[];
}

const SCHEMA = 'gongkai/calendar-changes@1';

function changesPath(dataDir: string): string {
  return join(dataDir, 'calendar', 'changes.json');
}

/** Every recorded calendar change, oldest first. */
export async function listCalendarChanges(dataDir: string): Promise<CalendarChange[]> {
  const document = (await readJsonFile(changesPath(dataDir))) as ChangesDocument | undefined;
  if (document === undefined) {
    return [];
  }
  if (document.schema !== SCHEMA || !Array.isArray(document.changes)) {
    throw new Error(`${changesPath(dataDir)}: not a ${SCHEMA} document`);
  }
  return document.changes.map((change) => {
    const read = readCalendarYear(change.year, change.entry);
    const effectiveFrom = parseLocalDate(String(change.effectiveFrom));
    if (!read.ok || effectiveFrom === undefined) {
      throw new Error(`${changesPath(dataDir)}: change ${change.seq} is damaged`);
    }
    return { ...change, effectiveFrom, entry: read.value };
  });
}

/** Appends one change (read, add, atomic write) and returns it with its sequence number. */
export async function appendCalendarChange(dataDir: string, change: Omit<CalendarChange, 'seq'>): Promise<CalendarChange> {
  const changes = await listCalendarChanges(dataDir);
  const recorded: CalendarChange = { seq: (changes.at(-1)?.seq ?? 0) + 1, ...change };
  const document: ChangesDocument = { schema: SCHEMA, changes: [...changes, recorded] };
  await writeJsonFileAtomic(changesPath(dataDir), document);
  return recorded;
}

/** The year entries in force on `asOf`: the shipped years, then each change effective by then, in order. */
export function yearsInForce(changes: readonly CalendarChange[], asOf: LocalDate): CalendarYear[] {
  const applied = changes.filter((change) => change.effectiveFrom <= asOf).map((change) => change.entry);
  return [...SHIPPED_CALENDAR_YEARS, ...applied];
}

/** The working-day calendar in force on `asOf` (shipped data plus effective administrator changes). */
export async function loadCalendar(dataDir: string, asOf: LocalDate): Promise<WorkingDayCalendar> {
  return buildWorkingDayCalendar(yearsInForce(await listCalendarChanges(dataDir), asOf));
}
