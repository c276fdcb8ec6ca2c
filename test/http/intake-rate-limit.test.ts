// The public intake's rate limit as a setting (issue #7): `intake.rate-limit` per agency over the
// instance default, set with `letter settings set` (checked, with history), applied by the running
// server to the API and the portal form; GONGKAI_RATE_LIMIT=off turns it off; the old
// GONGKAI_INTAKE_RATE_LIMIT is copied into the instance default once. Both engines.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Hono } from 'hono';
import { errorResponse } from '#adapters/http/error-response.ts';
import { rateLimit } from '#adapters/http/middleware/rate-limit.ts';
import { loadConfig } from '#config/load-config.ts';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { intakeLimitResolver, migrateLegacyIntakeRateLimit } from '../../src/compose-intake-limit.ts';
import { startServer } from '../../src/main.ts';
import { addAgency } from '../cases/case-fixtures.ts';
import { intakeBody } from './intake-load.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-rate-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('rateLimit with a resolver', () => {
  test('each agency has its own limit and window; off admits everything', async () => {
    let now = 5_000_000;
    const limits: Record<string, { limit: number; windowSeconds: number } | 'off'> = {
      a: { limit: 1, windowSeconds: 10 },
      b: { limit: 3, windowSeconds: 60 },
      c: 'off',
    };
    const app = new Hono();
    app.onError((error, c) => errorResponse(c, error, () => {}));
    app.post(
      '/:slug/x',
      rateLimit(
        async (slug) => limits[slug ?? ''] ?? 'off',
        () => now,
      ),
      (c) => c.text('ok', 201),
    );
    const post = async (slug: string) => (await app.request(`/${slug}/x`, { method: 'POST' })).status;
    assert.deepEqual([await post('a'), await post('a')], [201, 429]);
    assert.deepEqual([await post('b'), await post('b'), await post('b'), await post('b')], [201, 201, 201, 429]);
    for (let i = 0; i < 20; i += 1) {
      assert.equal(await post('c'), 201);
    }
    now += 10_000; // a's window (10 s) is over, b's (60 s) is not
    assert.deepEqual([await post('a'), await post('b')], [201, 429]);
  });
});

forEachEngine('intake rate limit setting', ({ database }) => {
  test('letter settings set intake.rate-limit: checked, per agency over the instance default, with history; the resolver reads it', async () => {
    const { db, pool, url } = await database();
    const agency = await addAgency(pool, '限流测试局');
    const other = await addAgency(pool, '默认测试局');
    const env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_USER: 'admin-qian' };
    const run = (args: string[]) => runInProcess(args, { env, cwd: dir, isTTY: false, now: () => new Date() });
    for (const bad of ['0/60', '10', '10/0', 'fast', '10/86401']) {
      const refused = await run(['letter', 'settings', 'set', 'intake.rate-limit', bad, '--agency', agency.slug]);
      assert.equal(refused.code, 64, bad);
      assert.match(refused.err, /“次数\/秒数”/);
    }
    assert.equal((await pool.query(`select count(*)::int as n from setting_changes where key = 'intake.rate-limit'`)).rows[0].n, 0);
    let t = 0;
    const resolve = intakeLimitResolver(db, () => t);
    assert.deepEqual(await resolve(agency.slug), { limit: 10, windowSeconds: 60 }, 'the built-in default');
    const set = await run(['letter', 'settings', 'set', 'intake.rate-limit', '2/30', '--agency', agency.slug]);
    assert.equal(set.code, 0, set.err);
    assert.deepEqual(await resolve(agency.slug), { limit: 10, windowSeconds: 60 }, 'cached for a few seconds');
    t += 10_000;
    assert.deepEqual(await resolve(agency.slug), { limit: 2, windowSeconds: 30 });
    assert.deepEqual(await resolve(other.slug), { limit: 10, windowSeconds: 60 });
    const shown = JSON.parse((await run(['letter', 'settings', 'show', '--agency', agency.slug, '--json'])).out) as {
      key: string;
      value: string;
      source: string;
    }[];
    assert.deepEqual(
      shown.find((r) => r.key === 'intake.rate-limit'),
      { ...shown.find((r) => r.key === 'intake.rate-limit'), value: '2/30', source: 'agency' },
    );
    const history = await pool.query(
      `select who, from_value, to_value from setting_changes where key = 'intake.rate-limit' and agency_id = $1`,
      [agency.id],
    );
    assert.deepEqual(history.rows, [{ who: 'admin-qian', from_value: null, to_value: '2/30' }]);
    assert.equal((await run(['letter', 'settings', 'set', 'intake.rate-limit', 'off', '--agency', other.slug])).code, 0);
    t += 10_000;
    assert.equal(await resolve(other.slug), 'off');
  });

  test('the old GONGKAI_INTAKE_RATE_LIMIT is copied into the instance default once, then ignored with a warning', async () => {
    const { db, pool } = await database();
    const logs: string[] = [];
    const log = (entry: Readonly<Record<string, unknown>>) => logs.push(String(entry['message']));
    const config = loadConfig({ HOME: dir, GONGKAI_DATA_DIR: dir, GONGKAI_INTAKE_RATE_LIMIT: '7/120' }, { cwd: dir });
    await migrateLegacyIntakeRateLimit(db, config.http.legacyIntakeRateLimit, log);
    await migrateLegacyIntakeRateLimit(db, config.http.legacyIntakeRateLimit, log);
    const history = await pool.query(`select who, to_value from setting_changes where key = 'intake.rate-limit' and agency_id is null`);
    assert.deepEqual(history.rows, [{ who: 'GONGKAI_INTAKE_RATE_LIMIT', to_value: '7/120' }]);
    assert.equal(logs.length, 1, 'the second start finds the same value stored and says nothing');
    assert.match(logs[0] ?? '', /已弃用/);
    const changed = loadConfig({ HOME: dir, GONGKAI_DATA_DIR: dir, GONGKAI_INTAKE_RATE_LIMIT: '99/60' }, { cwd: dir });
    await migrateLegacyIntakeRateLimit(db, changed.http.legacyIntakeRateLimit, log);
    assert.match(logs[1] ?? '', /被忽略/);
    assert.deepEqual(await intakeLimitResolver(db)('no-such-agency'), { limit: 7, windowSeconds: 120 });
    await pool.query(`delete from instance_settings where key = 'intake.rate-limit'`);
  });

  test('the server applies the agency setting to submissions; GONGKAI_RATE_LIMIT=off lifts every limit', async () => {
    const { pool, url } = await database();
    const agency = await addAgency(pool, '限流服务局');
    await pool.query(`insert into agency_settings (agency_id, key, value) values ($1, 'intake.rate-limit', '2/3600')`, [agency.id]);
    const submit = async (base: string) =>
      (
        await fetch(`${base}/api/agencies/${agency.slug}/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(intakeBody(1)),
        })
      ).status;
    const env = { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_PORT: '0', HOME: dir };
    const limited = await startServer({ env, cwd: dir, log: () => {} });
    try {
      await limited.ready;
      assert.deepEqual([await submit(limited.url), await submit(limited.url), await submit(limited.url)], [201, 201, 429]);
    } finally {
      await limited.close();
    }
    const free = await startServer({ env: { ...env, GONGKAI_RATE_LIMIT: 'off' }, cwd: dir, log: () => {} });
    try {
      await free.ready;
      const statuses = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push(await submit(free.url));
      }
      assert.deepEqual(statuses, [201, 201, 201, 201, 201]);
    } finally {
      await free.close();
    }
  });
});
