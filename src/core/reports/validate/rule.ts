// The shape every validation rule shares. A rule is a pure function from the facts of one report
// (and, for cross-year rules, the previous year's) to evaluations; failures carry their finding.

import type { DocumentText, RunCandidates, TableReading, TemplateLabels, TruncatedAt } from '../read/reading-parts.ts';
import type { ReadCell, RuleEvaluation } from '../report-model.ts';
import type { DetectedTemplate, TableId } from '../template.ts';

/** Everything the rules may look at for one report. */
export interface ReportFacts {
  readonly template: DetectedTemplate;
  readonly year: number | null;
  readonly agency: string | null;
  /** Present cells by ID (absent = not in the map; missing is not zero). */
  readonly cells: ReadonlyMap<string, ReadCell>;
  readonly tablesFound: readonly TableId[];
  readonly truncatedIn: TableId | null;
  /** Where in `truncatedIn` the text ends: cells after that point are missing, not blank (CELL-BLANK). */
  readonly truncatedAt?: TruncatedAt;
  readonly text: DocumentText;
  readonly narrativeLines: readonly string[];
  /** Absent table 二 cells of run-together rows: the values their allowed splits give (rules 27, 45). */
  readonly runCandidates?: ReadonlyMap<string, RunCandidates>;
  /** A mixed report's labels of each template as the reader found them (TableReading.templateLabels). */
  readonly templateLabels?: TemplateLabels;
}

/** Conventions the rules depend on (validation-rules.md marks them configurable). */
export interface ValidationSettings {
  /** META-LATE: deadline kind. 'auto' = government when the agency name ends in 人民政府, else department. */
  readonly organKind: 'auto' | 'department' | 'government';
}

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = { organKind: 'auto' };

export interface RuleInput {
  readonly report: ReportFacts;
  /** The same agency's report of the year before, when one was given (validation-rules.md P4). */
  readonly previous?: ReportFacts;
  readonly settings: ValidationSettings;
}

export type RuleCheck = (input: RuleInput) => readonly RuleEvaluation[];

/** Builds facts from the reader parts. */
export function toReportFacts(tables: TableReading, text: DocumentText): ReportFacts {
  const cells = new Map<string, ReadCell>();
  const read = tables.cells;
  for (let i = 0; i < read.length; i++) {
    const cell = read[i]!;
    cells.set(cell.id, cell);
  }
  return {
    template: tables.template,
    year: text.year,
    agency: text.agency,
    cells,
    tablesFound: tables.tablesFound,
    truncatedIn: tables.truncatedIn,
    ...(tables.truncatedAt === undefined ? {} : { truncatedAt: tables.truncatedAt }),
    text,
    narrativeLines: tables.narrativeLines,
    ...(tables.runCandidates === undefined ? {} : { runCandidates: tables.runCandidates }),
    ...(tables.templateLabels === undefined ? {} : { templateLabels: tables.templateLabels }),
  };
}
