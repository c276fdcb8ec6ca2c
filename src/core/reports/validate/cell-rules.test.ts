import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCells, buildFacts, SEED_FACTS } from '#test/factories/report-facts.ts';
import { readDocumentText } from '../read/read-document-text.ts';
import { readTables } from '../read/read-tables.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import { checkCellBlank, checkCellSign, checkCellText, checkCellValue } from './cell-rules.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { DEFAULT_VALIDATION_SETTINGS, toReportFacts } from './rule.ts';

const run = (check: RuleCheck, report: ReportFacts) => check({ report, settings: DEFAULT_VALIDATION_SETTINGS });
const failures = (evaluations: readonly RuleEvaluation[]) => evaluations.filter((e) => e.status === 'fail');
const findingsOf = (evaluations: readonly RuleEvaluation[]) => failures(evaluations).map((e) => e.finding);

describe('CELL-BLANK (validation-rules.md rule 14): one notice per found table, cells = the absent template cells', () => {
  test('seed 000: 表二 4, 表三 169, 表四 15 blank cells with the catalogue messages (§5)', () => {
    const found = findingsOf(run(checkCellBlank, SEED_FACTS['000']()));
    assert.deepEqual(
      found.map((f) => f?.message),
      [
        '表二有4个单元格为空（空白不按0计算，相关勾稽检查已跳过）',
        '表三有169个单元格为空（空白不按0计算，相关勾稽检查已跳过）',
        '表四有15个单元格为空（空白不按0计算，相关勾稽检查已跳过）',
      ],
    );
    assert.deepEqual(found[0]?.cells, ['rules.repealed', 'rules.in_force', 'normative_documents.repealed', 'normative_documents.in_force']);
    assert.equal(found[2]?.cells.length, 15);
    assert.equal(found[0]?.severity, 'notice');
  });

  test('seed 004 (2019 template): 表三 has 135 blank cells counted against the 2019 rows (§5)', () => {
    const found = findingsOf(run(checkCellBlank, SEED_FACTS['004']()));
    assert.deepEqual(
      found.map((f) => f?.message),
      ['表三有135个单元格为空（空白不按0计算，相关勾稽检查已跳过）'],
    );
    // outcome.other is a 2019 data row: its applicant cells are blank cells, its sub-rows do not exist.
    assert.ok(found[0]?.cells.includes('outcome.other.natural_person'));
    assert.ok(!found[0]?.cells.some((id) => id.startsWith('outcome.other.no_correction')));
  });

  test('seeds 001–003 have every cell present: CELL-BLANK passes for each table', () => {
    for (const seed of ['001', '002', '003'] as const) {
      const evaluations = run(checkCellBlank, SEED_FACTS[seed]());
      assert.deepEqual(
        evaluations.map((e) => e.status),
        ['pass', 'pass', 'pass'],
        seed,
      );
    }
  });

  test('a table the reader did not find is not reported blank (STRUCT-TABLE covers it)', () => {
    const evaluations = run(checkCellBlank, buildFacts({ tablesFound: ['二', '三'] }));
    assert.deepEqual(
      findingsOf(evaluations).map((f) => f?.message.slice(0, 2)),
      ['表二', '表三'],
    );
  });

  test('tables after a truncation point are not checked; the truncated table is (READ-TRUNCATED, rule 38)', () => {
    const evaluations = run(checkCellBlank, buildFacts({ truncatedIn: '三' }));
    assert.deepEqual(
      findingsOf(evaluations).map((f) => f?.message.slice(0, 2)),
      ['表二', '表三'],
    );
  });

  test('in the table the text is cut in, only the cells before the cut count (rows before it, the cut row`s first columns)', () => {
    // 2021 table 三 cut in row 一 after three values, one of them blank (`8 | | 0 |`): one blank, not 173.
    const cut = buildFacts({
      tablesFound: ['二', '三'],
      truncatedIn: '三',
      truncatedAt: { row: 'received', columns: 3 },
      cells: { ...allCells('2021', '二'), 'received.natural_person': 8, 'received.research_institution': 0 },
    });
    assert.deepEqual(findingsOf(run(checkCellBlank, cut)), [
      {
        rule: 'CELL-BLANK',
        severity: 'notice',
        message: '表三有1个单元格为空（空白不按0计算，相关勾稽检查已跳过）',
        cells: ['received.commercial_enterprise'],
      },
    ]);
    // Cut before the table's first row (in its header): nothing reached, nothing blank.
    const header = buildFacts({ tablesFound: ['二'], truncatedIn: '二', truncatedAt: { row: 'rules', columns: 0 } });
    assert.deepEqual(
      run(checkCellBlank, header).map((e) => [e.status, e.left]),
      [['pass', 0]],
    );
    // Every row reached (the cut after the last row): the whole table counts.
    const whole = buildFacts({ tablesFound: ['二'], truncatedIn: '二', truncatedAt: { row: null, columns: 0 } });
    assert.deepEqual(
      run(checkCellBlank, whole).map((e) => e.left),
      [10],
    );
  });

  test('a cut row the checked template lacks is placed by the other template`s row order', () => {
    // A 2019 row (其他对外管理服务事项) in a report checked as 2021: the cut lies before 行政处罚, 2021's next row.
    const report = buildFacts({
      tablesFound: ['二'],
      truncatedIn: '二',
      truncatedAt: { row: 'other_services', columns: 0 },
      cells: { 'rules.issued': 1, 'rules.repealed': 0, 'rules.in_force': 1 },
    });
    assert.deepEqual(findingsOf(run(checkCellBlank, report))[0]?.cells, [
      'normative_documents.issued',
      'normative_documents.repealed',
      'normative_documents.in_force',
      'licensing.decisions',
    ]);
  });

  test('a mixed table 二 whose blocks follow either template: each block by its own form (probeI4 033)', () => {
    // 第(一)项 under the 2019 columns, the other blocks under the 2021 ones: no cell is blank.
    const lines = [
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | ||||',
      '信息内容 | 本年新 | 本年新 | 对外公开总数量 | |',
      '规章 | 0 | 0 | 0 | |',
      '规范性文件 | 0 | 0 | 0 | |',
      '第二十条第(五)项 | ||||',
      '信息内容 | 本年处理决定数量 | |||',
      '行政许可 | 2 | |||',
      '第二十条第(六)项 | ||||',
      '信息内容 | 本年处理决定数量 | |||',
      '行政处罚 | 0 | |||',
      '行政强制 | 0 | |||',
      '第二十条第(八)项 | ||||',
      '信息内容 | 本年收费金额(单位:万元) | |||',
      '行政事业性收费 | 0 |',
    ];
    const tables = readTables({ blocks: [{ kind: 'text', text: lines.join('\n') }] });
    const facts = {
      ...toReportFacts(tables, readDocumentText(tables.narrativeLines, tables.template)),
      year: 2021,
      tablesFound: ['二'] as const,
    };
    assert.equal(facts.template, 'mixed');
    assert.deepEqual(
      run(checkCellBlank, facts).map((e) => [e.status, e.left]),
      [['pass', 0]],
    );
  });

  test('a mixed report`s 2019-form block keeps its blank cells; the other template`s block alone is no part of it', () => {
    // Table 二 in the 2019 form with 本年增/减 of 行政许可 left blank; 2021 sub-rows of （六）其他处理 make it mixed.
    const cells = { ...allCells('2019', '二'), 'outcome.other.no_correction.total': 0, 'outcome.other.fee_unpaid.total': 0 };
    delete (cells as Record<string, unknown>)['licensing.items_change'];
    const report = buildFacts({ template: 'mixed', year: 2020, tablesFound: ['二'], cells });
    assert.deepEqual(findingsOf(run(checkCellBlank, report))[0]?.cells, ['licensing.items_change']);
    // 第二十条第(九)项 absent in a table otherwise in the 2021 form: not blank.
    const form2021 = buildFacts({
      template: 'mixed',
      year: 2021,
      tablesFound: ['二'],
      cells: { ...allCells('2021', '二'), 'procurement.procurement_items': 1 },
    });
    assert.deepEqual(findingsOf(run(checkCellBlank, form2021))[0]?.cells, ['procurement.procurement_amount']);
  });

  test('group-row values of a 2021 report are not template data cells and never count as blank', () => {
    const report = buildFacts({ cells: { ...allCells('2021', '三'), 'outcome.withheld.total': 0 } });
    const table3 = run(checkCellBlank, report).find((e) => e.cells.length === 0 && e.expression.startsWith('表三'));
    assert.equal(table3?.status, 'pass');
  });
});

