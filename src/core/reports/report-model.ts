// The report value types shared by the reader, the rules and the renderers.
// ReportReading is the reader output contract `gongkai/report-read@1` (annual-report.md §6): its keys
// and their order are fixed; tools outside the project read it.

import type { DetectedTemplate, SectionId, TableId, TemplateId } from './template.ts';

export const READ_SCHEMA = 'gongkai/report-read@1';

export type Severity = 'error' | 'warning' | 'notice';

/** A problem found in a report (validation-rules.md; reader contract §6.6). */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Simplified Chinese, built from the catalogue's message template. */
  readonly message: string;
  /** Operand cell IDs in catalogue order; [] for narrative-only findings. */
  readonly cells: readonly string[];
}

/** A finding with its stable fingerprint (kept across re-runs for reviewer verdicts). */
export interface FingerprintedFinding extends Finding {
  readonly fingerprint: string;
}

/** One cell as read (reader contract §6.2). Absent cells are not listed; a present cell may have value null. */
export interface ReadCell {
  readonly table: TableId;
  /** Official row label (table 三: the path). */
  readonly row: string;
  /** Official leaf column label. */
  readonly column: string;
  /** `<rowId>.<colId>`. */
  readonly id: string;
  readonly value: number | null;
  /** The cell text, trimmed, inner line breaks removed, otherwise as found. */
  readonly raw: string;
}

/** A figure stated in the narrative (reader contract §6.5). */
export interface NarrativeValue {
  readonly text: string;
  readonly value: number;
}

/** The reader output contract, one object per input file, keys in this order. */
export interface ReportReading {
  readonly schema: typeof READ_SCHEMA;
  readonly source: string;
  readonly agency: string | null;
  readonly year: number | null;
  readonly template: DetectedTemplate;
  readonly cells: readonly ReadCell[];
  readonly narrative: readonly NarrativeValue[];
  readonly findings: readonly Finding[];
}

// ---------------------------------------------------------------- rule catalogue (validation-rules.md §2)

