// The hook by which a calendar import lists the open cases whose due dates move (issue #7): the use
// case hands the cases tier the calendar in force on the effective date without and with the change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { importCalendarYear } from '#app/import-calendar-year.ts';
import type { CalendarImpact } from '#app/ports.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { forEachEngine } from '#test/db-harness.ts';

const year2027 = (notice: string) =>
  JSON.stringify({
    2027: {
      notices: [notice],
      breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01', workdays: [] }],
      holidays: ['2027-01-01'],
      workdays: [],
    },
  });

forEachEngine('calendar import and the open cases it moves', ({ database }) => {
  test('the impact port sees the calendar before and after on the effective date; the result lists what it found', async () => {
    const { db } = await database();
    const seen: { before: WorkingDayCalendar; after: WorkingDayCalendar }[] = [];
    const calendarImpact: CalendarImpact = {
      async openCasesMoved(before, after) {
        seen.push({ before, after });
        return [{ agency: 'city-edu', caseCode: 'GK2026-1', dueBefore: '2027-01-05' as LocalDate, dueAfter: '2027-01-06' as LocalDate }];
      },
    };
    const deps = {
      calendar: createDbCalendarStore(openAccess(db)),
      clock: { now: () => new Date('2026-11-23T02:00:00Z') },
      calendarImpact,
    };
    const result = await importCalendarYear(deps, {
      fileName: 'y.json',
      text: year2027('通知'),
      who: 'admin',
      effectiveFrom: '2026-12-01' as LocalDate,
    });
    assert.equal(result.status, 'imported');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.before.years.has(2027), false);
    assert.deepEqual(seen[0]?.after.years.get(2027)?.holidays, ['2027-01-01']);
    assert.deepEqual(result.status === 'imported' ? result.moved?.map((m) => m.caseCode) : undefined, ['GK2026-1']);
    // Without the port (cases tier not wired), nothing is claimed.
    const plain = await importCalendarYear(
      { calendar: deps.calendar, clock: deps.clock },
      { fileName: 'z.json', text: year2027('另一通知'), who: 'admin' },
    );
    assert.equal(plain.status === 'imported' ? plain.moved : 'unchanged', undefined);
  });
});
