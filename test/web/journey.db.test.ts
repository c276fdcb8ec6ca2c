// The whole journey of one application over HTTP (issue #8), through the web app's fetch handler on the
// real use cases, on PGlite and PostgreSQL — the steps of the browser journey (test/browser/journey.test.ts),
// here also where chromium is missing: a member of the public applies through the portal's form and
// looks the case up; the agency administrator sets the letter settings in the console; an officer asks
// for 补正, receives it, extends the time limit and replies 部分公开; the applicant sees the outcome; the
// letter is previewed and downloaded; the annual report compiled from the cases counts the case; it goes
// submitted → approved → published through the console's buttons (officer, reviewer, administrator: four
// eyes) and the portal's /{slug}/reports/{year} then shows the published report with the case counted.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { addUser } from '#app/identity/manage-users.ts';
import type { Role } from '#core/identity/access-policy.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgencies, type StaffClient, staffClient, webFixture } from './console-harness.ts';
import { type PortalClient, portalClient, VALID_FORM } from './portal-client.ts';

/** Monday 2026-03-02, 10:00 in Beijing: every event is dated today. */
const START = new Date('2026-03-02T02:00:00Z');
const TODAY = '2026-03-02';
const SLUG = 'edu';

forEachEngine('one application from the public form to the published annual report, over HTTP', ({ database }) => {
  let app: Hono;
  let applicant: PortalClient;
  const staff = new Map<string, StaffClient>();
  let caseCode = '';
  let verificationCode = '';

  const as = (username: string): StaffClient => {
    const client = staff.get(username);
    assert.ok(client, username);
    return client;
  };
  /** Posts the form of `page` (its `_csrf`, and `revision` when the page has one) to `action`. */
  const submit = async (username: string, page: string, action: string, fields: Record<string, string>) => {
    const client = as(username);
    const html = await (await client.get(page)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const revision = /name="revision" value="(\d+)"/.exec(html)?.[1];
    return client.post(action, { _csrf: csrf, ...(revision === undefined ? {} : { revision }), ...fields });
  };
  const statusRows = async (): Promise<Record<string, string>> => {
    const page = await (await applicant.get(`/status?${new URLSearchParams({ code: caseCode, v: verificationCode }).toString()}`)).text();
    return Object.fromEntries([...page.matchAll(/<th scope="row">([^<]+)<\/th><td>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]));
  };
  /** The figure of a report cell on a page (`data-cell="id">figure…`). */
  const cell = (page: string, id: string) => new RegExp(`data-cell="${id.replaceAll('.', '\\.')}"[^>]*>\\s*([0-9]+)`).exec(page)?.[1];

  before(async () => {
    const db = await database();
    await addAgencies(db, [[SLUG, null]]);
    const fx = await webFixture(db, { start: START });
    app = fx.app;
    const users: [string, Role][] = [
      ['edu-admin', 'agency_admin'],
      ['edu-officer', 'officer'],
      ['edu-reviewer', 'reviewer'],
    ];
    for (const [username, role] of users) {
      await addUser(fx.identity, { username, agency: SLUG, role, password: 'correct horse battery' });
      const client = staffClient(app);
      assert.equal((await client.signIn(username)).status, 303, username);
      staff.set(username, client);
    }
    applicant = portalClient(app);
  });

  test('a member of the public applies through the form and gets the receipt with 案件编号 and 验证码', async () => {
    const token = await applicant.csrfToken(`/${SLUG}/apply`);
    const response = await applicant.post(`/${SLUG}/apply`, { ...VALID_FORM, 'applicant.name': '李四', _csrf: token });
    assert.equal(response.status, 303);
    const receipt = new URL(response.headers.get('location') ?? '', 'http://portal');
    caseCode = receipt.searchParams.get('code') ?? '';
    verificationCode = receipt.searchParams.get('v') ?? '';
    const page = await (await applicant.get(`${receipt.pathname}${receipt.search}`)).text();
    assert.ok(page.includes(`<dt>案件编号</dt><dd>${caseCode}</dd>`));
    assert.ok(page.includes(`<dt>验证码</dt><dd>${verificationCode}</dd>`));
    assert.ok(page.includes(`<dt>收到申请日期</dt><dd>${TODAY}</dd>`));
    assert.equal((await statusRows())['案件编号'], caseCode);
    assert.equal((await statusRows())['办理结果'], undefined);
  });

  test('the administrator names the 复议机关 and the court in the console’s settings; the officer processes the case to 部分公开', async () => {
    const settings = `/console/admin/${SLUG}/settings`;
    const saved = await submit('edu-admin', settings, settings, {
      section: 'letters',
      'letter.review-organ': '示例市人民政府',
      'letter.court': '示例市中级人民法院',
      reason: '',
    });
    assert.equal(saved.status, 303);

    const queue = await (await as('edu-officer').get('/console/cases')).text();
    assert.ok(queue.includes(`<a href="/console/cases/${caseCode}">${caseCode}</a>`));
    const casePage = `/console/cases/${caseCode}`;
    const record = async (type: string, fields: Record<string, string> = {}) => {
      const response = await submit('edu-officer', casePage, `${casePage}/events`, { type, date: TODAY, ...fields });
      assert.equal(response.status, 303, `${type}: ${response.status}`);
      assert.equal(response.headers.get('location'), `${casePage}?recorded=${type}`);
    };
    await record('correction_requested');
    assert.doesNotMatch(await (await as('edu-officer').get(casePage)).text(), /id="e-replied"/, 'no reply while 补正 is pending');
    await record('correction_received');
    await record('extension_approved', { workingDays: '15', reason: '需要调取多所学校的检查材料' });
    await record('replied', { outcome: 'outcome.partial' });
    const page = await (await as('edu-officer').get(casePage)).text();
    const timeline = [...(/<table class="timeline">.*?<\/table>/s.exec(page)?.[0] ?? '').matchAll(/<th scope="row">([^<]+)<\/th>/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(timeline, ['收到申请', '补正发出', '收到补正', '延期批准', '答复']);
    assert.match(page, /<dt>办理结果<\/dt><dd>[^<]*部分公开[^<]*（2026-03-02 办结）<\/dd>/);
  });

  test('the applicant looks the case up again and sees it closed as 部分公开', async () => {
    const rows = await statusRows();
    assert.equal(rows['办理结果'], '部分公开');
    assert.equal(rows['办结日期'], TODAY);
  });

  test('the officer previews the reply letter (部分公开告知书 with its 文号) and downloads it as DOCX', async () => {
    const preview = await (await as('edu-officer').get(`/console/cases/${caseCode}/letter`)).text();
    assert.match(preview, /政府信息部分公开告知书/);
    assert.ok(preview.includes('示例市人民政府'));
    const docx = await as('edu-officer').get(`/console/cases/${caseCode}/letter.docx`);
    assert.equal(docx.status, 200);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a DOCX (zip) file');
    const { default: mammoth } = await import('mammoth');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    assert.match(text, /政府信息部分公开告知书/);
    assert.ok(text.includes('李四'), 'addressed to the applicant');
  });

  test('the report compiled from the cases counts the case in 表三 (部分公开, 自然人)', async () => {
    const table3 = await (await as('edu-officer').get(`/console/reports/${SLUG}/2026/table3`)).text();
    assert.equal(cell(table3, 'received.natural_person'), '1');
    assert.equal(cell(table3, 'outcome.partial.natural_person'), '1');
    assert.equal(cell(table3, 'outcome.partial.total'), '1');
    assert.equal(cell(table3, 'outcome.disclosed.total'), '0');
    // Not over and not published: the portal has no 2026 report yet.
    assert.equal((await applicant.get(`/${SLUG}/reports/2026`)).status, 404);
  });

  test('submitted → approved → published through the console’s buttons; the portal then shows the report with the case counted', async () => {
    const overview = `/console/reports/${SLUG}/2026`;
    const act = async (username: string, action: string) => {
      const response = await submit(username, overview, `${overview}/actions`, { action });
      assert.equal(response.status, 303, `${username} ${action}: ${response.status}`);
      assert.equal(response.headers.get('location'), `${overview}?done=${action}`);
    };
    await act('edu-officer', 'submit');
    await act('edu-reviewer', 'approve');
    await act('edu-admin', 'publish');
    const shown = await (await as('edu-admin').get(overview)).text();
    assert.match(shown, /已发布/);

    const list = await (await applicant.get(`/${SLUG}/reports`)).text();
    assert.match(list, /2026年政府信息公开工作年度报告<\/a> <span class="tag">2026年3月2日发布<\/span>/);
    const response = await applicant.get(`/${SLUG}/reports/2026`);
    assert.equal(response.status, 200);
    const report = await response.text();
    assert.match(report, /<h1 class="report-title">测试机关edu2026年政府信息公开工作年度报告<\/h1>/);
    assert.match(report, /本报告于2026年3月2日发布。/);
    assert.doesNotMatch(report, /尚未发布/);
    assert.equal(cell(report, 'received.natural_person'), '1');
    assert.equal(cell(report, 'received.total'), '1');
    assert.equal(cell(report, 'outcome.partial.natural_person'), '1');
    assert.equal(cell(report, 'outcome.partial.total'), '1');
    assert.equal(cell(report, 'outcome.total.total'), '1');
  });
});
