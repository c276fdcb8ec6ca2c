// A second, independent reading of statute.md §1–§3.6 (written from the spec text, not from the clock's
// code: epoch-day integers, its own working-day test on the raw holidays-cn.json lists), compared with
// computeResponseClock and checkClockEvents on a few thousand random timelines (issue #7).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import holidays from '#core/calendar/holidays-cn.json' with { type: 'json' };
import type { LocalDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { checkClockEvents } from './check-clock-event.ts';
import type { ClockEvent } from './clock-event.ts';
import { resolveClockSettings } from './clock-settings.ts';
import { computeResponseClock } from './response-clock.ts';

// ------------------------------------------------------------------ the reference reading of the spec

const DAY_MS = 86_400_000;
const REST = new Set(Object.values(holidays.years).flatMap((y) => y.holidays));
const WORK = new Set(Object.values(holidays.years).flatMap((y) => y.workdays));
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY_MS;

const memo = new Map<number, boolean>();

/** §2: a date listed in `workdays`, or Monday–Friday not listed in `holidays`. */
function working(day: number): boolean {
  let known = memo.get(day);
  if (known === undefined) {
    known = workingUncached(day);
    memo.set(day, known);
  }
  return known;
}

function workingUncached(day: number): boolean {
  const text = iso(day);
  if (WORK.has(text)) {
    return true;
  }
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return !REST.has(text) && weekday !== 0 && weekday !== 6;
}

/** §2: a period of N working days from D ends on the N-th working day after D. */
function nthWorkingDayAfter(start: number, n: number): number {
  let day = start;
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (working(day)) {
      counted += 1;
    }
  }
  return day;
}

interface Timeline {
  readonly received: number;
  readonly correction?: { sent: number; delivered: number; period: number; corrected?: number; reason?: boolean };
  readonly consultations: readonly { sent: number; consulteeReceived: number; answered?: number }[];
  readonly fee?: { sent: number; noticeReceived: number; paid?: number };
  readonly extensions: readonly { approved: number; days: number; notice?: number }[];
  readonly restDayNext: boolean;
  readonly windowFromReceipt: boolean;
  readonly feePause: boolean;
}

interface ReferenceAnswer {
  /** null: no due date (the case lapsed). */
  readonly due: number | null;
  readonly dueBeforeExtension: number | null;
  /** The refusal a timeline must get from checkClockEvents, if any (undefined: none). */
  readonly refusal?: string;
  /** The case lapsed before some later event: that event is refused, whichever rule names it. */
  readonly eventAfterLapse: boolean;
}

/** §1 receipt with WD-RECEIPT-AS-IS: a rest-day receipt keeps its date, or moves to the next working day. */
const receipt = (day: number, next: boolean) => {
  let d = day;
  while (next && !working(d)) {
    d += 1;
  }
  return d;
};

