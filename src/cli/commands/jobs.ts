// `gongkai jobs daily`: the daily job (reminder e-mails to case officers, year-end carry-over) for
// every agency; safe to run twice a day and after missed days (app/run-daily-job.ts).
import { type AgencyDailySummary, runDailyJob } from '#app/run-daily-job.ts';
import { type LocalDate, parseLocalDate, shanghaiDateOf } from '#core/calendar/local-date.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';

export const summary = '定时任务：每日任务（到期/逾期提醒邮件、年末结转），可重复运行，漏跑后补发不重发';

const HELP = `用法：
  gongkai jobs daily [--date YYYY-MM-DD] [--json]

每日任务，对每个机关：
  · 向经办人（未指定时为设置 mail.reminders-to）发送提醒邮件：答复期限即将届满（设置 clock.due-soon-working-days）、
    已超过答复期限、补正/征求意见/缴费等待期已届满；
  · 记录上一年末仍未办结的申请（结转下年度）。
同一天重复运行不会重复发送；漏跑几天后运行，会把期间应发的提醒各发一次。发送失败的提醒在下次运行时重试。
SMTP 服务器按机关设置：mail.smtp-host、mail.smtp-port、mail.smtp-secure、mail.from。
--date 按该日期运行（默认今天，北京时间）。有提醒发送失败时退出码为 1。
`;

function parseArgs(args: readonly string[]): { json: boolean; date?: string } {
  let json = false;
  let date: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--json') {
      json = true;
    } else if (arg === '--date') {
      date = args[i + 1];
      if (date === undefined) {
        throw new UsageError('--date 需要一个日期（YYYY-MM-DD）');
      }
      i += 1;
    } else if (arg?.startsWith('--date=')) {
      date = arg.slice('--date='.length);
    } else {
      throw new UsageError(`未知参数“${arg}”。用法：gongkai jobs daily [--date YYYY-MM-DD] [--json]`);
    }
  }
  return date === undefined ? { json } : { json, date };
}

function checkedDate(text: string): LocalDate {
  const date = parseLocalDate(text);
  const year = date === undefined ? 0 : Number(date.slice(0, 4));
  if (date === undefined || year < 1990 || year > 2100) {
    throw new UsageError(`--date 应为 1990—2100 年间的有效日期（YYYY-MM-DD），收到“${text}”`);
  }
  return date;
}

function describe(s: AgencyDailySummary): string {
  const r = s.reminders;
  const lines = [
    `${s.agency}（${s.day}，当日第${s.run}次运行）：提醒 ${r.due} 条，本次发送 ${r.sent}，此前已发送 ${r.alreadySent}，失败 ${r.failed}，未配置 ${r.notConfigured}；` +
      `${s.carryOver.fromYear}年末未办结 ${s.carryOver.open} 件（本次记录结转 ${s.carryOver.recordedNow} 件）`,
    ...s.notes.map((note) => `  · ${note}`),
  ];
  return lines.join('\n');
}

/** Runs `gongkai jobs`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub !== 'daily') {
    throw new UsageError(`未知子命令“${sub}”。可用：daily`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    context.out(HELP);
    return EXIT.ok;
  }
  const options = parseArgs(rest);
  const day = options.date === undefined ? shanghaiDateOf(context.now()) : checkedDate(options.date);
  const summaries = await context.deps.letters.withDailyJob((ports) => runDailyJob(ports, { day }));
  if (options.json) {
    context.out(`${JSON.stringify({ day, agencies: summaries }, null, 2)}\n`);
  } else if (summaries.length === 0) {
    context.out('尚无机关（gongkai agency add 添加）\n');
  } else {
    context.out(`${summaries.map(describe).join('\n')}\n`);
  }
  return summaries.some((s) => s.reminders.failed > 0) ? EXIT.findings : EXIT.ok;
}
