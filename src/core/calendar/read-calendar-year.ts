// Reads one year of holiday data (the `years` entry shape of holidays-cn.json) from untrusted JSON,
// e.g. an administrator's import of the 2027 notice. Collects every problem instead of throwing.
import { checkLocalDate, isSupportedYear, isWeekend, type LocalDate, nextDay, SUPPORTED_YEARS, yearOf } from './local-date.ts';
import type { CalendarBreak, CalendarYear } from './working-day-calendar.ts';

/** The result of reading a year: the entry, or every problem found (Chinese, for the administrator). */
export type ReadCalendarYearResult =
  | { readonly ok: true; readonly value: CalendarYear }
  | { readonly ok: false; readonly problems: readonly string[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readDates(value: unknown, field: string, problems: string[]): LocalDate[] {
  if (!Array.isArray(value)) {
    problems.push(`“${field}”应为日期数组`);
    return [];
  }
  const dates: LocalDate[] = [];
  for (const item of value) {
    const checked = typeof item === 'string' ? checkLocalDate(item) : undefined;
    if (checked === undefined || !checked.ok) {
      problems.push(`“${field}”中的“${String(item)}”不是有效日期（${checked?.message ?? '应为 YYYY-MM-DD'}）`);
    } else {
      dates.push(checked.date);
    }
  }
  return dates;
}

/**
 * Checks the structure and the consistency rules of shared/spec/tools/check-holidays.mjs for one year:
 * holidays are the Monday–Friday days of its breaks, workdays the breaks' 调休 weekend days, both sorted,
 * unique and inside the year (国务院办公厅关于部分节假日安排的通知).
 */
export function readCalendarYear(year: number, value: unknown): ReadCalendarYearResult {
  const problems: string[] = [];
  if (!isSupportedYear(year)) {
    return { ok: false, problems: [`年份“${year}”无效（支持 ${SUPPORTED_YEARS.min} 至 ${SUPPORTED_YEARS.max} 年）`] };
  }
  if (!isRecord(value)) {
    return { ok: false, problems: [`${year}年的数据应为对象（含 notices、breaks、holidays、workdays）`] };
  }
  const notices = Array.isArray(value['notices'])
    ? value['notices'].filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    : [];
  if (notices.length === 0) {
    problems.push('“notices”应列出至少一个放假通知的网址或文号（数据来源）');
  }
  const breaks: CalendarBreak[] = [];
  if (!Array.isArray(value['breaks'])) {
    problems.push('“breaks”应为假期数组');
  } else {
    value['breaks'].forEach((raw: unknown, index: number) => {
      if (!isRecord(raw) || typeof raw['name'] !== 'string' || raw['name'].trim() === '') {
        problems.push(`第${index + 1}个假期缺少名称`);
        return;
      }
      const name = raw['name'];
      const fromChecked = typeof raw['from'] === 'string' ? checkLocalDate(raw['from']) : undefined;
      const toChecked = typeof raw['to'] === 'string' ? checkLocalDate(raw['to']) : undefined;
      if (fromChecked === undefined || toChecked === undefined || !fromChecked.ok || !toChecked.ok) {
        const reasons = [fromChecked, toChecked].flatMap((c) => (c !== undefined && !c.ok ? [c.message] : []));
        problems.push(`假期“${name}”的起止日期（from/to）无效${reasons.length > 0 ? `：${reasons.join('；')}` : ''}`);
        return;
      }
      const from = fromChecked.date;
      const to = toChecked.date;
      if (from > to) {
        problems.push(`假期“${name}”的开始日期晚于结束日期`);
        return;
      }
      // A break belongs to its notice's year and may start at the end of the previous year (元旦).
      if (yearOf(to) !== year || yearOf(from) < year - 1) {
        problems.push(`假期“${name}”（${from}至${to}）应在${year}年内结束，最早自${year - 1}年开始`);
        return;
      }
      const workdays = readDates(raw['workdays'] ?? [], `${name}.workdays`, problems);
      for (const day of workdays) {
        if (!isWeekend(day)) {
          problems.push(`假期“${name}”的调休上班日 ${day} 不是周六或周日`);
        }
        if (day >= from && day <= to) {
          problems.push(`假期“${name}”的调休上班日 ${day} 位于假期之内`);
        }
      }
      breaks.push({ name, from, to, workdays });
    });
  }
  const holidays = readDates(value['holidays'], 'holidays', problems);
  const workdays = readDates(value['workdays'], 'workdays', problems);
  for (const [field, list] of [
    ['holidays', holidays],
    ['workdays', workdays],
  ] as const) {
    if ([...list].sort().join() !== list.join()) {
      problems.push(`“${field}”未按日期排序`);
    }
    if (new Set(list).size !== list.length) {
      problems.push(`“${field}”有重复日期`);
    }
    for (const day of list) {
      if (yearOf(day) !== year) {
        problems.push(`“${field}”中的 ${day} 不属于${year}年`);
      }
    }
  }
  for (const day of holidays) {
    if (isWeekend(day)) {
      problems.push(`holidays 只列周一至周五的休息日，${day} 是周末`);
    }
    if (workdays.includes(day)) {
      problems.push(`${day} 同时被列为休息日和上班日`);
    }
  }
  const fromBreaks = new Set<string>();
  const workFromBreaks = new Set<string>();
  for (const b of breaks) {
    for (let day = b.from; day <= b.to; day = nextDay(day)) {
      if (!isWeekend(day) && yearOf(day) === year) {
        fromBreaks.add(day);
      }
    }
    for (const day of b.workdays) {
      if (yearOf(day) === year) {
        workFromBreaks.add(day);
      }
    }
  }
  if ([...fromBreaks].sort().join() !== holidays.join() && problems.length === 0) {
    problems.push('“holidays”与各假期（breaks）中的周一至周五日期不一致');
  }
  if ([...workFromBreaks].sort().join() !== workdays.join() && problems.length === 0) {
    problems.push('“workdays”与各假期（breaks）中的调休上班日不一致');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { year, notices, breaks, holidays, workdays } };
}
