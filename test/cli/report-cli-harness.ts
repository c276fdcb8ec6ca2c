// Runs `gongkai report …` in-process with captured output (cwd = repo root, a temporary data
// directory), or as a real process through ./gongkai; plus helpers to read its JSON Lines.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliContext } from '#cli/cli-context.ts';
import { main } from '#cli/main.ts';
import { makeTempDirSync, makeTempDir as makeTestDir } from '#test/temp-dir.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_DIR = 'test/fixtures/seeds';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A fresh, empty directory under the OS temp dir. */
export function makeTempDir(prefix = 'gongkai-report-'): Promise<string> {
  return makeTestDir(prefix);
}

let dataDir: Promise<string> | undefined;

/** Runs `gongkai <args>` in-process; `cwd` defaults to the repository root, stderr is no terminal unless `isTTY`. */
export async function runCli(args: readonly string[], options: { cwd?: string; isTTY?: boolean } = {}): Promise<CliRun> {
  dataDir ??= makeTempDir('gongkai-data-');
  let out = '';
  let err = '';
  const context: CliContext = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    isTTY: options.isTTY ?? false,
    env: { GONGKAI_DATA_DIR: await dataDir },
    cwd: options.cwd ?? ROOT,
    now: () => new Date('2026-11-23T02:00:00Z'),
  };
  const code = await main(args, context);
  return { code, out, err };
}

let spawnData: string | undefined;
/** The data directory of the spawned processes (one per test process, removed at its exit). */
function spawnDataDir(): string {
  spawnData ??= makeTempDirSync('gongkai-data-');
  return spawnData;
}

/** Runs `./gongkai <args>` as a child process from the repository root. */
export function spawnCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'gongkai'),
      [...args],
      {
        cwd: ROOT,
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: spawnDataDir() },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

export interface JsonCell {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly id: string;
  readonly value: number | null;
  readonly raw: string;
}

export interface JsonFinding {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly cells: readonly string[];
  readonly fingerprint?: string;
}

export interface JsonReading {
  readonly schema: string;
  readonly source: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: string;
  readonly cells: readonly JsonCell[];
  readonly narrative: readonly { text: string; value: number }[];
  readonly findings: readonly JsonFinding[];
  readonly evaluations?: readonly Record<string, unknown>[];
}

/** Parses JSON Lines strictly: every line must be one JSON object. */
export function jsonLines(out: string): JsonReading[] {
  if (out === '') {
    return [];
  }
  if (!out.endsWith('\n')) {
    throw new Error('JSON Lines output must end with a line break');
  }
  return out
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as JsonReading);
}

export const cellMap = (reading: JsonReading) => Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
export const cellTriples = (reading: JsonReading) => reading.cells.map((c) => ({ id: c.id, value: c.value, raw: c.raw }));
export const ruleList = (reading: JsonReading) => reading.findings.map((f) => f.rule);
