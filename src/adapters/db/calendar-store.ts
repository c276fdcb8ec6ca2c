// CalendarStore on the database: administrator changes to the national holiday calendar, one row per
// change in calendar_changes. The change number comes from an identity column, so concurrent imports
// never share one and none is lost (each insert is its own statement, no read-modify-write).
import { asc } from 'drizzle-orm';
import type { CalendarStore, NewCalendarChange } from '#app/ports.ts';
import { calendarChangeOf } from './clock-rows.ts';
import type { DbAccess } from './lazy-database.ts';
import { calendarChanges } from './schema.ts';

/** The calendar changes of this instance (a reference table: the calendar is national). */
/** The row of a new calendar change: the store's append and the one-time import of the legacy JSON file. */
export function calendarChangeRow(
  change: Pick<NewCalendarChange, 'who' | 'when' | 'action' | 'year' | 'what'> & {
    readonly effectiveFrom: string;
    readonly reason?: string | undefined;
    readonly sourceFile?: string | undefined;
    readonly entry: unknown;
  },
): typeof calendarChanges.$inferInsert {
  return {
    who: change.who,
    at: change.when,
    effectiveFrom: change.effectiveFrom,
    action: change.action,
    year: change.year,
    what: change.what,
    reason: change.reason ?? null,
    sourceFile: change.sourceFile ?? null,
    entry: change.entry,
  };
}

export function createDbCalendarStore(access: DbAccess): CalendarStore {
  return {
    async listChanges() {
      const db = await access.read();
      if (db === undefined) {
        return [];
      }
      const rows = await db.select().from(calendarChanges).orderBy(asc(calendarChanges.seq));
      return rows.map(calendarChangeOf);
    },
    async appendChange(change: NewCalendarChange) {
      const db = await access.write();
      const [row] = await db.insert(calendarChanges).values(calendarChangeRow(change)).returning();
      return calendarChangeOf(row!);
    },
  };
}
