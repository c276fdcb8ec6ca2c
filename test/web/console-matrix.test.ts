// The route × role × agency matrix (issue #8): every route the web app registers (Hono's
// `app.routes`: API, console, portal — including routes added later) × each of the five roles ×
// own agency / other agency / child agency (where the supervisor's reach shows), through the app's
// fetch handler, with the session cookie and, on the API, with a bearer token. Every route must have
// a row in ROUTES below: a route without one fails the first test with its name.
//
// Users: one per role, each granted in `dept-a` (city ─ dept-a ─ office-a1; `other` a separate root).
// Targets: own = dept-a, child = office-a1, other = other. What each role may reach is written out
// by hand in COVERS (not computed by the code under test).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { addUser, createApiToken } from '#app/identity/manage-users.ts';
import type { Role } from '#core/identity/access-policy.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { intakeBody } from '../http/intake-load.ts';
import { addAgencies, type StaffClient, staffClient, webFixture } from './console-harness.ts';

const ROLES: readonly Role[] = ['officer', 'reviewer', 'agency_admin', 'supervisor', 'system_admin'];
const ALL = ROLES;
const ADMIN: readonly Role[] = ['agency_admin', 'system_admin'];
/** Roles that record cases (all but the read-only 监督员). */
const WRITE: readonly Role[] = ['officer', 'reviewer', 'agency_admin', 'system_admin'];

const TARGETS = { own: 'dept-a', child: 'office-a1', other: 'other' } as const;
type Target = keyof typeof TARGETS;

/** Whose grant in dept-a reaches which target agency (by hand: the role definitions). */
const COVERS: Record<Role, Record<Target, boolean>> = {
  officer: { own: true, child: false, other: false },
  reviewer: { own: true, child: false, other: false },
  agency_admin: { own: true, child: false, other: false },
  supervisor: { own: true, child: true, other: false },
  system_admin: { own: true, child: true, other: true },
};

type Expectation =
  /** Anyone, signed in or not (probed anonymously with GET). */
  | { readonly access: 'public' }
  /** Not probed here; `why` names the test that covers it. */
  | { readonly access: 'elsewhere'; readonly why: string }
  /** Any signed-in staff member, whatever the role or agency. */
  | { readonly access: 'signed-in'; readonly form?: Readonly<Record<string, string>> }
  /** A role in any agency (requireRole). */
  | { readonly access: 'role'; readonly roles: readonly Role[]; readonly form?: Readonly<Record<string, string>>; readonly json?: unknown }
  /** A role covering the agency in the path (`:slug`; requireAgencyRole). */
  | {
      readonly access: 'agency';
      readonly roles: readonly Role[];
      readonly form?: Readonly<Record<string, string>>;
      readonly json?: unknown;
    }
  /** The case in the path (`:caseCode`): read or write by the access policy. */
  | {
      readonly access: 'case';
      readonly action: 'read' | 'write';
      readonly json?: unknown;
      readonly form?: Readonly<Record<string, string>>;
    }
  /** The staff case list filtered to the target agency (`?agency=`). */
  | { readonly access: 'case-list' };

/**
 * One row per `METHOD path` the app registers (content-hashed asset paths as `*`). Adding a route?
 * Add its row here: what it needs (and, for POST, a body that changes nothing when allowed, e.g.
 * an invalid one — routes check access before validating).
 */
