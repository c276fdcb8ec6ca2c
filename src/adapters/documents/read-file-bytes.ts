// Reading a report file's bytes, looking at the file first: what a batch reads in-process and what
// the source-loader worker reads (this module imports nothing of the reader, so the worker starts fast).
import { readFileSync, type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { DEFAULT_MAX_SOURCE_BYTES, tooLargeReason } from './load-source.ts';

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
