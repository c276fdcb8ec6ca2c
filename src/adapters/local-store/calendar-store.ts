// Administrator changes to the holiday calendar, kept in `<dataDir>/calendar/changes.json` with
// who/when/what of each change (statute.md §2: holiday data is versioned per year and editable).
// Implements the CalendarStore port until the database tier replaces it.
import { join } from 'node:path';
import type { CalendarChange, CalendarStore, NewCalendarChange } from '#app/ports.ts';
import { parseLocalDate } from '#core/calendar/local-date.ts';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { dataFileError, readJsonFile, serialized, writeJsonFileAtomic } from './json-file.ts';

interface ChangesDocument {
  readonly schema: 'gongkai/calendar-changes@1';
  readonly changes: readonly CalendarChange[];
}

const SCHEMA = 'gongkai/calendar-changes@1';

/** The calendar changes of one data directory, as a CalendarStore. */
export function createFileCalendarStore(dataDir: string): CalendarStore {
  const path = join(dataDir, 'calendar', 'changes.json');
  const listChanges = async (): Promise<CalendarChange[]> => {
    const document = (await readJsonFile(path)) as ChangesDocument | undefined;
    if (document === undefined) {
      return [];
    }
    if (document.schema !== SCHEMA || !Array.isArray(document.changes)) {
      throw dataFileError(path, `不是日历修改记录文件（应为 ${SCHEMA}）`, '请从备份恢复该文件，或把它改名后重新导入日历。');
    }
    return document.changes.map((change) => {
      const read = readCalendarYear(change.year, change.entry);
      const effectiveFrom = parseLocalDate(String(change.effectiveFrom));
      if (!read.ok || effectiveFrom === undefined) {
        throw dataFileError(
          path,
          `中第 ${String(change.seq)} 条修改记录已损坏${read.ok ? '' : `（${read.problems.join('；')}）`}`,
          '请从备份恢复该文件，或把它改名后重新导入日历。',
        );
      }
      return { ...change, effectiveFrom, entry: read.value };
    });
  };
  return {
    listChanges,
    // Serialised within the process (read, add, atomic write); across processes the database tier takes over.
    appendChange: (change: NewCalendarChange) =>
      serialized(path, async () => {
        const changes = await listChanges();
        const recorded: CalendarChange = { seq: (changes.at(-1)?.seq ?? 0) + 1, ...change };
        await writeJsonFileAtomic(path, { schema: SCHEMA, changes: [...changes, recorded] } satisfies ChangesDocument);
        return recorded;
      }),
  };
}
