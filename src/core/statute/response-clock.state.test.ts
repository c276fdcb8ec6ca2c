import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { type ClockEvent, validateClockEvents } from './clock-event.ts';
import { DEFAULT_CLOCK_SETTINGS, resolveClockSettings } from './clock-settings.ts';
import { computeResponseClock } from './response-clock.ts';

const d = localDate;
const clockOn = (events: ClockEvent[], today: string, settings = DEFAULT_CLOCK_SETTINGS) =>
  computeResponseClock(events, SHIPPED_CALENDAR, settings, d(today));
const receivedFri: ClockEvent = { type: 'received', on: d('2024-09-27'), channel: 'online' };

describe('clock state on a given day (statute.md §3)', () => {
  test('the issue example: 09-29 (Sun) is working day 1, 国庆 skipped, 10-12 (Sat) counted', () => {
    const clock = clockOn([receivedFri], '2024-10-08');
    assert.equal(clock.due, '2024-10-30');
    assert.ok(clock.explanation.includes('2024-09-29（周日）调休上班（国庆节），计为第1个工作日'));
    assert.ok(clock.explanation.includes('2024-10-01至2024-10-07 国庆节放假，不计入'));
    assert.ok(clock.explanation.includes('2024-10-12（周六）调休上班（国庆节），计为第7个工作日'));
  });

  test('the due-soon threshold is a setting', () => {
    assert.equal(clockOn([receivedFri], '2024-10-23').state, 'on_time');
    assert.equal(clockOn([receivedFri], '2024-10-23', resolveClockSettings({ 'clock.due-soon-working-days': '5' })).state, 'due_soon');
  });

  test('a reply closes the clock; a late reply is flagged REPLIED_LATE', () => {
    const onTime = clockOn([receivedFri, { type: 'replied', on: d('2024-10-29') }], '2024-11-30');
    assert.equal(onTime.state, 'closed');
    assert.equal(onTime.workingDaysLeft, 1);
    const late = clockOn([receivedFri, { type: 'replied', on: d('2024-11-04') }], '2024-11-30');
    assert.deepEqual(late.notes, ['REPLIED_LATE']);
  });

  test('补正 pending: the clock is paused with no due date until the corrected application arrives (第三十条)', () => {
    const events: ClockEvent[] = [receivedFri, { type: 'correction_requested', on: d('2024-10-08'), periodWorkingDays: 10 }];
    const waiting = clockOn(events, '2024-10-15');
    assert.equal(waiting.state, 'paused');
    assert.equal(waiting.due, null);
    // 10 working days after Tue 10-08, Saturday 10-12 being a 调休 working day.
    assert.equal(waiting.correctionDeadline, '2024-10-21');
    assert.equal(clockOn(events, '2024-10-21').state, 'paused');
    const lapsed = clockOn(events, '2024-10-22');
    assert.equal(lapsed.state, 'closed');
    assert.equal(lapsed.outcome, 'outcome.other.no_correction');
    assert.equal(lapsed.closedOn, '2024-10-22');
  });

  test('a second 补正 notice is refused (一次性告知) and the first one governs', () => {
    const clock = clockOn(
      [
        receivedFri,
        { type: 'correction_requested', on: d('2024-10-08'), periodWorkingDays: 10 },
        { type: 'correction_requested', on: d('2024-10-10'), periodWorkingDays: 15 },
        { type: 'correction_received', on: d('2024-10-14') },
      ],
      '2024-10-15',
    );
    assert.deepEqual(clock.notes, ['CORRECTION_REPEATED']);
    assert.equal(clock.correctionDeadline, '2024-10-21');
    assert.equal(clock.clockStart, '2024-10-14');
  });

  test('the default 补正 period is the setting correction.period-working-days, named in the explanation', () => {
    const events: ClockEvent[] = [receivedFri, { type: 'correction_requested', on: d('2024-10-08') }];
    const clock = clockOn(events, '2024-10-09', resolveClockSettings({ 'correction.period-working-days': '5' }));
    assert.equal(clock.correctionDeadline, '2024-10-14');
    assert.ok(clock.explanation.at(-1)!.includes('correction.period-working-days=5'));
  });

  test('unpaid fee inside the payment window pauses the clock; after it the case closes as （六）2.', () => {
    const events: ClockEvent[] = [
      { type: 'received', on: d('2025-03-03'), channel: 'online' },
      { type: 'fee_notice_sent', on: d('2025-03-10'), noticeReceivedOn: d('2025-03-11') },
    ];
    assert.equal(clockOn(events, '2025-03-20').state, 'paused');
    const closed = clockOn(events, '2025-04-10');
    assert.equal(closed.outcome, 'outcome.other.fee_unpaid');
    assert.equal(closed.closedOn, '2025-04-10');
  });

  test('consultation window may start at the consultee receipt instead of dispatch (CONSULT-WINDOW setting)', () => {
    const events: ClockEvent[] = [
      { type: 'received', on: d('2024-03-01'), channel: 'in_person' },
      { type: 'consultation_sent', on: d('2024-03-05'), consulteeReceivedOn: d('2024-03-07') },
      { type: 'consultation_answered', on: d('2024-03-19') },
    ];
    const dispatch = clockOn(events, '2024-06-01');
    const receipt = clockOn(events, '2024-06-01', resolveClockSettings({ 'consultation.window-start': 'consultee-receipt' }));
    assert.equal(dispatch.excludedWorkingDays, 10);
    assert.equal(receipt.excludedWorkingDays, 8);
  });

  test('a 第三十五条 delayed deadline replaces the computed due date', () => {
    const clock = clockOn([receivedFri, { type: 'delayed_deadline_set', on: d('2024-10-20'), deadline: d('2024-12-31') }], '2024-11-30');
    assert.equal(clock.due, '2024-12-31');
    assert.equal(clock.extendedDue, null);
    assert.equal(clock.state, 'on_time');
  });

  test('after-hours receipt moves only when the setting says so', () => {
    const late: ClockEvent = { type: 'received', on: d('2024-09-27'), channel: 'online', atMinutes: 18 * 60 };
    assert.equal(clockOn([late], '2024-10-08').receivedOn, '2024-09-27');
    const moved = clockOn([late], '2024-10-08', resolveClockSettings({ 'receipt.after-hours': 'next-working-day' }));
    assert.equal(moved.receivedOn, '2024-09-29');
    assert.equal(moved.due, '2024-10-31');
  });

  test('events before receipt, or a correction without a request, are reported in Chinese', () => {
    const problems = validateClockEvents([receivedFri, { type: 'correction_received', on: d('2024-09-01') }]);
    assert.equal(problems.length, 2);
    assert.match(problems.join(''), /早于收到申请之日/);
    assert.deepEqual(validateClockEvents([]), ['缺少“收到申请”（received）事件，无法起算']);
  });
});
