// Arithmetic of table 四 政府信息公开行政复议、行政诉讼情况 (validation-rules.md rule 21).

import type { RuleEvaluation } from '../report-model.ts';
import { TEMPLATE_2021 } from '../template.ts';
import { slotSum, slotSumPassesQuietly, slotValuesOf } from './cell-slots.ts';
import { evaluateSum, keepsPasses, SKIPPED_EVALUATION } from './evaluation.ts';
import type { RuleCheck } from './rule.ts';

const PART_COLUMNS = ['upheld', 'corrected', 'other', 'pending'] as const; // 结果维持、结果纠正、其他结果、尚未审结

/** T4-SUM: in 行政复议 and both 行政诉讼 groups, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (rule 21). */
// Table 四 is the same in both templates (annual-report.md §4.4): its IDs and texts are made once.
const T4_SUMS = TEMPLATE_2021.tables.四.rows.map((row) => {
  const parts = PART_COLUMNS.map((c) => `${row.id}.${c}`);
  const totalId = `${row.id}.total`;
  const cells = [...parts, totalId];
  return {
    row,
    parts,
    totalId,
    // Without --explain a passing sum records nothing: tried first on the report's slot values.
    quiet: slotSum(cells, totalId),
    base: {
      rule: 'T4-SUM',
      subject: `row:${row.id}`,
      expression: `${totalId} = ${parts.join(' + ')}`,
      cells,
    } as const,
  };
});

export const checkTable4Sum: RuleCheck = ({ report }) =>
  T4_SUMS.map(({ row, parts, totalId, quiet, base }): RuleEvaluation => {
    if (!keepsPasses() && slotSumPassesQuietly(slotValuesOf(report), quiet)) {
      return SKIPPED_EVALUATION;
    }
    return evaluateSum(
      report,
      base,
      totalId,
      parts,
      (total, sum) => `表四“${row.label}”：总计${total}不等于结果维持、结果纠正、其他结果、尚未审结之和${sum}`,
    );
  });

/** The table 四 rules in catalogue order. */
export const TABLE4_RULES: readonly RuleCheck[] = [checkTable4Sum];
