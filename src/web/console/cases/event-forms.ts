// The console's event forms (issue #8): for each case event the fields staff fill in, their Chinese
// labels, and how the posted form becomes the event JSON that recordCaseEvent parses
// (core/cases/case-event.ts). Only the events allowedEvents returns get a form on the case page.
import { CASE_EVENT_LABEL, type CaseEventType } from '#core/cases/case-event.ts';
import { OUTCOME_FAMILIES, OUTCOMES, type OutcomeFamily } from '#core/cases/outcome-codes.ts';
import type { CONSULTEE_KINDS } from '#core/statute/clock-event.ts';

export type EventFieldKind = 'date' | 'number' | 'yuan' | 'text' | 'textarea' | 'select' | 'outcome' | 'consultation';

export interface EventField {
  /** The event JSON's key (and the form field's name). */
  readonly name: string;
  readonly label: string;
  readonly kind: EventFieldKind;
  readonly required?: boolean;
  readonly hint?: string;
  /** For `select`: value → label. */
  readonly options?: Readonly<Record<string, string>>;
  readonly min?: number;
  readonly max?: number;
}

const dateField = (label: string): EventField => ({ name: 'date', label, kind: 'date', required: true });

export const CONSULTEE_KIND_LABEL = {
  third_party: '第三方（第三十二条）',
  organ: '其他机关（第三十四条）',
} as const satisfies Record<(typeof CONSULTEE_KINDS)[number], string>;

/** The fields of each event's form, the date first. */
export const EVENT_FIELDS: Readonly<Record<CaseEventType, readonly EventField[]>> = {
  received: [dateField('收到日期')],
  correction_requested: [
    dateField('补正告知发出日期'),
    { name: 'deliveredOn', label: '告知送达申请人日期', kind: 'date', hint: '补正期限自送达之日起算；不填按发出日期计算' },
    { name: 'periodWorkingDays', label: '补正期限（工作日）', kind: 'number', min: 1, max: 60, hint: '不填按本机关设置' },
  ],
  correction_received: [
    dateField('收到补正日期'),
    { name: 'lateReason', label: '逾期补正的正当理由', kind: 'textarea', hint: '补正期限届满后收到的必填（条例第三十条）' },
  ],
  correction_expired: [dateField('登记日期（补正期限届满之后）')],
  consultation_sent: [
    dateField('征求意见函发出日期'),
    { name: 'kind', label: '征求对象', kind: 'select', required: true, options: CONSULTEE_KIND_LABEL },
    { name: 'consulteeReceivedOn', label: '对方收到日期', kind: 'date', hint: '不填按发出日期计算' },
    { name: 'consultationId', label: '征求意见编号', kind: 'text', hint: '不填自动编号（c1、c2……）' },
  ],
  consultation_answered: [dateField('收到意见日期'), { name: 'consultationId', label: '征求意见', kind: 'consultation', required: true }],
  consultation_expired: [
    dateField('登记日期（对方收到后15个工作日届满之后）'),
    { name: 'consultationId', label: '征求意见', kind: 'consultation', required: true },
  ],
  extension_approved: [
    dateField('批准日期'),
    {
      name: 'workingDays',
      label: '延长工作日数',
      kind: 'number',
      required: true,
      min: 1,
      max: 20,
      hint: '最长不超过20个工作日（条例第三十三条）',
    },
    { name: 'approvedBy', label: '批准人', kind: 'text', hint: '政府信息公开工作机构负责人' },
    { name: 'reason', label: '延期理由', kind: 'textarea' },
    { name: 'noticeSentOn', label: '告知申请人日期', kind: 'date' },
  ],
  reasons_requested: [dateField('要求说明理由日期')],
  delayed_deadline_set: [
    dateField('确定日期'),
    { name: 'deadline', label: '另定的答复期限', kind: 'date', required: true, hint: '须为工作日，不早于法定答复期限（条例第三十五条）' },
  ],
  fee_notice_sent: [
    dateField('收费通知发出日期'),
    { name: 'noticeReceivedOn', label: '申请人收到通知日期', kind: 'date', hint: '缴费期限自收到之日起20个工作日；不填按发出日期计算' },
    { name: 'amountFen', label: '收费金额（元）', kind: 'yuan', hint: '按国办函〔2020〕109号的标准计算，最多两位小数' },
  ],
  fee_paid: [dateField('缴费日期')],
  fee_expired: [dateField('登记日期（缴费期限届满之后）')],
  withdrawn: [dateField('撤回日期')],
  replied: [
    dateField('答复日期'),
    { name: 'outcome', label: '办理结果', kind: 'outcome', required: true, hint: '表三结果项；选项后为告知书引用的法律依据' },
    { name: 'competentOrgan', label: '负责公开该信息的机关', kind: 'text', hint: '不属于本机关负责公开时填写（第三十六条（五））' },
  ],
  delivered: [dateField('送达日期')],
  reopened: [dateField('重新办理日期'), { name: 'reason', label: '重新办理的原因', kind: 'textarea' }],
};

export const OUTCOME_FAMILY_LABEL = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
} as const satisfies Record<OutcomeFamily, string>;

/** Outcomes a reply cannot have: these close by their own event (补正逾期, 缴费逾期). */
export const OUTCOMES_BY_OWN_EVENT: ReadonlySet<string> = new Set(['outcome.other.no_correction', 'outcome.other.fee_unpaid']);

/** The 21 table 三 outcomes grouped by family, in table order. */
export const OUTCOME_GROUPS = OUTCOME_FAMILIES.map((family) => ({
  family,
  label: OUTCOME_FAMILY_LABEL[family],
  outcomes: OUTCOMES.filter((o) => o.family === family),
}));

export const eventLabel = (type: CaseEventType): string => CASE_EVENT_LABEL[type];

const NUMBER_FIELDS = new Set(['workingDays', 'periodWorkingDays']);

/** `12`, `12.5`, `12.50` 元 → 分 without floating point; undefined for anything else. */
export function yuanToFen(text: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/u.exec(text);
  return match === null ? undefined : Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * The posted form values of one event → the event JSON for recordCaseEvent. Empty fields are left
 * out; whole numbers become numbers (anything else stays a string, which the parser refuses with
 * its own message).
 */
export function eventFromForm(type: CaseEventType, values: Readonly<Record<string, string>>): Record<string, unknown> {
  const event: Record<string, unknown> = { type };
  for (const field of EVENT_FIELDS[type]) {
    const value = (values[field.name] ?? '').trim();
    if (value === '') {
      continue;
    }
    if (field.kind === 'yuan') {
      event[field.name] = yuanToFen(value) ?? value;
      continue;
    }
    event[field.name] = NUMBER_FIELDS.has(field.name) && /^\d{1,6}$/u.test(value) ? Number(value) : value;
  }
  return event;
}
