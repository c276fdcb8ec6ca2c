// The date of receipt per channel (条例第三十一条; statute.md §1). It starts every clock.

import { formatWithWeekday, type LocalDate, nextDay } from '#core/calendar/local-date.ts';
import { isWorkingDay, type WorkingDayCalendar } from '#core/calendar/working-day-calendar.ts';
import { type ClockSettingKey, type ClockSettings, describeSetting } from './clock-settings.ts';

/** Channel IDs of statute.md §1 / test-vectors.json. */
export const CHANNELS = ['in_person', 'oral', 'post_signed', 'post_ordinary', 'online', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Chinese names of the channels. */
export const CHANNEL_LABEL = {
  in_person: '当面提交',
  oral: '口头提出（代为填写）',
  post_signed: '邮寄（挂号、EMS、快递，需签收）',
  post_ordinary: '平常信函',
  online: '互联网（在线平台、电子邮件）',
  fax: '传真',
} as const satisfies Record<Channel, string>;

/**
 * The receipt rule of each channel, worded as in test-vectors.json (条例第三十一条（一）至（三）;
 * oral applications are treated as in person: 条例第二十九条 + convention).
 */
export const RECEIPT_BASIS = {
  in_person: '第三十一条（一）：当面提交之日',
  oral: '第三十一条（一）：当面提交之日（口头提出，代为填写，按当面提交处理：惯例）',
  post_signed: '第三十一条（二）：行政机关签收之日',
  post_ordinary: '第三十一条（二）：平常信函，与申请人确认之日',
  online: '第三十一条（三）：双方确认之日',
  fax: '第三十一条（三）：双方确认之日',
} as const satisfies Record<Channel, string>;

/** The act whose date is the receipt date, per channel (what `--received` means). */
export const RECEIPT_ACT = {
  in_person: '提交',
  oral: '口头提出',
  post_signed: '签收',
  post_ordinary: '与申请人确认',
  online: '双方确认',
  fax: '双方确认',
} as const satisfies Record<Channel, string>;

/** The facts of a receipt: the channel and the date of its receipt act (签收, 确认, 提交). */
export interface ReceiptFacts {
  readonly channel: Channel;
  readonly on: LocalDate;
  /** Asia/Shanghai minutes after midnight of the receipt act, when recorded (office-hours rule). */
  readonly atMinutes?: number;
}

/** The derived `receivedOn`, the steps that explain it and the settings it read. */
export interface ReceiptDate {
  readonly receivedOn: LocalDate;
  readonly basis: string;
  /** Every step, ending with `收到申请之日 …（basis）`. */
  readonly steps: readonly string[];
  /** The steps about the time and rest-day rules only (without the final receipt line). */
  readonly ruleSteps: readonly string[];
  readonly settingsUsed: readonly ClockSettingKey[];
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The first working day on or after `day`. */
function workingDayFrom(day: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  let current = day;
  while (!isWorkingDay(current, calendar)) {
    current = nextDay(current);
  }
  return current;
}

/**
 * `receivedOn` by 条例第三十一条; a rest-day or after-hours receipt keeps its date unless the
 * WD-RECEIPT-AS-IS settings say "next working day" (statute.md §1). Each step cites the setting that
 * decided it: a date moved by the after-hours setting cites receipt.after-hours, never receipt.rest-day.
 */
export function computeReceiptDate(facts: ReceiptFacts, calendar: WorkingDayCalendar, settings: ClockSettings): ReceiptDate {
  const basis = RECEIPT_BASIS[facts.channel];
  const ruleSteps: string[] = [];
  const settingsUsed: ClockSettingKey[] = [];
  let receivedOn = facts.on;
  const at = facts.atMinutes;
  if (at !== undefined && at > settings.officeHoursEndMinutes) {
    settingsUsed.push('receipt.after-hours', 'receipt.office-hours-end');
    const when = `${formatWithWeekday(facts.on)} ${hhmm(at)} ${RECEIPT_ACT[facts.channel]}，晚于下班时间 ${hhmm(settings.officeHoursEndMinutes)}`;
    if (settings.receiptAfterHours === 'next-working-day') {
      receivedOn = workingDayFrom(nextDay(facts.on), calendar);
      ruleSteps.push(
        `${when}：收到日顺延至下一工作日 ${formatWithWeekday(receivedOn)}（${describeSetting('receipt.after-hours', settings)}）`,
      );
    } else {
      ruleSteps.push(`${when}，仍以当日为收到日（${describeSetting('receipt.after-hours', settings)}）`);
    }
  }
  if (receivedOn === facts.on && !isWorkingDay(receivedOn, calendar)) {
    settingsUsed.push('receipt.rest-day');
    if (settings.receiptRestDay === 'next-working-day') {
      receivedOn = workingDayFrom(receivedOn, calendar);
      ruleSteps.push(
        `${formatWithWeekday(facts.on)} 为休息日：收到日顺延至下一工作日 ${formatWithWeekday(receivedOn)}（${describeSetting('receipt.rest-day', settings)}）`,
      );
    } else {
      ruleSteps.push(
        `${formatWithWeekday(receivedOn)} 为休息日，仍以当日为收到日，次一工作日为第1个工作日（${describeSetting('receipt.rest-day', settings)}）`,
      );
    }
  }
  return { receivedOn, basis, ruleSteps, steps: [...ruleSteps, `收到申请之日 ${receivedOn}（${basis}）`], settingsUsed };
}
