import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signProblemOf } from './cell-text.ts';

describe('signProblemOf (CELL-SIGN, rule 32)', () => {
  const rows: readonly [string, 'count' | 'change' | 'amount', string | undefined][] = [
    ['+12', 'count', 'sign_in_count'],
    ['-3', 'amount', 'sign_in_count'],
    ['减8', 'count', 'sign_in_count'],
    ['+3', 'change', undefined],
    ['减8', 'change', undefined],
    ['增', 'change', 'sign_without_number'],
    ['减', 'count', 'sign_without_number'],
    ['--253', 'change', 'malformed_number'],
    ['1..5', 'amount', 'malformed_number'],
    ['2 3', 'count', 'malformed_number'],
    ['1,234', 'count', undefined],
    ['251000元', 'amount', undefined],
    ['--', 'count', undefined],
    ['—', 'count', undefined],
    ['见附件', 'count', undefined],
  ];
  for (const [raw, kind, problem] of rows) {
    test(`“${raw}” in a ${kind} column → ${problem ?? 'fine'}`, () => {
      assert.equal(signProblemOf(raw, kind), problem);
    });
  }
});
