// 行政复议 and 行政诉讼 cases about the organ's disclosure work, as table 四 counts them (statute.md §7.2,
// annual-report.md §3.4): three kinds (rows), a decision mapped to 维持 / 纠正 / 其他, or 尚未审结.

import type { LocalDate } from '#core/calendar/local-date.ts';

/** Table 四 rows: 行政复议, 行政诉讼/未经复议直接起诉, 行政诉讼/复议后起诉. */
export const APPEAL_KINDS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABEL = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）',
} as const satisfies Record<AppealKind, string>;

/** Table 四 result columns of a decided case. */
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

/** The decisions a 复议决定 or 判决/裁定 records, and the column each counts in (statute.md §7.2). */
export const APPEAL_DECISIONS = {
  upheld: { label: '维持', result: 'upheld' },
  request_dismissed: { label: '驳回复议请求／驳回诉讼请求', result: 'upheld' },
  revoked: { label: '撤销', result: 'corrected' },
  partly_revoked: { label: '部分撤销', result: 'corrected' },
  changed: { label: '变更', result: 'corrected' },
  confirmed_illegal: { label: '确认违法', result: 'corrected' },
  confirmed_void: { label: '确认无效', result: 'corrected' },
  ordered_to_perform: { label: '责令履行', result: 'corrected' },
  not_accepted: { label: '不予受理', result: 'other' },
  application_dismissed: { label: '驳回申请／驳回起诉', result: 'other' },
  terminated: { label: '终止', result: 'other' },
  withdrawn: { label: '撤回／撤诉', result: 'other' },
  mediated: { label: '调解', result: 'other' },
  settled: { label: '和解', result: 'other' },
} as const satisfies Record<string, { label: string; result: AppealResult }>;
export type AppealDecision = keyof typeof APPEAL_DECISIONS;
export const APPEAL_DECISION_IDS = Object.keys(APPEAL_DECISIONS) as AppealDecision[];

export function isAppealDecision(value: unknown): value is AppealDecision {
  return typeof value === 'string' && Object.hasOwn(APPEAL_DECISIONS, value);
}

/** What table 四 needs of one review or litigation case. */
export interface AppealTallyInput {
  readonly kind: AppealKind;
  readonly filedOn: LocalDate;
  /** Null while undecided (or under appeal: 尚未审结). */
  readonly decidedOn: LocalDate | null;
  readonly decision: AppealDecision | null;
}
