import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localDate } from '#core/calendar/local-date.ts';
import { SHIPPED_CALENDAR } from '#core/calendar/shipped-calendar.ts';
import type { CaseEvent } from '#core/cases/case-event.ts';
import { projectCase } from '#core/cases/project-case.ts';
import { caseContext } from '#test/factories/case-context.ts';
import { planReminders } from './plan-reminders.ts';
import { reminderCaseOf } from './reminder-case.ts';

const received: CaseEvent = { type: 'received', on: localDate('2025-09-01'), channel: 'in_person', applicantType: 'natural_person' };

test('a case waiting for the fee names that wait and its last day (20 working days after the notice, 09-28 worked)', () => {
  const events: CaseEvent[] = [received, { type: 'fee_notice_sent', on: localDate('2025-09-03') }];
  const context = caseContext('2025-09-10');
  const view = reminderCaseOf('GK-1', events, projectCase(events, context), SHIPPED_CALENDAR);
  assert.equal(view.statusLabel, '等待缴费');
  assert.deepEqual(view.waits, [{ kind: 'fee', endsOn: '2025-09-30' }]);
  const [reminder] = planReminders([view], localDate('2025-10-01'), { dueSoonWorkingDays: 3, agencyName: '某局' }, SHIPPED_CALENDAR);
  assert.equal(reminder?.kind, 'wait_lapsed');
  assert.equal(reminder?.day, '2025-09-30');
});

test('open consultations each end 15 working days after the consultee received the letter; answered ones drop out', () => {
  const events: CaseEvent[] = [
    received,
    { type: 'consultation_sent', on: localDate('2025-09-02'), consultationId: 'a' },
    { type: 'consultation_sent', on: localDate('2025-09-03'), consultationId: 'b', consulteeReceivedOn: localDate('2025-09-05') },
    { type: 'consultation_answered', on: localDate('2025-09-08'), consultationId: 'a' },
  ];
  const view = reminderCaseOf('GK-2', events, projectCase(events, caseContext('2025-09-10')), SHIPPED_CALENDAR);
  assert.equal(view.statusLabel, '征求意见中');
  assert.deepEqual(view.waits, [{ kind: 'consultation', endsOn: '2025-09-26' }]);
});

test('a case waiting for 补正 has no running due date, only the correction period', () => {
  const events: CaseEvent[] = [received, { type: 'correction_requested', on: localDate('2025-09-02') }];
  const view = reminderCaseOf('GK-3', events, projectCase(events, caseContext('2025-09-10')), SHIPPED_CALENDAR);
  assert.equal(view.due, null);
  assert.equal(view.waits[0]?.kind, 'correction');
});
