// Arithmetic of table 三 收到和处理政府信息公开申请情况 (validation-rules.md rules 17–20): the official
// 勾稽关系, applicant-column totals, outcome sums and group sub-row sums. Missing is never zero (P1).

import { innerMap } from '../../shared/inner-map.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { APPLICANT_COLUMN_IDS, type ReportTemplate, T3_COLUMN_IDS, T3_GROUPS, type T3ColumnId } from '../template.ts';
import { type SlotSum, type SlotValues, slotOf, slotSum, slotSumPassesQuietly, slotValuesOf } from './cell-slots.ts';
import { cellValue, evaluated, evaluateSum, keepsPasses, notAssessable, SKIPPED_EVALUATION } from './evaluation.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { rowLabelIn, t3ColumnLabel, templateOf } from './template-of.ts';

type T3Group = (typeof T3_GROUPS)[number];

const BALANCE_ROWS = ['received', 'carried_in', 'outcome.total', 'carried_out'] as const; // 一、二、三（七）、四

// Cell IDs, subjects and expressions built once per row, group and column rather than per report:
// the same strings every time let the cell map and the fingerprint cache use hashes V8 already has.
// Keys are template rows and constant groups and columns, so the memos stay small.
interface RowTotalIds {
  readonly parts: readonly string[];
  readonly totalId: string;
  readonly cells: readonly string[];
  readonly subject: string;
  readonly expression: string;
}
const ROW_TOTAL_IDS = new Map<string, RowTotalIds>();

/** The memo's value for key, made (by a function that captures nothing, so no closure per call) on first use. */
function memoised<K, V>(memo: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = make(key);
    memo.set(key, value);
  }
  return value;
}

function makeRowTotalIds(row: string): RowTotalIds {
  const parts = APPLICANT_COLUMN_IDS.map((c) => `${row}.${c}`);
  const totalId = `${row}.total`;
  return { parts, totalId, cells: [...parts, totalId], subject: `row:${row}`, expression: `${totalId} = Σ ${row}.<六类申请人>` };
}

function rowTotalIds(row: string): RowTotalIds {
  return memoised(ROW_TOTAL_IDS, row, makeRowTotalIds);
}

interface OutcomeTotalIds {
  readonly totalId: string;
  readonly disclosed: string;
  readonly partial: string;
  readonly subject: string;
  readonly expression: string;
}
const OUTCOME_TOTAL_IDS = new Map<T3ColumnId, OutcomeTotalIds>();

function makeOutcomeTotalIds(column: T3ColumnId): OutcomeTotalIds {
  const totalId = `outcome.total.${column}`;
  const disclosed = `outcome.disclosed.${column}`;
  const partial = `outcome.partial.${column}`;
  const groups = T3_GROUPS.map((g) => `G(${g.id},${column})`).join(' + ');
  return { totalId, disclosed, partial, subject: `column:${column}`, expression: `${totalId} = ${disclosed} + ${partial} + ${groups}` };
}

function outcomeTotalIds(column: T3ColumnId): OutcomeTotalIds {
  return memoised(OUTCOME_TOTAL_IDS, column, makeOutcomeTotalIds);
}

interface GroupColumnIds {
  /** The group row's own cell. */
  readonly own: string;
  readonly subs: readonly string[];
  readonly cells: readonly string[];
  readonly subject: string;
  readonly expression: string;
}
const GROUP_COLUMN_IDS = new Map<T3Group, Map<string, GroupColumnIds>>();

function groupColumnIds(group: T3Group, column: T3ColumnId): GroupColumnIds {
  const byColumn = innerMap(GROUP_COLUMN_IDS, group);
  let ids = byColumn.get(column);
  if (ids === undefined) {
    const own = `${group.id}.${column}`;
    const subs = group.subs.map(([sub]) => `${group.id}.${sub}.${column}`);
    ids = { own, subs, cells: [own, ...subs], subject: `group:${group.id}:${column}`, expression: `${own} = Σ ${group.id}.*.${column}` };
    byColumn.set(column, ids);
  }
  return ids;
}

interface BalanceIds {
  readonly cells: readonly [string, string, string, string];
  readonly subject: string;
  readonly expression: string;
}
const BALANCE_IDS = new Map<T3ColumnId, BalanceIds>();

