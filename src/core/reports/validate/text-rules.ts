// Every rule that reads the document text (validation-rules.md rules 4, 8–11, 25–30, 33–37), for
// validateReport. Rules 5–7 and the malformed-date half of 33 are the document-text reader's own
// findings (DocumentText.findings) and are not repeated here.

import { META_RULES } from './meta-rules.ts';
import { NARRATIVE_BALANCE_RULES } from './narrative-balance.ts';
import { NARRATIVE_RULES } from './narrative-rules.ts';
import { ADDED_TEXT_RULES } from './narrative-rules-added.ts';
import { NARRATIVE_SUM_RULES } from './narrative-sums.ts';
import type { RuleCheck } from './rule.ts';

/** The text rules: structure, identity and template (meta), narrative against tables, narrative sums. */
export const TEXT_RULES: readonly RuleCheck[] = [
  ...META_RULES,
  ...NARRATIVE_RULES,
  ...NARRATIVE_SUM_RULES,
  ...ADDED_TEXT_RULES,
  ...NARRATIVE_BALANCE_RULES,
];
