import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leafOutcomeRows, TEMPLATE_2021 } from '#core/reports/template.ts';
import { OUTCOME_CODES, OUTCOMES } from './outcome-codes.ts';

test('the outcome codes are exactly the 21 leaf rows of table 三 (2021 template), in table order (statute.md §4)', () => {
  assert.deepEqual(
    OUTCOME_CODES,
    leafOutcomeRows(TEMPLATE_2021).map((r) => r.id),
  );
  assert.equal(OUTCOME_CODES.length, 21);
});

test('every outcome cites a legal basis; every 不予公开 outcome is a refusal (复议前置 since 2024), disclosure is not', () => {
  for (const o of OUTCOMES) {
    assert.ok(o.basis.length > 0 && o.row.startsWith('三、本年度办理结果/'), o.code);
  }
  assert.ok(OUTCOMES.filter((o) => o.family === 'withheld').every((o) => o.refusal));
  assert.equal(OUTCOMES.find((o) => o.code === 'outcome.disclosed')?.refusal, false);
  assert.match(OUTCOMES.find((o) => o.code === 'outcome.withheld.third_party')?.basis ?? '', /第十五条/);
});
