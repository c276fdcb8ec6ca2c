import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AgencyTree, isWithin, mayAccessAgency, type RoleGrant, readableAgencies } from './access-policy.ts';
import { bearerToken, isApiTokenShape } from './api-token.ts';

// city ─┬─ dept-a ── office-a1
//       └─ dept-b
// other (separate root)
const tree: AgencyTree = new Map([
  ['city', null],
  ['dept-a', 'city'],
  ['office-a1', 'dept-a'],
  ['dept-b', 'city'],
  ['other', null],
]);

describe('access policy', () => {
  test('isWithin follows parents and stops on cycles', () => {
    assert.equal(isWithin(tree, 'office-a1', 'city'), true);
    assert.equal(isWithin(tree, 'dept-b', 'dept-a'), false);
    assert.equal(isWithin(tree, 'city', 'office-a1'), false);
    const cyclic: AgencyTree = new Map([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    assert.equal(isWithin(cyclic, 'x', 'z'), false);
  });

  test('role × agency matrix', () => {
    const agencies = [...tree.keys()];
    const cases: [RoleGrant, string[], string[]][] = [
      [{ role: 'officer', agency: 'dept-a' }, ['dept-a'], ['dept-a']],
      [{ role: 'reviewer', agency: 'dept-a' }, ['dept-a'], ['dept-a']],
      [{ role: 'agency_admin', agency: 'dept-a' }, ['dept-a'], ['dept-a']],
      [{ role: 'supervisor', agency: 'dept-a' }, ['dept-a', 'office-a1'], []],
      [{ role: 'supervisor', agency: 'city' }, ['city', 'dept-a', 'office-a1', 'dept-b'], []],
      [{ role: 'system_admin', agency: 'other' }, agencies, agencies],
    ];
    for (const [grant, reads, writes] of cases) {
      for (const agency of agencies) {
        const label = `${grant.role}@${grant.agency} on ${agency}`;
        assert.equal(mayAccessAgency([grant], tree, agency, 'read'), reads.includes(agency), `read ${label}`);
        assert.equal(mayAccessAgency([grant], tree, agency, 'write'), writes.includes(agency), `write ${label}`);
      }
      const readable = readableAgencies([grant], tree);
      assert.deepEqual(readable === 'all' ? [...agencies].sort() : [...readable].sort(), [...reads].sort());
    }
  });

  test('no grants, no access', () => {
    assert.equal(mayAccessAgency([], tree, 'city', 'read'), false);
    assert.deepEqual([...(readableAgencies([], tree) as ReadonlySet<string>)], []);
  });

  test('bearer tokens', () => {
    const token = `gk_${'A'.repeat(43)}`;
    assert.equal(bearerToken(`Bearer ${token}`), token);
    assert.equal(bearerToken(`bearer  ${token} `), token);
    assert.equal(bearerToken(`Basic ${token}`), undefined);
    assert.equal(bearerToken(undefined), undefined);
    assert.equal(isApiTokenShape(token), true);
    assert.equal(isApiTokenShape('gk_short'), false);
  });
});
