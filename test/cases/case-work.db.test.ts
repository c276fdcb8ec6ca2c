// The console's case-work use cases on a real database (PGlite, and PostgreSQL when DATABASE_URL is
// set): the queue's filters, order and pages, and the case page's timeline, clock and allowed events.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createCaseWorkStore } from '#adapters/db/case-work-store.ts';
import { assignCaseOfficer } from '#app/cases/assign-case-officer.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { getCaseWorkspace } from '#app/cases/get-case-workspace.ts';
import { type CaseWorkDeps, listCaseQueue } from '#app/cases/list-case-queue.ts';
import { recordCaseEvent } from '#app/cases/record-case-event.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgency, depsOn, VALID_PERSON } from './case-fixtures.ts';

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) {
      return error;
    }
    throw error;
  }
  assert.fail('expected a DomainError');
}

forEachEngine('console case work (queue, case page)', ({ database }) => {
  let deps: CaseWorkDeps;
  let agencyA: { slug: string; id: number };
  let agencyB: { slug: string; id: number };
  const code: Record<string, string> = {};

  before(async () => {
    const { db, pool } = await database();
    deps = { ...depsOn(db), work: createCaseWorkStore(db) };
    agencyA = await addAgency(pool, '甲局');
    agencyB = await addAgency(pool, '乙局');
    const enter = async (agency: string, received: string, channel = 'post_signed') =>
      (
        await createApplication(deps, {
          agencySlug: agency,
          applicant: VALID_PERSON,
          description: '申请公开某文件',
          delivery: 'post',
          channel,
          received,
          actor: 'clerk',
        })
      ).caseCode;
    // Today is 2025-06-30 (Monday); due soon = at most 3 working days left = due by 2025-07-03.
    code['overdue'] = await enter(agencyA.slug, '2025-05-06'); // due 2025-06-04
    code['later'] = await enter(agencyA.slug, '2025-06-24'); // due in late July
    code['soon'] = await enter(agencyA.slug, '2025-06-03'); // 端午 5-31…6-2: due 2025-07-01
    code['lapsed'] = await enter(agencyA.slug, '2025-05-06');
    await recordCaseEvent(deps, { caseCode: code['lapsed'], event: { type: 'correction_requested', date: '2025-05-07' }, actor: 'li' });
    code['closed'] = await enter(agencyA.slug, '2025-06-02');
    await recordCaseEvent(deps, {
      caseCode: code['closed'],
      event: { type: 'replied', date: '2025-06-10', outcome: 'outcome.disclosed' },
      actor: 'li',
    });
    code['other'] = await enter(agencyB.slug, '2025-05-06');
  });

  const codes = (queue: { items: readonly { caseCode: string }[] }) => queue.items.map((row) => row.caseCode);

  test('the open queue of one agency, earliest deadline first: the lapsed 补正 (deadline in May), then the reply due 6-4, 7-1, late July', async () => {
    const queue = await listCaseQueue(deps, { agencyIds: [agencyA.id] });
    assert.deepEqual(codes(queue), [code['lapsed'], code['overdue'], code['soon'], code['later']]);
    assert.equal(queue.total, 4);
    assert.equal(queue.today, '2025-06-30');
    assert.deepEqual(
      queue.items.map((row) => row.urgency),
      ['overdue', 'overdue', 'due_soon', 'on_time'],
    );
    assert.equal(queue.items[1]?.due, '2025-06-04');
    assert.equal(queue.items[2]?.due, '2025-07-01');
    assert.ok(!codes(queue).includes(code['other']!), 'another agency’s case is not listed');
  });

  test('filters: 已逾期, 即将到期, state, closed and all, search by part of the case code', async () => {
    assert.deepEqual(codes(await listCaseQueue(deps, { agencyIds: [agencyA.id], due: 'overdue' })), [code['lapsed'], code['overdue']]);
    assert.deepEqual(codes(await listCaseQueue(deps, { agencyIds: [agencyA.id], due: 'soon' })), [code['soon']]);
    assert.deepEqual(codes(await listCaseQueue(deps, { agencyIds: [agencyA.id], state: 'awaiting_correction' })), [code['lapsed']]);
    assert.deepEqual(codes(await listCaseQueue(deps, { agencyIds: [agencyA.id], state: 'closed' })), [code['closed']]);
    const all = await listCaseQueue(deps, { agencyIds: [agencyA.id], state: 'all' });
    assert.equal(all.total, 5);
    assert.equal(codes(all).at(-1), code['closed'], 'closed cases after the open ones');
    const digits = code['later']!.slice(-6);
    assert.deepEqual(codes(await listCaseQueue(deps, { agencyIds: [agencyA.id], q: ` ${digits.toLowerCase()} ` })), [code['later']]);
    assert.deepEqual(codes(await listCaseQueue(deps, { agencyIds: [agencyA.id], q: '%' })), [], 'a % is a character, not a pattern');
    const both = await listCaseQueue(deps, { agencyIds: [agencyA.id, agencyB.id], due: 'overdue' });
    assert.deepEqual(new Set(codes(both)), new Set([code['lapsed'], code['overdue'], code['other']]));
  });

  test('the 承办人 filter: one officer’s cases, or the unassigned ones; the officers are listed for the filter', async () => {
    const { pool } = await database();
    await pool.query("insert into users (username, password_hash) values ('li-officer', 'x')");
    const user = await pool.query<{ id: number }>("select id from users where username = 'li-officer'");
    await pool.query("insert into user_roles (user_id, agency_id, role) values ($1, $2, 'officer')", [user.rows[0]!.id, agencyA.id]);
    await assignCaseOfficer(deps, { caseCode: code['soon']!, officer: 'li-officer', actor: 'chief' });
    const mine = await listCaseQueue(deps, { agencyIds: [agencyA.id], officer: 'li-officer' });
    assert.deepEqual(codes(mine), [code['soon']]);
    assert.equal(mine.items[0]?.officer, 'li-officer');
    assert.deepEqual(mine.officers, ['li-officer']);
    const unassigned = await listCaseQueue(deps, { agencyIds: [agencyA.id], officer: 'none' });
    assert.deepEqual(codes(unassigned), [code['lapsed'], code['overdue'], code['later']]);
    assert.deepEqual(codes(await listCaseQueue(deps, { agencyIds: [agencyA.id], officer: 'nobody' })), []);
    await assignCaseOfficer(deps, { caseCode: code['soon']!, officer: null, actor: 'chief' });
  });

  test('pages of two: page 2 continues in the same order, pageCount from the total', async () => {
    const first = await listCaseQueue(deps, { agencyIds: [agencyA.id], pageSize: 2 });
    const second = await listCaseQueue(deps, { agencyIds: [agencyA.id], pageSize: 2, page: '2' });
    assert.deepEqual([...codes(first), ...codes(second)], [code['lapsed'], code['overdue'], code['soon'], code['later']]);
    assert.deepEqual([first.pageCount, second.page, second.total], [2, 2, 4]);
  });

  test('bad filter values are refused with a message per field, never widened', async () => {
    const error = await rejection(listCaseQueue(deps, { agencyIds: [agencyA.id], state: 'lost', due: 'tomorrow', page: '0' }));
    assert.equal(error.code, 'INVALID_INPUT');
    assert.deepEqual(Object.keys(error.details['fields'] as object).sort(), ['due', 'page', 'state']);
  });

  test('the case page: timeline with actor and time, today’s clock (已逾期 18 个工作日 after 6-4), allowed events', async () => {
    const workspace = await getCaseWorkspace(deps, { caseCode: code['overdue']!, agencyIds: [agencyA.id] });
    assert.equal(workspace.case.caseCode, code['overdue']);
    assert.deepEqual(workspace.case.applicant, VALID_PERSON);
    assert.deepEqual(
      workspace.timeline.map((r) => [r.seq, r.event.type, r.actor]),
      [[1, 'received', 'clerk']],
    );
    assert.ok(!Number.isNaN(Date.parse(workspace.timeline[0]!.recordedAt)));
    // Working days after 6-4 up to 6-30: 6-5, 6-6, three weeks of five, 6-30 = 18.
    assert.equal(workspace.clock.overdue, true);
    assert.equal(workspace.clock.overdueWorkingDays, 18);
    assert.equal(workspace.clock.due, '2025-06-04');
    assert.ok(workspace.clock.explanation.summary.some((line) => line.includes('已逾期 18 个工作日')));
    assert.ok(workspace.clock.explanation.steps.some((step) => step.includes('2025-06-04')));
    assert.ok(workspace.allowed.includes('replied'));
    assert.ok(!workspace.allowed.includes('delivered'));
    const lapsed = await getCaseWorkspace(deps, { caseCode: code['lapsed']!, agencyIds: [agencyA.id] });
    assert.deepEqual(
      lapsed.timeline.map((r) => [r.event.type, r.actor]),
      [
        ['received', 'clerk'],
        ['correction_requested', 'li'],
      ],
    );
    assert.deepEqual(lapsed.allowed, ['correction_received', 'correction_expired', 'withdrawn']);
    assert.equal(lapsed.clock.overdue, true);
  });

  test('a case of another agency is NOT_FOUND, alike an unknown one', async () => {
    const other = await rejection(getCaseWorkspace(deps, { caseCode: code['other']!, agencyIds: [agencyA.id] }));
    const unknown = await rejection(getCaseWorkspace(deps, { caseCode: 'GK2025-999999', agencyIds: [agencyA.id] }));
    assert.deepEqual([other.code, unknown.code], ['NOT_FOUND', 'NOT_FOUND']);
  });

  test('staff entry records the channel and the real arrival time (the office-hours rule reads it); a bad time is refused', async () => {
    const created = await createApplication(deps, {
      agencySlug: agencyA.slug,
      applicant: VALID_PERSON,
      description: '传真申请',
      delivery: 'post',
      channel: 'fax',
      received: '2025-06-27',
      receivedTime: '16:45',
      actor: 'clerk',
    });
    const workspace = await getCaseWorkspace(deps, { caseCode: created.caseCode, agencyIds: [agencyA.id] });
    assert.deepEqual(workspace.timeline[0]?.event, {
      type: 'received',
      on: '2025-06-27',
      channel: 'fax',
      applicantType: 'natural_person',
      atMinutes: 16 * 60 + 45,
    });
    const bad = await rejection(
      createApplication(deps, {
        agencySlug: agencyA.slug,
        applicant: VALID_PERSON,
        description: '传真申请',
        delivery: 'post',
        channel: 'fax',
        received: '2025-06-27',
        receivedTime: '25:00',
        actor: 'clerk',
      }),
    );
    assert.deepEqual(Object.keys(bad.details['fields'] as object), ['receivedTime']);
  });
});
