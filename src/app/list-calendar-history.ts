// Use case: where the shipped holiday data comes from and every administrator change (who, when,
// effective date, what), oldest first (statute.md §2).
import { SHIPPED_CALENDAR_SOURCE } from '#core/calendar/shipped-calendar.ts';
import type { AppDeps, CalendarChange } from './ports.ts';

export interface CalendarHistory {
  readonly shipped: string;
  /** The changes without their year data (the record, not the calendar). */
  readonly changes: readonly Omit<CalendarChange, 'entry'>[];
}

/** Lists the calendar's record of changes. */
export async function listCalendarHistory(deps: Pick<AppDeps, 'calendar'>): Promise<CalendarHistory> {
  const changes = await deps.calendar.listChanges();
  return { shipped: SHIPPED_CALENDAR_SOURCE, changes: changes.map(({ entry: _entry, ...record }) => record) };
}
