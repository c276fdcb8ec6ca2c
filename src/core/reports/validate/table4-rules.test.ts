import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCells, buildFacts, SEED_FACTS } from '#test/factories/report-facts.ts';
import type { ReportFacts } from './rule.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';
import { checkTable4Sum } from './table4-rules.ts';

const run = (report: ReportFacts) => checkTable4Sum({ report, settings: DEFAULT_VALIDATION_SETTINGS });

describe('T4-SUM (rule 21): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', () => {
  test('行政复议 1, 1, 0, 0 with total 3 is an error (§4)', () => {
    const report = buildFacts({ cells: { ...allCells('2021', '四'), 'review.upheld': 1, 'review.corrected': 1, 'review.total': 3 } });
    assert.deepEqual(
      run(report).flatMap((e) => (e.finding === undefined ? [] : [e.finding])),
      [
        {
          rule: 'T4-SUM',
          severity: 'error',
          message: '表四“行政复议”：总计3不等于结果维持、结果纠正、其他结果、尚未审结之和2',
          cells: ['review.upheld', 'review.corrected', 'review.other', 'review.pending', 'review.total'],
        },
      ],
    );
  });

  test('the litigation groups print their path label', () => {
    const report = buildFacts({ cells: { ...allCells('2021', '四'), 'litigation_after_review.pending': 2 } });
    assert.deepEqual(
      run(report).flatMap((e) => (e.finding === undefined ? [] : [e.finding.message])),
      ['表四“行政诉讼/复议后起诉”：总计0不等于结果维持、结果纠正、其他结果、尚未审结之和2'],
    );
  });

  test('seed 004: all three groups pass (0 = 0 + 0 + 0 + 0, §5)', () => {
    assert.deepEqual(
      run(SEED_FACTS['004']()).map((e) => e.status),
      ['pass', 'pass', 'pass'],
    );
  });

  test('seed 000: table 四 is blank, every group is not assessable and nothing is reported (P1)', () => {
    const evaluations = run(SEED_FACTS['000']());
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.missing?.length]),
      [
        ['not_assessable', 5],
        ['not_assessable', 5],
        ['not_assessable', 5],
      ],
    );
  });
});
