// Opens the database for a process (composition root, CLI commands, tests): one code path for both
// engines, the `pg` driver and drizzle over a pg.Pool (stack.md, Data). With a DATABASE_URL it is
// that PostgreSQL; otherwise the embedded PGlite under `<dataDir>/pg`, served by a child process
// (embedded/pglite-server.ts) that one process at a time owns: whoever finds its lock connects to
// its port, whoever finds none (or a stale one) starts it. Migrations are applied before the
// database is handed out.
import { join } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createPool } from './create-pool.ts';
import { DatabaseUnavailableError, embeddedServerOptions, embeddedServerPort, sleep } from './embedded/start-embedded.ts';
import { migrateDatabase } from './migrate.ts';
import * as schema from './schema.ts';

export { createPool } from './create-pool.ts';
export { DatabaseUnavailableError, embeddedServerPort } from './embedded/start-embedded.ts';

export type Schema = typeof schema;
/** The drizzle handle every store takes. */
export type Db = NodePgDatabase<Schema>;
export type Engine = 'postgresql' | 'pglite';

export interface DatabaseConfig {
  /** PostgreSQL connection string; null/undefined: the embedded database under dataDir. */
  readonly url?: string | null | undefined;
  /** The data directory (`GONGKAI_DATA_DIR`): the embedded database lives in `<dataDir>/pg`. */
  readonly dataDir: string;
  /** Connections in this process's pool (default 10 on PostgreSQL, 4 embedded). */
  readonly poolSize?: number;
  /** Apply pending migrations on open (default true). */
  readonly migrate?: boolean;
  /**
   * Keep the embedded server running for as long as this database is open (a server process); a
   * CLI command leaves it to stop by itself once idle. Default false.
   */
  readonly holdEmbeddedServer?: boolean;
  /** How long an embedded server started by this process stays up with no client (default 3000 ms). */
  readonly embeddedIdleMs?: number;
  /** Where the embedded database's templates are cached (default `~/.cache/gongkai`; embedded/template.ts). */
  readonly templateDir?: string;
  /** How long to wait for the embedded server to come up (default 120 s: covers WAL recovery). */
  readonly startTimeoutMs?: number;
}

export interface Database {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly engine: Engine;
  /** Where the data is, for people: the embedded directory or the PostgreSQL URL without password. */
  readonly location: string;
  /** Migrations applied by this open (empty when the database was up to date). */
  readonly migrated: readonly string[];
  close(): Promise<void>;
}

/** Wraps a pool in drizzle with the project's schema. */
export function drizzleOf(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

/** A PostgreSQL URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgresql';
  }
}

async function connectEmbedded(config: DatabaseConfig, poolSize: number): Promise<{ pool: pg.Pool; keeper?: pg.Client }> {
  const deadline = Date.now() + (config.startTimeoutMs ?? 120_000);
  for (;;) {
    const port = await embeddedServerPort(config.dataDir, {
      ...embeddedServerOptions(config),
      timeoutMs: Math.max(1000, deadline - Date.now()),
    });
    const connection = { host: '127.0.0.1', port, user: 'postgres', database: 'postgres' };
    // The first connection proves the server is still there (it may have stopped, idle, after we read its lock).
    const keeper = new pg.Client(connection);
    keeper.on('error', () => undefined);
    try {
      await keeper.connect();
      await keeper.query('SELECT 1');
    } catch (error) {
      await keeper.end().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new DatabaseUnavailableError(
          `无法连接内置数据库（${config.dataDir}）：${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await sleep(50);
      continue;
    }
    const pool = createPool({ ...connection, max: poolSize });
    if (config.holdEmbeddedServer === true) {
      return { pool, keeper };
    }
    // Hold the keeper until the pool has its own connection, so the server cannot go idle in between.
    const first = await pool.connect().finally(() => keeper.end().catch(() => undefined));
    first.release();
    return { pool };
  }
}

/** Opens (and by default migrates) the database the configuration names. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const url = config.url ?? undefined;
  let pool: pg.Pool;
  let keeper: pg.Client | undefined;
  let engine: Engine;
  let location: string;
  if (url !== undefined && url !== '') {
    engine = 'postgresql';
    location = describeUrl(url);
    pool = createPool({ connectionString: url, max: config.poolSize ?? 10 });
    try {
      (await pool.connect()).release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailableError(
        `无法连接 PostgreSQL 数据库（${location}）：${error instanceof Error ? error.message : String(error)}`,
      );
    }
  } else {
    engine = 'pglite';
    location = join(config.dataDir, 'pg');
    ({ pool, keeper } = await connectEmbedded(config, config.poolSize ?? 4));
  }
  let migrated: string[] = [];
  try {
    if (config.migrate !== false) {
      migrated = await migrateDatabase(pool);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    await keeper?.end().catch(() => undefined);
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    db: drizzleOf(pool),
    pool,
    engine,
    location,
    migrated,
    close() {
      closed ??= (async () => {
        await pool.end();
        await keeper?.end().catch(() => undefined);
      })();
      return closed;
    },
  };
}
