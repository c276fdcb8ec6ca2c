// Plausibility of table 二 主动公开政府信息情况 within one report (validation-rules.md rules 22 and 31).

import type { RuleEvaluation } from '../report-model.ts';
import { TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import { slotsOf, slotValuesOf } from './cell-slots.ts';
import { evaluated, keepsPasses, notAssessable, readOperands } from './evaluation.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { rowLabelIn, templateOf } from './template-of.ts';

/** 第二十条第（一）项: the two rows with stock figures. */
const STOCK_ROWS = ['rules', 'normative_documents'] as const;

// Cell IDs, subjects and expressions made once per row, not per report: a new ID string per report would
// be hashed again by every lookup. `slots` (cell-slots.ts) let a run without --explain test first, on the
// report's slot values, whether the evaluation would be recorded at all.
const IN_FORCE_FLOOR = STOCK_ROWS.map((row) => {
  const [issuedId, repealedId, inForceId] = ['issued', 'repealed', 'in_force'].map((c) => `${row}.${c}`) as [string, string, string];
  const cells = [issuedId, repealedId, inForceId];
  return {
    row,
    cells,
    slots: slotsOf(cells),
    base: { rule: 'T2-IN-FORCE-FLOOR', subject: `row:${row}`, expression: `${inForceId} ≥ ${issuedId} − ${repealedId}`, cells } as const,
  };
});

const CUMULATIVE_2019 = STOCK_ROWS.map((row) => {
  const newId = `${row}.new_published`;
  const totalId = `${row}.published_total`;
  const cells = [newId, totalId];
  return {
    row,
    newId,
    totalId,
    cells,
    slots: slotsOf(cells),
    base: { rule: 'T2-2019-CUMULATIVE', subject: `row:${row}`, expression: `${totalId} ≥ ${newId}`, cells } as const,
  };
});

/**
 * In a mixed report a table-二 rule of the other template still runs on a row whose cells the report
 * gives in that template (P5); otherwise only the template the table uses is checked.
 */
function appliesTo(report: ReportFacts, templateId: '2021' | '2019', cells: readonly string[]): boolean {
  if (report.template === 'mixed') {
    return templateOf(report, '二').id === templateId || cells.some((id) => report.cells.has(id));
  }
  return templateOf(report, '二').id === templateId;
}

/**
 * T2-IN-FORCE-FLOOR (2021 template): 现行有效件数 ≥ 本年制发件数 − 本年废止件数, which follows from the
 * continuity identity with a non-negative previous stock (rule 22).
 */
export const checkTable2InForceFloor: RuleCheck = ({ report }) =>
  IN_FORCE_FLOOR.flatMap(({ row, cells, slots, base }): RuleEvaluation[] => {
    if (!appliesTo(report, '2021', cells)) {
      return [];
    }
    if (!keepsPasses()) {
      // Recorded only when it fails: every operand present with a number, and the floor not reached.
      const values = slotValuesOf(report);
      const i = values[slots[0]!];
      const r = values[slots[1]!];
      const f = values[slots[2]!];
      if (i == null || r == null || f == null || f >= i - r) {
        return [];
      }
    }
    const { values, missing } = readOperands(report, cells);
    if (missing.length > 0) {
      return [notAssessable({ ...base, missing })];
    }
    const [i, r, f] = cells.map((id) => values.get(id) ?? 0) as [number, number, number];
    return [
      evaluated({
        ...base,
        left: f,
        right: i - r,
        holds: f >= i - r,
        message: () => `表二“${rowLabelIn(TEMPLATE_2021, row)}”：现行有效件数${f}小于本年制发件数${i}减本年废止件数${r}`,
      }),
    ];
  });

/**
 * T2-2019-CUMULATIVE (2019 template): 对外公开总数量 ≥ 本年新公开数量 — what is publicly available in total
 * cannot be less than what was newly published this year (rule 31).
 */
export const checkTable2Cumulative2019: RuleCheck = ({ report }) =>
  CUMULATIVE_2019.flatMap(({ row, newId, totalId, cells, slots, base }): RuleEvaluation[] => {
    if (!appliesTo(report, '2019', cells)) {
      return [];
    }
    if (!keepsPasses()) {
      // Recorded only when it fails: both operands present with a number, and the total below the new.
      const values = slotValuesOf(report);
      const n = values[slots[0]!];
      const t = values[slots[1]!];
      if (n == null || t == null || t >= n) {
        return [];
      }
    }
    const { values, missing } = readOperands(report, cells);
    if (missing.length > 0) {
      return [notAssessable({ ...base, missing })];
    }
    const n = values.get(newId) ?? 0;
    const t = values.get(totalId) ?? 0;
    return [
      evaluated({
        ...base,
        left: t,
        right: n,
        holds: t >= n,
        message: () => `表二“${rowLabelIn(TEMPLATE_2019, row)}”：对外公开总数量${t}小于本年新公开数量${n}`,
      }),
    ];
  });

/** The table 二 rules of one report, in catalogue order. */
export const TABLE2_RULES: readonly RuleCheck[] = [checkTable2InForceFloor, checkTable2Cumulative2019];
