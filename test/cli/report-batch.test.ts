// Issue #10, auditing many reports as researchers do: --only, --summary, files that are no annual
// report, the same report twice, the 格式 column; and --strict for a report about to be published.
import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { TEMPLATES } from '#core/reports/template.ts';
import { jsonLines, makeTempDir, ruleList, runCli, SEED_DIR } from './report-cli-harness.ts';

const SEED_000 = `${SEED_DIR}/000_fa62d5864337d3a6.txt`;
const SEED_004 = `${SEED_DIR}/004_b8b917888f6bbb4a.txt`;

/** A directory with two seeds, a copy of one of them, and a meeting notice that is no report. */
async function batch(): Promise<string> {
  const dir = await makeTempDir();
  await cp(SEED_000, join(dir, 'a.txt'));
  await cp(SEED_000, join(dir, 'b-copy.txt'));
  await cp(SEED_004, join(dir, 'c.txt'));
  await writeFile(
    join(dir, 'd-notice.txt'),
    '关于开展植树活动的通知\n各科室：\n定于3月12日组织植树活动，请各科室派2人参加。\n办公室\n2024年3月1日\n',
  );
  return dir;
}

const summaryRows = (text: string) =>
  text
    .split('\n')
    .filter((line) => /\.txt\s/u.test(line))
    .map((line) => line.split(/\s{2,}/u));

describe('report check over a batch', () => {
  test('the 格式 column names the template; a file that is no report is one 不是年度报告 notice', async () => {
    const dir = await batch();
    const run = await runCli(['report', 'check', dir]);
    assert.equal(run.code, 0, run.err);
    const rows = summaryRows(run.out);
    assert.deepEqual(
      rows.map((row) => [row[0]?.slice(dir.length + 1), row[1]]),
      [
        ['a.txt', '模板 2021'],
        ['b-copy.txt', '模板 2021'],
        ['c.txt', '模板 2019'],
        ['d-notice.txt', '不是年度报告'],
      ],
    );
    const [notice] = jsonLines((await runCli(['report', 'read', '--json', join(dir, 'd-notice.txt')])).out);
    assert.deepEqual(ruleList(notice!), ['NOT-A-REPORT']);
    assert.equal(notice!.findings[0]?.message, '这不是政府信息公开工作年度报告（没有找到年度报告的表格和栏目）');
    assert.deepEqual([notice!.agency, notice!.year], [null, null]);
  });

  test('the same agency and year twice is a DUPLICATE-REPORT warning on each, naming the other file', async () => {
    const dir = await batch();
    const run = await runCli(['report', 'check', '--json', dir]);
    const readings = jsonLines(run.out);
    const duplicates = readings.map((r) => r.findings.filter((f) => f.rule === 'DUPLICATE-REPORT').map((f) => f.message));
    assert.deepEqual(duplicates, [
      [`与“${join(dir, 'b-copy.txt')}”是同一机关同一年度的报告（黄石市民政局 2023年）`],
      [`与“${join(dir, 'a.txt')}”是同一机关同一年度的报告（黄石市民政局 2023年）`],
      [],
      [],
    ]);
  });

  test('a traditional copy names its agency as written, and is a duplicate of the simplified one all the same', async () => {
    const dir = await makeTempDir();
    const simplified = ['黄石市民政局2023年政府信息公开工作年度报告', '一、总体情况', '2023年，我局主动公开信息12条。'].join('\n');
    await writeFile(join(dir, 'a.txt'), `${simplified}\n`);
    const traditional = ['黃石市民政局2023年政府信息公開工作年度報告', '一、總體情況', '2023年，我局主動公開信息12條。'].join('\n');
    await writeFile(join(dir, 'b.txt'), `${traditional}\n`);
    const readings = jsonLines((await runCli(['report', 'check', '--json', dir])).out);
    assert.deepEqual(
      readings.map((r) => r.agency),
      ['黄石市民政局', '黃石市民政局'],
    );
    assert.deepEqual(
      readings.map((r) => r.findings.filter((f) => f.rule === 'DUPLICATE-REPORT').length),
      [1, 1],
    );
  });

  test('--only errors / warnings lists that severity alone; anything else is a usage error', async () => {
    const dir = await batch();
    const warnings = await runCli(['report', 'check', '--only', 'warnings', dir]);
    const findingLines = (out: string) => out.split('\n').filter((line) => /^ {2}\[/u.test(line));
    assert.ok(findingLines(warnings.out).length >= 3);
    assert.ok(findingLines(warnings.out).every((line) => line.startsWith('  [警告]')));
    const errors = await runCli(['report', 'check', '--only', 'errors', dir]);
    assert.deepEqual(findingLines(errors.out), []);
    const json = jsonLines((await runCli(['report', 'check', '--json', '--only', 'warnings', dir])).out);
    assert.ok(json.every((r) => r.findings.every((f) => f.severity === 'warning')));
    const bad = await runCli(['report', 'check', '--only', 'notes', dir]);
    assert.equal(bad.code, 64);
    assert.match(bad.err, /--only 必须是 errors（只列错误）或 warnings（只列警告），收到“notes”/u);
  });

  test('--summary prints the table alone', async () => {
    const dir = await batch();
    const run = await runCli(['report', 'check', '--summary', dir]);
    assert.equal(run.code, 0);
    assert.equal(run.out.split('\n')[1]?.startsWith('文件'), true, run.out);
    assert.doesNotMatch(run.out, /\[(提示|警告|错误)\]/u);
    assert.match(run.out, /共 4 个文件/u);
  });
});

describe('report check --strict', () => {
  test('a blank report from report new fails, every blank cell named by sheet, cell and labels', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'blank.xlsx');
    assert.equal((await runCli(['report', 'new', '--year', '2026', '--to', 'xlsx', '--out', path])).code, 0);
    assert.equal((await runCli(['report', 'check', path])).code, 0);
    const strict = await runCli(['report', 'check', '--strict', path]);
    assert.equal(strict.code, 1);
    const table3 = strict.out.split('\n').find((line) => line.startsWith('  [错误] CELL-BLANK 表三有175个单元格为空')) ?? '';
    assert.match(table3, /表三!D4（一、本年新收政府信息公开申请数量 \/ 自然人）/u);
    assert.match(table3, /表三!J\d+（四、结转下年度继续办理 \/ 总计）/u);
    assert.equal(table3.match(/表三!/gu)?.length, 175);
  });

  test('无 where the template needs a number is an error naming the cell', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'none.xlsx');
    assert.equal((await runCli(['report', 'new', '--year', '2026', '--to', 'xlsx', '--out', path])).code, 0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets.find((s) => s.name.startsWith('表二')) ?? assert.fail('no sheet 表二');
    sheet.getCell('B3').value = '无';
    await workbook.xlsx.writeFile(path);
    const strict = await runCli(['report', 'check', '--strict', path]);
    assert.equal(strict.code, 1);
    assert.match(strict.out, /\[错误\] CELL-TEXT .*表二!B3（规章 \/ 本年制发件数）/u);
  });
});

