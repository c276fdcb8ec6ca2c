// Writing an output file the way a user can trust (issue #10): never over an existing file (the
// input included) without --force, and through a temporary file in the same directory renamed into
// place, so a full disk or a crash leaves the old file intact and no `.tmp` behind.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './cli-context.ts';

const WRITE_REASONS: Readonly<Record<string, string>> = {
  EISDIR: '这是一个目录，请给出文件名',
  ENOTDIR: '路径中有一段不是目录',
  EEXIST: '路径中有一段不是目录',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘空间已满，原文件未改动',
  EDQUOT: '磁盘配额已满，原文件未改动',
  ENAMETOOLONG: '文件名太长',
  ENOENT: '无法在该位置创建目录',
};

/** The Chinese reason an OS error code gives for a write that failed. */
export function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return WRITE_REASONS[code] ?? `写入失败（${code || (error instanceof Error ? error.message : String(error))}）`;
}

/** Refuses a target that is a directory, or an existing file without `force` (checked before any work is done). */
export async function checkOutputTarget(target: string, shown: string, force: boolean): Promise<void> {
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isDirectory() === true) {
    throw new UsageError(`无法写入“${shown}”：${WRITE_REASONS.EISDIR}。`);
  }
  if (existing !== undefined && !force) {
    throw new UsageError(`“${shown}”已存在，未覆盖。如确需覆盖，请加 --force。`);
  }
}

/**
 * Writes `bytes` to `target` (absolute), shown to the user as `shown`. Refuses an existing file unless
 * `force`; a failure is a Chinese UsageError naming the file, and leaves neither a partial file nor a
 * temporary one.
 */
export async function writeOutputFile(target: string, shown: string, bytes: Uint8Array | string, force: boolean): Promise<void> {
  await checkOutputTarget(target, shown, force);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await makeParents(dirname(target));
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    // An output that cannot be written is the user's to fix, not an internal error (exit 70).
    throw new UsageError(`无法写入“${shown}”：${writeReason(error)}。`);
  }
}

/**
 * Creates the missing folders above an output file one by one, from the nearest one that exists.
 * Node's `mkdir(…, { recursive: true })` never returns under /proc (it retries ENOENT forever):
 * `report new --out /proc/x/y.md` hung; one level at a time fails at once with the reason.
 */
async function makeParents(directory: string): Promise<void> {
  const missing: string[] = [];
  let at = directory;
  while ((await stat(at).catch(() => undefined)) === undefined) {
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) {
      break;
    }
    at = up;
  }
  for (const folder of missing) {
    await mkdir(folder);
  }
}
