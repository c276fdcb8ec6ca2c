// Issue #10, authoring a report as county staff do: an XLSX from `report new` filled in Excel (totals
// as formulas with their saved results), findings named by sheet and cell and by the labels of the
// form, one wrong cell shown as one problem, JSON keeping the narrative, and a publishable DOCX.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { cellMap, jsonLines, makeTempDir, ruleList, runCli, SEED_DIR } from './report-cli-harness.ts';

type Fill = Readonly<Record<string, number>>;

/** A balanced table 三 (natural persons only): 3 received + 1 carried in = 3 disclosed (= 总计) + 1 carried out. */
const BALANCED: Fill = {
  '一、本年新收政府信息公开申请数量': 3,
  '二、上年结转政府信息公开申请数量': 1,
  '（一）予以公开': 3,
  '（七）总计': 3,
  '四、结转下年度继续办理': 1,
};

async function blankWorkbook(dir: string): Promise<string> {
  const path = join(dir, 'blank.xlsx');
  const made = await runCli(['report', 'new', '--year', '2026', '--to', 'xlsx', '--out', path, '--agency', '某县民政局']);
  assert.equal(made.code, 0, made.err);
  return path;
}

/**
 * Fills table 三 as a person does in Excel: the six applicant columns typed in (D…I), the 总计 column J
 * as `SUM(Dn:In)` saved with its result, as Excel and WPS save it; `edit` may change cells after.
 */
async function fillInExcel(
  blank: string,
  out: string,
  fill: Fill,
  edit?: (sheet: ExcelJS.Worksheet, rowOf: (label: string) => number) => void,
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(blank);
  const sheet = workbook.worksheets.find((s) => s.name.startsWith('表三')) ?? assert.fail('no sheet 表三');
  const rowOf = (label: string) => {
    for (let r = 1; r <= sheet.rowCount; r++) {
      if (sheet.getRow(r).getCell(3).text === label) {
        return r;
      }
    }
    return assert.fail(`no row ${label}`);
  };
  for (const [label, n] of Object.entries(fill)) {
    const r = rowOf(label);
    for (let c = 4; c <= 9; c++) {
      sheet.getCell(r, c).value = c === 4 ? n : 0;
    }
    sheet.getCell(r, 10).value = { formula: `SUM(D${r}:I${r})`, result: n } as ExcelJS.CellFormulaValue;
  }
  edit?.(sheet, rowOf);
  await workbook.xlsx.writeFile(out);
}

describe('XLSX formulas read as their saved results', () => {
  test('a total saved as <f>SUM(…)</f><v>0</v> reads as 0, not as a blank cell', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'zeros.xlsx');
    const zeros = Object.fromEntries(Object.keys(BALANCED).map((label) => [label, 0]));
    await fillInExcel(await blankWorkbook(dir), path, zeros);
    const xml = await import('jszip').then(async ({ default: JSZip }) => {
      const zip = await JSZip.loadAsync(await readFile(path));
      const names = Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'));
      return Promise.all(names.map((n) => zip.file(n)!.async('string'))).then((all) => all.join(''));
    });
    assert.match(xml, /<f>SUM\(D\d+:I\d+\)<\/f><v>0<\/v>/, 'the file holds the formula with its cached 0');
    const run = await runCli(['report', 'read', '--json', path]);
    const [reading] = jsonLines(run.out);
    const cells = cellMap(reading!);
    for (const row of ['received', 'carried_in', 'outcome.disclosed', 'outcome.total', 'carried_out']) {
      assert.equal(cells[`${row}.total`], 0, `${row}.total`);
    }
    assert.equal(ruleList(reading!).includes('T3-BALANCE'), false);
    assert.equal(ruleList(reading!).includes('READ-FORMULA'), false);
  });

  test('a formula saved without a result is a READ-FORMULA warning naming the sheet and cell', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'unsaved.xlsx');
    let address = '';
    await fillInExcel(await blankWorkbook(dir), path, BALANCED, (sheet, rowOf) => {
      const r = rowOf('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
      sheet.getCell(r, 10).value = { formula: `D${r}*2` } as ExcelJS.CellFormulaValue;
      address = `J${r}`;
    });
    const run = await runCli(['report', 'check', path]);
    assert.match(run.out, new RegExp(`\\[警告\\] READ-FORMULA 表三!${address} 是公式，但文件中没有保存计算结果`, 'u'));
  });

  test('a plain SUM saved without a result is computed from its cells, and a notice names it', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'sum.xlsx');
    await fillInExcel(await blankWorkbook(dir), path, BALANCED, (sheet, rowOf) => {
      const r = rowOf('一、本年新收政府信息公开申请数量');
      sheet.getCell(r, 10).value = { formula: `SUM(D${r}:I${r})` } as ExcelJS.CellFormulaValue;
    });
    const [reading] = jsonLines((await runCli(['report', 'read', '--json', path])).out);
    assert.equal(cellMap(reading!)['received.total'], 3);
    assert.equal(ruleList(reading!).includes('READ-FORMULA'), false);
    const computed = reading!.findings.filter((f) => f.rule === 'READ-FORMULA-COMPUTED');
    assert.deepEqual(
      computed.map((f) => [f.severity, f.message]),
      [['notice', '1个公式没有保存计算结果，已按公式计算：表三!J4（=3）（在 Excel 或 WPS 中打开并保存即可消除本提示）']],
    );
  });
});