describe('CELL-TEXT (rule 15): present cells whose text is not a plain number', () => {
  test('the Shanghai 2019 example: `251000元` in 采购总金额 is a notice with the raw text as example (§4)', () => {
    const report = buildFacts({
      template: '2019',
      year: 2019,
      cells: { 'procurement.procurement_amount': '251000元', 'rules.new_made': 3 },
    });
    const found = findingsOf(run(checkCellText, report));
    assert.deepEqual(found, [
      { rule: 'CELL-TEXT', severity: 'notice', message: '表二有1个单元格不是数字：251000元', cells: ['procurement.procurement_amount'] },
    ]);
  });

  test('at most three distinct raw texts are quoted, every such cell is listed', () => {
    const report = buildFacts({
      cells: {
        'received.natural_person': '/',
        'received.commercial_enterprise': '—',
        'received.total': '5件',
        'carried_in.total': '/',
        'outcome.total.total': '无',
      },
    });
    const [found] = findingsOf(run(checkCellText, report));
    assert.equal(found?.message, '表三有5个单元格不是数字：/、—、5件');
    assert.equal(found?.cells.length, 5);
  });

  test('plain numbers, decimals and a minus are numbers; `增98` is not', () => {
    const report = buildFacts({
      template: '2019',
      year: 2020,
      cells: {
        'licensing.prior_items': 12,
        'licensing.items_change': '-8',
        'penalties.items_change': '增98',
        'procurement.procurement_amount': '0.0000',
      },
    });
    const [found] = findingsOf(run(checkCellText, report));
    assert.equal(found?.message, '表二有1个单元格不是数字：增98');
  });
});

