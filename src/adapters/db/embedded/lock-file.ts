// One owner per embedded data directory (architecture.md, Runtime): the PGlite server process holds
// `<dataDir>/pg.lock` ({pid, port, state}) from before it opens the directory until after it closed
// it. Others read the lock and connect to the port instead of opening the directory; a lock whose
// pid is dead is stale and taken over.
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedLock {
  readonly pid: number;
  /** The TCP port on 127.0.0.1, once the server accepts connections. */
  readonly port: number | null;
  readonly state: 'starting' | 'ready' | 'stopping';
  readonly since: string;
}

/** The lock file of an embedded data directory. */
export function lockPathOf(dataDir: string): string {
  return join(dataDir, 'pg.lock');
}

/** True when a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's content, or undefined when there is none. An unreadable lock reads as a dead owner. */
export function readLock(path: string): EmbeddedLock | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<EmbeddedLock>;
    if (typeof value.pid === 'number') {
      return {
        pid: value.pid,
        port: typeof value.port === 'number' ? value.port : null,
        state: value.state === 'ready' || value.state === 'stopping' ? value.state : 'starting',
        since: String(value.since ?? ''),
      };
    }
  } catch {
    // fall through: damaged content (the file is always written whole, so this is not a writer in progress)
  }
  return { pid: 0, port: null, state: 'starting', since: '' };
}

function tempPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Writes a file whole, then makes it visible at `path` only if nothing is there (link is atomic). */
function createExclusive(path: string, content: string): boolean {
  const temp = tempPath(path);
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function lockText(lock: EmbeddedLock): string {
  return `${JSON.stringify(lock)}\n`;
}

/**
 * Takes the lock for this process, or returns the live owner. A stale lock (dead pid) is removed under
 * a short-lived takeover file so two processes never both remove a lock and both start.
 */
export function acquireLock(path: string): { acquired: true } | { acquired: false; owner: EmbeddedLock } {
  const mine: EmbeddedLock = { pid: process.pid, port: null, state: 'starting', since: new Date().toISOString() };
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (createExclusive(path, lockText(mine))) {
      return { acquired: true };
    }
    const owner = readLock(path);
    if (owner === undefined) {
      continue;
    }
    if (isProcessAlive(owner.pid)) {
      return { acquired: false, owner };
    }
    const takeover = `${path}.takeover`;
    if (!createExclusive(takeover, String(process.pid))) {
      removeIfOlderThan(takeover, 10_000);
      return { acquired: false, owner };
    }
    try {
      const again = readLock(path);
      if (again !== undefined && again.pid === owner.pid && again.since === owner.since) {
        unlinkSync(path);
      }
    } finally {
      unlinkSync(takeover);
    }
  }
  throw new Error(`cannot take the lock ${path}`);
}

function removeIfOlderThan(path: string, ageMs: number): void {
  try {
    if (Date.now() - statSync(path).mtimeMs > ageMs) {
      unlinkSync(path);
    }
  } catch {
    // gone already
  }
}

/** Replaces the content of a lock this process holds (temp file, then rename over it). */
export function updateLock(path: string, lock: Omit<EmbeddedLock, 'pid'>): void {
  const temp = tempPath(path);
  writeFileSync(temp, lockText({ pid: process.pid, ...lock }));
  renameSync(temp, path);
}

/** Removes the lock if this process holds it. */
export function releaseLock(path: string): void {
  const lock = readLock(path);
  if (lock !== undefined && lock.pid === process.pid) {
    unlinkSync(path);
  }
}
