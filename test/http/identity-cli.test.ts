// `gongkai user add … --password-stdin` and `gongkai token create|list|revoke` as a user runs them
// (child processes), on both engines: exit codes, Chinese messages, and a token that works once
// created and stops working once revoked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIdentityStore } from '#adapters/db/identity-store.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { users } from '#adapters/db/schema/identity.ts';
import { createTokenMinter } from '#adapters/security/token-minter.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { runCli } from './server-process.ts';

forEachEngine('user and token commands', ({ database }) => {
  const env = async () => {
    const { url } = await database();
    return { ...process.env, DATABASE_URL: url, GONGKAI_DATA_DIR: '/nonexistent-gongkai-data' };
  };

  test('user add: bad command lines and values exit 64 and write nothing', async () => {
    const { db } = await database();
    await db.insert(agencies).values({ slug: 'cli-agency', name: '命令行测试局' });
    const e = await env();
    const cases: [string[], string | undefined, number, RegExp][] = [
      [['user', 'add', 'li'], undefined, 64, /--agency/],
      [['user', 'add', 'li', '--agency', 'cli-agency', '--role', 'boss', '--password-stdin'], 'long enough password\n', 64, /角色/],
      [['user', 'add', 'li', '--agency', 'cli-agency', '--role', 'officer', '--password-stdin'], 'short\n', 64, /密码/],
      [['user', 'add', 'li', '--agency', 'cli-agency', '--role', 'officer', '--password-stdin'], '', 64, /标准输入/],
      [['user', 'add', 'li', '--agency', 'nowhere', '--role', 'officer', '--password-stdin'], 'long enough password\n', 3, /机构/],
    ];
    for (const [args, stdin, code, message] of cases) {
      const result = await runCli(args, e, stdin);
      assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    assert.equal((await db.select().from(users)).length, 0);
  });

  test('user add, token create / list / revoke', async () => {
    const { db } = await database();
    const e = await env();
    const added = await runCli(
      ['user', 'add', 'wang', '--agency', 'cli-agency', '--role', 'reviewer', '--password-stdin'],
      e,
      'correct horse battery\n',
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /已创建用户 wang/);
    const created = await runCli(['token', 'create', 'wang'], e);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^gk_[A-Za-z0-9_-]{43}$/);
    assert.match(created.stderr, /只显示这一次/);
    const store = createIdentityStore(db);
    const actor = await store.findActorByTokenHash(createTokenMinter().hash(token));
    assert.deepEqual(actor?.grants, [{ agency: 'cli-agency', role: 'reviewer' }]);
    const listed = await runCli(['token', 'list', 'wang', '--json'], e);
    assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 1);
    assert.ok(!listed.stdout.includes(token), 'token list shows the token');
    const revoked = await runCli(['token', 'revoke', 'wang'], e);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(await store.findActorByTokenHash(createTokenMinter().hash(token)), undefined);
    const nobody = await runCli(['token', 'create', 'nobody'], e);
    assert.equal(nobody.code, 3);
    assert.match(nobody.stderr, /不存在/);
  });
});
