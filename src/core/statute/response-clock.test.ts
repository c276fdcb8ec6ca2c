import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addCalendarDaysPeriod, addMonthsPeriod, addWorkingDaysWithWarnings } from '#core/calendar/add-working-days.ts';
import { localDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { expectedReferenceSteps, isSubsequence } from '#test/factories/clock-vectors.ts';
import vectors from '#test/fixtures/test-vectors.json' with { type: 'json' };
import { readCaseInput } from './case-input.ts';
import { validateClockEvents } from './clock-event.ts';
import { resolveClockSettings } from './clock-settings.ts';
import { computeResponseClock } from './response-clock.ts';

// A "today" long after every vector: the vectors describe finished histories.
const LATER = localDate('2030-06-28');

describe('test-vectors.json reply_due cases through computeResponseClock (statute.md §3)', () => {
  for (const vector of vectors.dueDates.filter((v) => v.kind === 'reply_due')) {
    test(`${vector.id}: ${vector.description}`, () => {
      const read = readCaseInput(vector.input);
      assert.ok(read.ok, JSON.stringify(read));
      assert.deepEqual(validateClockEvents(read.events), []);
      const options = (vector as { options?: { feePause?: boolean } }).options;
      const settings = resolveClockSettings(options?.feePause === false ? { 'fee.pause': 'off' } : {});
      const clock = computeResponseClock(read.events, SHIPPED_CALENDAR, settings, LATER);
      const { explanation, warnings, ...expectedFields } = vector.expected as Record<string, unknown> & {
        explanation: string[];
        warnings: string[];
      };
      for (const [key, value] of Object.entries(expectedFields)) {
        assert.deepEqual((clock as unknown as Record<string, unknown>)[key], value, `${key}`);
      }
      assert.deepEqual(
        clock.warnings.map((w) => w.code),
        warnings,
      );
      assert.ok(
        isSubsequence(expectedReferenceSteps(explanation, vector.input), clock.explanation),
        `explanation lacks reference steps:\n${clock.explanation.join('\n')}`,
      );
    });
  }
});

describe('test-vectors.json period cases (民法典第二百零一条至第二百零三条)', () => {
  for (const vector of vectors.dueDates.filter((v) => v.kind === 'period')) {
    test(`${vector.id}: ${vector.description}`, () => {
      const input = vector.input as { kind: string; start: string; workingDays?: number; days?: number; months?: number };
      const start = localDate(input.start);
      const expected = vector.expected as { due: string; rawEnd?: string; warnings: string[] };
      if (input.kind === 'working_days') {
        const result = addWorkingDaysWithWarnings(start, input.workingDays!, SHIPPED_CALENDAR);
        assert.equal(result.date, expected.due);
        assert.deepEqual(
          result.warnings.map((w) => w.code),
          expected.warnings,
        );
      } else {
        const result =
          input.kind === 'calendar_days'
            ? addCalendarDaysPeriod(start, input.days!, SHIPPED_CALENDAR)
            : addMonthsPeriod(start, input.months!, SHIPPED_CALENDAR);
        assert.equal(result.rawEnd, expected.rawEnd);
        assert.equal(result.date, expected.due);
        assert.deepEqual(
          result.warnings.map((w) => w.code),
          expected.warnings,
        );
      }
    });
  }
});
