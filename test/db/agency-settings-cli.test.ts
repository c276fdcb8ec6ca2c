// `gongkai settings … --agency SLUG`: an agency's own settings over the instance default, on both
// engines, through the CLI as a user runs it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runInProcess } from '#test/cli/run-in-process.ts';
import { forEachEngine } from '#test/db-harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-agency-settings-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

forEachEngine('settings per agency (CLI)', ({ database }) => {
  test('the instance default applies until the agency sets its own; history and refusals', async () => {
    const { url } = await database();
    const cli = (args: readonly string[]) =>
      runInProcess(args, {
        isTTY: false,
        env: { GONGKAI_DATA_DIR: dataDir, DATABASE_URL: url, GONGKAI_USER: 'admin' },
        cwd: dataDir,
        now: () => new Date('2026-11-23T02:00:00Z'),
      });
    assert.equal((await cli(['agency', 'add', 'cli-city', '--name', '某市人民政府', '--kind', 'government'])).code, 0);
    const set = await cli(['settings', 'set', 'correction.period-working-days', '10', '--reason', '市政府统一规定']);
    assert.equal(set.code, 0, set.err);
    const show = async (agency?: string) =>
      (
        JSON.parse((await cli(['settings', 'show', '--json', ...(agency ? ['--agency', agency] : [])])).out) as {
          key: string;
          value: string;
        }[]
      ).find((r) => r.key === 'correction.period-working-days')?.value;
    assert.equal(await show('cli-city'), '10');
    const own = await cli(['settings', 'set', 'correction.period-working-days', '20', '--agency', 'cli-city']);
    assert.equal(own.code, 0, own.err);
    assert.match(own.out, /由 10 改为 20/);
    assert.equal(await show('cli-city'), '20');
    assert.equal(await show(), '10');
    const history = JSON.parse((await cli(['settings', 'history', '--json', '--agency', 'cli-city'])).out) as {
      to: string;
      scope: string;
      reason?: string;
    }[];
    assert.deepEqual(
      history.map((h) => [h.scope, h.to, h.reason ?? null]),
      [
        ['instance', '10', '市政府统一规定'],
        ['agency', '20', null],
      ],
    );
    const unknown = await cli(['settings', 'set', 'fee.pause', 'off', '--agency', 'nowhere']);
    assert.equal(unknown.code, 3);
    assert.match(unknown.err, /未找到机关“nowhere”/);
    const misplaced = await cli(['settings', 'list', '--agency', 'cli-city']);
    assert.equal(misplaced.code, 64);
  });
});
