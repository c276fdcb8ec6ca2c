// The embedded database server: PGlite (PostgreSQL in WASM) in its own process, serving the
// PostgreSQL protocol on 127.0.0.1 so a slow query never blocks the HTTP or
// CLI event loop (architecture.md, Runtime); protocol-server.ts says why not PGLiteSocketServer.
// Started by open-database.ts with `fork`:
//
//   node pglite-server.ts DATA_DIR [--idle-ms N] [--template-dir DIR]
//
// It takes `<DATA_DIR>/pg.lock` before opening `<DATA_DIR>/pg` and keeps it until the directory is
// closed. It reports over IPC: {type:'ready', port} | {type:'busy', owner} | {type:'error', message}.
// It stops by itself once no client has been connected for --idle-ms (a server process keeps one
// connection open for as long as it runs), on SIGTERM/SIGINT, closing PGlite cleanly (no WAL replay).
import { constants, existsSync, mkdirSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeStaleTables } from './auto-analyze.ts';
import { acquireLock, lockPathOf, releaseLock, updateLock } from './lock-file.ts';
import { ensureMigratedTemplate } from './template.ts';

/**
 * PostgreSQL's buffer cache inside the WASM memory. initdb's 128 MB is touched as it fills and stays in
 * the process's RSS (issue #7: server + embedded database ≤ 600 MB); 32 MB holds the working set of an
 * agency's cases, and a larger scan reads through the OS page cache (a sequential scan uses a small ring
 * of buffers anyway).
 */
const SHARED_BUFFERS = '32MB';

/** How long a server with no client yet waits for its first one before it stops. */
const FIRST_CLIENT_MS = 30_000;

/**
 * How often the server looks for tables to ANALYZE once clients have run something (auto-analyze.ts):
 * often, so a table that grows from empty in the first burst after a start (a new agency, a new
 * instance) gets its statistics, and the foreign-key checks their index plans, within that burst; the
 * check reads the statistics counters (~2–4 ms of the child's CPU).
 */
const ANALYZE_CHECK_MS = 250;

/** Busy checks (young tables only) before a full one all the same: 10 s of uninterrupted work. */
const FULL_CHECK_TICKS = 40;

type Message =
  | { type: 'ready'; port: number; fresh: boolean; openMs: number }
  | { type: 'busy'; pid: number }
  | { type: 'error'; message: string };

function send(message: Message): void {
  if (process.send !== undefined && process.connected) {
    process.send(message);
  }
}

