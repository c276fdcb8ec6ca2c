// Use case: audit many published annual reports in one run (`report check`, `report read`).
// Reads every file (in parallel through the reader port), keeps input order, then runs the
// cross-year rules for pairs of the same agency and consecutive years (validation-rules.md P4).

import { type ReportAnalysis, revalidateWithPrevious } from '#core/reports/read/read-report.ts';
import { type FingerprintedFinding, finding, type Severity } from '#core/reports/report-model.ts';
import { normaliseAgency, pairPreviousYear } from '#core/reports/validate/cross-year-rules.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';
import { fingerprintOf } from '#core/shared/fingerprint.ts';

import type { ReportReaderPort } from './ports.ts';

export type { ReportReaderPort } from './ports.ts';

export interface AuditDeps {
  readonly reader: ReportReaderPort;
  readonly settings: ValidationSettings;
  /** Called after each file is read (for a progress bar). */
  readonly onProgress?: (done: number, total: number, path: string) => void;
  /** Files read at once (default 16): a batch of thousands must not open them all together (EMFILE). */
  readonly concurrency?: number;
  /**
   * `report check --strict` (a report about to be published): a blank cell, 无 or any other text where
   * the template needs a number is an error (CELL-BLANK, CELL-TEXT), as is a formula without result.
   */
  readonly strict?: boolean;
  /** Mark the same agency and year read twice (DUPLICATE-REPORT): a batch audit (`report check`), not `report read`. */
  readonly duplicates?: boolean;
}

const DEFAULT_CONCURRENCY = 16;

export interface AuditSummaryRow {
  readonly source: string;
  readonly template: string;
  readonly year: number | null;
  readonly agency: string | null;
  readonly unreadable: boolean;
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface AuditResult {
  readonly analyses: readonly ReportAnalysis[];
  readonly summary: readonly AuditSummaryRow[];
  /** 2 if any input was unreadable, else 1 if any error finding, else 0 (validation-rules.md P8). */
  readonly exitCode: 0 | 1 | 2;
}

/** Audits the given files; the result keeps the order of `paths`. */
export async function auditReports(paths: readonly string[], deps: AuditDeps): Promise<AuditResult> {
  let done = 0;
  let next = 0;
  const read: ReportAnalysis[] = new Array(paths.length);
  const lane = async (): Promise<void> => {
    while (next < paths.length) {
      const index = next++;
      const path = paths[index]!;
      read[index] = await deps.reader.read(path);
      done += 1;
      deps.onProgress?.(done, paths.length, path);
    }
  };
  const lanes = Math.min(paths.length, Math.max(1, Math.floor(deps.concurrency ?? DEFAULT_CONCURRENCY)));
  await Promise.all(Array.from({ length: lanes }, lane));
  const crossYear = applyCrossYearRules(read, deps.settings);
  const paired = deps.duplicates === true ? markDuplicates(crossYear) : crossYear;
  const analyses = deps.strict === true ? paired.map(strictAnalysis) : paired;
  const summary = analyses.map(summariseAnalysis);
  return { analyses, summary, exitCode: exitCodeOf(summary) };
}

/** Re-validates each report that has the same agency's previous-year report in the batch (pairing of validation-rules.md P4). */
export function applyCrossYearRules(analyses: readonly ReportAnalysis[], settings: ValidationSettings): ReportAnalysis[] {
  const previous = pairPreviousYear(analyses.map(({ facts }) => ({ agency: facts?.agency ?? null, year: facts?.year ?? null, facts })));
  return analyses.map((analysis, index) => {
    const facts = previous[index]?.facts;
    return facts == null ? analysis : revalidateWithPrevious(analysis, facts, settings);
  });
}

/** The rules `--strict` raises to errors: what stops a report from being published as it is. */
const STRICT_RULES: ReadonlySet<string> = new Set(['CELL-BLANK', 'CELL-TEXT', 'READ-FORMULA']);

/** The analysis as `--strict` judges it. */
export function strictAnalysis(analysis: ReportAnalysis): ReportAnalysis {
  if (!analysis.reading.findings.some((f) => STRICT_RULES.has(f.rule))) {
    return analysis;
  }
  const findings = analysis.reading.findings.map((f) => (STRICT_RULES.has(f.rule) ? { ...f, severity: 'error' as const } : f));
  return { ...analysis, reading: { ...analysis.reading, findings } };
}

/**
 * DUPLICATE-REPORT: two readings of one agency (whitespace-insensitive) and year in a batch — a report
 * downloaded twice, or a draft beside the final — each names the other files.
 */
export function markDuplicates(analyses: readonly ReportAnalysis[]): ReportAnalysis[] {
  const byKey = new Map<string, number[]>();
  analyses.forEach((analysis, index) => {
    const { agency, year } = analysis.reading;
    if (agency !== null && year !== null && analysis.facts !== null) {
      const key = `${normaliseAgency(agency)}\u001f${year}`;
      byKey.set(key, [...(byKey.get(key) ?? []), index]);
    }
  });
  const result = [...analyses];
  for (const indices of byKey.values()) {
    if (indices.length < 2) {
      continue;
    }
    for (const index of indices) {
      const analysis = analyses[index]!;
      const others = indices.filter((i) => i !== index).map((i) => `“${analyses[i]!.reading.source}”`);
      const { agency, year } = analysis.reading;
      const duplicate: FingerprintedFinding = {
        ...finding('DUPLICATE-REPORT', `与${others.join('、')}是同一机关同一年度的报告（${agency} ${year}年）`),
        fingerprint: fingerprintOf('DUPLICATE-REPORT', normaliseAgency(agency ?? ''), year ?? 0),
      };
      result[index] = { ...analysis, reading: { ...analysis.reading, findings: [...analysis.reading.findings, duplicate] } };
    }
  }
  return result;
}

export function summariseAnalysis(analysis: ReportAnalysis): AuditSummaryRow {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of analysis.reading.findings) {
    counts[f.severity] += 1;
  }
  return {
    source: analysis.reading.source,
    template: analysis.reading.findings.some((f) => f.rule === 'NOT-A-REPORT') ? 'not-a-report' : analysis.reading.template,
    year: analysis.reading.year,
    agency: analysis.reading.agency,
    unreadable: analysis.reading.findings.some((f) => f.rule === 'READ-SOURCE'),
    counts,
  };
}

export function exitCodeOf(summary: readonly AuditSummaryRow[]): 0 | 1 | 2 {
  if (summary.some((row) => row.unreadable)) {
    return 2;
  }
  return summary.some((row) => row.counts.error > 0) ? 1 : 0;
}
