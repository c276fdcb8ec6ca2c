// The events of an application case (statute.md §3.7) as the case system stores them: the clock's
// events, a `received` that also fixes the applicant type (table 三 column, statute.md §1), a `replied`
// that always carries its outcome code (§4), and `reopened` (staff: a closure recorded in error is voided).
// The JSON form (`case import` lines, `POST /api/cases/{code}/events`) is `{"type", "date", …arguments}`.

import { type LocalDate, parseLocalDate } from '#core/calendar/local-date.ts';
import { CLOCK_EVENT_LABEL, CLOCK_EVENT_TYPES, type ClockEvent, CONSULTEE_KINDS, type ConsulteeKind } from '#core/statute/clock-event.ts';
import { CHANNELS, type Channel } from '#core/statute/receipt-date.ts';
import { APPLICANT_TYPES, type ApplicantType, isApplicantType } from './applicant.ts';
import { isOutcomeCode, OUTCOME_CODES, type OutcomeCode } from './outcome-codes.ts';

/** statute.md §3.7 event IDs, plus `reopened`. */
export const CASE_EVENT_TYPES = [...CLOCK_EVENT_TYPES, 'reopened'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const CASE_EVENT_LABEL = { ...CLOCK_EVENT_LABEL, reopened: '重新办理' } as const satisfies Record<CaseEventType, string>;

export function isCaseEventType(value: unknown): value is CaseEventType {
  return typeof value === 'string' && (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

/** Receipt: the channel, the date of its receipt act (签收, 确认, 提交), and the applicant type fixed at receipt. */
export interface ReceivedEvent {
  readonly type: 'received';
  readonly on: LocalDate;
  readonly channel: Channel;
  readonly applicantType: ApplicantType;
  /** Asia/Shanghai minutes after midnight of the receipt act, when recorded (office-hours rule). */
  readonly atMinutes?: number;
}

/** The reply (答复) with its one outcome code (statute.md §4). */
export interface RepliedEvent {
  readonly type: 'replied';
  readonly on: LocalDate;
  readonly outcome: OutcomeCode;
  /** 第三十六条（五）: the organ responsible for the information, when the reply names it (告知). */
  readonly competentOrgan?: string;
}

/** A closed case opened again (a closure recorded in error, a late correction with justifiable reason). */
export interface ReopenedEvent {
  readonly type: 'reopened';
  readonly on: LocalDate;
  readonly reason?: string;
}

/** One event of a case, in the order it was recorded. */
export type CaseEvent = Exclude<ClockEvent, { readonly type: 'received' | 'replied' }> | ReceivedEvent | RepliedEvent | ReopenedEvent;

/** The largest fee a notice may state: 1,000,000 元 in 分. */
export const MAX_FEE_FEN = 100_000_000;

/** The earliest and latest year a case date may have (a bound on every loop over days). */
export const CASE_YEAR_MIN = 1990;
export const CASE_YEAR_MAX = 2100;

export type ParsedEvent = { readonly ok: true; readonly event: CaseEvent } | { readonly ok: false; readonly problems: readonly string[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A date within the case range, or a problem. */
export function parseCaseDate(raw: unknown, field: string): { date?: LocalDate; problem?: string } {
  const date = typeof raw === 'string' ? parseLocalDate(raw) : undefined;
  if (date === undefined) {
    return { problem: `“${field}”不是有效日期（应为 YYYY-MM-DD）：${JSON.stringify(raw ?? null)}` };
  }
  const year = Number(date.slice(0, 4));
  if (year < CASE_YEAR_MIN || year > CASE_YEAR_MAX) {
    return { problem: `“${field}”的年份应在 ${CASE_YEAR_MIN}—${CASE_YEAR_MAX} 之间：${date}` };
  }
  return { date };
}

/**
 * Reads one event from untrusted JSON `{"type", "date", …}` (the arguments of the clock's case input:
 * deliveredOn, periodWorkingDays, consultationId, kind, consulteeReceivedOn, workingDays, approvedBy, reason,
 * noticeSentOn, deadline, noticeReceivedOn, amountFen; `outcome` for replied; channel and applicantType for received).
 * Checks fields only; whether the event may happen now is decideCaseEvent's question.
 */
export function parseCaseEvent(value: unknown): ParsedEvent {
  if (!isRecord(value)) {
    return { ok: false, problems: ['事件应为 JSON 对象 {"type": …, "date": …}'] };
  }
  const type = value['type'];
  if (!isCaseEventType(type)) {
    return { ok: false, problems: [`未知的事件类型：${JSON.stringify(type ?? null)}（应为 ${CASE_EVENT_TYPES.join('、')} 之一）`] };
  }
  const problems: string[] = [];
  const required = (field: string): LocalDate | undefined => {
    const { date, problem } = parseCaseDate(value[field], field);
    if (problem !== undefined) {
      problems.push(problem);
    }
    return date;
  };
  const optionalDate = (field: string): LocalDate | undefined =>
    value[field] === undefined || value[field] === null ? undefined : required(field);
  const days = (field: string, max: number, need: boolean): number | undefined => {
    const raw = value[field];
    if (raw === undefined || raw === null) {
      if (need) {
        problems.push(`缺少“${field}”`);
      }
      return undefined;
    }
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > max) {
      problems.push(`“${field}”应为 1 至 ${max} 之间的整数：${JSON.stringify(raw)}`);
      return undefined;
    }
    return raw;
  };
  const text = (field: string, max = 500): string | undefined => {
    const raw = value[field];
    if (raw === undefined || raw === null || raw === '') {
      return undefined;
    }
    if (typeof raw !== 'string' || raw.length > max) {
      problems.push(`“${field}”应为不超过 ${max} 字的文本`);
      return undefined;
    }
    return raw;
  };
  const on = required('date');
  const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
    v === undefined ? {} : ({ [key]: v } as { [P in K]?: V });
  let event: CaseEvent;
  switch (type) {
    case 'received': {
      const channel = value['channel'];
      const applicantType = value['applicantType'];
      if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
        problems.push(`“channel”应为 ${CHANNELS.join('、')} 之一：${JSON.stringify(channel ?? null)}`);
      }
      if (!isApplicantType(applicantType)) {
        problems.push(`“applicantType”应为 ${APPLICANT_TYPES.join('、')} 之一：${JSON.stringify(applicantType ?? null)}`);
      }
      const atMinutes = value['atMinutes'];
      if (
        atMinutes !== undefined &&
        (typeof atMinutes !== 'number' || !Number.isInteger(atMinutes) || atMinutes < 0 || atMinutes >= 1440)
      ) {
        problems.push('“atMinutes”应为 0 至 1439 之间的整数（当天零点后的分钟数）');
      }
      event = {
        type,
        on: on!,
        channel: channel as Channel,
        applicantType: applicantType as ApplicantType,
        ...opt('atMinutes', typeof atMinutes === 'number' ? atMinutes : undefined),
      };
      break;
    }
    case 'correction_requested':
      event = {
        type,
        on: on!,
        ...opt('deliveredOn', optionalDate('deliveredOn')),
        ...opt('periodWorkingDays', days('periodWorkingDays', 60, false)),
      };
      break;
    case 'consultation_sent': {
      const kind = value['kind'] ?? 'third_party';
      if (typeof kind !== 'string' || !(CONSULTEE_KINDS as readonly string[]).includes(kind)) {
        problems.push(`“kind”应为 ${CONSULTEE_KINDS.join('、')} 之一`);
      }
      event = {
        type,
        on: on!,
        kind: kind as ConsulteeKind,
        ...opt('consultationId', text('consultationId', 64)),
        ...opt('consulteeReceivedOn', optionalDate('consulteeReceivedOn')),
      };
      break;
    }
    case 'consultation_answered':
    case 'consultation_expired':
      event = { type, on: on!, ...opt('consultationId', text('consultationId', 64)) };
      break;
    case 'extension_approved':
      // Over 20 is refused by decideCaseEvent with EXTENSION_OVER_LIMIT, so the field allows up to 60 here.
      event = {
        type,
        on: on!,
        workingDays: days('workingDays', 60, true) ?? 0,
        ...opt('approvedBy', text('approvedBy', 100)),
        ...opt('reason', text('reason')),
        ...opt('noticeSentOn', optionalDate('noticeSentOn')),
      };
      break;
    case 'correction_received':
      // lateReason: the applicant's 正当理由 for a correction received after its deadline (条例第三十条).
      event = { type, on: on!, ...opt('lateReason', text('lateReason')) };
      break;
    case 'delayed_deadline_set':
      event = { type, on: on!, deadline: required('deadline')! };
      break;
    case 'fee_notice_sent': {
      const amount = value['amountFen'];
      if (
        amount !== undefined &&
        amount !== null &&
        (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > MAX_FEE_FEN)
      ) {
        problems.push(`“amountFen”（收费金额，单位：分）应为 0 至 ${MAX_FEE_FEN} 之间的整数：${JSON.stringify(amount)}`);
      }
      event = {
        type,
        on: on!,
        ...opt('noticeReceivedOn', optionalDate('noticeReceivedOn')),
        ...opt('amountFen', typeof amount === 'number' && problems.length === 0 ? amount : undefined),
      };
      break;
    }
    case 'replied': {
      const outcome = value['outcome'];
      if (!isOutcomeCode(outcome)) {
        problems.push(`“outcome”应为表三结果行 ID（${OUTCOME_CODES[0]} 等21项之一）：${JSON.stringify(outcome ?? null)}`);
      }
      event = { type, on: on!, outcome: outcome as OutcomeCode, ...opt('competentOrgan', text('competentOrgan', 200)) };
      break;
    }
    case 'reopened':
      event = { type, on: on!, ...opt('reason', text('reason')) };
      break;
    default:
      event = { type, on: on! };
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, event };
}

/** The JSON form of an event: `{"type", "date", …arguments}` (inverse of parseCaseEvent). */
export function caseEventToJson(event: CaseEvent): Record<string, unknown> {
  const { type, on, ...rest } = event;
  return { type, date: on, ...rest };
}