const ROUTES: Readonly<Record<string, Expectation>> = {
  // API (issue #7) and the session contract (issue #8)
  'GET /healthz': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'POST /api/agencies/:slug/applications': { access: 'elsewhere', why: 'public intake: test/http/api.test.ts' },
  'GET /api/applications/:caseCode': { access: 'elsewhere', why: 'applicant status lookup: test/http/api.test.ts' },
  'GET /api/session': { access: 'signed-in' },
  'GET /api/cases': { access: 'case-list' },
  'GET /api/cases/:caseCode': { access: 'case', action: 'read' },
  'POST /api/cases/:caseCode/events': { access: 'case', action: 'write', json: { type: 'no-such-event' } },
  'GET /api/cases/:caseCode/attachments': { access: 'case', action: 'read' },
  'POST /api/cases/:caseCode/attachments': { access: 'case', action: 'write', json: {} },
  'GET /api/cases/:caseCode/attachments/:id{[0-9]{1,15}}': {
    access: 'elsewhere',
    why: 'needs an attachment of the case: test/attachments/attachments-http.db.test.ts',
  },
  // Case officers, letters, templates and the daily job over the API (test/http/case-officer-api.test.ts,
  // test/http/letters-jobs-api.test.ts): templates read by whoever reads the agency, changed by its admin
  'POST /api/cases/:caseCode/assign': { access: 'case', action: 'write', json: { officer: 42 } },
  'GET /api/cases/:caseCode/letter': { access: 'case', action: 'read' },
  'GET /api/agencies/:slug/letter-templates': { access: 'agency', roles: ALL },
  'GET /api/agencies/:slug/letter-templates/:family': { access: 'agency', roles: ALL },
  'PUT /api/agencies/:slug/letter-templates/:family': { access: 'agency', roles: ADMIN, json: {} },
  'DELETE /api/agencies/:slug/letter-templates/:family': { access: 'agency', roles: ADMIN },
  'POST /api/jobs/daily': { access: 'role', roles: ['system_admin'], json: { date: 'not-a-date' } },
  // Console: sign-in and account (issue #8)
  'GET /console/assets/console-*.css': { access: 'public' },
  'GET /console/login': { access: 'public' },
  'POST /console/login': { access: 'elsewhere', why: 'sign-in: test/web/console.db.test.ts' },
  'GET /console/login/totp': { access: 'elsewhere', why: 'second step: test/web/console-totp.db.test.ts' },
  'POST /console/login/totp': { access: 'elsewhere', why: 'second step: test/web/console-totp.db.test.ts' },
  'POST /console/logout': { access: 'elsewhere', why: 'sign-out with CSRF: test/web/console.db.test.ts' },
  'GET /console/': { access: 'signed-in' },
  'GET /console/account': { access: 'signed-in' },
  'GET /console/account/totp': { access: 'signed-in' },
  'POST /console/account/totp': { access: 'signed-in', form: { code: 'x' } },
  'POST /console/account/totp/disable': { access: 'signed-in', form: { code: 'x' } },
  // Console areas
  // 案件办理 (test/web/console-cases.db.test.ts): the queue filtered to the target agency, staff entry, the case pages
  'GET /console/cases': { access: 'case-list' },
  'GET /console/cases/new': { access: 'role', roles: WRITE },
  'POST /console/cases/new': { access: 'role', roles: WRITE },
  'GET /console/cases/:caseCode': { access: 'case', action: 'read' },
  'POST /console/cases/:caseCode/events': { access: 'case', action: 'write', form: { type: 'no-such-event' } },
  // 承办人 (test/web/console-case-officer.db.test.ts): the API's assign rule; an unknown user is refused (422) after the access check
  'POST /console/cases/:caseCode/assign': { access: 'case', action: 'write', form: { officer: 'no-such-user' } },
  // Attachment upload (test/web/console-case-attachments.db.test.ts): a url-encoded body is refused (422) after the access check
  'POST /console/cases/:caseCode/attachments': { access: 'case', action: 'write', form: {} },
  'GET /console/cases/:caseCode/letter': { access: 'case', action: 'read' },
  'GET /console/cases/:caseCode/letter.docx': { access: 'case', action: 'read' },
  'GET /console/reports': { access: 'role', roles: ALL },
  // 年度报告 (test/web/console-reports.db.test.ts, test/reports/report-workflow.db.test.ts): every reader of the
  // agency sees its report; only officer and agency_admin edit, and officer/reviewer/agency_admin comment
  // (supervisor and system_admin read only). The posts carry no revision: allowed callers get 409/422.
  'GET /console/reports/open': { access: 'role', roles: ALL },
  'GET /console/reports/:slug/:year{[0-9]{4}}': { access: 'agency', roles: ALL },
  'GET /console/reports/:slug/:year{[0-9]{4}}/table2': { access: 'agency', roles: ALL },
  'GET /console/reports/:slug/:year{[0-9]{4}}/table3': { access: 'agency', roles: ALL },
  'GET /console/reports/:slug/:year{[0-9]{4}}/table4': { access: 'agency', roles: ALL },
  'GET /console/reports/:slug/:year{[0-9]{4}}/narrative': { access: 'agency', roles: ALL },
  'GET /console/reports/:slug/:year{[0-9]{4}}/preview': { access: 'agency', roles: ALL },
  'POST /console/reports/:slug/:year{[0-9]{4}}/table2': { access: 'agency', roles: ['officer', 'agency_admin'], form: {} },
  'POST /console/reports/:slug/:year{[0-9]{4}}/narrative': { access: 'agency', roles: ['officer', 'agency_admin'], form: {} },
  'POST /console/reports/:slug/:year{[0-9]{4}}/actions': {
    access: 'agency',
    roles: ['officer', 'reviewer', 'agency_admin'],
    form: { action: 'comment' },
  },
  'GET /console/admin': { access: 'role', roles: ADMIN },
  // 机构管理 (test/web/console-admin.db.test.ts tests what each form does)
  'GET /console/admin/users': { access: 'role', roles: ['system_admin'] },
  'GET /console/admin/calendar': { access: 'role', roles: ['system_admin'] },
  'POST /console/admin/calendar/preview': { access: 'role', roles: ['system_admin'], form: { text: '' } },
  'POST /console/admin/calendar/import': { access: 'role', roles: ['system_admin'], form: { text: '' } },
  'GET /console/admin/:slug/users': { access: 'agency', roles: ADMIN },
  'POST /console/admin/:slug/users': { access: 'agency', roles: ADMIN, form: { username: '', password: '', role: '' } },
  'POST /console/admin/:slug/users/grant': { access: 'agency', roles: ADMIN, form: { username: '', role: '' } },
  'POST /console/admin/:slug/users/:username/revoke': { access: 'agency', roles: ADMIN, form: { role: 'no-such-role' } },
  'POST /console/admin/:slug/users/:username/disable': {
    access: 'elsewhere',
    why: 'changes the account whatever the body: test/web/console-admin.db.test.ts',
  },
  'POST /console/admin/:slug/users/:username/enable': {
    access: 'elsewhere',
    why: 'changes the account whatever the body: test/web/console-admin.db.test.ts',
  },
  'GET /console/admin/:slug/users/:username/password': {
    access: 'elsewhere',
    why: 'needs an account of the agency: test/web/console-admin.db.test.ts',
  },
  'POST /console/admin/:slug/users/:username/password': { access: 'agency', roles: ADMIN, form: { password: '', confirm: '' } },
  'GET /console/admin/:slug/settings': { access: 'agency', roles: ADMIN },
  'POST /console/admin/:slug/settings': { access: 'agency', roles: ADMIN, form: { section: 'clock', 'receipt.office-hours-end': '99:99' } },
  'GET /console/admin/:slug/templates': { access: 'agency', roles: ADMIN },
  'GET /console/admin/:slug/templates/:family': { access: 'agency', roles: ADMIN },
  'POST /console/admin/:slug/templates/:family': { access: 'agency', roles: ADMIN, form: { title: '', addressee: '', body: '' } },
  'POST /console/admin/:slug/templates/:family/reset': { access: 'agency', roles: ADMIN, form: {} },
  'GET /console/:slug/dashboard': { access: 'agency', roles: ALL },
  // Public portal
  'GET /assets/portal-*.css': { access: 'public' },
  'GET /': { access: 'public' },
  'GET /status': { access: 'public' },
  'GET /:slug{[a-z0-9][a-z0-9-]{0,62}}': { access: 'public' },
  'GET /:slug/': { access: 'public' },
  'GET /:slug/apply': { access: 'public' },
  'GET /:slug/reports': { access: 'public' },
  'GET /:slug/reports/:year{[0-9]{4}}': {
    access: 'elsewhere',
    why: 'a year with data or a publication: test/web/portal-reports.db.test.ts',
  },
  'GET /:slug/reports/:file{[0-9]{4}\\.(?:docx|xlsx|json)}': {
    access: 'elsewhere',
    why: 'the report downloads: test/web/portal-reports.db.test.ts',
  },
  'POST /:slug/apply': { access: 'elsewhere', why: 'the application form: test/web/portal.http.test.ts' },
  'GET /:slug/receipt': { access: 'elsewhere', why: 'needs a case code and verification code: test/web/portal.db.test.ts' },
};

