// A reply letter (告知书) from the facts of a case: the fields of statute.md §4 "Every reply letter
// carries …" (applicant, receivedOn and the 补正 date, the request, the decision with its article,
// the remedy notice of §5, organ name and date), merged into the agency's template for the family.
import type { LocalDate } from '#core/calendar/local-date.ts';
import { isOutcomeCode, type OutcomeFamily } from '#core/cases/outcome-codes.ts';
import { formatChineseDate } from '#core/reports/render/document-cells.ts';
import { DEFAULT_LETTER_TEMPLATES, type LetterTemplate } from './letter-template.ts';
import { type LetterTemplateError, type MergeFields, type MergeResult, mergeLetter } from './merge-letter.ts';
import { letterFamilyOf, outcomeRowLabel } from './outcome-family.ts';
import { OUTCOME_WORDING } from './outcome-wording.ts';
import { composeRemedyNotice } from './remedy-notice.ts';

/** What a reply letter needs of the case, the reply and the agency's settings. */
export interface ReplyLetterInput {
  readonly caseCode: string;
  readonly applicantName: string;
  readonly receivedOn: LocalDate;
  /** The date the corrected application was received (补正), if any. */
  readonly correctionReceivedOn?: LocalDate;
  /** The request as the applicant described it. */
  readonly request: string;
  /** The outcome code of the reply (a table 三 leaf row, statute.md §4). */
  readonly outcome: string;
  /** The officer's text: the information, or how, where and when to obtain it; reasons; fee statement. */
  readonly details?: string;
  readonly docNumber: string;
  readonly letterDate: LocalDate;
  readonly agencyName: string;
  readonly reviewOrgan: string;
  readonly court: string;
  readonly partialReviewFirst?: boolean;
  readonly complaintChannel?: string;
}

/** The merge fields of a reply letter; errors name what is missing (Chinese). */
export function replyLetterFields(
  input: ReplyLetterInput,
): { readonly ok: true; readonly fields: MergeFields } | { readonly ok: false; readonly errors: readonly LetterTemplateError[] } {
  const label = outcomeRowLabel(input.outcome);
  const wording = isOutcomeCode(input.outcome) ? OUTCOME_WORDING[input.outcome] : undefined;
  if (wording === undefined || label === undefined) {
    return { ok: false, errors: [{ code: 'UNKNOWN_OUTCOME', field: input.outcome, message: `未知的办理结果代码“${input.outcome}”` }] };
  }
  const required = [
    ['applicantName', input.applicantName, '申请人姓名或者名称'],
    ['agencyName', input.agencyName, '行政机关名称'],
    ['reviewOrgan', input.reviewOrgan, '行政复议机关（机关设置 letter.review-organ）'],
    ['court', input.court, '人民法院（机关设置 letter.court）'],
    ['docNumber', input.docNumber, '文号'],
  ] as const;
  const errors: LetterTemplateError[] = required
    .filter(([, value]) => value.trim() === '')
    .map(([field, , label]) => ({ code: 'MISSING_LETTER_VALUE', field, message: `告知书缺少${label}` }));
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  const fields: MergeFields = {
    caseCode: input.caseCode,
    applicantName: input.applicantName.trim(),
    received: formatChineseDate(input.receivedOn),
    correctionReceived:
      input.correctionReceivedOn === undefined ? '' : `本机关于${formatChineseDate(input.correctionReceivedOn)}收到您补正后的申请。`,
    request: input.request.trim(),
    outcomeLabel: label,
    outcomeText: wording.outcomeText,
    legalBasis: wording.legalBasis,
    details: input.details?.trim() ?? '',
    docNumber: input.docNumber,
    remedyNotice: composeRemedyNotice({
      outcome: input.outcome,
      letterDate: input.letterDate,
      reviewOrgan: input.reviewOrgan.trim(),
      court: input.court.trim(),
      ...(input.partialReviewFirst === undefined ? {} : { partialReviewFirst: input.partialReviewFirst }),
      ...(input.complaintChannel === undefined ? {} : { complaintChannel: input.complaintChannel }),
    }),
    date: formatChineseDate(input.letterDate),
    agencyName: input.agencyName.trim(),
    reviewOrgan: input.reviewOrgan.trim(),
    court: input.court.trim(),
  };
  return { ok: true, fields };
}

/**
 * Composes the reply letter of a case: the agency's template for the outcome's family (or the
 * shipped default), merged with the case's fields. Errors (unknown outcome, missing setting, bad
 * template) come back as values with Chinese messages.
 */
export function composeReplyLetter(
  input: ReplyLetterInput,
  overrides: Partial<Readonly<Record<OutcomeFamily, LetterTemplate>>> = {},
): MergeResult {
  const fields = replyLetterFields(input);
  if (!fields.ok) {
    return fields;
  }
  const family = letterFamilyOf(input.outcome) ?? 'other';
  return mergeLetter(overrides[family] ?? DEFAULT_LETTER_TEMPLATES[family], fields.fields);
}
