// Small JSON documents in the data directory, written so a crash never leaves half a file:
// temp file in the same directory, fsync, rename (architecture.md, Files).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '#core/shared/domain-error.ts';

const ACCESS_REASONS: Readonly<Record<string, string>> = {
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '文件系统只读',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已满',
  EISDIR: '这是一个目录',
  ENOTDIR: '路径中有一段不是目录',
  // mkdir of a directory where a file stands
  EEXIST: '路径中有一段不是目录',
};

/**
 * A data-directory file that cannot be used, said in Chinese with the file and what to do (never
 * EROFS, ENOSPC or `Unexpected token` alone): CONFIG_INVALID, exit 78.
 */
export function dataFileError(path: string, problem: string, advice: string, cause?: unknown): DomainError {
  const detail = cause instanceof Error ? cause.message : cause === undefined ? undefined : String(cause);
  return new DomainError('CONFIG_INVALID', `数据目录中的文件“${path}”${problem}。${advice}`, detail === undefined ? {} : { detail });
}

const WRITE_ADVICE = '请检查磁盘空间和权限，或用环境变量 GONGKAI_DATA_DIR 指定一个可写的数据目录；本次修改未保存。';

/** Reads a JSON document, or `undefined` when the file does not exist (a UTF-8 BOM is accepted). */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') {
      return undefined;
    }
    throw dataFileError(path, `无法读取（${ACCESS_REASONS[code] ?? code}）`, '请检查该文件及其目录的权限。', error);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch (error) {
    throw dataFileError(
      path,
      '已损坏或被手工改坏（不是有效的 JSON）',
      '请从备份恢复该文件，或把它改名后重新设置（改名后其中的设置和修改记录不再生效）。',
      error,
    );
  }
}

/**
 * Writes a JSON document atomically: temp file, fsync, rename over the target. A failure (read-only
 * or full disk, no permission) leaves the old file and no temp file, and is a Chinese CONFIG_INVALID.
 */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw dataFileError(path, `无法写入（${ACCESS_REASONS[code] ?? code}）`, WRITE_ADVICE, error);
  }
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` as the only writer of `path`: after every earlier task on it in this process, and
 * holding `<path>.lock` against other processes (several `gongkai settings set` at once must not lose
 * a change to a read-modify-write race).
 */
export function serialized<T>(path: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const locked = () => withFileLock(path, task);
  const next = previous.then(locked, locked);
  const settled = next.catch(() => undefined);
  queues.set(path, settled);
  void settled.then(() => {
    if (queues.get(path) === settled) {
      queues.delete(path);
    }
  });
  return next;
}

/** A lock older than this is taken to be left by a crashed process (a write takes milliseconds). */
const STALE_LOCK_MS = 10_000;
/** How long a writer waits for the lock before giving up with an error. */
const LOCK_WAIT_MS = 30_000;

async function withFileLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  // A data directory that cannot be written fails here first: said in Chinese like any write.
  const cannotWrite = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return dataFileError(path, `无法写入（${ACCESS_REASONS[code] ?? code}）`, WRITE_ADVICE, error);
  };
  await mkdir(dirname(path), { recursive: true }).catch((error: unknown) => {
    throw cannotWrite(error);
  });
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw cannotWrite(error);
      }
      const age = await stat(lock).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) {
        throw dataFileError(
          path,
          `正被另一个 gongkai 进程修改（等待 ${LOCK_WAIT_MS / 1000} 秒后仍未结束）`,
          `请稍后再试；如确定没有其他 gongkai 在运行，可删除“${lock}”。`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 3) + Math.random() * 10));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lock, { force: true });
  }
}