describe('CELL-VALUE (rule 16): counts are non-negative integers, amounts non-negative', () => {
  test('a fractional count in table 三 is an error naming row, column and raw text', () => {
    const report = buildFacts({ cells: { 'outcome.withheld.state_secret.natural_person': 1.5 } });
    assert.deepEqual(findingsOf(run(checkCellValue, report)), [
      {
        rule: 'CELL-VALUE',
        severity: 'error',
        message: '表三“（三）不予公开/1.属于国家秘密”“自然人”的数值1.5不是非负整数',
        cells: ['outcome.withheld.state_secret.natural_person'],
      },
    ]);
  });

  test('a negative count in table 四 is an error; a negative 本年增/减 is allowed', () => {
    const report = buildFacts({ template: '2019', year: 2020, cells: { 'review.upheld': -1, 'licensing.items_change': -3 } });
    assert.deepEqual(
      findingsOf(run(checkCellValue, report)).map((f) => f?.message),
      ['表四“行政复议”“结果维持”的数值-1不是非负整数'],
    );
  });

  test('amounts may be decimals but not negative, compared exactly from the raw text (P3)', () => {
    const ok = buildFacts({ cells: { 'fees.amount_wan': '712.187895万元' } });
    const okEval = run(checkCellValue, ok);
    assert.equal(okEval[0]?.status, 'pass');
    assert.equal(okEval[0]?.left, '712.187895');
    const bad = buildFacts({ cells: { 'fees.amount_wan': '-0.0001' } });
    assert.deepEqual(
      findingsOf(run(checkCellValue, bad)).map((f) => f?.message),
      ['表二“行政事业性收费”“本年收费金额（单位：万元）”的数值-0.0001不是非负数'],
    );
  });

  test('a present cell without a number is not a value to judge (CELL-TEXT reports it)', () => {
    assert.deepEqual(run(checkCellValue, buildFacts({ cells: { 'received.total': '/' } })), []);
  });
});

describe('CELL-SIGN (rule 32): signs and malformed numbers where the template expects a plain value', () => {
  test('2019 template, 行政许可 prior_items `+12`, items_change 0 → warning on prior_items (§2.6)', () => {
    const report = buildFacts({ template: '2019', year: 2020, cells: { 'licensing.prior_items': '+12', 'licensing.items_change': 0 } });
    assert.deepEqual(findingsOf(run(checkCellSign, report)), [
      {
        rule: 'CELL-SIGN',
        severity: 'warning',
        message: '表二“行政许可”“上一年项目数量”的内容“+12”不是规范的数值',
        cells: ['licensing.prior_items'],
      },
    ]);
  });

  test('2019 template, 行政处罚 items_change `--7` → warning although the column may be negative (§2.6)', () => {
    const report = buildFacts({ template: '2019', year: 2020, cells: { 'penalties.items_change': { raw: '--7', value: null } } });
    assert.deepEqual(
      findingsOf(run(checkCellSign, report)).map((f) => f?.message),
      ['表二“行政处罚”“本年增/减”的内容“--7”不是规范的数值'],
    );
  });

  test('signs belong in 本年增/减; a sign word alone or a broken number does not', () => {
    const report = buildFacts({
      template: '2019',
      year: 2020,
      cells: {
        'licensing.items_change': '增98',
        'penalties.items_change': '-8',
        'coercion.items_change': '减',
        'fees.items_change': { raw: '1..5', value: null },
        'other_services.decisions': { raw: '2 3', value: null },
      },
    });
    assert.deepEqual(
      findingsOf(run(checkCellSign, report)).map((f) => f?.cells[0]),
      ['other_services.decisions', 'coercion.items_change', 'fees.items_change'],
    );
  });

  test('null markers (`/`, `-`, `—`) and prose are not malformed numbers', () => {
    const report = buildFacts({
      cells: { 'received.natural_person': '/', 'received.total': '-', 'carried_in.total': '—', 'outcome.total.total': '见说明' },
    });
    assert.deepEqual(failures(run(checkCellSign, report)), []);
  });

  test('a minus in a count column of table 三 is a sign where none belongs', () => {
    const report = buildFacts({ cells: { 'carried_out.total': '-2' } });
    assert.deepEqual(
      findingsOf(run(checkCellSign, report)).map((f) => f?.message),
      ['表三“四、结转下年度继续办理”“总计”的内容“-2”不是规范的数值'],
    );
  });
});

test('the factory labels cells with the official labels of the report template', () => {
  const report = buildFacts({ template: '2019', year: 2020, cells: { 'normative_documents.new_made': 1 } });
  assert.equal(report.cells.get('normative_documents.new_made')?.row, TEMPLATE_2019.rowById.get('normative_documents')?.label);
  assert.notEqual(TEMPLATE_2019.rowById.get('normative_documents')?.label, TEMPLATE_2021.rowById.get('normative_documents')?.label);
});
