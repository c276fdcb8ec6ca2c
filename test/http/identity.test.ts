// Identity use cases on both engines: users with a role per agency (argon2id), API tokens stored as
// hashes, revocation, and the agency tree the access policy reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIdentityStore } from '#adapters/db/identity-store.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { apiTokens, users } from '#adapters/db/schema/identity.ts';
import { createUserAdminStore } from '#adapters/db/user-admin-store.ts';
import { createArgon2Passwords } from '#adapters/security/argon2-passwords.ts';
import { createTokenMinter } from '#adapters/security/token-minter.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import { addUser, authenticatePassword, authenticateToken, createApiToken, revokeApiTokens } from '#app/identity/manage-users.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { forEachEngine } from '#test/db-harness.ts';

const PASSWORD = 'correct horse battery';

forEachEngine('identity', ({ database }) => {
  let deps: IdentityDeps;
  const setup = async () => {
    if (deps !== undefined) {
      return deps;
    }
    const { db } = await database();
    const [city] = await db
      .insert(agencies)
      .values({ slug: 'city', name: '某市人民政府', kind: 'government' })
      .returning({ id: agencies.id });
    await db.insert(agencies).values({ slug: 'city-edu', name: '某市教育局', parentId: city?.id ?? null });
    // Cheap argon2 parameters keep the test fast; the hash is still a real argon2id PHC string.
    deps = {
      store: createIdentityStore(db),
      passwords: createArgon2Passwords({ memoryCost: 1024, timeCost: 1 }),
      tokens: createTokenMinter(),
      now: () => new Date('2026-03-02T02:00:00Z'),
      users: createUserAdminStore(db),
    };
    return deps;
  };

  test('add a user: argon2id hash stored, second role added to the same user', async () => {
    const d = await setup();
    const first = await addUser(d, { username: 'wang', agency: 'city-edu', role: 'officer', password: PASSWORD });
    assert.equal(first.created, true);
    const again = await addUser(d, { username: 'wang', agency: 'city', role: 'supervisor', password: PASSWORD });
    assert.deepEqual(again, { userId: first.userId, created: false });
    const user = await d.store.findUser('wang');
    assert.match(user?.passwordHash ?? '', /^\$argon2id\$/);
    assert.deepEqual(user?.grants, [
      { agency: 'city', role: 'supervisor' },
      { agency: 'city-edu', role: 'officer' },
    ]);
    const actor = await authenticatePassword(d, { username: 'wang', password: PASSWORD });
    assert.equal(actor.username, 'wang');
  });

  test('refusals change nothing: unknown agency, bad role, short password, other password for an existing user', async () => {
    const d = await setup();
    const { db } = await database();
    const before = (await db.select().from(users)).length;
    const attempts: [Parameters<typeof addUser>[1], string][] = [
      [{ username: 'li', agency: 'nowhere', role: 'officer', password: PASSWORD }, 'NOT_FOUND'],
      [{ username: 'li', agency: 'city', role: 'boss', password: PASSWORD }, 'INVALID_INPUT'],
      [{ username: 'li', agency: 'city', role: 'officer', password: 'short' }, 'INVALID_INPUT'],
      [{ username: 'li li', agency: 'city', role: 'officer', password: PASSWORD }, 'INVALID_INPUT'],
      [{ username: 'wang', agency: 'city', role: 'reviewer', password: 'another password' }, 'CONFLICT'],
    ];
    for (const [input, code] of attempts) {
      await assert.rejects(addUser(d, input), (error) => isDomainError(error, code as never), JSON.stringify(input));
    }
    assert.equal((await db.select().from(users)).length, before);
    await assert.rejects(authenticatePassword(d, { username: 'wang', password: 'wrong password' }), (e) =>
      isDomainError(e, 'UNAUTHENTICATED'),
    );
  });

  test('tokens: shown once, stored as SHA-256 only, authenticate until revoked', async () => {
    const d = await setup();
    const { db } = await database();
    const { token, tokenId } = await createApiToken(d, { username: 'wang', label: '脚本' });
    assert.match(token, /^gk_[A-Za-z0-9_-]{43}$/);
    const stored = await db.select().from(apiTokens);
    assert.ok(stored.every((row) => row.tokenHash !== token && !row.tokenHash.includes(token.slice(3))));
    assert.ok(stored.some((row) => row.tokenHash === d.tokens.hash(token)));
    const actor = await authenticateToken(d, token);
    assert.deepEqual(actor.grants, [
      { agency: 'city', role: 'supervisor' },
      { agency: 'city-edu', role: 'officer' },
    ]);
    const second = await createApiToken(d, { username: 'wang' });
    assert.deepEqual(await revokeApiTokens(d, { username: 'wang', tokenId }), { revoked: 1 });
    await assert.rejects(authenticateToken(d, token), (e) => isDomainError(e, 'UNAUTHENTICATED'));
    assert.equal((await authenticateToken(d, second.token)).username, 'wang');
    await assert.rejects(revokeApiTokens(d, { username: 'wang', tokenId }), (e) => isDomainError(e, 'NOT_FOUND'));
    assert.deepEqual(await revokeApiTokens(d, { username: 'wang' }), { revoked: 1 });
    await assert.rejects(authenticateToken(d, second.token), (e) => isDomainError(e, 'UNAUTHENTICATED'));
    for (const bad of [undefined, 'gk_nope', `gk_${'A'.repeat(43)}`]) {
      await assert.rejects(authenticateToken(d, bad), (e) => isDomainError(e, 'UNAUTHENTICATED'));
    }
    await assert.rejects(createApiToken(d, { username: 'nobody' }), (e) => isDomainError(e, 'NOT_FOUND'));
  });

  test('agency tree: slug → parent slug', async () => {
    const d = await setup();
    const tree = await d.store.agencyTree();
    assert.equal(tree.get('city'), null);
    assert.equal(tree.get('city-edu'), 'city');
  });
});