/** Rule IDs in catalogue order (the rule number is the index + 1). */
export const RULE_IDS = [
  'READ-SOURCE',
  'READ-ROW-SHAPE',
  'READ-UNKNOWN-ROW',
  'STRUCT-TABLE',
  'STRUCT-SECTION',
  'STRUCT-HEADING',
  'META-IDENTITY',
  'META-PERIOD',
  'META-LATE',
  'TPL-YEAR',
  'TPL-EARLY',
  'TPL-MIXED',
  'LABEL-VARIANT',
  'CELL-BLANK',
  'CELL-TEXT',
  'CELL-VALUE',
  'T3-BALANCE',
  'T3-ROW-TOTAL',
  'T3-OUTCOME-TOTAL',
  'T3-GROUP-SUM',
  'T4-SUM',
  'T2-IN-FORCE-FLOOR',
  'T3-CARRY',
  'T2-CONTINUITY',
  'NARR-T3-RECEIVED',
  'NARR-T4',
  'NARR-T2',
  'NARR-FEE',
  'NARR-SUM',
  'NARR-SUM-PARTIAL',
  'T2-2019-CUMULATIVE',
  'CELL-SIGN',
  'META-YEAR',
  'NARR-STALE-YEAR',
  'NARR-COUNT',
  'NARR-PERCENT',
  'STRUCT-OUTLINE',
  'READ-TRUNCATED',
  'READ-RUN-TOGETHER',
  'READ-FORMULA',
  'NOT-A-REPORT',
  'DUPLICATE-REPORT',
  'T3-OTHER-FLAT',
  'NARR-SUM-LIST',
  'NARR-T2-IN-FORCE',
  'META-YEAR-TEXT',
  'STRUCT-NUMBERING',
  'READ-FORMULA-COMPUTED',
  'NARR-CHANNEL',
  'READ-ENCODING',
  'NARR-T3-HANDLED',
  'NARR-T3-CARRIED',
  'NARR-ORDINAL',
  'TPL-BEFORE',
  'NARR-BALANCE',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const RULE_SEVERITY = {
  'READ-SOURCE': 'error',
  'READ-ROW-SHAPE': 'warning',
  'READ-UNKNOWN-ROW': 'notice',
  'STRUCT-TABLE': 'warning',
  'STRUCT-SECTION': 'warning',
  'STRUCT-HEADING': 'notice',
  'META-IDENTITY': 'notice',
  'META-PERIOD': 'warning',
  'META-LATE': 'notice',
  'TPL-YEAR': 'warning',
  'TPL-EARLY': 'notice',
  'TPL-MIXED': 'warning',
  'LABEL-VARIANT': 'notice',
  'CELL-BLANK': 'notice',
  'CELL-TEXT': 'notice',
  'CELL-VALUE': 'error',
  'T3-BALANCE': 'error',
  'T3-ROW-TOTAL': 'error',
  'T3-OUTCOME-TOTAL': 'error',
  'T3-GROUP-SUM': 'error',
  'T4-SUM': 'error',
  'T2-IN-FORCE-FLOOR': 'warning',
  'T3-CARRY': 'error',
  'T2-CONTINUITY': 'warning',
  'NARR-T3-RECEIVED': 'warning',
  'NARR-T4': 'warning',
  'NARR-T2': 'warning',
  'NARR-FEE': 'warning',
  'NARR-SUM': 'warning',
  'NARR-SUM-PARTIAL': 'notice',
  'T2-2019-CUMULATIVE': 'error',
  'CELL-SIGN': 'warning',
  'META-YEAR': 'warning',
  'NARR-STALE-YEAR': 'warning',
  'NARR-COUNT': 'warning',
  'NARR-PERCENT': 'warning',
  'STRUCT-OUTLINE': 'warning',
  'READ-TRUNCATED': 'notice',
  'READ-RUN-TOGETHER': 'notice',
  /** A spreadsheet formula saved without its result: the cell's value is unknown (issue #10). */
  'READ-FORMULA': 'warning',
  /** The file is no annual report at all: one notice instead of every missing table (issue #10). */
  'NOT-A-REPORT': 'notice',
  /** A batch holds the same agency and year twice (issue #10). */
  'DUPLICATE-REPORT': 'warning',
  'T3-OTHER-FLAT': 'warning',
  'NARR-SUM-LIST': 'warning',
  'NARR-T2-IN-FORCE': 'warning',
  'META-YEAR-TEXT': 'warning',
  'STRUCT-NUMBERING': 'warning',
  /** Plain sums saved without their result, computed from their cells (issue #10). */
  'READ-FORMULA-COMPUTED': 'notice',
  'NARR-CHANNEL': 'warning',
  'READ-ENCODING': 'warning',
  'NARR-T3-HANDLED': 'warning',
  'NARR-T3-CARRIED': 'warning',
  'NARR-ORDINAL': 'warning',
  /** A report of 2018 or before, without the template's tables: no template to check its outline against. */
  'TPL-BEFORE': 'notice',
  /** The narrative's own application figures: received + carried in = answered + carried over (rule 17 for the text). */
  'NARR-BALANCE': 'warning',
} as const satisfies Record<RuleId, Severity>;

/** Rule number in the catalogue (1-based). */
export function ruleNumber(rule: RuleId): number {
  return RULE_IDS.indexOf(rule) + 1;
}

/** Builds a finding with the catalogue severity. */
export function finding(rule: RuleId, message: string, cells: readonly string[] = []): Finding {
  return { rule, severity: RULE_SEVERITY[rule], message, cells };
}

// ---------------------------------------------------------------- evaluations (`report read --explain`)

export type EvaluationStatus = 'pass' | 'fail' | 'not_assessable';

/**
 * One evaluation of one rule on one subject (a column, a row, a sentence …). Every evaluation is
 * recorded; failures carry their finding. A rule that needs a missing cell is `not_assessable`,
 * never guessed (validation-rules.md P1).
 */
export interface RuleEvaluation {
  readonly rule: RuleId;
  /** What was checked, readable: `received.total + carried_in.total = outcome.total.total + carried_out.total`. */
  readonly expression: string;
  /** Left and right sides as computed (decimal strings for amounts), null when not assessable. */
  readonly left: string | number | null;
  readonly right: string | number | null;
  /** left − right when both are numbers, else null. */
  readonly delta: string | number | null;
  readonly status: EvaluationStatus;
  /** Operand cell IDs (P6). */
  readonly cells: readonly string[];
  /** For not_assessable: the operands that were absent or null. */
  readonly missing?: readonly string[];
  /** Stable across re-runs of the same report: rule + subject + operands, not the values. */
  readonly fingerprint: string;
  readonly finding?: Finding;
}

// ---------------------------------------------------------------- the authored report (rendering, round trips)

/** A cell value as an author or the reader holds it: a number, or a present cell with no number ('/', '—'). */
export interface CellEntry {
  readonly value: number | null;
  readonly raw: string;
}

/**
 * A whole report document: what the renderers write and the round trip reads back.
 * `cells` holds only present cells (missing is not zero); keys are cell IDs of `template`.
 */
export interface ReportDocument {
  readonly template: TemplateId;
  readonly agency: string | null;
  readonly year: number | null;
  /** Paragraphs before 一、总体情况 after the title (e.g. the statistical period sentence). */
  readonly preamble: readonly string[];
  /** Narrative paragraphs per section; tables are placed by the renderer after the section's paragraphs. */
  readonly sections: Readonly<Partial<Record<SectionId, readonly string[]>>>;
  readonly cells: ReadonlyMap<string, CellEntry>;
  /** Signature block: organ name and date (YYYY-MM-DD). */
  readonly signature?: { readonly agency: string; readonly date: string };
}

// ---------------------------------------------------------------- what an adapter hands the core reader

/** A paragraph of text or a table grid. Grids keep positions: merged cells leave '' placeholders. */
export type SourceBlock =
  | {
      readonly kind: 'text';
      readonly text: string;
      /**
       * The text as the file writes it, where it was converted from traditional characters (`柞水縣鳳凰鎮`):
       * the same length as `text`, character for character; absent when nothing was converted.
       */
      readonly written?: string;
    }
  | { readonly kind: 'table'; readonly rows: readonly (readonly string[])[] };

/** The decoded content of one file, already converted to Simplified Chinese by the adapter. */
export interface SourceDocument {
  readonly blocks: readonly SourceBlock[];
  /** Findings of the decoding step itself (a spreadsheet formula without its saved result). */
  readonly findings?: readonly Finding[];
  /** Where each cell ID sits in the source as its user sees it (XLSX: `表三!D27`). */
  readonly places?: ReadonlyMap<string, string>;
  /**
   * A plain-text file that ends without a line break: its last characters may be where a download, a
   * web archive or a copy was cut, so a number touching the end may have lost digits (`9` of `93`).
   */
  readonly openEnd?: boolean;
}
