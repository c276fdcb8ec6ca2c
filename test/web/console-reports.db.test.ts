// The console's 年度报告 pages through the app's fetch handler on both engines (issue #8): the 表二
// form (a bad value re-renders 422 with the message beside the cell and nothing saved; findings
// beside the cells they concern), 表三 compiled read-only with each row's source, the narrative form,
// the workflow through the buttons (only the allowed ones shown; 退回 needs a reason; an invalid
// transition answers a Chinese message and changes nothing), and denials by role and agency.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { addUser } from '#app/identity/manage-users.ts';
import { forEachEngine, type TestDatabase } from '#test/db-harness.ts';
import { addAgencies, PASSWORD, type StaffClient, staffClient, type WebFixture, webFixture } from './console-harness.ts';

const START = new Date('2026-03-02T02:00:00Z');
const BASE = '/console/reports/dept-a/2025';

const CASES = [
  { externalId: 'R1', received: '2025-03-03', applicantType: 'natural_person', outcome: 'outcome.disclosed', on: '2025-03-20' },
  { externalId: 'R2', received: '2025-04-01', applicantType: 'legal_service_org', outcome: 'outcome.partial', on: '2025-04-15' },
]
  .map((c) =>
    JSON.stringify({
      externalId: c.externalId,
      channel: 'online',
      received: c.received,
      applicantType: c.applicantType,
      events: [{ type: 'replied', date: c.on, outcome: c.outcome }],
      outcome: c.outcome,
    }),
  )
  .join('\n');

