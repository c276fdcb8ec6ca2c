// User administration on both engines: `gongkai user list|disable|enable|passwd|grant|revoke` as an
// operator runs them (exit codes, Chinese messages, what happens to tokens), and the console's rules
// for an agency administrator (only its own agency, never 系统管理员, never itself).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createIdentityStore } from '#adapters/db/identity-store.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { auditLog } from '#adapters/db/schema/cases.ts';
import { apiTokens, users } from '#adapters/db/schema/identity.ts';
import { createUserAdminStore } from '#adapters/db/user-admin-store.ts';
import { createArgon2Passwords } from '#adapters/security/argon2-passwords.ts';
import { createTokenMinter } from '#adapters/security/token-minter.ts';
import {
  createUserAccount,
  disableUser,
  grantUserRole,
  listUserAccounts,
  revokeUserRole,
  setUserPassword,
} from '#app/identity/administer-users.ts';
import type { Actor, IdentityDeps } from '#app/identity/identity-ports.ts';
import { addUser, authenticatePassword, createApiToken } from '#app/identity/manage-users.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { runCli } from './server-process.ts';

const PASSWORD = 'correct horse battery';

forEachEngine('user administration', ({ database }) => {
  let deps: IdentityDeps | undefined;
  const setup = async (): Promise<IdentityDeps> => {
    if (deps !== undefined) {
      return deps;
    }
    const { db } = await database();
    await db.insert(agencies).values([
      { slug: 'ua-city', name: '某市人民政府', kind: 'government' },
      { slug: 'ua-edu', name: '某市教育局' },
      { slug: 'ua-health', name: '某市卫生健康委员会' },
    ]);
    deps = {
      store: createIdentityStore(db),
      passwords: createArgon2Passwords({ memoryCost: 1024, timeCost: 1 }),
      tokens: createTokenMinter(),
      now: () => new Date('2026-03-02T02:00:00Z'),
      users: createUserAdminStore(db),
    };
    for (const [username, agency, role] of [
      ['root', 'ua-city', 'system_admin'],
      ['edu-admin', 'ua-edu', 'agency_admin'],
      ['edu-officer', 'ua-edu', 'officer'],
      ['both', 'ua-edu', 'officer'],
      ['both', 'ua-health', 'reviewer'],
      ['health-officer', 'ua-health', 'officer'],
    ] as const) {
      await addUser(deps, { username, agency, role, password: PASSWORD });
    }
    return deps;
  };
  const env = async () => {
    const { url } = await database();
    return { DATABASE_URL: url, GONGKAI_DATA_DIR: '/nonexistent-gongkai-data', GONGKAI_USER: 'operator-li' };
  };
  /** In-process (the machine is shared: a child process per command costs seconds); stdin needs runCli. */
  const cli = async (args: readonly string[], e: Record<string, string>) => {
    const run = await runInProcess(args, { env: e, cwd: '/', isTTY: false, now: () => new Date('2026-03-02T02:00:00Z') });
    return { code: run.code, stdout: run.out, stderr: run.err };
  };
  const actorOf = async (username: string): Promise<Actor> => {
    const d = await setup();
    const user = await d.store.findUser(username);
    assert.ok(user !== undefined, username);
    return { userId: user.id, username: user.username, grants: user.grants };
  };

  test('user list: every account with its grants and tokens; --agency filters; an unknown agency exits 3', async () => {
    await setup();
    const e = await env();
    const all = await cli(['user', 'list', '--json'], e);
    assert.equal(all.code, 0, all.stderr);
    const listed = JSON.parse(all.stdout) as { username: string; disabled: boolean; grants: unknown[]; activeTokens: number }[];
    assert.deepEqual(
      listed.map((a) => a.username),
      ['both', 'edu-admin', 'edu-officer', 'health-officer', 'root'],
    );
    const both = listed.find((a) => a.username === 'both');
    assert.deepEqual(both?.grants, [
      { agency: 'ua-edu', role: 'officer' },
      { agency: 'ua-health', role: 'reviewer' },
    ]);
    assert.equal(both?.disabled, false);
    assert.ok(!all.stdout.includes('argon2'), 'a password hash in the listing');
    const edu = await cli(['user', 'list', '--agency', 'ua-edu'], e);
    assert.equal(edu.code, 0, edu.stderr);
    assert.deepEqual(
      edu.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[0]),
      ['both', 'edu-admin', 'edu-officer'],
    );
    assert.match(edu.stdout, /edu-admin\t启用\tua-edu:机构管理员/);
    const unknown = await cli(['user', 'list', '--agency', 'nowhere'], e);
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /机构“nowhere”不存在/);
    const extra = await cli(['user', 'list', 'someone'], e);
    assert.equal(extra.code, 64);
  });

  test('user disable: sign-in and tokens stop at once, tokens are not revoked; enable restores them', async () => {
    const d = await setup();
    const { db } = await database();
    const { token } = await createApiToken(d, { username: 'edu-officer' });
    const hash = d.tokens.hash(token);
    const e = await env();
    const disabled = await cli(['user', 'disable', 'edu-officer'], e);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.match(disabled.stdout, /已停用 edu-officer/);
    assert.match(disabled.stdout, /1 个有效 API 令牌在停用期间不能使用（未撤销/);
    assert.equal(await d.store.findActorByTokenHash(hash), undefined);
    await assert.rejects(authenticatePassword(d, { username: 'edu-officer', password: PASSWORD }), (error) =>
      isDomainError(error, 'UNAUTHENTICATED'),
    );
    const [row] = await db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.tokenHash, hash));
    assert.equal(row?.revokedAt, null);
    const again = await cli(['user', 'disable', 'edu-officer', '--json'], e);
    assert.equal((JSON.parse(again.stdout) as { changed: boolean }).changed, false);
    const listed = JSON.parse((await cli(['user', 'list', '--agency', 'ua-edu', '--json'], e)).stdout) as {
      username: string;
      disabled: boolean;
    }[];
    assert.equal(listed.find((a) => a.username === 'edu-officer')?.disabled, true);
    const audit = await db.select().from(auditLog);
    assert.ok(
      audit.some((r) => r.action === 'user.disable' && r.subject === 'user:edu-officer' && r.actor === 'operator-li'),
      JSON.stringify(audit),
    );
    const enabled = await cli(['user', 'enable', 'edu-officer'], e);
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.match(enabled.stdout, /已启用 edu-officer；其 1 个未撤销的 API 令牌恢复可用/);
    assert.equal((await d.store.findActorByTokenHash(hash))?.username, 'edu-officer');
    const nobody = await cli(['user', 'disable', 'nobody'], e);
    assert.equal(nobody.code, 3);
    assert.match(nobody.stderr, /用户“nobody”不存在/);
  });

  test('user disable refuses the only system administrator (exit 5), nothing changed', async () => {
    await setup();
    const { db } = await database();
    const result = await cli(['user', 'disable', 'root'], await env());
    assert.equal(result.code, 5, result.stderr);
    assert.match(result.stderr, /唯一可用的系统管理员/);
    const rows = await db.select({ username: users.username, disabledAt: users.disabledAt }).from(users);
    assert.equal(rows.find((r) => r.username === 'root')?.disabledAt, null);
  });

  test('user passwd --password-stdin: a short one exits 64 and keeps the old password; a good one replaces it', async () => {
    const d = await setup();
    const e = await env();
    const short = await runCli(['user', 'passwd', 'health-officer', '--password-stdin'], { ...process.env, ...e }, 'short\n');
    assert.equal(short.code, 64);
    assert.match(short.stderr, /密码至少 10 个字符/);
    assert.equal((await authenticatePassword(d, { username: 'health-officer', password: PASSWORD })).username, 'health-officer');
    const missing = await cli(['user', 'passwd', 'health-officer'], e);
    assert.equal(missing.code, 64);
    assert.match(missing.stderr, /--password-stdin/);
    const changed = await runCli(
      ['user', 'passwd', 'health-officer', '--password-stdin'],
      { ...process.env, ...e },
      'a brand new secret\n',
    );
    assert.equal(changed.code, 0, changed.stderr);
    assert.match(changed.stdout, /已为 health-officer 设置新密码/);
    assert.equal(
      (await authenticatePassword(d, { username: 'health-officer', password: 'a brand new secret' })).username,
      'health-officer',
    );
    await assert.rejects(authenticatePassword(d, { username: 'health-officer', password: PASSWORD }));
  });

  test('user grant / revoke: added once, revoked once, bad role 64, unknown agency or user or grant 3', async () => {
    const d = await setup();
    const e = await env();
    const granted = await cli(['user', 'grant', 'edu-officer', '--agency', 'ua-health', '--role', 'supervisor'], e);
    assert.equal(granted.code, 0, granted.stderr);
    assert.match(granted.stdout, /已授予 edu-officer ua-health 的监督员/);
    const twice = await cli(['user', 'grant', 'edu-officer', '--agency', 'ua-health', '--role', 'supervisor'], e);
    assert.match(twice.stdout, /已有此角色/);
    assert.deepEqual((await d.store.findUser('edu-officer'))?.grants, [
      { agency: 'ua-edu', role: 'officer' },
      { agency: 'ua-health', role: 'supervisor' },
    ]);
    const revoked = await cli(['user', 'revoke', 'edu-officer', '--agency', 'ua-health', '--role', 'supervisor'], e);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.deepEqual((await d.store.findUser('edu-officer'))?.grants, [{ agency: 'ua-edu', role: 'officer' }]);
    const cases: [string[], number, RegExp][] = [
      [['user', 'revoke', 'edu-officer', '--agency', 'ua-health', '--role', 'supervisor'], 3, /没有监督员角色/],
      [['user', 'grant', 'edu-officer', '--agency', 'ua-health', '--role', 'boss'], 64, /角色“boss”无效/],
      [['user', 'grant', 'edu-officer', '--agency', 'nowhere', '--role', 'officer'], 3, /机构“nowhere”不存在/],
      [['user', 'grant', 'nobody', '--agency', 'ua-edu', '--role', 'officer'], 3, /用户“nobody”不存在/],
      [['user', 'grant', 'edu-officer', '--role', 'officer'], 64, /--agency/],
      [['user', 'frobnicate', 'edu-officer'], 64, /未知子命令/],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli(args, e);
      assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(' '));
    }
    assert.deepEqual((await d.store.findUser('edu-officer'))?.grants, [{ agency: 'ua-edu', role: 'officer' }]);
  });

  test('an agency administrator manages its own agency only: other agencies, shared accounts, 系统管理员 and itself are refused', async () => {
    const d = await setup();
    const admin = await actorOf('edu-admin');
    const who = 'edu-admin';
    const listed = await listUserAccounts(d, { agency: 'ua-edu', by: admin });
    assert.ok(listed.some((a) => a.username === 'edu-officer'));
    const refusals: [() => Promise<unknown>, string][] = [
      [() => listUserAccounts(d, { agency: 'ua-health', by: admin }), 'FORBIDDEN'],
      [() => listUserAccounts(d, { by: admin }), 'FORBIDDEN'],
      [() => disableUser(d, { username: 'health-officer', by: admin, who }), 'NOT_FOUND'],
      [() => disableUser(d, { username: 'both', by: admin, who }), 'FORBIDDEN'],
      [() => disableUser(d, { username: 'edu-admin', by: admin, who }), 'FORBIDDEN'],
      [() => setUserPassword(d, { username: 'both', password: 'another long one', by: admin, who }), 'FORBIDDEN'],
      [() => grantUserRole(d, { username: 'edu-officer', agency: 'ua-edu', role: 'system_admin', by: admin, who }), 'FORBIDDEN'],
      [() => grantUserRole(d, { username: 'edu-officer', agency: 'ua-health', role: 'officer', by: admin, who }), 'FORBIDDEN'],
      [() => revokeUserRole(d, { username: 'edu-admin', agency: 'ua-edu', role: 'agency_admin', by: admin, who }), 'FORBIDDEN'],
      [
        () => createUserAccount(d, { username: 'new-one', agency: 'ua-health', role: 'officer', password: PASSWORD, by: admin, who }),
        'FORBIDDEN',
      ],
      [
        () => createUserAccount(d, { username: 'edu-officer', agency: 'ua-edu', role: 'officer', password: PASSWORD, by: admin, who }),
        'CONFLICT',
      ],
    ];
    for (const [attempt, code] of refusals) {
      await assert.rejects(attempt, (error) => isDomainError(error) && error.code === code, attempt.toString());
    }
    assert.equal(await d.users.findAccount('new-one'), undefined);
    assert.equal((await d.users.findAccount('both'))?.disabledAt, null);
    // What it may do: add a user to its agency, grant a role there, disable that user.
    const created = await createUserAccount(d, {
      username: 'edu-new',
      agency: 'ua-edu',
      role: 'officer',
      password: PASSWORD,
      by: admin,
      who,
    });
    assert.deepEqual(created.grants, [{ agency: 'ua-edu', role: 'officer' }]);
    const granted = await grantUserRole(d, { username: 'edu-new', agency: 'ua-edu', role: 'reviewer', by: admin, who });
    assert.equal(granted.added, true);
    const disabled = await disableUser(d, { username: 'edu-new', by: admin, who });
    assert.equal(disabled.changed, true);
    // A system administrator may touch the shared account.
    const root = await actorOf('root');
    assert.equal((await disableUser(d, { username: 'both', by: root, who: 'root' })).changed, true);
  });
});
