import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localDate } from '#core/calendar/local-date.ts';
import { caseContext } from '#test/factories/case-context.ts';
import type { CaseEvent } from './case-event.ts';
import { caseUrgency, isOverdueOn, type UrgencyDates } from './case-urgency.ts';
import { projectCase } from './project-case.ts';

const today = localDate('2025-04-10');
const soonBy = localDate('2025-04-15');
const open = (over: Partial<UrgencyDates>): UrgencyDates => ({
  isOpen: true,
  status: 'processing',
  due: null,
  correctionDeadline: null,
  feePaymentDue: null,
  ...over,
});

test('a reply due yesterday is overdue, today or within the due-soon days is due soon, later is on time', () => {
  assert.equal(caseUrgency(open({ due: localDate('2025-04-09') }), today, soonBy), 'overdue');
  assert.equal(caseUrgency(open({ due: today }), today, soonBy), 'due_soon');
  assert.equal(caseUrgency(open({ due: soonBy }), today, soonBy), 'due_soon');
  assert.equal(caseUrgency(open({ due: localDate('2025-04-16') }), today, soonBy), 'on_time');
  assert.equal(caseUrgency({ ...open({ due: localDate('2025-03-01') }), isOpen: false, status: 'replied' }, today, soonBy), 'closed');
});

test('a lapsed 补正 or fee period not yet recorded makes the case overdue (the lapse must be recorded)', () => {
  assert.equal(isOverdueOn(open({ status: 'awaiting_correction', correctionDeadline: localDate('2025-04-09') }), today), true);
  assert.equal(isOverdueOn(open({ status: 'awaiting_correction', correctionDeadline: today }), today), false);
  assert.equal(
    isOverdueOn(open({ status: 'awaiting_fee', due: localDate('2025-05-30'), feePaymentDue: localDate('2025-04-09') }), today),
    true,
  );
  // A paid fee's date no longer matters.
  assert.equal(
    isOverdueOn(open({ status: 'processing', due: localDate('2025-05-30'), feePaymentDue: localDate('2025-04-09') }), today),
    false,
  );
});

test('agrees with the clock: overdue exactly when projectCase says overdue', () => {
  const received: CaseEvent = { type: 'received', on: localDate('2025-03-03'), channel: 'in_person', applicantType: 'natural_person' };
  const histories: CaseEvent[][] = [
    [received],
    [received, { type: 'correction_requested', on: localDate('2025-03-05') }],
    [received, { type: 'fee_notice_sent', on: localDate('2025-03-05') }],
    [received, { type: 'extension_approved', on: localDate('2025-03-05'), workingDays: 20 }],
  ];
  for (const day of ['2025-03-20', '2025-03-26', '2025-03-27', '2025-03-31', '2025-04-01', '2025-04-03', '2025-04-30']) {
    const context = caseContext(day);
    for (const history of histories) {
      const p = projectCase(history, context);
      const row = {
        isOpen: p.open,
        status: p.status,
        due: p.due,
        correctionDeadline: p.correctionDeadline,
        feePaymentDue: p.feePaymentDue,
      };
      assert.equal(isOverdueOn(row, context.today), p.clockState === 'overdue', `${day} ${history.at(-1)?.type}`);
    }
  }
});
