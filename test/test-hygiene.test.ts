// Tests never touch the user's own data directory (issue #7): every test that starts `./gongkai` as
// a process names a GONGKAI_DATA_DIR; the in-process harness (run-in-process.ts) refuses to run
// without one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = new URL('../', import.meta.url).pathname;

function files(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'fixtures' ? [] : files(path);
    }
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('every test file that spawns ./gongkai sets GONGKAI_DATA_DIR for it', () => {
  const spawning = [...files(join(root, 'test')), ...files(join(root, 'src'))].filter((file) => {
    const text = readFileSync(file, 'utf8');
    return /\b(execFile|execFileSync|spawn|spawnSync|fork)\b/.test(text) && /['"`](\.\/)?gongkai['"`]/.test(text);
  });
  assert.ok(spawning.length >= 3, 'the scan finds the known process tests');
  const without = spawning.filter((file) => !readFileSync(file, 'utf8').includes('GONGKAI_DATA_DIR')).map((file) => relative(root, file));
  assert.deepEqual(without, []);
});

test('a test that hands its own environment to a spawned ./gongkai says which database it uses (DATABASE_URL)', () => {
  // CI sets DATABASE_URL for the test harness; a child that inherits it would migrate and write the
  // shared database instead of its own data directory.
  // bench/ too: `bench start` (run by a test) once spawned `deadline` with CI's DATABASE_URL.
  const inheriting = [...files(join(root, 'test')), ...files(join(root, 'src')), ...files(join(root, 'bench'))].filter((file) => {
    const text = readFileSync(file, 'utf8');
    return (
      /\b(execFile|execFileSync|spawn|spawnSync|fork)\b/.test(text) &&
      /['"`](\.\/)?gongkai['"`]|main\.ts/.test(text) &&
      /\.\.\.process\.env\b/.test(text)
    );
  });
  assert.ok(inheriting.length >= 3, 'the scan finds the known process tests');
  const without = inheriting.filter((file) => !readFileSync(file, 'utf8').includes('DATABASE_URL')).map((file) => relative(root, file));
  assert.deepEqual(without, []);
});

test('every temporary directory a test makes is removed: by the test itself or through test/temp-dir.ts', () => {
  // A run of the suite once left ~230 directories under /tmp (gongkai-report-*, gongkai-clock-*, …).
  const making = [...files(join(root, 'test')), ...files(join(root, 'src'))].filter((file) =>
    /\bmkdtemp(?:Sync)?\(/.test(readFileSync(file, 'utf8')),
  );
  assert.ok(making.length >= 10, 'the scan finds the known temp-dir makers');
  const leaving = making
    .filter((file) => !file.endsWith('temp-dir.ts') && !/\brm(?:Sync)?\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
  assert.deepEqual(leaving, []);
});
