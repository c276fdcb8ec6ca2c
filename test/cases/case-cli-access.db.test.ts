// Who `gongkai case …` acts as (issue #7): without --as the operator, unchecked, recorded as GONGKAI_USER
// else the OS user; with --as USERNAME a staff user, recorded as that user and checked like the staff
// API (NOT_FOUND outside the user's agencies, FORBIDDEN for a read-only role), nothing written when
// refused. In-process CLI against the test database, both engines.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { addUser } from '#app/identity/manage-users.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { addAgency } from './case-fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-case-as-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2025-09-10T02:00:00Z');

forEachEngine('case CLI: operator and --as', ({ database, engine }) => {
  test('the operator is recorded as GONGKAI_USER, else the OS user; --as checks roles like the API and records the user', async () => {
    const { db, pool, url } = await database();
    const a = await addAgency(pool, '甲局');
    const b = await addAgency(pool, '乙局');
    const identity = await identityDeps(db, { now: () => NOW });
    const user = (name: string) => `${name}-${engine}`;
    await addUser(identity, { username: user('off-a'), agency: a.slug, role: 'officer', password: null });
    await addUser(identity, { username: user('sup-a'), agency: a.slug, role: 'supervisor', password: null });
    await addUser(identity, { username: user('off-b'), agency: b.slug, role: 'officer', password: null });
    const run = (args: string[], env: Record<string, string> = {}, osUser = 'os-operator') =>
      runInProcess(args, { env: { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, ...env }, cwd: dir, isTTY: false, now: () => NOW, osUser });
    const newCase = (agency: string, extra: string[] = [], env: Record<string, string> = {}) =>
      run(
        [
          'case',
          'new',
          '--agency',
          agency,
          '--applicant-type',
          'natural_person',
          '--name',
          '李四',
          '--id-type',
          'passport',
          '--id-number',
          'E12345678',
          '--description',
          '某项目环评批复',
          '--delivery',
          'email',
          '--email',
          'li@example.cn',
          '--received',
          '2025-09-08',
          '--json',
          ...extra,
        ],
        env,
      );
    const actorsOf = async (caseCode: string) =>
      (await pool.query('select actor from audit_log where subject = $1 order by seq', [`case:${caseCode}`])).rows.map((r) => r.actor);

    const byOs = await newCase(a.slug);
    assert.equal(byOs.code, 0, byOs.err);
    const first = JSON.parse(byOs.out).caseCode as string;
    assert.deepEqual(await actorsOf(first), ['os-operator']);
    const byEnv = await newCase(a.slug, [], { GONGKAI_USER: 'ops-zhang' });
    assert.deepEqual(await actorsOf(JSON.parse(byEnv.out).caseCode), ['ops-zhang']);

    // --as an officer of the agency: allowed, recorded as the officer (case history and audit log).
    const asOfficer = await run(['case', 'event', first, 'correction_requested', '--date', '2025-09-09', '--as', user('off-a')], {
      GONGKAI_USER: 'ops-zhang',
    });
    assert.equal(asOfficer.code, 0, asOfficer.err);
    assert.deepEqual(await actorsOf(first), ['os-operator', user('off-a')]);
    const eventActors = await pool.query(
      'select e.actor from case_events e join cases c using (agency_id) where c.case_code = $1 and e.case_id = c.id order by e.seq',
      [first],
    );
    assert.deepEqual(
      eventActors.rows.map((r) => r.actor),
      ['os-operator', user('off-a')],
    );
    const created = await newCase(a.slug, ['--as', user('off-a')]);
    assert.equal(created.code, 0, created.err);
    assert.deepEqual(await actorsOf(JSON.parse(created.out).caseCode), [user('off-a')]);

    // Refusals change nothing.
    const before = (await pool.query('select count(*)::int as n from audit_log')).rows[0].n;
    const refusals: [string[], number, RegExp][] = [
      [['case', 'show', first, '--as', user('off-b')], 3, /未找到案件/],
      [['case', 'event', first, 'correction_received', '--date', '2025-09-10', '--as', user('off-b')], 3, /未找到案件/],
      [['case', 'list', '--agency', a.slug, '--as', user('off-b')], 4, /无权查看机关/],
      [['case', 'event', first, 'correction_received', '--date', '2025-09-10', '--as', user('sup-a')], 4, /只能查看案件，不能办理/],
      [['case', 'assign', first, '--officer', user('off-a'), '--as', user('sup-a')], 4, /只能查看案件/],
      [['case', 'new', '--agency', a.slug, '--as', user('sup-a')], 4, /只能查看案件/],
      [['case', 'show', first, '--as', 'nobody-at-all'], 4, /用户“nobody-at-all”不存在或已停用/],
    ];
    for (const [args, code, message] of refusals) {
      const refused = await run(args);
      assert.equal(refused.code, code, `${args.join(' ')}: ${refused.err}`);
      assert.match(refused.err, message);
    }
    assert.equal((await pool.query('select count(*)::int as n from audit_log')).rows[0].n, before);
    // The supervisor reads.
    const shown = await run(['case', 'show', first, '--as', user('sup-a')]);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, new RegExp(`案件 ${first}`));
  });
});
