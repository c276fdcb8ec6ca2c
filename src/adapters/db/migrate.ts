// The one migrator for both engines (architecture.md, Migrations): applies the SQL files drizzle-kit
// generated in ./migrations/, in journal order, each once. Applied migrations are recorded by hash in
// drizzle's own table (drizzle.__drizzle_migrations), so drizzle-kit sees the same state. Unlike
// drizzle's migrator, which skips any file older than the newest applied one, a migration is pending
// until its hash is recorded: branches that land out of order still get every migration applied.
// Everything runs in one transaction under a transaction-level advisory lock, so several nodes (or a
// CLI `db migrate` beside a starting server) never apply a migration twice.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Key of the advisory lock every migrator takes (an arbitrary constant of this project). */
const MIGRATION_LOCK_KEY = 7_415_227_001;

export interface Migration {
  /** The file name without `.sql`, e.g. `0000_foundation`. */
  readonly tag: string;
  /** SHA-256 of the file, as drizzle records it. */
  readonly hash: string;
  /** The journal's timestamp (drizzle's `created_at`). */
  readonly when: number;
  readonly statements: readonly string[];
}

interface Journal {
  readonly entries: readonly { readonly tag: string; readonly when: number }[];
}

/** The migrations shipped with this build, in journal order. */
export function readMigrations(folder: string = MIGRATIONS_FOLDER): Migration[] {
  const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as Journal;
  return journal.entries.map((entry) => {
    const text = readFileSync(`${folder}/${entry.tag}.sql`, 'utf8');
    return {
      tag: entry.tag,
      hash: createHash('sha256').update(text).digest('hex'),
      when: entry.when,
      statements: text.split('--> statement-breakpoint').filter((statement) => statement.trim() !== ''),
    };
  });
}

/** A hash over every shipped migration: names a migrated template (test harness). */
export function migrationsFingerprint(migrations: readonly Migration[] = readMigrations()): string {
  return createHash('sha256')
    .update(migrations.map((m) => `${m.tag}:${m.hash}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export interface AppliedMigration {
  readonly hash: string;
  readonly appliedAt: string;
}

async function ensureMigrationsTable(client: pg.PoolClient): Promise<void> {
  await client.query('CREATE SCHEMA IF NOT EXISTS drizzle');
  await client.query(
    'CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)',
  );
}

async function appliedOf(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const exists = await client.query<{ present: boolean }>("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present");
  if (exists.rows[0]?.present !== true) {
    return [];
  }
  const result = await client.query<{ hash: string; created_at: string }>(
    'SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id',
  );
  return result.rows.map((row) => ({ hash: row.hash, appliedAt: new Date(Number(row.created_at)).toISOString() }));
}

/** Whether the database records exactly this build's migrations (none pending, none unknown). */
export async function isMigrated(client: pg.ClientBase, migrations: readonly Migration[] = readMigrations()): Promise<boolean> {
  const applied = new Set((await appliedOf(client)).map((m) => m.hash));
  return applied.size === migrations.length && migrations.every((m) => applied.has(m.hash));
}

/** Applies every pending migration; returns the tags applied now (empty when up to date). */
export async function migrateDatabase(pool: pg.Pool, migrations: readonly Migration[] = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await ensureMigrationsTable(client);
    const done = new Set((await appliedOf(client)).map((m) => m.hash));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.hash)) {
        continue;
      }
      for (const statement of migration.statements) {
        await client.query(statement);
      }
      // created_at: when it was applied (drizzle stores the journal time; it is only used for order)
      await client.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', [migration.hash, Date.now()]);
      applied.push(migration.tag);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export interface MigrationStatus {
  readonly applied: readonly { readonly tag: string; readonly appliedAt: string }[];
  readonly pending: readonly string[];
  /** Hashes recorded in the database that this build does not ship (a newer build migrated it). */
  readonly unknown: readonly string[];
}

/** What is applied and what is pending, without changing anything. */
export async function migrationStatus(pool: pg.Pool, migrations: readonly Migration[] = readMigrations()): Promise<MigrationStatus> {
  const client = await pool.connect();
  try {
    const applied = await appliedOf(client);
    const byHash = new Map(applied.map((m) => [m.hash, m]));
    const shipped = new Set(migrations.map((m) => m.hash));
    return {
      applied: migrations.flatMap((m) => {
        const record = byHash.get(m.hash);
        return record === undefined ? [] : [{ tag: m.tag, appliedAt: record.appliedAt }];
      }),
      pending: migrations.filter((m) => !byHash.has(m.hash)).map((m) => m.tag),
      unknown: applied.filter((m) => !shipped.has(m.hash)).map((m) => m.hash),
    };
  } finally {
    client.release();
  }
}
