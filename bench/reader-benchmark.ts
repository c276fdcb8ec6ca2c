// The reader benchmark of issue #3 §5: read and audit generated reports of seed size in several
// layouts, against a baseline that only reads the same files, measured in the same run.
// Prints figures, never asserts them (style.md: benchmarks are separate, never timed assertions).

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { loadSource } from '#adapters/documents/load-source.ts';
import { readBytes, readReportFile } from '#adapters/documents/read-report-file.ts';
import { createReaderPool } from '#adapters/workers/report-reader-pool.ts';
import { readDocumentText } from '#core/reports/read/read-document-text.ts';
import { readTables } from '#core/reports/read/read-tables.ts';
import { renderCells } from '#core/reports/render/render-cells.ts';
import { renderHtml } from '#core/reports/render/render-html.ts';
import { renderMarkdown } from '#core/reports/render/render-markdown.ts';
import { renderPipe } from '#core/reports/render/render-pipe.ts';
import { renderTab } from '#core/reports/render/render-tab.ts';
import type { ReportDocument } from '#core/reports/report-model.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { measureProcesses, type ProcessFigure } from './process-benchmark.ts';

/** Goals of issue #3 §5. */
export const GOAL_REPORTS_PER_SECOND = 1000;
export const GOAL_MAX_RATIO = 3;

export const DEFAULT_COUNT = 1000;
export const DEFAULT_ROUNDS = 5;

/** The layouts the files are spread over evenly; `seed` is the real text of test/fixtures/seeds. */
export const LAYOUTS = ['pipe', 'tab', 'cells', 'md', 'html', 'seed'] as const;
export type Layout = (typeof LAYOUTS)[number];

const RENDERERS: Readonly<Record<Exclude<Layout, 'seed'>, { render: (doc: ReportDocument) => string; extension: string }>> = {
  pipe: { render: renderPipe, extension: 'txt' },
  tab: { render: renderTab, extension: 'txt' },
  cells: { render: renderCells, extension: 'txt' },
  md: { render: renderMarkdown, extension: 'md' },
  html: { render: renderHtml, extension: 'html' },
};

const SEEDS_DIR = new URL('../test/fixtures/seeds/', import.meta.url);
const SEED_FILES = [
  '000_fa62d5864337d3a6.txt',
  '001_90c37852d1e90522.txt',
  '002_a69ef41056118676.txt',
  '003_d3cf8b1128643171.txt',
  '004_b8b917888f6bbb4a.txt',
] as const;

export interface ReaderBenchmarkOptions {
  /** Number of report files (default 1,000). */
  readonly count?: number;
  /** Measured rounds per path; the median is reported (default 5). */
  readonly rounds?: number;
  /** Also measure the worker pool (default true). */
  readonly pool?: boolean;
  /** Also measure `report check` as a whole process against the minimal loop (default true). */
  readonly processes?: boolean;
  /** Where the table and progress lines go. */
  readonly out: (text: string) => void;
}

export interface PathFigure {
  /** `io` raw file reads, `baseline` load + read, `full` load + read + validate, `pool` full on all cores. */
  readonly path: 'io' | 'baseline' | 'full' | 'pool';
  readonly reportsPerSecond: number;
  /** Median wall time of one pass over all files, in milliseconds. */
  readonly medianMs: number;
  readonly rounds: readonly number[];
}

export interface ReaderBenchmarkResult {
  readonly count: number;
  readonly bytes: number;
  readonly layouts: Readonly<Record<Layout, number>>;
  readonly figures: readonly PathFigure[];
  /** full time / baseline time (medians). */
  readonly ratio: number;
  readonly poolSize: number;
  /** Reports whose full reading has at least one error finding (the generated ones should have none). */
  readonly reportsWithErrors: number;
  readonly meetsThroughputGoal: boolean;
  readonly meetsRatioGoal: boolean;
}

interface BenchFile {
  readonly path: string;
  readonly layout: Layout;
}

