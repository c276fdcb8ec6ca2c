import { makeTempDir } from '#test/temp-dir.ts';
import { type CliRun, runInProcess } from './run-in-process.ts';

export type { CliRun } from './run-in-process.ts';

/** A fresh, empty data directory under the OS temp dir. */
export function makeDataDir(): Promise<string> {
  return makeTempDir('gongkai-clock-');
}

/** Runs `gongkai <args>` in-process; `now` defaults to 2026-11-23 10:00 Beijing time. */
export async function runCli(
  args: readonly string[],
  options: { dataDir: string; user?: string; now?: Date; cwd?: string },
): Promise<CliRun> {
  return runInProcess(args, {
    isTTY: false,
    env: { GONGKAI_DATA_DIR: options.dataDir, GONGKAI_USER: options.user ?? 'tester' },
    cwd: options.cwd ?? options.dataDir,
    now: () => options.now ?? new Date('2026-11-23T02:00:00Z'),
  });
}
