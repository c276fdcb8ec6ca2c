// Runs scripts/score-reader.mjs (a verbatim copy of the shared scorer) over a folder of real reports: the
// reader is started once as `gongkai report read --json` over every report, and its cells, year, agency,
// template and findings are matched to the hand-read ground truth by the official labels. Shared by the
// corpus tests (reader-corpus.test.ts, reader-real-html.test.ts) so they score the same way.

import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The corpus of real reports with their ground truth (NAME.json beside each report). */
export const CORPUS = join(ROOT, 'test/fixtures/corpus/reports');
// Completeness and identity rules fire on every excerpt of a web page: they do not flag an inconsistency.
export const IGNORED_RULES = 'STRUCT-TABLE,STRUCT-SECTION,META-IDENTITY,META-LATE,CELL-BLANK,READ-TRUNCATED';

export type Measure = 'template' | 'year' | 'agency' | 't2' | 't3' | 't4' | 'recall' | 'precision';

/** What the scorer says of one report (the fields the tests read). */
export interface ScoredFile {
  readonly file: string;
  readonly readerOk: boolean;
  readonly template: { readonly gt: string | null; readonly got: string | null; readonly ok: boolean };
  readonly year: { readonly gt: number | null; readonly got: number | null; readonly ok: boolean };
  readonly agency: { readonly gt: string | null; readonly got: string | null; readonly ok: boolean | null };
  readonly tables: Record<'二' | '三' | '四', [number, number]>;
  readonly falseCells: readonly string[];
  readonly wrong: readonly string[];
  readonly unmatched: readonly string[];
  readonly duplicates: number;
}

export interface Scored {
  readonly metrics: Record<Measure | 'falseCells' | 'files' | 'readerObjects', [number, number] | number>;
  readonly files: readonly ScoredFile[];
}

/**
 * Scores the reader on the reports in `corpus`; the ground truth is read from `expected` (default: beside
 * each report). Writes the scorer's JSON to `jsonPath`; `out` is its printed table (with `--verbose`).
 */
export function runScorer(options: {
  readonly jsonPath: string;
  readonly corpus?: string;
  readonly expected?: string;
}): Promise<{ code: number; out: string; err: string }> {
  const reader = `${process.execPath} --disable-warning=ExperimentalWarning ${join(ROOT, 'src/cli/main.ts')} report read --json`;
  const args = [join(ROOT, 'scripts/score-reader.mjs'), '--cmd', reader, '--corpus', options.corpus ?? CORPUS];
  if (options.expected !== undefined) {
    args.push('--expected', options.expected);
  }
  args.push('--ignore-rules', IGNORED_RULES, '--json', options.jsonPath, '--verbose');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, timeout: 240_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: tmpdir() } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}
