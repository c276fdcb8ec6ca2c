// The remedy notice (救济途径告知) every reply letter carries, statute.md §5: 行政复议 within 60 days
// (《行政复议法》第二十条第一款), 行政诉讼 within 6 months (《行政诉讼法》第四十六条), and since
// 2024-01-01 复议前置 for 不予公开 decisions (《行政复议法》第二十三条第一款（四）、第二款), which the
// organ must state in the letter. The rule applied is the one in force on the letter date.
import type { LocalDate } from '#core/calendar/local-date.ts';
import type { OutcomeFamily } from '#core/cases/outcome-codes.ts';
import { letterFamilyOf } from './outcome-family.ts';

/** Statutory periods and the commencement of 复议前置, as data with their sources (statute.md §10). */
export const REMEDY_PERIODS = {
  /** 《行政复议法》第二十条第一款. */
  reviewDays: 60,
  /** 《行政诉讼法》第四十六条. */
  suitMonths: 6,
  /** 《行政诉讼法》第四十五条. */
  suitAfterReviewDays: 15,
  /** 《行政复议法》（2023年修订）第九十条: in force 2024-01-01. */
  reviewFirstSince: '2024-01-01' as LocalDate,
} as const;

/** How the notice is worded: free choice of 复议 or 诉讼, 复议前置, or both for a partial disclosure. */
export const REMEDY_RULES = ['choice', 'review_first', 'partial_review_first'] as const;
export type RemedyRule = (typeof REMEDY_RULES)[number];

export interface RemedyNoticeInput {
  readonly outcome: string;
  readonly letterDate: LocalDate;
  /** 复议机关 of the organ (agency setting, 《行政复议法》第二十四条、第二十七条). */
  readonly reviewOrgan: string;
  /** 人民法院 named in the notice (agency setting, convention). */
  readonly court: string;
  /** outcome.partial: 复议前置 wording for the withheld part (statute.md §5, convention — default on). */
  readonly partialReviewFirst?: boolean;
  /** Optional 条例第五十一条 complaint channel (上一级行政机关 or the 主管部门), appended when set. */
  readonly complaintChannel?: string;
}

/** Which rule applies to a letter of this family on this date (statute.md §5). */
export function remedyRule(family: OutcomeFamily, letterDate: LocalDate, partialReviewFirst = true): RemedyRule {
  if (letterDate < REMEDY_PERIODS.reviewFirstSince) {
    return 'choice';
  }
  if (family === 'withheld') {
    return 'review_first';
  }
  return family === 'partial' && partialReviewFirst ? 'partial_review_first' : 'choice';
}

const { reviewDays, suitMonths, suitAfterReviewDays } = REMEDY_PERIODS;
const choice = (organ: string, court: string) =>
  `可以自收到本答复之日起${reviewDays}日内向${organ}申请行政复议，或者自收到本答复之日起${suitMonths}个月内向${court}提起行政诉讼。`;
const reviewFirst = (organ: string) =>
  `应当自收到本答复之日起${reviewDays}日内先向${organ}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起${suitAfterReviewDays}日内向人民法院提起行政诉讼。`;

/** The remedy notice paragraph for a letter (reference wording of statute.md §5). */
export function composeRemedyNotice(input: RemedyNoticeInput): string {
  const family = letterFamilyOf(input.outcome) ?? 'other';
  const organ = input.reviewOrgan;
  const rule = remedyRule(family, input.letterDate, input.partialReviewFirst ?? true);
  const text =
    rule === 'choice'
      ? `如对本答复不服，${choice(organ, input.court)}`
      : rule === 'review_first'
        ? `如对本答复不服，${reviewFirst(organ)}`
        : `如对本答复中不予公开的部分不服，${reviewFirst(organ)}如对本答复的其他内容不服，${choice(organ, input.court)}`;
  const complaint =
    input.complaintChannel === undefined || input.complaintChannel.trim() === ''
      ? ''
      : `您也可以依照《中华人民共和国政府信息公开条例》第五十一条的规定，向${input.complaintChannel.trim()}投诉、举报。`;
  return text + complaint;
}
