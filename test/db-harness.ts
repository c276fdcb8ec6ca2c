// Test databases (CONTRIBUTING.md, "Database tests"): every test file gets its own database on
// PGlite always, and on PostgreSQL too when DATABASE_URL is set.
// - PGlite: an in-memory instance cloned from a prepared, migrated data directory (dumpDataDir /
//   loadDataDir, ~0.5 s instead of 5–6 s of initdb), built once per machine and migration set under
//   the OS temp dir, served on 127.0.0.1 port 0 in this process by the same protocol server as the embedded one, so the code under
//   test talks to it through `pg` exactly as to the embedded server (stack.md, Gotcha 8).
// - PostgreSQL: a uniquely named database created from template0 (UTF-8, C.UTF-8) on the server of
//   DATABASE_URL, migrated, and dropped when the file is done. Nothing else on the server is touched.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { serveProtocol } from '#adapters/db/embedded/protocol-server.ts';
import { initdbTemplatePath } from '#adapters/db/embedded/template.ts';
import { migrateDatabase, migrationsFingerprint } from '#adapters/db/migrate.ts';
import { createPool, type Db, drizzleOf, type Engine } from '#adapters/db/open-database.ts';

export interface TestDatabase {
  readonly engine: Engine;
  readonly db: Db;
  readonly pool: pg.Pool;
  /** A connection string for this database: give it to the CLI as DATABASE_URL (in-process or child). */
  readonly url: string;
  close(): Promise<void>;
}

/** The engines this run tests: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env['DATABASE_URL'] ? ['pglite', 'postgresql'] : ['pglite'];
}

/** A per-user cache directory for prepared clusters, shared by the test files of a run. */
export function testCacheDir(): string {
  let user = 'user';
  try {
    user = String(userInfo().uid);
  } catch {
    // no passwd entry: one shared name is fine
  }
  const dir = join(tmpdir(), `gongkai-test-cache-${user}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function writeAtomic(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** The migrated template's bytes, built if this migration set has none yet. */
async function migratedTemplate(): Promise<Uint8Array> {
  const dir = testCacheDir();
  const path = join(dir, `pglite-migrated-${migrationsFingerprint()}.tar.gz`);
  if (existsSync(path)) {
    return readFileSync(path);
  }
  const db = await PGlite.create();
  // Also seed the embedded server's initdb template (tests that start the real child process use this dir).
  const initdbTemplate = initdbTemplatePath(dir);
  if (!existsSync(initdbTemplate)) {
    writeAtomic(initdbTemplate, await blobBytes(await db.dumpDataDir('gzip')));
  }
  const served = await serve(db);
  try {
    await migrateDatabase(served.pool);
  } finally {
    await served.close();
  }
  const bytes = await blobBytes(await db.dumpDataDir('gzip'));
  await db.close();
  writeAtomic(path, bytes);
  return bytes;
}

async function serve(db: PGlite): Promise<{ pool: pg.Pool; url: string; close(): Promise<void> }> {
  const server = await serveProtocol(db);
  const port = server.port;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pool = createPool({ connectionString: url, max: 4 });
  return {
    pool,
    url,
    async close() {
      await pool.end();
      await server.close();
    },
  };
}

async function pgliteDatabase(): Promise<TestDatabase> {
  const template = await migratedTemplate();
  const instance = await PGlite.create({ loadDataDir: new Blob([template]) });
  const served = await serve(instance);
  return {
    engine: 'pglite',
    db: drizzleOf(served.pool),
    pool: served.pool,
    url: served.url,
    async close() {
      await served.close();
      await instance.close();
    },
  };
}

async function postgresDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['DATABASE_URL'];
  if (adminUrl === undefined || adminUrl === '') {
    throw new Error('DATABASE_URL is not set');
  }
  const name = `gongkai_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = createPool({ connectionString: adminUrl, max: 1 });
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool({ connectionString: url.toString(), max: 4 });
  try {
    await migrateDatabase(pool);
  } catch (error) {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    throw error;
  }
  return {
    engine: 'postgresql',
    db: drizzleOf(pool),
    pool,
    url: url.toString(),
    async close() {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A fresh, migrated database on the engine; close() it when done (drops it on PostgreSQL). */
export function withTestDatabase(engine: Engine = 'pglite'): Promise<TestDatabase> {
  return engine === 'pglite' ? pgliteDatabase() : postgresDatabase();
}

export interface EngineContext {
  readonly engine: Engine;
  /** This file's database on the engine: opened on first use, closed after the file's tests. */
  readonly database: () => Promise<TestDatabase>;
}

/**
 * Runs the same tests once per engine, each engine in its own `describe` with one database shared by
 * the tests inside it.
 *
 * @example
 * forEachEngine('agencies', ({ database }) => {
 *   test('adds an agency', async () => {
 *     const { db } = await database();
 *     …
 *   });
 * });
 */
export function forEachEngine(name: string, body: (context: EngineContext) => void): void {
  for (const engine of testEngines()) {
    void describe(`${name} [${engine}]`, () => {
      let opened: Promise<TestDatabase> | undefined;
      const database = () => {
        opened ??= withTestDatabase(engine);
        return opened;
      };
      after(async () => {
        if (opened !== undefined) {
          await (await opened).close();
        }
      });
      body({ engine, database });
    });
  }
}
