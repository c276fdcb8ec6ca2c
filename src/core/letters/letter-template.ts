// Reply letter (告知书) templates: one default per outcome family (statute.md §4 "Every reply letter
// carries …"), each with the remedy notice (§5). An agency may override a family's template; the
// merge fields below are the only ones a template may use.
import type { OutcomeFamily } from '#core/cases/outcome-codes.ts';

/** The merge fields a letter template may use, with what each holds (shown to template editors). */
export const MERGE_FIELDS = {
  caseCode: '申请编号',
  applicantName: '申请人姓名或者名称',
  received: '收到申请的日期',
  correctionReceived: '收到补正申请的日期（无补正时为空）',
  request: '申请获取的政府信息（申请内容描述）',
  outcomeLabel: '办理结果（表三类别）',
  outcomeText: '答复决定',
  legalBasis: '法律依据',
  details: '答复的具体内容（经办人填写）',
  docNumber: '文号',
  remedyNotice: '救济途径告知',
  date: '答复日期',
  agencyName: '行政机关名称',
  reviewOrgan: '行政复议机关',
  court: '人民法院',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
export const MERGE_FIELD_NAMES = Object.keys(MERGE_FIELDS) as readonly MergeField[];

/** A letter template: the texts with `{{field}}` placeholders; body paragraphs are separated by line breaks. */
export interface LetterTemplate {
  readonly family: OutcomeFamily;
  /** Title line, e.g. 政府信息公开申请答复书. */
  readonly title: string;
  /** The addressee line (称谓), printed without indent: `{{applicantName}}：`. */
  readonly addressee: string;
  /** Body paragraphs, one per line; a line that merges to nothing is left out. */
  readonly body: string;
}

const OPENING =
  '本机关于{{received}}收到您（单位）提出的政府信息公开申请（申请编号：{{caseCode}}），申请获取“{{request}}”。{{correctionReceived}}';
const DECISION = '经审查，{{outcomeText}}根据{{legalBasis}}的规定，现答复如下：';
const CLOSING = '特此告知。';

const body = (...lines: string[]) => lines.join('\n');

/** The default template of each family (shipped in code; agencies override per family). */
export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<OutcomeFamily, LetterTemplate>> = {
  disclosed: {
    family: 'disclosed',
    title: '政府信息公开申请答复书',
    addressee: '{{applicantName}}：',
    body: body(OPENING, DECISION, '{{details}}', '{{remedyNotice}}', CLOSING),
  },
  partial: {
    family: 'partial',
    title: '政府信息部分公开告知书',
    addressee: '{{applicantName}}：',
    body: body(OPENING, DECISION, '{{details}}', '{{remedyNotice}}', CLOSING),
  },
  withheld: {
    family: 'withheld',
    title: '政府信息不予公开告知书',
    addressee: '{{applicantName}}：',
    body: body(OPENING, '经审查，{{outcomeText}}', '依据：{{legalBasis}}。', '{{details}}', '{{remedyNotice}}', CLOSING),
  },
  unavailable: {
    family: 'unavailable',
    title: '无法提供政府信息告知书',
    addressee: '{{applicantName}}：',
    body: body(OPENING, '经审查，{{outcomeText}}', '依据：{{legalBasis}}。', '{{details}}', '{{remedyNotice}}', CLOSING),
  },
  not_processed: {
    family: 'not_processed',
    title: '政府信息公开申请不予处理告知书',
    addressee: '{{applicantName}}：',
    body: body(OPENING, '经审查，{{outcomeText}}', '依据：{{legalBasis}}。', '{{details}}', '{{remedyNotice}}', CLOSING),
  },
  other: {
    family: 'other',
    title: '政府信息公开申请处理告知书',
    addressee: '{{applicantName}}：',
    body: body(OPENING, '{{outcomeText}}', '依据：{{legalBasis}}。', '{{details}}', '{{remedyNotice}}', CLOSING),
  },
};
