import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type LocalDate, localDate } from '#core/calendar/local-date.ts';
import { CLOCK_REFUSAL_CODES } from '#core/statute/clock-refusal.ts';
import { caseContext } from '#test/factories/case-context.ts';
import { CASE_EVENT_TYPES, type CaseEvent, parseCaseEvent } from './case-event.ts';
import { decideCaseEvent, decideCaseHistory, REFUSAL_CODES } from './decide-case-event.ts';
import { generateCaseHistories } from './generate-case-histories.ts';
import { projectCase } from './project-case.ts';

const context = caseContext('2025-06-30');
const d = (text: string): LocalDate => localDate(text);
const received = (on = '2025-03-03'): CaseEvent => ({ type: 'received', on: d(on), channel: 'in_person', applicantType: 'natural_person' });

function refusalOf(history: readonly CaseEvent[], command: CaseEvent) {
  const decision = decideCaseEvent(history, command, context);
  assert.equal(decision.ok, false, `expected a refusal of ${command.type}`);
  return decision.ok ? undefined : decision;
}

function historyOf(...commands: CaseEvent[]): CaseEvent[] {
  const result = decideCaseHistory(commands, context);
  assert.ok(result.ok, result.ok ? '' : `${result.code}: ${result.message}`);
  return [...result.events];
}

