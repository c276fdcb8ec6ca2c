// `gongkai letter …`, `gongkai case letter` and `gongkai jobs daily` through main(), on a test database
// of each engine (DATABASE_URL): usage errors exit 64 in Chinese and change
// nothing; settings and templates round-trip; the daily job reports per agency and is safe to rerun.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { forEachEngine } from '#test/db-harness.ts';
import { runInProcess } from './run-in-process.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-letters-cli-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

forEachEngine('letter and jobs commands', ({ database }) => {
  const gongkai = async (...args: string[]) => {
    const { url } = await database();
    return runInProcess(args, {
      env: { GONGKAI_DATA_DIR: dir, DATABASE_URL: url, GONGKAI_USER: 'tester' },
      cwd: dir,
      isTTY: false,
      now: () => new Date('2025-10-10T02:00:00Z'),
    });
  };

  test('letter settings: set per agency with the change shown; a bad value exits 64 and stores nothing', async () => {
    assert.equal((await gongkai('agency', 'add', 'cli-letters', '--name', '某市人民政府办公室')).code, 0);
    const bad = await gongkai('letter', 'settings', 'set', 'mail.smtp-port', 'abc', '--agency', 'cli-letters');
    assert.equal(bad.code, 64);
    assert.match(bad.err, /1 至 65535/);
    const unknownAgency = await gongkai('letter', 'settings', 'set', 'letter.court', '某法院', '--agency', 'nobody');
    assert.equal(unknownAgency.code, 3);
    assert.match(unknownAgency.err, /未找到机关/);
    const set = await gongkai('letter', 'settings', 'set', 'letter.review-organ', '某市人民政府', '--agency', 'cli-letters');
    assert.equal(set.code, 0, set.err);
    assert.match(set.out, /letter\.review-organ （未设置） → 某市人民政府/);
    const shown = await gongkai('letter', 'settings', 'show', '--agency', 'cli-letters', '--json');
    const rows = JSON.parse(shown.out) as { key: string; value: string; source: string }[];
    assert.deepEqual(
      rows.find((r) => r.key === 'letter.review-organ'),
      {
        ...rows.find((r) => r.key === 'letter.review-organ'),
        value: '某市人民政府',
        source: 'agency',
      },
    );
    assert.equal(rows.find((r) => r.key === 'mail.smtp-port')?.value, '25');
  });

  test('letter template: set from a file, listed as the agency own, refused with the unknown field named, reset', async () => {
    await writeFile(join(dir, 'bad.txt'), '{{applicantName}}：\n{{remedyNotce}}\n');
    const bad = await gongkai('letter', 'template', 'set', 'withheld', '--agency', 'cli-letters', '--body-file', 'bad.txt');
    assert.equal(bad.code, 64);
    assert.match(bad.err, /未知的合并字段“\{\{remedyNotce\}\}”/);
    await writeFile(join(dir, 'good.txt'), '经审查，{{outcomeText}}\n{{remedyNotice}}\n');
    const good = await gongkai(
      'letter',
      'template',
      'set',
      'withheld',
      '--agency',
      'cli-letters',
      '--body-file',
      'good.txt',
      '--title',
      '不予公开决定书',
    );
    assert.equal(good.code, 0, good.err);
    const list = JSON.parse((await gongkai('letter', 'template', 'list', '--agency', 'cli-letters', '--json')).out) as {
      family: string;
      source: string;
      title: string;
    }[];
    assert.deepEqual(
      list.filter((t) => t.source === 'agency').map((t) => [t.family, t.title]),
      [['withheld', '不予公开决定书']],
    );
    assert.equal((await gongkai('letter', 'template', 'reset', 'withheld', '--agency', 'cli-letters')).code, 0);
    const after = JSON.parse((await gongkai('letter', 'template', 'list', '--agency', 'cli-letters', '--json')).out) as {
      source: string;
    }[];
    assert.ok(after.every((t) => t.source === 'default'));
  });

  test('case letter of an unknown case exits 3; --out must be a .docx', async () => {
    const missing = await gongkai('case', 'letter', 'GK2025-999999');
    assert.equal(missing.code, 3);
    assert.match(missing.err, /未找到申请/);
    const wrong = await gongkai('letter', 'show', 'GK2025-999999', '--out', 'x.pdf');
    assert.equal(wrong.code, 64);
    assert.match(wrong.err, /\.docx/);
  });

  test('jobs daily: a bad --date exits 64; a run reports each agency; the second run of the day is counted', async () => {
    const bad = await gongkai('jobs', 'daily', '--date', '2025-02-30');
    assert.equal(bad.code, 64);
    assert.match(bad.err, /有效日期/);
    const first = await gongkai('jobs', 'daily', '--date', '2025-10-10', '--json');
    assert.equal(first.code, 0, first.err);
    const summary = JSON.parse(first.out) as { day: string; agencies: { agency: string; run: number }[] };
    assert.equal(summary.day, '2025-10-10');
    const again = JSON.parse((await gongkai('jobs', 'daily', '--date', '2025-10-10', '--json')).out) as typeof summary;
    assert.equal(
      again.agencies.find((a) => a.agency === 'cli-letters')?.run,
      (summary.agencies.find((a) => a.agency === 'cli-letters')?.run ?? 0) + 1,
    );
    const text = await gongkai('jobs', 'daily');
    assert.equal(text.code, 0);
    assert.match(text.out, /cli-letters（2025-10-10，当日第3次运行）/);
  });
});
