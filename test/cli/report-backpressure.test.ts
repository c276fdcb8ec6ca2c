// Issue #9, output streaming: `report check --json` waits for standard output to take each result
// before it reads on, so a slow reader of a pipe does not make unwritten output pile up in memory.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '#cli/main.ts';
import { makeTempDir, ROOT, SEED_DIR } from './report-cli-harness.ts';

const SEEDS = ['000_fa62d5864337d3a6.txt', '001_90c37852d1e90522.txt', '002_a69ef41056118676.txt', '004_b8b917888f6bbb4a.txt'];

/** A folder with `copies` copies of each seed (distinct names, so no two are the same file). */
async function seedFolder(copies: number): Promise<string> {
  const dir = await makeTempDir();
  for (let i = 0; i < copies; i++) {
    for (const seed of SEEDS) {
      await cp(join(ROOT, SEED_DIR, seed), join(dir, `${String(i).padStart(3, '0')}-${seed}`));
    }
  }
  return dir;
}

test('each result is written only after standard output took the one before (drained)', async () => {
  const dir = await seedFolder(2);
  const dataDir = await makeTempDir('gongkai-data-');
  try {
    const events: string[] = [];
    let calls = 0;
    const code = await main(['report', 'check', '--json', dir], {
      out: (text) => {
        events.push(text.startsWith('{') ? 'out' : 'other');
      },
      err: () => {},
      // Every other result finds the pipe full: the next may come only once it drained.
      drained: () => {
        calls += 1;
        if (calls % 2 === 0) {
          return undefined;
        }
        events.push('wait');
        return new Promise<void>((done) =>
          setTimeout(() => {
            events.push('drained');
            done();
          }, 5),
        );
      },
      env: { GONGKAI_DATA_DIR: dataDir },
      cwd: ROOT,
      isTTY: false,
      now: () => new Date('2026-11-23T02:00:00Z'),
    });
    assert.equal(code, 0);
    const pair = ['out', 'wait', 'drained', 'out'];
    assert.deepEqual(events, [...pair, ...pair, ...pair, ...pair]);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('behind a pipe read late and slowly, the whole output arrives, the same as written to a file', async () => {
  const dir = await seedFolder(15); // 60 reports, ~2.4 MB of JSON: dozens of times a pipe's buffer
  const dataDir = await makeTempDir('gongkai-data-');
  try {
    const env = { ...process.env, GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' };
    const fileOut = join(dataDir, 'out.jsonl');
    const child = spawn(process.execPath, ['src/cli/main.ts', 'report', 'check', '--json', dir], { cwd: ROOT, env });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the child fills the pipe and waits
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1); // a slow reader
    });
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const piped = Buffer.concat(chunks).toString('utf8');
    const toFile = spawn(
      'bash',
      ['-c', `"$0" src/cli/main.ts report check --json "$1" > "$2" 2>/dev/null`, process.execPath, dir, fileOut],
      {
        cwd: ROOT,
        env,
      },
    );
    const fileCode = await new Promise<number | null>((resolve) => toFile.on('close', resolve));
    assert.equal(code, fileCode);
    assert.equal(piped.split('\n').filter((line) => line !== '').length, 60);
    assert.equal(piped, await readFile(fileOut, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
