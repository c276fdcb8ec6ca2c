// `gongkai calendar`: the holiday calendar in force, administrator imports of a new year (e.g. the
// 2027 notice) with an effective date, and the record of every change (statute.md §2).
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { appendCalendarChange, listCalendarChanges, loadCalendar, yearsInForce } from '#adapters/local-store/calendar-store.ts';
import { resolveActor, resolveDataDir } from '#adapters/local-store/json-file.ts';
import { countWorkingDays } from '#core/calendar/add-working-days.ts';
import { describeCalendarDiff, diffCalendars } from '#core/calendar/diff-calendars.ts';
import { checkYear, type LocalDate, parseLocalDate, shanghaiDateOf } from '#core/calendar/local-date.ts';
import { readCalendarYear } from '#core/calendar/read-calendar-year.ts';
import { SHIPPED_CALENDAR_SOURCE } from '#core/calendar/shipped-calendar.ts';
import { buildWorkingDayCalendar, missingYearWarning } from '#core/calendar/working-day-calendar.ts';
import { type CliContext, EXIT, UsageError } from '../cli-context.ts';

export const summary = '节假日日历：查看某年安排、导入新年份（如国务院2027年放假通知）、查看修改记录';

const HELP = `用法：
  gongkai calendar show YYYY [--json]     该年的放假安排、调休上班日、工作日总数和数据来源
  gongkai calendar import 文件 [--year YYYY] [--effective YYYY-MM-DD] [--reason 说明] [--json]
                                          导入一年的安排；文件结构同 holidays-cn.json 中 years 下的一年
                                          （{"notices": […], "breaks": […], "holidays": […], "workdays": […]}），
                                          或 {"years": {"2027": {…}}}、{"2027": {…}}。
                                          --effective：自该日起的计算使用新数据（默认今天）
  gongkai calendar history [--json]       全部修改记录（修改人、时间、生效日期、内容）

数据目录：GONGKAI_DATA_DIR（默认 ./data）下 calendar/changes.json；修改人取 GONGKAI_USER，否则为系统用户。
受影响案件的答复期限清单将随案件系统提供。
`;

function requireYear(text: string | undefined): number {
  const checked = checkYear(text ?? '');
  if (!checked.ok) {
    throw new UsageError(checked.message);
  }
  return checked.year;
}

function takeOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) {
    return undefined;
  }
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new UsageError(`${name} 需要一个值`);
  }
  args.splice(index, 2);
  return value;
}

/** Picks the year entry out of the accepted file shapes. */
function pickYear(value: unknown, yearOption: number | undefined): { year: number; entry: unknown } {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record === undefined) {
    throw new UsageError('导入文件应为 JSON 对象');
  }
  const years = typeof record['years'] === 'object' && record['years'] !== null ? (record['years'] as Record<string, unknown>) : undefined;
  const keyed = years ?? (Object.keys(record).every((key) => /^\d{4}$/.test(key)) && Object.keys(record).length > 0 ? record : undefined);
  if (keyed !== undefined) {
    const keys = Object.keys(keyed);
    const chosen = yearOption !== undefined ? String(yearOption) : keys.length === 1 ? keys[0] : undefined;
    if (chosen === undefined || !(chosen in keyed)) {
      throw new UsageError(
        yearOption !== undefined ? `文件中没有${yearOption}年的数据` : `文件含多个年份（${keys.join('、')}），请用 --year 指定一年`,
      );
    }
    return { year: Number(chosen), entry: keyed[chosen] };
  }
  const inferred =
    yearOption ??
    (typeof record['year'] === 'number' ? record['year'] : undefined) ??
    (Array.isArray(record['holidays']) && typeof record['holidays'][0] === 'string'
      ? Number(record['holidays'][0].slice(0, 4))
      : undefined);
  if (inferred === undefined || Number.isNaN(inferred)) {
    throw new UsageError('无法确定导入的年份，请用 --year YYYY 指定');
  }
  return { year: inferred, entry: record };
}

