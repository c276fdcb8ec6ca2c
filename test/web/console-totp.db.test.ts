// The TOTP second factor through the console on both engines: enrolment (secret + otpauth URI,
// confirmed with a code), the second sign-in step (a pending session signs nobody in, the id changes
// after the code, a code works once), and turning it off with a current code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, totpCode } from '#adapters/security/totp.ts';
import { addUser } from '#app/identity/manage-users.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { addAgencies, PASSWORD, staffClient, webFixture } from './console-harness.ts';

const START = new Date('2026-03-02T02:00:00Z');

forEachEngine('console TOTP', ({ database }) => {
  test('enrol, sign in with a code, a code works once, turn it off', async () => {
    const db = await database();
    await addAgencies(db, [['city', null]]);
    const fx = await webFixture(db, { start: START });
    await addUser(fx.identity, { username: 'wang', agency: 'city', role: 'officer', password: PASSWORD });
    const at = (seconds: number) => {
      fx.clock.now = new Date(START.getTime() + seconds * 1000);
    };
    const browser = staffClient(fx.app);
    assert.equal((await browser.signIn('wang')).status, 303);
    assert.match(await (await browser.get('/console/account')).text(), /状态：<strong>未启用<\/strong>/);

    const enrol = await (await browser.get('/console/account/totp')).text();
    const secret = /<p class="secret" id="totp-secret">([A-Z2-7]{32})<\/p>/.exec(enrol)?.[1] ?? '';
    assert.ok(secret, 'the base32 secret is shown');
    assert.ok(enrol.includes(`otpauth://totp/gongkai:wang?secret=${secret}&amp;issuer=gongkai`), 'the otpauth URI is shown');
    assert.equal(
      /id="totp-secret">([A-Z2-7]{32})</.exec(await (await browser.get('/console/account/totp')).text())?.[1],
      secret,
      'same secret on reload',
    );
    const key = base32Decode(secret) as Uint8Array;
    const code = () => totpCode(key, fx.clock.now);
    const token = await browser.csrfToken('/console/account/totp');

    const wrong = await browser.post('/console/account/totp', { _csrf: token, code: code() === '000000' ? '111111' : '000000' });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /动态验证码错误/);
    const forged = await browser.post('/console/account/totp', { code: code() });
    assert.equal(forged.status, 403, 'no CSRF token: refused before the code is looked at');
    const confirmed = await browser.post('/console/account/totp', { _csrf: token, code: code() });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/console/account?done=enabled');
    assert.match(await (await browser.get('/console/account')).text(), /状态：<strong>已启用<\/strong>/);

    // Sign-in now stops at the second step; the pending session reaches nothing.
    at(60);
    const laptop = staffClient(fx.app);
    const first = await laptop.signIn('wang');
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/console/login/totp');
    const pending = laptop.cookies.get('gk_session');
    assert.equal((await laptop.get('/console/')).headers.get('location'), '/console/login/totp');
    assert.equal((await laptop.api('/api/session')).status, 401);
    const step = await (await laptop.get('/console/login/totp')).text();
    assert.match(step, /<label for="f-code">6 位动态验证码<\/label>/);
    const stepToken = /name="_csrf" value="([^"]+)"/.exec(step)?.[1] ?? '';
    const bad = await laptop.post('/console/login/totp', { _csrf: stepToken, code: code() === '000000' ? '111111' : '000000' });
    assert.equal(bad.status, 401);
    assert.match(await bad.text(), /动态验证码错误/);
    const good = await laptop.post('/console/login/totp', { _csrf: stepToken, code: code() });
    assert.equal(good.status, 303);
    assert.equal(good.headers.get('location'), '/console/');
    assert.notEqual(laptop.cookies.get('gk_session'), pending, 'a new session id after the second step');
    assert.equal((await fx.app.request('/console/', { headers: { cookie: `gk_session=${pending}` } })).status, 303);
    assert.equal((await laptop.get('/console/')).status, 200);

    // The same code (same 30 s step) does not sign in a second time.
    const phone = staffClient(fx.app);
    await phone.signIn('wang');
    const phoneToken = /name="_csrf" value="([^"]+)"/.exec(await (await phone.get('/console/login/totp')).text())?.[1] ?? '';
    assert.equal((await phone.post('/console/login/totp', { _csrf: phoneToken, code: code() })).status, 401, 'replayed code refused');
    at(90);
    assert.equal((await phone.post('/console/login/totp', { _csrf: phoneToken, code: code() })).status, 303);

    // Off again, with a current code.
    at(120);
    const accountToken = await laptop.csrfToken('/console/account');
    const noCode = await laptop.post('/console/account/totp/disable', { _csrf: accountToken, code: '' });
    assert.equal(noCode.status, 422);
    const off = await laptop.post('/console/account/totp/disable', { _csrf: accountToken, code: code() });
    assert.equal(off.status, 303);
    assert.equal(off.headers.get('location'), '/console/account?done=disabled');
    const plain = await staffClient(fx.app).signIn('wang');
    assert.equal(plain.headers.get('location'), '/console/');
  });
});
