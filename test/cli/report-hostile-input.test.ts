// Hostile and odd inputs to `report check` as a user meets them (issue #9): devices and FIFOs,
// links, folders that cannot be listed, names that are not UTF-8 or hold control characters, a file
// that takes longer than its time budget. The batch always goes on and names what it could not read.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { jsonLines, makeTempDir, ROOT, runCli, SEED_DIR } from './report-cli-harness.ts';

const SEED = join(ROOT, SEED_DIR, '000_fa62d5864337d3a6.txt');

/** Runs ./gongkai as a process with extra environment variables. */
function gongkai(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd = ROOT,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'gongkai'),
      [...args],
      {
        cwd,
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DATABASE_URL: '', GONGKAI_DATA_DIR: join(cwd, '.data'), ...env },
      },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, out: stdout, err: stderr }),
    );
  });
}

describe('report check on hostile input', () => {
  test('/dev/zero and a FIFO are refused before reading (no hang, no 5 GB read); the report beside them is read', async () => {
    const dir = await makeTempDir();
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await copyFile(SEED, join(dir, 'seed.txt'));
    const run = await runCli(['report', 'check', '--json', '/dev/zero', fifo, join(dir, 'seed.txt')]);
    const [zero, pipe, seed] = jsonLines(run.out);
    assert.equal(run.code, 2);
    assert.match(zero?.findings[0]?.message ?? '', /不是普通文件（设备文件）/u);
    assert.match(pipe?.findings[0]?.message ?? '', /不是普通文件（命名管道）/u);
    assert.equal(seed?.agency !== null && (seed?.cells.length ?? 0) > 0, true);
  });

  test('links inside a folder: a link to a file is read, a link back up is skipped and named, a broken link is unreadable', async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, 'reports', 'sub'), { recursive: true });
    await copyFile(SEED, join(dir, 'reports', 'a.txt'));
    await copyFile(SEED, join(dir, 'outside.txt'));
    await symlink(join(dir, 'outside.txt'), join(dir, 'reports', 'sub', 'linked.txt'));
    await symlink('..', join(dir, 'reports', 'sub', 'up'));
    await symlink(join(dir, 'nowhere.txt'), join(dir, 'reports', 'broken.txt'));
    const run = await runCli(['report', 'check', join(dir, 'reports')]);
    assert.match(run.out, /sub\/linked\.txt\s+模板/u);
    assert.match(run.out, /broken\.txt\s+无法读取/u);
    assert.match(run.out, /未读取 1 项：\n\s+\S+sub\/up：符号链接指向已列出的目录/u);
    assert.equal(run.code, 2);
  });

  test('a file name that is not UTF-8 is read (shown decoded as GB18030); control characters in names are escaped', async () => {
    const dir = await makeTempDir();
    // 年报报告.txt in GBK, as zips made on Chinese Windows unpack.
    const gbk = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]);
    copyFileSync(SEED, gbk);
    await writeFile(join(dir, 'x\u001b[2Jy.txt'), '这不是年度报告\n');
    const run = await runCli(['report', 'check', dir]);
    assert.match(run.out, /年报报告\.txt\s+模板 20(?:19|21)/u);
    assert.doesNotMatch(run.out, /\u001b/u);
    assert.match(run.out, /x\\x1b\[2Jy\.txt/u);
    const json = jsonLines((await runCli(['report', 'check', '--json', dir])).out);
    assert.equal(json.length, 2);
    assert.equal(
      json.find((r) => r.source.endsWith('年报报告.txt'))?.findings.some((f) => f.rule === 'READ-SOURCE'),
      false,
    );
  });

  test('a path too long to open is reported and the batch goes on', async () => {
    const dir = await makeTempDir();
    await copyFile(SEED, join(dir, 'a.txt'));
    // 18 folders of 240 characters: longer than PATH_MAX (4096), made one step at a time.
    const part = 'd'.repeat(240);
    execFileSync('bash', ['-c', `cd "$0" && for i in $(seq 18); do mkdir "$1" && cd "$1"; done && cp "$2" deep.txt`, dir, part, SEED]);
    const run = await runCli(['report', 'check', '--json', dir]);
    const readings = jsonLines(run.out);
    assert.equal(readings[0]?.source, join(dir, 'a.txt'));
    assert.ok((readings[0]?.cells.length ?? 0) > 0);
    assert.ok(readings.slice(1).some((r) => /路径太长/u.test(r.findings[0]?.message ?? '')));
    assert.equal(run.code, 2);
  });

  test('a file past its time budget (GONGKAI_READ_TIMEOUT) is unreadable with the reason; the others are read', async () => {
    const dir = await makeTempDir();
    await copyFile(SEED, join(dir, 'a.txt'));
    const rendered = await gongkai(['report', 'render', SEED, '--to', 'docx', '--out', join(dir, 'b.docx')], {}, dir);
    assert.equal(rendered.code, 0, rendered.err);
    const run = await gongkai(['report', 'check', '--json', dir], { GONGKAI_READ_TIMEOUT: '0.001' }, dir);
    const [text, docx] = jsonLines(run.out);
    assert.ok((text?.cells.length ?? 0) > 0);
    assert.match(docx?.findings[0]?.message ?? '', /读取超时（超过 0\.001 秒仍未读完）/u);
    assert.equal(run.code, 2, run.err);
    // Within its budget the same file reads fully.
    const again = jsonLines((await gongkai(['report', 'check', '--json', dir], { GONGKAI_READ_TIMEOUT: '60' }, dir)).out);
    assert.ok((again[1]?.cells.length ?? 0) > 0);
  });

  test('GONGKAI_READ_TIMEOUT must be a number of seconds', async () => {
    const run = await gongkai(['report', 'check', SEED], { GONGKAI_READ_TIMEOUT: 'soon' });
    assert.equal(run.code, 78);
    assert.match(run.err, /GONGKAI_READ_TIMEOUT/u);
  });

  test('report new --out under /proc fails at once with the reason (recursive mkdir used to hang there)', async () => {
    const run = await runCli(['report', 'new', '--template', '2021', '--year', '2025', '--to', 'md', '--out', '/proc/gongkai-x/y.md']);
    assert.equal(run.code, 64);
    assert.match(run.err, /无法写入“\/proc\/gongkai-x\/y\.md”：无法在该位置创建目录/u);
  });

  test('a malformed report-read@1 file is unreadable with a Chinese reason that places the error, no parser English', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'bad.json'), '{"schema":"gongkai/report-read@1",\n  "source": oops}\n');
    const [reading] = jsonLines((await runCli(['report', 'read', '--json', join(dir, 'bad.json')])).out);
    assert.equal(reading?.findings[0]?.message, '无法读取文件：不是有效的JSON：第2行第13列附近有语法错误');
  });
});
