// The audit log's hash chain per agency (tamper evidence) on both engines: concurrent writers never fork
// it; `gongkai audit verify` finds it intact, and after the database owner changes, re-hashes or deletes
// an entry behind the append-only trigger's back it reports the first broken link in Chinese, exit 1.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type pg from 'pg';
import { assignCaseOfficer } from '#app/cases/assign-case-officer.ts';
import { createApplication } from '#app/cases/create-application.ts';
import { addUser } from '#app/identity/manage-users.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { addAgency, depsOn, VALID_PERSON } from './case-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2025-09-10T02:00:00Z');

/** As the database owner, behind the append-only trigger's back (what the chain must make evident). */
async function tamper(pool: pg.Pool, statement: string, values: unknown[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await client.query(statement, values);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

forEachEngine('audit hash chain', ({ database, engine }) => {
  /** An agency with `cases` applications (one audit entry each) and, when asked, assignments written concurrently. */
  const agencyWithEntries = async (cases: number, concurrentAssignments = false) => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '审计测试局');
    const codes: string[] = [];
    for (let i = 0; i < cases; i += 1) {
      const created = await createApplication(depsOn(db, NOW), {
        agencySlug: agency.slug,
        applicant: VALID_PERSON,
        description: `审计测试申请${i}`,
        delivery: 'email',
        channel: 'in_person',
        received: '2025-09-01',
        actor: 'clerk',
      });
      codes.push(created.caseCode);
    }
    if (concurrentAssignments) {
      const identity = await identityDeps(db, { now: () => NOW });
      const officer = `audit-officer-${agency.slug}`;
      await addUser(identity, { username: officer, agency: agency.slug, role: 'officer', password: null });
      await Promise.all(codes.map((caseCode) => assignCaseOfficer(depsOn(db, NOW), { caseCode, officer, actor: 'boss' })));
    }
    return { ...agency, codes, pool, url: (await database()).url };
  };
  const verify = async (url: string, args: string[]) =>
    runInProcess(['audit', 'verify', ...args], {
      env: { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_USER: 'auditor' },
      cwd: dir,
      isTTY: false,
      now: () => NOW,
    });

  test('entries are chained per agency: seq 1…n, each prev_hash the previous hash, even with concurrent writers', async () => {
    const agency = await agencyWithEntries(8, true);
    const rows = (
      await agency.pool.query<{ seq: string; prev_hash: string; hash: string; action: string }>(
        'select seq::text as seq, prev_hash, hash, action from audit_log where agency_id = $1 order by audit_log.seq',
        [agency.id],
      )
    ).rows;
    assert.equal(rows.length, 16);
    assert.deepEqual(
      rows.map((r) => Number(r.seq)),
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    rows.forEach((row, i) => {
      assert.equal(row.prev_hash, i === 0 ? '0'.repeat(64) : rows[i - 1]?.hash, `link ${row.seq}`);
      assert.match(row.hash, /^[0-9a-f]{64}$/);
    });
    assert.equal(new Set(rows.map((r) => r.hash)).size, 16);
    // The hash is SHA-256 of the JSON array [prev_hash, agency_id, seq, at (UTC, µs), actor, action, subject, before, after],
    // recomputed here outside the database from the row's own text.
    const first = (
      await agency.pool.query(
        `select prev_hash, agency_id, seq::int, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, actor, action, subject,
                before::text as before, after::text as after, hash
           from audit_log where agency_id = $1 and seq = 1`,
        [agency.id],
      )
    ).rows[0];
    const text = `[${[first.prev_hash, first.agency_id, first.seq, first.at, first.actor, first.action, first.subject]
      .map((v) => JSON.stringify(v))
      .join(', ')}, ${first.before ?? 'null'}, ${first.after ?? 'null'}]`;
    assert.equal(createHash('sha256').update(text, 'utf8').digest('hex'), first.hash);
    const run = await verify(agency.url, ['--agency', agency.slug]);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, new RegExp(`${agency.slug}：16 条记录，哈希链完好，末条第 16 条，哈希 ${rows[15]?.hash}`));
  });

  test('an entry changed by the database owner: verify names it, in Chinese, exit 1; other agencies stay intact', async () => {
    const agency = await agencyWithEntries(12);
    const other = await agencyWithEntries(2);
    // Two changed entries: the first in the chain's order (2, not 11) is reported.
    await tamper(agency.pool, `update audit_log set actor = 'someone-else' where agency_id = $1 and seq in (2, 11)`, [agency.id]);
    const id = (await agency.pool.query('select id::text from audit_log where agency_id = $1 and seq = 2', [agency.id])).rows[0].id;
    const run = await verify(agency.url, ['--agency', agency.slug]);
    assert.equal(run.code, 1);
    assert.match(run.out, new RegExp(`12 条记录，哈希链断开——第 2 条记录（id ${id}）的内容与其哈希不符（该记录被改动）`));
    assert.match(run.err, /审计日志的哈希链已断开/);
    const json = JSON.parse((await verify(agency.url, ['--json'])).out) as {
      intact: boolean;
      agencies: { agency: string; intact: boolean; firstBreak: { seq: number; fault: string } | null }[];
    };
    assert.equal(json.intact, false);
    assert.deepEqual(
      json.agencies.find((a) => a.agency === agency.slug)?.firstBreak && {
        seq: json.agencies.find((a) => a.agency === agency.slug)?.firstBreak?.seq,
        fault: json.agencies.find((a) => a.agency === agency.slug)?.firstBreak?.fault,
      },
      { seq: 2, fault: 'content' },
    );
    assert.equal(json.agencies.find((a) => a.agency === other.slug)?.intact, true);
    assert.equal((await verify(agency.url, ['--agency', other.slug])).code, 0);
  });

  test('a changed entry whose hash was recomputed breaks the next link; a deleted entry leaves a gap', async () => {
    const rehashed = await agencyWithEntries(4);
    await tamper(
      rehashed.pool,
      `update audit_log set after = '{"status": "replied"}'::jsonb,
              hash = gongkai_audit_entry_hash(prev_hash, agency_id, seq, at, actor, action, subject, before, '{"status": "replied"}'::jsonb)
        where agency_id = $1 and seq = 2`,
      [rehashed.id],
    );
    const link = await verify(rehashed.url, ['--agency', rehashed.slug]);
    assert.equal(link.code, 1);
    assert.match(link.out, /第 3 条记录（id \d+）与上一条记录的链接断开/);

    const deleted = await agencyWithEntries(4);
    await tamper(deleted.pool, 'delete from audit_log where agency_id = $1 and seq = 3', [deleted.id]);
    const gap = await verify(deleted.url, ['--agency', deleted.slug]);
    assert.equal(gap.code, 1);
    assert.match(gap.out, /第 4 条记录（id \d+）之前缺少记录：此处应为第 3 条（有记录被删除）/);
  });

  test('an entry that arrives with chain fields (a restore) must carry 64 lowercase hex digits in each', async () => {
    const { pool } = await database();
    const agency = await addAgency(pool, '校验测试局');
    const good = 'ab'.repeat(32);
    const insert = (hash: string, prevHash: string) =>
      pool.query(
        `insert into audit_log (agency_id, actor, action, subject, seq, prev_hash, hash) values ($1, 'clerk', 'test', 'case:x', 1, $2, $3)`,
        [agency.id, prevHash, hash],
      );
    for (const bad of [
      'AB'.repeat(32),
      'a'.repeat(63),
      'a'.repeat(65),
      `${'a'.repeat(63)}g`,
      `${'a'.repeat(61)}中`,
      '中'.repeat(64),
      `${'a'.repeat(63)}\n`,
    ]) {
      await assert.rejects(insert(bad, good), { code: '23514', constraint: 'audit_log_hash_check' }, JSON.stringify(bad));
      await assert.rejects(insert(good, bad), { code: '23514', constraint: 'audit_log_hash_check' }, JSON.stringify(bad));
    }
    // (an empty hash asks the trigger to chain the entry; an empty prev_hash with a hash is kept, and refused)
    await assert.rejects(insert(good, ''), { code: '23514', constraint: 'audit_log_hash_check' });
    await insert(good, '0'.repeat(64));
    const rows = await pool.query('select seq::int as seq, hash from audit_log where agency_id = $1', [agency.id]);
    assert.deepEqual(rows.rows, [{ seq: 1, hash: good }]);
  });

  test('an unknown agency is NOT_FOUND (exit 3); an agency without entries is intact', async () => {
    const { pool, url } = await database();
    assert.equal((await verify(url, ['--agency', `no-such-${engine}`])).code, 3);
    const empty = await addAgency(pool, '空白局');
    const run = await verify(url, ['--agency', empty.slug]);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /0 条记录，哈希链完好/);
  });

  test('backup and restore keep every chain as it was (the same heads; broken ones stay broken)', async () => {
    const { url } = await database();
    const env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_USER: 'auditor' };
    const run = (args: string[]) => runInProcess(args, { env, cwd: dir, isTTY: false, now: () => NOW });
    const before = JSON.parse((await verify(url, ['--json'])).out) as { agencies: unknown[] };
    const file = join(dir, `backup-${engine}.jsonl`);
    assert.equal((await run(['db', 'backup', file])).code, 0);
    const restored = await run(['db', 'restore', file, '--replace']);
    assert.equal(restored.code, 0, restored.err);
    const after = JSON.parse((await verify(url, ['--json'])).out) as { agencies: unknown[] };
    assert.ok(before.agencies.length >= 5);
    assert.deepEqual(after, before);
  });
});
