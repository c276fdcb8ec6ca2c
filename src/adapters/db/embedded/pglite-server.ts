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
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeStaleTables } from './auto-analyze.ts';
import { acquireLock, lockPathOf, releaseLock, updateLock } from './lock-file.ts';
import { initdbTemplatePath } from './template.ts';

/**
 * PostgreSQL's buffer cache inside the WASM memory. initdb's 128 MB is touched as it fills and stays in
 * the process's RSS (issue #7: server + embedded database ≤ 600 MB); 32 MB holds the working set of an
 * agency's cases, and a larger scan reads through the OS page cache (a sequential scan uses a small ring
 * of buffers anyway).
 */
const SHARED_BUFFERS = '32MB';

/** How often the server looks for tables to ANALYZE once clients have run something (auto-analyze.ts). */
const ANALYZE_CHECK_MS = 1000;

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
    const { PGlite } = await import('@electric-sql/pglite');
    const { serveProtocol } = await import('./protocol-server.ts');
    const pgDir = join(dataDir, 'pg');
    const fresh = !existsSync(join(pgDir, 'PG_VERSION'));
    const templatePath = templateDir === undefined ? undefined : initdbTemplatePath(templateDir);
    // A fresh directory starts from a cached, freshly initialised cluster when there is one: initdb
    // costs 5–6 s, unpacking the template well under one.
    const template = fresh && templatePath !== undefined && existsSync(templatePath) ? readFileSync(templatePath) : undefined;
    const db = await PGlite.create({
      dataDir: pgDir,
      ...(template === undefined ? {} : { loadDataDir: new Blob([template]) }),
      // Given on the command line, not in postgresql.conf: the data directory stays as initdb wrote it.
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    });
    const server = await serveProtocol(db, { log });
    const port = server.port;
    updateLock(lockPath, { port, state: 'ready', since: new Date().toISOString() });
    const openMs = Math.round(performance.now() - started);
    log(`serving ${pgDir} on 127.0.0.1:${port} (${fresh ? (template ? 'new, from template' : 'new, initdb') : 'reopened'}, ${openMs} ms)`);
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
    const timer = setInterval(
      () => {
        if (server.connections() > 0) {
          lastBusy = Date.now();
        } else if (Date.now() - lastBusy >= idleMs) {
          void close('idle').then(() => process.exit(0));
        }
      },
      Math.min(250, Math.max(20, idleMs / 4)),
    );
    // No autovacuum in PGlite: ANALYZE what grew, between the clients' transactions (auto-analyze.ts).
    let analyzing: Promise<void> | undefined;
    let groupsSeen = -1;
    const analyzeTimer = setInterval(() => {
      const groups = server.groupsRun();
      if (groups === groupsSeen || analyzing !== undefined || closing !== undefined) {
        return;
      }
      groupsSeen = groups;
      analyzing = server
        .exclusive((backend) => analyzeStaleTables(backend))
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
    if (fresh && template === undefined && templatePath !== undefined && templateDir !== undefined) {
      // Keep this initialisation for the next fresh directory (written whole, then renamed into place).
      try {
        const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
        mkdirSync(templateDir, { recursive: true, mode: 0o700 });
        const temp = `${templatePath}.${process.pid}.tmp`;
        writeFileSync(temp, dump);
        renameSync(temp, templatePath);
      } catch (error) {
        log(`template not saved: ${error instanceof Error ? error.message : String(error)}`);
      }
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