const keyOf = (method: string, path: string) => `${method} ${path.replace(/-[0-9a-f]{8}\.css$/, '-*.css')}`;

/** The app's routes as `METHOD path` (middleware and catch-alls — method ALL — are not routes). */
function registeredRoutes(app: Hono): { key: string; method: string; path: string }[] {
  const seen = new Map<string, { key: string; method: string; path: string }>();
  for (const route of app.routes) {
    if (route.method !== 'ALL') {
      const key = keyOf(route.method, route.path);
      seen.set(key, { key, method: route.method, path: route.path });
    }
  }
  return [...seen.values()];
}

const START = new Date('2026-03-02T02:00:00Z');

forEachEngine('route × role × agency matrix', ({ database }) => {
  let app: Hono;
  const sessions = new Map<Role, { client: StaffClient; csrfToken: string }>();
  const tokens = new Map<Role, string>();
  const cases = new Map<Target, string>();

  before(async () => {
    const db = await database();
    await addAgencies(db, [
      ['city', null],
      ['dept-a', 'city'],
      ['office-a1', 'dept-a'],
      ['other', null],
    ]);
    const fx = await webFixture(db, { start: START });
    app = fx.app;
    for (const role of ROLES) {
      await addUser(fx.identity, { username: `u-${role.replace('_', '-')}`, agency: 'dept-a', role, password: 'correct horse battery' });
      tokens.set(role, (await createApiToken(fx.identity, { username: `u-${role.replace('_', '-')}` })).token);
      const client = staffClient(app);
      assert.equal((await client.signIn(`u-${role.replace('_', '-')}`)).status, 303);
      const { csrfToken } = (await (await client.api('/api/session')).json()) as { csrfToken: string };
      sessions.set(role, { client, csrfToken });
    }
    for (const [target, slug] of Object.entries(TARGETS) as [Target, string][]) {
      const response = await app.request(`/api/agencies/${slug}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(intakeBody(1)),
      });
      assert.equal(response.status, 201);
      cases.set(target, ((await response.json()) as { caseCode: string }).caseCode);
    }
  });

  test('every registered route has a row in the expectation table (and every row a route)', () => {
    const routes = registeredRoutes(app);
    const missing = routes.filter((route) => ROUTES[route.key] === undefined).map((route) => route.key);
    assert.deepEqual(
      missing,
      [],
      `routes without a row in ROUTES of test/web/console-matrix.test.ts — whoever added them: add a row saying who may use them:\n  ${missing.join('\n  ')}`,
    );
    const keys = new Set(routes.map((route) => route.key));
    const stale = Object.keys(ROUTES).filter((key) => !keys.has(key));
    assert.deepEqual(stale, [], `rows in ROUTES for routes the app no longer registers: ${stale.join(', ')}`);
  });

  /** The request path for a target: `:slug…` → its agency, `:caseCode` → its case, `:family` → a letter family. */
  const pathFor = (path: string, target: Target) =>
    path
      .replace(/:slug(\{.*?\}(?=\/|$))?/g, TARGETS[target])
      .replace(/:year(\{.*?\}(?=\/|$))?/g, '2025')
      .replace(/:caseCode/g, cases.get(target) ?? '')
      .replace(/:family/g, 'partial');

  type Way = 'session' | 'bearer' | 'anonymous';
  const send = async (
    way: Way,
    role: Role | undefined,
    method: string,
    path: string,
    expectation: Expectation,
    csrf = true,
  ): Promise<Response> => {
    const json = 'json' in expectation ? expectation.json : undefined;
    const form = 'form' in expectation ? expectation.form : undefined;
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (method !== 'GET') {
      if (form !== undefined || path.startsWith('/console/')) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        const fields: Record<string, string> = { ...form };
        if (way === 'session' && csrf && role !== undefined) {
          fields['_csrf'] = sessions.get(role)?.csrfToken ?? '';
        }
        body = new URLSearchParams(fields).toString();
      } else {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(json ?? {});
        if (way === 'session' && csrf && role !== undefined) {
          headers['x-csrf-token'] = sessions.get(role)?.csrfToken ?? '';
        }
      }
    }
    if (way === 'bearer' && role !== undefined) {
      headers['authorization'] = `Bearer ${tokens.get(role)}`;
    }
    if (way === 'session' && role !== undefined) {
      headers['cookie'] = [...(sessions.get(role)?.client.cookies ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
  };

  const isDenied = (status: number) => status === 403 || status === 404;
  const isSignInWall = (response: Response) =>
    response.status === 401 || (response.status === 303 && (response.headers.get('location') ?? '').startsWith('/console/login'));

  test('each route × role × agency (session cookie, and bearer token on the API) answers as the table says', async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const route of registeredRoutes(app)) {
      const expectation = ROUTES[route.key];
      if (expectation === undefined || expectation.access === 'elsewhere') {
        continue;
      }
      if (expectation.access === 'public') {
        const response = await send('anonymous', undefined, route.method, pathFor(route.path, 'own'), expectation);
        probes += 1;
        if (response.status >= 400 || isSignInWall(response)) {
          failures.push(`${route.key} anonymous: ${response.status}, expected a public answer`);
        }
        continue;
      }
      const ways: Way[] = route.path.startsWith('/api/') ? ['session', 'bearer'] : ['session'];
      for (const way of ways) {
        for (const role of ROLES) {
          for (const target of Object.keys(TARGETS) as Target[]) {
            let allowed: boolean;
            switch (expectation.access) {
              case 'signed-in':
                allowed = true;
                break;
              case 'role':
                allowed = expectation.roles.includes(role);
                break;
              case 'agency':
                allowed = expectation.roles.includes(role) && COVERS[role][target];
                break;
              case 'case':
                allowed = COVERS[role][target] && (expectation.action === 'read' || role !== 'supervisor');
                break;
              case 'case-list':
                allowed = COVERS[role][target];
                break;
            }
            const path =
              expectation.access === 'case-list' ? `${pathFor(route.path, target)}?agency=${TARGETS[target]}` : pathFor(route.path, target);
            const response = await send(way, role, route.method, path, expectation);
            probes += 1;
            const text = await response.text();
            const where = `${route.key} as ${role} (${way}) on ${target}`;
            if (response.status >= 500 || isSignInWall(response)) {
              failures.push(`${where}: ${response.status}`);
            } else if (allowed && isDenied(response.status)) {
              failures.push(`${where}: ${response.status}, expected allowed`);
            } else if (!allowed && !isDenied(response.status)) {
              failures.push(`${where}: ${response.status}, expected 403 or 404`);
            } else if (!allowed && expectation.access === 'case' && (text.includes(TARGETS[target]) || text.includes('测试申请人'))) {
              failures.push(`${where}: the refusal shows something of the case`);
            }
          }
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(probes > 200, `only ${probes} probes`);
  });

  test('signed out, every staff route answers 401 (API) or the sign-in wall (console)', async () => {
    const failures: string[] = [];
    for (const route of registeredRoutes(app)) {
      const expectation = ROUTES[route.key];
      if (expectation === undefined || expectation.access === 'public' || expectation.access === 'elsewhere') {
        continue;
      }
      const response = await send('anonymous', undefined, route.method, pathFor(route.path, 'own'), expectation);
      if (!isSignInWall(response)) {
        failures.push(`${route.key}: ${response.status}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('with a session, every state-changing staff route without the CSRF token answers 403 (system administrator, own agency)', async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const route of registeredRoutes(app)) {
      const expectation = ROUTES[route.key];
      if (route.method === 'GET' || expectation === undefined || expectation.access === 'public' || expectation.access === 'elsewhere') {
        continue;
      }
      probes += 1;
      const response = await send('session', 'system_admin', route.method, pathFor(route.path, 'own'), expectation, false);
      if (response.status !== 403) {
        failures.push(`${route.key}: ${response.status}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(probes >= 3);
  });
});
