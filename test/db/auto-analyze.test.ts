// The embedded database's ANALYZE (adapters/db/embedded/auto-analyze.ts): PGlite has no autovacuum,
// so the embedded server analyzes tables whose changes since their last ANALYZE (at least MIN_CHANGES)
// outnumber the rows they had then, and once per start those that have rows but no statistics or more
// than doubled in size — and with statistics the foreign-key check of a case's events finds the case
// through the primary key instead of scanning all of the agency's cases.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type pg from 'pg';
import { analyzeStaleTables, MIN_CHANGES } from '#adapters/db/embedded/auto-analyze.ts';
import { openDatabase } from '#adapters/db/open-database.ts';
import { testCacheDir, withTestDatabase } from '#test/db-harness.ts';

const queryable = (pool: pg.Pool) => ({
  query: async <T>(text: string) => ({ rows: (await pool.query(text)).rows as T[] }),
  exec: (text: string) => pool.query(text),
});

/** The index the generic plan of PostgreSQL's own foreign-key check on `cases` uses (ri_triggers.c's query). */
async function foreignKeyCheckIndex(pool: pg.Pool): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('set plan_cache_mode = force_generic_plan');
    await client.query('prepare fk_check(int, bigint) as select 1 from only cases x where agency_id = $1 and id = $2 for key share of x');
    const plan = (await client.query<{ 'QUERY PLAN': string }>('explain execute fk_check(1, 1)')).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    await client.query('deallocate fk_check');
    await client.query('reset plan_cache_mode');
    return /Index Scan using (\w+)/.exec(plan)?.[1] ?? plan;
  } finally {
    client.release();
  }
}

const insertCases = (pool: pg.Pool, from: number, to: number) =>
  pool.query(
    `insert into cases (agency_id, id, case_code, verification_hash, channel, applicant_type, received_on, status, is_open, clock_state, event_count)
     select 1, n, 'GK2026-' || lpad(n::text, 6, '0'), repeat('a', 64), 'online', 'natural_person', date '2026-12-07', 'processing', true, 'on_time', 1
     from generate_series($1::int, $2::int) n`,
    [from, to],
  );

describe('auto-analyze of the embedded database', () => {
  test('analyzes a table once its changes since the last ANALYZE outnumber its rows then (at least MIN_CHANGES)', async () => {
    const database = await withTestDatabase('pglite');
    try {
      const { pool } = database;
      await analyzeStaleTables(queryable(pool), { bySize: true }); // whatever the migrations filled
      await analyzeStaleTables(queryable(pool));
      assert.deepEqual(await analyzeStaleTables(queryable(pool)), []);
      // Never analyzed: the generic plan goes through the officer index (agency_id, assigned_user_id),
      // scanning every case of the agency for each check.
      assert.equal(await foreignKeyCheckIndex(pool), 'cases_agency_officer_idx');

      await pool.query("insert into agencies (id, slug, name) values (1, 'a', '某局')");
      await insertCases(pool, 1, MIN_CHANGES - 1);
      assert.deepEqual(await analyzeStaleTables(queryable(pool)), [], 'fewer changes than MIN_CHANGES');
      await insertCases(pool, MIN_CHANGES, 2000);
      assert.deepEqual(await analyzeStaleTables(queryable(pool), { youngOnly: true }), ['public.cases'], 'never analyzed: young');
      assert.equal(await foreignKeyCheckIndex(pool), 'cases_pkey');
      assert.deepEqual(await analyzeStaleTables(queryable(pool)), []);

      // Grown, but by fewer rows than it had: nothing to do.
      await insertCases(pool, 2001, 2500);
      assert.deepEqual(await analyzeStaleTables(queryable(pool)), []);
      await insertCases(pool, 2501, 4600);
      // Analyzed with 2,000 rows: not young, left for a quiet moment.
      assert.deepEqual(await analyzeStaleTables(queryable(pool), { youngOnly: true }), []);
      assert.deepEqual(await analyzeStaleTables(queryable(pool)), ['public.cases']);
      const again = await pool.query<{ reltuples: number }>("select reltuples from pg_class where relname = 'cases'");
      assert.equal(again.rows[0]!.reltuples, 4600);
      // The agency (one row, never MIN_CHANGES changes) stays unanalyzed: its foreign-key checks use the
      // primary key, not a sequential scan.
      const agencies = await pool.query<{ reltuples: number }>("select reltuples from pg_class where relname = 'agencies'");
      assert.equal(agencies.rows[0]!.reltuples, -1);
    } finally {
      await database.close();
    }
  });

  test('by size (after a crash reset the counters): a table of 8 pages or more and no statistics, or more than doubled', async () => {
    const database = await withTestDatabase('pglite');
    try {
      const { pool } = database;
      await analyzeStaleTables(queryable(pool), { bySize: true }); // whatever the migrations filled
      assert.deepEqual(await analyzeStaleTables(queryable(pool), { bySize: true }), []);
      await pool.query("insert into agencies (id, slug, name) values (1, 'a', '某局')");
      await insertCases(pool, 1, 100);
      assert.deepEqual(await analyzeStaleTables(queryable(pool), { bySize: true }), [], 'fewer than 8 pages');
      await insertCases(pool, 101, 2000);
      assert.deepEqual(await analyzeStaleTables(queryable(pool), { bySize: true }), ['public.cases']);
      assert.equal(await foreignKeyCheckIndex(pool), 'cases_pkey');
      const analyzed = await pool.query<{ relpages: number }>("select relpages from pg_class where relname = 'cases'");
      const pages = analyzed.rows[0]!.relpages;
      assert.ok(pages > 8, `2,000 cases fill more than 8 pages (${pages})`);
      await insertCases(pool, 2001, 2500);
      assert.deepEqual(await analyzeStaleTables(queryable(pool), { bySize: true }), []);
      await insertCases(pool, 2501, 4600);
      assert.deepEqual(await analyzeStaleTables(queryable(pool), { bySize: true }), ['public.cases']);
    } finally {
      await database.close();
    }
  });

  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the embedded server analyzes by itself, between its clients’ transactions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-analyze-'));
    dirs.push(dir);
    const opened = await openDatabase({ dataDir: dir, templateDir: testCacheDir(), embeddedIdleMs: 400 });
    try {
      const { pool } = opened;
      await pool.query("insert into agencies (id, slug, name) values (1, 'a', '某局')");
      await insertCases(pool, 1, 1000);
      const analyzed = async () =>
        (await pool.query<{ reltuples: number }>("select reltuples from pg_class where relname = 'cases'")).rows[0]!.reltuples;
      const until = async (tuples: number) => {
        const end = Date.now() + 10_000;
        while ((await analyzed()) < tuples && Date.now() < end) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      // The first check after the start goes by size: 1,000 cases and no statistics.
      await until(0);
      assert.equal(await analyzed(), 1000);
      // Later ones by the counters: 1,500 more changes than the 1,000 it had (at the next quiet tick).
      await insertCases(pool, 1001, 2500);
      await until(2500);
      assert.equal(await analyzed(), 2500);
    } finally {
      await opened.close();
    }
  });
});
