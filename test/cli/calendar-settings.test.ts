import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeDataDir, runCli } from './clock-cli-harness.ts';

// A hypothetical 2027 year (not the real notice, which is unpublished): 元旦 Fri 01-01 to Sun 01-03,
// 春节 Fri 02-05 to Sat 02-13 with Sunday 02-14 worked.
const YEAR_2027 = {
  notices: ['测试用虚构通知'],
  breaks: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', workdays: ['2027-02-14'] },
  ],
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  workdays: ['2027-02-14'],
};

async function writeYear(dataDir: string, value: unknown): Promise<string> {
  const file = join(dataDir, 'import.json');
  await writeFile(file, JSON.stringify(value));
  return file;
}

describe('gongkai calendar: an administrator adds a year (statute.md §2)', () => {
  test('before an import, a due date in 2027 warns CALENDAR_YEAR_MISSING:2027; after it, the 2027 holiday counts and the warning is gone', async () => {
    const dataDir = await makeDataDir();
    const args = ['deadline', '--received', '2026-12-14', '--channel', 'in_person', '--today', '2026-12-15', '--json'];
    const before = JSON.parse((await runCli(args, { dataDir })).out);
    assert.equal(before.due, '2027-01-11');
    assert.deepEqual(
      before.warnings.map((w: { code: string }) => w.code),
      ['CALENDAR_YEAR_MISSING:2027'],
    );
    const imported = await runCli(
      ['calendar', 'import', await writeYear(dataDir, { 2027: YEAR_2027 }), '--effective', '2026-12-01', '--reason', '国务院通知发布'],
      {
        dataDir,
        user: '管理员甲',
      },
    );
    assert.equal(imported.code, 0, imported.err);
    const after = JSON.parse((await runCli(args, { dataDir })).out);
    assert.equal(after.due, '2027-01-12');
    assert.deepEqual(after.warnings, []);
  });

  test('the change is recorded with who, when, effective date and what moved', async () => {
    const dataDir = await makeDataDir();
    await runCli(['calendar', 'import', await writeYear(dataDir, YEAR_2027), '--year', '2027', '--effective', '2026-12-01'], {
      dataDir,
      user: '管理员甲',
      now: new Date('2026-11-25T03:00:00Z'),
    });
    const history = JSON.parse((await runCli(['calendar', 'history', '--json'], { dataDir })).out) as {
      changes: Record<string, unknown>[];
    };
    assert.equal(history.changes.length, 1);
    const [change] = history.changes;
    assert.equal(change!['who'], '管理员甲');
    assert.equal(change!['when'], '2026-11-25T03:00:00.000Z');
    assert.equal(change!['effectiveFrom'], '2026-12-01');
    assert.equal(change!['year'], 2027);
    assert.match(String(change!['what']), /由工作日改为休息日 7 天/);
    assert.match(String(change!['what']), /由休息日改为工作日 1 天（2027-02-14）/);
  });

  test('a change is not used for a "today" before its effective date', async () => {
    const dataDir = await makeDataDir();
    await runCli(['calendar', 'import', await writeYear(dataDir, { years: { 2027: YEAR_2027 } }), '--effective', '2026-12-20'], {
      dataDir,
    });
    const run = async (today: string) =>
      JSON.parse(
        (await runCli(['deadline', '--received', '2026-12-14', '--channel', 'in_person', '--today', today, '--json'], { dataDir })).out,
      ).due;
    assert.equal(await run('2026-12-19'), '2027-01-11');
    assert.equal(await run('2026-12-20'), '2027-01-12');
  });

  test('an inconsistent year is refused with every problem, exit 64, and nothing is written', async () => {
    const dataDir = await makeDataDir();
    const bad = { ...YEAR_2027, holidays: ['2027-01-02', '2027-13-01'], workdays: ['2027-02-15'] };
    const run = await runCli(['calendar', 'import', await writeYear(dataDir, { 2027: bad })], { dataDir });
    assert.equal(run.code, 64);
    assert.match(run.err, /2027-13-01/);
    assert.match(run.err, /周末/);
    assert.match(run.err, /未导入/);
    await assert.rejects(readFile(join(dataDir, 'calendar', 'changes.json')), { code: 'ENOENT' });
  });

  test('fee takes the payment deadline of its notice from the stored calendar, as deadline does (issue #7 bug)', async () => {
    const dataDir = await makeDataDir();
    // Notice received Monday 2026-12-21: 20 working days later crosses 元旦 2027 (Fri 01-01 in the imported year).
    const args = ['fee', '--pages', '450', '--notice-received', '2026-12-21', '--json'];
    const now = new Date('2026-12-15T02:00:00Z');
    const before = JSON.parse((await runCli(args, { dataDir, now })).out);
    assert.equal(before.notice.payBy, '2027-01-18');
    assert.deepEqual(before.notice.warnings, ['CALENDAR_YEAR_MISSING:2027']);
    const imported = await runCli(['calendar', 'import', await writeYear(dataDir, { 2027: YEAR_2027 }), '--effective', '2026-12-01'], {
      dataDir,
    });
    assert.equal(imported.code, 0, imported.err);
    const after = JSON.parse((await runCli(args, { dataDir, now })).out);
    assert.equal(after.notice.payBy, '2027-01-19');
    assert.deepEqual(after.notice.warnings, []);
    // Before the import's effective date the shipped data still applies.
    const earlier = JSON.parse((await runCli(args, { dataDir, now: new Date('2026-11-20T02:00:00Z') })).out);
    assert.equal(earlier.notice.payBy, '2027-01-18');
  });

  test('calendar show 2024 lists the breaks, the 调休 days and 251 working days; 2027 says it is not published', async () => {
    const dataDir = await makeDataDir();
    const shown = await runCli(['calendar', 'show', '2024'], { dataDir });
    assert.match(shown.out, /全年 251 个工作日/);
    assert.match(shown.out, /国庆节：2024-10-01 至 2024-10-07 放假；调休上班 2024-09-29、2024-10-12/);
    const missing = await runCli(['calendar', 'show', '2027', '--json'], { dataDir });
    const json = JSON.parse(missing.out);
    assert.equal(json.covered, false);
    assert.equal(json.warnings[0].code, 'CALENDAR_YEAR_MISSING:2027');
  });
});

