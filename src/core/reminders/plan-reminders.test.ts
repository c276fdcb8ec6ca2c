import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type LocalDate, localDate, nextDay } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import { planReminders, type ReminderCase } from './plan-reminders.ts';

const settings = { dueSoonWorkingDays: 3, agencyName: '某区人民政府办公室' };
const open = (caseCode: string, due: string | null, waits: ReminderCase['waits'] = []): ReminderCase => ({
  caseCode,
  statusLabel: '办理中',
  receivedOn: localDate('2025-09-01'),
  due: due === null ? null : localDate(due),
  waits,
});
const plan = (cases: ReminderCase[], today: string) => planReminders(cases, localDate(today), settings, SHIPPED_CALENDAR);

describe('planReminders (statute.md §10)', () => {
  // 2025-09-26 is a Friday; the 国庆 break runs 10-01…10-08 with 09-28 and 10-11 worked.
  test('due soon from the third working day before the due date, keyed by the due date', () => {
    assert.deepEqual(plan([open('A', '2025-09-26')], '2025-09-22'), []);
    const [reminder] = plan([open('A', '2025-09-26')], '2025-09-23');
    assert.equal(reminder?.kind, 'due_soon');
    assert.equal(reminder?.day, '2025-09-26');
    assert.match(reminder?.text ?? '', /还剩3个工作日/);
    assert.match(plan([open('A', '2025-09-26')], '2025-09-26')[0]?.text ?? '', /今天到期/);
  });

  test('working days, not calendar days: across the 国庆 break (09-28 worked) a case due 10-10 is due soon from 09-29', () => {
    // From 09-26: 09-28, 09-29, 09-30, 10-09, 10-10 are left (5); from 09-29: 09-30, 10-09, 10-10 (3).
    assert.deepEqual(plan([open('B', '2025-10-10')], '2025-09-26'), []);
    assert.match(plan([open('B', '2025-10-10')], '2025-09-29')[0]?.text ?? '', /还剩3个工作日/);
  });

  test('overdue the day after the due date, with the working days late; no due-soon any more', () => {
    const reminders = plan([open('C', '2025-09-26')], '2025-09-30');
    assert.deepEqual(
      reminders.map((r) => [r.kind, r.day]),
      [['overdue', '2025-09-26']],
    );
    // 09-28 (Sunday, 调休上班), 09-29 and 09-30 are working days after the due date.
    assert.match(reminders[0]?.text ?? '', /已超过3个工作日/);
  });

  test('the key day does not depend on the run day: any day of the window gives the same key', () => {
    const keys = new Set<string>();
    for (let day: LocalDate = localDate('2025-09-23'); day <= '2025-09-26'; day = nextDay(day)) {
      for (const r of plan([open('D', '2025-09-26')], day)) {
        keys.add(`${r.kind}/${r.caseCode}/${r.day}`);
      }
    }
    assert.deepEqual([...keys], ['due_soon/D/2025-09-26']);
  });

  test('a waiting case names its wait once it has lapsed, and gets no due-soon while waiting', () => {
    const waiting = open('E', '2025-09-26', [{ kind: 'fee', endsOn: localDate('2025-09-24') }]);
    assert.deepEqual(plan([waiting], '2025-09-24'), []);
    const [reminder] = plan([waiting], '2025-09-25');
    assert.equal(reminder?.kind, 'wait_lapsed');
    assert.match(reminder?.subject ?? '', /等待缴费已届满/);
    assert.match(reminder?.text ?? '', /fee_expired/);
  });

  test('a case without a running due date (waiting for 补正) gets only its wait reminder', () => {
    const c = open('F', null, [{ kind: 'correction', endsOn: localDate('2025-09-10') }]);
    assert.deepEqual(
      plan([c], '2025-09-30').map((r) => r.kind),
      ['wait_lapsed'],
    );
  });

  test('mails carry the case code and dates, never the applicant', () => {
    const [reminder] = plan([open('G', '2025-09-26')], '2025-09-29');
    assert.ok(reminder);
    assert.match(reminder.text, /申请编号：G/);
    assert.match(reminder.text, /某区人民政府办公室/);
    assert.doesNotMatch(reminder.text, /申请人：/);
  });
});
