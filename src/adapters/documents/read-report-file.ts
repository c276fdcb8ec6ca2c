// One file on disk → one ReportAnalysis: load (any format), read, validate. Never rejects for bad
// input: an unreadable file is a READ-SOURCE analysis, so a batch always goes on.
import { readFileSync, type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type ReadReportOptions, type ReportAnalysis, readReport, unreadableReport } from '#core/reports/read/read-report.ts';
import { parseReadingJson, readingToDocument } from '#core/reports/render/render-json.ts';
import { renderPipe } from '#core/reports/render/render-pipe.ts';
import type { ValidationSettings } from '#core/reports/validate/rule.ts';
import { DEFAULT_MAX_SOURCE_BYTES, loadSource, tooLargeReason } from './load-source.ts';

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件不存在',
  EISDIR: '这是一个目录，不是文件',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  ENAMETOOLONG: '路径太长',
  ELOOP: '符号链接形成循环',
  ENOTDIR: '路径中有一段不是目录',
};

/** A file refused before reading it (a device, a pipe, too large): `reason` is what the user reads. */
export class RefusedFileError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

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

/** The Chinese reason a file could not be read (readBytes' errors). */
export function readFailureReason(error: unknown): string {
  if (error instanceof RefusedFileError) {
    return error.reason;
  }
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return FS_REASONS[code] ?? `读取失败（${code || String(error)}）`;
}

/** Files up to this size are read synchronously (readBytes). */
const SYNC_READ_LIMIT = 1024 * 1024;

/**
 * Reads a report file, looking at it first (stat): anything that is not a regular file — a device
 * such as /dev/zero, a FIFO that would block forever, a socket — and any file over the size limit
 * is refused before a byte is read (RefusedFileError). A regular file of up to 1 MB (every text or
 * HTML report) is read synchronously: ~10 µs, against ~100 µs of thread-pool round trips for
 * fs/promises, as much as a tenth of reading and auditing a report; larger ones asynchronously.
 */
export async function readBytes(path: string | Buffer, maxBytes: number = DEFAULT_MAX_SOURCE_BYTES): Promise<Uint8Array> {
  const stats = statSync(path);
  if (stats.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: ${String(path)}`), { code: 'EISDIR' });
  }
  if (!stats.isFile()) {
    throw new RefusedFileError(`不是普通文件（${specialKind(stats)}），未读取`);
  }
  if (stats.size > maxBytes) {
    throw new RefusedFileError(tooLargeReason(stats.size, maxBytes));
  }
  return stats.size <= SYNC_READ_LIMIT ? readFileSync(path) : await readFile(path);
}

function specialKind(stats: Stats): string {
  if (stats.isFIFO()) {
    return '命名管道';
  }
  if (stats.isCharacterDevice() || stats.isBlockDevice()) {
    return '设备文件';
  }
  return stats.isSocket() ? '套接字' : '特殊文件';
}

/** DOCX, XLSX (zip), DOC (compound file) and PDF: formats whose parsers can take long on a hostile file (read under a time budget). */
export function isPackagedFormat(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    return true;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-', 0, 'latin1');
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
  const loaded = await loadSource(plain, fileName);
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