describe('report export', () => {
  test('CSV, one row per report and cell: BOM, Chinese headers, template order, blanks left empty', async () => {
    const dir = await batch();
    const run = await runCli(['report', 'export', dir, '--to', 'csv']);
    assert.equal(run.code, 0, run.err);
    assert.ok(run.out.startsWith('\uFEFF文件,机关,年度,模板,错误,警告,提示,表,行,列,单元格编号,数值,原文\r\n'));
    const rows = run.out.slice(1).trimEnd().split('\r\n').slice(1);
    const seed000 = rows.filter((row) => row.startsWith(`${join(dir, 'a.txt')},`));
    assert.equal(seed000.length, TEMPLATES['2021'].cells.length);
    assert.equal(seed000[0], `${join(dir, 'a.txt')},黄石市民政局,2023,模板 2021,0,1,4,表二,规章,本年制发件数,rules.issued,0,0`);
    assert.equal(seed000[1], `${join(dir, 'a.txt')},黄石市民政局,2023,模板 2021,0,1,4,表二,规章,本年废止件数,rules.repealed,,`);
    assert.ok(rows.some((row) => row.startsWith(`${join(dir, 'd-notice.txt')},,,不是年度报告,0,0,1,`)));
  });

  test('--wide XLSX: one row per report, one column per cell under its Chinese labels', async () => {
    const dir = await batch();
    const out = join(await makeTempDir(), 'export.XLSX');
    const run = await runCli(['report', 'export', dir, '--wide', '--out', out]);
    assert.equal(run.code, 0, run.err);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0] ?? assert.fail('no sheet');
    assert.equal(sheet.rowCount, 5);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 8), ['文件', '机关', '年度', '模板', '错误', '警告', '提示', '表二 规章 / 本年制发件数']);
    assert.ok(header.includes('表三 （七）总计 / 自然人'));
    const c = (sheet.getRow(4).values as unknown[]).slice(1);
    assert.deepEqual(c.slice(1, 4), ['嘉兴市民政局', 2020, '模板 2019']);
    const again = await runCli(['report', 'export', dir, '--wide', '--out', out]);
    assert.equal(again.code, 64);
  });
});
