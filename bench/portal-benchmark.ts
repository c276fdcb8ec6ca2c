// The portal benchmark of issue #8: throughput and latency of a public portal page of the real
// `gongkai serve` (embedded database, intake rate limit off) against a bare node:http server that
// answers every request with the same bytes, both loaded by autocannon on 127.0.0.1 in the same run
// with the same connections and duration. Prints the ratio (goal ≥ 40%) and the p99 latency at 200
// connections (goal < 100 ms); never asserts.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { runCli, waitHealthy } from '../test/http/server-process.ts';

const AGENCY = 'bench';
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WARMUP_SECONDS = 2;

export interface Out {
  readonly out: (text: string) => void;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}

/** autocannon against `url` for `seconds` (after a short warm-up run whose figures are dropped). */
export async function load(url: string, connections = CONNECTIONS, seconds = SECONDS): Promise<LoadResult> {
  await autocannon({ url, connections, duration: WARMUP_SECONDS });
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** A bare node:http server (own process, like gongkai) answering every request with `body` as HTML. */
export async function bareServer(body: Buffer): Promise<{ url: string; stop: () => void }> {
  const code = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BODY_BASE64, 'base64');
    const server = http.createServer((req, res) => {
      res.writeHead(req.url === '/healthz' ? 200 : 200, { 'content-type': 'text/html; charset=UTF-8', 'content-length': body.length });
      res.end(req.url === '/healthz' ? undefined : body);
    });
    server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));`;
  const child = spawn(process.execPath, ['-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { PATH: process.env['PATH'] ?? '', BODY_BASE64: body.toString('base64') },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (exit) => reject(new Error(`bare server exited ${exit}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString());
      if (match !== null) {
        resolve(match[0]);
      }
    });
  });
  await waitHealthyBare(url);
  return { url, stop: () => child.kill() };
}

async function waitHealthyBare(url: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`bare server at ${url} did not answer`);
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;

/**
 * `gongkai serve` with its request log (one line per request on stderr) going to a file, as a
 * deployed server's would: a pipe to this process, busy generating load, would make the server wait
 * on its own log writes.
 */
async function startLoggingToFile(env: NodeJS.ProcessEnv, logPath: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const log = openSync(logPath, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', CLI, 'serve', '--port', '0', '--host', '127.0.0.1'],
    {
      env,
      stdio: ['ignore', 'pipe', log],
    },
  );
  closeSync(log);
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.once('exit', (code) => reject(new Error(`gongkai serve exited ${code} (log: ${logPath})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(printed);
      if (match !== null) {
        resolve(match[0]);
      }
    });
  });
  await waitHealthy(url, 120_000);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function runPortalBenchmark(output: Out): Promise<void> {
  output.out(
    `gongkai portal benchmark (issue #8): autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, 127.0.0.1; ` +
      `${availableParallelism()} cores, load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} at the start\n`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-portal-'));
  // Never CI's DATABASE_URL: the server runs on its own embedded data directory.
  const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dataDir, GONGKAI_RATE_LIMIT: 'off', GONGKAI_USER: 'bench' };
  delete env['DATABASE_URL'];
  try {
    const added = await runCli(['agency', 'add', AGENCY, '--name', '基准测试局'], env);
    if (added.code !== 0) {
      throw new Error(`agency add: ${added.stderr}`);
    }
    const pages = [
      ['agency home', `/${AGENCY}/`],
      ['instance home', '/'],
    ] as const;
    // The server as deployed (page cache on, GONGKAI_PAGE_CACHE's default), then every page rendered
    // through Hono per request (GONGKAI_PAGE_CACHE=off): the second row shows what the cache saves.
    const modes = [
      ['gongkai portal', {}],
      ['without cache', { GONGKAI_PAGE_CACHE: 'off' }],
    ] as const;
    const baselines = new Map<string, LoadResult>();
    for (const [label, extra] of modes) {
      const server = await startLoggingToFile({ ...env, ...extra }, join(dataDir, 'server.log'));
      try {
        for (const [name, path] of pages) {
          const response = await fetch(`${server.url}${path}`);
          const body = Buffer.from(await response.arrayBuffer());
          if (response.status !== 200) {
            throw new Error(`${path} answered ${response.status}`);
          }
          let baseline = baselines.get(path);
          const lines: string[] = [];
          if (baseline === undefined) {
            const bare = await bareServer(body);
            try {
              baseline = await load(bare.url);
            } finally {
              bare.stop();
            }
            baselines.set(path, baseline);
            lines.push(
              `\n[${name} ${path}, ${body.length} bytes]`,
              `  bare node:http   ${fmt(baseline.requestsPerSecond)} req/s   p50 ${fmt(baseline.p50)} ms   p99 ${fmt(baseline.p99)} ms`,
            );
          } else {
            lines.push(`\n[${name} ${path}, ${label}]`);
          }
          const portal = await load(`${server.url}${path}`);
          const ratio = portal.requestsPerSecond / baseline.requestsPerSecond;
          lines.push(
            `  ${label.padEnd(16)} ${fmt(portal.requestsPerSecond)} req/s   p50 ${fmt(portal.p50)} ms   p99 ${fmt(portal.p99)} ms   (non-2xx ${portal.non2xx}, errors ${portal.errors}, timeouts ${portal.timeouts})`,
            `  ratio            ${fmt(ratio * 100)}% of bare (goal ≥ 40%: ${ratio >= 0.4 ? 'met' : 'NOT met'}); p99 at ${CONNECTIONS} connections ${fmt(portal.p99)} ms, ${fmt(portal.p99 / Math.max(baseline.p99, 1), 1)}× bare's (goal < 100 ms: ${portal.p99 < 100 ? 'met' : 'NOT met'})`,
          );
          output.out(`${lines.join('\n')}\n`);
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
