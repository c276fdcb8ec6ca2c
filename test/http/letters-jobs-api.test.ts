// The staff API of reply letters, letter templates and the daily job, through the HTTP handler on both
// engines with a real SMTP sink: the DOCX download with its 文号, who may issue a letter, templates
// (read by staff, changed by the agency admin only, bad ones refused unchanged), the job (system admin).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importCases } from '#app/cases/import-cases.ts';
import { zipEntry } from '#test/adapters/zip-entry.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { type SmtpSink, startSmtpSink } from '#test/smtp-sink.ts';
import { depsOn } from '../cases/case-fixtures.ts';
import { intakeBody } from './intake-load.ts';
import { type StaffApi, startStaffApi } from './staff-api-harness.ts';

let sink: SmtpSink;
before(async () => {
  sink = await startSmtpSink();
});
after(async () => {
  await sink.close();
});

let clock = new Date('2026-03-02T02:00:00Z'); // Monday 2026-03-02, 10:00 in Beijing

forEachEngine('letters, templates and jobs API', ({ database, engine }) => {
  let api: StaffApi;
  let replied = '';
  let open = '';
  const mailbox = `dept-a-${engine}@example.gov.cn`;

  before(async () => {
    clock = new Date('2026-03-02T02:00:00Z');
    const handle = await database();
    api = await startStaffApi(
      handle,
      [
        ['city', null],
        ['dept-a', 'city'],
        ['dept-b', 'city'],
      ],
      [
        { name: 'admin-a', agency: 'dept-a', role: 'agency_admin' },
        { name: 'officer-a', agency: 'dept-a', role: 'officer' },
        { name: 'officer-b', agency: 'dept-b', role: 'officer' },
        { name: 'supervisor-city', agency: 'city', role: 'supervisor' },
        { name: 'sysadmin', agency: 'city', role: 'system_admin' },
      ],
      () => clock,
    );
    const settings = {
      'letter.doc-number-prefix': '某民信公开',
      'letter.review-organ': '某市人民政府',
      'letter.court': '某市某区人民法院',
      'mail.smtp-host': '127.0.0.1',
      'mail.smtp-port': String(sink.port),
      'mail.from': 'gongkai@example.gov.cn',
      'mail.reminders-to': mailbox,
    };
    for (const [key, value] of Object.entries(settings)) {
      await handle.pool.query('insert into agency_settings (agency_id, key, value) values ($1, $2, $3)', [
        api.ids.get('dept-a'),
        key,
        value,
      ]);
    }
    const codes: string[] = [];
    for (const i of [0, 1]) {
      const response = await api.call('/api/agencies/dept-a/applications', { method: 'POST', json: intakeBody(i) });
      assert.equal(response.status, 201);
      codes.push(((await response.json()) as { caseCode: string }).caseCode);
    }
    [replied, open] = codes as [string, string];
    clock = new Date('2026-03-10T02:00:00Z');
    const reply = await api.call(`/api/cases/${replied}/events`, {
      method: 'POST',
      token: api.token('officer-a'),
      json: { type: 'replied', date: '2026-03-09', outcome: 'outcome.disclosed' },
    });
    assert.equal(reply.status, 201, await reply.clone().text());
  });

  const get = (path: string, user: string) => api.call(path, { token: api.token(user) });

  test('GET /api/cases/{code}/letter: the DOCX with the 文号 drawn at the reply, for whoever may read the case', async () => {
    const response = await get(`/api/cases/${replied}/letter`, 'officer-a');
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; .*filename\*=UTF-8''%E5%91%8A%E7%9F%A5%E4%B9%A6-/);
    assert.equal(decodeURIComponent(response.headers.get('x-doc-number') ?? ''), '某民信公开〔2026〕第1号');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const xml = zipEntry(bytes, 'word/document.xml');
    assert.match(xml, /某民信公开〔2026〕第1号/);
    assert.match(xml, /测试申请人0/);
    assert.match(xml, /某市人民政府/);
    // The supervisor reads the issued letter; another agency's officer does not see the case.
    assert.equal((await get(`/api/cases/${replied}/letter`, 'supervisor-city')).status, 200);
    assert.equal((await get(`/api/cases/${replied}/letter`, 'officer-b')).status, 404);
    assert.equal((await api.call(`/api/cases/${replied}/letter`)).status, 401);
    const notReplied = await get(`/api/cases/${open}/letter`, 'officer-a');
    assert.equal(notReplied.status, 409);
    assert.match(((await notReplied.json()) as { error: { message: string } }).error.message, /尚未答复/);
  });

  test('a replied case without a 文号 (imported): a read-only role is refused, an officer draws the next number', async () => {
    const { db, pool } = await database();
    const line = JSON.stringify({
      externalId: `OLD-${engine}`,
      channel: 'online',
      received: '2026-01-05',
      applicantType: 'natural_person',
      events: [{ type: 'replied', date: '2026-01-20', outcome: 'outcome.unavailable.not_held' }],
      outcome: 'outcome.unavailable.not_held',
    });
    const imported = await importCases(depsOn(db, clock), { agencySlug: 'dept-a', text: line, actor: 'import' });
    const code = imported.lines[0]?.caseCode as string;
    await pool.query(`update cases set applicant = '{"name": "某律师事务所"}'::jsonb, description = '某批复' where case_code = $1`, [code]);
    const refused = await get(`/api/cases/${code}/letter`, 'supervisor-city');
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as { error: { message: string } }).error.message, /只能查看/);
    const drawn = await get(`/api/cases/${code}/letter`, 'officer-a');
    assert.equal(drawn.status, 200);
    assert.equal(decodeURIComponent(drawn.headers.get('x-doc-number') ?? ''), '某民信公开〔2026〕第2号');
  });

  test('letter templates: staff of the agency read them; only its admin changes them; a bad template is refused unchanged', async () => {
    const list = await get('/api/agencies/dept-a/letter-templates', 'officer-a');
    assert.equal(list.status, 200);
    const items = ((await list.json()) as { items: { family: string; source: string }[] }).items;
    assert.deepEqual(
      items.map((t) => t.family),
      ['disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other'],
    );
    assert.ok(items.every((t) => t.source === 'default'));
    assert.equal((await get('/api/agencies/dept-b/letter-templates', 'officer-a')).status, 403);
    assert.equal((await get('/api/agencies/nowhere/letter-templates', 'sysadmin')).status, 404);
    assert.equal((await get('/api/agencies/dept-a/letter-templates/granted', 'officer-a')).status, 400);

    const put = (user: string, slug: string, body: unknown) =>
      api.call(`/api/agencies/${slug}/letter-templates/disclosed`, { method: 'PUT', token: api.token(user), json: body });
    const template = { title: '某局政府信息公开答复书', body: '经审查，{{outcomeText}}\n{{remedyNotice}}' };
    assert.equal((await put('officer-a', 'dept-a', template)).status, 403);
    assert.equal((await put('supervisor-city', 'dept-a', template)).status, 403);
    assert.equal((await put('admin-a', 'dept-b', template)).status, 403);
    const bad = await put('admin-a', 'dept-a', { body: '{{applicantNmae}} 没有救济途径告知' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: { message: string } }).error.message, /applicantNmae/);
    assert.equal((await put('admin-a', 'dept-a', {})).status, 400);
    const shown = async () =>
      (await (await get('/api/agencies/dept-a/letter-templates/disclosed', 'officer-a')).json()) as { title: string; source: string };
    assert.equal((await shown()).source, 'default', 'refusals stored nothing');
    const saved = await put('admin-a', 'dept-a', template);
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.deepEqual([(await shown()).title, (await shown()).source], ['某局政府信息公开答复书', 'agency']);
    // The letter of the replied case now follows the agency's template.
    const xml = zipEntry(new Uint8Array(await (await get(`/api/cases/${replied}/letter`, 'officer-a')).arrayBuffer()), 'word/document.xml');
    assert.match(xml, /某局政府信息公开答复书/);
    const reset = await api.call('/api/agencies/dept-a/letter-templates/disclosed', { method: 'DELETE', token: api.token('sysadmin') });
    assert.deepEqual(await reset.json(), { removed: true });
    assert.equal((await shown()).source, 'default');
  });

  test('POST /api/jobs/daily: system administrators only; reminders go once however often it runs', async () => {
    const run = (user: string, body?: unknown) =>
      api.call('/api/jobs/daily', { method: 'POST', token: api.token(user), ...(body === undefined ? {} : { json: body }) });
    assert.equal((await run('admin-a', {})).status, 403);
    assert.equal((await run('sysadmin', { date: '2026-02-30' })).status, 400);
    assert.equal((await run('sysadmin', { date: '9999-01-01' })).status, 400);
    // The open case, received 2026-03-02, is due 2026-03-30: due soon on 2026-03-26, overdue after.
    const first = await run('sysadmin', { date: '2026-03-26' });
    assert.equal(first.status, 200, await first.clone().text());
    const result = (await first.json()) as { day: string; agencies: { agency: string; reminders: { sent: number } }[] };
    assert.equal(result.day, '2026-03-26');
    assert.equal(result.agencies.find((a) => a.agency === 'dept-a')?.reminders.sent, 1);
    const mine = () => sink.messages.filter((m) => m.to.includes(mailbox) && m.subject.includes(open));
    assert.equal(mine().length, 1);
    assert.match(mine()[0]?.subject ?? '', /即将到期/);
    const again = (await (await run('sysadmin', { date: '2026-03-26' })).json()) as typeof result;
    assert.deepEqual([again.agencies.find((a) => a.agency === 'dept-a')?.reminders.sent, mine().length], [0, 1]);
    // No body: today (the server's clock, 2026-03-10), nothing due yet.
    clock = new Date('2026-03-10T02:00:00Z');
    assert.equal(((await (await run('sysadmin')).json()) as typeof result).day, '2026-03-10');
  });

  test('the OpenAPI document lists the letter, template and job operations', async () => {
    const doc = (await (await api.call('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    for (const id of [
      'downloadCaseLetter',
      'listLetterTemplates',
      'getLetterTemplate',
      'setLetterTemplate',
      'resetLetterTemplate',
      'runDailyJob',
    ]) {
      assert.ok(operations.includes(id), id);
    }
  });
});
