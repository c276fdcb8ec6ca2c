// A new embedded data directory starts as a copy of the migrated template (issue #7: fresh start to
// /healthz ≤ 10 s): built once per PGlite version and migration set, never a template of other
// migrations; and a server started ahead of its client (`gongkai serve` starts the database before it
// imports the server) waits for that first client instead of stopping after the idle time.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildMigratedTemplate } from '#adapters/db/embedded/build-template.ts';
import { isProcessAlive, lockPathOf, readLock } from '#adapters/db/embedded/lock-file.ts';
import { embeddedServerPort } from '#adapters/db/embedded/start-embedded.ts';
import { initdbTemplatePath, migratedTemplatePath } from '#adapters/db/embedded/template.ts';
import { migrationsFingerprint, readMigrations } from '#adapters/db/migrate.ts';
import { openDatabase } from '#adapters/db/open-database.ts';
import { testCacheDir, withTestDatabase } from '#test/db-harness.ts';

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const servingLines = (dir: string) =>
  readFileSync(join(dir, 'pg-server.log'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('serving'));

/** A template directory with the test run's initdb template in it (building from it takes ~1 s, not initdb's 5–15 s). */
async function templateDirWithInitdb(): Promise<string> {
  await (await withTestDatabase('pglite')).close(); // makes sure the test cache holds the initdb template
  const dir = tempDir('gongkai-templates-');
  copyFileSync(initdbTemplatePath(testCacheDir()), initdbTemplatePath(dir));
  return dir;
}

describe('embedded database templates', () => {
  test('a new data directory is a copy of the migrated template of these migrations; a stale one is neither used nor kept', async () => {
    const templates = await templateDirWithInitdb();
    // A template of other migrations (as an older checkout left it), and an old one of yet others.
    const other = migratedTemplatePath(templates, '0000000000000000');
    const old = migratedTemplatePath(templates, '1111111111111111');
    for (const path of [other, old]) {
      mkdirSync(path, { recursive: true });
      writeFileSync(join(path, 'PG_VERSION'), '18\n');
    }
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    utimesSync(old, monthAgo, monthAgo);

    const dataDir = tempDir('gongkai-fresh-');
    const opened = await openDatabase({ dataDir, templateDir: templates, embeddedIdleMs: 400 });
    try {
      // Every migration was already applied in the template: this open applied none.
      assert.deepEqual(opened.migrated, []);
      const applied = await opened.pool.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      assert.equal(applied.rows[0]?.n, readMigrations().length);
      await opened.pool.query("insert into agencies (slug, name) values ('a', '某局')");
    } finally {
      await opened.close();
    }
    assert.match(servingLines(dataDir)[0] ?? '', /new, from template/);
    const built = migratedTemplatePath(templates);
    assert.ok(built.endsWith(`-migrated-${migrationsFingerprint()}`));
    assert.deepEqual(readdirSync(templates).sort(), [built, other, initdbTemplatePath(templates)].map((p) => p.split('/').pop()).sort());

    // The template itself is untouched by what the data directory did.
    const second = tempDir('gongkai-fresh-');
    const reopened = await openDatabase({ dataDir: second, templateDir: templates, embeddedIdleMs: 400 });
    try {
      const agencies = await reopened.pool.query<{ n: number }>('select count(*)::int as n from agencies');
      assert.equal(agencies.rows[0]?.n, 0);
    } finally {
      await reopened.close();
    }
    assert.match(servingLines(second)[0] ?? '', /new, from template/);
  });

  test('building again when the template is there does nothing', async () => {
    const templates = await templateDirWithInitdb();
    const path = await buildMigratedTemplate(templates);
    const marker = join(path, 'gongkai-test-marker');
    writeFileSync(marker, 'x');
    assert.equal(await buildMigratedTemplate(templates), path);
    assert.ok(existsSync(marker));
  });

  test('a server started ahead of its first client waits for it past the idle time, then stops once idle', async () => {
    const dataDir = tempDir('gongkai-early-');
    await embeddedServerPort(dataDir, { idleMs: 200, templateDir: testCacheDir() });
    const lock = readLock(lockPathOf(dataDir));
    assert.ok(lock !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // more than seven idle periods
    assert.ok(isProcessAlive(lock.pid), 'still waiting for its first client');
    const opened = await openDatabase({ dataDir, templateDir: testCacheDir(), embeddedIdleMs: 200 });
    assert.equal(readLock(lockPathOf(dataDir))?.pid, lock.pid, 'the client used the server started ahead of it');
    await opened.close();
    const end = Date.now() + 10_000;
    while (isProcessAlive(lock.pid) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(isProcessAlive(lock.pid), false, 'stopped once idle after its client left');
  });
});
