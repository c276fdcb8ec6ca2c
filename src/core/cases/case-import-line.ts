// One line of `gongkai case import FILE.jsonl` (issue #7 Contracts): `{"externalId", "channel",
// "received", "applicantType", "events": [{"type", "date", …}], "outcome"}`. A line is either a whole,
// valid case history or a list of problems (bad JSON, impossible date, unknown ID, events out of order,
// outcome and reply disagreeing); nothing of a bad line is imported.

import type { LocalDate } from '#core/calendar/local-date.ts';
import { CHANNELS, type Channel } from '#core/statute/receipt-date.ts';
import { APPLICANT_TYPES, type ApplicantType, isApplicantType } from './applicant.ts';
import { CASE_EVENT_LABEL, type CaseEvent, parseCaseDate, parseCaseEvent } from './case-event.ts';
import { decideCaseHistory } from './decide-case-event.ts';
import { isOutcomeCode, type OutcomeCode } from './outcome-codes.ts';
import { type CaseContext, type CaseProjection, projectCase } from './project-case.ts';

/** A valid imported case: its accepted events and their projection. */
export interface ImportedCase {
  readonly externalId: string;
  readonly channel: Channel;
  readonly applicantType: ApplicantType;
  readonly received: LocalDate;
  readonly events: readonly CaseEvent[];
  readonly projection: CaseProjection;
}

export type ImportLineResult =
  | { readonly ok: true; readonly case: ImportedCase }
  | { readonly ok: false; readonly externalId: string | null; readonly problems: readonly string[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and checks one JSONL line against the case rules (decideCaseEvent for every event, in order). */
export function parseCaseImportLine(line: string, context: CaseContext): ImportLineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, externalId: null, problems: [`不是有效的 JSON：${(error as Error).message}`] };
  }
  if (!isRecord(value)) {
    return { ok: false, externalId: null, problems: ['每行应为一个 JSON 对象'] };
  }
  const problems: string[] = [];
  const rawId = value['externalId'];
  const externalId = typeof rawId === 'string' && rawId.trim() !== '' && rawId.length <= 200 ? rawId : null;
  if (externalId === null) {
    problems.push('“externalId”应为不超过200字符的非空文本');
  }
  const channel = value['channel'];
  if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
    problems.push(`未知的“channel”：${JSON.stringify(channel ?? null)}（应为 ${CHANNELS.join('、')} 之一）`);
  }
  const applicantType = value['applicantType'];
  if (!isApplicantType(applicantType)) {
    problems.push(`未知的“applicantType”：${JSON.stringify(applicantType ?? null)}（应为表三列 ID：${APPLICANT_TYPES.join('、')}）`);
  }
  const { date: received, problem } = parseCaseDate(value['received'], 'received');
  if (problem !== undefined) {
    problems.push(problem);
  }
  const outcome = value['outcome'] ?? null;
  if (outcome !== null && !isOutcomeCode(outcome)) {
    problems.push(`未知的“outcome”：${JSON.stringify(outcome)}（应为表三结果行 ID 或 null）`);
  }
  const rawEvents = value['events'] ?? [];
  const commands: CaseEvent[] = [];
  if (!Array.isArray(rawEvents)) {
    problems.push('“events”应为数组');
  } else {
    rawEvents.forEach((raw: unknown, index: number) => {
      const withReceipt = isRecord(raw) && raw['type'] === 'received' ? { channel, applicantType, ...raw } : raw;
      const parsed = parseCaseEvent(withReceipt);
      if (parsed.ok) {
        commands.push(parsed.event);
      } else {
        problems.push(...parsed.problems.map((p) => `第${index + 1}个事件：${p}`));
      }
    });
  }
  if (problems.length > 0) {
    return { ok: false, externalId, problems };
  }
  const first = commands[0];
  if (first?.type === 'received') {
    if (first.on !== received || first.channel !== channel || first.applicantType !== applicantType) {
      return {
        ok: false,
        externalId,
        problems: ['“received”事件的日期、渠道或申请人类型与该行的 received、channel、applicantType 不一致'],
      };
    }
  } else {
    commands.unshift({ type: 'received', on: received!, channel: channel as Channel, applicantType: applicantType as ApplicantType });
  }
  const offset = first?.type === 'received' ? 0 : -1;
  const decided = decideCaseHistory(commands, context);
  if (!decided.ok) {
    const command = commands[decided.index]!;
    const where = decided.index + offset < 0 ? '收到申请' : `第${decided.index + offset + 1}个事件（${CASE_EVENT_LABEL[command.type]}）`;
    return { ok: false, externalId, problems: [`${where}：${decided.message}［${decided.code}］`] };
  }
  const projection = projectCase(decided.events, context);
  if (projection.outcome !== (outcome as OutcomeCode | null)) {
    const replied = decided.events.find((e) => e.type === 'replied');
    return {
      ok: false,
      externalId,
      problems: [
        replied !== undefined
          ? `“outcome”（${JSON.stringify(outcome)}）与答复事件的结果（${projection.outcome}）不一致`
          : `“outcome”（${JSON.stringify(outcome)}）与事件不一致：按事件该案件${projection.outcome === null ? '尚未办结，outcome 应为 null' : `的结果为 ${projection.outcome}`}`,
      ],
    };
  }
  return {
    ok: true,
    case: {
      externalId: externalId!,
      channel: channel as Channel,
      applicantType: applicantType as ApplicantType,
      received: received!,
      events: decided.events,
      projection,
    },
  };
}
