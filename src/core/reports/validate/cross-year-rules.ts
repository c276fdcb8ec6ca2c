// Rules across two years of one agency (validation-rules.md §2.4, rules 23–24; pairing P4). Operands of
// the previous year's report are written `prev:<cell id>` in expressions and `missing`; `cells` of a
// finding are the later year's cells only, as the finding goes to that report.

import type { RuleEvaluation } from '../report-model.ts';
import { splitCellId, T3_COLUMN_IDS, T3_GROUPS, TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import { cellValue, evaluated, notAssessable, readOperands } from './evaluation.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { rowLabelIn, t3ColumnLabel, templateOf } from './template-of.ts';

/** P4: agency names compare with all whitespace removed (titles wrap and space names differently). */
export function normaliseAgency(agency: string): string {
  return agency.replace(/[\s\u3000\u00a0]+/g, '');
}

const OTHER_SUBS = T3_GROUPS.find((g) => g.id === 'outcome.other')?.subs.map(([sub]) => sub) ?? [];

/** Whether `previous` is the same agency's report of the year before `report` (validation-rules.md P4). */
export function isPreviousYearOf(report: ReportFacts, previous: ReportFacts): boolean {
  return (
    report.agency !== null &&
    previous.agency !== null &&
    report.year !== null &&
    previous.year === report.year - 1 &&
    normaliseAgency(report.agency) === normaliseAgency(previous.agency)
  );
}

/**
 * For each item, the item of the same agency (whitespace removed) and the year before, if the batch has one
 * (P4); the first such item wins. Lets the batch CLI run cross-year rules on the later year's report.
 */
export function pairPreviousYear<T extends { readonly agency: string | null; readonly year: number | null }>(
  items: readonly T[],
): readonly (T | undefined)[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    if (item.agency !== null && item.year !== null) {
      const key = `${normaliseAgency(item.agency)}\u001f${item.year}`;
      if (!byKey.has(key)) {
        byKey.set(key, item);
      }
    }
  }
  return items.map((item) =>
    item.agency === null || item.year === null ? undefined : byKey.get(`${normaliseAgency(item.agency)}\u001f${item.year - 1}`),
  );
}

/**
 * The value a report gives for a 2021-template cell ID, mapping a 2019-template report per
 * annual-report.md §4.2/§4.3: 1:1 where the IDs agree, `issued` ← `new_made` (approximate),
 * `outcome.other.<col>` = the group value (2019 data row, or G of P2 in a 2021 report); undefined
 * where the 2019 template has no source — above all `in_force`, which `published_total` never feeds.
 */
export function valueAs2021(report: ReportFacts, id: string): number | null | undefined {
  const { rowId, colId } = splitCellId(id);
  if (rowId === 'outcome.other') {
    const own = cellValue(report, id);
    if (own != null || templateOf(report, '三').id === '2019') {
      return own;
    }
    const subs = OTHER_SUBS.map((sub) => cellValue(report, `outcome.other.${sub}.${colId}`));
    return subs.every((v) => v != null) ? subs.reduce((sum: number, v) => sum + (v ?? 0), 0) : undefined;
  }
  const table = TEMPLATE_2021.cellById.get(id)?.table;
  if (table === undefined) {
    return undefined;
  }
  if (templateOf(report, table).id === '2021') {
    return cellValue(report, id);
  }
  if (colId === 'issued') {
    return cellValue(report, `${rowId}.new_made`);
  }
  // IDs shared by both templates map 1:1; 2021-only cells (in_force, amount_wan, 其他处理 sub-rows) have no source.
  return TEMPLATE_2019.cellById.has(id) ? cellValue(report, id) : undefined;
}

/** T3-CARRY: 上年结转 of year Y equals 结转下年度继续办理 of year Y−1, per column (rule 23). */
export const checkTable3Carry: RuleCheck = ({ report, previous }) => {
  if (previous === undefined || !isPreviousYearOf(report, previous)) {
    return [];
  }
  const prevYear = previous.year ?? 0;
  return T3_COLUMN_IDS.map((column): RuleEvaluation => {
    const inId = `carried_in.${column}`;
    const outId = `carried_out.${column}`;
    const base = {
      rule: 'T3-CARRY',
      subject: `column:${column}@${prevYear}`,
      expression: `${inId} = prev:${outId}`,
      cells: [inId],
    } as const;
    const a = cellValue(report, inId);
    const b = cellValue(previous, outId);
    if (a == null || b == null) {
      return notAssessable({ ...base, missing: [...(a == null ? [inId] : []), ...(b == null ? [`prev:${outId}`] : [])] });
    }
    return evaluated({
      ...base,
      left: a,
      right: b,
      holds: a === b,
      message: () => `表三“${t3ColumnLabel(column)}”列：上年结转${a}件，与${prevYear}年度报告“四、结转下年度继续办理”${b}件不一致`,
    });
  });
};

const STOCK_ROWS = ['rules', 'normative_documents'] as const;

/**
 * T2-CONTINUITY (both years 2021 template): 现行有效 Y = 现行有效 Y−1 + 制发 Y − 废止 Y. A warning only:
 * amendments, re-classification and clean-ups break it legitimately (rule 24).
 */
export const checkTable2Continuity: RuleCheck = ({ report, previous }) => {
  if (previous === undefined || !isPreviousYearOf(report, previous)) {
    return [];
  }
  if (templateOf(report, '二').id !== '2021' || templateOf(previous, '二').id !== '2021') {
    return []; // 对外公开总数量 of 2019 is not a stock in force (annual-report.md §4.2)
  }
  return STOCK_ROWS.map((row): RuleEvaluation => {
    const [issuedId, repealedId, inForceId] = ['issued', 'repealed', 'in_force'].map((c) => `${row}.${c}`) as [string, string, string];
    const cells = [issuedId, repealedId, inForceId];
    const base = {
      rule: 'T2-CONTINUITY',
      subject: `row:${row}@${previous.year}`,
      expression: `${inForceId} = prev:${inForceId} + ${issuedId} − ${repealedId}`,
      cells,
    } as const;
    const current = readOperands(report, cells);
    const p = valueAs2021(previous, inForceId);
    if (current.missing.length > 0 || p == null) {
      return notAssessable({ ...base, missing: [...current.missing, ...(p == null ? [`prev:${inForceId}`] : [])] });
    }
    const [i, r, f] = cells.map((id) => current.values.get(id) ?? 0) as [number, number, number];
    const expected = p + i - r;
    return evaluated({
      ...base,
      left: f,
      right: expected,
      holds: f === expected,
      message: () => `表二“${rowLabelIn(TEMPLATE_2021, row)}”：现行有效件数${f}，按上年${p}加本年制发${i}减本年废止${r}应为${expected}`,
    });
  });
};

/** The cross-year rules in catalogue order. */
export const CROSS_YEAR_RULES: readonly RuleCheck[] = [checkTable3Carry, checkTable2Continuity];
