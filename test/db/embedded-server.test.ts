// The embedded PGlite server process: one owner per data directory (lock file with pid and port),
// every other opener connects to its port, a stale lock is recovered, the server stops by itself once
// idle and releases the lock, and data survive a reopen.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isProcessAlive, lockPathOf, readLock } from '#adapters/db/embedded/lock-file.ts';
import { openDatabase } from '#adapters/db/open-database.ts';
import { testCacheDir } from '#test/db-harness.ts';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-embedded-'));
  dirs.push(dir);
  return dir;
}
const options = (dir: string, idleMs = 400) => ({ dataDir: dir, templateDir: testCacheDir(), embeddedIdleMs: idleMs });

async function waitFor(condition: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) {
      throw new Error('condition not reached in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function servingLines(dir: string): string[] {
  return readFileSync(join(dir, 'pg-server.log'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('serving'));
}

after(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('embedded database server', () => {
  test('concurrent openers of a fresh directory share one server; data survive its stop and a reopen', async () => {
    const dir = dataDir();
    const opened = await Promise.all(Array.from({ length: 5 }, () => openDatabase(options(dir))));
    assert.ok(opened.every((d) => d.engine === 'pglite'));
    const lock = readLock(lockPathOf(dir));
    assert.equal(lock?.state, 'ready');
    assert.ok(lock !== undefined && isProcessAlive(lock.pid) && lock.pid !== process.pid);
    assert.equal(servingLines(dir).length, 1, 'exactly one server opened the directory');
    await Promise.all(opened.map((d, i) => d.pool.query('INSERT INTO agencies (slug, name) VALUES ($1, $2)', [`a${i}`, `第${i}局`])));
    const seen = await opened[0]!.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM agencies');
    assert.equal(seen.rows[0]?.n, 5);
    await Promise.all(opened.map((d) => d.close()));
    // Idle: the server closes PGlite cleanly and removes its lock.
    await waitFor(() => !existsSync(lockPathOf(dir)));
    await waitFor(() => !isProcessAlive(lock!.pid));
    const reopened = await openDatabase(options(dir));
    try {
      const rows = await reopened.pool.query<{ slug: string }>('SELECT slug FROM agencies ORDER BY slug');
      assert.deepEqual(
        rows.rows.map((r) => r.slug),
        ['a0', 'a1', 'a2', 'a3', 'a4'],
      );
      assert.deepEqual(reopened.migrated, []);
      assert.match(servingLines(dir)[1] ?? '', /reopened/);
      // Started with a 32 MB buffer cache (initdb's 128 MB stayed resident: issue #7's RSS goal), given
      // on the command line: the data directory's postgresql.conf is as initdb wrote it.
      const buffers = await reopened.pool.query<{ setting: string; source: string }>(
        "select current_setting('shared_buffers') as setting, source from pg_settings where name = 'shared_buffers'",
      );
      assert.deepEqual(buffers.rows[0], { setting: '32MB', source: 'command line' });
    } finally {
      await reopened.close();
    }
  });

  test('a stale lock (its process is dead) is taken over; a held server outlives its idle time', async () => {
    const dir = dataDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    assert.ok(dead !== undefined && !isProcessAlive(dead));
    writeFileSync(lockPathOf(dir), JSON.stringify({ pid: dead, port: 1, state: 'ready', since: '2020-01-01T00:00:00Z' }));
    const held = await openDatabase({ ...options(dir, 200), holdEmbeddedServer: true });
    try {
      const lock = readLock(lockPathOf(dir));
      assert.notEqual(lock?.pid, dead);
      await new Promise((resolve) => setTimeout(resolve, 800)); // four idle periods
      const other = await openDatabase(options(dir, 200));
      try {
        assert.equal(readLock(lockPathOf(dir))?.pid, lock?.pid, 'the second opener used the running server');
        await held.pool.query("INSERT INTO agencies (slug, name) VALUES ('held', '某局')");
        const seen = await other.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM agencies');
        assert.equal(seen.rows[0]?.n, 1);
      } finally {
        await other.close();
      }
    } finally {
      await held.close();
    }
    await waitFor(() => !existsSync(lockPathOf(dir)));
  });
});
