// Whether an event may be recorded on a case now (architecture.md Path 2): accepted events to append,
// or a refusal with a stable code and a Chinese message. A refused command changes nothing.

import { isWorkingDay } from '#core/calendar/working-day-calendar.ts';
import { checkClockEvent } from '#core/statute/check-clock-event.ts';
import type { ClockRefusalCode } from '#core/statute/clock-refusal.ts';
import { EXTENSION_MAX_WORKING_DAYS } from '#core/statute/response-clock.ts';
import { CASE_EVENT_LABEL, type CaseEvent } from './case-event.ts';
import { type CaseContext, consultationExpiryOf, consultationIds, effectiveEvents, projectCase, toClockEvents } from './project-case.ts';

/** Stable refusal codes (each an INVALID_TRANSITION at the edges, with this code as its reason). */
export const REFUSAL_CODES = [
  'CASE_NOT_RECEIVED',
  'ALREADY_RECEIVED',
  'EVENT_OUT_OF_ORDER',
  'EVENT_IN_FUTURE',
  'DATE_ORDER',
  'CASE_CLOSED',
  'CASE_NOT_CLOSED',
  'NOT_REPLIED',
  'ALREADY_DELIVERED',
  'CORRECTION_REPEATED',
  'CORRECTION_NOT_PENDING',
  'CORRECTION_PENDING',
  'CORRECTION_LATE',
  'CORRECTION_PERIOD_RUNNING',
  'CONSULTATION_DUPLICATE',
  'CONSULTATION_NOT_OPEN',
  'CONSULTATION_ANSWER_EARLY',
  'CONSULTATION_PERIOD_RUNNING',
  'EXTENSION_REPEATED',
  'EXTENSION_OVER_LIMIT',
  'EXTENSION_AFTER_DUE',
  'EXTENSION_NOTICE_AFTER_DUE',
  'REASONS_REPEATED',
  'REASONS_NOT_REQUESTED',
  'DELAYED_DEADLINE_REPEATED',
  'DELAYED_DEADLINE_INVALID',
  'FEE_NOTICE_REPEATED',
  'FEE_NOT_PENDING',
  'FEE_PENDING',
  'FEE_PAID_LATE',
  'FEE_PERIOD_RUNNING',
  'OUTCOME_NEEDS_EVENT',
] as const;
/** A refusal of the case rules, or one of the clock's (CLOCK_REFUSAL_CODES). */
export type RefusalCode = (typeof REFUSAL_CODES)[number] | ClockRefusalCode;

export interface Refusal {
  readonly code: RefusalCode;
  /** Simplified Chinese, for the user. */
  readonly message: string;
}

export type Decision = { readonly ok: true; readonly events: readonly CaseEvent[] } | ({ readonly ok: false } & Refusal);

const refuse = (code: RefusalCode, message: string): Decision => ({ ok: false, code, message });

/**
 * Decides a command against a case's history (statute.md §3): returns the events to append — the
 * command itself, with a consultation's ID filled in — or why it may not happen. Pure; `context.today`
 * bounds event dates (no event in the future).
 */
export function decideCaseEvent(history: readonly CaseEvent[], command: CaseEvent, context: CaseContext): Decision {
  const decision = decideOwnRules(history, command, context);
  if (!decision.ok || command.type === 'reopened') {
    return decision;
  }
  // The clock's own refusals (statute.md §3, core/statute/check-clock-event.ts) on the events in force.
  const clockHistory = toClockEvents(history);
  for (const event of decision.events) {
    const refusal = checkClockEvent(clockHistory, toClockEvents([...history, event]).at(-1)!, context.calendar, context.settings);
    if (refusal !== undefined) {
      return { ok: false, code: refusal.code, message: refusal.message };
    }
  }
  return decision;
}

