// The console case page's 承办人 form, its timeline of events and assignments, and the 补正期限 line,
// through the web app's fetch handler (issue #8), on PGlite and PostgreSQL: the form lists exactly the
// eligible users (enabled, a case-handling role in the case's agency) and calls the assign use case; a
// refused choice comes back beside the select with nothing changed; the supervisor gets no form and 403,
// another agency's officer 404; the timeline interleaves who assigned whom with the events by time; the
// correction deadline shows only while a correction is awaited.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { addUser } from '#app/identity/manage-users.ts';
import type { Role } from '#core/identity/access-policy.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { intakeBody } from '../http/intake-load.ts';
import { addAgencies, type StaffClient, staffClient, webFixture } from './console-harness.ts';

/** Monday 2026-03-02, 10:00 in Beijing. */
const START = new Date('2026-03-02T02:00:00Z');

forEachEngine('console case officer, timeline and 补正期限 over HTTP', ({ database }) => {
  let app: Hono;
  let officerA: StaffClient;
  let officerB: StaffClient;
  let supervisor: StaffClient;
  let countAssignments: () => Promise<number>;
  let officerOf: (caseCode: string) => Promise<string | null>;
  let index = 0;

  const intake = async (agency: string): Promise<string> => {
    index += 1;
    const response = await app.request(`/api/agencies/${agency}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intakeBody(index)),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { caseCode: string }).caseCode;
  };
  const csrf = (client: StaffClient) => client.csrfToken('/console/account');
  const assign = async (client: StaffClient, caseCode: string, officer: string) =>
    client.post(`/console/cases/${caseCode}/assign`, { _csrf: await csrf(client), officer });
  const record = async (client: StaffClient, caseCode: string, fields: Record<string, string>) => {
    const response = await client.post(`/console/cases/${caseCode}/events`, { _csrf: await csrf(client), ...fields });
    assert.equal(response.status, 303, `${fields['type']}: ${response.status}`);
  };
  const page = async (client: StaffClient, caseCode: string) => (await client.get(`/console/cases/${caseCode}`)).text();

  before(async () => {
    const db = await database();
    await addAgencies(db, [
      ['city', null],
      ['dept-a', 'city'],
      ['dept-b', null],
    ]);
    const fx = await webFixture(db, { start: START });
    app = fx.app;
    const users: [string, string, Role][] = [
      ['officer-a', 'dept-a', 'officer'],
      ['reviewer-a', 'dept-a', 'reviewer'],
      ['admin-a', 'dept-a', 'agency_admin'],
      ['super-a', 'dept-a', 'supervisor'],
      ['gone-a', 'dept-a', 'officer'],
      ['officer-b', 'dept-b', 'officer'],
      ['super-city', 'city', 'supervisor'],
    ];
    for (const [username, agency, role] of users) {
      await addUser(fx.identity, { username, agency, role, password: 'correct horse battery' });
    }
    await db.pool.query(`update users set disabled_at = now() where username = 'gone-a'`);
    officerA = staffClient(app);
    officerB = staffClient(app);
    supervisor = staffClient(app);
    assert.equal((await officerA.signIn('officer-a')).status, 303);
    assert.equal((await officerB.signIn('officer-b')).status, 303);
    assert.equal((await supervisor.signIn('super-city')).status, 303);
    countAssignments = async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from case_assignments')).rows[0]!.n;
    officerOf = async (caseCode) =>
      (
        await db.pool.query<{ username: string | null }>(
          'select u.username from cases c left join users u on u.id = c.assigned_user_id where c.case_code = $1',
          [caseCode],
        )
      ).rows[0]!.username;
  });

  test('the 承办人 form lists 未分配 and the enabled case handlers of the case’s agency only, the current one selected', async () => {
    const caseCode = await intake('dept-a');
    const html = await page(officerA, caseCode);
    const form = /<form method="post" action="\/console\/cases\/[^"]+\/assign" id="assign">.*?<\/form>/s.exec(html)?.[0] ?? '';
    assert.match(form, /<input type="hidden" name="_csrf" value="[^"]+">/);
    assert.match(form, /<label for="assign-officer">承办人<\/label>/);
    const options = [...form.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)].map(
      (m) => `${m[1]}|${m[2] ?? ''}|${m[3]}`,
    );
    assert.deepEqual(options, ['| selected|未分配', 'admin-a||admin-a', 'officer-a||officer-a', 'reviewer-a||reviewer-a']);
  });

  test('assigning through the form: 303 with a notice, the officer stored and shown; the same choice again changes nothing', async () => {
    const caseCode = await intake('dept-a');
    const before = await countAssignments();
    const response = await assign(officerA, caseCode, 'reviewer-a');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/console/cases/${caseCode}?officer=assigned`);
    assert.equal(await officerOf(caseCode), 'reviewer-a');
    assert.equal(await countAssignments(), before + 1);
    const shown = await (await officerA.get(response.headers.get('location')!)).text();
    assert.match(shown, /<p class="notice" role="status">已指定承办人：reviewer-a。<\/p>/);
    assert.match(shown, /<dt>承办人<\/dt><dd>reviewer-a<\/dd>/);
    assert.match(shown, /<option value="reviewer-a" selected>reviewer-a<\/option>/);
    const again = await assign(officerA, caseCode, 'reviewer-a');
    assert.equal(again.headers.get('location'), `/console/cases/${caseCode}?officer=unchanged`);
    assert.equal(await countAssignments(), before + 1);
    const cleared = await assign(officerA, caseCode, '');
    assert.equal(cleared.headers.get('location'), `/console/cases/${caseCode}?officer=unassigned`);
    assert.equal(await officerOf(caseCode), null);
    assert.match(await page(officerA, caseCode), /<dt>承办人<\/dt><dd>未分配<\/dd>/);
  });

  test('a supervisor, a disabled user, another agency’s officer or an unknown name: 422 beside the select, nothing changed', async () => {
    const caseCode = await intake('dept-a');
    await assign(officerA, caseCode, 'officer-a');
    const before = await countAssignments();
    const refusals: [string, string][] = [
      ['super-a', '用户“super-a”在机关“dept-a”只是监督员，不能担任承办人'],
      ['officer-b', '用户“officer-b”在机关“dept-a”没有角色，不能担任该案件的承办人'],
      ['gone-a', '用户“gone-a”不存在或已停用'],
      ['nobody', '用户“nobody”不存在或已停用'],
    ];
    for (const [officer, message] of refusals) {
      const response = await assign(officerA, caseCode, officer);
      assert.equal(response.status, 422, officer);
      const html = await response.text();
      assert.ok(html.includes(`<span class="error" id="assign-officer-error">未保存：${message}</span>`), `beside the select: ${officer}`);
      assert.match(html, /aria-describedby="assign-officer-hint assign-officer-error" aria-invalid="true"/);
    }
    assert.equal(await countAssignments(), before);
    assert.equal(await officerOf(caseCode), 'officer-a');
  });

  test('the supervisor sees the officer but no form and gets 403; another agency’s officer 404; no CSRF token 403 — nothing changed', async () => {
    const caseCode = await intake('dept-a');
    const before = await countAssignments();
    const read = await page(supervisor, caseCode);
    assert.match(read, /<dt>承办人<\/dt><dd>未分配<\/dd>/);
    assert.ok(!read.includes('id="assign"'));
    assert.equal((await assign(supervisor, caseCode, 'officer-a')).status, 403);
    const other = await assign(officerB, caseCode, 'officer-b');
    assert.equal(other.status, 404);
    assert.ok(!(await other.text()).includes('测试申请人'));
    assert.equal((await officerA.post(`/console/cases/${caseCode}/assign`, { officer: 'officer-a' })).status, 403);
    assert.equal(await countAssignments(), before);
    assert.equal(await officerOf(caseCode), null);
  });

  test('the timeline interleaves assignments (who assigned whom, when) with the events by the time they were recorded', async () => {
    const caseCode = await intake('dept-a');
    await assign(officerA, caseCode, 'officer-a');
    await record(officerA, caseCode, { type: 'extension_approved', date: '2026-03-02', workingDays: '10', approvedBy: '王主任' });
    await assign(officerA, caseCode, 'reviewer-a');
    await assign(officerA, caseCode, '');
    const html = await page(officerA, caseCode);
    const table = /<table class="timeline">.*?<\/table>/s.exec(html)?.[0] ?? '';
    assert.match(table, /<caption>已登记的事件和承办人变更（按登记时间）<\/caption>/);
    const rows = [
      ...table.matchAll(
        /<tr(?: class="assignment")?><td>([^<]*)<\/td><td>([^<]*)<\/td><th scope="row">([^<]*)<\/th><td>(.*?)<\/td><td>([^<]*)<\/td>/g,
      ),
    ].map((m) => [m[1], m[2], m[3], m[4], m[5]].join('|'));
    assert.deepEqual(rows, [
      '1|2026-03-02|收到申请|渠道：互联网（在线平台、电子邮件）<br>申请人类型：自然人<br>收到时刻：10:00|public',
      `—|${rows[1]?.split('|')[1]}|指定承办人|承办人：officer-a|officer-a`,
      '2|2026-03-02|延期批准|延长工作日数：10<br>批准人：王主任|officer-a',
      `—|${rows[3]?.split('|')[1]}|指定承办人|承办人：reviewer-a<br>原承办人：officer-a|officer-a`,
      `—|${rows[4]?.split('|')[1]}|取消承办人|改为未分配<br>原承办人：reviewer-a|officer-a`,
    ]);
    // An assignment's date is the Beijing date it was recorded on.
    assert.match(rows[1]!, /^—\|[0-9]{4}-[0-9]{2}-[0-9]{2}\|/);
  });

  test('补正期限 shows while the correction is awaited, and not once it is received, the case replied, or withdrawn', async () => {
    const deadline = /<dt>补正期限<\/dt><dd>([^<]*)<\/dd>/;
    const corrected = await intake('dept-a');
    assert.doesNotMatch(await page(officerA, corrected), deadline);
    await record(officerA, corrected, { type: 'correction_requested', date: '2026-03-02', periodWorkingDays: '15' });
    // 15 working days after Monday 2 March 2026 (no holiday in March): Monday 23 March.
    assert.equal(deadline.exec(await page(officerA, corrected))?.[1], '2026-03-23');
    await record(officerA, corrected, { type: 'correction_received', date: '2026-03-02' });
    assert.doesNotMatch(await page(officerA, corrected), deadline);
    await record(officerA, corrected, { type: 'replied', date: '2026-03-02', outcome: 'outcome.disclosed' });
    const replied = await page(officerA, corrected);
    assert.match(replied, /<dt>状态<\/dt><dd>已答复<\/dd>/);
    assert.doesNotMatch(replied, deadline);
    // Closed while the correction was still awaited: the deadline no longer applies either.
    const withdrawn = await intake('dept-a');
    await record(officerA, withdrawn, { type: 'correction_requested', date: '2026-03-02', periodWorkingDays: '15' });
    assert.match(await page(officerA, withdrawn), deadline);
    await record(officerA, withdrawn, { type: 'withdrawn', date: '2026-03-02' });
    const closed = await page(officerA, withdrawn);
    assert.match(closed, /<dt>状态<\/dt><dd>已撤回<\/dd>/);
    assert.doesNotMatch(closed, deadline);
    // The timeline keeps the request with its period.
    assert.match(closed, /<th scope="row">补正发出<\/th>/);
  });
});
