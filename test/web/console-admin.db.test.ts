// The console's administration pages through the app's fetch handler, with the real use cases on both
// engines: role denials, 用户管理 (add, grant / revoke, disable with sessions ended and tokens
// suspended, password reset), 日历管理 (preview before the confirm step, upload or paste), 机构设置
// (errors next to the fields, nothing changed; the SMTP password never shown back), 告知书模板 and the
// dashboard. Every form is also posted without its CSRF token: 403 and nothing changed.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createLetterPorts } from '#adapters/db/letter-ports.ts';
import { calendarChanges } from '#adapters/db/schema/calendar.ts';
import { apiTokens, users } from '#adapters/db/schema/identity.ts';
import { staffSessions } from '#adapters/db/schema/sessions.ts';
import { agencySettings, settingChanges } from '#adapters/db/schema/settings.ts';
import { importCases } from '#app/cases/import-cases.ts';
import { addUser, createApiToken } from '#app/identity/manage-users.ts';
import { setLetterSetting } from '#app/set-letter-setting.ts';
import { depsOn } from '#test/cases/case-fixtures.ts';
import { forEachEngine, type TestDatabase } from '#test/db-harness.ts';
import { intakeLimitResolver } from '../../src/compose-intake-limit.ts';
import { addAgencies, PASSWORD, type StaffClient, staffClient, type WebFixture, webFixture } from './console-harness.ts';

const START = new Date('2026-12-21T02:00:00Z');

/** The text of an HTML page without tags (for messages split by markup). */
const textOf = (page: string) => page.replace(/<[^>]+>/g, '');

