// The console's page guard: which grants cover which agency (own, below for a supervisor, all for a
// system administrator), the roles held there, and the one role GET /api/session reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AgencyTree, RoleGrant } from './access-policy.ts';
import { hasAgencyRole, principalRole, rolesFor } from './agency-role.ts';

// city ─ dept-a ─ office-a1 ; other
const TREE: AgencyTree = new Map([
  ['city', null],
  ['dept-a', 'city'],
  ['office-a1', 'dept-a'],
  ['other', null],
]);

test('an officer, reviewer or agency admin counts in its own agency only', () => {
  for (const role of ['officer', 'reviewer', 'agency_admin'] as const) {
    const grants: RoleGrant[] = [{ agency: 'dept-a', role }];
    assert.equal(hasAgencyRole(grants, TREE, 'dept-a', [role]), true, role);
    assert.equal(hasAgencyRole(grants, TREE, 'office-a1', [role]), false, `${role} below`);
    assert.equal(hasAgencyRole(grants, TREE, 'city', [role]), false, `${role} above`);
    assert.equal(hasAgencyRole(grants, TREE, 'dept-a', ['system_admin']), false, `${role} is not a system admin`);
  }
});

test('a supervisor counts in its agency and every agency below, never above or beside', () => {
  const grants: RoleGrant[] = [{ agency: 'city', role: 'supervisor' }];
  for (const agency of ['city', 'dept-a', 'office-a1']) {
    assert.equal(hasAgencyRole(grants, TREE, agency, ['supervisor']), true, agency);
  }
  assert.equal(hasAgencyRole(grants, TREE, 'other', ['supervisor']), false);
  assert.equal(hasAgencyRole([{ agency: 'dept-a', role: 'supervisor' }], TREE, 'city', ['supervisor']), false);
  assert.equal(hasAgencyRole(grants, TREE, 'dept-a', ['officer', 'reviewer']), false, 'only when supervisor is asked for');
});

test('a system administrator counts everywhere when the role is asked for', () => {
  const grants: RoleGrant[] = [{ agency: 'other', role: 'system_admin' }];
  assert.equal(hasAgencyRole(grants, TREE, 'office-a1', ['agency_admin', 'system_admin']), true);
  assert.equal(hasAgencyRole(grants, TREE, 'office-a1', ['agency_admin']), false);
  assert.equal(hasAgencyRole(grants, TREE, 'no-such-agency', ['system_admin']), true, 'the guard checks existence first');
});

test('rolesFor lists the roles that reach an agency, in the fixed order; principalRole the most privileged', () => {
  const grants: RoleGrant[] = [
    { agency: 'dept-a', role: 'reviewer' },
    { agency: 'city', role: 'supervisor' },
    { agency: 'dept-a', role: 'officer' },
  ];
  assert.deepEqual(rolesFor(grants, TREE, 'dept-a'), ['officer', 'reviewer', 'supervisor']);
  assert.deepEqual(rolesFor(grants, TREE, 'office-a1'), ['supervisor']);
  assert.deepEqual(rolesFor(grants, TREE, 'other'), []);
  assert.equal(principalRole(grants), 'supervisor');
  assert.equal(
    principalRole([
      { agency: 'x', role: 'officer' },
      { agency: 'y', role: 'agency_admin' },
    ]),
    'agency_admin',
  );
  assert.equal(principalRole([]), null);
});
