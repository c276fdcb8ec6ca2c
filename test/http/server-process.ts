// Runs `gongkai serve` (or `demo`) as a child process for end-to-end tests and benchmarks: waits for
// the printed URL, then for /healthz; can kill the whole process group with SIGKILL (the embedded
// database child included) to simulate a crash.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '#adapters/db/open-database.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/** The `./gongkai` launcher: what a user runs (compile cache, the server's Node flags). */
const LAUNCHER = fileURLToPath(new URL('../../gongkai', import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far (stdout + stderr). */
  output(): string;
  /** SIGKILL to the process group (server and its embedded database), then waits for exit. */
  kill9(): Promise<void>;
  /** SIGTERM, then waits for exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', CLI, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** SIGKILL to the embedded database server of `dataDir` (its pid is in `<dataDir>/pg.lock`), if one runs. */
export function killEmbeddedDatabase(dataDir: string): boolean {
  try {
    const { pid } = JSON.parse(readFileSync(join(dataDir, 'pg.lock'), 'utf8')) as { pid?: number };
    if (typeof pid === 'number') {
      process.kill(pid, 'SIGKILL');
      return true;
    }
  } catch {
    // no lock or no process
  }
  return false;
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

export async function startServerProcess(options: {
  env: NodeJS.ProcessEnv;
  args?: readonly string[];
  /** Start it as a user does, through `./gongkai` (benchmarks); default: Node on src/cli/main.ts directly. */
  launcher?: boolean;
  /** Wait for /healthz to say ok (default true). */
  healthy?: boolean;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const args = options.args ?? ['serve', '--port', '0', '--host', '127.0.0.1'];
  // Through the launcher it execs Node in place: the child's pid is the server's.
  const [command, argv] =
    options.launcher === true ? [LAUNCHER, args] : [process.execPath, ['--disable-warning=ExperimentalWarning', CLI, ...args]];
  const child = spawn(command, argv, {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before printing its URL:\n${output}`));
    });
  });
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    async kill9() {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exited(child);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => {
          if (child.pid !== undefined) {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }
        }, 10_000);
        await exited(child);
        clearTimeout(timer);
      }
    },
  };
  if (options.healthy !== false) {
    try {
      await waitHealthy(url, timeoutMs);
    } catch (error) {
      await server.kill9();
      throw new Error(`${(error as Error).message}\n${output}`);
    }
  }
  return server;
}

/** Polls /healthz until it answers 200 {"status":"ok"}; returns the milliseconds waited. */
export async function waitHealthy(url: string, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      const body = (await response.json()) as { status?: string };
      if (response.status === 200 && body.status === 'ok') {
        return performance.now() - start;
      }
    } catch {
      // not listening yet
    }
    if (performance.now() - start > timeoutMs) {
      throw new Error(`/healthz not ok within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * An agency (written directly: `agency add` is another command's business), then an agency_admin
 * user and an API token through the CLI contract (`user add --password-stdin`, `token create`).
 */
export async function prepareAgency(env: NodeJS.ProcessEnv, slug: string, name: string): Promise<string> {
  const database = await openDatabase({ url: env['DATABASE_URL'] ?? null, dataDir: env['GONGKAI_DATA_DIR'] as string });
  try {
    await database.db.insert(agencies).values({ slug, name });
  } finally {
    await database.close();
  }
  const username = `${slug}-admin`;
  const steps: [readonly string[], string?][] = [
    [['user', 'add', username, '--agency', slug, '--role', 'agency_admin', '--password-stdin'], 'correct horse battery staple\n'],
    [['token', 'create', username]],
  ];
  let last = '';
  for (const [args, stdin] of steps) {
    const result = await runCli(args, env, stdin);
    if (result.code !== 0) {
      throw new Error(`gongkai ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    }
    last = result.stdout;
  }
  const token = /gk_[A-Za-z0-9_-]{43}/.exec(last)?.[0];
  if (token === undefined) {
    throw new Error(`token create printed no token: ${last}`);
  }
  return token;
}
