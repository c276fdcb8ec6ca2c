import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { caseContext } from '#test/factories/case-context.ts';
import { parseCaseImportLine } from './case-import-line.ts';

const context = caseContext('2025-06-30');
const line = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    externalId: 'A-1',
    channel: 'online',
    received: '2025-03-03',
    applicantType: 'commercial_enterprise',
    events: [{ type: 'replied', date: '2025-03-20', outcome: 'outcome.disclosed' }],
    outcome: 'outcome.disclosed',
    ...overrides,
  });

function problemsOf(text: string): string {
  const result = parseCaseImportLine(text, context);
  assert.equal(result.ok, false, text);
  return result.ok ? '' : result.problems.join('\n');
}

describe('case import line (issue #7 Contracts)', () => {
  test('a valid line gives the case with its receipt event first and its projection', () => {
    const result = parseCaseImportLine(line(), context);
    assert.ok(result.ok);
    assert.deepEqual(
      result.case.events.map((e) => e.type),
      ['received', 'replied'],
    );
    assert.deepEqual(
      [result.case.projection.applicantType, result.case.projection.outcome, result.case.projection.closedOn],
      ['commercial_enterprise', 'outcome.disclosed', '2025-03-20'],
    );
  });

  test('an explicit received event is accepted when it agrees with the line', () => {
    const result = parseCaseImportLine(line({ events: [{ type: 'received', date: '2025-03-03' }], outcome: null }), context);
    assert.ok(result.ok && result.case.projection.open && result.case.events.length === 1);
    assert.match(problemsOf(line({ events: [{ type: 'received', date: '2025-03-04' }], outcome: null })), /不一致/);
  });

  test('bad JSON, impossible dates, unknown IDs, events out of order and outcome/reply disagreement are each reported', () => {
    assert.match(problemsOf('{"externalId": "A-1",'), /不是有效的 JSON/);
    assert.match(problemsOf(line({ received: '2025-02-30' })), /“received”不是有效日期/);
    assert.match(
      problemsOf(line({ events: [{ type: 'replied', date: '2025-13-01', outcome: 'outcome.disclosed' }] })),
      /第1个事件：“date”不是有效日期/,
    );
    assert.match(problemsOf(line({ applicantType: 'company' })), /未知的“applicantType”/);
    assert.match(problemsOf(line({ channel: 'pigeon' })), /未知的“channel”/);
    assert.match(problemsOf(line({ events: [{ type: 'answered', date: '2025-03-20' }] })), /未知的事件类型/);
    assert.match(problemsOf(line({ outcome: 'outcome.withheld' })), /未知的“outcome”/);
    assert.match(
      problemsOf(
        line({
          events: [
            { type: 'consultation_sent', date: '2025-03-10' },
            { type: 'extension_approved', date: '2025-03-07', workingDays: 5 },
          ],
          outcome: null,
        }),
      ),
      /第2个事件（延期批准）.*EVENT_OUT_OF_ORDER/,
    );
    assert.match(problemsOf(line({ outcome: 'outcome.partial' })), /与答复事件的结果（outcome.disclosed）不一致/);
    assert.match(problemsOf(line({ events: [], outcome: 'outcome.disclosed' })), /尚未办结，outcome 应为 null/);
    assert.match(problemsOf(line({ externalId: '' })), /externalId/);
  });

  test('a lapse without a reply gives its outcome, which the line must state', () => {
    const events = [
      { type: 'correction_requested', date: '2025-03-05' },
      { type: 'correction_expired', date: '2025-03-27' },
    ];
    const result = parseCaseImportLine(line({ events, outcome: 'outcome.other.no_correction' }), context);
    assert.ok(result.ok && result.case.projection.status === 'abandoned');
    assert.match(problemsOf(line({ events, outcome: null })), /结果为 outcome.other.no_correction/);
  });
});