describe('report new --to xlsx: a form that adds up as staff type', () => {
  test('totals are formulas over the cells they add up; labels and totals are locked, value cells open', async () => {
    const dir = await makeTempDir();
    const blank = await blankWorkbook(dir);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(blank);
    const sheet = workbook.worksheets.find((s) => s.name.startsWith('表三')) ?? assert.fail('no sheet 表三');
    const rowOf = (label: string) => {
      for (let r = 1; r <= sheet.rowCount; r++) {
        if (sheet.getRow(r).getCell(3).text === label) {
          return r;
        }
      }
      return assert.fail(`no row ${label}`);
    };
    const received = rowOf('一、本年新收政府信息公开申请数量');
    const total = rowOf('（七）总计');
    const disclosed = rowOf('（一）予以公开');
    assert.equal(sheet.getCell(received, 10).formula, `IF(COUNT(D${received}:I${received})=0,"",SUM(D${received}:I${received}))`);
    assert.equal(sheet.getCell(total, 4).formula, `IF(COUNT(D${disclosed}:D${total - 1})=0,"",SUM(D${disclosed}:D${total - 1}))`);
    assert.equal((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet, true);
    assert.equal(sheet.getCell(received, 3).protection?.locked, undefined, 'labels keep the default: locked');
    assert.equal(sheet.getCell(received, 4).protection?.locked, false);
    const t4 = workbook.worksheets.find((s) => s.name.startsWith('表四')) ?? assert.fail('no sheet 表四');
    assert.equal(t4.getCell(4, 5).formula, 'IF(COUNT(A4:D4)=0,"",SUM(A4:D4))');

    // Staff type the applicant columns only; the totals follow.
    sheet.getCell(received, 4).value = 2;
    sheet.getCell(received, 5).value = 1;
    sheet.getCell(disclosed, 4).value = 2;
    await workbook.xlsx.writeFile(blank);
    const [reading] = jsonLines((await runCli(['report', 'read', '--json', blank])).out);
    const cells = cellMap(reading!);
    assert.equal(cells['received.total'], 3);
    assert.equal(cells['outcome.total.natural_person'], 2);
    assert.equal('carried_in.total' in cells, false, 'a total of blank cells stays blank');
    assert.equal(ruleList(reading!).includes('READ-FORMULA'), false);
  });
});

describe('findings named as the user sees them', () => {
  test('one wrong cell that breaks three sums is one problem with its consequences and the value it should have', async () => {
    const dir = await makeTempDir();
    const path = join(dir, 'wrong.xlsx');
    // （七）总计 / 自然人 typed as 4 (the other outcome rows as 0 so every sum can be checked).
    const fill = { ...BALANCED, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': 0 };
    let address = '';
    await fillInExcel(await blankWorkbook(dir), path, fill, (sheet, rowOf) => {
      const r = rowOf('（七）总计');
      sheet.getCell(r, 4).value = 4;
      address = `D${r}`;
      // Every sub-row of （三）…（六） as 0 (the groups are added up from them).
      for (let g = 1; g <= sheet.rowCount; g++) {
        if (/^\d\./u.test(sheet.getRow(g).getCell(3).text)) {
          for (let c = 4; c <= 10; c++) {
            sheet.getCell(g, c).value = 0;
          }
        }
      }
    });
    const run = await runCli(['report', 'read', path]);
    assert.equal(run.code, 1);
    const lines = run.out.split('\n');
    const head = lines.findIndex((line) => line.startsWith(`  [错误] 表三!${address}（（七）总计 / 自然人） 现为 4，应为 3：`));
    assert.ok(head >= 0, run.out);
    assert.match(lines[head]!, /这一处使以下 3 项核对不符$/u);
    assert.deepEqual(
      lines.slice(head + 1, head + 4).map((line) => /^ {6}- (\S+)/u.exec(line)?.[1]),
      ['T3-BALANCE', 'T3-OUTCOME-TOTAL', 'T3-ROW-TOTAL'],
    );
    // No other error line: the three are not repeated as unrelated problems.
    assert.equal(lines.filter((line) => line.startsWith('  [错误]')).length, 1);

    const explained = await runCli(['report', 'read', '--explain', path]);
    assert.match(explained.out, /\[不符\] T3-BALANCE 〔表三!D\d+（一、本年新收政府信息公开申请数量 \/ 自然人）〕/u);
    assert.doesNotMatch(explained.out, /outcome\.total\.natural_person|received\.natural_person/u);
  });

  test('read on worker threads (a batch of 24 and more) shows the same one problem', { timeout: 120_000 }, async () => {
    const dir = await makeTempDir();
    const fill = { ...BALANCED, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': 0 };
    await fillInExcel(await blankWorkbook(dir), join(dir, 'wrong.xlsx'), fill, (sheet, rowOf) => {
      sheet.getCell(rowOf('（七）总计'), 4).value = 4;
    });
    const seed = await readFile(`${SEED_DIR}/000_fa62d5864337d3a6.txt`);
    for (let i = 0; i < 24; i++) {
      await writeFile(join(dir, `seed-${String(i).padStart(2, '0')}.txt`), seed);
    }
    const run = await runCli(['report', 'check', '--jobs', '2', dir]);
    assert.match(run.out, /\[错误\] 表三!D\d+（（七）总计 \/ 自然人） 现为 4，应为 3：这一处使以下 2 项核对不符/u);
  });

  test('in a text format the place is the row and column labels, and a lone wrong total says what it should be', async () => {
    const dir = await makeTempDir();
    const xlsx = join(dir, 'one.xlsx');
    await fillInExcel(await blankWorkbook(dir), xlsx, BALANCED, (sheet, rowOf) => {
      sheet.getCell(rowOf('（一）予以公开'), 10).value = 5;
    });
    const md = join(dir, 'one.md');
    assert.equal((await runCli(['report', 'render', xlsx, '--to', 'md', '--out', md])).code, 0);
    const run = await runCli(['report', 'read', md]);
    assert.match(
      run.out,
      /\n {2}\[错误\] T3-ROW-TOTAL 表三“（一）予以公开”行：总计5不等于六类申请人之和3；表三 （一）予以公开 \/ 总计 应为 3\n/u,
    );
  });
});

describe('rendering keeps what a reader needs', () => {
  test('seed 004 rendered to JSON keeps its narrative: both NARR-SUM warnings survive the round trip', async () => {
    const dir = await makeTempDir();
    const json = join(dir, '004.json');
    const seed = `${SEED_DIR}/004_b8b917888f6bbb4a.txt`;
    const before = jsonLines((await runCli(['report', 'read', '--json', seed])).out)[0]!;
    assert.equal((await runCli(['report', 'render', seed, '--to', 'json', '--out', json])).code, 0);
    const after = jsonLines((await runCli(['report', 'read', '--json', json])).out)[0]!;
    const narrSum = (r: typeof before) => r.findings.filter((f) => f.rule === 'NARR-SUM').map((f) => f.message);
    assert.equal(narrSum(before).length, 2);
    assert.deepEqual(narrSum(after), narrSum(before));
  });

  test('a filled workbook rendered to DOCX is ready to publish: no scaffolding, the opening, headings and the 落款', async () => {
    const dir = await makeTempDir();
    const xlsx = join(dir, 'filled.xlsx');
    await fillInExcel(await blankWorkbook(dir), xlsx, BALANCED);
    const docx = join(dir, 'filled.docx');
    const run = await runCli(['report', 'render', xlsx, '--to', 'docx', '--out', docx]);
    assert.equal(run.code, 0, run.err);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(docx) });
    const paragraphs = value
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    assert.equal(paragraphs[0], '某县民政局2026年政府信息公开工作年度报告');
    assert.match(paragraphs[1]!, /^本报告根据《中华人民共和国政府信息公开条例》/u);
    assert.equal(paragraphs[2], '本报告统计期限自2026年1月1日起至2026年12月31日止。');
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) {
      assert.ok(paragraphs.includes(heading), heading);
    }
    assert.equal(
      paragraphs.some((p) => /^报告(机关|年度|格式)：|见工作表/u.test(p)),
      false,
    );
    assert.deepEqual(paragraphs.slice(-2), ['某县民政局', '年　　月　　日']);
  });
});