function decideOwnRules(history: readonly CaseEvent[], command: CaseEvent, context: CaseContext): Decision {
  const label = `“${CASE_EVENT_LABEL[command.type]}”（${command.type}）`;
  if (command.on > context.today) {
    return refuse('EVENT_IN_FUTURE', `${label}的日期 ${command.on} 晚于今天（${context.today}），不能登记将来的事件`);
  }
  if (history.length === 0) {
    return command.type === 'received'
      ? { ok: true, events: [command] }
      : refuse('CASE_NOT_RECEIVED', '案件的第一个事件应为“收到申请”（received）');
  }
  if (command.type === 'received') {
    return refuse('ALREADY_RECEIVED', '该申请已登记“收到申请”，不能重复登记');
  }
  const last = history.at(-1)!;
  if (command.on < last.on) {
    return refuse(
      'EVENT_OUT_OF_ORDER',
      `${label}的日期 ${command.on} 早于上一个事件“${CASE_EVENT_LABEL[last.type]}”的日期 ${last.on}：事件须按时间顺序登记`,
    );
  }
  const { calendar, settings } = context;
  const project = projectCase(history, { ...context, today: command.on });
  const effective = effectiveEvents(history);
  const has = (type: CaseEvent['type']) => effective.some((e) => e.type === type);
  const accept = (event: CaseEvent = command): Decision => ({ ok: true, events: [event] });

  if (command.type === 'reopened') {
    return project.open ? refuse('CASE_NOT_CLOSED', '案件尚未办结，无需重新办理') : accept();
  }
  if (command.type === 'delivered') {
    if (project.status !== 'replied') {
      return refuse('NOT_REPLIED', '尚未答复，不能登记送达');
    }
    return project.deliveredOn !== null ? refuse('ALREADY_DELIVERED', `答复已于 ${project.deliveredOn} 送达`) : accept();
  }
  if (!project.open) {
    return refuse(
      'CASE_CLOSED',
      `案件已办结（${project.closedOn}，${project.status === 'replied' ? '已答复' : project.status === 'withdrawn' ? '已撤回' : '视为放弃申请'}），不能再登记${label}；确需继续办理的，先登记“重新办理”（reopened）`,
    );
  }
  const correctionPending = project.status === 'awaiting_correction';
  const pendingCorrection = (): Decision =>
    refuse('CORRECTION_PENDING', `正在等待补正（期限 ${project.correctionDeadline}）：先登记“收到补正”或“补正逾期”，再登记${label}`);

  switch (command.type) {
    case 'correction_requested': {
      if (has('correction_requested')) {
        return refuse('CORRECTION_REPEATED', '补正只能一次性告知（条例第三十条），该申请已发出过补正告知');
      }
      if (command.deliveredOn !== undefined && command.deliveredOn < command.on) {
        return refuse('DATE_ORDER', `补正告知的送达日 ${command.deliveredOn} 早于发出日 ${command.on}`);
      }
      return accept();
    }
    case 'correction_received': {
      if (!correctionPending) {
        return refuse(
          'CORRECTION_NOT_PENDING',
          has('correction_requested') ? '补正已处理（已收到或已逾期）' : '尚未发出补正告知，不能登记收到补正',
        );
      }
      if (command.on > project.correctionDeadline! && command.lateReason === undefined) {
        return refuse(
          'CORRECTION_LATE',
          `补正期限已于 ${project.correctionDeadline} 届满：逾期未补正视为放弃申请（条例第三十条），应登记“补正逾期”（correction_expired）；申请人有正当理由的，记录理由（lateReason）后登记收到补正`,
        );
      }
      return accept();
    }
    case 'correction_expired': {
      if (!correctionPending) {
        return refuse('CORRECTION_NOT_PENDING', '没有正在等待的补正');
      }
      if (command.on <= project.correctionDeadline!) {
        return refuse('CORRECTION_PERIOD_RUNNING', `补正期限至 ${project.correctionDeadline} 届满，期满后才能登记补正逾期`);
      }
      return accept();
    }
    case 'consultation_sent': {
      if (correctionPending) {
        return pendingCorrection();
      }
      const ids = consultationIds(effective);
      const id = command.consultationId ?? `c${ids.length + 1}`;
      if (ids.includes(id)) {
        return refuse('CONSULTATION_DUPLICATE', `征求意见编号“${id}”已使用`);
      }
      if (command.consulteeReceivedOn !== undefined && command.consulteeReceivedOn < command.on) {
        return refuse('DATE_ORDER', `征求意见函的收到日 ${command.consulteeReceivedOn} 早于发出日 ${command.on}`);
      }
      return accept({ ...command, consultationId: id });
    }
    case 'consultation_answered':
    case 'consultation_expired': {
      const id = command.consultationId ?? project.openConsultations[0];
      if (id === undefined || !project.openConsultations.includes(id)) {
        return refuse(
          'CONSULTATION_NOT_OPEN',
          command.consultationId === undefined ? '没有正在进行的征求意见' : `没有正在进行的征求意见“${command.consultationId}”`,
        );
      }
      const ids = consultationIds(effective);
      const sent = effective.filter((e) => e.type === 'consultation_sent')[ids.indexOf(id)] as CaseEvent & { type: 'consultation_sent' };
      if (command.type === 'consultation_answered' && command.on < (sent.consulteeReceivedOn ?? sent.on)) {
        return refuse(
          'CONSULTATION_ANSWER_EARLY',
          `答复日期 ${command.on} 早于对方收到征求意见函之日 ${sent.consulteeReceivedOn ?? sent.on}`,
        );
      }
      if (command.type === 'consultation_expired') {
        const expiry = consultationExpiryOf(sent, calendar);
        if (command.on <= expiry) {
          return refuse('CONSULTATION_PERIOD_RUNNING', `征求意见期限至 ${expiry} 届满（对方收到后15个工作日），期满后才能登记`);
        }
      }
      return accept({ ...command, consultationId: id });
    }
    case 'extension_approved': {
      if (correctionPending) {
        return pendingCorrection();
      }
      if (has('extension_approved')) {
        return refuse('EXTENSION_REPEATED', '每件申请只能延期一次（条例第三十三条），该申请已经延期');
      }
      if (command.workingDays > EXTENSION_MAX_WORKING_DAYS) {
        return refuse(
          'EXTENSION_OVER_LIMIT',
          `延长答复期限最长不得超过20个工作日（条例第三十三条），申请延期 ${command.workingDays} 个工作日`,
        );
      }
      const due = project.due;
      if (settings.extensionBeforeDue && due !== null && command.on > due) {
        return refuse('EXTENSION_AFTER_DUE', `答复期限 ${due} 已过，不能再批准延期（延期须在答复期限内批准并告知申请人）`);
      }
      if (command.noticeSentOn !== undefined && command.noticeSentOn < command.on) {
        return refuse('DATE_ORDER', `告知申请人的日期 ${command.noticeSentOn} 早于批准日 ${command.on}`);
      }
      if (settings.extensionBeforeDue && due !== null && command.noticeSentOn !== undefined && command.noticeSentOn > due) {
        return refuse('EXTENSION_NOTICE_AFTER_DUE', `延期告知申请人的日期 ${command.noticeSentOn} 晚于答复期限 ${due}`);
      }
      return accept();
    }
    case 'reasons_requested':
      if (correctionPending) {
        return pendingCorrection();
      }
      return has('reasons_requested') ? refuse('REASONS_REPEATED', '已要求申请人说明理由（条例第三十五条）') : accept();
    case 'delayed_deadline_set': {
      if (!has('reasons_requested')) {
        return refuse('REASONS_NOT_REQUESTED', '另行确定答复期限前，应先要求申请人说明理由（条例第三十五条）');
      }
      if (has('delayed_deadline_set')) {
        return refuse('DELAYED_DEADLINE_REPEATED', '已另行确定过答复期限');
      }
      if (!isWorkingDay(command.deadline, calendar)) {
        return refuse('DELAYED_DEADLINE_INVALID', `另定的答复期限 ${command.deadline} 不是工作日`);
      }
      if (project.due !== null && command.deadline < project.due) {
        return refuse('DELAYED_DEADLINE_INVALID', `另定的答复期限 ${command.deadline} 早于法定答复期限 ${project.due}`);
      }
      if (command.deadline < command.on) {
        return refuse('DELAYED_DEADLINE_INVALID', `另定的答复期限 ${command.deadline} 早于确定之日 ${command.on}`);
      }
      return accept();
    }
    case 'fee_notice_sent': {
      if (correctionPending) {
        return pendingCorrection();
      }
      if (has('fee_notice_sent')) {
        return refuse('FEE_NOTICE_REPEATED', '该申请已发出收费通知');
      }
      if (command.noticeReceivedOn !== undefined && command.noticeReceivedOn < command.on) {
        return refuse('DATE_ORDER', `收费通知的收到日 ${command.noticeReceivedOn} 早于发出日 ${command.on}`);
      }
      return accept();
    }
    case 'fee_paid':
    case 'fee_expired': {
      if (project.status !== 'awaiting_fee' || project.feePaymentDue === null) {
        return refuse('FEE_NOT_PENDING', has('fee_notice_sent') ? '缴费已处理' : '尚未发出收费通知');
      }
      if (command.type === 'fee_paid' && command.on > project.feePaymentDue) {
        return refuse(
          'FEE_PAID_LATE',
          `缴费期限已于 ${project.feePaymentDue} 届满：逾期未缴费视为放弃申请，应登记“缴费逾期”（fee_expired）`,
        );
      }
      if (command.type === 'fee_expired' && command.on <= project.feePaymentDue) {
        return refuse('FEE_PERIOD_RUNNING', `缴费期限至 ${project.feePaymentDue} 届满，期满后才能登记缴费逾期`);
      }
      return accept();
    }
    case 'withdrawn':
      return accept();
    case 'replied': {
      if (command.outcome === 'outcome.other.no_correction') {
        return refuse('OUTCOME_NEEDS_EVENT', '逾期不补正的申请以“补正逾期”（correction_expired）结案，不以答复登记');
      }
      if (command.outcome === 'outcome.other.fee_unpaid') {
        return refuse('OUTCOME_NEEDS_EVENT', '逾期未缴费的申请以“缴费逾期”（fee_expired）结案，不以答复登记');
      }
      if (correctionPending) {
        return pendingCorrection();
      }
      if (project.status === 'awaiting_fee') {
        return refuse('FEE_PENDING', `正在等待缴费（期限 ${project.feePaymentDue}）：先登记“缴费”或“缴费逾期”`);
      }
      if (command.outcome === 'outcome.unavailable.unclear_after_correction' && !has('correction_received')) {
        return refuse('OUTCOME_NEEDS_EVENT', '“补正后申请内容仍不明确”须先有补正告知和收到补正');
      }
      return accept();
    }
    default:
      return accept();
  }
}

/** Applies commands one by one (for imports and tests): all accepted events, or the first refusal with its index. */
export function decideCaseHistory(
  commands: readonly CaseEvent[],
  context: CaseContext,
): { ok: true; events: readonly CaseEvent[] } | ({ ok: false; index: number } & Refusal) {
  const events: CaseEvent[] = [];
  for (const [index, command] of commands.entries()) {
    const decision = decideCaseEvent(events, command, context);
    if (!decision.ok) {
      return { ok: false, index, code: decision.code, message: decision.message };
    }
    events.push(...decision.events);
  }
  return { ok: true, events };
}
