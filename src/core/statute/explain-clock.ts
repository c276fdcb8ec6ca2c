// The reply clock as an officer reads it (the text `gongkai deadline` prints and the console's case
// page shows): receipt, start, due date, state with working days used / left or 已逾期, then the
// numbered calculation steps, flags and calendar warnings. Dates stay ISO here; chineseDates turns
// them into 2025年10月31日 for display.
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { ClockState, ResponseClock } from './response-clock.ts';

export const CLOCK_STATE_LABEL = {
  on_time: '正常',
  due_soon: '即将到期',
  overdue: '已逾期',
  paused: '暂停计算（等待中）',
  closed: '已结案',
} as const satisfies Record<ClockState, string>;

/** Dates as officers write them: `2025-10-31` → `2025年10月31日`. */
export function chineseDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/gu, (_m, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

/** A step without setting keys, rule IDs and spec references (those are for `--explain`). */
export function plainStep(step: string): string {
  return step
    .replace(/（[a-z]+(?:\.[a-z-]+)+=[^（）]*(?:（[^（）]*）[^（）]*)*）/gu, '')
    .replace(/［[^］]*］/gu, '')
    .replace(/，?statute\.md\s*§[\d.]+/gu, '')
    .trim();
}

export interface ClockExplanationOptions {
  /** With setting keys, rule IDs and flags (`deadline --explain`); without, the steps an officer pastes. */
  readonly explain: boolean;
  /** The receipt date as recorded (before any roll to a working day). */
  readonly actualReceipt?: LocalDate;
  /** Working days from the due date to today, when overdue. */
  readonly overdueWorkingDays?: number;
  readonly channelNote?: string;
}

/** The explanation of a clock as of `today`, in parts: the summary lines, the numbered steps, and the notes after them. */
export interface ClockExplanation {
  readonly summary: readonly string[];
  readonly steps: readonly string[];
  readonly notes: readonly string[];
}

export function explainClock(clock: ResponseClock, today: LocalDate, options: ClockExplanationOptions): ClockExplanation {
  const summary: string[] = [];
  if (options.channelNote !== undefined) {
    summary.push(options.channelNote);
  }
  const actual = options.actualReceipt;
  summary.push(
    actual !== undefined && actual !== clock.receivedOn
      ? `收到日：${actual}（按设置计为 ${clock.receivedOn}）`
      : `收到日：${clock.receivedOn}`,
  );
  if (clock.clockStart !== null && clock.clockStart !== clock.receivedOn) {
    summary.push(`起算日：${clock.clockStart}（收到补正之日）`);
  }
  if (clock.due !== null) {
    const extended = clock.extensionWorkingDays > 0 && clock.dueBeforeExtension !== null && clock.dueBeforeExtension !== clock.due;
    summary.push(
      extended
        ? `答复期限：${clock.due}（已延期 ${clock.extensionWorkingDays} 个工作日；原答复期限 ${clock.dueBeforeExtension}）`
        : `答复期限：${clock.due}${clock.extendedDue !== null && clock.extendedDue !== clock.due ? `（如经批准延期，最迟 ${clock.extendedDue}）` : ''}`,
    );
  }
  if (clock.outcome !== undefined) {
    summary.push(`结案：${clock.closedOn ?? ''}（${clock.outcome}）`);
  }
  if (clock.due === null && clock.outcome === undefined) {
    summary.push('答复期限：收到补正申请后自收到之日起计算（第三十条）');
  }
  const count =
    options.overdueWorkingDays !== undefined
      ? `已逾期 ${options.overdueWorkingDays} 个工作日`
      : `已用 ${clock.workingDaysUsed} 个工作日，剩余 ${clock.workingDaysLeft} 个工作日`;
  summary.push(
    clock.due === null
      ? `状态：${CLOCK_STATE_LABEL[clock.state]}（截至 ${today}）`
      : `状态：${CLOCK_STATE_LABEL[clock.state]}（截至 ${today}：${count}）`,
  );
  const steps = options.explain ? clock.explanation : clock.explanation.filter((step) => !step.startsWith('适用设置：')).map(plainStep);
  const notes: string[] = [];
  if (clock.notes.length > 0 && options.explain) {
    notes.push(`标记：${clock.notes.join('、')}`);
  }
  for (const warning of clock.warnings) {
    notes.push(options.explain ? `注意（${warning.code}）：${warning.message}` : `注意：${warning.message}`);
  }
  return { summary, steps, notes };
}

/** The explanation as the CLI prints it: summary, `计算说明：` with numbered steps, notes; dates in Chinese. */
export function clockExplanationText(clock: ResponseClock, today: LocalDate, options: ClockExplanationOptions): string {
  const { summary, steps, notes } = explainClock(clock, today, options);
  const lines = [...summary, '计算说明：', ...steps.map((step, index) => `  ${index + 1}. ${step}`), ...notes];
  return chineseDates(`${lines.join('\n')}\n`);
}
