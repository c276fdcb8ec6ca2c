// Starts (or finds) the embedded database server of a data directory: the child process of
// pglite-server.ts that one process at a time owns (its lock file says which, and on what port).
// Kept apart from open-database.ts (drizzle, pg, the schema) so `gongkai serve` can start the child
// first, before it imports the rest of the server, and the two start-ups overlap (issue #7: fresh
// start to /healthz).
import { fork } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '#core/shared/domain-error.ts';
import { isProcessAlive, lockPathOf, readLock } from './lock-file.ts';
import { defaultTemplateDir } from './template.ts';

/** The database cannot be reached or started; the message is Chinese and safe to show. */
export class DatabaseUnavailableError extends DomainError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}

const SERVER_SCRIPT = fileURLToPath(new URL('./pglite-server.ts', import.meta.url));

type ServerMessage =
  | { type: 'ready'; port: number; fresh: boolean; openMs: number }
  | { type: 'busy'; pid: number }
  | { type: 'error'; message: string };

/** Starts an embedded server child; resolves with its first message (or an error if it exits first). */
function startServer(dataDir: string, idleMs: number, templateDir: string): Promise<ServerMessage> {
  mkdirSync(dataDir, { recursive: true });
  const logFd = openSync(join(dataDir, 'pg-server.log'), 'a');
  return new Promise((resolve) => {
    const child = fork(SERVER_SCRIPT, [dataDir, '--idle-ms', String(idleMs), '--template-dir', templateDir], {
      detached: true,
      stdio: ['ignore', logFd, logFd, 'ipc'],
      // 32 MB semi-spaces for the young generation: V8 sizes it from the machine's memory (128 MB on a
      // 24 GB machine), which a long-running process keeps resident (as the launcher does for `gongkai serve`).
      // --liftoff-only: PGlite's WASM stays in V8's baseline code. With V8's default tier-up, the first
      // burst of 1,000 intakes after a start paid for compiling the hot functions again with TurboFan (on
      // background threads, ~1.1 s of CPU measured on an idle child right after a workload): 1.9–2.3 s
      // of the child's CPU for that burst against 0.3–0.4 s for the next one; baseline-only, 0.5–0.8 s
      // and 0.3–0.4 s (issue #7, intake p99). It also keeps ~75 MB less resident (the optimised code).
      // The price is in long scans: the tables 三/四 aggregation over 200,000 cases took 200 ms instead
      // of 148 ms, a bulk insert of them 1.5× as long (docs/benchmarks.md).
      execArgv: ['--disable-warning=ExperimentalWarning', '--max-semi-space-size=32', '--liftoff-only'],
    });
    closeSync(logFd);
    let settled = false;
    const settle = (message: ServerMessage) => {
      if (!settled) {
        settled = true;
        if (child.connected) {
          child.disconnect();
        }
        child.unref();
        resolve(message);
      }
    };
    child.once('message', (message) => settle(message as ServerMessage));
    child.once('error', (error) => settle({ type: 'error', message: error.message }));
    child.once('exit', (code) =>
      settle({ type: 'error', message: `内置数据库进程退出（代码 ${code}），详见 ${join(dataDir, 'pg-server.log')}` }),
    );
  });
}

const DATA_DIR_REASONS: Readonly<Record<string, string>> = {
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘空间已满',
  ENOTDIR: '路径中有一段不是目录',
  EEXIST: '路径中有一段不是目录',
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The options of embeddedServerPort a database configuration gives (the usual open and the quick clock read alike). */
export function embeddedServerOptions(config: { readonly embeddedIdleMs?: number; readonly templateDir?: string }): {
  idleMs?: number;
  templateDir?: string;
} {
  return {
    ...(config.embeddedIdleMs === undefined ? {} : { idleMs: config.embeddedIdleMs }),
    ...(config.templateDir === undefined ? {} : { templateDir: config.templateDir }),
  };
}

/** The port of a running embedded server for dataDir, starting one when none runs. */
export async function embeddedServerPort(
  dataDir: string,
  options: { idleMs?: number; templateDir?: string; timeoutMs?: number } = {},
): Promise<number> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const lockPath = lockPathOf(dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    readLock(lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = DATA_DIR_REASONS[code] ?? (code || String(error));
    throw new DomainError(
      'CONFIG_INVALID',
      `数据目录“${dataDir}”无法使用（${reason}）。请检查磁盘空间和权限，或用环境变量 GONGKAI_DATA_DIR 指定一个可写的数据目录；本次操作未执行。`,
    );
  }
  while (Date.now() < deadline) {
    const lock = readLock(lockPath);
    if (lock !== undefined && isProcessAlive(lock.pid)) {
      if (lock.state === 'ready' && lock.port !== null) {
        return lock.port;
      }
      await sleep(50); // starting or stopping: wait for it
      continue;
    }
    const message = await startServer(dataDir, options.idleMs ?? 3000, options.templateDir ?? defaultTemplateDir());
    if (message.type === 'ready') {
      return message.port;
    }
    if (message.type === 'error') {
      throw new DatabaseUnavailableError(`无法启动内置数据库（${dataDir}）：${message.message}`);
    }
    // busy: another process started it first; read its lock again
  }
  throw new DatabaseUnavailableError(`内置数据库（${dataDir}）在规定时间内未能启动，请查看 ${join(dataDir, 'pg-server.log')}`);
}

/**
 * Starts the embedded server of `dataDir` now and keeps it from stopping while idle (a bare TCP
 * connection counts as a client) until `release` is called: `gongkai serve` calls it before it imports
 * the server, whose own open then finds the server running. Never rejects: a failure here is left to
 * the real open, which reports it.
 */
export function holdEmbeddedServerEarly(dataDir: string): { release: () => void } {
  let socket: Socket | undefined;
  let released = false;
  void embeddedServerPort(dataDir).then(
    (port) => {
      if (!released) {
        socket = connect({ host: '127.0.0.1', port });
        socket.on('error', () => undefined);
        socket.unref();
      }
    },
    () => undefined,
  );
  return {
    release() {
      released = true;
      socket?.destroy();
    },
  };
}
