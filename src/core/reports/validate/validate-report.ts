// Runs every rule of validation-rules.md on one report (and, for cross-year rules, the same agency's
// report of the year before), keeps every evaluation for `report read --explain`, and returns the
// failures as fingerprinted findings in a stable order.

import { type Finding, type FingerprintedFinding, type RuleEvaluation, ruleNumber } from '../report-model.ts';
import {
  type DetectedTemplate,
  type ReportTemplate,
  splitCellId,
  T3_COLUMN_IDS,
  TABLE_IDS,
  TEMPLATE_2019,
  TEMPLATE_2021,
  TEMPLATES,
} from '../template.ts';
import { CELL_RULES } from './cell-rules.ts';
import { CROSS_YEAR_RULES } from './cross-year-rules.ts';
import { evaluationOfFinding, failuresOnly, SKIPPED_EVALUATION } from './evaluation.ts';
import { DEFAULT_VALIDATION_SETTINGS, type ReportFacts, type RuleCheck, type RuleInput, type ValidationSettings } from './rule.ts';
import { TABLE2_RULES } from './table2-rules.ts';
import { TABLE3_RULES } from './table3-rules.ts';
import { TABLE4_RULES } from './table4-rules.ts';
import { TEMPLATE_RULES } from './template-rules.ts';
import { TEXT_RULES } from './text-rules.ts';

export { pairPreviousYear } from './cross-year-rules.ts';

/** The table rules of one report alone (validation-rules.md rules 12, 14–22, 31, 32). */
const SINGLE_REPORT_TABLE_RULES: readonly RuleCheck[] = [
  ...TEMPLATE_RULES,
  ...CELL_RULES,
  ...TABLE3_RULES,
  ...TABLE4_RULES,
  ...TABLE2_RULES,
];

/** The table-side rules (validation-rules.md rules 12, 14–24, 31, 32); text rules come from text-rules.ts. */
export const TABLE_RULES: readonly RuleCheck[] = [...SINGLE_REPORT_TABLE_RULES, ...CROSS_YEAR_RULES];

/** One report to validate, with what the reader already found (reader contract §6.6). */
export interface ValidateReportInput {
  readonly report: ReportFacts;
  /** The same agency's report of the year before (P4); cross-year rules are skipped when it does not pair. */
  readonly previous?: ReportFacts;
  readonly settings?: ValidationSettings;
  /** Findings the reader already made (READ-*, LABEL-VARIANT, STRUCT-*, META-IDENTITY …), kept as failed evaluations. */
  readonly readingFindings?: readonly Finding[];
  /**
   * Keep every evaluation (`--explain`, the default), or only the failures — the same findings, without
   * building a fingerprinted evaluation for each pass (most of the rules' cost).
   */
  readonly evaluations?: 'all' | 'failures';
}

/** Findings (failures, ordered, fingerprinted) and every evaluation behind them (`report read --explain`). */
export interface ValidationResult {
  readonly findings: FingerprintedFinding[];
  readonly evaluations: RuleEvaluation[];
  /**
   * Where the cross-year rules' evaluations sit in `evaluations` (`from` inclusive, `to` exclusive: after
   * the other table rules, before the text rules), so {@link revalidateCrossYear} can replace just them.
   */
  readonly crossYear: CrossYearSpan;
}

/** The cross-year rules' place in a result's evaluations, and whether passes were kept there. */
export interface CrossYearSpan {
  readonly from: number;
  readonly to: number;
  readonly evaluations: 'all' | 'failures';
}

/**
 * Validates one report against every rule of validation-rules.md. Never throws on bad data: a cell a rule
 * needs but the report lacks makes that evaluation `not_assessable` (P1).
 */
export function validateReport(input: ValidateReportInput): ValidationResult {
  const ruleInput = {
    report: input.report,
    settings: input.settings ?? DEFAULT_VALIDATION_SETTINGS,
    ...(input.previous === undefined ? {} : { previous: input.previous }),
  };
  const mode = input.evaluations ?? 'all';
  const evaluations: RuleEvaluation[] = (input.readingFindings ?? []).map(evaluationOfFinding);
  let from = 0;
  let to = 0;
  const run = (): void => {
    runChecks(SINGLE_REPORT_TABLE_RULES, ruleInput, evaluations);
    from = evaluations.length;
    runChecks(CROSS_YEAR_RULES, ruleInput, evaluations);
    to = evaluations.length;
    runChecks(TEXT_RULES, ruleInput, evaluations);
  };
  if (mode === 'all') {
    run();
  } else {
    failuresOnly(run);
  }
  return {
    findings: findingsOf(evaluations, input.report.template),
    evaluations,
    crossYear: { from, to, evaluations: mode },
  };
}

/**
 * The result of {@link validateReport} for the same report with `previous` given, from a result computed
 * without it: only the cross-year rules run again (no other rule reads `previous`), their evaluations
 * replace the span `crossYear` names, and the findings are ordered again — identical to validating afresh.
 */
