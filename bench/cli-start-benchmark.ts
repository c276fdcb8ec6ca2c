// `gongkai bench start`: CPU time of starting the CLI (`--help`, a `deadline` call on a fresh and on a used data directory, a `fee` call)
// against a baseline measured in the same run: Node starting an empty module. Goal of the start-up
// issue: each command under 0.25 s CPU. Prints, never asserts (style.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Linux clock ticks per second (`getconf CLK_TCK`), the unit of /proc/self/stat's cutime and cstime. */
const CLOCK_TICKS = 100;

export interface StartBenchmarkOptions {
  readonly out: (text: string) => void;
  readonly runs?: number;
}

/** User + system CPU seconds of this process's waited-for children so far (/proc/self/stat fields 16, 17). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs each command `runs` times (interleaved) and prints median CPU and wall time, and the ratio to the baseline. */
export function runStartBenchmark(options: StartBenchmarkOptions): void {
  const runs = options.runs ?? 10;
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-start-'));
  // A user's data directory once it holds a database (after `demo` or a first `settings set`): the
  // deadline then reads the stored settings and calendar (the embedded server, started in round 0, is
  // kept up by the runs; its own CPU is another process's, as `time` in a shell would show).
  const usedDataDir = mkdtempSync(join(tmpdir(), 'gongkai-bench-start-db-'));
  const main = join(ROOT, 'src', 'cli', 'main.ts');
  const node = process.execPath;
  const deadline = [main, 'deadline', '--received', '2024-09-27', '--today', '2024-10-08', '--json'];
  const paths: readonly { readonly name: string; readonly args: readonly string[]; readonly dataDir?: string }[] = [
    { name: 'baseline', args: ['--input-type=module', '-e', ''] },
    { name: '--help', args: [main, '--help'] },
    { name: 'deadline', args: deadline },
    { name: 'deadline+db', args: deadline, dataDir: usedDataDir },
    { name: 'fee', args: [main, 'fee', '--pages', '450', '--json'] },
  ];
  const setUp = spawnSync(node, ['--disable-warning=ExperimentalWarning', main, 'settings', 'set', 'receipt.rest-day', 'as-is'], {
    cwd: ROOT,
    env: { ...process.env, GONGKAI_DATA_DIR: usedDataDir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  if (setUp.status !== 0) {
    throw new Error(`settings set exited ${setUp.status}`);
  }
  const cpu = new Map(paths.map((p) => [p.name, [] as number[]]));
  const wall = new Map(paths.map((p) => [p.name, [] as number[]]));
  try {
    options.out(`每条路径运行 ${runs} 次（交替进行），取中位数；CPU = 子进程用户态 + 内核态时间（10 ms 精度）\n`);
    for (let round = 0; round <= runs; round += 1) {
      for (const path of paths) {
        const cpuBefore = childrenCpuSeconds();
        const started = performance.now();
        const result = spawnSync(node, ['--disable-warning=ExperimentalWarning', ...path.args], {
          cwd: ROOT,
          // A fresh user's start: an empty embedded data directory, never the DATABASE_URL that CI sets
          // for the test harness (a deadline would migrate and write that shared database).
          env: { ...process.env, GONGKAI_DATA_DIR: path.dataDir ?? dataDir, DATABASE_URL: '' },
          stdio: 'ignore',
        });
        if (result.status !== 0) {
          throw new Error(`${path.name} exited ${result.status}`);
        }
        if (round > 0) {
          // Round 0 warms the file cache.
          wall.get(path.name)!.push((performance.now() - started) / 1000);
          cpu.get(path.name)!.push(childrenCpuSeconds() - cpuBefore);
        }
      }
    }
    const baseCpu = median(cpu.get('baseline')!);
    const baseWall = median(wall.get('baseline')!);
    for (const path of paths) {
      const c = median(cpu.get(path.name)!);
      const w = median(wall.get(path.name)!);
      const goal = path.name === 'baseline' ? '' : `  目标 / goal ≤ 0.25 s CPU：${c <= 0.25 ? '达到 / met' : '未达到 / not met'}`;
      options.out(
        `${path.name.padEnd(11)} CPU ${c.toFixed(2)} s（${(c / baseCpu).toFixed(1)}× 基线）  耗时 ${w.toFixed(2)} s（${(w / baseWall).toFixed(1)}× 基线）${goal}\n`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(usedDataDir, { recursive: true, force: true });
  }
}
