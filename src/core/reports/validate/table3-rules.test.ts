import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCells, buildFacts, type CellInput, SEED_FACTS } from '#test/factories/report-facts.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { T3_COLUMN_IDS, T3_GROUPS } from '../template.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';
import { checkTable3Balance, checkTable3GroupSum, checkTable3OutcomeTotal, checkTable3RowTotal } from './table3-rules.ts';

const run = (check: RuleCheck, report: ReportFacts) => check({ report, settings: DEFAULT_VALIDATION_SETTINGS });
const findingsOf = (evaluations: readonly RuleEvaluation[]) => evaluations.filter((e) => e.status === 'fail').map((e) => e.finding);
const t3 = (cells: Record<string, CellInput>, template: '2021' | '2019' = '2021') =>
  buildFacts({ template, year: template === '2019' ? 2020 : 2023, cells: { ...allCells(template, '三'), ...cells } });

describe('T3-BALANCE 勾稽关系 (rule 17, 国办公开办函〔2021〕30号 table note)', () => {
  test('自然人 12 + 1 ≠ 10 + 2 is an error with the catalogue message (§4)', () => {
    const report = t3({
      'received.natural_person': 12,
      'carried_in.natural_person': 1,
      'outcome.total.natural_person': 10,
      'carried_out.natural_person': 2,
    });
    assert.deepEqual(findingsOf(run(checkTable3Balance, report)), [
      {
        rule: 'T3-BALANCE',
        severity: 'error',
        message: '表三“自然人”列：第一项加第二项之和（12+1=13）不等于第三项加第四项之和（10+2=12）',
        cells: ['received.natural_person', 'carried_in.natural_person', 'outcome.total.natural_person', 'carried_out.natural_person'],
      },
    ]);
  });

  test('P1: a blank 上年结转 makes that column not assessable, with no finding and the gap named (§4)', () => {
    const cells = allCells('2021', '三');
    delete cells['carried_in.natural_person'];
    const report = buildFacts({ cells: { ...cells, 'received.natural_person': 5 } });
    const column = run(checkTable3Balance, report).find((e) => e.cells.includes('carried_in.natural_person'));
    assert.equal(column?.status, 'not_assessable');
    assert.deepEqual(column?.missing, ['carried_in.natural_person']);
    assert.equal(column?.left, null);
    assert.deepEqual(findingsOf(run(checkTable3Balance, report)), []);
  });

  test('a present cell without a number (`/`) is missing too, never zero (P1)', () => {
    const report = t3({ 'carried_out.total': null });
    const total = run(checkTable3Balance, report).find((e) => e.cells.includes('carried_out.total'));
    assert.equal(total?.status, 'not_assessable');
  });

  test('seed 004 (2019 template): 总计 balances (1 + 0 = 1 + 0), the other columns are not assessable (§5)', () => {
    const evaluations = run(checkTable3Balance, SEED_FACTS['004']());
    assert.deepEqual(
      evaluations.map((e) => e.status),
      ['not_assessable', 'not_assessable', 'not_assessable', 'not_assessable', 'not_assessable', 'not_assessable', 'pass'],
    );
    assert.deepEqual([evaluations[6]?.left, evaluations[6]?.right, evaluations[6]?.delta], [1, 1, 0]);
  });
});

describe('T3-ROW-TOTAL (rule 18): 总计 = the six applicant columns, in every row with cells', () => {
  test('received 5, 1, 0, 0, 0, 0 with total 7 is an error (§4)', () => {
    const report = t3({ 'received.natural_person': 5, 'received.commercial_enterprise': 1, 'received.total': 7 });
    assert.deepEqual(findingsOf(run(checkTable3RowTotal, report)), [
      {
        rule: 'T3-ROW-TOTAL',
        severity: 'error',
        message: '表三“一、本年新收政府信息公开申请数量”行：总计7不等于六类申请人之和6',
        cells: [
          'received.natural_person',
          'received.commercial_enterprise',
          'received.research_institution',
          'received.public_interest_org',
          'received.legal_service_org',
          'received.other_org',
          'received.total',
        ],
      },
    ]);
  });

  test('an outcome sub-row prints its path without 三、本年度办理结果/ (P7)', () => {
    const report = t3({ 'outcome.unavailable.not_held.other_org': 2 });
    assert.deepEqual(
      findingsOf(run(checkTable3RowTotal, report)).map((f) => f?.message),
      ['表三“（四）无法提供/1.本机关不掌握相关政府信息”行：总计0不等于六类申请人之和2'],
    );
  });

  test('a group row the report filled is checked too; unfilled group rows are not evaluated', () => {
    const groupRow = Object.fromEntries(T3_COLUMN_IDS.map((c) => [`outcome.withheld.${c}`, 0]));
    const report = t3({ ...groupRow, 'outcome.withheld.natural_person': 1 });
    const evaluations = run(checkTable3RowTotal, report);
    assert.deepEqual(
      findingsOf(evaluations).map((f) => f?.message),
      ['表三“（三）不予公开”行：总计0不等于六类申请人之和1'],
    );
    assert.ok(!evaluations.some((e) => e.cells.includes('outcome.unavailable.total')));
    assert.equal(evaluations.length, 25 + 1);
  });

  test('2019 template: （六）其他处理 is a data row with its own totals', () => {
    const report = t3({ 'outcome.other.legal_service_org': 3 }, '2019');
    assert.deepEqual(
      findingsOf(run(checkTable3RowTotal, report)).map((f) => f?.message),
      ['表三“（六）其他处理”行：总计0不等于六类申请人之和3'],
    );
    assert.equal(run(checkTable3RowTotal, report).length, 23);
  });
});

