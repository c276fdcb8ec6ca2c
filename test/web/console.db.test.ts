// The staff console through the app's fetch handler, with the real use cases on both engines:
// sign-in (same answer for an unknown user and a wrong password, values kept but the password),
// the session cookie's flags, id rotation, sign-out with CSRF, idle and absolute expiry, disabled
// users, the sign-in rate limit, the layout's navigation by role, and the API's session way in
// (GET /api/session, x-csrf-token on writes, bearer tokens unchanged).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { users } from '#adapters/db/schema/identity.ts';
import { staffSessions } from '#adapters/db/schema/sessions.ts';
import { setUserPassword } from '#app/identity/administer-users.ts';
import { addUser, createApiToken } from '#app/identity/manage-users.ts';
import { forEachEngine, type TestDatabase } from '#test/db-harness.ts';
import { loadCsrfSecret } from '../../src/compose-console-services.ts';
import { intakeBody } from '../http/intake-load.ts';
import { addAgencies, PASSWORD, staffClient, type WebFixture, webFixture } from './console-harness.ts';

const START = new Date('2026-03-02T02:00:00Z');

forEachEngine('staff console', ({ database }) => {
  let db: TestDatabase;
  let fx: WebFixture;

  before(async () => {
    db = await database();
    await addAgencies(db, [
      ['city', null],
      ['dept-a', 'city'],
      ['other', null],
    ]);
    fx = await webFixture(db, { start: START, policy: { idleSeconds: 1800, absoluteSeconds: 8 * 3600 } });
    const people: [string, string, string][] = [
      ['officer-a', 'dept-a', 'officer'],
      ['admin-a', 'dept-a', 'agency_admin'],
      ['super-city', 'city', 'supervisor'],
      ['gone', 'dept-a', 'officer'],
      ['limited', 'dept-a', 'officer'],
    ];
    for (const [username, agency, role] of people) {
      await addUser(fx.identity, { username, agency, role, password: PASSWORD });
    }
    await addUser(fx.identity, { username: 'admin-a', agency: 'other', role: 'reviewer', password: PASSWORD });
  });

  const sessionCount = async () => (await db.db.select({ n: sql<number>`count(*)::int` }).from(staffSessions))[0]?.n ?? 0;

  test('the sign-in page: labelled fields, the CSRF field, no-store, the portal CSP', async () => {
    const browser = staffClient(fx.app);
    const response = await browser.get('/console/login');
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /<html lang="zh-CN">/);
    assert.match(page, /<label for="f-username">用户名<\/label><input type="text" id="f-username" name="username"/);
    assert.match(page, /<label for="f-password">密码<\/label><input type="password" id="f-password" name="password"/);
    assert.match(page, /name="_csrf" value="[A-Za-z0-9_-]{43}"/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
  });

  test('wrong password and unknown user: one message, 401, username kept, password not, no session', async () => {
    const before = await sessionCount();
    const answers: string[] = [];
    for (const [username, password] of [
      ['officer-a', 'wrong password!'],
      ['nobody-here', PASSWORD],
    ] as const) {
      const browser = staffClient(fx.app);
      const response = await browser.signIn(username, password);
      assert.equal(response.status, 401, username);
      assert.equal(browser.cookies.has('gk_session'), false);
      const page = await response.text();
      assert.ok(page.includes(`name="username" value="${username}"`), 'username kept');
      assert.ok(page.includes('name="password" value=""'), 'password emptied');
      assert.ok(!page.includes(password), 'password not echoed');
      answers.push(/<p id="problem">([^<]*)<\/p>/.exec(page)?.[1] ?? '');
    }
    assert.equal(answers[0], '用户名或密码错误');
    assert.equal(answers[1], answers[0]);
    assert.equal(await sessionCount(), before);
  });

  test('a post without the form token is refused 403 and signs nobody in', async () => {
    const browser = staffClient(fx.app);
    await browser.get('/console/login');
    const response = await browser.post('/console/login', { username: 'officer-a', password: PASSWORD, _csrf: 'forged' });
    assert.equal(response.status, 403);
    assert.equal(browser.cookies.has('gk_session'), false);
  });

  test('the form CSRF key is the instance secret in the database: a token from one node (or before a restart) checks on another', async () => {
    const first = await loadCsrfSecret(db.db);
    const again = await loadCsrfSecret(db.db);
    assert.equal(first.length, 32);
    assert.deepEqual(again, first);
    const nodeA = await webFixture(db, { start: START, csrfSecret: () => first });
    const nodeB = await webFixture(db, { start: START, csrfSecret: () => again });
    const stranger = await webFixture(db, { start: START, csrfSecret: new Uint8Array(32) });
    const browser = staffClient(nodeA.app);
    const token = await browser.csrfToken('/console/login');
    const csrfCookie = `gk_csrf=${browser.cookies.get('gk_csrf')}`;
    const post = (app: typeof nodeA.app) =>
      app.request('/console/login', {
        method: 'POST',
        headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'officer-a', password: 'wrong password', _csrf: token }).toString(),
      });
    assert.equal((await post(nodeB.app)).status, 401, 'token accepted, password refused');
    assert.equal((await post(stranger.app)).status, 403, 'another key refuses the token');
  });

  test('sign-in: 303 to /console/, HttpOnly SameSite cookie (Secure behind TLS), the home lists agencies and roles', async () => {
    const browser = staffClient(fx.app);
    const response = await browser.signIn('admin-a');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/console/');
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('gk_session=')) ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
    const home = await browser.get('/console/');
    assert.equal(home.status, 200);
    assert.equal(home.headers.get('cache-control'), 'no-store');
    const page = await home.text();
    assert.match(page, /测试机关dept-a/);
    assert.match(page, /测试机关other/);
    assert.match(page, /机构管理员/);
    assert.match(page, /审核人/);
    assert.match(page, /<a href="\/console\/admin">机构管理<\/a>/);
    assert.match(page, /<form method="post" action="\/console\/logout"><input type="hidden" name="_csrf"/);

    const tls = staffClient(fx.app);
    const token = await tls.csrfToken('/console/login');
    const secure = await tls.post(
      '/console/login',
      { username: 'officer-a', password: PASSWORD, _csrf: token },
      { 'x-forwarded-proto': 'https' },
    );
    assert.equal(secure.status, 303);
    assert.match(secure.headers.getSetCookie().find((line) => line.startsWith('gk_session=')) ?? '', /Secure/);
  });

  test('navigation follows the role: an officer sees no 机构管理 and is refused its page', async () => {
    const browser = staffClient(fx.app);
    await browser.signIn('officer-a');
    const page = await (await browser.get('/console/')).text();
    assert.match(page, /办理人/);
    assert.doesNotMatch(page, /href="\/console\/admin"/);
    assert.match(page, /href="\/console\/cases"/);
    assert.equal((await browser.get('/console/admin')).status, 403);
  });

  test('signed out: a console page redirects to sign-in with next, and sign-in returns there', async () => {
    const browser = staffClient(fx.app);
    const response = await browser.get('/console/cases');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/console/login?next=%2Fconsole%2Fcases');
    const form = await (await browser.get('/console/login?next=%2Fconsole%2Fcases')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    assert.match(form, /name="next" value="\/console\/cases"/);
    const signed = await browser.post('/console/login', {
      username: 'officer-a',
      password: PASSWORD,
      _csrf: token,
      next: '/console/cases',
    });
    assert.equal(signed.headers.get('location'), '/console/cases');
    const offsite = await browser.post('/console/login', {
      username: 'officer-a',
      password: PASSWORD,
      _csrf: token,
      next: '//evil.example/',
    });
    assert.equal(offsite.headers.get('location'), '/console/');
    assert.equal((await browser.post('/console/cases', { _csrf: 'x' })).status, 403);
    assert.equal((await staffClient(fx.app).post('/console/cases', {})).status, 401);
  });

  test('the session id is new at every sign-in; the old one stops working', async () => {
    const browser = staffClient(fx.app);
    await browser.signIn('officer-a');
    const first = browser.cookies.get('gk_session');
    await browser.signIn('officer-a');
    const second = browser.cookies.get('gk_session');
    assert.ok(first && second && first !== second);
    const old = await fx.app.request('/console/', { headers: { cookie: `gk_session=${first}` } });
    assert.equal(old.status, 303);
    assert.equal((await browser.get('/console/')).status, 200);
    const stored = await db.db.select({ idHash: staffSessions.idHash }).from(staffSessions);
    assert.ok(
      stored.every((row) => row.idHash !== second && /^[0-9a-f]{64}$/.test(row.idHash)),
      'only hashes stored',
    );
  });

  test('sign-out needs the CSRF token; then the session is gone', async () => {
    const browser = staffClient(fx.app);
    await browser.signIn('officer-a');
    const cookie = browser.cookies.get('gk_session');
    const forged = await browser.post('/console/logout', { _csrf: 'nope' });
    assert.equal(forged.status, 403);
    assert.equal((await browser.get('/console/')).status, 200);
    const token = await browser.csrfToken('/console/');
    const out = await browser.post('/console/logout', { _csrf: token });
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/console/login?out=1');
    assert.equal(browser.cookies.has('gk_session'), false);
    const replay = await fx.app.request('/console/', { headers: { cookie: `gk_session=${cookie}` } });
    assert.equal(replay.status, 303);
  });

  test('idle and absolute expiry', async () => {
    const browser = staffClient(fx.app);
    fx.clock.now = START;
    await browser.signIn('officer-a');
    // Used every 20 minutes, the idle limit (30) never hits; the absolute one (8 h) does.
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      fx.clock.now = new Date(START.getTime() + minutes * 60_000);
      assert.equal((await browser.get('/console/')).status, 200, `at ${minutes} min`);
    }
    fx.clock.now = new Date(START.getTime() + 8 * 3600_000);
    assert.equal((await browser.get('/console/')).status, 303);

    fx.clock.now = START;
    await browser.signIn('officer-a');
    fx.clock.now = new Date(START.getTime() + 29 * 60_000);
    assert.equal((await browser.get('/console/')).status, 200);
    fx.clock.now = new Date(START.getTime() + (29 + 31) * 60_000);
    assert.equal((await browser.get('/console/')).status, 303);
    fx.clock.now = START;
  });

  test('a disabled user cannot sign in, and an open session of theirs stops working', async () => {
    const browser = staffClient(fx.app);
    assert.equal((await browser.signIn('gone')).status, 303);
    await db.db.update(users).set({ disabledAt: START.toISOString() }).where(eq(users.username, 'gone'));
    assert.equal((await browser.get('/console/')).status, 303);
    const again = await staffClient(fx.app).signIn('gone');
    assert.equal(again.status, 401);
    assert.match(await again.text(), /用户名或密码错误/);
  });

  test('a new password (gongkai user passwd, the console) ends the open sessions of that user only', async () => {
    const mine = staffClient(fx.app);
    const theirs = staffClient(fx.app);
    assert.equal((await mine.signIn('limited')).status, 303);
    assert.equal((await theirs.signIn('officer-a')).status, 303);
    const result = await setUserPassword(fx.identity, { username: 'limited', password: 'another long password', who: 'test' });
    assert.equal(result.sessionsEnded, 1);
    assert.equal((await mine.get('/console/')).status, 303);
    assert.equal((await theirs.get('/console/')).status, 200);
    assert.equal((await staffClient(fx.app).signIn('limited', 'another long password')).status, 303);
  });

  test('GET /api/session: user, agencies, role, csrfToken; 401 without a session', async () => {
    const browser = staffClient(fx.app);
    await browser.signIn('admin-a');
    const response = await browser.api('/api/session');
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['agencies', 'csrfToken', 'role', 'user']);
    assert.equal((body['user'] as { username: string }).username, 'admin-a');
    assert.deepEqual(body['agencies'], [
      { slug: 'dept-a', name: '测试机关dept-a', roles: ['agency_admin'] },
      { slug: 'other', name: '测试机关other', roles: ['reviewer'] },
    ]);
    assert.equal(body['role'], 'agency_admin');
    const page = await (await browser.get('/console/')).text();
    assert.ok(page.includes(`name="_csrf" value="${body['csrfToken']}"`), 'the console forms carry the same token');
    assert.equal((await staffClient(fx.app).api('/api/session')).status, 401);
  });

  test('/api/cases with the session: reads need no token; writes without x-csrf-token answer 403 and change nothing; bearer needs none', async () => {
    const intake = await fx.app.request('/api/agencies/dept-a/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intakeBody(1)),
    });
    assert.equal(intake.status, 201);
    const { caseCode } = (await intake.json()) as { caseCode: string };
    const browser = staffClient(fx.app);
    await browser.signIn('officer-a');
    const { csrfToken } = (await (await browser.api('/api/session')).json()) as { csrfToken: string };
    const read = await browser.api(`/api/cases/${caseCode}`);
    assert.equal(read.status, 200);
    const before = await read.text();
    const event = { type: 'correction_requested', date: '2026-03-02' };
    for (const headers of [{}, { 'x-csrf-token': 'wrong' }, { 'x-csrf-token': `${csrfToken}x` }]) {
      const refused = await browser.api(`/api/cases/${caseCode}/events`, { method: 'POST', json: event, headers });
      assert.equal(refused.status, 403, JSON.stringify(headers));
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'FORBIDDEN');
    }
    assert.equal(await (await browser.api(`/api/cases/${caseCode}`)).text(), before, 'nothing changed');
    const accepted = await browser.api(`/api/cases/${caseCode}/events`, {
      method: 'POST',
      json: event,
      headers: { 'x-csrf-token': csrfToken },
    });
    assert.equal(accepted.status, 201, await accepted.clone().text());
    assert.equal(((await accepted.json()) as { state: string }).state, 'awaiting_correction');

    const { token } = await createApiToken(fx.identity, { username: 'officer-a' });
    const bearer = await fx.app.request(`/api/cases/${caseCode}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(bearer.status, 200);
    const other = staffClient(fx.app);
    await other.signIn('super-city');
    assert.equal((await other.api(`/api/cases/${caseCode}`)).status, 200, 'a supervisor of the parent reads');
    const stranger = staffClient(fx.app);
    await addUser(fx.identity, { username: 'officer-o', agency: 'other', role: 'officer', password: PASSWORD });
    await stranger.signIn('officer-o');
    const hidden = await stranger.api(`/api/cases/${caseCode}`);
    assert.equal(hidden.status, 404);
    assert.doesNotMatch(await hidden.text(), /dept-a/);
  });
});

forEachEngine('console sign-in rate limit', ({ database }) => {
  test('past the limit a username is refused 429 even with the right password; another username still signs in', async () => {
    const db = await database();
    await addAgencies(db, [['city', null]]);
    const fx = await webFixture(db, { start: START, signInLimit: { limit: 3, windowSeconds: 300 } });
    for (const username of ['wang', 'li']) {
      await addUser(fx.identity, { username, agency: 'city', role: 'officer', password: PASSWORD });
    }
    const browser = staffClient(fx.app);
    for (let i = 0; i < 3; i += 1) {
      assert.equal((await browser.signIn('wang', 'not the password')).status, 401);
    }
    const blocked = await browser.signIn('wang');
    assert.equal(blocked.status, 429);
    assert.match(blocked.headers.get('retry-after') ?? '', /^\d+$/);
    assert.match(await blocked.text(), /登录尝试次数过多/);
    assert.equal(browser.cookies.has('gk_session'), false);
    assert.equal((await staffClient(fx.app).signIn('li')).status, 303);
  });

  test('GONGKAI_RATE_LIMIT=off: no limit', async () => {
    const db = await database();
    const fx = await webFixture(db, { start: START, signInLimit: 'off' });
    const browser = staffClient(fx.app);
    for (let i = 0; i < 8; i += 1) {
      assert.equal((await browser.signIn('li', 'not the password')).status, 401);
    }
    assert.equal((await browser.signIn('li')).status, 303);
  });
});
