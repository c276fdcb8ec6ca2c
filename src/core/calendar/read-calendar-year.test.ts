import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeCalendarDiff, diffCalendars } from './diff-calendars.ts';
import { readCalendarYear } from './read-calendar-year.ts';
import { SHIPPED_CALENDAR, SHIPPED_CALENDAR_SOURCE } from './shipped-calendar.ts';
import { withCalendarYear } from './working-day-calendar.ts';

describe('reading an imported year (国务院办公厅放假通知)', () => {
  test('the shipped data names its source and each year its notice', () => {
    assert.match(SHIPPED_CALENDAR_SOURCE, /国务院办公厅/);
    for (const entry of SHIPPED_CALENDAR.years.values()) {
      assert.ok(
        entry.notices.every((n) => n.startsWith('http')),
        String(entry.year),
      );
    }
  });

  test('holidays must be the weekdays of the breaks, workdays weekend days outside them', () => {
    const result = readCalendarYear(2027, {
      notices: ['x'],
      breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: ['2027-01-04'] }],
      holidays: ['2027-01-01'],
      workdays: ['2027-01-04'],
    });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.problems.some((p) => p.includes('2027-01-04') && p.includes('周六或周日')));
  });

  test('a year whose lists disagree with its breaks is refused', () => {
    const result = readCalendarYear(2027, {
      notices: ['x'],
      breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }],
      holidays: [],
      workdays: [],
    });
    assert.deepEqual(result.ok ? [] : result.problems, ['“holidays”与各假期（breaks）中的周一至周五日期不一致']);
  });

  test('replacing 2024 without its 国庆 break moves exactly the five weekdays and the two 调休 days', () => {
    const y2024 = SHIPPED_CALENDAR.years.get(2024)!;
    const without = {
      ...y2024,
      breaks: y2024.breaks.filter((b) => b.name !== '国庆节'),
      holidays: y2024.holidays.filter((d) => !d.startsWith('2024-10')),
      workdays: y2024.workdays.filter((d) => d !== '2024-09-29' && d !== '2024-10-12'),
    };
    assert.equal(readCalendarYear(2024, without).ok, true);
    const diff = diffCalendars(2024, SHIPPED_CALENDAR, withCalendarYear(SHIPPED_CALENDAR, without));
    assert.deepEqual(diff.becameWorking, ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']);
    assert.deepEqual(diff.becameRest, ['2024-09-29', '2024-10-12']);
    assert.match(describeCalendarDiff(diff, true), /^替换2024年/);
  });

  test('a break ending 9999-12-31, or outside its year, is refused with the reason (and quickly)', () => {
    const entry = (to: string) => ({
      notices: ['x'],
      breaks: [{ name: '元旦', from: '2027-01-01', to, workdays: [] }],
      holidays: ['2027-01-01'],
      workdays: [],
    });
    const far = readCalendarYear(2027, entry('9999-12-31'));
    assert.ok(!far.ok && far.problems.some((p) => p.includes('9999-12-31') && p.includes('超出支持的范围')));
    const long = readCalendarYear(2027, entry('2200-12-31'));
    assert.ok(!long.ok && long.problems.some((p) => p.includes('应在2027年内结束')));
    assert.equal(readCalendarYear(9999, entry('2027-01-01')).ok, false);
  });
});