function makeBalanceIds(column: T3ColumnId): BalanceIds {
  const cells = BALANCE_ROWS.map((row) => `${row}.${column}`) as unknown as readonly [string, string, string, string];
  return { cells, subject: `column:${column}`, expression: `${cells[0]} + ${cells[1]} = ${cells[2]} + ${cells[3]}` };
}

function balanceIds(column: T3ColumnId): BalanceIds {
  return memoised(BALANCE_IDS, column, makeBalanceIds);
}

// ---------------------------------------------------------------- failures only: sums on slot values

/**
 * Without --explain a passing or not-assessable sum records nothing, so each rule first asks whether its
 * sum passes quietly, reading the report's slot values (cell-slots.ts) at slots worked out here once per
 * template — the same operands in the same order as the evaluation would read them. Only a sum that fails
 * goes on to the evaluation below, which reads the cell map as with --explain.
 */
interface Table3SlotPlan {
  /** Per template row of table 三, in order: T3-ROW-TOTAL's sum. */
  readonly rowTotals: readonly SlotSum[];
  /** Per T3_COLUMN_IDS column: T3-BALANCE's four slots (BALANCE_ROWS). */
  readonly balances: readonly (readonly number[])[];
  /** Per T3_COLUMN_IDS column: T3-OUTCOME-TOTAL's operands. */
  readonly outcomes: readonly OutcomeSlots[];
  /** Per T3_GROUPS group (undefined: no sub-rows in this template), per column: T3-GROUP-SUM's own slot and sum. */
  readonly groups: readonly (readonly GroupSlots[] | undefined)[];
}

interface OutcomeSlots {
  readonly total: number;
  readonly disclosed: number;
  readonly partial: number;
  /** Per T3_GROUPS group: its own (printed) value's slot, and its sub-rows' slots when it has sub-rows. */
  readonly groups: readonly { readonly own: number; readonly subs: readonly number[] | undefined }[];
}

interface GroupSlots {
  readonly own: number;
  readonly sum: SlotSum;
}

const TABLE3_SLOT_PLANS = new Map<ReportTemplate, Table3SlotPlan>();

function table3SlotPlan(template: ReportTemplate): Table3SlotPlan {
  return memoised(TABLE3_SLOT_PLANS, template, makeTable3SlotPlan);
}

function makeTable3SlotPlan(template: ReportTemplate): Table3SlotPlan {
  const subRows = T3_GROUPS.map((group) => templateHasSubRows(template, group));
  return {
    rowTotals: template.tables.三.rows.map((row) => {
      const ids = rowTotalIds(row.id);
      return slotSum(ids.cells, ids.totalId);
    }),
    balances: T3_COLUMN_IDS.map((column) => balanceIds(column).cells.map(slotOf)),
    outcomes: T3_COLUMN_IDS.map((column) => {
      const ids = outcomeTotalIds(column);
      return {
        total: slotOf(ids.totalId),
        disclosed: slotOf(ids.disclosed),
        partial: slotOf(ids.partial),
        groups: T3_GROUPS.map((group, g) => {
          const groupIds = groupColumnIds(group, column);
          return { own: slotOf(groupIds.own), subs: subRows[g] ? groupIds.subs.map(slotOf) : undefined };
        }),
      };
    }),
    groups: T3_GROUPS.map((group, g) =>
      subRows[g]
        ? T3_COLUMN_IDS.map((column) => {
            const ids = groupColumnIds(group, column);
            return { own: slotOf(ids.own), sum: slotSum(ids.cells, ids.own) };
          })
        : undefined,
    ),
  };
}

/** outcomeTotalPassesQuietly on slot values: G(g,c) is the printed group value, else its sub-rows (P2). */
function outcomeSlotsPassQuietly(values: SlotValues, slots: OutcomeSlots): boolean {
  const a = values[slots.disclosed];
  const b = values[slots.partial];
  if (a == null || b == null) {
    return true;
  }
  let sum = a + b;
  for (let g = 0; g < slots.groups.length; g++) {
    const group = slots.groups[g]!;
    const own = values[group.own];
    if (own != null) {
      sum += own;
      continue;
    }
    if (group.subs === undefined) {
      return true; // G is the group's own value, which is absent or null
    }
    for (let i = 0; i < group.subs.length; i++) {
      const value = values[group.subs[i]!];
      if (value == null) {
        return true;
      }
      sum += value;
    }
  }
  const total = values[slots.total];
  return total == null || total === sum;
}

