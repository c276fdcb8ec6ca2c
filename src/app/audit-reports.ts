// Use case: audit many published annual reports in one run (`report check`, `report read`).
// Reads the files (several at once through the reader port) and streams the results out in input
// order, each once the cross-year rules for pairs of the same agency and consecutive years
// (validation-rules.md P4) and DUPLICATE-REPORT could look at its neighbours (LOOKAHEAD).

import { type ReportAnalysis, revalidateWithPrevious, unreadableReport } from '#core/reports/read/read-report.ts';
import { type FingerprintedFinding, finding, type Severity } from '#core/reports/report-model.ts';
import { normaliseAgency } from '#core/reports/validate/cross-year-rules.ts';
import type { ReportFacts, ValidationSettings } from '#core/reports/validate/rule.ts';
import { fingerprintOf } from '#core/shared/fingerprint.ts';

import type { ListedFile, ReportReaderPort } from './ports.ts';

export type { ReportReaderPort } from './ports.ts';

export interface AuditDeps {
  readonly reader: ReportReaderPort;
  readonly settings: ValidationSettings;
  /** Called after each file is read (for a progress bar). */
  readonly onProgress?: (done: number, total: number, path: string) => void;
  /**
   * Called with each final analysis in input order as soon as it and every earlier one are final
   * (streaming: memory stays flat for any batch size). When given, the result keeps no analyses.
   */
  readonly onResult?: (analysis: ReportAnalysis, index: number) => void | Promise<void>;
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

/**
 * How many later files a report waits for before it is final: its previous-year report (cross-year
 * rules, P4) and its duplicates (DUPLICATE-REPORT) are looked for among every earlier file and the
 * next LOOKAHEAD ones. A batch of up to LOOKAHEAD + 1 files is judged exactly as a whole; in a larger
 * one a pair further apart than that, with the later year first, is not compared. Held analyses are
 * at most LOOKAHEAD + the files in flight, so memory stays flat however large the batch.
 */
export const LOOKAHEAD = 256;

export interface AuditSummaryRow {
  readonly source: string;
  readonly template: string;
  readonly year: number | null;
  readonly agency: string | null;
  readonly unreadable: boolean;
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface AuditResult {
  /** Every analysis in input order — empty when they were handed to `onResult` instead. */
  readonly analyses: readonly ReportAnalysis[];
  readonly summary: readonly AuditSummaryRow[];
  /** 2 if any input was unreadable, else 1 if any error finding, else 0 (validation-rules.md P8). */
  readonly exitCode: 0 | 1 | 2;
}

/** One file of a batch: a path, or a listed file (already known unreadable, or named by its bytes). */
export type AuditInput = string | ListedFile;

const keyOf = (agency: string | null, year: number | null): string | undefined =>
  agency === null || year === null ? undefined : `${normaliseAgency(agency)}\u001f${year}`;

/**
 * The agency and year a duplicate shares: those the reading states (none for a file that is no report), the
 * agency as read in simplified characters (a traditional copy names it as written: `柞水縣…`).
 */
const duplicateKeyOf = (analysis: ReportAnalysis): string | undefined =>
  analysis.reading.agency === null ? undefined : keyOf(analysis.facts?.agency ?? analysis.reading.agency, analysis.reading.year);

/**
 * Audits the given files; results keep the order of `inputs`, streamed through `onResult` when given.
 * Files are read `concurrency` at a time; each result is final once the next LOOKAHEAD files are read.
 */
export async function auditReports(inputs: readonly AuditInput[], deps: AuditDeps): Promise<AuditResult> {
  const files = inputs.map((input): ListedFile => (typeof input === 'string' ? { path: input } : input));
  const n = files.length;
  const held: (ReportAnalysis | undefined)[] = new Array(n);
  const kept: ReportAnalysis[] = [];
  const summary: AuditSummaryRow[] = [];
  // Registered in input order: the first report of each agency and year (its table 二/三 facts, for
  // the next year's cross-year rules) and every report of each key (for DUPLICATE-REPORT).
  const firstOfKey = new Map<string, { index: number; facts: ReportFacts }>();
  const sourcesOfKey = new Map<string, { index: number; source: string }[]>();
  let contiguous = 0;
  let emitted = 0;
  let done = 0;
  let next = 0;
  let flushing = Promise.resolve();

  const register = (index: number): void => {
    const analysis = held[index] as ReportAnalysis;
    const facts = analysis.facts;
    const factsKey = keyOf(facts?.agency ?? null, facts?.year ?? null);
    if (facts != null && factsKey !== undefined && !firstOfKey.has(factsKey)) {
      firstOfKey.set(factsKey, { index, facts: crossYearFacts(facts) });
    }
    const readingKey = duplicateKeyOf(analysis);
    if (deps.duplicates === true && readingKey !== undefined && analysis.facts !== null) {
      const list = sourcesOfKey.get(readingKey) ?? [];
      list.push({ index, source: analysis.reading.source });
      sourcesOfKey.set(readingKey, list);
    }
  };

  /** Whether a later file could still change this one: its previous year or a duplicate could come after it. */
  const waitsForLater = (index: number): boolean => {
    const analysis = held[index] as ReportAnalysis;
    const facts = analysis.facts;
    return (
      (facts != null && keyOf(facts.agency, facts.year) !== undefined) ||
      (deps.duplicates === true && analysis.facts !== null && duplicateKeyOf(analysis) !== undefined)
    );
  };

  const finalise = (index: number): ReportAnalysis => {
    let analysis = held[index] as ReportAnalysis;
    const windowEnd = Math.min(n, index + 1 + LOOKAHEAD);
    const facts = analysis.facts;
    if (facts != null && facts.year !== null) {
      const previous = firstOfKey.get(keyOf(facts.agency, facts.year - 1) ?? '');
      if (previous !== undefined && previous.index < windowEnd) {
        analysis = revalidateWithPrevious(analysis, previous.facts, deps.settings);
      }
    }
    if (deps.duplicates === true) {
      const key = duplicateKeyOf(analysis);
      const others = (key === undefined ? [] : (sourcesOfKey.get(key) ?? [])).filter((o) => o.index !== index && o.index < windowEnd);
      if (others.length > 0 && analysis.facts !== null) {
        analysis = withDuplicateFinding(
          analysis,
          others.map((o) => o.source),
        );
      }
    }
    return deps.strict === true ? strictAnalysis(analysis) : analysis;
  };

  const flush = async (): Promise<void> => {
    while (contiguous < n && held[contiguous] !== undefined) {
      register(contiguous);
      contiguous += 1;
    }
    while (emitted < contiguous && (contiguous === n || contiguous >= emitted + 1 + LOOKAHEAD || !waitsForLater(emitted))) {
      const index = emitted;
      const analysis = finalise(index);
      held[index] = undefined;
      emitted += 1;
      summary.push(summariseAnalysis(analysis));
      if (deps.onResult === undefined) {
        kept.push(analysis);
      } else {
        await deps.onResult(analysis, index);
      }
    }
  };

  const lane = async (): Promise<void> => {
    while (next < n) {
      const index = next++;
      const file = files[index] as ListedFile;
      held[index] =
        file.unreadable === undefined ? await deps.reader.read(file.path, file.rawPath) : unreadableReport(file.path, file.unreadable);
      done += 1;
      deps.onProgress?.(done, n, file.path);
      // One flush at a time, in order (onResult may write to a slow pipe).
      flushing = flushing.then(flush);
      await flushing;
    }
  };
  const lanes = Math.min(n, Math.max(1, Math.floor(deps.concurrency ?? DEFAULT_CONCURRENCY)));
  await Promise.all(Array.from({ length: lanes }, lane));
  await flushing;
  return { analyses: kept, summary, exitCode: exitCodeOf(summary) };
}

/**
 * What the cross-year rules read of a previous year's report: its agency, year, template and tables 二
 * and 三 (T3-CARRY, T2-CONTINUITY; templateOf judges a mixed report per table, so whole tables are
 * kept). Without the text (its sections, headings, period, signature and narrative values) and the
 * narrative lines it is a fraction of the facts, kept for every report of a batch. The cell map is the
 * report's own: a copy without table 四 (~15 of ~200 cells, which no cross-year rule reads) cost a new
 * map for every report of a batch and kept about as much alive.
 */
export function crossYearFacts(facts: ReportFacts): ReportFacts {
  const text = {
    ...facts.text,
    agency: detached(facts.text.agency),
    period: null,
    signature: null,
    headings: [],
    sections: [],
    narrative: [],
    findings: [],
    malformedDates: [],
  };
  return { ...facts, agency: detached(facts.agency), text, narrativeLines: [] };
}

/**
 * A copy of a short string that refers to nothing else. V8 keeps a substring such as a report's
 * agency as a slice of the whole decoded document, so each summary row and each remembered previous
 * year kept its report's entire text alive to the end of the batch (~4 MB for 1,000 seed-size
 * reports, growing with the batch).
 */
function detached(text: string | null): string | null {
  return text === null ? null : (JSON.parse(JSON.stringify(text)) as string);
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
function withDuplicateFinding(analysis: ReportAnalysis, others: readonly string[]): ReportAnalysis {
  const { agency, year } = analysis.reading;
  const duplicate: FingerprintedFinding = {
    ...finding('DUPLICATE-REPORT', `与${others.map((o) => `“${o}”`).join('、')}是同一机关同一年度的报告（${agency} ${year}年）`),
    fingerprint: fingerprintOf('DUPLICATE-REPORT', normaliseAgency(agency ?? ''), year ?? 0),
  };
  return { ...analysis, reading: { ...analysis.reading, findings: [...analysis.reading.findings, duplicate] } };
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
    agency: detached(analysis.reading.agency),
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
