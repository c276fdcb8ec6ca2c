// The PostgreSQL server's stand-in for autovacuum's first ANALYZE (adapters/db/analyze-new-tables.ts,
// issue #7 sixth round), on both engines: a never-analyzed table is analyzed once it has GROWN_ROWS live
// rows — not before, and not for rows that were rolled back — and the ANALYZE replaces the plan a
// session cached for the foreign-key check while `cases` had one row (the officer index, reading all
// of the agency's cases per check) with the primary key's.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type pg from 'pg';
import { analyzeGrownNewTables, GROWN_ROWS } from '#adapters/db/analyze-new-tables.ts';
import { createCaseStore } from '#adapters/db/case-store.ts';
import { createApplications } from '#app/cases/create-application.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { startServer } from '../../src/main.ts';
import { addAgency } from '../cases/case-fixtures.ts';
import { intakeBody } from '../http/intake-load.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-analyze-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The plan of the foreign-key check case_events → cases as the backend runs it (generic, cached). */
const FK_CHECK =
  'prepare fk_check(int, bigint) as select 1 from only public.cases x where agency_id operator(pg_catalog.=) $1 and id operator(pg_catalog.=) $2 for key share of x';

async function planOf(client: pg.PoolClient, agencyId: number): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain execute fk_check(${agencyId}, 1)`);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

const reltuples = async (pool: pg.Pool, table: string) =>
  Number((await pool.query<{ n: string }>(`select reltuples::text as n from pg_class where oid = $1::regclass`, [table])).rows[0]?.n);

forEachEngine('ANALYZE of grown new tables', ({ database }) => {
  test('a table is analyzed once it has GROWN_ROWS live rows, not for rolled-back ones', async () => {
    const { pool } = await database();
    await pool.query('create table grown_probe (id int primary key, pad text not null)');
    // Rolled back: pages of dead rows, no live row.
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`insert into grown_probe select i, repeat('x', 200) from generate_series(1, ${GROWN_ROWS * 2}) as i`);
      await client.query('rollback');
    } finally {
      client.release();
    }
    assert.deepEqual(await analyzeGrownNewTables(pool), [], 'dead rows only: not analyzed');
    await pool.query(`insert into grown_probe select i, repeat('x', 200) from generate_series(1, ${GROWN_ROWS - 1}) as i`);
    assert.deepEqual(await analyzeGrownNewTables(pool), [], 'one row short: not analyzed');
    assert.ok((await reltuples(pool, 'grown_probe')) < 0, 'still never analyzed');
    await pool.query(`insert into grown_probe values (${GROWN_ROWS}, 'x')`);
    assert.deepEqual(await analyzeGrownNewTables(pool), ['public.grown_probe']);
    assert.equal(await reltuples(pool, 'grown_probe'), GROWN_ROWS);
    assert.deepEqual(await analyzeGrownNewTables(pool), [], 'analyzed once: autovacuum takes it from there');
    await pool.query('drop table grown_probe');
  });

  test("replaces the foreign-key check's plan cached at one case with the primary key's", async () => {
    const { db, pool } = await database();
    const agency = await addAgency(pool, '统计信息测试局');
    const deps = { cases: createCaseStore(db), clock: { now: () => new Date() } };
    const intake = (from: number, count: number) =>
      createApplications(
        deps,
        Array.from(
          { length: count },
          (_, i) =>
            ({ agencySlug: agency.slug, ...intakeBody(from + i), actor: 'public' }) as Parameters<typeof createApplications>[1][number],
        ),
      );
    assert.ok((await intake(0, 1)).every((result) => result.ok));
    assert.ok((await reltuples(pool, 'cases')) < 0, 'a new database: cases never analyzed');
    const client = await pool.connect();
    try {
      // As a backend's sixth foreign-key check does: a generic plan, made with one case in the table.
      await client.query('set plan_cache_mode = force_generic_plan');
      await client.query(FK_CHECK);
      assert.match(await planOf(client, agency.id), /cases_agency_officer_idx/, 'the tie the planner resolves badly');
      for (let from = 1; from < GROWN_ROWS + 1; from += 256) {
        assert.ok((await intake(from, Math.min(256, GROWN_ROWS + 1 - from))).every((result) => result.ok));
      }
      assert.match(await planOf(client, agency.id), /cases_agency_officer_idx/, 'cached while the table grew');
      assert.ok((await analyzeGrownNewTables(pool)).includes('public.cases'));
      assert.match(
        await planOf(client, agency.id),
        /Index Cond: \(\(agency_id = \$1\) AND \(id = \$2\)\)/,
        'planned again, by the primary key',
      );
      assert.match(await planOf(client, agency.id), /cases_pkey/);
      await client.query('deallocate fk_check');
      await client.query('reset plan_cache_mode');
    } finally {
      client.release();
    }
  });

  test('the server (DATABASE_URL) analyzes a grown new table by itself, within seconds (not a minute later)', async () => {
    const { pool, url } = await database();
    const logs: Record<string, unknown>[] = [];
    const server = await startServer({
      env: { DATABASE_URL: url, GONGKAI_DATA_DIR: dir, GONGKAI_PORT: '0', HOME: dir, GONGKAI_WARMUP: 'off' },
      cwd: dir,
      log: (entry) => logs.push({ ...entry }),
    });
    try {
      await server.ready;
      await pool.query('create table grown_by_server (id int primary key, pad text not null)');
      await pool.query(`insert into grown_by_server select i, repeat('x', 200) from generate_series(1, ${GROWN_ROWS}) as i`);
      const started = performance.now();
      while ((await reltuples(pool, 'grown_by_server')) < 0 && performance.now() - started < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(await reltuples(pool, 'grown_by_server'), GROWN_ROWS);
      assert.ok(performance.now() - started < 3000, `analyzed after ${Math.round(performance.now() - started)} ms`);
      assert.ok(logs.some((entry) => String(entry['message']).includes('public.grown_by_server')));
    } finally {
      await server.close();
      await pool.query('drop table grown_by_server');
    }
  });
});
