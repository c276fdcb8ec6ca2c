// Whole-process figures (issue #9): `./gongkai report check --json DIR` with its default options,
// start-up, listing, cross-year rules and JSON output included, against the minimal loop
// (bench/minimal-loop.ts) as a process on the same files — rounds interleaved, medians, CPU time
// (user + system, the children's as bash's `time` reports it) beside wall time.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface ProcessFigure {
  readonly label: string;
  /** Median wall seconds of one run over all files. */
  readonly wall: number;
  /** Median CPU seconds (user + system) of one run. */
  readonly cpu: number;
}

/** Runs `command` through bash's `time`: its wall and CPU seconds (stdout to /dev/null; exit 1/2 of report check are outcomes, not failures). */
function timedRun(command: readonly string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const quoted = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  const stderr = execFileSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; { time ${quoted} >/dev/null 2>/dev/null; } 2>&1; true`], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  const [wall, user, system] = stderr.trim().split(/\s+/).slice(-3).map(Number) as [number, number, number];
  return { wall, cpu: user + system };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** `report check` as a whole process (default options and --jobs 1) and the minimal loop, `rounds` times each, interleaved. */
export function measureProcesses(dir: string, rounds: number, dataDir: string): ProcessFigure[] {
  // The embedded default of a fresh user, never the DATABASE_URL CI sets for the test harness.
  const env = { ...process.env, GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' };
  const commands: readonly (readonly [string, readonly string[]])[] = [
    ['minimal', [process.execPath, 'bench/minimal-loop.ts', dir]],
    ['check', ['./gongkai', 'report', 'check', '--json', dir]],
    ['check-jobs-1', ['./gongkai', 'report', 'check', '--json', '--jobs', '1', dir]],
  ];
  const times = new Map(commands.map(([label]) => [label, { wall: [] as number[], cpu: [] as number[] }]));
  for (const [, command] of commands) {
    timedRun(command, env); // warm-up: the compile cache and the page cache, as a user's second run
  }
  for (let round = 0; round < rounds; round++) {
    for (const [label, command] of commands) {
      const { wall, cpu } = timedRun(command, env);
      times.get(label)?.wall.push(wall);
      times.get(label)?.cpu.push(cpu);
    }
  }
  return commands.map(([label]) => {
    const t = times.get(label) ?? { wall: [], cpu: [] };
    return { label, wall: median(t.wall), cpu: median(t.cpu) };
  });
}
