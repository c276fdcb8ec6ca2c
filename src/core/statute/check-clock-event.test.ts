import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDate } from '#core/calendar/local-date.ts';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { withCalendarYear } from '#core/calendar/working-day-calendar.ts';
import vectors from '#test/fixtures/test-vectors.json' with { type: 'json' };
import { readCaseInput } from './case-input.ts';
import { checkClockEvent, checkClockEvents } from './check-clock-event.ts';
import type { ClockEvent } from './clock-event.ts';
import { CLOCK_REFUSAL_CODES } from './clock-refusal.ts';
import { type ClockSettings, DEFAULT_CLOCK_SETTINGS, resolveClockSettings } from './clock-settings.ts';
import { computeResponseClock } from './response-clock.ts';

const d = localDate;
const LATER = d('2030-06-28');
const clockOn = (events: ClockEvent[], today: string | typeof LATER = LATER, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS) =>
  computeResponseClock(events, SHIPPED_CALENDAR, settings, d(today));
const codes = (events: ClockEvent[], settings = DEFAULT_CLOCK_SETTINGS, strict = false) =>
  checkClockEvents(events, SHIPPED_CALENDAR, settings, { strict }).map((r) => r.code);
const refusalOf = (history: ClockEvent[], event: ClockEvent, settings = DEFAULT_CLOCK_SETTINGS) =>
  checkClockEvent(history, event, SHIPPED_CALENDAR, settings);

const april1: ClockEvent = { type: 'received', on: d('2024-04-01'), channel: 'in_person' };
const sept27: ClockEvent = { type: 'received', on: d('2024-09-27'), channel: 'online' };

describe('a refused extension is not "the one extension" (statute.md §3.4)', () => {
  test('25 working days is refused; the corrected request of 10 is registered (due 04-29 + 10 = 05-15)', () => {
    const events: ClockEvent[] = [
      april1,
      { type: 'extension_approved', on: d('2024-04-19'), workingDays: 25 },
      { type: 'extension_approved', on: d('2024-04-22'), workingDays: 10 },
    ];
    const clock = clockOn(events);
    assert.equal(clock.dueBeforeExtension, '2024-04-29');
    assert.equal(clock.extensionWorkingDays, 10);
    assert.equal(clock.due, '2024-05-15');
    assert.deepEqual(clock.notes, ['EXTENSION_OVER_LIMIT']);
    assert.deepEqual(codes(events), []);
    assert.equal(refusalOf([april1], events[1]!)?.code, 'EXTENSION_OVER_LIMIT');
    assert.equal(refusalOf(events.slice(0, 2), events[2]!), undefined);
  });

  test('after a registered extension another one is EXTENSION_REPEATED', () => {
    const history: ClockEvent[] = [april1, { type: 'extension_approved', on: d('2024-04-22'), workingDays: 10 }];
    const second: ClockEvent = { type: 'extension_approved', on: d('2024-04-23'), workingDays: 5 };
    assert.equal(refusalOf(history, second)?.code, 'EXTENSION_REPEATED');
    assert.equal(clockOn([...history, second]).extensionWorkingDays, 10);
  });

  test('a notice to the applicant after the due date: not registered (EXT-BEFORE-DUE), flagged when the setting is off', () => {
    const events: ClockEvent[] = [
      april1,
      { type: 'extension_approved', on: d('2024-04-25'), workingDays: 10, approvedBy: '王主任', noticeSentOn: d('2024-04-30') },
    ];
    const on = clockOn(events);
    assert.equal(on.due, '2024-04-29');
    assert.deepEqual(on.notes, ['EXTENSION_NOTICE_AFTER_DUE']);
    assert.equal(refusalOf([april1], events[1]!)?.code, 'EXTENSION_NOTICE_AFTER_DUE');
    const off = clockOn(events, LATER, resolveClockSettings({ 'extension.before-due': 'off' }));
    assert.equal(off.due, '2024-05-15');
    assert.deepEqual(off.notes, ['EXTENSION_NOTICE_AFTER_DUE']);
  });

  test('the extension line states consent and notice only when recorded', () => {
    const line = (extra: object) =>
      clockOn([april1, { type: 'extension_approved', on: d('2024-04-22'), workingDays: 10, ...extra }]).explanation.find((l) =>
        l.includes('延期 10 个工作日'),
      )!;
    assert.equal(line({}), '2024-04-22 批准，延期 10 个工作日（第三十三条）；未记录负责人同意（批准人）、告知申请人日期');
    assert.equal(
      line({ approvedBy: '王主任' }),
      '2024-04-22 经政府信息公开工作机构负责人同意，延期 10 个工作日（第三十三条）；未记录告知申请人日期',
    );
    assert.equal(
      line({ approvedBy: '王主任', noticeSentOn: d('2024-04-23') }),
      '2024-04-22 经政府信息公开工作机构负责人同意并告知申请人，延期 10 个工作日（第三十三条）',
    );
  });
});