function reference(t: Timeline): ReferenceAnswer {
  const lastEvent = Math.max(
    t.received,
    ...t.consultations.flatMap((c) => [c.sent, c.answered ?? 0]),
    ...(t.fee ? [t.fee.sent, t.fee.paid ?? 0] : []),
    ...t.extensions.map((e) => e.approved),
  );
  let clockStart = receipt(t.received, t.restDayNext);
  // §3.3: the consultee answers after receiving the letter.
  let refusal = t.consultations.some((c) => c.answered !== undefined && c.answered < c.consulteeReceived)
    ? 'CONSULTATION_ANSWER_BEFORE_RECEIPT'
    : undefined;
  // §3.2: the corrected application restarts the clock on its own receipt date; none in time → lapse.
  if (t.correction) {
    const deadline = nthWorkingDayAfter(t.correction.delivered, t.correction.period);
    const corrected = t.correction.corrected;
    if (corrected === undefined || (corrected > deadline && !t.correction.reason)) {
      if (corrected !== undefined) {
        refusal ??= 'CORRECTION_RECEIVED_LATE';
      }
      // §3.4: an extension needs a current due date; while the 补正 is awaited there is none.
      if (t.extensions.some((e) => e.approved >= t.correction!.sent && e.approved <= deadline)) {
        refusal ??= 'EXTENSION_NO_DUE';
      }
      return { due: null, dueBeforeExtension: null, ...(refusal ? { refusal } : {}), eventAfterLapse: lastEvent > deadline };
    }
    clockStart = receipt(corrected, t.restDayNext);
  }
  // §3.3 windows: (start, end], end = the answer or the 15th working day after the consultee's receipt,
  // whichever is earlier; §3.6: (notice, payment] when the fee pause is on.
  const windows: [number, number][] = [];
  for (const c of t.consultations) {
    const expiry = nthWorkingDayAfter(c.consulteeReceived, 15);
    const end = c.answered !== undefined && c.answered < expiry ? c.answered : expiry;
    windows.push([t.windowFromReceipt ? c.consulteeReceived : c.sent, end]);
  }
  if (t.fee) {
    const payBy = nthWorkingDayAfter(t.fee.noticeReceived, 20);
    if (t.fee.paid === undefined || t.fee.paid > payBy) {
      return {
        due: null,
        dueBeforeExtension: null,
        ...(refusal ? { refusal } : t.fee.paid !== undefined ? { refusal: 'FEE_PAID_LATE' } : {}),
        eventAfterLapse: lastEvent > payBy,
      };
    }
    if (t.feePause) {
      windows.push([t.fee.sent, t.fee.paid]);
    }
  }
  // §3.1: the day of the N-th counted working day after the clock start, window days not counted.
  const counted = (n: number) => {
    let day = clockStart;
    for (let c = 0; c < n; ) {
      day += 1;
      if (working(day) && !windows.some(([from, to]) => day > from && day <= to)) {
        c += 1;
      }
    }
    return day;
  };
  const base = counted(20);
  // §3.4: one extension of ≤ 20 working days, approved and notified on or before the due date.
  const granted = t.extensions.find((e) => e.days <= 20 && e.approved <= base && (e.notice === undefined || e.notice <= base));
  return {
    due: granted ? counted(20 + granted.days) : base,
    dueBeforeExtension: base,
    ...(refusal ? { refusal } : {}),
    eventAfterLapse: false,
  };
}

// ------------------------------------------------------------------ random timelines and the comparison

