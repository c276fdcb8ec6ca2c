import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeTempDirSync } from '#test/temp-dir.ts';
import { runInProcess } from './run-in-process.ts';

const context = {
  isTTY: false,
  env: { GONGKAI_DATA_DIR: makeTempDirSync('gongkai-bench-') },
  cwd: process.cwd(),
  now: () => new Date('2026-11-23T10:00:00Z'),
};

// A smoke test of the command only: the figures are printed, never asserted (style.md).
describe('gongkai bench', () => {
  test('bench reader prints every single-threaded path, the ratio and the goals', async () => {
    const run = await runInProcess(['bench', 'reader', '--count', '12', '--rounds', '1', '--no-pool'], context);
    assert.equal(run.code, 0, run.err);
    for (const text of [
      'io ',
      'baseline ',
      'full ',
      '完整/基线 耗时比',
      '目标 / goal ≥ 1000',
      '含错误级发现的报告 / reports with error findings: 0',
    ]) {
      assert.ok(run.out.includes(text), `missing “${text}” in:\n${run.out}`);
    }
    assert.ok(!run.out.includes('工作线程池（'), 'no pool with --no-pool');
  });

  test('bench start prints CPU and wall time of --help, deadline (fresh and used data directory) and fee against the baseline, with the goal', async () => {
    const run = await runInProcess(['bench', 'start', '--runs', '1'], context);
    assert.equal(run.code, 0, run.err);
    for (const text of [
      'baseline    CPU',
      '--help      CPU',
      'deadline    CPU',
      'deadline+db CPU',
      'fee         CPU',
      '× 基线',
      '目标 / goal ≤ 0.25 s CPU',
    ]) {
      assert.ok(run.out.includes(text), `missing “${text}” in:\n${run.out}`);
    }
    const bad = await runInProcess(['bench', 'start', '--runs', '0'], context);
    assert.equal(bad.code, 64);
  });

  test('bench without a target shows the usage and exits 64; bad options exit 64 with a Chinese message', async () => {
    const bare = await runInProcess(['bench'], context);
    assert.equal(bare.code, 64);
    assert.match(bare.out, /gongkai bench reader/);
    const badCount = await runInProcess(['bench', 'reader', '--count', 'abc'], context);
    assert.equal(badCount.code, 64);
    assert.match(badCount.err, /--count 应为 1 至 100000 之间的整数/);
    const unknown = await runInProcess(['bench', 'writer'], context);
    assert.equal(unknown.code, 64);
    assert.match(unknown.err, /未知的基准“writer”/);
  });
});