forEachEngine('console annual reports', ({ database }) => {
  let db: TestDatabase;
  let fx: WebFixture;
  const people = new Map<string, StaffClient>();

  /** The signed-in browser of a user (signed in once). */
  const as = async (username: string) => {
    let client = people.get(username);
    if (client === undefined) {
      client = staffClient(fx.app);
      assert.equal((await client.signIn(username)).status, 303, username);
      people.set(username, client);
    }
    return client;
  };
  const formOf = async (client: StaffClient, path: string) => {
    const page = await (await client.get(path)).text();
    return {
      page,
      csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '',
      revision: /name="revision" value="(\d+)"/.exec(page)?.[1] ?? '',
    };
  };
  const post = async (username: string, path: string, form: string, fields: Record<string, string>) => {
    const client = await as(username);
    const { csrf, revision } = await formOf(client, form);
    return client.post(path, { _csrf: csrf, revision, ...fields });
  };
  const state = async () =>
    (await db.pool.query<{ state: string; revision: number }>('select state, revision from report_workflows where year = 2025')).rows[0];
  const entries = async () =>
    (await db.pool.query<{ key: string; value: string }>('select key, value from report_entries where year = 2025 order by key')).rows.map(
      (r) => [r.key, r.value],
    );

  before(async () => {
    db = await database();
    await addAgencies(db, [
      ['city', null],
      ['dept-a', 'city'],
      ['other', null],
    ]);
    fx = await webFixture(db, { start: START });
    const users: [string, string, string][] = [
      ['wang', 'dept-a', 'officer'],
      ['zhao', 'dept-a', 'reviewer'],
      ['qian', 'dept-a', 'agency_admin'],
      ['zhou', 'city', 'supervisor'],
      ['wu', 'other', 'agency_admin'],
    ];
    for (const [username, agency, role] of users) {
      await addUser(fx.identity, { username, agency, role, password: PASSWORD });
    }
    const imported = await importCases(
      { cases: createCaseStore(db.db), clock: { now: () => START } },
      { agencySlug: 'dept-a', text: CASES, actor: 'import' },
    );
    assert.equal(imported.imported, 2);
  });

  test('表二: a bad value answers 422 with the message beside its cell, values kept, nothing saved; a good form saves (303)', async () => {
    const response = await post('wang', `${BASE}/table2`, `${BASE}/table2`, {
      'cell:rules.issued': '3',
      'cell:rules.in_force': '十二',
    });
    assert.equal(response.status, 422, fx.logs.join('\n'));
    const page = await response.text();
    assert.match(page, /有 1 处需要修改，内容未保存/);
    assert.match(
      page,
      /<span class="error" id="cell-rules-in_force-error">请填写不小于 0 的整数（不适用的填“\/”）<\/span><input type="text" id="cell-rules-in_force" name="cell:rules.in_force" value="十二"/,
    );
    assert.match(page, /name="cell:rules.issued" value="3"/);
    assert.deepEqual(await entries(), []);

    const saved = await post('wang', `${BASE}/table2`, `${BASE}/table2`, {
      'cell:rules.issued': '5',
      'cell:rules.repealed': '0',
      'cell:rules.in_force': '2',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${BASE}/table2?saved=1`);
    assert.deepEqual(await entries(), [
      ['cell:rules.in_force', '2'],
      ['cell:rules.issued', '5'],
      ['cell:rules.repealed', '0'],
    ]);
    const again = await (await (await as('wang')).get(`${BASE}/table2?saved=1`)).text();
    assert.match(again, /已保存。/);
    // T2-IN-FORCE-FLOOR: 现行有效 2 < 本年制发 5 − 本年废止 0 — shown beside its cells.
    const findings = /<ul class="findings" id="cell-rules-in_force-findings">(.*?)<\/ul>/.exec(again)?.[1] ?? '';
    assert.match(findings, /T2-IN-FORCE-FLOOR/);
    assert.match(again, /id="cell-rules-issued-findings"[^>]*>.*?T2-IN-FORCE-FLOOR/);
    assert.match(again, /aria-describedby="cell-rules-in_force-findings"/);
  });

  test("表三 is compiled and read-only with each row's source; the narrative form saves", async () => {
    const page = await (await (await as('zhao')).get(`${BASE}/table3`)).text();
    assert.match(page, /<td class="num" data-cell="received\.natural_person" id="cell-received-natural_person">1</);
    assert.match(page, /<td class="num" data-cell="received\.legal_service_org" id="cell-received-legal_service_org">1</);
    assert.match(page, /<td class="num" data-cell="received\.total" id="cell-received-total">2</);
    assert.match(page, /收到申请日期在2025年内的案件/);
    assert.doesNotMatch(page, /<input type="text"/);
    const saved = await post('qian', `${BASE}/narrative`, `${BASE}/narrative`, { 'section:problems': '一是……\n二是……' });
    assert.equal(saved.status, 303);
    assert.deepEqual(
      (await entries()).find(([key]) => key === 'section:problems'),
      ['section:problems', '一是……\n二是……'],
    );
  });

  test('the workflow through the buttons: only the allowed ones shown, 退回 needs a reason, refusals change nothing', async () => {
    const officerPage = (await formOf(await as('wang'), BASE)).page;
    assert.deepEqual(
      [...officerPage.matchAll(/name="action" value="([a-z_]+)"/g)].map((m) => m[1]),
      ['submit', 'comment'],
    );
    assert.equal((await post('wang', `${BASE}/actions`, BASE, { action: 'submit' })).status, 303);
    assert.equal((await state())?.state, 'submitted');

    const reviewerPage = (await formOf(await as('zhao'), BASE)).page;
    assert.deepEqual(
      [...reviewerPage.matchAll(/name="action" value="([a-z_]+)"/g)].map((m) => m[1]),
      ['approve', 'send_back', 'comment'],
    );
    const before = await state();
    const noReason = await post('zhao', `${BASE}/actions`, BASE, { action: 'send_back', comment: '' });
    assert.equal(noReason.status, 422);
    assert.match(await noReason.text(), /<span class="error" id="comment-error">退回时请填写理由<\/span>/);
    const wrongRole = await post('wang', `${BASE}/actions`, BASE, { action: 'approve' });
    assert.equal(wrongRole.status, 403);
    const editLocked = await post('wang', `${BASE}/table2`, `${BASE}/table2`, { 'cell:rules.issued': '9' });
    assert.equal(editLocked.status, 409);
    assert.match(await editLocked.text(), /报告当前状态为“已提交审核”，不能修改内容。您填写的内容未保存。/);
    const publishEarly = await post('qian', `${BASE}/actions`, BASE, { action: 'publish' });
    assert.equal(publishEarly.status, 409);
    assert.match(await publishEarly.text(), /报告当前状态为“已提交审核”，不能发布/);
    assert.deepEqual(await state(), before);

    assert.equal((await post('zhao', `${BASE}/actions`, BASE, { action: 'send_back', comment: '现行有效件数有误' })).status, 303);
    const overview = await (await (await as('wang')).get(`${BASE}?done=send_back`)).text();
    assert.match(overview, /已退回。/);
    assert.match(overview, /<td>zhao<\/td><td>退回<\/td><td>已提交审核 → 草稿<\/td><td>现行有效件数有误<\/td>/);
    assert.match(overview, /<td>2026-03-02 10:00<\/td><td>wang<\/td><td>提交审核<\/td>/);

    assert.equal((await post('wang', `${BASE}/table2`, `${BASE}/table2`, { 'cell:rules.in_force': '12' })).status, 303);
    assert.equal((await post('wang', `${BASE}/actions`, BASE, { action: 'submit' })).status, 303);
    assert.equal((await post('zhao', `${BASE}/actions`, BASE, { action: 'approve' })).status, 303);
    assert.equal((await post('qian', `${BASE}/actions`, BASE, { action: 'publish' })).status, 303);
    const published = await db.pool.query<{ version: number; published_by: string }>(
      'select version, published_by from report_publications where year = 2025',
    );
    assert.deepEqual(
      published.rows.map((r) => [r.version, r.published_by]),
      [[1, 'qian']],
    );
  });

  test('denials: another agency answers 404 and shows nothing; a supervisor reads without forms or buttons and may not post (403)', async () => {
    const outsider = await as('wu');
    for (const path of [BASE, `${BASE}/table2`, `${BASE}/table3`, `${BASE}/table4`, `${BASE}/narrative`, `${BASE}/preview`]) {
      const response = await outsider.get(path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /测试机关dept-a/);
    }
    const supervisor = await as('zhou');
    const page = await (await supervisor.get(`${BASE}/table2`)).text();
    assert.doesNotMatch(page, /<form method="post" action="\/console\/reports/);
    assert.match(page, /name="cell:rules.in_force" value="12"[^>]* readonly/);
    const overview = await (await supervisor.get(BASE)).text();
    assert.doesNotMatch(overview, /name="action"/);
    const before = [await state(), await entries()];
    const { csrf } = await formOf(supervisor, BASE);
    assert.equal(
      (await supervisor.post(`${BASE}/actions`, { _csrf: csrf, action: 'comment', comment: '看看', revision: '0' })).status,
      403,
    );
    assert.equal((await supervisor.post(`${BASE}/table2`, { _csrf: csrf, 'cell:rules.issued': '1', revision: '0' })).status, 403);
    // Without the CSRF token nothing is even looked at.
    assert.equal((await (await as('qian')).post(`${BASE}/actions`, { action: 'reopen', comment: '无令牌' })).status, 403);
    assert.deepEqual([await state(), await entries()], before);
  });
});
