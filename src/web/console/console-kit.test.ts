// The console toolkit's guards as middleware, on a bare Hono app with a staff member set by hand
// (the session middleware that sets it for real is tested in test/web/console.db.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import type { RoleGrant } from '#core/identity/access-policy.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import {
  ADMIN_ROLES,
  assertAgencyRole,
  type ConsoleEnv,
  mayAccessCases,
  requireAgencyRole,
  requireRole,
  WRITE_ROLES,
} from './console-kit.ts';

const AGENCIES = [
  { slug: 'city', name: '市政府', parent: null },
  { slug: 'dept-a', name: '甲局', parent: 'city' },
  { slug: 'other', name: '乙市', parent: null },
];

function appFor(grants: RoleGrant[]): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.onError((error, c) => c.text(isDomainError(error) ? error.code : 'DEFECT', isDomainError(error, 'NOT_FOUND') ? 404 : 403));
  app.use(async (c, next) => {
    c.set('staff', {
      actor: { userId: '1', username: 'wang', grants },
      csrfToken: 't',
      agencies: AGENCIES,
      tree: new Map(AGENCIES.map((a) => [a.slug, a.parent])),
    });
    await next();
  });
  app.get('/a/:slug/settings', requireAgencyRole({ param: 'slug' }, ADMIN_ROLES), (c) => c.text('ok'));
  app.get('/fixed', requireAgencyRole('dept-a', WRITE_ROLES), (c) => c.text('ok'));
  app.get('/admins', requireRole(ADMIN_ROLES), (c) => c.text('ok'));
  app.get('/case/:agency', (c) => {
    assertAgencyRole(c, c.req.param('agency'), WRITE_ROLES);
    return c.text(String(mayAccessCases(c, c.req.param('agency'), 'write')));
  });
  return app;
}

test('requireAgencyRole reads the agency from the route parameter; FORBIDDEN outside, NOT_FOUND for an unknown agency', async () => {
  const admin = appFor([{ agency: 'dept-a', role: 'agency_admin' }]);
  assert.equal((await admin.request('/a/dept-a/settings')).status, 200);
  assert.equal(await (await admin.request('/a/other/settings')).text(), 'FORBIDDEN');
  assert.equal((await admin.request('/a/nowhere/settings')).status, 404);
  assert.equal((await admin.request('/admins')).status, 200);
  const supervisor = appFor([{ agency: 'city', role: 'supervisor' }]);
  assert.equal((await supervisor.request('/a/dept-a/settings')).status, 403, 'a supervisor is no admin');
  assert.equal((await supervisor.request('/fixed')).status, 403, 'nor a writer');
  assert.equal((await supervisor.request('/admins')).status, 403);
});

test('assertAgencyRole and mayAccessCases inside a handler', async () => {
  const officer = appFor([{ agency: 'dept-a', role: 'officer' }]);
  assert.equal(await (await officer.request('/case/dept-a')).text(), 'true');
  assert.equal((await officer.request('/case/city')).status, 403);
  assert.equal((await officer.request('/fixed')).status, 200);
  const sysadmin = appFor([{ agency: 'other', role: 'system_admin' }]);
  assert.equal(await (await sysadmin.request('/case/city')).text(), 'true');
  assert.equal((await sysadmin.request('/a/dept-a/settings')).status, 200);
});