describe('T3-OUTCOME-TOTAL (rule 19) with the group value G(g,c) of P2', () => {
  test('the sum runs over all 21 leaves when no group row is printed', () => {
    const report = t3({ 'outcome.other.fee_unpaid.total': 2, 'outcome.disclosed.total': 1, 'outcome.total.total': 2 });
    assert.deepEqual(findingsOf(run(checkTable3OutcomeTotal, report)), [
      {
        rule: 'T3-OUTCOME-TOTAL',
        severity: 'error',
        message: '表三“总计”列：（七）总计2不等于各项办理结果之和3',
        cells: [
          'outcome.disclosed.total',
          'outcome.partial.total',
          ...T3_GROUPS.flatMap((g) => g.subs.map(([sub]) => `${g.id}.${sub}.total`)),
          'outcome.total.total',
        ],
      },
    ]);
  });

  test('P2: a printed group value replaces its sub-rows, even when they are blank', () => {
    const cells = allCells('2021', '三');
    for (const [sub] of T3_GROUPS[0].subs) {
      delete cells[`outcome.withheld.${sub}.total`];
    }
    const report = buildFacts({ cells: { ...cells, 'outcome.withheld.total': 4, 'outcome.total.total': 4 } });
    const total = run(checkTable3OutcomeTotal, report).at(-1);
    assert.equal(total?.status, 'pass');
    assert.ok(total?.cells.includes('outcome.withheld.total'));
    assert.ok(!total?.cells.includes('outcome.withheld.state_secret.total'));
  });

  test('P1: without a group value, one blank sub-row makes the column not assessable', () => {
    const cells = allCells('2021', '三');
    delete cells['outcome.not_processed.repeat.commercial_enterprise'];
    const evaluation = run(checkTable3OutcomeTotal, buildFacts({ cells })).find((e) => e.expression.includes('commercial_enterprise'));
    assert.equal(evaluation?.status, 'not_assessable');
    assert.deepEqual(evaluation?.missing, ['outcome.not_processed.repeat.commercial_enterprise']);
  });

  test('seed 004 (2019 template): 总计 1 = 不予处理/4 1, with （六）其他处理 read as its data row (§5)', () => {
    const evaluations = run(checkTable3OutcomeTotal, SEED_FACTS['004']());
    const total = evaluations.at(-1);
    assert.equal(total?.status, 'pass');
    assert.deepEqual([total?.left, total?.right], [1, 1]);
    assert.ok(total?.cells.includes('outcome.other.total'));
    assert.equal(evaluations.filter((e) => e.status === 'not_assessable').length, 6);
  });

  test('2019 template: a mismatch in （六）其他处理 counts toward the sum', () => {
    const report = t3({ 'outcome.other.total': 2, 'outcome.total.total': 1 }, '2019');
    assert.deepEqual(
      findingsOf(run(checkTable3OutcomeTotal, report)).map((f) => f?.message),
      ['表三“总计”列：（七）总计1不等于各项办理结果之和2'],
    );
  });
});

describe('T3-GROUP-SUM (rule 20): a printed group value equals the sum of its sub-rows', () => {
  test('不予公开 printed as 3 over sub-rows 1, 1, 0 … 0 is an error (§4)', () => {
    const report = t3({
      'outcome.withheld.total': 3,
      'outcome.withheld.state_secret.total': 1,
      'outcome.withheld.prohibited_by_law.total': 1,
    });
    assert.deepEqual(findingsOf(run(checkTable3GroupSum, report)), [
      {
        rule: 'T3-GROUP-SUM',
        severity: 'error',
        message: '表三“总计”列：“（三）不予公开”3不等于其分项之和2',
        cells: ['outcome.withheld.total', ...T3_GROUPS[0].subs.map(([sub]) => `outcome.withheld.${sub}.total`)],
      },
    ]);
  });

  test('no printed group value, nothing to evaluate', () => {
    assert.deepEqual(run(checkTable3GroupSum, t3({})), []);
  });

  test('2021 template: （六）其他处理 printed over its three sub-rows is checked', () => {
    const report = t3({ 'outcome.other.natural_person': 1 });
    assert.deepEqual(
      findingsOf(run(checkTable3GroupSum, report)).map((f) => f?.message),
      ['表三“自然人”列：“（六）其他处理”1不等于其分项之和0'],
    );
  });

  test('2019 template: （六）其他处理 is a data row, not a group value', () => {
    assert.deepEqual(run(checkTable3GroupSum, t3({ 'outcome.other.natural_person': 1 }, '2019')), []);
  });
});
