import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFacts, SEED_FACTS } from '#test/factories/report-facts.ts';
import type { RuleEvaluation } from '../report-model.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';
import { checkTable2Cumulative2019, checkTable2InForceFloor } from './table2-rules.ts';

const run = (check: RuleCheck, report: ReportFacts) => check({ report, settings: DEFAULT_VALIDATION_SETTINGS });
const messages = (evaluations: readonly RuleEvaluation[]) =>
  evaluations.flatMap((e) => (e.finding === undefined ? [] : [e.finding.message]));

describe('T2-IN-FORCE-FLOOR (rule 22): 现行有效 ≥ 本年制发 − 本年废止 in the 2021 template', () => {
  test('in force 1 after issuing 5 and repealing 2 is a warning', () => {
    const report = buildFacts({
      cells: { 'normative_documents.issued': 5, 'normative_documents.repealed': 2, 'normative_documents.in_force': 1 },
    });
    const evaluations = run(checkTable2InForceFloor, report);
    assert.deepEqual(messages(evaluations), ['表二“行政规范性文件”：现行有效件数1小于本年制发件数5减本年废止件数2']);
    assert.equal(evaluations.find((e) => e.status === 'fail')?.finding?.severity, 'warning');
  });

  test('equality holds the floor; seed 001 passes both rows (§5)', () => {
    assert.deepEqual(
      run(checkTable2InForceFloor, SEED_FACTS['001']()).map((e) => e.status),
      ['pass', 'pass'],
    );
  });

  test('seed 000 leaves 废止 and 现行有效 blank: not assessable (P1)', () => {
    assert.deepEqual(
      run(checkTable2InForceFloor, SEED_FACTS['000']()).map((e) => e.missing),
      [
        ['rules.repealed', 'rules.in_force'],
        ['normative_documents.repealed', 'normative_documents.in_force'],
      ],
    );
  });

  test('the rule does not run on a 2019-template report', () => {
    assert.deepEqual(run(checkTable2InForceFloor, SEED_FACTS['004']()), []);
  });
});

describe('T2-2019-CUMULATIVE (rule 31): 对外公开总数量 ≥ 本年新公开数量 in the 2019 template', () => {
  test('2019 template, 规范性文件 new_published 5, published_total 0 is an error (§2.6)', () => {
    const report = buildFacts({
      template: '2019',
      year: 2020,
      cells: { 'normative_documents.new_published': 5, 'normative_documents.published_total': 0 },
    });
    const failed = run(checkTable2Cumulative2019, report).filter((e) => e.status === 'fail');
    assert.deepEqual(
      failed.map((e) => e.finding),
      [
        {
          rule: 'T2-2019-CUMULATIVE',
          severity: 'error',
          message: '表二“规范性文件”：对外公开总数量0小于本年新公开数量5',
          cells: ['normative_documents.new_published', 'normative_documents.published_total'],
        },
      ],
    );
  });

  test('seed 004 passes; a 2021-template report is not checked', () => {
    assert.deepEqual(
      run(checkTable2Cumulative2019, SEED_FACTS['004']()).map((e) => e.status),
      ['pass', 'pass'],
    );
    assert.deepEqual(run(checkTable2Cumulative2019, SEED_FACTS['001']()), []);
  });

  test('in a mixed report a 2019 row the report gives is still checked (P5)', () => {
    const report = buildFacts({
      template: 'mixed',
      cells: { 'rules.issued': 0, 'rules.repealed': 0, 'rules.in_force': 0, 'rules.new_published': 2, 'rules.published_total': 1 },
    });
    assert.deepEqual(messages(run(checkTable2Cumulative2019, report)), ['表二“规章”：对外公开总数量1小于本年新公开数量2']);
  });
});
