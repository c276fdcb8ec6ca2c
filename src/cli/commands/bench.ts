// `gongkai bench reader`: the reader benchmark of issue #3 §5, the same code as `npm run bench`
// (docs/benchmarks.md). A developer tool: it needs the dev dependency fast-check to generate reports.

import { type CliContext, EXIT, UsageError } from '../cli-context.ts';

const HELP = `用法：
  gongkai bench reader [--count N] [--rounds R] [--no-pool]

生成 N 份（默认 1000）种子大小的年度报告，分为 pipe、tab、cells、md、html 和真实种子文本六种版式，
写入临时目录后在同一进程中单线程测量：
  io        仅读取文件字节
  baseline  读取：解码 + 读表 + 读正文，不校验
  full      读取并校验全部规则（readReportFile）
  pool      full，在工作线程池中使用全部 CPU 核
每条路径测 R 轮（默认 5，线程池最多 3 轮）取中位数，打印每秒份数、full 与 baseline 之比，以及是否达到目标
（单核 ≥ 1000 份/秒，≤ 3 倍基线）。只打印，不断言。

  gongkai bench start [--runs N]

启动耗时：gongkai --help、一次 deadline（新数据目录，以及已有数据库的数据目录：deadline+db）和一次 fee 调用
各运行 N 次（默认 10），打印 CPU 时间和耗时的中位数，
以及与基线（Node 启动一个空模块）之比；目标每条命令 ≤ 0.25 秒 CPU。只打印，不断言。
`;

function requireInteger(text: string | undefined, what: string, min: number, max: number): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${what}应为 ${min} 至 ${max} 之间的整数，收到“${text ?? ''}”`);
  }
  return Number(text);
}

/** Runs `gongkai bench`. */
export async function run(args: readonly string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h') || args.length === 0) {
    context.out(HELP);
    return args.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const [target, ...rest] = args;
  if (target === 'start') {
    let runs: number | undefined;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--runs') {
        runs = requireInteger(rest[++i], '--runs ', 1, 100);
      } else {
        throw new UsageError(`未知参数：${rest[i] ?? ''}`);
      }
    }
    const { runStartBenchmark } = await import('../../../bench/cli-start-benchmark.ts');
    runStartBenchmark({ out: context.out, ...(runs === undefined ? {} : { runs }) });
    return EXIT.ok;
  }
  if (target !== 'reader') {
    throw new UsageError(`未知的基准“${target ?? ''}”，可用：reader、start`);
  }
  let count: number | undefined;
  let rounds: number | undefined;
  let pool = true;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--count') {
      count = requireInteger(rest[++i], '--count ', 1, 100000);
    } else if (arg === '--rounds') {
      rounds = requireInteger(rest[++i], '--rounds ', 1, 50);
    } else if (arg === '--no-pool') {
      pool = false;
    } else {
      throw new UsageError(`未知参数：${arg ?? ''}`);
    }
  }
  // Loaded only here: the benchmark imports fast-check, a dev dependency.
  const { runReaderBenchmark } = await import('../../../bench/reader-benchmark.ts');
  await runReaderBenchmark({
    out: context.out,
    ...(count === undefined ? {} : { count }),
    ...(rounds === undefined ? {} : { rounds }),
    pool,
  });
  return EXIT.ok;
}
