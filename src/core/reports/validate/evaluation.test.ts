import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildFacts } from '#test/factories/report-facts.ts';
import { finding } from '../report-model.ts';
import {
  addDecimals,
  cellDecimal,
  compareDecimals,
  decimalFromText,
  evaluated,
  evaluationOfFinding,
  normaliseDecimal,
  notAssessable,
  readOperands,
  subtractDecimals,
} from './evaluation.ts';

describe('exact decimals for amounts (validation-rules.md P3)', () => {
  test('amounts are read from the raw text, units and separators dropped', () => {
    assert.equal(decimalFromText('712.187895万元'), '712.187895');
    assert.equal(decimalFromText('251000元'), '251000');
    assert.equal(decimalFromText('1,234.50'), '1234.5');
    assert.equal(decimalFromText('０.１'), '0.1');
    assert.equal(decimalFromText('减8'), '-8');
    assert.equal(decimalFromText('0.0000'), '0');
    assert.equal(decimalFromText('/'), undefined);
  });

  test('0.1 + 0.2 is exactly 0.3, where floats are not', () => {
    assert.equal(addDecimals('0.1', '0.2'), '0.3');
    assert.equal(compareDecimals(addDecimals('0.1', '0.2'), '0.3'), 0);
    assert.notEqual(0.1 + 0.2, 0.3);
  });

  test('subtraction and comparison across scales and signs', () => {
    assert.equal(subtractDecimals('712.187895', '712.2'), '-0.012105');
    assert.equal(subtractDecimals('5', '5.000'), '0');
    assert.equal(compareDecimals('-0.0001', '0'), -1);
    assert.equal(compareDecimals('10', '9.9999'), 1);
    assert.equal(normaliseDecimal('007.500'), '7.5');
  });

  test('property: decimal arithmetic agrees with integer arithmetic on scaled values', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
      .map(([units, scale]) => ({ units, scale }));
    const text = ({ units, scale }: { units: bigint; scale: number }) => {
      const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
      const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      return `${units < 0n ? '-' : ''}${body}`;
    };
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const scale = Math.max(a.scale, b.scale);
        const x = a.units * 10n ** BigInt(scale - a.scale);
        const y = b.units * 10n ** BigInt(scale - b.scale);
        assert.equal(compareDecimals(text(a), text(b)), x < y ? -1 : x > y ? 1 : 0);
        assert.equal(compareDecimals(subtractDecimals(addDecimals(text(a), text(b)), text(b)), text(a)), 0);
        assert.equal(compareDecimals(subtractDecimals(text(a), text(b)), normaliseDecimal(text({ units: x - y, scale }))), 0);
      }),
    );
  });

  test('a cell decimal comes from raw, falling back to the value only when raw is not numeric', () => {
    const report = buildFacts({ cells: { 'fees.amount_wan': '712.187895万元', 'rules.issued': { raw: '五', value: 5 } } });
    assert.equal(cellDecimal(report, 'fees.amount_wan'), '712.187895');
    assert.equal(cellDecimal(report, 'rules.issued'), '5');
    assert.equal(cellDecimal(report, 'rules.repealed'), undefined);
  });
});

describe('evaluations (P1, P6) and fingerprints', () => {
  test('readOperands lists absent and null cells as missing, never as zero (P1)', () => {
    const report = buildFacts({ cells: { 'received.total': 3, 'carried_in.total': null } });
    const operands = readOperands(report, ['received.total', 'carried_in.total', 'carried_out.total']);
    assert.deepEqual([...operands.values], [['received.total', 3]]);
    assert.deepEqual(operands.missing, ['carried_in.total', 'carried_out.total']);
  });

  test('the fingerprint depends on rule, subject and cells, never on the values', () => {
    const base = { rule: 'T4-SUM', subject: 'row:review', expression: 'x', cells: ['review.total'] } as const;
    const pass = evaluated({ ...base, left: 1, right: 1, holds: true, message: () => '' });
    const fail = evaluated({ ...base, left: 3, right: 2, holds: false, message: () => 'm' });
    const open = notAssessable({ ...base, missing: ['review.total'] });
    assert.equal(pass.fingerprint, fail.fingerprint);
    assert.equal(pass.fingerprint, open.fingerprint);
    assert.notEqual(
      pass.fingerprint,
      evaluated({ ...base, subject: 'row:other', left: 1, right: 1, holds: true, message: () => '' }).fingerprint,
    );
  });

  test('a failure carries its finding with the catalogue severity; delta is left − right', () => {
    const fail = evaluated({
      rule: 'T4-SUM',
      subject: 's',
      expression: 'x',
      cells: ['a.b'],
      left: 3,
      right: 2,
      holds: false,
      message: () => 'm',
    });
    assert.deepEqual(
      [fail.status, fail.delta, fail.finding],
      ['fail', 1, { rule: 'T4-SUM', severity: 'error', message: 'm', cells: ['a.b'] }],
    );
    const amount = evaluated({
      rule: 'CELL-VALUE',
      subject: 's',
      expression: 'x',
      cells: [],
      left: '0.3',
      right: '0.1',
      holds: true,
      message: () => '',
    });
    assert.equal(amount.delta, '0.2');
  });

  test('a reading finding becomes a failed evaluation keyed by its message', () => {
    const found = finding('LABEL-VARIANT', '“社会组织”与格式规定的“社会公益组织”不一致', ['received.public_interest_org']);
    const evaluation = evaluationOfFinding(found);
    assert.equal(evaluation.status, 'fail');
    assert.deepEqual(evaluation.finding, found);
    assert.equal(evaluation.fingerprint, evaluationOfFinding({ ...found }).fingerprint);
  });
});
