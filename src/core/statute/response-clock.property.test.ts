import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type LocalDate, localDate, plusDays } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { isWorkingDay, withCalendarYear } from '#core/calendar/working-day-calendar.ts';
import type { ClockEvent } from './clock-event.ts';
import { DEFAULT_CLOCK_SETTINGS, resolveClockSettings } from './clock-settings.ts';
import { CHANNELS, type Channel } from './receipt-date.ts';
import { computeResponseClock } from './response-clock.ts';

const LATER = localDate('2030-06-28');
const receipt = fc.integer({ min: 0, max: 7 * 365 }).map((n) => plusDays(localDate('2019-01-01'), n));
const channel = fc.constantFrom<Channel>(...CHANNELS);
const received = (on: LocalDate, ch: ClockEvent & { type: 'received' } extends { channel: infer C } ? C : never): ClockEvent => ({
  type: 'received',
  on,
  channel: ch,
});
const due = (events: readonly ClockEvent[], calendar = SHIPPED_CALENDAR, settings = DEFAULT_CLOCK_SETTINGS) =>
  computeResponseClock(events, calendar, settings, LATER).due!;

describe('reply clock properties (条例第三十三条)', () => {
  test('the due date is always a working day, with or without an extension', () => {
    fc.assert(
      fc.property(receipt, channel, fc.integer({ min: 0, max: 20 }), (on, ch, extension) => {
        const events: ClockEvent[] = [received(on, ch)];
        if (extension > 0) {
          events.push({ type: 'extension_approved', on, workingDays: extension });
        }
        assert.equal(isWorkingDay(due(events), SHIPPED_CALENDAR), true);
      }),
    );
  });

  test('pausing never shortens: a consultation or a fee wait never makes the due date earlier', () => {
    fc.assert(
      fc.property(
        receipt,
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (on, sentAfter, delivery, answerAfter, isFee) => {
          const base: ClockEvent[] = [received(on, 'in_person')];
          const sentOn = plusDays(on, sentAfter);
          const paused: ClockEvent[] = isFee
            ? [
                ...base,
                { type: 'fee_notice_sent', on: sentOn, noticeReceivedOn: plusDays(sentOn, delivery) },
                { type: 'fee_paid', on: plusDays(sentOn, answerAfter % 20) },
              ]
            : [
                ...base,
                { type: 'consultation_sent', on: sentOn, consulteeReceivedOn: plusDays(sentOn, delivery) },
                { type: 'consultation_answered', on: plusDays(sentOn, answerAfter) },
              ];
          const closed = computeResponseClock(paused, SHIPPED_CALENDAR, DEFAULT_CLOCK_SETTINGS, LATER);
          fc.pre(closed.due !== null);
          assert.ok(closed.due >= due(base));
          assert.equal(isWorkingDay(closed.due, SHIPPED_CALENDAR), true);
        },
      ),
    );
  });

  test('adding a holiday never makes a due date earlier', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 1, max: 40 }), (on, offset) => {
        const extra = plusDays(on, offset);
        const year = SHIPPED_CALENDAR.years.get(Number(extra.slice(0, 4)));
        fc.pre(year !== undefined);
        const more = withCalendarYear(SHIPPED_CALENDAR, {
          ...year!,
          holidays: [...new Set([...year!.holidays, extra])].sort() as LocalDate[],
          workdays: year!.workdays.filter((d) => d !== extra),
        });
        const events = [received(on, 'online')];
        assert.ok(due(events, more) >= due(events));
      }),
    );
  });

  test('used + left = 20 on every day between receipt and the due date', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 40 }), (on, after) => {
        const today = plusDays(on, after);
        const clock = computeResponseClock([received(on, 'in_person')], SHIPPED_CALENDAR, DEFAULT_CLOCK_SETTINGS, today);
        fc.pre(today <= clock.due!);
        assert.equal(clock.workingDaysUsed + clock.workingDaysLeft, 20);
      }),
    );
  });

  test('the next-working-day receipt setting never makes a due date earlier', () => {
    const moved = resolveClockSettings({ 'receipt.rest-day': 'next-working-day' });
    fc.assert(
      fc.property(receipt, (on) => {
        const events = [received(on, 'online')];
        const asIs = due(events);
        const next = due(events, SHIPPED_CALENDAR, moved);
        assert.ok(next >= asIs);
        assert.equal(next > asIs, !isWorkingDay(on, SHIPPED_CALENDAR));
      }),
    );
  });
});