/** T3-BALANCE 勾稽关系: 第一项加第二项之和，等于第三项加第四项之和, in every column (国办公开办函〔2021〕30号 table note). */
export const checkTable3Balance: RuleCheck = ({ report }) =>
  T3_COLUMN_IDS.map((column, c): RuleEvaluation => {
    if (!keepsPasses() && balancePassesQuietly(slotValuesOf(report), table3SlotPlan(templateOf(report, '三')).balances[c]!)) {
      return SKIPPED_EVALUATION;
    }
    const { cells, subject, expression } = balanceIds(column);
    const base = { rule: 'T3-BALANCE', subject, expression, cells } as const;
    // Four lookups, no operand map; `missing` in the cells' order, as readOperands lists them.
    const a = cellValue(report, cells[0]);
    const b = cellValue(report, cells[1]);
    const t = cellValue(report, cells[2]);
    const d = cellValue(report, cells[3]);
    if (!keepsPasses() && (a == null || b == null || t == null || d == null || a + b === t + d)) {
      return SKIPPED_EVALUATION; // not recorded without --explain: no base, no missing list, no message
    }
    if (a == null || b == null || t == null || d == null) {
      return notAssessable({ ...base, missing: cells.filter((id) => cellValue(report, id) == null) });
    }
    return evaluated({
      ...base,
      left: a + b,
      right: t + d,
      holds: a + b === t + d,
      message: () =>
        `表三“${t3ColumnLabel(column)}”列：第一项加第二项之和（${a}+${b}=${a + b}）不等于第三项加第四项之和（${t}+${d}=${t + d}）`,
    });
  });

/** Whether T3-BALANCE records nothing without --explain: an operand absent or null, or the two sides equal. */
function balancePassesQuietly(values: SlotValues, slots: readonly number[]): boolean {
  const a = values[slots[0]!];
  const b = values[slots[1]!];
  const t = values[slots[2]!];
  const d = values[slots[3]!];
  return a == null || b == null || t == null || d == null || a + b === t + d;
}

/** Rows whose applicant columns must add up: the template's data rows, and group rows the report filled itself. */
function rowsWithTotals(report: ReportFacts): readonly string[] {
  const template = templateOf(report, '三');
  const rows: string[] = [];
  const all = template.tables.三.rows;
  for (let i = 0; i < all.length; i++) {
    const row = all[i]!;
    // rowTotalIds(…).cells: the row's cell IDs in every T3_COLUMN_IDS column, built once.
    if (row.kind === 'data' || rowTotalIds(row.id).cells.some((id) => report.cells.has(id))) {
      rows.push(row.id);
    }
  }
  return rows;
}

/** T3-ROW-TOTAL: in every row with cells, 总计 equals the sum of the six applicant columns (rule 18). */
export const checkTable3RowTotal: RuleCheck = ({ report }) => {
  const template = templateOf(report, '三');
  if (!keepsPasses()) {
    // Without --explain only a failing row is recorded; a row without cells is not assessable, so every
    // template row can be tried without first asking which group rows the report filled.
    const failures: RuleEvaluation[] = [];
    const rows = template.tables.三.rows;
    const sums = table3SlotPlan(template).rowTotals;
    const values = slotValuesOf(report);
    for (let i = 0; i < rows.length; i++) {
      if (!slotSumPassesQuietly(values, sums[i]!)) {
        failures.push(rowTotalEvaluation(report, template, rows[i]!.id));
      }
    }
    return failures;
  }
  return rowsWithTotals(report).map((row) => rowTotalEvaluation(report, template, row));
};

function rowTotalEvaluation(report: ReportFacts, template: ReportTemplate, row: string): RuleEvaluation {
  const { parts, totalId, cells, subject, expression } = rowTotalIds(row);
  const base = { rule: 'T3-ROW-TOTAL', subject, expression, cells } as const;
  return evaluateSum(
    report,
    base,
    totalId,
    parts,
    (total, sum) => `表三“${rowLabelIn(template, row)}”行：总计${total}不等于六类申请人之和${sum}`,
  );
}

/** Whether a group has sub-rows in this report: not `（六）其他处理` of the 2019 template, a data row there (§4.3). */
function hasSubRows(report: ReportFacts, group: T3Group): boolean {
  return templateHasSubRows(templateOf(report, '三'), group);
}

function templateHasSubRows(template: ReportTemplate, group: T3Group): boolean {
  return template.rowById.get(group.id)?.kind !== 'data';
}