describe('consultations: each has its own window, which includes its end day (statute.md §3.3)', () => {
  const march1: ClockEvent = { type: 'received', on: d('2024-03-01'), channel: 'in_person' };
  const c1: ClockEvent = { type: 'consultation_sent', on: d('2024-03-04'), consultationId: 'c1' };
  const c2: ClockEvent = { type: 'consultation_sent', on: d('2024-03-20'), consultationId: 'c2' };

  test('consultation_expired:DATE:c1 closes c1 only: on 03-27 c2 (until 04-11) still pauses the case', () => {
    const events: ClockEvent[] = [march1, c1, c2, { type: 'consultation_expired', on: d('2024-03-26'), consultationId: 'c1' }];
    const clock = clockOn(events, '2024-03-27');
    assert.equal(clock.state, 'paused');
    assert.deepEqual(
      clock.windows.map((w) => [w.consultationId, w.to, w.open]),
      [
        ['c1', '2024-03-25', false],
        ['c2', '2024-04-11', true],
      ],
    );
    assert.deepEqual(codes(events), []);
  });

  test('an expiry record on or before the 15th working day, or for an unknown id, is refused', () => {
    assert.equal(
      refusalOf([march1, c1], { type: 'consultation_expired', on: d('2024-03-25'), consultationId: 'c1' })?.code,
      'CONSULTATION_NOT_EXPIRED',
    );
    assert.equal(
      refusalOf([march1, c1], { type: 'consultation_expired', on: d('2024-03-26'), consultationId: 'zz' })?.code,
      'CONSULTATION_UNKNOWN',
    );
    assert.equal(refusalOf([march1, c1], { type: 'consultation_answered', on: d('2024-03-06'), consultationId: 'c1' }), undefined);
    assert.equal(refusalOf([march1], { type: 'consultation_answered', on: d('2024-03-06') })?.code, 'CONSULTATION_UNKNOWN');
  });

  test('the answer day and the expiry day are inside the window: the case is paused on them', () => {
    const answered: ClockEvent[] = [
      march1,
      { type: 'consultation_sent', on: d('2024-03-05'), consulteeReceivedOn: d('2024-03-06') },
      { type: 'consultation_answered', on: d('2024-03-19') },
    ];
    assert.equal(clockOn(answered, '2024-03-19').state, 'paused');
    assert.equal(clockOn(answered, '2024-03-20').state, 'on_time');
    const silent: ClockEvent[] = [march1, { type: 'consultation_sent', on: d('2024-03-05'), consulteeReceivedOn: d('2024-03-07') }];
    assert.equal(clockOn(silent, '2024-03-28').state, 'paused');
    assert.equal(clockOn(silent, '2024-03-29').state, 'on_time');
  });

  test('an answer dated before the consultee received the letter is refused', () => {
    const sent: ClockEvent = { type: 'consultation_sent', on: d('2024-03-05'), consulteeReceivedOn: d('2024-03-07') };
    const answer: ClockEvent = { type: 'consultation_answered', on: d('2024-03-06') };
    assert.equal(refusalOf([march1, sent], answer)?.code, 'CONSULTATION_ANSWER_BEFORE_RECEIPT');
    assert.deepEqual(codes([march1, sent, answer]), ['CONSULTATION_ANSWER_BEFORE_RECEIPT']);
  });
});

