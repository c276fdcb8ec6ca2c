import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { countWorkingDays } from './add-working-days.ts';
import {
  checkLocalDate,
  checkYear,
  daysBetween,
  formatDateSpan,
  formatWithWeekday,
  type LocalDate,
  localDate,
  nextDay,
  parseLocalDate,
  parseShanghaiDateTime,
  plusDays,
  plusMonths,
  shanghaiDateOf,
  shanghaiMinutesOf,
  weekdayOf,
} from './local-date.ts';
import { SHIPPED_CALENDAR } from './shipped-calendar.ts';

describe('LocalDate: a date without a time zone', () => {
  test('impossible dates and other formats are rejected', () => {
    for (const text of ['2025-02-29', '2024-13-01', '2024-00-10', '2024-9-1', '20240901', '2024-09-01T00:00', '']) {
      assert.equal(parseLocalDate(text), undefined, text);
    }
    assert.equal(parseLocalDate('2024-02-29'), '2024-02-29');
  });

  test('plusDays and daysBetween are inverse over any span', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -3000, max: 3000 }), (offset, days) => {
        const start = plusDays(localDate('1990-01-01'), offset);
        assert.equal(daysBetween(start, plusDays(start, days)), days);
      }),
    );
  });

  test('a month period without the corresponding day ends on the month end (民法典第二百零二条)', () => {
    assert.equal(plusMonths(localDate('2024-08-31'), 6), '2025-02-28');
    assert.equal(plusMonths(localDate('2023-08-31'), 6), '2024-02-29');
    assert.equal(plusMonths(localDate('2025-01-15'), 12), '2026-01-15');
  });

  test('weekdays are known for fixed dates', () => {
    assert.equal(weekdayOf(localDate('2024-09-29')), 0);
    assert.equal(formatWithWeekday(localDate('2024-09-27')), '2024-09-27（周五）');
  });

  test('"today" is the Asia/Shanghai date: 16:30 UTC is already the next day in China', () => {
    assert.equal(shanghaiDateOf(new Date('2024-09-27T16:30:00Z')), '2024-09-28');
    assert.equal(shanghaiDateOf(new Date('2024-09-27T15:59:59Z')), '2024-09-27');
    assert.equal(shanghaiMinutesOf(new Date('2024-09-27T10:00:00Z')), 18 * 60);
  });
});

describe('bounds: dates in 1900–2200, arithmetic exact to 9999 and refused beyond', () => {
  test('years outside the supported range are refused with their reason, not read as another year', () => {
    for (const text of ['0001-01-01', '1899-12-31', '2201-01-01', '9999-12-31']) {
      const checked = checkLocalDate(text);
      assert.equal(checked.ok, false, text);
      assert.ok(!checked.ok && checked.code === 'DATE_OUT_OF_RANGE' && checked.message.includes('1900年至2200年'), text);
      assert.equal(parseLocalDate(text), undefined, text);
    }
    assert.equal((checkLocalDate('2025-02-29') as { code?: string }).code, 'DATE_NOT_EXIST');
    assert.deepEqual(checkLocalDate('2200-12-31'), { ok: true, date: '2200-12-31' });
    assert.deepEqual(checkYear('9999'), { ok: false, message: '年份 9999 超出支持的范围（1900年至2200年）' });
    assert.deepEqual(checkYear('2027'), { ok: true, year: 2027 });
    assert.equal(checkYear('27').ok, false);
  });

  test('day arithmetic stays exact up to 9999-12-31 and throws past it instead of looping', () => {
    const last = '9999-12-31' as LocalDate;
    assert.equal(plusDays('9999-12-30' as LocalDate, 1), last);
    assert.throws(() => nextDay(last), RangeError);
    assert.equal(plusDays('0100-03-01' as LocalDate, -1), '0100-02-28');
    // A count ending on the last representable day ends (it does not step past `to`).
    assert.equal(countWorkingDays('9999-12-24' as LocalDate, last, SHIPPED_CALENDAR), 5);
  });

  test('a one-day span prints as one date', () => {
    assert.equal(formatDateSpan(localDate('2025-01-01'), localDate('2025-01-01')), '2025-01-01');
    assert.equal(formatDateSpan(localDate('2025-01-28'), localDate('2025-02-04')), '2025-01-28至2025-02-04');
  });

  test('receipt instants: Beijing wall time, Z or an offset up to ±14:00; anything else is refused with a message', () => {
    assert.deepEqual(parseShanghaiDateTime('2024-09-27T18:05'), { ok: true, on: '2024-09-27', atMinutes: 18 * 60 + 5 });
    assert.deepEqual(parseShanghaiDateTime('2024-09-27T16:30Z'), { ok: true, on: '2024-09-28', atMinutes: 30 });
    assert.deepEqual(parseShanghaiDateTime('2024-09-27T23:00-05:00'), { ok: true, on: '2024-09-28', atMinutes: 12 * 60 });
    for (const text of ['2024-09-27T10:00+99:99', '2024-09-27T10:00+14:30', '2024-09-27T24:00', '2024-09-27', '0001-01-01T10:00']) {
      const parsed = parseShanghaiDateTime(text);
      assert.equal(parsed.ok, false, text);
      assert.match(!parsed.ok ? parsed.message : '', /[\u4e00-\u9fff]/);
    }
  });
});

describe('weekdayOf', () => {
  test('agrees with the Date API on every day from 1900 to 2200', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2200, 11, 31); t += 86_400_000 * 3) {
      const date = new Date(t);
      assert.equal(weekdayOf(localDate(date.toISOString().slice(0, 10))), date.getUTCDay());
    }
  });
});
