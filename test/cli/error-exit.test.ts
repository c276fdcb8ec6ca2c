// Every refusal leaves the CLI through the one error table (app/error-outcomes.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeDataDir, runCli } from './clock-cli-harness.ts';
import { runInProcess } from './run-in-process.ts';

describe('CLI errors go through the error table', () => {
  test('a bad environment exits 78 (CONFIG_INVALID) with every problem in Chinese, before the command runs', async () => {
    const run = await runInProcess(['calendar', 'history'], {
      isTTY: false,
      env: { GONGKAI_DATA_DIR: await makeDataDir(), DATABASE_URL: 'mysql://db/x', GONGKAI_PORT: 'eighty' },
      cwd: '/',
      now: () => new Date(),
    });
    assert.equal(run.code, 78);
    assert.equal(run.out, '');
    assert.match(run.err, /配置有误/);
    assert.match(run.err, /DATABASE_URL/);
    assert.match(run.err, /GONGKAI_PORT/);
  });
  test('--help needs no configuration', async () => {
    const run = await runInProcess(['--help'], {
      isTTY: false,
      env: { GONGKAI_DATA_DIR: '/nonexistent' },
      cwd: '/',
      now: () => new Date(),
    });
    assert.equal(run.code, 0);
  });
  test('a year out of range is INVALID_INPUT: exit 64, nothing computed', async () => {
    for (const year of ['9999', '1000', '1899', '2201']) {
      const run = await runCli(['calendar', 'show', year], { dataDir: await makeDataDir() });
      assert.equal(run.code, 64, run.err);
      assert.match(run.err, /年份应在 1900 至 2200 之间/);
    }
  });
  test('calendar show accepts the same years as every date (1900–2200, SUPPORTED_YEARS)', async () => {
    const dataDir = await makeDataDir();
    // 1900 and 2200 have no holiday data: Monday–Friday, 261 working days in both (by hand: neither is a
    // leap year, 365 days = 52 weeks + 1 day, and that day is a weekday: 1 January is a Monday in 1900, a
    // Wednesday in 2200).
    for (const year of ['1900', '2200']) {
      const run = await runCli(['calendar', 'show', year], { dataDir });
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, new RegExp(`${year}年：无节假日数据`));
      assert.match(run.out, /全年 261 个工作日/);
    }
  });
  test('settings list shows the data directory in use', async () => {
    const dataDir = await makeDataDir();
    const run = await runCli(['settings', 'list'], { dataDir });
    assert.equal(run.code, 0);
    assert.ok(run.out.startsWith(`数据目录：${dataDir}（GONGKAI_DATA_DIR）`), run.out.slice(0, 200));
  });
});

describe('gongkai --help', () => {
  test('lists every command from the table, and each listed command loads and answers its own --help', async () => {
    const dataDir = await makeDataDir();
    const help = await runCli(['--help'], { dataDir });
    assert.equal(help.code, 0);
    const names = [...help.out.matchAll(/^ {2}([a-z-]+) {2,}\S/gm)].map((m) => m[1]!);
    assert.ok(names.includes('deadline') && names.includes('report') && names.length >= 8, help.out);
    for (const name of names) {
      const run = await runCli([name, '--help'], { dataDir });
      assert.equal(run.code, 0, `${name} --help: ${run.err}`);
      assert.match(run.out, /用法/, name);
    }
  });
});
