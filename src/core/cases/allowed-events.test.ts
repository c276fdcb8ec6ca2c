import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDate } from '#core/calendar/local-date.ts';
import { caseContext } from '#test/factories/case-context.ts';
import { allowedEvents } from './allowed-events.ts';
import type { CaseEvent } from './case-event.ts';
import { generateCaseHistories } from './generate-case-histories.ts';
import { projectCase } from './project-case.ts';

const received: CaseEvent = { type: 'received', on: localDate('2025-03-03'), channel: 'in_person', applicantType: 'natural_person' };
const on = (text: string) => localDate(text);
const allowed = (history: readonly CaseEvent[], today: string) => allowedEvents(history, caseContext(today));

/** What a case just received may do next (statute.md §3): everything but answers to things never sent. */
const FRESH = [
  'correction_requested',
  'consultation_sent',
  'extension_approved',
  'reasons_requested',
  'fee_notice_sent',
  'withdrawn',
  'replied',
];

describe('allowedEvents: the console offers exactly the events decideCaseEvent accepts', () => {
  test('a case with no events may only be received', () => {
    assert.deepEqual(allowed([], '2025-03-10'), ['received']);
  });

  test('a case just received: 补正, consultation, extension, 说明理由, fee notice, withdrawal or reply — nothing that answers an unsent request', () => {
    assert.deepEqual(allowed([received], '2025-03-10'), FRESH);
  });

  test('waiting for 补正 (条例第三十条): only the correction or a withdrawal; the lapse only once the deadline 2025-03-26 has passed', () => {
    const history: CaseEvent[] = [received, { type: 'correction_requested', on: on('2025-03-05') }];
    assert.deepEqual(allowed(history, '2025-03-26'), ['correction_received', 'withdrawn']);
    assert.deepEqual(allowed(history, '2025-03-27'), ['correction_received', 'correction_expired', 'withdrawn']);
  });

  test('a consultation is answered at any time, and may be recorded as lapsed only after 15 working days (2025-03-26)', () => {
    const history: CaseEvent[] = [received, { type: 'consultation_sent', on: on('2025-03-05'), kind: 'third_party', consultationId: 'c1' }];
    const before = allowed(history, '2025-03-26');
    assert.ok(before.includes('consultation_answered'));
    assert.ok(!before.includes('consultation_expired'));
    assert.ok(allowed(history, '2025-03-27').includes('consultation_expired'));
  });

  test('a fee notice blocks the reply until the fee is paid or its period (to 2025-04-02) has lapsed', () => {
    const history: CaseEvent[] = [received, { type: 'fee_notice_sent', on: on('2025-03-05') }];
    const during = allowed(history, '2025-03-20');
    assert.ok(during.includes('fee_paid'));
    assert.ok(!during.includes('fee_expired'));
    assert.ok(!during.includes('replied'));
    assert.ok(!during.includes('fee_notice_sent'));
    assert.ok(allowed(history, '2025-04-03').includes('fee_expired'));
  });

  test('once-only requests disappear once made: extension (第三十三条), 说明理由 then 另定期限 (第三十五条)', () => {
    const extended: CaseEvent[] = [received, { type: 'extension_approved', on: on('2025-03-05'), workingDays: 10 }];
    assert.ok(!allowed(extended, '2025-03-10').includes('extension_approved'));
    const reasons: CaseEvent[] = [received, { type: 'reasons_requested', on: on('2025-03-05') }];
    const afterReasons = allowed(reasons, '2025-03-10');
    assert.ok(afterReasons.includes('delayed_deadline_set'));
    assert.ok(!afterReasons.includes('reasons_requested'));
    assert.ok(!allowed([received], '2025-03-10').includes('delayed_deadline_set'));
  });

  test('a replied case may be delivered once and reopened; a withdrawn one only reopened', () => {
    const replied: CaseEvent[] = [received, { type: 'replied', on: on('2025-03-05'), outcome: 'outcome.disclosed' }];
    assert.deepEqual(allowed(replied, '2025-04-10'), ['delivered', 'reopened']);
    assert.deepEqual(allowed([...replied, { type: 'delivered', on: on('2025-03-06') }], '2025-04-10'), ['reopened']);
    assert.deepEqual(allowed([received, { type: 'withdrawn', on: on('2025-03-05') }], '2025-04-10'), ['reopened']);
  });

  test('over generated histories: open cases may always be withdrawn and never reopened; closed ones the reverse; no reply while 补正 or a fee is pending', () => {
    const context = caseContext('2025-12-31');
    const histories = generateCaseHistories({ seed: 8, count: 150, from: on('2025-01-02'), to: on('2025-12-20'), context });
    for (const history of histories) {
      const project = projectCase(history, context);
      const events = allowedEvents(history, context);
      assert.equal(events.includes('withdrawn'), project.open, JSON.stringify(history));
      assert.equal(events.includes('reopened'), !project.open, JSON.stringify(history));
      if (project.status === 'awaiting_correction' || project.status === 'awaiting_fee') {
        assert.ok(!events.includes('replied'), JSON.stringify(history));
      }
      assert.ok(!events.includes('received'));
    }
  });
});
