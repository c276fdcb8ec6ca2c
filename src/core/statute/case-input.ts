// A case in the `input` shape of test-vectors.json (the `--case FILE` format of `gongkai deadline`),
// read from untrusted JSON and turned into clock events (statute.md §3.7).
import { checkLocalDate, type LocalDate } from '#core/calendar/local-date.ts';
import { type ClockEvent, CONSULTEE_KINDS, type ConsulteeKind } from './clock-event.ts';
import { CHANNELS, type Channel } from './receipt-date.ts';

/** Which input field carries the receipt act's date, per channel (test-vectors.json). */
export const RECEIPT_FIELD = {
  in_person: 'submittedOn',
  oral: 'submittedOn',
  post_signed: 'signedOn',
  post_ordinary: 'confirmedOn',
  online: 'confirmedOn',
  fax: 'confirmedOn',
} as const satisfies Record<Channel, string>;

/** Events read from a case input, or every problem found (Chinese). */
export type ReadCaseInputResult =
  | { readonly ok: true; readonly events: readonly ClockEvent[] }
  | { readonly ok: false; readonly problems: readonly string[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads `{channel, submittedOn|signedOn|confirmedOn, correction?, consultations?, extension?, fee?, events?}`
 * (test-vectors.json `input`, plus `correction.lateReason`, `repliedOn` and `outcome`) into clock events;
 * `null` dates mean "has not happened".
 */
export function readCaseInput(value: unknown): ReadCaseInputResult {
  const problems: string[] = [];
  if (!isRecord(value)) {
    return { ok: false, problems: ['案件文件应为一个 JSON 对象（结构见 docs/statutory-clock.md）'] };
  }
  const date = (raw: unknown, field: string, required: boolean): LocalDate | undefined => {
    if (raw === undefined || raw === null) {
      if (required) {
        problems.push(`缺少“${field}”`);
      }
      return undefined;
    }
    const checked = typeof raw === 'string' ? checkLocalDate(raw) : undefined;
    if (checked === undefined || !checked.ok) {
      problems.push(
        checked?.code === 'DATE_OUT_OF_RANGE'
          ? `“${field}”：${checked.message}`
          : `“${field}”不是有效日期（应为 YYYY-MM-DD）：${JSON.stringify(raw)}`,
      );
      return undefined;
    }
    return checked.date;
  };
  const count = (raw: unknown, field: string, required: boolean): number | undefined => {
    if (raw === undefined || raw === null) {
      if (required) {
        problems.push(`缺少“${field}”`);
      }
      return undefined;
    }
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
      problems.push(`“${field}”应为正整数：${JSON.stringify(raw)}`);
      return undefined;
    }
    return raw;
  };
  const events: ClockEvent[] = [];
  const channel = value['channel'];
  if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
    problems.push(`“channel”应为 ${CHANNELS.join('、')} 之一：${JSON.stringify(channel)}`);
  } else {
    const field = RECEIPT_FIELD[channel as Channel];
    const on = date(value[field], field, true);
    if (on !== undefined) {
      events.push({ type: 'received', on, channel: channel as Channel });
    }
  }
  const correction = value['correction'];
  if (correction !== undefined && correction !== null) {
    if (!isRecord(correction)) {
      problems.push('“correction”应为对象');
    } else {
      const on = date(correction['noticeSentOn'], 'correction.noticeSentOn', true);
      const deliveredOn = date(correction['noticeDeliveredOn'], 'correction.noticeDeliveredOn', false);
      const period = count(correction['periodWorkingDays'], 'correction.periodWorkingDays', false);
      if (on !== undefined) {
        events.push({
          type: 'correction_requested',
          on,
          ...(deliveredOn === undefined ? {} : { deliveredOn }),
          ...(period === undefined ? {} : { periodWorkingDays: period }),
        });
      }
      const receivedOn = date(correction['receivedOn'], 'correction.receivedOn', false);
      const lateReason = typeof correction['lateReason'] === 'string' ? correction['lateReason'] : undefined;
      if (receivedOn !== undefined) {
        events.push({ type: 'correction_received', on: receivedOn, ...(lateReason === undefined ? {} : { lateReason }) });
      }
    }
  }
  const consultations = value['consultations'] ?? [];
  if (!Array.isArray(consultations)) {
    problems.push('“consultations”应为数组');
  } else {
    consultations.forEach((c: unknown, index: number) => {
      const name = `consultations[${index}]`;
      if (!isRecord(c)) {
        problems.push(`“${name}”应为对象`);
        return;
      }
      const kind = c['kind'] ?? 'third_party';
      if (typeof kind !== 'string' || !(CONSULTEE_KINDS as readonly string[]).includes(kind)) {
        problems.push(`“${name}.kind”应为 ${CONSULTEE_KINDS.join('、')} 之一`);
      }
      const on = date(c['sentOn'], `${name}.sentOn`, true);
      const consulteeReceivedOn = date(c['consulteeReceivedOn'], `${name}.consulteeReceivedOn`, false);
      const answeredOn = date(c['answeredOn'], `${name}.answeredOn`, false);
      const consultationId = `c${index + 1}`;
      if (on !== undefined) {
        events.push({
          type: 'consultation_sent',
          on,
          consultationId,
          kind: kind as ConsulteeKind,
          ...(consulteeReceivedOn === undefined ? {} : { consulteeReceivedOn }),
        });
      }
      if (answeredOn !== undefined) {
        events.push({ type: 'consultation_answered', on: answeredOn, consultationId });
      }
    });
  }
  const extension = value['extension'];
  if (extension !== undefined && extension !== null) {
    if (!isRecord(extension)) {
      problems.push('“extension”应为对象');
    } else {
      const on = date(extension['approvedOn'], 'extension.approvedOn', true);
      const workingDays = count(extension['workingDays'], 'extension.workingDays', true);
      const noticeSentOn = date(extension['noticeSentOn'], 'extension.noticeSentOn', false);
      const approvedBy = typeof extension['approvedBy'] === 'string' ? extension['approvedBy'] : undefined;
      const reason = typeof extension['reason'] === 'string' ? extension['reason'] : undefined;
      if (on !== undefined && workingDays !== undefined) {
        events.push({
          type: 'extension_approved',
          on,
          workingDays,
          ...(approvedBy === undefined ? {} : { approvedBy }),
          ...(reason === undefined ? {} : { reason }),
          ...(noticeSentOn === undefined ? {} : { noticeSentOn }),
        });
      }
    }
  }
  const fee = value['fee'];
  if (fee !== undefined && fee !== null) {
    if (!isRecord(fee)) {
      problems.push('“fee”应为对象');
    } else {
      const on = date(fee['noticeSentOn'], 'fee.noticeSentOn', true);
      const noticeReceivedOn = date(fee['noticeReceivedOn'], 'fee.noticeReceivedOn', false);
      const paidOn = date(fee['paidOn'], 'fee.paidOn', false);
      if (on !== undefined) {
        events.push({ type: 'fee_notice_sent', on, ...(noticeReceivedOn === undefined ? {} : { noticeReceivedOn }) });
      }
      if (paidOn !== undefined) {
        events.push({ type: 'fee_paid', on: paidOn });
      }
    }
  }
  const repliedOn = date(value['repliedOn'], 'repliedOn', false);
  const outcome = value['outcome'];
  if (outcome !== undefined && outcome !== null && typeof outcome !== 'string') {
    problems.push(`“outcome”应为答复结果代码（字符串）：${JSON.stringify(outcome)}`);
  }
  if (repliedOn !== undefined) {
    events.push({ type: 'replied', on: repliedOn, ...(typeof outcome === 'string' ? { outcome } : {}) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
}
