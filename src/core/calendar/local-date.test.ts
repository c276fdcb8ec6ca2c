import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  daysBetween,
  formatWithWeekday,
  localDate,
  parseLocalDate,
  plusDays,
  plusMonths,
  shanghaiDateOf,
  shanghaiMinutesOf,
  weekdayOf,
} from './local-date.ts';

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
