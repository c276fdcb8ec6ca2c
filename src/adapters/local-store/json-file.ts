// Small JSON documents in the data directory, written so a crash never leaves half a file:
// temp file in the same directory, fsync, rename (architecture.md, Files).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Reads a JSON document, or `undefined` when the file does not exist. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/** Writes a JSON document atomically: temp file, fsync, rename over the target. */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
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
  await mkdir(dirname(path), { recursive: true });
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
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
        throw new Error(`${lock}: still locked after ${LOCK_WAIT_MS / 1000} s`);
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
