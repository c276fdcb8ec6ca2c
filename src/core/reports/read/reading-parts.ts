// The interfaces between the parts of the reader (annual-report.md §5–§6):
//   readTables(doc)      → TableReading   (tables 二/三/四, template detection, labels)      read-tables.ts
//   readDocumentText(..) → DocumentText   (title, agency, year, period, sections, narrative) read-document-text.ts
//   validateReport(..)   → findings + evaluations                                            ../validate/validate-report.ts
// readReport (read-report.ts) wires them and builds the ReportReading contract object.

import type { Finding, NarrativeValue, ReadCell } from '../report-model.ts';
import type { DetectedTemplate, SectionId, TableId } from '../template.ts';

/** What the table reader found. */
export interface TableReading {
  readonly template: DetectedTemplate;
  /** Present cells in contract order (table 二, 三, 四; row order, then column order); group-row values included. */
  readonly cells: readonly ReadCell[];
  /** The tables whose heading or body was found. */
  readonly tablesFound: readonly TableId[];
  /** Reading findings: READ-ROW-SHAPE, READ-UNKNOWN-ROW, LABEL-VARIANT, READ-TRUNCATED. */
  readonly findings: readonly Finding[];
  /** When the text ends inside a table (READ-TRUNCATED): tables after it are not reported missing. */
  readonly truncatedIn: TableId | null;
  /** Where in that table the text ends: its cells after that point are missing, not blank (CELL-BLANK). */
  readonly truncatedAt?: TruncatedAt;
  /** The text outside the table bodies, as lines in document order (headings included): the narrative. */
  readonly narrativeLines: readonly string[];
  /** How many of `narrativeLines` come before the first table line (all of them when there is no table). */
  readonly beforeTables?: number;
  /**
   * The index in `narrativeLines` of the text's last line of content, when that line is narrative (no table's text)
   * and the text is not cut inside a table: where a text cut in its prose or in a section heading stops (rule 38).
   */
  readonly endLine?: number;
  /** Absent table 二 cells of rows whose digits ran together: the values the allowed splits give them. */
  readonly runCandidates?: ReadonlyMap<string, RunCandidates>;
  /** A mixed report's labels of each template, as found (TPL-MIXED names them when no cell of theirs was read). */
  readonly templateLabels?: TemplateLabels;
}

/** The labels found that only one template has (`本年新制作数量`, `本年废止件数`), per template. */
export interface TemplateLabels {
  readonly '2019': readonly string[];
  readonly '2021': readonly string[];
}

/**
 * The point a text is cut at in its table, in the template's row order: the first row it does not reach in full
 * (null: it reached every row) and how many of that row's columns, from the left, it does reach.
 */
export interface TruncatedAt {
  readonly row: string | null;
  readonly columns: number;
}

/** A cell of a run-together row that split in several ways: its digits and the values it takes in them. */
export interface RunCandidates {
  /** The row's digits as written (`77132470`). */
  readonly run: string;
  readonly values: readonly number[];
}

/** A section heading as found in the text. */
export interface HeadingMatch {
  readonly id: SectionId;
  /** The line as found (trimmed). */
  readonly found: string;
  /** The official heading of the detected template. */
  readonly official: string;
  /** True when only normalisation differs (no STRUCT-HEADING). */
  readonly exact: boolean;
}

/** A date as written, validated. */
export interface StatedDate {
  readonly raw: string;
  /** YYYY-MM-DD when the date is well formed, else null (META-YEAR malformed date). */
  readonly iso: string | null;
}

/** What the document text says about itself (reader contract §6.4, §6.5). */
export interface DocumentText {
  readonly agency: string | null;
  readonly year: number | null;
  /**
   * Where the year came from: META-IDENTITY notes a body-text fallback. `introduction`: the introduction naming the
   * report it presents (`现公布某局2022年…年度报告`, `现发布《某局2024年…年度报告》`), the title as the text states it.
   */
  readonly yearSource: 'title' | 'period' | 'signature' | 'introduction' | 'body' | null;
  readonly titleYear: number | null;
  /** The stated statistical period (统计期限), if any. */
  readonly period: { readonly from: StatedDate; readonly to: StatedDate; readonly text: string } | null;
  readonly signature: { readonly date: StatedDate; readonly agency: string | null } | null;
  /** Malformed dates in the title block or period (`202020年`, month 13): META-YEAR. */
  readonly malformedDates: readonly string[];
  readonly headings: readonly HeadingMatch[];
  /** Narrative text per section ('preamble' = before 一、总体情况), lines without the heading line. */
  readonly sections: readonly { readonly id: SectionId | 'preamble'; readonly lines: readonly string[] }[];
  /** Figures stated in the narrative (§6.5), in document order. */
  readonly narrative: readonly NarrativeValue[];
  /** Structural findings of the text: STRUCT-SECTION, STRUCT-HEADING, META-IDENTITY, META-YEAR (malformed dates). */
  readonly findings: readonly Finding[];
  /**
   * The section a text cut outside its tables stops in (in its heading or its prose, READ-TRUNCATED): no table of
   * it or of a later section is reported missing (rule 38).
   */
  readonly cutSection?: SectionId;
}