export function revalidateCrossYear(
  report: ReportFacts,
  evaluations: readonly RuleEvaluation[],
  crossYear: CrossYearSpan,
  previous: ReportFacts,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): ValidationResult {
  const crossYearEvaluations: RuleEvaluation[] = [];
  const run = (): void => runChecks(CROSS_YEAR_RULES, { report, previous, settings }, crossYearEvaluations);
  if (crossYear.evaluations === 'all') {
    run();
  } else {
    failuresOnly(run);
  }
  const merged = [...evaluations.slice(0, crossYear.from), ...crossYearEvaluations, ...evaluations.slice(crossYear.to)];
  return {
    findings: findingsOf(merged, report.template),
    evaluations: merged,
    crossYear: { from: crossYear.from, to: crossYear.from + crossYearEvaluations.length, evaluations: crossYear.evaluations },
  };
}

/** Appends what each check returns, leaving out the stand-in for unbuilt passes. */
function runChecks(checks: readonly RuleCheck[], input: RuleInput, into: RuleEvaluation[]): void {
  for (let c = 0; c < checks.length; c++) {
    const evaluations = checks[c]!(input);
    for (let i = 0; i < evaluations.length; i++) {
      const e = evaluations[i]!;
      if (e !== SKIPPED_EVALUATION) {
        into.push(e);
      }
    }
  }
}

function findingsOf(evaluations: readonly RuleEvaluation[], template: DetectedTemplate): FingerprintedFinding[] {
  const findings: FingerprintedFinding[] = [];
  for (const e of evaluations) {
    if (e.status === 'fail' && e.finding !== undefined) {
      findings.push({ ...e.finding, fingerprint: e.fingerprint });
    }
  }
  return sortFindings(findings, template);
}

// ---------------------------------------------------------------- order of findings

type Position = readonly [table: number, row: number, column: number];

function rowIndex(template: ReportTemplate): ReadonlyMap<string, { table: number; row: number }> {
  const index = new Map<string, { table: number; row: number }>();
  TABLE_IDS.forEach((table, t) => {
    template.tables[table].rows.forEach((row, r) => {
      index.set(row.id, { table: t, row: r });
    });
  });
  return index;
}

const ROW_INDEX = new Map([
  [TEMPLATE_2021.id, rowIndex(TEMPLATE_2021)],
  [TEMPLATE_2019.id, rowIndex(TEMPLATE_2019)],
]);

function positionIn(template: ReportTemplate, cellId: string): Position | undefined {
  const { rowId, colId } = splitCellId(cellId);
  const row = template.rowById.get(rowId);
  const at = ROW_INDEX.get(template.id)?.get(rowId);
  if (row === undefined || at === undefined) {
    return undefined;
  }
  // Group rows (outcome.withheld …) carry no columns in the template but a report may fill them.
  const column = row.kind === 'data' ? row.columns.findIndex((c) => c.id === colId) : (T3_COLUMN_IDS as readonly string[]).indexOf(colId);
  return column < 0 ? undefined : [at.table, at.row, column];
}

function positionOf(cellId: string, templates: readonly ReportTemplate[]): Position | undefined {
  for (const template of templates) {
    const position = positionIn(template, cellId);
    if (position !== undefined) {
      return position;
    }
  }
  return undefined;
}

const UNKNOWN_CELL: Position = [TABLE_IDS.length, 0, 0];

/**
 * Orders findings by table (二, 三, 四), row and column of their first cell in the report's template
 * (a group-row ID sorts at its group row), then cell-less findings; ties by rule number, then message.
 */
export function sortFindings<T extends Finding>(findings: readonly T[], template: DetectedTemplate = '2021'): T[] {
  const primary = template === '2019' ? [TEMPLATES['2019'], TEMPLATES['2021']] : [TEMPLATES['2021'], TEMPLATES['2019']];
  // Keys made once per finding, not per comparison (ruleNumber searches the catalogue).
  const keyed = findings.map((f) => {
    const first = f.cells[0];
    return { f, number: ruleNumber(f.rule), position: first === undefined ? undefined : (positionOf(first, primary) ?? UNKNOWN_CELL) };
  });
  keyed.sort((a, b) => {
    if (a.position === undefined || b.position === undefined) {
      if (a.position !== b.position) {
        return a.position === undefined ? 1 : -1;
      }
    } else {
      for (let i = 0; i < 3; i++) {
        const d = (a.position[i] ?? 0) - (b.position[i] ?? 0);
        if (d !== 0) {
          return d;
        }
      }
    }
    // Array.prototype.sort is stable: equal keys keep the order the rules emitted them in
    // (document order for text findings, e.g. 机关 before 年度 for META-IDENTITY).
    return a.number - b.number;
  });
  return keyed.map((k) => k.f);
}
