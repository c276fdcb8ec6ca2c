// Outcome families of the reply letter (告知书): one default template per family, keyed off the
// table 三 leaf rows of the 2021 template (statute.md §4, annual-report.md §3.3).
import { leafOutcomeRows, TEMPLATES } from '#core/reports/template.ts';

/** Letter families: 公开 / 部分公开 / 不予公开 / 无法提供 / 不予处理 / 其他处理 (the groups of table 三). */
export const OUTCOME_FAMILIES = ['disclosed', 'partial', 'withheld', 'unavailable', 'not_processed', 'other'] as const;
export type OutcomeFamily = (typeof OUTCOME_FAMILIES)[number];

export const OUTCOME_FAMILY_LABEL = {
  disclosed: '予以公开',
  partial: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
} as const satisfies Record<OutcomeFamily, string>;

/** The 21 outcome codes of statute.md §4 = the leaf rows of table 三 in the 2021 template. */
export const OUTCOME_CODES: readonly string[] = leafOutcomeRows(TEMPLATES['2021']).map((row) => row.id);

/** The row label of an outcome code in table 三 (2021), e.g. `1.属于国家秘密`; undefined for an unknown code. */
export function outcomeRowLabel(code: string): string | undefined {
  return leafOutcomeRows(TEMPLATES['2021']).find((row) => row.id === code)?.shortLabel;
}

/** The family of an outcome code (`outcome.withheld.state_secret` → `withheld`); undefined if not a leaf code. */
export function outcomeFamily(code: string): OutcomeFamily | undefined {
  if (!OUTCOME_CODES.includes(code)) {
    return undefined;
  }
  const family = code.split('.')[1];
  return OUTCOME_FAMILIES.find((f) => f === family);
}

/** A string is a letter family ID. */
export function isOutcomeFamily(value: string): value is OutcomeFamily {
  return (OUTCOME_FAMILIES as readonly string[]).includes(value);
}
