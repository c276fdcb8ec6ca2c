// gongkai CLI entry point: dispatches to one file per command under ./commands/ (each loaded only
// when run, so start-up stays fast), after parsing the configuration once and wiring the ports in
// the composition root. Every refusal leaves through the one error table (app/error-outcomes.ts).
import './module-hooks.ts';
import { fstatSync, readFileSync, writeSync } from 'node:fs';
import { userInfo } from 'node:os';
import { outcomeOf } from '#app/error-outcomes.ts';
import { loadConfig } from '#config/load-config.ts';
import { isDomainError } from '#core/shared/domain-error.ts';
import { composeAppDeps, prestartDatabase } from '../composition-root.ts';
import { type CliCommand, type CliContext, EXIT } from './cli-context.ts';
import { didYouMean } from './suggest.ts';

// Each command's one-line summary lives here, not in its module, so `gongkai --help` lists every
// command without importing any of them (the report command alone pulls in exceljs, unpdf).
const COMMANDS: Readonly<Record<string, { readonly module: string; readonly summary: string }>> = {
  demo: { module: './commands/demo.ts', summary: '演示：载入示范机关（两年数百件依申请公开案件）并启动服务，打印网址、账号和 API 令牌' },
  report: {
    module: './commands/report.ts',
    summary: '年度报告：读取与审核（read/check）、转换格式（render）、新建空白报告（new）、由案件数据编制（compile）',
  },
  case: {
    module: './commands/case.ts',
    summary: '依申请公开案件：导入（import）、登记（new）、查看（show）、列表（list）、登记事件（event）、附件（attach、attachments）',
  },
  deadline: {
    module: './commands/deadline.ts',
    summary: '答复期限：按收到日、渠道和补正/征求意见/延期/收费等事件计算答复期限并逐步说明（条例第三十三条）',
  },
  fee: { module: './commands/fee.ts', summary: '信息处理费（国办函〔2020〕109号）：按量（页数）、按件（当月第几件、当月合计）计算并说明' },
  workdays: {
    module: './commands/workdays.ts',
    summary: '工作日计算：某日之后第N个工作日、两日之间的工作日数、按日/按月期限（含调休和节假日）',
  },
  calendar: { module: './commands/calendar.ts', summary: '节假日日历：查看某年安排、导入新年份（如国务院2027年放假通知）、查看修改记录' },
  settings: { module: './commands/settings.ts', summary: '设置：查看、修改答复期限计算中的惯例设置（每项含含义、默认值和规则来源）' },
  serve: { module: './commands/serve.ts', summary: '启动服务：公开受理、状态查询和工作人员 API（默认 http://127.0.0.1:8080）' },
  user: { module: './commands/user.ts', summary: '工作人员账号：gongkai user add|list|disable|enable|passwd|grant|revoke' },
  token: { module: './commands/token.ts', summary: 'API 令牌：gongkai token create|revoke|list 用户名' },
  db: { module: './commands/db.ts', summary: '数据库：迁移（migrate）、状态（status）、备份（backup）与恢复（restore）' },
  agency: { module: './commands/agency.ts', summary: '机关：添加机关（含上级机关、类型）、列出本实例的机关' },
  letter: {
    module: './commands/letter.ts',
    summary: '告知书：生成已答复申请的告知书（含文号、救济途径告知，DOCX），管理本机关各类告知书模板',
  },
  jobs: { module: './commands/jobs.ts', summary: '定时任务：每日任务（到期/逾期提醒邮件、年末结转），可重复运行，漏跑后补发不重发' },
  audit: { module: './commands/audit.ts', summary: '审计日志：核验每个机关的哈希链（audit verify），报告第一处被改动或删除的记录' },
  bench: { module: './commands/bench.ts', summary: '性能基准：读取并校验生成的报告，报告每秒份数及与仅读取基线之比（开发用）' },
};

const REPORT_SUBCOMMANDS = ['read', 'check', 'render', 'new'] as const;
const SERVER_COMMANDS: ReadonlySet<string> = new Set(['serve', 'demo']);

async function loadCommand(name: string): Promise<CliCommand | undefined> {
  const entry = COMMANDS[name];
  if (entry === undefined) {
    return undefined;
  }
  return (await import(new URL(entry.module, import.meta.url).href)) as CliCommand;
}

