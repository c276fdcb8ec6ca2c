// `gongkai calendar`: the holiday calendar in force, administrator imports of a new year (e.g. the
// 2027 notice) with an effective date, and the record of every change (statute.md §2).
import { basename } from 'node:path';
import { importCalendarYear } from '#app/import-calendar-year.ts';
import { listCalendarHistory } from '#app/list-calendar-history.ts';
import type { MovedDueDate } from '#app/ports.ts';
import { showCalendar } from '#app/show-calendar.ts';
import { parseLocalDate } from '#core/calendar/local-date.ts';
import { type CommandContext, EXIT, UsageError } from '../cli-context.ts';
import { takeOption } from '../command-options.ts';
import { beijingTime, oneLine } from '../show-text.ts';
import { didYouMean } from '../suggest.ts';

const HELP = `用法：
  gongkai calendar show YYYY [--json]     该年的放假安排、调休上班日、工作日总数和数据来源
  gongkai calendar import 文件 [--year YYYY] [--effective YYYY-MM-DD] [--reason 说明] [--json]
                                          导入一年的安排；文件结构同 holidays-cn.json 中 years 下的一年
                                          （{"notices": […], "breaks": […], "holidays": […], "workdays": […]}），
                                          或 {"years": {"2027": {…}}}、{"2027": {…}}。
                                          --effective：自该日起的计算使用新数据（默认今天）
  gongkai calendar history [--json]       全部修改记录（修改人、时间、生效日期、内容）

修改记录保存在数据库中（DATABASE_URL；未设置时为数据目录 GONGKAI_DATA_DIR 下的内置数据库）；修改人取 GONGKAI_USER，否则为系统用户。
受影响案件的答复期限清单将随案件系统提供。
`;

function requireYear(text: string | undefined): number {
  if (text === undefined || !/^\d{4}$/.test(text)) {
    throw new UsageError(`年份应为四位数字，收到“${text ?? ''}”`);
  }
  return Number(text);
}

/** The open cases whose due dates the change moves, for people. */
function movedText(moved: readonly MovedDueDate[] | undefined): string {
  if (moved === undefined) {
    return '受影响案件的答复期限清单将随案件系统提供。';
  }
  if (moved.length === 0) {
    return '没有未结案件的答复期限因此改变。';
  }
  return [
    `答复期限因此改变的未结案件（${moved.length} 件）：`,
    ...moved.map((m) => `  ${m.caseCode}（${m.agency}）：${m.dueBefore} → ${m.dueAfter}`),
  ].join('\n');
}

/** Runs `gongkai calendar`. */
export async function run(args: readonly string[], context: CommandContext): Promise<number> {
  const rest = [...args];
  const json = rest.includes('--json');
  const params = rest.filter((arg) => arg !== '--json');
  const [sub] = params;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  switch (sub) {
    case 'show': {
      if (params.length !== 2) {
        throw new UsageError('用法：gongkai calendar show YYYY');
      }
      const view = await showCalendar(context.deps, { year: requireYear(params[1]) });
      const { year, entry, workingDays } = view;
      if (json) {
        context.out(`${JSON.stringify(view, null, 2)}\n`);
        return EXIT.ok;
      }
      if (entry === null) {
        const warning = view.warnings[0]!;
        context.out(
          `${year}年：无节假日数据。\n注意（${warning.code}）：${warning.message}\n按周一至周五计算，全年 ${workingDays} 个工作日（未扣除节假日）。\n可用 gongkai calendar import 导入国务院办公厅放假通知。\n`,
        );
        return EXIT.ok;
      }
      const lines = [`${year}年节假日安排（全年 ${workingDays} 个工作日）`, `来源：${entry.notices.join('；')}`];
      for (const b of entry.breaks) {
        lines.push(
          `  ${b.name}：${b.from === b.to ? b.from : `${b.from} 至 ${b.to}`} 放假${b.workdays.length > 0 ? `；调休上班 ${b.workdays.join('、')}` : '；不调休'}`,
        );
      }
      lines.push(`周一至周五休息日（${entry.holidays.length}天）：${entry.holidays.join('、')}`);
      lines.push(`周末调休上班日（${entry.workdays.length}天）：${entry.workdays.join('、') || '无'}`);
      context.out(`${lines.join('\n')}\n`);
      return EXIT.ok;
    }
    case 'import': {
      const options = params.slice(1);
      const yearText = takeOption(options, '--year');
      const effectiveText = takeOption(options, '--effective');
      const reason = takeOption(options, '--reason');
      if (options.length !== 1) {
        throw new UsageError('用法：gongkai calendar import 文件 [--year YYYY] [--effective YYYY-MM-DD] [--reason 说明]');
      }
      const file = options[0]!;
      const effectiveFrom = effectiveText === undefined ? undefined : parseLocalDate(effectiveText);
      if (effectiveText !== undefined && effectiveFrom === undefined) {
        throw new UsageError(`--effective 应为 YYYY-MM-DD 格式的有效日期，收到“${effectiveText}”`);
      }
      let text: string;
      try {
        text = await context.deps.files.readText(file);
      } catch {
        throw new UsageError(`无法读取文件“${file}”`);
      }
      const result = await importCalendarYear(context.deps, {
        fileName: basename(file),
        text,
        who: context.deps.actor,
        ...(yearText === undefined ? {} : { year: requireYear(yearText) }),
        ...(effectiveFrom === undefined ? {} : { effectiveFrom }),
        ...(reason === undefined ? {} : { reason }),
      });
      if (result.status === 'unchanged') {
        context.out(`${result.year}年的数据与现有数据相同，未作更改\n`);
        return EXIT.ok;
      }
      const { entry: _entry, ...record } = result.change;
      context.out(
        json
          ? `${JSON.stringify(result.moved === undefined ? record : { ...record, moved: result.moved }, null, 2)}\n`
          : `已导入（第${record.seq}号修改，${oneLine(record.who)}，${beijingTime(record.when)}，自 ${record.effectiveFrom} 起生效）：${record.what}\n${movedText(result.moved)}\n`,
      );
      return EXIT.ok;
    }
    case 'history': {
      const history = await listCalendarHistory(context.deps);
      const records = history.changes;
      context.out(
        json
          ? `${JSON.stringify(history, null, 2)}\n`
          : `随软件提供：2019–2026年（${history.shipped}）\n${
              records.length === 0
                ? '尚无管理员修改记录\n'
                : `${records.map((r) => `#${r.seq} ${beijingTime(r.when)} ${oneLine(r.who)}，自 ${r.effectiveFrom} 起生效：${r.what}${r.reason ? `（说明：${oneLine(r.reason)}）` : ''}`).join('\n')}\n`
            }`,
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(`未知子命令“${sub}”。${didYouMean(sub, ['show', 'import', 'history'])}可用：show、import、history`);
  }
}
