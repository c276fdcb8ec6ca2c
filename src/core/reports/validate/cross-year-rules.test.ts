import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCells, buildFacts } from '#test/factories/report-facts.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { checkTable2Continuity, checkTable3Carry, isPreviousYearOf, pairPreviousYear, valueAs2021 } from './cross-year-rules.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';

const run = (check: RuleCheck, report: ReportFacts, previous?: ReportFacts) =>
  check({ report, settings: DEFAULT_VALIDATION_SETTINGS, ...(previous === undefined ? {} : { previous }) });
const findingsOf = (evaluations: readonly RuleEvaluation[]) => evaluations.flatMap((e) => (e.finding === undefined ? [] : [e.finding]));

describe('T3-CARRY (rule 23): 上年结转 of year Y = 结转下年度继续办理 of year Y−1', () => {
  const y2022 = buildFacts({ agency: '某县民政局', year: 2022, cells: { 'carried_out.total': 4 } });
  const y2023 = buildFacts({ agency: '某县 民政局', year: 2023, cells: { 'carried_in.total': 3 } });

  test('2022 carried_out.total 4, 2023 carried_in.total 3 is an error on 2023 (§4)', () => {
    assert.deepEqual(findingsOf(run(checkTable3Carry, y2023, y2022)), [
      {
        rule: 'T3-CARRY',
        severity: 'error',
        message: '表三“总计”列：上年结转3件，与2022年度报告“四、结转下年度继续办理”4件不一致',
        cells: ['carried_in.total'],
      },
    ]);
  });

  test('columns blank in either year are not assessable; the previous year is named prev:', () => {
    const evaluations = run(checkTable3Carry, y2023, y2022);
    assert.deepEqual(evaluations[0]?.missing, ['carried_in.natural_person', 'prev:carried_out.natural_person']);
    assert.equal(evaluations.filter((e) => e.status === 'not_assessable').length, 6);
  });

  test('equal carry-over passes, also from a 2019-template year (IDs map 1:1, annual-report.md §4.3)', () => {
    const y2020 = buildFacts({ template: '2019', agency: '某县民政局', year: 2020, cells: allCells('2019', '三', 2) });
    const y2021 = buildFacts({ agency: '某县民政局', year: 2021, cells: allCells('2021', '三', 2) });
    assert.deepEqual(
      run(checkTable3Carry, y2021, y2020).map((e) => e.status),
      Array(7).fill('pass'),
    );
  });

  test('P4: another agency, or a year that is not Y−1, does not pair: nothing is evaluated', () => {
    assert.deepEqual(run(checkTable3Carry, y2023, { ...y2022, agency: '某市民政局' }), []);
    assert.deepEqual(run(checkTable3Carry, y2023, { ...y2022, year: 2021 }), []);
    assert.deepEqual(run(checkTable3Carry, y2023), []);
  });
});

describe('T2-CONTINUITY (rule 24): 现行有效 Y = 现行有效 Y−1 + 制发 Y − 废止 Y, both in the 2021 template', () => {
  test('2022 in force 20; 2023 issued 3, repealed 1, in force 25 is a warning (§4)', () => {
    const y2022 = buildFacts({ year: 2022, cells: { 'normative_documents.in_force': 20 } });
    const y2023 = buildFacts({
      year: 2023,
      cells: { 'normative_documents.issued': 3, 'normative_documents.repealed': 1, 'normative_documents.in_force': 25 },
    });
    assert.deepEqual(findingsOf(run(checkTable2Continuity, y2023, y2022)), [
      {
        rule: 'T2-CONTINUITY',
        severity: 'warning',
        message: '表二“行政规范性文件”：现行有效件数25，按上年20加本年制发3减本年废止1应为22',
        cells: ['normative_documents.issued', 'normative_documents.repealed', 'normative_documents.in_force'],
      },
    ]);
  });

  test('a 2019-template previous year never feeds continuity: 对外公开总数量 is not a stock in force (§4.2)', () => {
    const y2020 = buildFacts({ template: '2019', year: 2020, cells: { 'normative_documents.published_total': 22 } });
    const y2021 = buildFacts({
      year: 2021,
      cells: { 'normative_documents.issued': 3, 'normative_documents.repealed': 1, 'normative_documents.in_force': 25 },
    });
    assert.deepEqual(run(checkTable2Continuity, y2021, y2020), []);
  });
});

describe('2019 → 2021 mapping for multi-year series (annual-report.md §4.2, §4.3)', () => {
  const y2020 = buildFacts({
    template: '2019',
    year: 2020,
    cells: { 'rules.new_made': 2, 'normative_documents.published_total': 9, 'outcome.other.total': 5, 'licensing.decisions': 7 },
  });

  test('issued ← new_made, decisions 1:1, in_force has no 2019 source', () => {
    assert.equal(valueAs2021(y2020, 'rules.issued'), 2);
    assert.equal(valueAs2021(y2020, 'licensing.decisions'), 7);
    assert.equal(valueAs2021(y2020, 'normative_documents.in_force'), undefined);
    assert.equal(valueAs2021(y2020, 'outcome.other.fee_unpaid.total'), undefined);
  });

  test('（六）其他处理: the 2019 data row equals the sum of the three 2021 sub-rows', () => {
    assert.equal(valueAs2021(y2020, 'outcome.other.total'), 5);
    const y2021 = buildFacts({
      year: 2021,
      cells: { 'outcome.other.no_correction.total': 1, 'outcome.other.fee_unpaid.total': 2, 'outcome.other.other.total': 2 },
    });
    assert.equal(valueAs2021(y2021, 'outcome.other.total'), 5);
    assert.equal(valueAs2021(buildFacts({ year: 2021, cells: { 'outcome.other.other.total': 2 } }), 'outcome.other.total'), undefined);
  });
});

describe('pairPreviousYear (P4)', () => {
  test('pairs each report with the same agency (whitespace removed) one year earlier, in input order', () => {
    const items = [
      { agency: '某县 民政局', year: 2023 },
      { agency: '某县民政局', year: 2022 },
      { agency: '某市民政局', year: 2022 },
      { agency: null, year: 2023 },
      { agency: '某县民政局', year: 2021 },
    ];
    assert.deepEqual(pairPreviousYear(items), [items[1], items[4], undefined, undefined, undefined]);
  });

  test('isPreviousYearOf needs both agencies and years', () => {
    assert.equal(isPreviousYearOf(buildFacts({ year: 2023 }), buildFacts({ year: 2022 })), true);
    assert.equal(isPreviousYearOf(buildFacts({ year: 2023, agency: null }), buildFacts({ year: 2022, agency: null })), false);
  });
});