/** The operands of G(g,c) (P2): the group's printed value when there is one, else all its sub-rows. */
function groupOperands(report: ReportFacts, group: T3Group, column: T3ColumnId): readonly string[] {
  const ids = groupColumnIds(group, column);
  if (cellValue(report, ids.own) != null || !hasSubRows(report, group)) {
    return [ids.own];
  }
  return ids.subs;
}

/**
 * T3-OUTCOME-TOTAL: （七）总计 = 予以公开 + 部分公开 + G(不予公开) + G(无法提供) + G(不予处理) + G(其他处理),
 * per column, with G the group value of P2 (rule 19).
 */
export const checkTable3OutcomeTotal: RuleCheck = ({ report }) =>
  T3_COLUMN_IDS.map((column, c): RuleEvaluation => {
    if (!keepsPasses() && outcomeSlotsPassQuietly(slotValuesOf(report), table3SlotPlan(templateOf(report, '三')).outcomes[c]!)) {
      return SKIPPED_EVALUATION;
    }
    const { totalId, disclosed, partial, subject, expression } = outcomeTotalIds(column);
    const parts = [disclosed, partial];
    for (let g = 0; g < T3_GROUPS.length; g++) {
      const operands = groupOperands(report, T3_GROUPS[g]!, column);
      for (let i = 0; i < operands.length; i++) {
        parts.push(operands[i]!);
      }
    }
    const cells = [...parts, totalId];
    const base = { rule: 'T3-OUTCOME-TOTAL', subject, expression, cells } as const;
    return evaluateSum(
      report,
      base,
      totalId,
      parts,
      (total, sum) => `表三“${t3ColumnLabel(column)}”列：（七）总计${total}不等于各项办理结果之和${sum}`,
    );
  });

/** T3-GROUP-SUM: a group value the report prints equals the sum of its sub-rows (rule 20). */
export const checkTable3GroupSum: RuleCheck = ({ report }) => {
  if (!keepsPasses()) {
    return groupSumFailures(report);
  }
  const evaluations: RuleEvaluation[] = [];
  for (let g = 0; g < T3_GROUPS.length; g++) {
    const group = T3_GROUPS[g]!;
    if (!hasSubRows(report, group)) {
      continue;
    }
    for (let c = 0; c < T3_COLUMN_IDS.length; c++) {
      const column = T3_COLUMN_IDS[c]!;
      if (!report.cells.has(groupColumnIds(group, column).own)) {
        continue; // the group row left to its sub-rows, as the template intends: nothing to check
      }
      evaluations.push(groupSumEvaluation(report, group, column));
    }
  }
  return evaluations;
};

/** T3-GROUP-SUM without --explain: only the printed group values that differ from their sub-rows' sum. */
function groupSumFailures(report: ReportFacts): RuleEvaluation[] {
  const evaluations: RuleEvaluation[] = [];
  const plan = table3SlotPlan(templateOf(report, '三')).groups;
  const values = slotValuesOf(report);
  for (let g = 0; g < T3_GROUPS.length; g++) {
    const columns = plan[g];
    if (columns === undefined) {
      continue; // no sub-rows in this template (hasSubRows)
    }
    for (let c = 0; c < columns.length; c++) {
      const slots = columns[c]!;
      // Absent: the group row left to its sub-rows, nothing to check; else a quiet sum records nothing.
      if (values[slots.own] === undefined || slotSumPassesQuietly(values, slots.sum)) {
        continue;
      }
      evaluations.push(groupSumEvaluation(report, T3_GROUPS[g]!, T3_COLUMN_IDS[c]!));
    }
  }
  return evaluations;
}

function groupSumEvaluation(report: ReportFacts, group: T3Group, column: T3ColumnId): RuleEvaluation {
  const { own, subs, cells, subject, expression } = groupColumnIds(group, column);
  const base = { rule: 'T3-GROUP-SUM', subject, expression, cells } as const;
  return evaluateSum(
    report,
    base,
    own,
    subs,
    (parent, sum) => `表三“${t3ColumnLabel(column)}”列：“${group.label}”${parent}不等于其分项之和${sum}`,
  );
}

/** The table 三 rules in catalogue order. */
export const TABLE3_RULES: readonly RuleCheck[] = [checkTable3Balance, checkTable3RowTotal, checkTable3OutcomeTotal, checkTable3GroupSum];
