// Several `gongkai settings set` / `calendar import` processes at once on one data directory: every
// acknowledged change is kept, and sequence numbers are never shared (issue #7: 135 of 200 changes
// were lost to read-modify-write races). On the embedded database the processes also race to start
// its server on the fresh data directory.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeDataDir, runCli } from './clock-cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROCESSES = 20;

function gongkai(args: readonly string[], dataDir: string): Promise<{ stdout: string }> {
  return promisify(execFile)(join(ROOT, 'gongkai'), [...args], {
    cwd: dataDir,
    // Generous: 40 processes start at once; on a loaded 2-core CI machine one took over 120 s to exit.
    timeout: 400_000,
    // The embedded database of the data directory (never the DATABASE_URL CI sets for the harness).
    env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: dataDir, GONGKAI_USER: 'tester' },
  });
}

describe('concurrent changes from separate processes', () => {
  test(`${PROCESSES} concurrent settings set and ${PROCESSES} calendar imports: all kept, distinct sequence numbers`, async () => {
    const dataDir = await makeDataDir();
    const files = await Promise.all(
      Array.from({ length: PROCESSES }, async (_, i) => {
        const file = join(dataDir, `y${i}.json`);
        const year = {
          notices: [`测试通知${i}`],
          breaks: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] }],
          holidays: ['2027-01-01'],
          workdays: [],
        };
        await writeFile(file, JSON.stringify({ 2027: year }));
        return file;
      }),
    );
    await Promise.all([
      ...Array.from({ length: PROCESSES }, (_, i) => gongkai(['settings', 'set', 'clock.due-soon-working-days', String(i + 1)], dataDir)),
      ...files.map((file) => gongkai(['calendar', 'import', file, '--effective', '2026-12-01'], dataDir)),
    ]);
    const settings = JSON.parse((await runCli(['settings', 'history', '--json'], { dataDir })).out) as { to: string; from?: string }[];
    assert.deepEqual(
      settings.map((h) => Number(h.to)).sort((a, b) => a - b),
      Array.from({ length: PROCESSES }, (_, i) => i + 1),
    );
    // Serialised: each change replaced exactly the value the one before it set (none read a stale value).
    settings.forEach((change, index) => {
      assert.equal(change.from, index === 0 ? undefined : settings[index - 1]?.to);
    });
    const calendar = JSON.parse((await runCli(['calendar', 'history', '--json'], { dataDir })).out) as { changes: { seq: number }[] };
    assert.deepEqual(
      calendar.changes.map((c) => c.seq),
      Array.from({ length: PROCESSES }, (_, i) => i + 1),
    );
  });
});
