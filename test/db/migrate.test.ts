// The migrator on both engines: every shipped migration applied once, recorded by hash, a second run
// and a concurrent run apply nothing, status tells applied from pending.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateDatabase, migrationStatus, readMigrations } from '#adapters/db/migrate.ts';
import { forEachEngine } from '#test/db-harness.ts';

forEachEngine('migrations', ({ database, engine }) => {
  test('the harness database is fully migrated: status has nothing pending', async () => {
    const { pool } = await database();
    const status = await migrationStatus(pool);
    assert.deepEqual(status.pending, []);
    assert.deepEqual(
      status.applied.map((m) => m.tag),
      readMigrations().map((m) => m.tag),
    );
    assert.deepEqual(status.unknown, []);
  });

  test('running the migrator again, twice at the same time, applies nothing', async () => {
    const { pool } = await database();
    const runs = await Promise.all([migrateDatabase(pool), migrateDatabase(pool)]);
    assert.deepEqual(runs, [[], []]);
    const count = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    assert.equal(count.rows[0]?.n, readMigrations().length);
  });

  test('the schema has the tables of every area, with agency_id where per agency', async () => {
    const { pool } = await database();
    const tables = await pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    const names = tables.rows.map((r) => r.table_name);
    for (const expected of ['agencies', 'agency_settings', 'calendar_changes', 'instance_settings', 'setting_changes']) {
      assert.ok(names.includes(expected), `${expected} missing on ${engine}: ${names.join(', ')}`);
    }
    const key = await pool.query<{ column_name: string }>(
      `SELECT k.column_name FROM information_schema.table_constraints c
         JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_name = c.table_name
        WHERE c.table_name = 'agency_settings' AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position`,
    );
    assert.deepEqual(
      key.rows.map((r) => r.column_name),
      ['agency_id', 'key'],
    );
  });

  test('a CHECK refuses a value outside the enumeration (text + CHECK, not pgEnum)', async () => {
    const { pool } = await database();
    await assert.rejects(pool.query("INSERT INTO agencies (slug, name, kind) VALUES ('x1', '某局', 'ministry')"), /agencies_kind_check/);
  });

  test('dates come back as YYYY-MM-DD strings and instants as ISO strings, whatever the session zone', async () => {
    const { pool } = await database();
    const row = (await pool.query<{ d: unknown; t: unknown }>("SELECT DATE '2025-01-01' AS d, TIMESTAMPTZ '2025-01-01 08:00:00+08' AS t"))
      .rows[0];
    assert.equal(row?.d, '2025-01-01');
    assert.equal(row?.t, '2025-01-01T00:00:00.000Z');
  });
});