function log(text: string): void {
  process.stderr.write(`${new Date().toISOString()} [pglite-server ${process.pid}] ${text}\n`);
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Copies the migrated template to `pgDir` (written whole under another name, then renamed into place); false when it could not. */
async function copyTemplate(templateDir: string, pgDir: string): Promise<boolean> {
  const copy = `${pgDir}.${process.pid}.tmp`;
  try {
    const template = await ensureMigratedTemplate(templateDir);
    await rm(copy, { recursive: true, force: true });
    // A copy-on-write clone where the file system offers one, a plain copy elsewhere.
    await cp(template, copy, { recursive: true, mode: constants.COPYFILE_FICLONE });
    // Over a missing or empty directory only: anything else is left for PGlite to judge.
    await rename(copy, pgDir);
    return true;
  } catch (error) {
    log(`no template used: ${error instanceof Error ? error.message : String(error)}`);
    await rm(copy, { recursive: true, force: true }).catch(() => undefined);
    return false;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dataDir = args[0];
  if (dataDir === undefined) {
    throw new Error('usage: pglite-server.ts DATA_DIR [--idle-ms N] [--template-dir DIR]');
  }
  const idleMs = Number(option(args, '--idle-ms') ?? '3000');
  const templateDir = option(args, '--template-dir');
  mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathOf(dataDir);
  const lock = acquireLock(lockPath);
  if (!lock.acquired) {
    send({ type: 'busy', pid: lock.owner.pid });
    process.disconnect?.();
    return;
  }
  const started = performance.now();
  let closing: Promise<void> | undefined;
  try {
    const pglite = import('@electric-sql/pglite');
    const { serveProtocol } = await import('./protocol-server.ts');
    const pgDir = join(dataDir, 'pg');
    const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
    // A fresh directory is a copy of the migrated template (built first if these migrations have none):
    // initdb and the migrations cost 6–15 s, the copy well under one (template.ts).
    const copied = fresh && templateDir !== undefined ? await copyTemplate(templateDir, pgDir) : false;
    const { PGlite } = await pglite;
    const db = await PGlite.create({
      dataDir: pgDir,
      // Given on the command line, not in postgresql.conf: the data directory stays as initdb wrote it.
      // wal_init_zero=off: a new 16 MB WAL segment is created by writing its last byte instead of
      // zero-filling it (~50 ms of this process's CPU every few thousand intakes, in the middle of a
      // burst). Recovery reads WAL up to the first record that fails its checks, and an unwritten
      // stretch of a segment reads as zeros either way; PGlite runs with fsync off (-F), so what makes
      // a commit survive a killed process is the WAL write before the answer, which this leaves as
      // it is (ARCHITECTURE.md, embedded database).
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`, '-c', 'wal_init_zero=off'],
    });
    const server = await serveProtocol(db, { log });
    const port = server.port;
    updateLock(lockPath, { port, state: 'ready', since: new Date().toISOString() });
    const openMs = Math.round(performance.now() - started);
    log(`serving ${pgDir} on 127.0.0.1:${port} (${fresh ? (copied ? 'new, from template' : 'new, initdb') : 'reopened'}, ${openMs} ms)`);
    send({ type: 'ready', port, fresh, openMs });
    process.disconnect?.();

    const close = async (why: string): Promise<void> => {
      closing ??= (async () => {
        log(`stopping: ${why}`);
        clearInterval(timer);
        clearInterval(analyzeTimer);
        await analyzing;
        updateLock(lockPath, { port, state: 'stopping', since: new Date().toISOString() });
        await server.close();
        await db.close();
        releaseLock(lockPath);
        log('stopped');
      })();
      return closing;
    };
    let lastBusy = Date.now();
    // Until a first client came, wait at least FIRST_CLIENT_MS: the process that started this server may
    // still be importing its modules (`gongkai serve` starts the database first; start-embedded.ts).
    const timer = setInterval(
      () => {
        if (server.connections() > 0) {
          lastBusy = Date.now();
        } else if (Date.now() - lastBusy >= (server.accepted() > 0 ? idleMs : Math.max(idleMs, FIRST_CLIENT_MS))) {
          void close('idle').then(() => process.exit(0));
        }
      },
      Math.min(250, Math.max(20, idleMs / 4)),
    );
    // No autovacuum in PGlite: ANALYZE what grew, between the clients' transactions (auto-analyze.ts).
    // While clients keep the backend busy (message groups ran since the last tick), only young tables
    // (cheap to analyze; their plans are the ones that go wrong); the others at the first quiet tick
    // after a change, or after FULL_CHECK_TICKS busy ticks at the latest.
    let analyzing: Promise<void> | undefined;
    let groupsSeen = -1;
    let groupsChecked = -1;
    let busyTicks = 0;
    // The first check asks the relation files: the statistics counters start from zero after a crash.
    let bySize = true;
    const analyzeTimer = setInterval(() => {
      const groups = server.groupsRun();
      const busy = groups !== groupsSeen;
      groupsSeen = groups;
      if (analyzing !== undefined || closing !== undefined || groups === groupsChecked) {
        return;
      }
      busyTicks = busy ? busyTicks + 1 : 0;
      const full = !busy || busyTicks >= FULL_CHECK_TICKS;
      if (full) {
        groupsChecked = groups;
        busyTicks = 0;
      }
      const options = { bySize, youngOnly: !full };
      bySize = false;
      analyzing = server
        .exclusive((backend) => analyzeStaleTables(backend, options))
        .then(
          (tables) => (tables.length > 0 ? log(`analyzed ${tables.join(', ')}`) : undefined),
          (error: unknown) => log(`analyze failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          analyzing = undefined;
        });
    }, ANALYZE_CHECK_MS);
    analyzeTimer.unref();
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      process.on(signal, () => {
        void close(signal).then(() => process.exit(0));
      });
    }
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`failed: ${message}`);
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    releaseLock(lockPath);
    process.exit(1);
  }
}

await main();
