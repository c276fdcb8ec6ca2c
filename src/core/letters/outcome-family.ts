// Letter families: one default reply-letter template per family of outcome codes (the table 三
// groups, core/cases/outcome-codes.ts), labelled as staff see them.
import { isOutcomeCode, OUTCOME_BY_CODE, OUTCOME_FAMILIES, type OutcomeFamily, outcomeFamily } from '#core/cases/outcome-codes.ts';

export const OUTCOME_FAMILY_LABEL = {
  disclosed: '予以公开',
  partial: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
} as const satisfies Record<OutcomeFamily, string>;

/** The family of an outcome code given as text; undefined when it is not one of the 21 codes. */
export function letterFamilyOf(code: string): OutcomeFamily | undefined {
  return isOutcomeCode(code) ? outcomeFamily(code) : undefined;
}

/** The table 三 row label of an outcome code without its number (`属于国家秘密`); undefined for an unknown code. */
export function outcomeRowLabel(code: string): string | undefined {
  return isOutcomeCode(code) ? OUTCOME_BY_CODE.get(code)?.label.replace(/^\d+\./, '') : undefined;
}

/** A string is a letter family ID. */
export function isOutcomeFamily(value: string): value is OutcomeFamily {
  return (OUTCOME_FAMILIES as readonly string[]).includes(value);
}