describe('decideCaseEvent (statute.md §3)', () => {
  test('a case starts with its receipt, once', () => {
    assert.equal(refusalOf([], { type: 'replied', on: d('2025-03-03'), outcome: 'outcome.disclosed' })?.code, 'CASE_NOT_RECEIVED');
    assert.equal(refusalOf([received()], received('2025-03-04'))?.code, 'ALREADY_RECEIVED');
  });

  test('events are recorded in date order and never in the future', () => {
    const history = historyOf(received(), { type: 'consultation_sent', on: d('2025-03-10') });
    assert.equal(refusalOf(history, { type: 'extension_approved', on: d('2025-03-07'), workingDays: 5 })?.code, 'EVENT_OUT_OF_ORDER');
    assert.equal(refusalOf(history, { type: 'withdrawn', on: d('2025-07-01') })?.code, 'EVENT_IN_FUTURE');
  });

  test('补正 is notified once (一次性告知), and a correction after its period is refused: the lapse is recorded instead', () => {
    const history = historyOf(received(), { type: 'correction_requested', on: d('2025-03-05') });
    assert.equal(refusalOf(history, { type: 'correction_requested', on: d('2025-03-06') })?.code, 'CORRECTION_REPEATED');
    // Deadline: 15 working days after 2025-03-05 = 2025-03-26.
    assert.equal(projectCase(history, context).correctionDeadline, '2025-03-26');
    assert.equal(refusalOf(history, { type: 'correction_received', on: d('2025-03-27') })?.code, 'CORRECTION_LATE');
    assert.equal(refusalOf(history, { type: 'correction_expired', on: d('2025-03-26') })?.code, 'CORRECTION_PERIOD_RUNNING');
    assert.equal(refusalOf(history, { type: 'replied', on: d('2025-03-20'), outcome: 'outcome.disclosed' })?.code, 'CORRECTION_PENDING');
    const lapsed = historyOf(...history, { type: 'correction_expired', on: d('2025-03-27') });
    const project = projectCase(lapsed, context);
    assert.deepEqual([project.status, project.outcome, project.closedOn], ['abandoned', 'outcome.other.no_correction', '2025-03-27']);
  });

  test('a correction after its period with the applicant’s 正当理由 is recorded, and the clock restarts from it (条例第三十条)', () => {
    const history = historyOf(received(), { type: 'correction_requested', on: d('2025-03-05') });
    const late: CaseEvent = { type: 'correction_received', on: d('2025-03-28'), lateReason: '申请人住院' };
    const decision = decideCaseEvent(history, late, context);
    assert.ok(decision.ok, decision.ok ? '' : `${decision.code}: ${decision.message}`);
    const project = projectCase([...history, ...decision.events], context);
    assert.equal(project.open, true);
    // 20 working days after 2025-03-28: Qingming 4-4…4-6 skipped, Sunday 4-27 is a 调休 working day.
    assert.equal(project.due, '2025-04-27');
    const parsed = parseCaseEvent({ type: 'correction_received', date: '2025-03-28', lateReason: '申请人住院' });
    assert.deepEqual(parsed, { ok: true, event: late });
  });

  test('one extension of at most 20 working days, approved by the due date (条例第三十三条)', () => {
    const history = historyOf(received());
    assert.equal(refusalOf(history, { type: 'extension_approved', on: d('2025-03-10'), workingDays: 21 })?.code, 'EXTENSION_OVER_LIMIT');
    // Due: 20 working days after 2025-03-03 = 2025-03-31.
    assert.equal(refusalOf(history, { type: 'extension_approved', on: d('2025-04-01'), workingDays: 10 })?.code, 'EXTENSION_AFTER_DUE');
    assert.equal(
      refusalOf(history, { type: 'extension_approved', on: d('2025-03-28'), workingDays: 10, noticeSentOn: d('2025-04-01') })?.code,
      'EXTENSION_NOTICE_AFTER_DUE',
    );
    const extended = historyOf(...history, { type: 'extension_approved', on: d('2025-03-28'), workingDays: 10 });
    assert.equal(projectCase(extended, context).due, '2025-04-15');
    assert.equal(refusalOf(extended, { type: 'extension_approved', on: d('2025-03-29'), workingDays: 5 })?.code, 'EXTENSION_REPEATED');
  });

  test('consultations are answered by ID, not before the consultee received the letter, and expire only after 15 working days', () => {
    const history = historyOf(received(), { type: 'consultation_sent', on: d('2025-03-05'), consulteeReceivedOn: d('2025-03-07') });
    assert.deepEqual(projectCase(history, context).openConsultations, ['c1']);
    assert.equal(refusalOf(history, { type: 'consultation_answered', on: d('2025-03-06') })?.code, 'CONSULTATION_ANSWER_EARLY');
    assert.equal(
      refusalOf(history, { type: 'consultation_answered', on: d('2025-03-10'), consultationId: 'c9' })?.code,
      'CONSULTATION_NOT_OPEN',
    );
    assert.equal(refusalOf(history, { type: 'consultation_expired', on: d('2025-03-28') })?.code, 'CONSULTATION_PERIOD_RUNNING');
    const answered = decideCaseEvent(history, { type: 'consultation_answered', on: d('2025-03-10') }, context);
    assert.ok(answered.ok && answered.events[0]?.type === 'consultation_answered' && answered.events[0].consultationId === 'c1');
  });

  test('a 第三十五条 deadline needs the request for reasons, a working day, and no earlier than the statutory due date', () => {
    const history = historyOf(received());
    assert.equal(
      refusalOf(history, { type: 'delayed_deadline_set', on: d('2025-03-10'), deadline: d('2025-05-06') })?.code,
      'REASONS_NOT_REQUESTED',
    );
    const asked = historyOf(received(), { type: 'reasons_requested', on: d('2025-03-05') });
    assert.equal(
      refusalOf(asked, { type: 'delayed_deadline_set', on: d('2025-03-10'), deadline: d('2025-05-03') })?.code,
      'DELAYED_DEADLINE_INVALID',
    );
    assert.equal(
      refusalOf(asked, { type: 'delayed_deadline_set', on: d('2025-03-10'), deadline: d('2025-03-20') })?.code,
      'DELAYED_DEADLINE_INVALID',
    );
    const set = historyOf(...asked, { type: 'delayed_deadline_set', on: d('2025-03-10'), deadline: d('2025-05-06') });
    assert.equal(projectCase(set, context).due, '2025-05-06');
  });

  test('fees: paid by the deadline or lapsed after it; no reply while payment is awaited', () => {
    const history = historyOf(received(), { type: 'fee_notice_sent', on: d('2025-03-05') });
    assert.equal(refusalOf(history, { type: 'replied', on: d('2025-03-10'), outcome: 'outcome.disclosed' })?.code, 'FEE_PENDING');
    assert.equal(refusalOf(history, { type: 'fee_expired', on: d('2025-04-02') })?.code, 'FEE_PERIOD_RUNNING');
    assert.equal(refusalOf(history, { type: 'fee_paid', on: d('2025-04-03') })?.code, 'FEE_PAID_LATE');
    const lapsed = historyOf(...history, { type: 'fee_expired', on: d('2025-04-03') });
    assert.deepEqual(
      [projectCase(lapsed, context).outcome, projectCase(lapsed, context).closedOn],
      ['outcome.other.fee_unpaid', '2025-04-03'],
    );
  });

  test('a reply carries one outcome; lapses close by their own event; a closed case takes only delivery and reopening', () => {
    const history = historyOf(received());
    assert.equal(
      refusalOf(history, { type: 'replied', on: d('2025-03-10'), outcome: 'outcome.other.no_correction' })?.code,
      'OUTCOME_NEEDS_EVENT',
    );
    assert.equal(
      refusalOf(history, { type: 'replied', on: d('2025-03-10'), outcome: 'outcome.unavailable.unclear_after_correction' })?.code,
      'OUTCOME_NEEDS_EVENT',
    );
    const replied = historyOf(received(), { type: 'replied', on: d('2025-03-10'), outcome: 'outcome.partial' });
    const project = projectCase(replied, context);
    assert.deepEqual(
      [project.status, project.outcome, project.closedOn, project.clockState],
      ['replied', 'outcome.partial', '2025-03-10', 'closed'],
    );
    assert.equal(refusalOf(replied, { type: 'withdrawn', on: d('2025-03-11') })?.code, 'CASE_CLOSED');
    assert.equal(refusalOf(history, { type: 'delivered', on: d('2025-03-11') })?.code, 'NOT_REPLIED');
    assert.equal(refusalOf(history, { type: 'reopened', on: d('2025-03-11') })?.code, 'CASE_NOT_CLOSED');
    const reopened = historyOf(
      ...replied,
      { type: 'reopened', on: d('2025-03-12') },
      { type: 'replied', on: d('2025-03-14'), outcome: 'outcome.disclosed' },
    );
    assert.deepEqual(
      [projectCase(reopened, context).outcome, projectCase(reopened, context).closedOn],
      ['outcome.disclosed', '2025-03-14'],
    );
  });

  test('a refused command changes nothing: random commands on generated histories never alter the projection', () => {
    const histories = generateCaseHistories({ seed: 7, count: 40, from: d('2025-01-02'), to: d('2025-06-20'), context });
    const arbitraryCommand = fc
      .record({
        type: fc.constantFrom(...CASE_EVENT_TYPES),
        days: fc.integer({ min: -5, max: 60 }),
        workingDays: fc.integer({ min: 1, max: 30 }),
      })
      .map(({ type, days, workingDays }) => ({ type, days, workingDays }));
    fc.assert(
      fc.property(fc.constantFrom(...histories), arbitraryCommand, (history, { type, days, workingDays }) => {
        const last = history.at(-1)!.on;
        const on = new Date(Date.parse(`${last}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const parsed = parseCaseEvent({
          type,
          date: on,
          workingDays,
          outcome: 'outcome.disclosed',
          deadline: on,
          channel: 'fax',
          applicantType: 'other_org',
        });
        fc.pre(parsed.ok);
        const before = JSON.stringify(history);
        const projectionBefore = projectCase(history, context);
        const decision = decideCaseEvent(history, parsed.ok ? parsed.event : history[0]!, context);
        assert.equal(JSON.stringify(history), before);
        if (!decision.ok) {
          assert.ok([...REFUSAL_CODES, ...CLOCK_REFUSAL_CODES].includes(decision.code as never), decision.code);
          assert.match(decision.message, /[\u4e00-\u9fff]/);
          assert.deepEqual(projectCase(history, context), projectionBefore);
        } else {
          assert.ok(decision.events.length === 1 && decision.events[0]!.type === type);
        }
      }),
      { numRuns: 300 },
    );
  });
});
