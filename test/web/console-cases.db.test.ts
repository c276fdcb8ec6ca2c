// The console's case work through the web app's fetch handler (issue #8), on PGlite and PostgreSQL:
// the queue (filters, search, pages, 已逾期 in words), the case page (applicant, timeline, the clock's
// explanation), one form per allowed event posting through recordCaseEvent, refused events beside
// their form with nothing changed, CSRF failures, another agency's case (404, nothing shown), the
// supervisor's read-only view, the reply letter (HTML and DOCX) and staff entry of an application.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { createLetterPorts } from '#adapters/db/letter-ports.ts';
import { assignCaseOfficer } from '#app/cases/assign-case-officer.ts';
import { addUser } from '#app/identity/manage-users.ts';
import { setLetterSetting } from '#app/set-letter-setting.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { intakeBody } from '../http/intake-load.ts';
import { addAgencies, type StaffClient, staffClient, type WebFixture, webFixture } from './console-harness.ts';

/** Monday 2026-03-02, 10:00 in Beijing. */
const START = new Date('2026-03-02T02:00:00Z');

forEachEngine('console case work over HTTP', ({ database }) => {
  let fx: WebFixture;
  let app: Hono;
  let officerA: StaffClient;
  let officerB: StaffClient;
  let supervisor: StaffClient;
  let countEvents: () => Promise<number>;
  let countCases: () => Promise<number>;
  /** Case codes: a1 (dept-a, applicant 测试申请人1), b1 (dept-b). */
  const codes: Record<string, string> = {};

  const intake = async (agency: string, index: number): Promise<string> => {
    const response = await app.request(`/api/agencies/${agency}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intakeBody(index)),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as { caseCode: string }).caseCode;
  };
  const csrfOf = async (client: StaffClient, path: string) => client.csrfToken(path);

  before(async () => {
    const db = await database();
    await addAgencies(db, [
      ['city', null],
      ['dept-a', 'city'],
      ['dept-b', null],
    ]);
    fx = await webFixture(db, { start: START, policy: { idleSeconds: 365 * 86400, absoluteSeconds: 365 * 86400 } });
    app = fx.app;
    const users: [string, string, 'officer' | 'supervisor'][] = [
      ['officer-a', 'dept-a', 'officer'],
      ['officer-b', 'dept-b', 'officer'],
      ['super-city', 'city', 'supervisor'],
    ];
    for (const [username, agency, role] of users) {
      await addUser(fx.identity, { username, agency, role, password: 'correct horse battery' });
    }
    const letters = createLetterPorts(db.db);
    for (const [key, value] of [
      ['letter.review-organ', '某市人民政府'],
      ['letter.court', '某市某区人民法院'],
    ] as const) {
      await setLetterSetting(letters, { agency: 'dept-a', key, value, actor: 'admin' });
    }
    officerA = staffClient(app);
    officerB = staffClient(app);
    supervisor = staffClient(app);
    assert.equal((await officerA.signIn('officer-a')).status, 303);
    assert.equal((await officerB.signIn('officer-b')).status, 303);
    assert.equal((await supervisor.signIn('super-city')).status, 303);
    codes['a1'] = await intake('dept-a', 1);
    codes['b1'] = await intake('dept-b', 2);
    countEvents = async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from case_events')).rows[0]!.n;
    countCases = async () => (await db.pool.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]!.n;
  });

  test('the queue lists only the officer’s agency, as a table with headers; another agency in the filter is 404', async () => {
    const response = await officerA.get('/console/cases');
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.ok(page.includes(`>${codes['a1']}</a></th>`));
    assert.ok(!page.includes(codes['b1']!));
    assert.match(page, /<th scope="col">答复期限<\/th>/);
    assert.equal((await officerA.get('/console/cases?agency=dept-b')).status, 404);
    // The city's supervisor reads dept-a (below the city) but not dept-b.
    const supervised = await (await supervisor.get('/console/cases')).text();
    assert.ok(supervised.includes(codes['a1']!));
    assert.ok(!supervised.includes(codes['b1']!));
  });

  test('the 承办人 filter: 我承办的 lists the cases assigned to the signed-in officer, 未分配 the others', async () => {
    const db = await database();
    const mine = await intake('dept-a', 3);
    await assignCaseOfficer(
      { cases: createCaseStore(db.db), clock: { now: () => fx.clock.now } },
      { caseCode: mine, officer: 'officer-a', actor: 'chief' },
    );
    const own = await (await officerA.get('/console/cases?officer=me')).text();
    assert.match(own, new RegExp(`>${mine}</a></th>.*<td>officer-a</td>`));
    assert.ok(!own.includes(`>${codes['a1']}</a>`));
    assert.match(own, /<option value="me" selected>我承办的（officer-a）<\/option>/);
    const unassigned = await (await officerA.get('/console/cases?officer=none')).text();
    assert.ok(unassigned.includes(`>${codes['a1']}</a>`));
    assert.ok(!unassigned.includes(`>${mine}</a>`));
    await assignCaseOfficer(
      { cases: createCaseStore(db.db), clock: { now: () => fx.clock.now } },
      { caseCode: mine, officer: null, actor: 'chief' },
    );
  });

  test('bad filter values answer 400 with the message beside the field', async () => {
    const response = await officerA.get('/console/cases?due=tomorrow&state=closed&q=GK2026');
    assert.equal(response.status, 400);
    const page = await response.text();
    assert.match(page, /<span class="error" id="q-due-error">期限筛选应为“已逾期”或“即将到期”<\/span>/);
    assert.match(page, /<option value="closed" selected>/);
    assert.match(page, /name="q" value="GK2026"/);
  });

  test('the case page: applicant (staff only), timeline with actor, the clock explained in Chinese, forms for the allowed events only', async () => {
    const response = await officerA.get(`/console/cases/${codes['a1']}`);
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.ok(page.includes('测试申请人1'));
    assert.match(page, /<th scope="row">收到申请<\/th>.*<td>public<\/td>/);
    // Received Monday 2026-03-02: 20 working days later is 2026-03-30.
    assert.ok(page.includes('答复期限：2026年3月30日'));
    assert.ok(page.includes('<dt>答复期限</dt><dd>2026-03-30</dd>'));
    const types = [...page.matchAll(/name="type" value="([a-z_]+)"/g)].map((m) => m[1]);
    assert.deepEqual(types, [
      'correction_requested',
      'consultation_sent',
      'extension_approved',
      'reasons_requested',
      'fee_notice_sent',
      'withdrawn',
      'replied',
    ]);
  });

  test('another agency’s officer gets 404 for the page, the letter and a post, and the answer shows nothing of the case', async () => {
    const before = await countEvents();
    for (const path of [
      `/console/cases/${codes['a1']}`,
      `/console/cases/${codes['a1']}/letter`,
      `/console/cases/${codes['a1']}/letter.docx`,
    ]) {
      const response = await officerB.get(path);
      assert.equal(response.status, 404, path);
      const text = await response.text();
      assert.ok(!text.includes('测试申请人1') && !text.includes('dept-a'), path);
    }
    const token = await csrfOf(officerB, '/console/cases');
    const post = await officerB.post(`/console/cases/${codes['a1']}/events`, { _csrf: token, type: 'withdrawn', date: '2026-03-02' });
    assert.equal(post.status, 404);
    assert.ok(!(await post.text()).includes('测试申请人1'));
    assert.equal(await countEvents(), before);
  });

  test('the supervisor reads the case without forms and may not post (403, nothing changed)', async () => {
    const page = await (await supervisor.get(`/console/cases/${codes['a1']}`)).text();
    assert.ok(page.includes('测试申请人1'));
    assert.ok(!page.includes('name="type"'));
    const before = await countEvents();
    const token = await csrfOf(supervisor, '/console/cases');
    const post = await supervisor.post(`/console/cases/${codes['a1']}/events`, { _csrf: token, type: 'withdrawn', date: '2026-03-02' });
    assert.equal(post.status, 403);
    assert.equal(await countEvents(), before);
  });

  test('a post without or with a wrong CSRF token answers 403 and changes nothing', async () => {
    const before = await countEvents();
    assert.equal((await officerA.post(`/console/cases/${codes['a1']}/events`, { type: 'withdrawn', date: '2026-03-02' })).status, 403);
    assert.equal(
      (await officerA.post(`/console/cases/${codes['a1']}/events`, { _csrf: 'forged', type: 'withdrawn', date: '2026-03-02' })).status,
      403,
    );
    assert.equal(await countEvents(), before);
  });

  test('an invalid event comes back beside its form with the Chinese reason and the values kept, and changes nothing', async () => {
    const before = await countEvents();
    const token = await csrfOf(officerA, `/console/cases/${codes['a1']}`);
    const tooLong = await officerA.post(`/console/cases/${codes['a1']}/events`, {
      _csrf: token,
      type: 'extension_approved',
      date: '2026-03-02',
      workingDays: '25',
      approvedBy: '王主任',
    });
    assert.equal(tooLong.status, 409);
    const page = await tooLong.text();
    assert.match(page, /<p class="error" id="e-extension_approved-error" role="alert">未登记：延长答复期限最长不得超过20个工作日/);
    assert.match(page, /name="workingDays" value="25"/);
    assert.match(page, /name="approvedBy" value="王主任"/);
    const future = await officerA.post(`/console/cases/${codes['a1']}/events`, { _csrf: token, type: 'withdrawn', date: '2026-03-03' });
    assert.equal(future.status, 409);
    assert.match(await future.text(), /晚于今天/);
    const badDate = await officerA.post(`/console/cases/${codes['a1']}/events`, { _csrf: token, type: 'withdrawn', date: '2026-02-30' });
    assert.equal(badDate.status, 422);
    // An event the case's state does not allow (delivered before any reply) is refused too.
    const notAllowed = await officerA.post(`/console/cases/${codes['a1']}/events`, { _csrf: token, type: 'delivered', date: '2026-03-02' });
    assert.equal(notAllowed.status, 409);
    assert.match(await notAllowed.text(), /不能登记“送达”/);
    assert.equal(await countEvents(), before);
  });

  test('a reply through its form: 303 back to the case with the event in the timeline by the officer; then the letter as HTML and DOCX', async () => {
    const token = await csrfOf(officerA, `/console/cases/${codes['a1']}`);
    const response = await officerA.post(`/console/cases/${codes['a1']}/events`, {
      _csrf: token,
      type: 'replied',
      date: '2026-03-02',
      outcome: 'outcome.disclosed',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/console/cases/${codes['a1']}?recorded=replied`);
    const page = await (await officerA.get(response.headers.get('location')!)).text();
    assert.match(page, /<p class="notice" role="status">已登记“答复”。<\/p>/);
    assert.match(page, /<th scope="row">答复<\/th><td>办理结果：[^<]*予以公开[^<]*<\/td><td>officer-a<\/td>/);
    const types = [...page.matchAll(/name="type" value="([a-z_]+)"/g)].map((m) => m[1]);
    assert.deepEqual(types, ['delivered', 'reopened']);
    // The second identical reply is no longer offered, and posting it anyway is refused.
    const again = await officerA.post(`/console/cases/${codes['a1']}/events`, {
      _csrf: token,
      type: 'replied',
      date: '2026-03-02',
      outcome: 'outcome.disclosed',
    });
    assert.equal(again.status, 409);
    const letter = await officerA.get(`/console/cases/${codes['a1']}/letter`);
    assert.equal(letter.status, 200);
    const letterPage = await letter.text();
    assert.match(letterPage, /〔2026〕/);
    assert.ok(letterPage.includes('测试申请人1'));
    assert.ok(letterPage.includes('某市人民政府'));
    const docx = await officerA.get(`/console/cases/${codes['a1']}/letter.docx`);
    assert.equal(docx.status, 200);
    assert.equal(docx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(docx.headers.get('content-disposition') ?? '', /^attachment;/);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a ZIP (DOCX) file');
  });

  test('staff entry: the form, a refused entry with messages and values kept (no case), then a fax received at 16:45 on Friday', async () => {
    const form = await officerA.get('/console/cases/new');
    assert.equal(form.status, 200);
    const token = await csrfOf(officerA, '/console/cases/new');
    const before = await countCases();
    const fields = {
      _csrf: token,
      agency: 'dept-a',
      channel: 'fax',
      received: '2026-02-27',
      receivedTime: '16:45',
      'applicant.type': 'natural_person',
      'applicant.name': '传真申请人',
      'applicant.idType': 'resident_id',
      'applicant.idNumber': '11010519491231002X',
      'applicant.phone': '13800000000',
      description: '请公开某文件',
      delivery: 'post',
      'applicant.address': '某市某路1号',
    };
    const refused = await officerA.post('/console/cases/new', { ...fields, receivedTime: '25:00', description: '' });
    assert.equal(refused.status, 422);
    const refusedPage = await refused.text();
    assert.match(refusedPage, /<span class="error" id="f-receivedTime-error">/);
    assert.ok(refusedPage.includes('value="传真申请人"'));
    assert.equal(await countCases(), before);
    const created = await officerA.post('/console/cases/new', fields);
    assert.equal(created.status, 201);
    const receipt = await created.text();
    const code = /<dt>案件编号<\/dt><dd>([^<]+)<\/dd>/.exec(receipt)?.[1];
    assert.ok(code);
    assert.match(receipt, /<dt>验证码<\/dt><dd>[A-Z2-9]{10}<\/dd>/);
    assert.equal(await countCases(), before + 1);
    const casePage = await (await officerA.get(`/console/cases/${code}`)).text();
    assert.match(casePage, /渠道：传真<br>申请人类型：自然人<br>收到时刻：16:45<\/td><td>officer-a<\/td>/);
    // Another agency's officer may not enter for dept-a.
    const tokenB = await csrfOf(officerB, '/console/cases/new');
    assert.equal((await officerB.post('/console/cases/new', { ...fields, _csrf: tokenB })).status, 403);
    assert.equal(await countCases(), before + 1);
  });

  test('time passes: the unanswered case of dept-b is 已逾期 in its queue, found by the overdue filter and by code search, and pages hold 50', async () => {
    for (let i = 0; i < 50; i += 1) {
      await intake('dept-b', 100 + i);
    }
    fx.clock.now = new Date('2026-04-15T02:00:00Z');
    const overdue = await (await officerB.get('/console/cases?due=overdue')).text();
    assert.match(overdue, new RegExp(`<tr class="overdue"><th scope="row"><a href="/console/cases/${codes['b1']}">`));
    assert.ok(overdue.includes('<strong>⚠ 已逾期</strong>'));
    const search = await (await officerB.get(`/console/cases?q=${codes['b1']!.slice(-6)}`)).text();
    assert.ok(search.includes(codes['b1']!));
    assert.match(search, /共 1 件/);
    const first = await (await officerB.get('/console/cases')).text();
    assert.match(first, /共 51 件，显示第 1—50 件/);
    assert.ok(first.includes('href="/console/cases?page=2" rel="next"'));
    const second = await (await officerB.get('/console/cases?page=2')).text();
    assert.match(second, /显示第 51—51 件/);
    assert.ok(second.includes('href="/console/cases" rel="prev"'));
    const casePage = await (await officerB.get(`/console/cases/${codes['b1']}`)).text();
    assert.match(casePage, /⚠ 已逾期 \d+ 个工作日/);
    fx.clock.now = START;
  });
});
