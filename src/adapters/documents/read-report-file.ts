// One file on disk → one ReportAnalysis: load (any format), read, validate. Never rejects for bad
// input: an unreadable file is a READ-SOURCE analysis, so a batch always goes on.
import { basename } from 'node:path';
import { type ReadReportOptions, type ReportAnalysis, readReport, unreadableReport } from '#core/reports/read/read-report.ts';
import { parseReadingJson, readingToDocument } from '#core/reports/render/render-json.ts';
import { renderPipe } from '#core/reports/render/render-pipe.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';
import { type LoadedSource, loadSource } from './load-source.ts';
import { readBytes, readFailureReason } from './read-file-bytes.ts';

export { isPackagedFormat, RefusedFileError, readBytes, readFailureReason } from './read-file-bytes.ts';

/**
 * Reads and audits one report file; `source` is the path as given (for a path given as bytes — a
 * file name that is not UTF-8 — the name shown).
 */
export async function readReportFile(
  path: string | Buffer,
  settings: ValidationSettings,
  source: string = String(path),
  options: ReadReportOptions = {},
): Promise<ReportAnalysis> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(path);
  } catch (error) {
    return unreadableFileReport(source, error);
  }
  return readReportBytes(bytes, basename(source), source, settings, options);
}

/** The analysis of a file readBytes could not read, with the reason. */
export function unreadableFileReport(source: string, error: unknown): ReportAnalysis {
  return unreadableReport(source, readFailureReason(error));
}

/** Reads and audits report bytes (an upload, a file). */
export async function readReportBytes(
  bytes: Uint8Array,
  fileName: string,
  source: string,
  settings: ValidationSettings,
  options: ReadReportOptions = {},
): Promise<ReportAnalysis> {
  // A Node Buffer (readFile, an HTTP body) is handed on as a plain Uint8Array view: pdf.js refuses
  // Buffers, which made every PDF given on the command line unreadable.
  const plain = Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  return readLoadedSource(await loadSource(plain, fileName), source, settings, options);
}

/** Reads and audits a loaded source (readReportBytes after loadSource; a source loaded on a worker thread). */
export function readLoadedSource(
  loaded: LoadedSource,
  source: string,
  settings: ValidationSettings,
  options: ReadReportOptions = {},
): ReportAnalysis {
  if (!loaded.ok) {
    return unreadableReport(source, loaded.reason);
  }
  if (loaded.format === 'json' && loaded.jsonText !== undefined) {
    // A report-read@1 object (what `report read --json` writes, or an authored report from
    // `report new --to json`): render it in the pipe layout and read that, so every input goes
    // through one reader; the round-trip tests guarantee the cells come back unchanged.
    const parsed = parseJsonReading(loaded.jsonText);
    if (!parsed.ok) {
      return unreadableReport(source, parsed.error);
    }
    const text = renderPipe(readingToDocument(parsed.reading, parsed.text));
    return readReport({ blocks: [{ kind: 'text', text }] }, source, settings, options);
  }
  return readReport(loaded.document, source, settings, options);
}

function parseJsonReading(text: string): ReturnType<typeof parseReadingJson> {
  const whole = parseReadingJson(text);
  if (whole.ok) {
    return whole;
  }
  // JSON Lines from `report read --json`: read the first object.
  const firstLine = text.split('\n').find((line) => line.trim() !== '');
  if (firstLine === undefined || firstLine.trim() === text.trim()) {
    return whole;
  }
  // When the first line is no reading either, the whole file's error says where it goes wrong.
  const line = parseReadingJson(firstLine);
  return line.ok ? line : whole;
}
