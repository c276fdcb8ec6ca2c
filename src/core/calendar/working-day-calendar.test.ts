import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addWorkingDays, addWorkingDaysWithWarnings, countWorkingDays } from './add-working-days.ts';
import { type LocalDate, localDate, plusDays } from './local-date.ts';
import { SHIPPED_CALENDAR, SHIPPED_CALENDAR_YEARS } from './shipped-calendar.ts';
import { buildWorkingDayCalendar, classifyDay, isWorkingDay, withCalendarYear } from './working-day-calendar.ts';

// Read the raw file independently of the module under test, with the plain Date API.
const raw = JSON.parse(readFileSync(new URL('./holidays-cn.json', import.meta.url), 'utf8')) as {
  years: Record<string, { holidays: string[]; workdays: string[] }>;
};

function weekdaysIn(year: number): number {
  let count = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) {
      count += 1;
    }
  }
  return count;
}

describe('working days per year 2019–2026 (国务院办公厅放假通知)', () => {
  test('every shipped year counts weekdays − holidays + 调休 working days', () => {
    assert.deepEqual(Object.keys(raw.years), ['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    for (const [yearText, entry] of Object.entries(raw.years)) {
      const year = Number(yearText);
      const expected = weekdaysIn(year) - entry.holidays.length + entry.workdays.length;
      const counted = countWorkingDays(localDate(`${year - 1}-12-31`), localDate(`${year}-12-31`), SHIPPED_CALENDAR);
      assert.equal(counted, expected, yearText);
    }
  });

  test('net working days lost: 11 a year, 13 in 2020 (春节 extended) and from 2025 (two more statutory days)', () => {
    const lost = Object.fromEntries(Object.entries(raw.years).map(([y, e]) => [y, e.holidays.length - e.workdays.length]));
    assert.deepEqual(lost, { 2019: 11, 2020: 13, 2021: 11, 2022: 11, 2023: 11, 2024: 11, 2025: 13, 2026: 13 });
  });

  test('published totals: 2023 has 249, 2024 has 251, 2025 has 248 working days', () => {
    const total = (year: number) => countWorkingDays(localDate(`${year - 1}-12-31`), localDate(`${year}-12-31`), SHIPPED_CALENDAR);
    assert.equal(total(2023), 249);
    assert.equal(total(2024), 251);
    assert.equal(total(2025), 248);
  });

  test('调休: Sunday 2024-09-29 works, Tuesday 2024-10-01 rests, inside 国庆节', () => {
    assert.equal(isWorkingDay(localDate('2024-09-29'), SHIPPED_CALENDAR), true);
    assert.equal(isWorkingDay(localDate('2024-10-01'), SHIPPED_CALENDAR), false);
    assert.equal(classifyDay(localDate('2024-09-29'), SHIPPED_CALENDAR).kind, 'adjusted_working');
    assert.equal(classifyDay(localDate('2024-10-01'), SHIPPED_CALENDAR).break?.name, '国庆节');
    assert.equal(classifyDay(localDate('2023-12-30'), SHIPPED_CALENDAR).break?.name, '元旦');
  });
});

const anyDate = fc.integer({ min: 0, max: 8 * 366 }).map((n) => plusDays(localDate('2019-01-01'), n));

describe('addWorkingDays (民法典第二百零一条: the start day never counts)', () => {
  test('the result is a working day with exactly N working days after the start', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = addWorkingDays(start, n, SHIPPED_CALENDAR);
        assert.equal(isWorkingDay(due, SHIPPED_CALENDAR), true);
        assert.equal(countWorkingDays(start, due, SHIPPED_CALENDAR), n);
        assert.ok(due > start);
      }),
    );
  });

  test('adding a holiday never makes a due date earlier', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 }), (start, n, offset) => {
        const extra = plusDays(start, offset);
        const year = SHIPPED_CALENDAR.years.get(Number(extra.slice(0, 4)));
        fc.pre(year !== undefined);
        const holidays = [...new Set([...year!.holidays, extra])].sort() as LocalDate[];
        const workdays = year!.workdays.filter((d) => d !== extra);
        const more = withCalendarYear(SHIPPED_CALENDAR, { ...year!, holidays, workdays });
        assert.ok(addWorkingDays(start, n, more) >= addWorkingDays(start, n, SHIPPED_CALENDAR));
      }),
    );
  });

  test('a period reaching 2027 is computed Monday–Friday and warns CALENDAR_YEAR_MISSING:2027', () => {
    const result = addWorkingDaysWithWarnings(localDate('2026-12-14'), 20, SHIPPED_CALENDAR);
    assert.equal(result.date, '2027-01-11');
    assert.deepEqual(
      result.warnings.map((w) => w.code),
      ['CALENDAR_YEAR_MISSING:2027'],
    );
    assert.deepEqual(addWorkingDaysWithWarnings(localDate('2026-11-02'), 20, SHIPPED_CALENDAR).warnings, []);
  });

  test('N < 1 is refused', () => {
    assert.throws(() => addWorkingDays(localDate('2024-01-02'), 0, SHIPPED_CALENDAR), RangeError);
  });

  test('an empty calendar counts Monday–Friday only', () => {
    assert.equal(addWorkingDays(localDate('2024-09-27'), 1, buildWorkingDayCalendar([])), '2024-09-30');
    assert.equal(SHIPPED_CALENDAR_YEARS.length, 8);
  });
});