forEachEngine('console administration', ({ database }) => {
  let db: TestDatabase;
  let fx: WebFixture;
  const signedIn = new Map<string, StaffClient>();
  const as = async (username: string): Promise<StaffClient> => {
    let client = signedIn.get(username);
    if (client === undefined) {
      client = staffClient(fx.app);
      const response = await client.signIn(username);
      assert.equal(response.status, 303, `${username} signs in`);
      signedIn.set(username, client);
    }
    return client;
  };
  /** A form post with the page's CSRF token. */
  const submit = async (client: StaffClient, page: string, action: string, fields: Record<string, string>) =>
    client.post(action, { ...fields, _csrf: await client.csrfToken(page) });

  before(async () => {
    db = await database();
    await addAgencies(db, [
      ['ca-city', null],
      ['ca-edu', 'ca-city'],
      ['ca-health', 'ca-city'],
    ]);
    fx = await webFixture(db, { start: START });
    const people: [string, string, string][] = [
      ['ca-root', 'ca-city', 'system_admin'],
      ['edu-admin', 'ca-edu', 'agency_admin'],
      ['edu-officer', 'ca-edu', 'officer'],
      ['edu-clerk', 'ca-edu', 'officer'],
      ['health-admin', 'ca-health', 'agency_admin'],
      ['city-super', 'ca-city', 'supervisor'],
    ];
    for (const [username, agency, role] of people) {
      await addUser(fx.identity, { username, agency, role, password: PASSWORD });
    }
    // An open case received 2026-12-18: a 2027 holiday moves its due date.
    const imported = await importCases(depsOn(db.db, START), {
      agencySlug: 'ca-edu',
      text: JSON.stringify({
        externalId: 'CA-1',
        channel: 'online',
        received: '2026-12-18',
        applicantType: 'natural_person',
        events: [],
        outcome: null,
      }),
      actor: 'test',
    });
    assert.equal(imported.rejected, 0);
  });

  test('role denials: officers, other agencies, the calendar and the account list; signed out goes to sign-in', async () => {
    const officer = await as('edu-officer');
    const eduAdmin = await as('edu-admin');
    const cases: [StaffClient, string, number][] = [
      [officer, '/console/admin', 403],
      [officer, '/console/admin/ca-edu/users', 403],
      [officer, '/console/admin/ca-edu/settings', 403],
      [officer, '/console/admin/ca-edu/templates', 403],
      [eduAdmin, '/console/admin/ca-health/users', 403],
      [eduAdmin, '/console/admin/ca-health/settings', 403],
      [eduAdmin, '/console/admin/ca-city/users', 403],
      [eduAdmin, '/console/admin/calendar', 403],
      [eduAdmin, '/console/admin/users', 403],
      [eduAdmin, '/console/admin/nowhere/users', 404],
      [eduAdmin, '/console/ca-health/dashboard', 403],
      [officer, '/console/ca-edu/dashboard', 200],
      [await as('city-super'), '/console/ca-edu/dashboard', 200],
      [await as('city-super'), '/console/admin/ca-edu/users', 403],
      [await as('ca-root'), '/console/admin/ca-health/users', 200],
    ];
    for (const [client, path, status] of cases) {
      const response = await client.get(path);
      assert.equal(response.status, status, path);
    }
    const denied = await officer.get('/console/admin/ca-edu/users');
    assert.match(await denied.text(), /没有访问此页面的权限/);
    const anonymous = await staffClient(fx.app).get('/console/admin/ca-edu/users');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/console\/login\?next=/);
    // A form of another agency posted with a valid token of one's own session: 403, nothing written.
    const token = await eduAdmin.csrfToken('/console/admin/ca-edu/users');
    const other = await eduAdmin.post('/console/admin/ca-health/users', {
      username: 'sneaky',
      password: PASSWORD,
      role: 'officer',
      _csrf: token,
    });
    assert.equal(other.status, 403);
    assert.equal((await db.db.select().from(users).where(eq(users.username, 'sneaky'))).length, 0);
  });

  test('add a user: errors next to the fields with the values kept (never the password), nothing created; then created and able to sign in', async () => {
    const admin = await as('edu-admin');
    const page = '/console/admin/ca-edu/users';
    const listing = await (await admin.get(page)).text();
    assert.match(listing, /<th scope="row">edu-officer<\/th>/);
    assert.doesNotMatch(listing, /health-admin/);
    // Only the roles this administrator may grant are offered.
    assert.doesNotMatch(listing, /<option value="system_admin">/);
    const empty = await submit(admin, page, page, { username: '', password: '', role: '' });
    assert.equal(empty.status, 400);
    const emptyPage = await empty.text();
    assert.match(emptyPage, /<span class="error" id="add-username-error">请填写用户名<\/span>/);
    assert.match(emptyPage, /<span class="error" id="add-role-error">请选择角色<\/span>/);
    const short = await submit(admin, page, page, { username: 'new-clerk', password: 'short', role: 'officer' });
    assert.equal(short.status, 400);
    const shortPage = await short.text();
    assert.match(shortPage, /id="add-password-error">密码至少 10 个字符</);
    assert.match(shortPage, /id="add-username" name="username" value="new-clerk"/);
    assert.doesNotMatch(shortPage, /value="short"/);
    assert.equal((await db.db.select().from(users).where(eq(users.username, 'new-clerk'))).length, 0);
    const taken = await submit(admin, page, page, { username: 'edu-officer', password: PASSWORD, role: 'officer' });
    assert.equal(taken.status, 409);
    assert.match(await taken.text(), /id="add-username-error">[^<]*已被使用/);
    const noToken = await admin.post(page, { username: 'new-clerk', password: PASSWORD, role: 'officer' });
    assert.equal(noToken.status, 403);
    assert.equal((await db.db.select().from(users).where(eq(users.username, 'new-clerk'))).length, 0);
    const created = await submit(admin, page, page, { username: 'new-clerk', password: 'a good long password', role: 'reviewer' });
    assert.equal(created.status, 303);
    const after = await (await admin.get(created.headers.get('location') ?? '')).text();
    assert.match(after, /已新增用户 new-clerk（审核人）/);
    assert.match(after, /<th scope="row">new-clerk<\/th>/);
    assert.equal((await staffClient(fx.app).signIn('new-clerk', 'a good long password')).status, 303);
  });

  test('grant and revoke: a role of this agency only; 系统管理员 refused with 403 and nothing changed', async () => {
    const admin = await as('edu-admin');
    const page = '/console/admin/ca-edu/users';
    const sysadmin = await submit(admin, page, `${page}/grant`, { username: 'edu-clerk', role: 'system_admin' });
    assert.equal(sysadmin.status, 403);
    const unknown = await submit(admin, page, `${page}/grant`, { username: 'nobody-here', role: 'reviewer' });
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /id="grant-username-error">[^<]*不存在/);
    const granted = await submit(admin, page, `${page}/grant`, { username: 'edu-clerk', role: 'reviewer' });
    assert.equal(granted.status, 303);
    assert.match(await (await admin.get(granted.headers.get('location') ?? '')).text(), /已授予 edu-clerk 审核人角色/);
    const grants = async () => (await fx.identity.store.findUser('edu-clerk'))?.grants.map((g) => `${g.agency}:${g.role}`);
    assert.deepEqual(await grants(), ['ca-edu:officer', 'ca-edu:reviewer']);
    const revoked = await submit(admin, page, `${page}/edu-clerk/revoke`, { role: 'reviewer' });
    assert.equal(revoked.status, 303);
    assert.deepEqual(await grants(), ['ca-edu:officer']);
    // Its own administrator role: refused (403), kept.
    const self = await submit(admin, page, `${page}/edu-admin/revoke`, { role: 'agency_admin' });
    assert.equal(self.status, 403);
    assert.deepEqual((await fx.identity.store.findUser('edu-admin'))?.grants, [{ agency: 'ca-edu', role: 'agency_admin' }]);
  });

  test('disable ends the sessions at once and suspends the tokens without revoking them; enable restores the tokens', async () => {
    const admin = await as('edu-admin');
    const officer = staffClient(fx.app);
    assert.equal((await officer.signIn('edu-clerk')).status, 303);
    const { token } = await createApiToken(fx.identity, { username: 'edu-clerk' });
    const bearer = () => fx.app.request('/api/cases', { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await bearer()).status, 200);
    const page = '/console/admin/ca-edu/users';
    const disabled = await submit(admin, page, `${page}/edu-clerk/disable`, {});
    assert.equal(disabled.status, 303);
    const notice = await (await admin.get(disabled.headers.get('location') ?? '')).text();
    assert.match(notice, /已停用 edu-clerk：结束登录会话 1 个；其 1 个有效 API 令牌在停用期间不能使用（未撤销/);
    const [clerk] = await db.db.select({ id: users.id }).from(users).where(eq(users.username, 'edu-clerk'));
    const sessions = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(staffSessions)
      .where(eq(staffSessions.userId, clerk?.id ?? -1));
    assert.equal(sessions[0]?.n, 0);
    assert.equal((await officer.get('/console/')).status, 303);
    assert.equal((await bearer()).status, 401);
    const [row] = await db.db
      .select({ revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.userId, clerk?.id ?? -1));
    assert.equal(row?.revokedAt, null);
    // The administrator cannot disable itself (no button, and the post is refused).
    assert.equal((await submit(admin, page, `${page}/edu-admin/disable`, {})).status, 403);
    const enabled = await submit(admin, page, `${page}/edu-clerk/enable`, {});
    assert.equal(enabled.status, 303);
    assert.match(
      await (await admin.get(enabled.headers.get('location') ?? '')).text(),
      /已启用 edu-clerk；其 1 个未撤销的 API 令牌恢复可用/,
    );
    assert.equal((await bearer()).status, 200);
  });

  test('reset a password: a mismatch is refused next to the field; then the new one works and the old sessions end', async () => {
    const admin = await as('edu-admin');
    const officer = staffClient(fx.app);
    assert.equal((await officer.signIn('edu-officer')).status, 303);
    const form = '/console/admin/ca-edu/users/edu-officer/password';
    assert.equal((await admin.get(form)).status, 200);
    assert.equal((await admin.get('/console/admin/ca-edu/users/health-admin/password')).status, 404);
    const mismatch = await submit(admin, form, form, { password: 'first new password', confirm: 'second new password' });
    assert.equal(mismatch.status, 400);
    assert.match(await mismatch.text(), /id="password-confirm-error">两次输入的密码不一致/);
    const changed = await submit(admin, form, form, { password: 'officer new password', confirm: 'officer new password' });
    assert.equal(changed.status, 303);
    assert.match(
      await (await admin.get(changed.headers.get('location') ?? '')).text(),
      /已为 edu-officer 设置新密码，并结束其登录会话 \d+ 个/,
    );
    assert.equal((await officer.get('/console/')).status, 303);
    assert.equal((await staffClient(fx.app).signIn('edu-officer', PASSWORD)).status, 401);
    assert.equal((await staffClient(fx.app).signIn('edu-officer', 'officer new password')).status, 303);
    signedIn.delete('edu-officer');
  });

  test('calendar: years and history; a preview lists the moved case and records nothing; confirm imports; bad data refused next to the field', async () => {
    const root = await as('ca-root');
    const page = '/console/admin/calendar';
    const overview = await (await root.get(page)).text();
    assert.match(overview, /<th scope="row">2026年<\/th>/);
    assert.match(overview, /还没有管理员变更/);
    const before = (await db.db.select().from(calendarChanges)).length;
    const bad = await submit(root, page, `${page}/preview`, { text: '{"2027": {"holidays": ["2027-02-30"]}}', reason: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="import-text-error">[^<]*2027年的数据有误/);
    const notJson = await submit(root, page, `${page}/preview`, { text: 'not json' });
    assert.equal(notJson.status, 400);
    assert.match(await notJson.text(), /不是有效的 JSON/);
    const nothing = await submit(root, page, `${page}/preview`, { text: '' });
    assert.equal(nothing.status, 400);
    assert.match(await nothing.text(), /请上传日历文件或粘贴日历数据/);
    const badDate = await submit(root, page, `${page}/preview`, { text: '{}', effectiveFrom: '2027-02-30' });
    assert.equal(badDate.status, 400);
    const badDatePage = await badDate.text();
    assert.match(badDatePage, /id="import-effectiveFrom-error">生效日期应为有效的日期/);
    assert.match(badDatePage, /id="import-effectiveFrom" name="effectiveFrom" value="2027-02-30"/);
    const year = JSON.stringify({
      2027: {
        notices: ['测试通知'],
        breaks: [{ name: '测试假期', from: '2027-01-04', to: '2027-01-06', workdays: [] }],
        holidays: ['2027-01-04', '2027-01-05', '2027-01-06'],
        workdays: [],
      },
    });
    // Uploaded as a file (multipart), as a browser sends the form.
    const body = new FormData();
    body.set('_csrf', await root.csrfToken(page));
    body.set('file', new File([year], '2027.json', { type: 'application/json' }));
    body.set('text', '');
    body.set('reason', '国务院办公厅通知（测试）');
    const cookie = [...root.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const preview = await fx.app.request(`${page}/preview`, { method: 'POST', headers: { cookie }, body });
    assert.equal(preview.status, 200);
    const previewPage = await preview.text();
    assert.match(previewPage, /导入预览：2027年/);
    assert.match(previewPage, /<table class="data" id="moved-cases"><caption>共 1 件<\/caption>/);
    assert.match(previewPage, /<td>ca-edu<\/td><th scope="row"><a href="\/console\/cases\/GK2026-\d+">GK2026-\d+<\/a><\/th>/);
    assert.match(previewPage, /<button type="submit">确认导入<\/button>/);
    assert.equal((await db.db.select().from(calendarChanges)).length, before, 'the preview recorded a change');
    // The confirm form carries everything back.
    const hidden = Object.fromEntries(
      [...previewPage.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    );
    const decode = (v: string) =>
      v
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const confirmed = await root.post(
      `${page}/import`,
      Object.fromEntries(Object.entries(hidden).map(([k, v]) => [k as string, decode(v as string)])),
    );
    assert.equal(confirmed.status, 303);
    const after = await (await root.get(confirmed.headers.get('location') ?? '')).text();
    assert.match(after, /已导入（变更序号 \d+）/);
    assert.match(after, /<th scope="row">2027年<\/th><td>管理员导入/);
    assert.match(textOf(after), /ca-root.*国务院办公厅通知（测试）.*2027\.json/s);
    assert.equal((await db.db.select().from(calendarChanges)).length, before + 1);
    // Without the token: 403, nothing recorded.
    assert.equal(
      (await root.post(`${page}/import`, { text: year, fileName: 'x.json', year: '', effectiveFrom: '', reason: '' })).status,
      403,
    );
    assert.equal((await db.db.select().from(calendarChanges)).length, before + 1);
  });

  test('agency settings: a bad value is refused next to its field and nothing changes; saved values reach the history; the SMTP password never comes back', async () => {
    const admin = await as('edu-admin');
    const page = '/console/admin/ca-edu/settings';
    const shown = await (await admin.get(page)).text();
    assert.match(shown, /<label for="clock-receipt-office-hours-end">下班时间<\/label>/);
    assert.match(shown, /<label for="letters-letter-doc-number-prefix">文号前缀<\/label>/);
    const rows = async () => (await db.db.select().from(settingChanges)).length;
    const before = await rows();
    const bad = await submit(admin, page, page, {
      section: 'clock',
      'receipt.office-hours-end': '25:00',
      'correction.period-working-days': '15',
      reason: '',
    });
    assert.equal(bad.status, 400);
    const badPage = await bad.text();
    assert.match(badPage, /id="clock-receipt-office-hours-end-error">/);
    assert.match(badPage, /value="25:00"/);
    assert.equal(await rows(), before);
    const saved = await submit(admin, page, page, { section: 'clock', 'receipt.office-hours-end': '18:00', reason: '冬季作息' });
    assert.equal(saved.status, 303);
    const prefix = await submit(admin, page, page, { section: 'letters', 'letter.doc-number-prefix': '某教信公开', reason: '' });
    assert.equal(prefix.status, 303);
    const mail = await submit(admin, page, page, {
      section: 'mail',
      'mail.smtp-host': 'smtp.example.gov.cn',
      'mail.smtp-user': 'gongkai',
      'mail.smtp-password': 'the smtp secret',
      reason: '',
    });
    assert.equal(mail.status, 303);
    const after = await (await admin.get(page)).text();
    assert.doesNotMatch(after, /the smtp secret/);
    assert.match(after, /已设置；留空则保持不变/);
    assert.match(textOf(after), /下班时间receipt\.office-hours-end本机构（默认值）18:00edu-admin冬季作息/);
    assert.match(after, /value="某教信公开"/);
    const [edu] = await db.db.execute<{ id: number }>(sql`select id from agencies where slug = 'ca-edu'`).then((r) => r.rows);
    const stored = await db.db
      .select()
      .from(agencySettings)
      .where(eq(agencySettings.agencyId, edu?.id ?? -1));
    assert.equal(stored.find((r) => r.key === 'mail.smtp-password')?.value, 'the smtp secret');
    assert.ok(!JSON.stringify(await db.db.select().from(settingChanges)).includes('the smtp secret'));
    // 恢复默认 of a clock and a letter setting: the agency's rows go, the defaults apply, each change is in the history.
    assert.ok(after.includes('<input type="checkbox" name="reset" value="receipt.office-hours-end">'));
    assert.ok(
      after.includes('<input type="checkbox" name="reset" value="letter.doc-number-prefix"> 恢复默认：删除本机构的值，改用内置默认值'),
    );
    assert.ok(!after.includes('name="reset" value="receipt.rest-day"'), 'nothing to reset where the agency has no value');
    const resetClock = await submit(admin, page, page, {
      section: 'clock',
      'receipt.office-hours-end': '18:00',
      reset: 'receipt.office-hours-end',
      reason: '恢复',
    });
    assert.equal(resetClock.headers.get('location'), '/console/admin/ca-edu/settings?saved=1#clock-title');
    const resetLetter = await submit(admin, page, page, {
      section: 'letters',
      'letter.doc-number-prefix': '某教信公开',
      reset: 'letter.doc-number-prefix',
      reason: '',
    });
    assert.equal(resetLetter.headers.get('location'), '/console/admin/ca-edu/settings?saved=1#letters-title');
    const afterReset = await (await admin.get(page)).text();
    assert.match(afterReset, /name="receipt.office-hours-end" value="17:30"/);
    assert.doesNotMatch(afterReset, /value="某教信公开"/);
    assert.match(textOf(afterReset), /下班时间receipt\.office-hours-end本机构18:00恢复默认（17:30）edu-admin恢复/);
    const own = await db.db
      .select()
      .from(agencySettings)
      .where(eq(agencySettings.agencyId, edu?.id ?? -1));
    assert.deepEqual(own.map((r) => r.key).sort(), ['mail.smtp-host', 'mail.smtp-password', 'mail.smtp-user']);
    // Another agency's administrator cannot post here.
    const other = await as('health-admin');
    const token = await other.csrfToken('/console/admin/ca-health/settings');
    assert.equal((await other.post(page, { section: 'clock', 'receipt.office-hours-end': '16:00', _csrf: token })).status, 403);
  });

  test('agency settings: 网上申请提交频率上限 (intake.rate-limit) shows the value in force and its source, refuses a bad value beside the field, saves per agency', async () => {
    const admin = await as('edu-admin');
    const page = '/console/admin/ca-edu/settings';
    const effective = (html: string) => textOf(/<p id="intake-effective">.*?<\/p>/s.exec(html)?.[0] ?? '');
    const first = await (await admin.get(page)).text();
    assert.match(first, /<label for="intake-intake-rate-limit">网上申请提交频率上限<\/label>/);
    assert.match(first, /<input type="text" id="intake-intake-rate-limit" name="intake.rate-limit" value="10\/60" maxlength="13"/);
    assert.equal(effective(first), '现行：10/60（每个客户端地址每 60 秒最多提交 10 次；内置默认值）。');
    // The instance default, set by the operator (`gongkai letter settings set intake.rate-limit 30/60`).
    await setLetterSetting(createLetterPorts(db.db), { key: 'intake.rate-limit', value: '30/60', actor: 'operator' });
    try {
      assert.equal(effective(await (await admin.get(page)).text()), '现行：30/60（每个客户端地址每 60 秒最多提交 30 次；实例默认值）。');
      const rows = async () => (await db.db.select().from(settingChanges)).length;
      const before = await rows();
      for (const bad of ['10 per minute', '0/60', '5/100000', '']) {
        const refused = await submit(admin, page, page, { section: 'intake', 'intake.rate-limit': bad, reason: '' });
        assert.equal(refused.status, 400, bad);
        const html = await refused.text();
        assert.ok(
          html.includes(
            `<span class="error" id="intake-intake-rate-limit-error">设置 intake.rate-limit 的值应为“次数/秒数”（次数 1–100000，秒数 1–86400，如 10/60）或 off，收到“${bad}”</span>`,
          ),
          bad,
        );
        assert.match(html, /<h2 id="intake-summary">提交的内容有误，未作任何修改<\/h2>/);
        assert.ok(html.includes(`name="intake.rate-limit" value="${bad}"`));
      }
      assert.equal(await rows(), before);
      const saved = await submit(admin, page, page, { section: 'intake', 'intake.rate-limit': ' 5/60 ', reason: '防刷' });
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), '/console/admin/ca-edu/settings?saved=1#intake-title');
      const after = await (await admin.get(page)).text();
      assert.equal(
        effective(after),
        '现行：5/60（每个客户端地址每 60 秒最多提交 5 次；本机构设置）。不设本机构值时为实例默认值 30/60（每个客户端地址每 60 秒最多提交 30 次）。',
      );
      assert.match(textOf(after), /网上申请提交频率上限intake\.rate-limit本机构（默认值）5\/60edu-admin防刷/);
      // What the server's intake limiter reads for the agency (and, for another, the instance default).
      const limitOf = intakeLimitResolver(db.db);
      assert.deepEqual(await limitOf('ca-edu'), { limit: 5, windowSeconds: 60 });
      assert.deepEqual(await limitOf('ca-health'), { limit: 30, windowSeconds: 60 });
      assert.equal((await submit(admin, page, page, { section: 'intake', 'intake.rate-limit': 'off', reason: '' })).status, 303);
      const withOwn = await (await admin.get(page)).text();
      assert.match(effective(withOwn), /^现行：off（不限；本机构设置）。/);
      assert.equal(await intakeLimitResolver(db.db)('ca-edu'), 'off');
      // 恢复默认: the agency's own value goes; the instance default applies again, recorded in the history.
      assert.ok(
        withOwn.includes('<input type="checkbox" name="reset" value="intake.rate-limit"> 恢复默认：删除本机构的值，改用实例默认值 30/60'),
      );
      const reset = await submit(admin, page, page, {
        section: 'intake',
        'intake.rate-limit': 'off',
        reset: 'intake.rate-limit',
        reason: '回到全市统一值',
      });
      assert.equal(reset.status, 303);
      assert.equal(reset.headers.get('location'), '/console/admin/ca-edu/settings?saved=1#intake-title');
      const afterReset = await (await admin.get(page)).text();
      assert.equal(effective(afterReset), '现行：30/60（每个客户端地址每 60 秒最多提交 30 次；实例默认值）。');
      assert.ok(!afterReset.includes('name="reset" value="intake.rate-limit"'), 'no reset offered once the agency has no value of its own');
      assert.match(textOf(afterReset), /网上申请提交频率上限intake\.rate-limit本机构off恢复默认（30\/60）edu-admin回到全市统一值/);
      assert.deepEqual(await intakeLimitResolver(db.db)('ca-edu'), { limit: 30, windowSeconds: 60 });
      // Ticking it again changes nothing and records nothing.
      const rowsBefore = await rows();
      assert.equal(
        (
          await submit(admin, page, page, { section: 'intake', 'intake.rate-limit': '30/60', reset: 'intake.rate-limit', reason: '' })
        ).headers.get('location'),
        '/console/admin/ca-edu/settings?saved=0#intake-title',
      );
      assert.equal(await rows(), rowsBefore);
    } finally {
      await db.pool.query(`delete from instance_settings where key = 'intake.rate-limit'`);
    }
  });

  test('letter templates: an unknown merge field is refused next to the body; saved, listed as the agency own, reset', async () => {
    const admin = await as('edu-admin');
    const list = await (await admin.get('/console/admin/ca-edu/templates')).text();
    assert.match(list, /<th scope="row">部分公开<\/th>/);
    const edit = '/console/admin/ca-edu/templates/partial';
    assert.equal((await admin.get('/console/admin/ca-edu/templates/nonsense')).status, 404);
    const bad = await submit(admin, edit, edit, { title: '答复书', addressee: '{{applicantName}}：', body: '{{remedyNotce}}' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="template-body-error">[^<]*remedyNotce/);
    const good = await submit(admin, edit, edit, {
      title: '部分公开答复书',
      addressee: '{{applicantName}}：',
      body: '经审查，{{outcomeText}}\n{{remedyNotice}}',
    });
    assert.equal(good.status, 303);
    const listed = await (await admin.get(good.headers.get('location') ?? '')).text();
    assert.match(listed, /已保存“部分公开”模板/);
    assert.match(listed, /<th scope="row">部分公开<\/th><td>部分公开答复书<\/td><td>本机构模板<\/td>/);
    const reset = await submit(admin, edit, `${edit}/reset`, {});
    assert.equal(reset.status, 303);
    assert.match(await (await admin.get(reset.headers.get('location') ?? '')).text(), /“部分公开”已恢复为默认模板/);
  });

  test('dashboard: counts, two SVG charts with title and desc, and their data tables', async () => {
    const officer = await as('edu-clerk');
    const response = await officer.get('/console/ca-edu/dashboard');
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /<dd data-count="open"><a href="\/console\/cases\?agency=ca-edu">1<span class="visually-hidden">/);
    assert.match(page, /<dd data-count="overdue"><a href="\/console\/cases\?agency=ca-edu&amp;due=overdue">0</);
    assert.match(page, /<dd data-count="due-soon"><a href="\/console\/cases\?agency=ca-edu&amp;due=soon">/);
    assert.equal(page.match(/<svg class="chart" role="img"/g)?.length, 2);
    assert.match(page, /<table class="data" id="table-months">/);
    assert.match(page, /<tr><th scope="row">2026年12月<\/th><td>1<\/td><\/tr>/);
  });
});
