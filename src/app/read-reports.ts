// Use case: read and audit published annual reports — `report read FILE…` (the files as given) and
// `report check DIR_OR_FILE…` (directories expanded in sorted path order) — on worker threads for
// big batches, keeping input order, cross-year rules for consecutive years of one agency.
import { type ReportAnalysis, unreadableReport, withFailuresOnly, withHeldFacts } from '#core/reports/read/read-report.ts';
import { DEFAULT_VALIDATION_SETTINGS } from '#core/reports/validate/rule.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import { type AuditResult, auditReports } from './audit-reports.ts';
import type { AppDeps, InputListing } from './ports.ts';

export interface ReadReportsInput {
  /** `read`: the inputs are files; `check`: files or directories. */
  readonly mode: 'read' | 'check';
  readonly inputs: readonly string[];
  /** Worker threads at most (capped at the cores; default one per core but the main thread's). */
  readonly jobs?: number;
  /** Keep every rule evaluation (`--explain`). */
  readonly explain: boolean;
  /** `--strict`: blank cells, 无 and other text where a number belongs are errors. */
  readonly strict?: boolean;
  /** Called after each file is read (a progress bar). */
  readonly onProgress?: (done: number, total: number, path: string) => void;
  /** Each final analysis in input order, as soon as it is final (the result then keeps none). */
  readonly onResult?: (analysis: ReportAnalysis, index: number) => void | Promise<void>;
}

export interface ReadReportsResult extends AuditResult {
  /** What listing did not follow (links into a folder already listed), for the summary. */
  readonly skipped: InputListing['skipped'];
}

/** Reads and audits the inputs; exit code 0 / 1 (error findings) / 2 (unreadable input) as validation-rules.md P8. */
export async function readReports(deps: Pick<AppDeps, 'reports'>, input: ReadReportsInput): Promise<ReadReportsResult> {
  if (input.inputs.length === 0) {
    throw new DomainError('INVALID_INPUT', input.mode === 'read' ? '请指定要读取的报告文件。' : '请指定要审核的目录或文件。');
  }
  if (input.jobs !== undefined && (!Number.isInteger(input.jobs) || input.jobs < 1)) {
    throw new DomainError('INVALID_INPUT', `--jobs 必须是正整数，收到“${String(input.jobs)}”。`);
  }
  const listing: InputListing =
    input.mode === 'check' ? await deps.reports.listInputs(input.inputs) : { files: input.inputs.map((path) => ({ path })), skipped: [] };
  const reader = await deps.reports.openReader({
    files: listing.files.length,
    explain: input.explain,
    ...(input.jobs === undefined ? {} : { jobs: input.jobs }),
  });
  try {
    const audit = await auditReports(listing.files, {
      reader: {
        async read(path, rawPath) {
          try {
            const analysis = withSource(await reader.read(path, rawPath), path);
            // Without --explain only the failing evaluations are read (where a finding's cells say what
            // they should be): holding just those keeps memory down.
            // (The readers already build no others; this keeps a port that does honest.)
            // Nor the lines only single-report rules read, which never run again (withHeldFacts).
            return input.explain ? analysis : withHeldFacts(withFailuresOnly(analysis));
          } catch (error) {
            // A defect while reading one file (a crashed worker, a parser bug): reported on that
            // file, never the end of the batch.
            return unreadableReport(path, `读取时发生内部错误（${error instanceof Error ? error.message : String(error)}）`);
          }
        },
      },
      settings: DEFAULT_VALIDATION_SETTINGS,
      concurrency: reader.concurrency,
      strict: input.strict === true,
      duplicates: input.mode === 'check',
      ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
      ...(input.onResult === undefined ? {} : { onResult: input.onResult }),
    });
    return { ...audit, skipped: listing.skipped };
  } finally {
    await reader.close();
  }
}

/** The analysis with its source named as the user gave it (not the absolute path read). */
export function withSource(analysis: ReportAnalysis, source: string): ReportAnalysis {
  // The in-process reader names it so already: no copy of the analysis and its reading per file.
  if (analysis.reading.source === source) {
    return analysis;
  }
  return { ...analysis, reading: { ...analysis.reading, source } };
}
