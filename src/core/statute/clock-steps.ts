// The calendar part of a due-date explanation: the steps a person needs to check the count by hand
// (statute.md §3.1: "the holiday breaks skipped"; issue #4: 调休 working days counted).

import { formatDateSpan, formatWithWeekday, type LocalDate, nextDay, yearOf } from '#core/calendar/local-date.ts';
import { type CalendarBreak, classifyDay, isYearCovered, type WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';

/**
 * Walks the days after `start` up to `end` and describes what a reader must know to recount:
 * the start day not counted (民法典第二百零一条), each holiday break skipped, each weekend 调休
 * working day counted (with its ordinal), excluded days, guessed years, and the last counted day.
 */
export function describeCounting(
  start: LocalDate,
  end: LocalDate,
  calendar: WorkingDayCalendar,
  isExcluded: (day: LocalDate) => boolean,
): string[] {
  const steps = [`计数：${formatWithWeekday(start)}当日不计入，自次日起算（民法典第二百零一条）`];
  const seenBreaks = new Set<CalendarBreak>();
  const seenMissingYears = new Set<number>();
  let counted = 0;
  let excludedRun: { from: LocalDate; to: LocalDate; days: number } | undefined;
  const flushExcluded = () => {
    if (excludedRun !== undefined) {
      const span = formatDateSpan(excludedRun.from, excludedRun.to);
      steps.push(`${span} 的 ${excludedRun.days} 个工作日属于不计入期间，跳过`);
      excludedRun = undefined;
    }
  };
  for (let day = start; day < end; ) {
    day = nextDay(day);
    const year = yearOf(day);
    if (!isYearCovered(year, calendar) && !seenMissingYears.has(year)) {
      seenMissingYears.add(year);
      steps.push(`${year}年节假日安排尚未发布：该年暂按周一至周五为工作日计算（CALENDAR_YEAR_MISSING:${year}）`);
    }
    const { kind, break: holidayBreak } = classifyDay(day, calendar);
    if (kind === 'holiday' && holidayBreak !== undefined && !seenBreaks.has(holidayBreak)) {
      seenBreaks.add(holidayBreak);
      flushExcluded();
      steps.push(`${formatDateSpan(holidayBreak.from, holidayBreak.to)} ${holidayBreak.name}放假，不计入`);
    }
    if (kind !== 'working' && kind !== 'adjusted_working') {
      continue;
    }
    if (isExcluded(day)) {
      excludedRun = excludedRun === undefined ? { from: day, to: day, days: 1 } : { ...excludedRun, to: day, days: excludedRun.days + 1 };
      continue;
    }
    flushExcluded();
    counted += 1;
    if (kind === 'adjusted_working') {
      steps.push(`${formatWithWeekday(day)}调休上班${holidayBreak ? `（${holidayBreak.name}）` : ''}，计为第${counted}个工作日`);
    }
  }
  flushExcluded();
  steps.push(`第${counted}个计数工作日为 ${formatWithWeekday(end)}`);
  return steps;
}