describe('lapses, closure and the 第三十五条 deadline are refused with a reason (statute.md §3.2, §3.5, §6)', () => {
  const request: ClockEvent = { type: 'correction_requested', on: d('2024-10-08'), periodWorkingDays: 10 };

  test('correction_expired before the period ends (10-21) is refused; the day after closes the case that day', () => {
    assert.equal(refusalOf([sept27, request], { type: 'correction_expired', on: d('2024-10-21') })?.code, 'CORRECTION_NOT_EXPIRED');
    const expired: ClockEvent = { type: 'correction_expired', on: d('2024-10-22') };
    assert.equal(refusalOf([sept27, request], expired), undefined);
    const clock = clockOn([sept27, request, expired], '2024-10-22');
    assert.equal(clock.closedOn, '2024-10-22');
    assert.equal(clock.outcome, 'outcome.other.no_correction');
  });

  test('fee_expired on the payment deadline (02-27) is refused; on 02-28 it is accepted', () => {
    const history: ClockEvent[] = [
      { type: 'received', on: d('2025-01-13'), channel: 'online' },
      { type: 'fee_notice_sent', on: d('2025-01-23'), noticeReceivedOn: d('2025-01-24') },
    ];
    const early = refusalOf(history, { type: 'fee_expired', on: d('2025-02-27') });
    assert.equal(early?.code, 'FEE_NOT_EXPIRED');
    assert.match(early!.message, /2025-02-27 尚未届满/);
    assert.equal(refusalOf(history, { type: 'fee_expired', on: d('2025-02-28') }), undefined);
    assert.equal(refusalOf(history, { type: 'fee_paid', on: d('2025-03-03') })?.code, 'FEE_PAID_LATE');
  });

  test('after the reply only its delivery may be recorded; a back-dated withdrawal would invalidate the reply', () => {
    const replied: ClockEvent = { type: 'replied', on: d('2024-10-10'), outcome: 'outcome.disclosed' };
    assert.equal(refusalOf([sept27, replied], { type: 'consultation_sent', on: d('2024-10-11') })?.code, 'EVENT_AFTER_CLOSE');
    assert.equal(refusalOf([sept27, replied], { type: 'replied', on: d('2024-10-12') })?.code, 'EVENT_AFTER_CLOSE');
    assert.equal(refusalOf([sept27, replied], { type: 'delivered', on: d('2024-10-12') }), undefined);
    assert.equal(refusalOf([sept27], { type: 'delivered', on: d('2024-10-12') })?.code, 'DELIVERED_WITHOUT_REPLY');
    const backDated = refusalOf([sept27, replied], { type: 'withdrawn', on: d('2024-10-05') });
    assert.equal(backDated?.code, 'EVENT_AFTER_CLOSE');
    assert.match(backDated!.message, /已登记的“答复”/);
  });

  test('a delayed deadline needs reasons_requested first, a working day, and no date before the statutory due date (10-30)', () => {
    const reasons: ClockEvent = { type: 'reasons_requested', on: d('2024-10-10') };
    const set = (deadline: string): ClockEvent => ({ type: 'delayed_deadline_set', on: d('2024-10-20'), deadline: d(deadline) });
    assert.equal(refusalOf([sept27], set('2024-12-31'))?.code, 'DELAYED_DEADLINE_WITHOUT_REASONS');
    assert.equal(refusalOf([sept27, reasons], set('2024-11-02'))?.code, 'DELAYED_DEADLINE_REST_DAY');
    assert.equal(refusalOf([sept27, reasons], set('2024-10-25'))?.code, 'DELAYED_DEADLINE_BEFORE_DUE');
    assert.equal(refusalOf([sept27, reasons], set('2024-12-31')), undefined);
    assert.equal(clockOn([sept27, reasons, set('2024-12-31')], '2024-11-30').due, '2024-12-31');
  });

  test('a replied case carries the reply outcome and closing date', () => {
    const clock = clockOn([sept27, { type: 'replied', on: d('2024-10-29'), outcome: 'outcome.partial' }], '2024-11-30');
    assert.equal(clock.state, 'closed');
    assert.equal(clock.outcome, 'outcome.partial');
    assert.equal(clock.closedOn, '2024-10-29');
    assert.equal(clock.repliedOn, '2024-10-29');
  });
});

