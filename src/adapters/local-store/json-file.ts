// Small JSON documents in the data directory, written so a crash never leaves half a file:
// temp file in the same directory, fsync, rename (architecture.md, Files).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** `GONGKAI_DATA_DIR`, default `./data` relative to the working directory (style.md, Configuration). */
export function resolveDataDir(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const configured = env['GONGKAI_DATA_DIR'];
  return resolve(cwd, configured !== undefined && configured !== '' ? configured : 'data');
}

/** Who made a change: `GONGKAI_USER`, else the OS user. */
export function resolveActor(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env['GONGKAI_USER'];
  if (configured !== undefined && configured.trim() !== '') {
    return configured.trim();
  }
  try {
    return userInfo().username;
  } catch {
    return env['USER'] ?? 'unknown';
  }
}

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