/** Generates the files, measures every path and prints the table; the temporary files are always removed. */
export async function runReaderBenchmark(options: ReaderBenchmarkOptions): Promise<ReaderBenchmarkResult> {
  const count = options.count ?? DEFAULT_COUNT;
  const rounds = options.rounds ?? DEFAULT_ROUNDS;
  const out = options.out;
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
  try {
    out(`生成 ${count} 份报告（${LAYOUTS.join('、')} 共 ${LAYOUTS.length} 种版式，均匀分布）…\n`);
    const { files, bytes, layouts } = await writeReports(dir, count);
    const paths = files.map((f) => f.path);

    const io = async (): Promise<void> => {
      for (const path of paths) {
        await readFile(path);
      }
    };
    const baseline = async (): Promise<void> => {
      for (const path of paths) {
        // Bytes read as readReportFile reads them, so the ratio compares the audit and nothing else.
        const loaded = await loadSource(await readBytes(path), basename(path));
        if (loaded.ok) {
          const tables = readTables(loaded.document);
          readDocumentText(tables.narrativeLines, tables.template, { truncatedIn: tables.truncatedIn, beforeTables: tables.beforeTables });
        }
      }
    };
    let reportsWithErrors = 0;
    const full = async (): Promise<void> => {
      reportsWithErrors = 0;
      for (const path of paths) {
        const analysis = await readReportFile(path, DEFAULT_VALIDATION_SETTINGS);
        if (analysis.reading.findings.some((f) => f.severity === 'error')) {
          reportsWithErrors++;
        }
      }
    };

    out(`预热（每条路径完整运行一遍）…\n`);
    await io();
    await baseline();
    await full();

    out(`测量：每条路径 ${rounds} 轮，取中位数（单线程、同一进程，轮次交替进行）…\n`);
    const times = { io: [] as number[], baseline: [] as number[], full: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      times.io.push(await timed(io));
      times.baseline.push(await timed(baseline));
      times.full.push(await timed(full));
    }
    const figures: PathFigure[] = [
      figure('io', count, times.io),
      figure('baseline', count, times.baseline),
      figure('full', count, times.full),
    ];

    // Every core, as before the default changed (none on 2 cores): the figure shows what a pool costs.
    const poolSize = availableParallelism();
    if (options.pool !== false) {
      out(`测量工作线程池（${poolSize} 个线程）…\n`);
      const pool = createReaderPool(poolSize, DEFAULT_VALIDATION_SETTINGS);
      try {
        const pass = async (): Promise<void> => {
          await Promise.all(paths.map((path) => pool.read(path)));
        };
        await pass(); // warm-up: worker start and JIT in every worker
        const poolTimes: number[] = [];
        // At most 3 rounds: on few cores the pool is the slowest path, and the run should stay under a minute.
        for (let round = 0; round < Math.min(rounds, 3); round++) {
          poolTimes.push(await timed(pass));
        }
        figures.push(figure('pool', count, poolTimes));
      } finally {
        await pool.close();
      }
    }

    const baselineMs = medianOf(times.baseline);
    const fullMs = medianOf(times.full);
    const ratio = fullMs / baselineMs;
    const fullFigure = figures.find((f) => f.path === 'full') as PathFigure;
    const result: ReaderBenchmarkResult = {
      count,
      bytes,
      layouts,
      figures,
      ratio,
      poolSize,
      reportsWithErrors,
      meetsThroughputGoal: fullFigure.reportsPerSecond >= GOAL_REPORTS_PER_SECOND,
      meetsRatioGoal: ratio <= GOAL_MAX_RATIO,
    };
    out(formatResult(result));
    if (options.processes !== false) {
      out(
        `\n测量整个进程（./gongkai report check --json，默认选项与 --jobs 1）与最小循环（bench/minimal-loop.ts），各 ${Math.min(rounds, 3)} 轮…\n`,
      );
      const dataDir = `${dir}.data`; // outside the folder checked; never created by report check
      out(formatProcesses(measureProcesses(dir, Math.min(rounds, 3), dataDir), count, fullFigure.reportsPerSecond));
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeReports(dir: string, count: number): Promise<{ files: BenchFile[]; bytes: number; layouts: Record<Layout, number> }> {
  const generatedCount = count - Math.floor(count / LAYOUTS.length);
  // narrative on: reports of seed size, with the text the narrative rules check.
  const docs = fc.sample(arbitraryValidReport({ narrative: true }), { seed: 42, numRuns: Math.max(1, generatedCount) });
  const seeds = await Promise.all(SEED_FILES.map((name) => readFile(new URL(name, SEEDS_DIR))));
  const files: BenchFile[] = [];
  const layouts = Object.fromEntries(LAYOUTS.map((l) => [l, 0])) as Record<Layout, number>;
  let bytes = 0;
  let nextDoc = 0;
  for (let i = 0; i < count; i++) {
    const layout = LAYOUTS[i % LAYOUTS.length] as Layout;
    let content: Uint8Array | string;
    let extension: string;
    if (layout === 'seed') {
      const seedIndex = Math.floor(i / LAYOUTS.length) % seeds.length;
      content = seeds[seedIndex] as Uint8Array;
      extension = 'txt';
    } else {
      const renderer = RENDERERS[layout];
      content = renderer.render(docs[nextDoc++ % docs.length] as ReportDocument);
      extension = renderer.extension;
    }
    const path = join(dir, `${String(i).padStart(4, '0')}-${layout}.${extension}`);
    await writeFile(path, content);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    layouts[layout]++;
    files.push({ path, layout });
  }
  return { files, bytes, layouts };
}

async function timed(pass: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await pass();
  return performance.now() - start;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function figure(path: PathFigure['path'], count: number, rounds: readonly number[]): PathFigure {
  const medianMs = medianOf(rounds);
  return { path, medianMs, reportsPerSecond: (count / medianMs) * 1000, rounds };
}

const PATH_LABEL: Readonly<Record<PathFigure['path'], string>> = {
  io: '仅读取文件字节 / raw file I/O',
  baseline: '基线：读取（解码+读表+读正文，不校验）/ baseline: read only',
  full: '完整：读取并校验全部规则 / full: read + audit',
  pool: '完整，工作线程池 / full, worker pool',
};

/** The whole-process figures beside the in-process one, and the ratio to the minimal loop. */
export function formatProcesses(figures: readonly ProcessFigure[], count: number, inProcessPerSecond: number): string {
  const minimal = figures.find((f) => f.label === 'minimal');
  const label: Readonly<Record<string, string>> = {
    minimal: '最小循环：读文件、拆表格行、写 JSON / minimal loop',
    check: 'report check --json（默认选项）/ whole process, default',
    'check-jobs-1': 'report check --json --jobs 1 / whole process, one thread',
  };
  const rows = figures.map((f) => {
    const ratio = minimal === undefined ? '' : `${(f.wall / minimal.wall).toFixed(2)}× / ${(f.cpu / minimal.cpu).toFixed(2)}×`;
    return `  ${(label[f.label] ?? f.label).padEnd(52)} 墙钟 ${f.wall.toFixed(2)} s（${Math.round(count / f.wall)} 份/秒）  CPU ${f.cpu.toFixed(2)} s（${Math.round(count / f.cpu)} 份/秒）  与最小循环之比（墙钟/CPU）${ratio}`;
  });
  const check = figures.find((f) => f.label === 'check');
  const goal =
    check === undefined || minimal === undefined
      ? ''
      : `\n目标（issue #9）：整个进程 ≥ ${GOAL_REPORTS_PER_SECOND} 份/秒：${count / check.wall >= GOAL_REPORTS_PER_SECOND ? '达到' : '未达到'}；` +
        `≤ 3× 最小循环：${check.wall / minimal.wall <= GOAL_MAX_RATIO ? '达到' : '未达到'}（墙钟）。同一次运行中的进程内 full：${Math.round(inProcessPerSecond)} 份/秒。\n`;
  return `\n整个进程（冷启动的新进程，含启动、列目录、跨年度规则和 JSON 输出）/ whole process:\n${rows.join('\n')}\n${goal}`;
}

/** The result as a Chinese/English table. */
export function formatResult(result: ReaderBenchmarkResult): string {
  const number = (value: number) => Math.round(value).toLocaleString('en-US');
  const lines = [
    '',
    `报告读取基准 / reader benchmark — ${result.count} 份报告，共 ${(result.bytes / 1024 / 1024).toFixed(1)} MB，` +
      `版式：${LAYOUTS.map((l) => `${l} ${result.layouts[l]}`).join('，')}`,
    `CPU 核数 / cores: ${availableParallelism()}；Node ${process.version}`,
    '',
    `${'路径 / path'.padEnd(12)}  ${'份/秒 reports/s'.padStart(16)}  ${'每轮中位数 median ms'.padStart(20)}  说明`,
  ];
  for (const f of result.figures) {
    const label = f.path === 'pool' ? `${PATH_LABEL.pool}（${result.poolSize} 线程）` : PATH_LABEL[f.path];
    lines.push(`${f.path.padEnd(12)}  ${number(f.reportsPerSecond).padStart(16)}  ${f.medianMs.toFixed(0).padStart(20)}  ${label}`);
  }
  const full = result.figures.find((f) => f.path === 'full') as PathFigure;
  const yes = (ok: boolean) => (ok ? '达到 / met' : '未达到 / NOT met');
  lines.push(
    '',
    `完整/基线 耗时比 / ratio full ÷ baseline: ${result.ratio.toFixed(2)}×`,
    `目标 / goal ≥ ${GOAL_REPORTS_PER_SECOND} 份/秒（单核）: ${number(full.reportsPerSecond)} — ${yes(result.meetsThroughputGoal)}`,
    `目标 / goal ≤ ${GOAL_MAX_RATIO}× 基线: ${result.ratio.toFixed(2)}× — ${yes(result.meetsRatioGoal)}`,
    `含错误级发现的报告 / reports with error findings: ${result.reportsWithErrors}`,
    '',
  );
  return lines.join('\n');
}
