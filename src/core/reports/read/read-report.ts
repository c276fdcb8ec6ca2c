// Path 1 of the architecture: a decoded source → the reader contract object with its findings.
// Wires the table reader, the document-text reader and validation; never throws on bad data.

import { fingerprintOf } from '../../shared/fingerprint.ts';
import {
  type Finding,
  type FingerprintedFinding,
  finding,
  READ_SCHEMA,
  type ReportReading,
  type RuleEvaluation,
  type SourceDocument,
} from '../report-model.ts';
import { DEFAULT_VALIDATION_SETTINGS, type ReportFacts, toReportFacts, type ValidationSettings } from '../validate/rule.ts';
import { validateReport } from '../validate/validate-report.ts';
import { readDocumentText } from './read-document-text.ts';
import { readTables } from './read-tables.ts';

/** A reading with what produced it: the facts (for cross-year rules) and every rule evaluation. */
export interface ReportAnalysis {
  readonly reading: ReportReading;
  /** Null when the source could not be read. */
  readonly facts: ReportFacts | null;
  /** Findings of the reading step itself (kept so validation can be re-run with a previous year). */
  readonly readingFindings: readonly Finding[];
  readonly evaluations: readonly RuleEvaluation[];
  /** Cell ID → where the cell sits in the source as its user sees it (XLSX `表三!D27`), when known. */
  readonly places?: ReadonlyMap<string, string>;
}

/** Reads one decoded report (annual-report.md §6) and validates it (validation-rules.md). */
export function readReport(
  document: SourceDocument,
  source: string,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): ReportAnalysis {
  const tables = readTables(document);
  const text = readDocumentText(tables.narrativeLines, tables.template, { truncatedIn: tables.truncatedIn });
  const facts = toReportFacts(tables, text);
  const readingFindings = [...(document.findings ?? []), ...tables.findings, ...text.findings];
  const analysis = analyse(source, facts, readingFindings, undefined, settings);
  return document.places === undefined ? analysis : { ...analysis, places: document.places };
}

/** Re-runs validation with the same agency's previous-year facts (validation-rules.md P4, rules 23–24). */
export function revalidateWithPrevious(
  analysis: ReportAnalysis,
  previous: ReportFacts,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): ReportAnalysis {
  if (analysis.facts === null) {
    return analysis;
  }
  const again = analyse(analysis.reading.source, analysis.facts, analysis.readingFindings, previous, settings);
  return analysis.places === undefined ? again : { ...again, places: analysis.places };
}

/** The contract object for a file that could not be read (READ-SOURCE, reader contract §6.1). */
export function unreadableReport(source: string, reason: string): ReportAnalysis {
  const failure: FingerprintedFinding = {
    ...finding('READ-SOURCE', `无法读取文件：${reason}`),
    fingerprint: fingerprintOf('READ-SOURCE', reason),
  };
  return {
    reading: {
      schema: READ_SCHEMA,
      source,
      agency: null,
      year: null,
      template: 'unknown',
      cells: [],
      narrative: [],
      findings: [failure],
    },
    facts: null,
    readingFindings: [failure],
    evaluations: [],
  };
}

function analyse(
  source: string,
  facts: ReportFacts,
  readingFindings: readonly Finding[],
  previous: ReportFacts | undefined,
  settings: ValidationSettings,
): ReportAnalysis {
  const { findings, evaluations } = validateReport({
    report: facts,
    settings,
    readingFindings,
    ...(previous === undefined ? {} : { previous }),
  });
  const reading: ReportReading = {
    schema: READ_SCHEMA,
    source,
    agency: facts.agency,
    year: facts.year,
    template: facts.template,
    cells: [...facts.cells.values()],
    narrative: facts.text.narrative,
    findings: findings satisfies readonly FingerprintedFinding[],
  };
  if (isNotAReport(reading)) {
    // A file that is no annual report (a notice, a README in the batch): one notice, not nine
    // missing tables and sections; no agency or year guessed from its text.
    const notice: FingerprintedFinding = {
      ...finding('NOT-A-REPORT', '这不是政府信息公开工作年度报告（没有找到年度报告的表格和栏目）'),
      fingerprint: fingerprintOf('NOT-A-REPORT'),
    };
    return { reading: { ...reading, agency: null, year: null, findings: [notice] }, facts, readingFindings, evaluations: [] };
  }
  return { reading, facts, readingFindings, evaluations };
}

/** No cell of any table, every table and every section missing: not an annual report at all. */
function isNotAReport(reading: ReportReading): boolean {
  if (reading.cells.length > 0) {
    return false;
  }
  const count = (rule: string) => reading.findings.filter((f) => f.rule === rule).length;
  return count('STRUCT-TABLE') >= 3 && count('STRUCT-SECTION') >= 6;
}