/** Runs `gongkai calendar`. */
export async function run(args: readonly string[], context: CliContext): Promise<number> {
  const rest = [...args];
  const json = rest.includes('--json');
  const params = rest.filter((arg) => arg !== '--json');
  const [sub] = params;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    context.out(HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const dataDir = resolveDataDir(context.env, context.cwd);
  const today = shanghaiDateOf(context.now());
  switch (sub) {
    case 'show': {
      if (params.length !== 2) {
        throw new UsageError('用法：gongkai calendar show YYYY');
      }
      const year = requireYear(params[1]);
      const calendar = await loadCalendar(dataDir, today);
      const entry = calendar.years.get(year);
      const workingDays = countWorkingDays(`${year - 1}-12-31` as LocalDate, `${year}-12-31` as LocalDate, calendar);
      if (json) {
        context.out(
          `${JSON.stringify({ year, covered: entry !== undefined, workingDays, entry: entry ?? null, source: SHIPPED_CALENDAR_SOURCE, warnings: entry ? [] : [missingYearWarning(year)] }, null, 2)}\n`,
        );
        return EXIT.ok;
      }
      if (entry === undefined) {
        const warning = missingYearWarning(year);
        context.out(
          `${year}年：无节假日数据。\n注意（${warning.code}）：${warning.message}\n按周一至周五计算，全年 ${workingDays} 个工作日（未扣除节假日）。\n可用 gongkai calendar import 导入国务院办公厅放假通知。\n`,
        );
        return EXIT.ok;
      }
      const lines = [`${year}年节假日安排（全年 ${workingDays} 个工作日）`, `来源：${entry.notices.join('；')}`];
      for (const b of entry.breaks) {
        lines.push(`  ${b.name}：${b.from} 至 ${b.to} 放假${b.workdays.length > 0 ? `；调休上班 ${b.workdays.join('、')}` : '；不调休'}`);
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
      const effectiveFrom = effectiveText === undefined ? today : parseLocalDate(effectiveText);
      if (effectiveFrom === undefined) {
        throw new UsageError(`--effective 应为 YYYY-MM-DD 格式的有效日期，收到“${effectiveText}”`);
      }
      let value: unknown;
      try {
        value = JSON.parse(await readFile(resolve(context.cwd, file), 'utf8'));
      } catch (error) {
        throw new UsageError(error instanceof SyntaxError ? `“${file}”不是有效的 JSON` : `无法读取文件“${file}”`);
      }
      const picked = pickYear(value, yearText === undefined ? undefined : requireYear(yearText));
      const read = readCalendarYear(picked.year, picked.entry);
      if (!read.ok) {
        throw new UsageError(`${picked.year}年的数据有误，未导入：\n  ${read.problems.join('\n  ')}`);
      }
      const changes = await listCalendarChanges(dataDir);
      // Compare with everything recorded so far, whatever its effective date.
      const before = buildWorkingDayCalendar(yearsInForce(changes, '9999-12-31' as LocalDate));
      const after = buildWorkingDayCalendar([...before.years.values(), read.value]);
      const diff = diffCalendars(picked.year, before, after);
      const replaced = before.years.has(picked.year);
      if (
        replaced &&
        diff.becameRest.length === 0 &&
        diff.becameWorking.length === 0 &&
        JSON.stringify(before.years.get(picked.year)) === JSON.stringify(read.value)
      ) {
        context.out(`${picked.year}年的数据与现有数据相同，未作更改\n`);
        return EXIT.ok;
      }
      const change = await appendCalendarChange(dataDir, {
        who: resolveActor(context.env),
        when: context.now().toISOString(),
        effectiveFrom,
        action: 'import',
        year: picked.year,
        what: describeCalendarDiff(diff, replaced),
        ...(reason === undefined ? {} : { reason }),
        sourceFile: basename(file),
        entry: read.value,
      });
      const { entry: _entry, ...record } = change;
      context.out(
        json
          ? `${JSON.stringify(record, null, 2)}\n`
          : `已导入（第${change.seq}号修改，${change.who}，${change.when}，自 ${change.effectiveFrom} 起生效）：${change.what}\n受影响案件的答复期限清单将随案件系统提供。\n`,
      );
      return EXIT.ok;
    }
    case 'history': {
      const changes = await listCalendarChanges(dataDir);
      const records = changes.map(({ entry: _entry, ...record }) => record);
      context.out(
        json
          ? `${JSON.stringify({ shipped: SHIPPED_CALENDAR_SOURCE, changes: records }, null, 2)}\n`
          : `随软件提供：2019–2026年（${SHIPPED_CALENDAR_SOURCE}）\n${
              records.length === 0
                ? '尚无管理员修改记录\n'
                : `${records.map((r) => `#${r.seq} ${r.when} ${r.who}，自 ${r.effectiveFrom} 起生效：${r.what}${r.reason ? `（说明：${r.reason}）` : ''}`).join('\n')}\n`
            }`,
      );
      return EXIT.ok;
    }
    default:
      throw new UsageError(`未知子命令“${sub}”。可用：show、import、history`);
  }
}
