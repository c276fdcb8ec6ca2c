// The extension (延期, 条例第三十三条第二款; statute.md §3.4) and the 第三十五条 delayed deadline (§3.5).
import type { LocalDate } from '#core/calendar/local-date.ts';
import { type ClockEvent, eventsOfType } from './clock-event.ts';
import type { ClockRefusalCode } from './clock-refusal.ts';
import type { ClockSettings } from './clock-settings.ts';

/** 条例第三十三条第二款: an extension of at most 20 working days. */
export const EXTENSION_MAX_WORKING_DAYS = 20;

type Extension = ClockEvent & { type: 'extension_approved' };

/** Why an extension request is not registered (不予登记), or undefined when it is (one extension per case). */
export function extensionRefusal(
  extension: Extension,
  registered: Extension | undefined,
  dueBeforeExtension: LocalDate,
  settings: ClockSettings,
): { code: ClockRefusalCode; step: string } | undefined {
  if (registered !== undefined) {
    return {
      code: 'EXTENSION_REPEATED',
      step: `${extension.on} 的再次延期不予登记（每件申请只能延期一次，${registered.on} 已延期 ${registered.workingDays} 个工作日，总计不超过20个工作日）`,
    };
  }
  if (extension.workingDays > EXTENSION_MAX_WORKING_DAYS) {
    return {
      code: 'EXTENSION_OVER_LIMIT',
      step: `申请延期 ${extension.workingDays} 个工作日，超过20个工作日上限：不予登记（第三十三条）`,
    };
  }
  if (settings.extensionBeforeDue && extension.on > dueBeforeExtension) {
    return { code: 'EXTENSION_AFTER_DUE', step: `延期于 ${extension.on} 批准，晚于答复期限 ${dueBeforeExtension}：不予登记（惯例）` };
  }
  if (settings.extensionBeforeDue && extension.noticeSentOn !== undefined && extension.noticeSentOn > dueBeforeExtension) {
    return {
      code: 'EXTENSION_NOTICE_AFTER_DUE',
      step: `延期于 ${extension.noticeSentOn} 告知申请人，晚于答复期限 ${dueBeforeExtension}：不予登记（批准和告知均须在答复期限内，惯例）`,
    };
  }
  return undefined;
}

/** The extension line: it states consent and notice only when recorded (条例第三十三条第二款). */
export function describeExtension(extension: Extension): string[] {
  const approved = extension.approvedBy !== undefined;
  const notified = extension.noticeSentOn !== undefined;
  const how = approved ? `经政府信息公开工作机构负责人同意${notified ? '并告知申请人' : ''}` : notified ? '批准并告知申请人' : '批准';
  const missing = [approved ? undefined : '负责人同意（批准人）', notified ? undefined : '告知申请人日期'].filter((m) => m !== undefined);
  const line = `${extension.on} ${how}，延期 ${extension.workingDays} 个工作日（第三十三条）${missing.length > 0 ? `；未记录${missing.join('、')}` : ''}`;
  const record = [
    approved ? `批准人 ${extension.approvedBy}` : '未记录批准人',
    extension.reason ? `理由：${extension.reason}` : '未记录理由',
    notified ? `${extension.noticeSentOn} 告知申请人` : '未记录告知申请人日期',
  ];
  return [line, `延期记录：${record.join('；')}`];
}

export interface ExtensionStep {
  readonly registered?: Extension;
  readonly workingDays: number;
  readonly notes: readonly string[];
  readonly steps: readonly string[];
}

/**
 * The one extension of a case: the first request that is registrable. Refused requests (over 20 working
 * days, approved or notified after the due date under EXT-BEFORE-DUE) do not use up the one extension,
 * so a corrected later request is registered. With EXT-BEFORE-DUE off a late notice is registered and
 * flagged EXTENSION_NOTICE_AFTER_DUE.
 */
export function computeExtension(events: readonly ClockEvent[], dueBeforeExtension: LocalDate, settings: ClockSettings): ExtensionStep {
  let registered: Extension | undefined;
  const notes: string[] = [];
  const steps: string[] = [];
  for (const extension of eventsOfType(events, 'extension_approved')) {
    const refused = extensionRefusal(extension, registered, dueBeforeExtension, settings);
    if (refused !== undefined) {
      notes.push(refused.code);
      steps.push(refused.step);
      continue;
    }
    registered = extension;
    steps.push(...describeExtension(extension));
    if (extension.noticeSentOn !== undefined && extension.noticeSentOn > dueBeforeExtension) {
      notes.push('EXTENSION_NOTICE_AFTER_DUE');
      steps.push(`延期于 ${extension.noticeSentOn} 告知申请人，晚于答复期限 ${dueBeforeExtension}（标记 EXTENSION_NOTICE_AFTER_DUE）`);
    }
  }
  return { ...(registered === undefined ? {} : { registered }), workingDays: registered?.workingDays ?? 0, notes, steps };
}

/** Why a 第三十五条 delayed deadline cannot be set, or undefined. `statutoryDue` is the computed due date. */
export function delayedDeadlineRefusal(
  event: ClockEvent & { type: 'delayed_deadline_set' },
  reasonsRequested: boolean,
  statutoryDue: LocalDate | null,
  isWorking: (day: LocalDate) => boolean,
): { code: ClockRefusalCode; message: string } | undefined {
  if (!reasonsRequested) {
    return {
      code: 'DELAYED_DEADLINE_WITHOUT_REASONS',
      message: `另定答复期限须先要求申请人说明理由（reasons_requested，第三十五条），${event.on} 之前没有该事件`,
    };
  }
  if (statutoryDue === null) {
    return { code: 'DELAYED_DEADLINE_NO_DUE', message: '尚无答复期限（等待补正或已结案），不能另定答复期限' };
  }
  if (!isWorking(event.deadline)) {
    return { code: 'DELAYED_DEADLINE_REST_DAY', message: `另定的答复期限 ${event.deadline} 是休息日，应为工作日` };
  }
  if (event.deadline < statutoryDue) {
    return {
      code: 'DELAYED_DEADLINE_BEFORE_DUE',
      message: `另定的答复期限 ${event.deadline} 早于法定答复期限 ${statutoryDue}：第三十五条的期限是在法定期限内无法答复时另行确定的合理延后期限`,
    };
  }
  return undefined;
}
