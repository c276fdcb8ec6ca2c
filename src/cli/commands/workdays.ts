// `gongkai workdays`: working-day and calendar-day period arithmetic on the calendar in force
// (statute.md §2; 民法典第二百零一条至第二百零三条).

import { addPeriod } from '#app/add-period.ts';
import { addWorkdays } from '#app/add-workdays.ts';
import { countWorkdays } from '#app/count-workdays.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { requireDate } from '../require-date.ts';
import { didYouMean } from '../suggest.ts';

const HELP = `用法：
  gongkai workdays add YYYY-MM-DD N [--json]           该日之后第N个工作日（当日不计入，N ≥ 1）
  gongkai workdays count YYYY-MM-DD YYYY-MM-DD [--json]
                                                       两日之间的工作日数（前一日不计入，后一日计入）
  gongkai workdays calendar-days YYYY-MM-DD N [--json] 按日计算的期限：该日后第N日，遇休息日顺延（民法典第二百零三条）
  gongkai workdays months YYYY-MM-DD M [--json]        按月计算的期限：M个月后的对应日（无对应日为月末），遇休息日顺延

JSON：add → {"date": "YYYY-MM-DD", "warnings": [{"code", "message"}]}；
      count → {"workingDays": n, "warnings": […]}；calendar-days / months → {"date", "rawEnd", "warnings"}。
周末是否顺延见设置 period.weekend-roll；未发布节假日安排的年份按周一至周五计算并给出 CALENDAR_YEAR_MISSING 提示。
`;

function requireCount(text: string | undefined, what: string): number {
  if (text === undefined || !/^-?\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)) || Number(text) > 3650) {
    throw new UsageError(`${what}应为 1 至 3650 之间的整数（N ≥ 1），收到“${text ?? ''}”`);
  }
  return Number(text);
}

/** Runs `gongkai workdays`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((arg) => arg !== '--json');
  if (rest.includes('--help') || rest.includes('-h') || rest.length === 0) {
    context.out(HELP);
    return rest.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const [sub, first, second, ...extra] = rest;
  if (extra.length > 0) {
    throw new UsageError(`多余的参数：${extra.join(' ')}`);
  }
  const print = (value: object, text: string) => context.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  switch (sub) {
    case 'add': {
      const start = requireDate(first, '起始日期');
      const n = requireCount(second, '工作日数 N');
      const result = await addWorkdays(context.deps, { start, workingDays: n });
      const warnings = result.warnings.map((w) => ({ code: w.code, message: w.message }));
      print(
        { date: result.date, warnings },
        [`${start} 之后第${n}个工作日：${result.date}`, ...warnings.map((w) => `注意（${w.code}）：${w.message}`)].join('\n'),
      );
      return EXIT.ok;
    }
    case 'count': {
      const from = requireDate(first, '开始日期');
      const to = requireDate(second, '结束日期');
      const counted = await countWorkdays(context.deps, { from, to });
      const { workingDays } = counted;
      const warnings = counted.warnings.map((w) => ({ code: w.code, message: w.message }));
      print(
        { workingDays, warnings },
        [`${from}（不计入）至 ${to}（计入）之间有 ${workingDays} 个工作日`, ...warnings.map((w) => `注意（${w.code}）：${w.message}`)].join(
          '\n',
        ),
      );
      return EXIT.ok;
    }
    case 'calendar-days':
    case 'months': {
      const start = requireDate(first, '起始日期');
      const n = requireCount(second, sub === 'months' ? '月数 M' : '天数 N');
      const result = await addPeriod(context.deps, { start, count: n, unit: sub === 'months' ? 'months' : 'days' });
      const warnings = result.warnings.map((w) => ({ code: w.code, message: w.message }));
      print(
        { date: result.date, rawEnd: result.rawEnd, warnings, setting: result.setting },
        [
          `${start} 起${n}${sub === 'months' ? '个月' : '日'}：期间届满日 ${result.rawEnd}${result.date === result.rawEnd ? '' : `，为休息日，顺延至 ${result.date}`}`,
          `适用设置：${result.setting}`,
          ...warnings.map((w) => `注意（${w.code}）：${w.message}`),
        ].join('\n'),
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(
        `未知子命令“${sub ?? ''}”。${didYouMean(sub ?? '', ['add', 'count', 'calendar-days', 'months'])}可用：add、count、calendar-days、months`,
      );
  }
}