function usage(context: CliContext): void {
  const lines = ['用法：gongkai <命令> [参数]', '', '命令：'];
  for (const [name, { summary }] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(10)} ${summary}`);
  }
  lines.push('', '每个命令的详细说明：gongkai <命令> --help');
  context.out(`${lines.join('\n')}\n`);
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(args: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    usage(context);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    context.out(`gongkai ${version()}\n`);
    return EXIT.ok;
  }
  const command = await loadCommand(name);
  if (command === undefined) {
    // `gongkai check …` means `gongkai report check …`: suggest the subcommand with its command.
    const known = [...Object.keys(COMMANDS), '--help', '--version', ...REPORT_SUBCOMMANDS.map((sub) => `report ${sub}`)];
    const typed = REPORT_SUBCOMMANDS.some((sub) => didYouMean(name, [sub]) !== '') ? `report ${name}` : name;
    context.err(`gongkai：未知命令“${name}”。${didYouMean(typed, known)}运行 gongkai --help 查看可用命令。\n`);
    return EXIT.usage;
  }
  try {
    const config = loadConfig(context.env, { cwd: context.cwd, ...(context.osUser === undefined ? {} : { osUser: context.osUser }) });
    // The server commands start the embedded database first (its start-up overlaps the server's imports).
    const early = SERVER_COMMANDS.has(name) && !rest.includes('--help') ? prestartDatabase(config) : undefined;
    const deps = composeAppDeps(config, { clock: { now: context.now }, cwd: context.cwd });
    try {
      return await command.run(rest, { ...context, deps });
    } finally {
      early?.release();
      await deps.close();
    }
  } catch (error) {
    if (isDomainError(error)) {
      const outcome = outcomeOf(error);
      context.err(`gongkai ${name}：${outcome.message}\n`);
      return outcome.exit;
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `：${error.cause.message}` : '';
    context.err(`gongkai ${name}：内部错误（${error instanceof Error ? error.message : String(error)}${cause}）\n`);
    return EXIT.defect;
  }
}

/** The version in package.json (read on demand: `--help` and commands never pay for it). */
function version(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '未知版本';
  } catch {
    return '未知版本';
  }
}

function osUserName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

/** Whether `fd` is a regular file or a (non-terminal) device: what Node writes synchronously. */
function isFileOrDevice(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    return stats.isFile() || stats.isCharacterDevice();
  } catch {
    return false;
  }
}

/** Standard output could not be written (sysexits EX_IOERR). */
const EXIT_IO_ERROR = 74;

const isEntryPoint = import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  // Output cut by a closed pipe (`report check DIR | head`): stop writing, finish the batch and exit
  // with its status. Any other failure of standard output (a full disk) is an error of its own.
  let stdoutError: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutError ??= error;
  });
  // Standard output to a file or a device (`> out.jsonl`, /dev/null) is written straight with
  // writeSync, as Node's own stream for it does, but without first copying each string into a Buffer
  // (`report check --json` writes ~40 KB per report: the copy was a tenth of a batch's output cost).
  const stdoutIsFile = process.stdout.isTTY !== true && isFileOrDevice(1);
  const context: CliContext = {
    out: (text) => {
      if (stdoutError !== undefined) {
        return;
      }
      if (!stdoutIsFile) {
        process.stdout.write(text);
        return;
      }
      try {
        writeSync(1, text);
      } catch (error) {
        stdoutError = error as NodeJS.ErrnoException;
      }
    },
    // `report check --json` renders each line as UTF-8 into one reused buffer (no line string).
    outBytes: stdoutIsFile
      ? (bytes) => {
          if (stdoutError !== undefined) {
            return;
          }
          try {
            let written = 0;
            while (written < bytes.length) {
              written += writeSync(1, bytes, written, bytes.length - written);
            }
          } catch (error) {
            stdoutError = error as NodeJS.ErrnoException;
          }
        }
      : undefined,
    err: (text) => process.stderr.write(text),
    drained: () => {
      if (stdoutError !== undefined || !process.stdout.writableNeedDrain) {
        return undefined;
      }
      return new Promise<void>((done) => {
        const finish = (): void => {
          process.stdout.off('drain', finish).off('error', finish).off('close', finish);
          done();
        };
        process.stdout.once('drain', finish).once('error', finish).once('close', finish);
      });
    },
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    osUser: osUserName(),
  };
  const code = await main(process.argv.slice(2), context);
  // Let pending output reach the pipe (or fail) before deciding the exit status.
  await new Promise<void>((done) => {
    if (stdoutError !== undefined) {
      done();
      return;
    }
    process.stdout.write('', () => done());
  });
  const failure = stdoutError as NodeJS.ErrnoException | undefined;
  if (failure !== undefined && failure.code !== 'EPIPE') {
    process.stderr.write(
      `gongkai：无法写入标准输出（${failure.code === 'ENOSPC' ? '磁盘空间已满' : (failure.code ?? failure.message)}）。\n`,
    );
    process.exitCode = EXIT_IO_ERROR;
  } else {
    process.exitCode = code;
  }
}