describe('gongkai settings: conventions as recorded settings', () => {
  test('settings list gives every setting its meaning, default and source rule', async () => {
    const list = JSON.parse((await runCli(['settings', 'list', '--json'], { dataDir: await makeDataDir() })).out) as Record<
      string,
      unknown
    >[];
    const feePause = list.find((d) => d['key'] === 'fee.pause');
    assert.equal(feePause?.['defaultValue'], 'on');
    assert.equal(feePause?.['rule'], 'FEE-PAUSE');
    for (const definition of list) {
      assert.match(String(definition['meaning']), /[\u4e00-\u9fff]/);
      assert.ok(String(definition['source']).length > 0);
    }
  });

  test('settings set fee.pause off is recorded and turns DD-27 into DD-28 (the fee wait counts)', async () => {
    const dataDir = await makeDataDir();
    const args = [
      'deadline',
      '--received',
      '2025-03-03',
      '--event',
      'fee_notice_sent:2025-03-10:2025-03-11',
      '--event',
      'fee_paid:2025-03-24',
      '--today',
      '2025-03-25',
      '--json',
    ];
    const before = JSON.parse((await runCli(args, { dataDir })).out);
    assert.equal(before.due, '2025-04-15'); // DD-27
    const set = await runCli(['settings', 'set', 'fee.pause', 'off'], { dataDir, user: '管理员乙' });
    assert.equal(set.code, 0, set.err);
    const after = JSON.parse((await runCli(args, { dataDir })).out);
    assert.equal(after.due, '2025-03-31'); // DD-28
    assert.ok(after.explanation.some((s: string) => s.includes('fee.pause=off') && s.includes('机关设置')));
    const history = JSON.parse((await runCli(['settings', 'history', '--json'], { dataDir })).out);
    assert.deepEqual(
      history.map((h: { who: string; key: string; to: string }) => [h.who, h.key, h.to]),
      [['管理员乙', 'fee.pause', 'off']],
    );
    const shown = JSON.parse((await runCli(['settings', 'show', '--json'], { dataDir })).out);
    assert.deepEqual(
      shown.find((r: { key: string }) => r.key === 'fee.pause'),
      { key: 'fee.pause', value: 'off', isDefault: false, rule: 'FEE-PAUSE' },
    );
  });

  test('settings reset (恢复默认): the agency falls back to the instance default, the instance to the built-in one, each recorded; nothing to reset changes nothing', async () => {
    const dataDir = await makeDataDir();
    const value = async (...scope: string[]) =>
      JSON.parse((await runCli(['settings', 'show', '--json', ...scope], { dataDir })).out).find(
        (r: { key: string }) => r.key === 'fee.pause',
      ).value;
    assert.equal((await runCli(['agency', 'add', 'rs-edu', '--name', '某市教育局'], { dataDir })).code, 0);
    assert.equal((await runCli(['settings', 'set', 'fee.pause', 'off'], { dataDir, user: '管理员甲' })).code, 0);
    assert.equal((await runCli(['settings', 'set', 'fee.pause', 'on', '--agency', 'rs-edu'], { dataDir })).code, 0);
    assert.equal(await value('--agency', 'rs-edu'), 'on');
    const reset = await runCli(['settings', 'reset', 'fee.pause', '--agency', 'rs-edu', '--reason', '统一口径'], {
      dataDir,
      user: '管理员乙',
    });
    assert.equal(reset.code, 0, reset.err);
    assert.match(reset.out, /^已将 fee\.pause 由 on 恢复默认，现为 off（管理员乙，/);
    assert.equal(await value('--agency', 'rs-edu'), 'off');
    const again = await runCli(['settings', 'reset', 'fee.pause', '--agency', 'rs-edu'], { dataDir });
    assert.equal(again.code, 0);
    assert.equal(again.out, 'fee.pause 本来就没有本机关自己的值，未作修改\n');
    const history = JSON.parse((await runCli(['settings', 'history', '--agency', 'rs-edu', '--json'], { dataDir })).out);
    assert.deepEqual(
      history.map((h: { who: string; from?: string; to: string; reset?: boolean; reason?: string }) => [
        h.who,
        h.from,
        h.to,
        h.reset ?? false,
        h.reason,
      ]),
      [
        ['管理员甲', undefined, 'off', false, undefined],
        [history[1].who, 'off', 'on', false, undefined],
        ['管理员乙', 'on', 'off', true, '统一口径'],
      ],
    );
    assert.equal((await runCli(['settings', 'reset', 'fee.pause'], { dataDir })).code, 0);
    assert.equal(await value(), 'on');
    assert.equal(await value('--agency', 'rs-edu'), 'on');
    const unknown = await runCli(['settings', 'reset', 'fee.paws', '--agency', 'rs-edu'], { dataDir });
    assert.equal(unknown.code, 64);
    assert.match(unknown.err, /未知设置“fee\.paws”/);
    // The letter settings reset the same way.
    assert.equal((await runCli(['letter', 'settings', 'set', 'letter.court', '某区人民法院', '--agency', 'rs-edu'], { dataDir })).code, 0);
    const letterReset = await runCli(['letter', 'settings', 'reset', 'letter.court', '--agency', 'rs-edu'], { dataDir });
    assert.equal(letterReset.code, 0, letterReset.err);
    assert.match(letterReset.out, /^rs-edu：letter\.court 某区人民法院 → 恢复默认（现为 /);
    const shown = JSON.parse((await runCli(['letter', 'settings', 'show', '--agency', 'rs-edu', '--json'], { dataDir })).out);
    assert.equal(shown.find((r: { key: string }) => r.key === 'letter.court').source, 'default');
    assert.match(
      (await runCli(['letter', 'settings', 'reset', 'letter.court', '--agency', 'rs-edu'], { dataDir })).out,
      /本来就没有本机关的值，未作修改/,
    );
  });

  test('an unknown key or a bad value exits 64 and writes nothing', async () => {
    const dataDir = await makeDataDir();
    for (const args of [
      ['settings', 'set', 'fee.paws', 'off'],
      ['settings', 'set', 'clock.due-soon-working-days', '-1'],
      ['settings', 'set', 'receipt.office-hours-end', '25:00'],
    ]) {
      const run = await runCli(args, { dataDir });
      assert.equal(run.code, 64, args.join(' '));
      assert.match(run.err, /[\u4e00-\u9fff]/);
    }
    await assert.rejects(readFile(join(dataDir, 'settings.json')), { code: 'ENOENT' });
  });

  test('receipt.rest-day next-working-day moves a Saturday receipt and makes the due date one working day later', async () => {
    const dataDir = await makeDataDir();
    const args = ['deadline', '--received', '2025-03-08', '--channel', 'online', '--today', '2025-03-10', '--json'];
    const asIs = JSON.parse((await runCli(args, { dataDir })).out);
    await runCli(['settings', 'set', 'receipt.rest-day', 'next-working-day'], { dataDir });
    const moved = JSON.parse((await runCli(args, { dataDir })).out);
    assert.equal(asIs.received, '2025-03-08');
    assert.equal(moved.received, '2025-03-10');
    // Day 1 is Monday 03-10; 2025-04-04 (Fri) is 清明: the 20th working day is 04-07, one more is 04-08.
    assert.equal(asIs.due, '2025-04-07');
    assert.equal(moved.due, '2025-04-08');
  });
});
