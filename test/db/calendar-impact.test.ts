// The hook by which a calendar import lists the open cases whose due dates move (issue #7): the use
// case hands the cases tier the calendar in force on the effective date without and with the change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { createDbCalendarStore } from '#adapters/db/calendar-store.ts';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { calendarImpactOf } from '#app/cases/list-cases-moved-by-calendar.ts';
import { importCalendarYear } from '#app/import-calendar-year.ts';
import type { CalendarImpact } from '#app/ports.ts';
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { addAgency } from '#test/cases/case-fixtures.ts';
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

forEachEngine('calendar import lists the open cases it moves (cases tier wired)', ({ database }) => {
  test('a 2027 holiday moves the due date of an application received in late 2026; a closed case is not listed', async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool);
    const clock = { now: () => new Date('2026-12-21T02:00:00Z') };
    const cases = createCaseStore(db);
    const line = (id: string, extra: object = {}) =>
      JSON.stringify({
        externalId: id,
        channel: 'in_person',
        received: '2026-12-18',
        applicantType: 'natural_person',
        events: [],
        outcome: null,
        ...extra,
      });
    const imported = await importCases(
      { cases, clock },
      {
        agencySlug: agency.slug,
        text: [
          line('OPEN-1'),
          line('DONE-1', { events: [{ type: 'replied', date: '2026-12-20', outcome: 'outcome.disclosed' }], outcome: 'outcome.disclosed' }),
        ].join('\n'),
        actor: 'test',
      },
    );
    assert.equal(imported.rejected, 0, JSON.stringify(imported.lines));
    const open = await cases.listOpenOn(agency.id, '2026-12-21' as LocalDate);
    assert.equal(open.length, 1);
    const dueWithout = open[0]!.due!;
    // A (fictional) notice making every weekday between the receipt and the due date a holiday moves it.
    const holidays = ['2027-01-04', '2027-01-05', '2027-01-06'];
    const text = JSON.stringify({
      2027: {
        notices: ['测试通知'],
        breaks: [{ name: '测试假期', from: '2027-01-04', to: '2027-01-06', workdays: [] }],
        holidays,
        workdays: [],
      },
    });
    const calendarImpact = calendarImpactOf({ cases, agencies: createDbAgencyStore(openAccess(db)), clock });
    const result = await importCalendarYear(
      { calendar: createDbCalendarStore(openAccess(db)), clock, calendarImpact },
      { fileName: 'y.json', text, who: 'admin' },
    );
    assert.equal(result.status, 'imported');
    const moved = result.status === 'imported' ? (result.moved ?? []).filter((m) => m.agency === agency.slug) : [];
    assert.equal(moved.length, 1, JSON.stringify(moved));
    assert.equal(moved[0]?.dueBefore, dueWithout);
    assert.ok(moved[0]!.dueAfter > dueWithout, `${moved[0]?.dueAfter} after ${dueWithout}`);
  });
});
