// The public portal on the real case use cases and database, on PGlite and (when DATABASE_URL is
// set) PostgreSQL: agencies come from the database, an application posted through the form becomes
// a case that the status lookup finds, and refused posts (CSRF, invalid input) write no row.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Hono } from 'hono';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import type { CaseDeps } from '#app/case-ports.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { lookupApplicationStatus } from '#app/cases/query-cases.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { portalRoutes } from '#web/portal/portal-routes.ts';
import { portalServicesOf } from '#web/portal/portal-services.ts';
import { type PortalClient, portalClient, VALID_FORM } from './portal-client.ts';

const NOW = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Beijing

forEachEngine('public portal on the case use cases', ({ database }) => {
  let app: Hono;
  let browser: PortalClient;
  let countCases: () => Promise<number>;

  before(async () => {
    const { db, pool } = await database();
    const agencies = createDbAgencyStore(openAccess(db));
    await agencies.add({ slug: 'edu', name: '示例市教育局', kind: 'department' });
    const deps: CaseDeps = { cases: createCaseStore(db), clock: { now: () => NOW } };
    const services = portalServicesOf({
      agencies,
      cases: {
        createApplication: ({ agency, body }) =>
          createApplication(deps, {
            agencySlug: agency,
            applicant: body.applicant,
            description: body.description,
            delivery: body.delivery,
            actor: 'public',
          }),
        lookupApplicationStatus: async (input) => {
          const status = await lookupApplicationStatus(deps, input);
          return { ...status, outcome: status.outcome ?? null };
        },
      },
    });
    app = new Hono();
    app.route('/', portalRoutes({ services: () => services, intakeRateLimit: 'off', log: () => {} }));
    browser = portalClient(app);
    countCases = async () => (await pool.query<{ n: number }>('select count(*)::int as n from cases')).rows[0]?.n ?? -1;
  });

  test('the homes list the agencies of the database', async () => {
    const home = await browser.get('/');
    assert.equal(home.status, 200);
    assert.ok((await home.text()).includes('<a href="/edu/">示例市教育局</a>'));
    const agency = await browser.get('/edu/');
    assert.equal(agency.status, 200);
    assert.match(await agency.text(), /示例市教育局 政府信息公开/);
  });

  test('refused posts write no case: a forged token (403) and invalid input (422)', async () => {
    assert.equal((await browser.post('/edu/apply', { ...VALID_FORM, _csrf: 'forged' })).status, 403);
    const token = await browser.csrfToken('/edu/apply');
    const invalid = await browser.post('/edu/apply', { ...VALID_FORM, 'applicant.idNumber': '110105194912310021', _csrf: token });
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /校验码/);
    assert.equal(await countCases(), 0);
  });

  test('a valid application becomes a case: 303, receipt with 案件编号 and 验证码, found by the status lookup', async () => {
    const token = await browser.csrfToken('/edu/apply');
    const response = await browser.post('/edu/apply', { ...VALID_FORM, _csrf: token });
    assert.equal(response.status, 303);
    assert.equal(await countCases(), 1);
    const location = new URL(response.headers.get('location') ?? '', 'http://portal');
    assert.equal(location.pathname, '/edu/receipt');
    const caseCode = location.searchParams.get('code') ?? '';
    const verificationCode = location.searchParams.get('v') ?? '';
    const receipt = await (await browser.get(`${location.pathname}${location.search}`)).text();
    assert.ok(receipt.includes(`<dt>案件编号</dt><dd>${caseCode}</dd>`));
    assert.ok(receipt.includes(`<dt>验证码</dt><dd>${verificationCode}</dd>`));
    assert.ok(receipt.includes('<dt>收到申请日期</dt><dd>2026-03-02</dd>'));

    const status = await browser.get(`/status?${new URLSearchParams({ code: caseCode, v: verificationCode }).toString()}`);
    assert.equal(status.status, 200);
    assert.ok((await status.text()).includes(`<th scope="row">案件编号</th><td>${caseCode}</td>`));
    const wrong = await browser.get(`/status?${new URLSearchParams({ code: caseCode, v: `${verificationCode}0` }).toString()}`);
    assert.equal(wrong.status, 404);
    assert.match(await wrong.text(), /未找到该申请/);
  });
});