const START = dayOf('2019-01-01');
const timelines = fc
  .record({
    received: fc.integer({ min: START, max: START + 7 * 365 }),
    correction: fc.option(
      fc.record({
        sentAfter: fc.integer({ min: 0, max: 12 }),
        deliveredAfter: fc.integer({ min: 0, max: 3 }),
        period: fc.integer({ min: 1, max: 20 }),
        correctedAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        reason: fc.boolean(),
      }),
      { nil: undefined },
    ),
    consultations: fc.array(
      fc.record({
        sentAfter: fc.integer({ min: 0, max: 25 }),
        receiptAfter: fc.integer({ min: 0, max: 4 }),
        answeredAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
    fee: fc.option(
      fc.record({
        sentAfter: fc.integer({ min: 0, max: 20 }),
        receiptAfter: fc.integer({ min: 0, max: 3 }),
        paidAfter: fc.option(fc.integer({ min: 0, max: 35 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    extensions: fc.array(
      fc.record({
        approvedAfter: fc.integer({ min: 0, max: 50 }),
        days: fc.integer({ min: 1, max: 25 }),
        noticeAfter: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      }),
      { maxLength: 2 },
    ),
    restDayNext: fc.boolean(),
    windowFromReceipt: fc.boolean(),
    feePause: fc.boolean(),
  })
  .map((r): Timeline => {
    const correction = r.correction && {
      sent: r.received + r.correction.sentAfter,
      delivered: r.received + r.correction.sentAfter + r.correction.deliveredAfter,
      period: r.correction.period,
      ...(r.correction.correctedAfter === undefined
        ? {}
        : { corrected: r.received + r.correction.sentAfter + r.correction.correctedAfter }),
      reason: r.correction.reason,
    };
    // Later events follow the (corrected) application, in date order of their own kind.
    const start = correction?.corrected ?? r.received;
    let approved = start;
    return {
      received: r.received,
      ...(correction ? { correction } : {}),
      consultations: r.consultations.map((c) => ({
        sent: start + c.sentAfter,
        consulteeReceived: start + c.sentAfter + c.receiptAfter,
        ...(c.answeredAfter === undefined ? {} : { answered: start + c.sentAfter + c.answeredAfter }),
      })),
      ...(r.fee
        ? {
            fee: {
              sent: start + r.fee.sentAfter,
              noticeReceived: start + r.fee.sentAfter + r.fee.receiptAfter,
              ...(r.fee.paidAfter === undefined ? {} : { paid: start + r.fee.sentAfter + r.fee.paidAfter }),
            },
          }
        : {}),
      extensions: r.extensions.map((e) => {
        approved = Math.max(approved, start + e.approvedAfter);
        return { approved, days: e.days, ...(e.noticeAfter === undefined ? {} : { notice: approved + e.noticeAfter }) };
      }),
      restDayNext: r.restDayNext,
      windowFromReceipt: r.windowFromReceipt,
      feePause: r.feePause,
    };
  });

/** The same timeline as clock events. */
function toEvents(t: Timeline): ClockEvent[] {
  const on = (day: number) => iso(day) as LocalDate;
  const events: ClockEvent[] = [{ type: 'received', on: on(t.received), channel: 'online' }];
  if (t.correction) {
    events.push({
      type: 'correction_requested',
      on: on(t.correction.sent),
      deliveredOn: on(t.correction.delivered),
      periodWorkingDays: t.correction.period,
    });
    if (t.correction.corrected !== undefined) {
      events.push({
        type: 'correction_received',
        on: on(t.correction.corrected),
        ...(t.correction.reason ? { lateReason: '正当理由' } : {}),
      });
    }
  }
  t.consultations.forEach((c, i) => {
    events.push({ type: 'consultation_sent', on: on(c.sent), consultationId: `c${i}`, consulteeReceivedOn: on(c.consulteeReceived) });
    if (c.answered !== undefined) {
      events.push({ type: 'consultation_answered', on: on(c.answered), consultationId: `c${i}` });
    }
  });
  if (t.fee) {
    events.push({ type: 'fee_notice_sent', on: on(t.fee.sent), noticeReceivedOn: on(t.fee.noticeReceived) });
    if (t.fee.paid !== undefined) {
      events.push({ type: 'fee_paid', on: on(t.fee.paid) });
    }
  }
  for (const e of t.extensions) {
    events.push({
      type: 'extension_approved',
      on: on(e.approved),
      workingDays: e.days,
      ...(e.notice === undefined ? {} : { noticeSentOn: on(e.notice) }),
    });
  }
  return events;
}

describe('computeResponseClock against an independent reading of statute.md (issue #7)', () => {
  test('3,000 random timelines: same due dates; refusals exactly where the spec refuses', () => {
    const LATER = '2030-06-28' as LocalDate;
    fc.assert(
      fc.property(timelines, (t) => {
        const settings = resolveClockSettings({
          'receipt.rest-day': t.restDayNext ? 'next-working-day' : 'as-is',
          'consultation.window-start': t.windowFromReceipt ? 'consultee-receipt' : 'dispatch',
          'fee.pause': t.feePause ? 'on' : 'off',
        });
        const events = toEvents(t);
        const expected = reference(t);
        const clock = computeResponseClock(events, SHIPPED_CALENDAR, settings, LATER);
        assert.equal(clock.due, expected.due === null ? null : iso(expected.due), 'due');
        assert.equal(clock.dueBeforeExtension, expected.dueBeforeExtension === null ? null : iso(expected.dueBeforeExtension));
        const refusals = checkClockEvents(events, SHIPPED_CALENDAR, settings).map((r) => r.code);
        if (expected.eventAfterLapse) {
          assert.notDeepEqual(refusals, [], 'an event after the lapse is refused');
        } else if (expected.refusal !== undefined) {
          assert.ok(refusals.includes(expected.refusal as never), `${expected.refusal} expected, got ${refusals.join(',')}`);
        } else {
          assert.deepEqual(refusals, []);
        }
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });
});