describe('the corrected application (条例第三十条, statute.md §1 and §3.2)', () => {
  const received: ClockEvent = { type: 'received', on: d('2025-03-03'), channel: 'in_person' };
  const request: ClockEvent = { type: 'correction_requested', on: d('2025-03-06'), periodWorkingDays: 15 };

  test('its receipt date follows the rest-day setting: Saturday 03-22 → Monday 03-24, due 04-22', () => {
    const events: ClockEvent[] = [received, request, { type: 'correction_received', on: d('2025-03-22') }];
    const asIs = clockOn(events);
    assert.equal(asIs.clockStart, '2025-03-22');
    assert.equal(asIs.due, '2025-04-21');
    const moved = clockOn(events, LATER, resolveClockSettings({ 'receipt.rest-day': 'next-working-day' }));
    assert.equal(moved.clockStart, '2025-03-24');
    assert.equal(moved.due, '2025-04-22');
    assert.ok(moved.settingsUsed.includes('receipt.rest-day'));
  });

  test('and the after-hours setting: Thursday 03-20 18:00 → Friday 03-21', () => {
    const events: ClockEvent[] = [received, request, { type: 'correction_received', on: d('2025-03-20'), atMinutes: 18 * 60 }];
    assert.equal(clockOn(events).clockStart, '2025-03-20');
    assert.equal(clockOn(events, LATER, resolveClockSettings({ 'receipt.after-hours': 'next-working-day' })).clockStart, '2025-03-21');
  });

  test('after the period (03-27) it counts only with a justifiable reason (正当理由)', () => {
    const late: ClockEvent = { type: 'correction_received', on: d('2025-03-31') };
    assert.equal(refusalOf([received, request], late)?.code, 'CORRECTION_RECEIVED_LATE');
    assert.equal(clockOn([received, request, late]).outcome, 'outcome.other.no_correction');
    const justified: ClockEvent = { type: 'correction_received', on: d('2025-03-31'), lateReason: '申请人住院' };
    assert.equal(refusalOf([received, request], justified), undefined);
    const clock = clockOn([received, request, justified]);
    assert.equal(clock.clockStart, '2025-03-31');
    assert.equal(clock.outcome, undefined);
    assert.deepEqual(clock.notes, ['CORRECTION_LATE_JUSTIFIED']);
    assert.ok(clock.explanation.some((l) => l.includes('申请人住院')));
  });
});

describe('explanation wording (statute.md §3.1)', () => {
  test('a receipt moved by the after-hours setting cites receipt.after-hours, never receipt.rest-day', () => {
    const late: ClockEvent = { type: 'received', on: d('2024-09-27'), channel: 'online', atMinutes: 18 * 60 };
    const clock = clockOn([late], '2024-10-08', resolveClockSettings({ 'receipt.after-hours': 'next-working-day' }));
    assert.equal(clock.receivedOn, '2024-09-29');
    assert.ok(!clock.explanation.some((l) => l.includes('receipt.rest-day')), clock.explanation.join('\n'));
    assert.ok(
      clock.explanation.some(
        (l) => l.includes('顺延至下一工作日 2024-09-29（周日）') && l.includes('receipt.after-hours=next-working-day'),
      ),
    );
  });

  test('a one-day break prints as a single date', () => {
    const year = readCalendarYear(2027, {
      notices: ['测试'],
      breaks: [{ name: '清明节', from: '2027-04-05', to: '2027-04-05', workdays: [] }],
      holidays: ['2027-04-05'],
      workdays: [],
    });
    assert.ok(year.ok);
    const calendar = withCalendarYear(SHIPPED_CALENDAR, year.value);
    const clock = computeResponseClock(
      [{ type: 'received', on: d('2027-04-01'), channel: 'online' }],
      calendar,
      DEFAULT_CLOCK_SETTINGS,
      LATER,
    );
    assert.ok(clock.explanation.includes('2027-04-05 清明节放假，不计入'), clock.explanation.join('\n'));
  });
});

describe('structural refusals', () => {
  test('a 补正 period outside 1–60 working days is refused before any counting', () => {
    assert.deepEqual(codes([sept27, { type: 'correction_requested', on: d('2024-10-08'), periodWorkingDays: 99_999_999 }]), [
      'PERIOD_OUT_OF_RANGE',
    ]);
    assert.deepEqual(codes([sept27, { type: 'correction_requested', on: d('2024-10-08'), periodWorkingDays: 60 }]), []);
  });

  test('dates outside the supported years are refused even when built without parsing', () => {
    const far = { type: 'replied', on: '9999-12-31' } as unknown as ClockEvent;
    assert.deepEqual(codes([sept27, far]), ['DATE_OUT_OF_RANGE']);
  });

  test('every code is unique and every vector history has no refusal', () => {
    assert.equal(new Set(CLOCK_REFUSAL_CODES).size, CLOCK_REFUSAL_CODES.length);
    for (const vector of vectors.dueDates.filter((v) => v.kind === 'reply_due')) {
      const read = readCaseInput(vector.input);
      assert.ok(read.ok);
      assert.deepEqual(codes([...read.events]), [], vector.id);
    }
  });
});
