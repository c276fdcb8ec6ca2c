import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOMAIN_ERROR_CODES, DomainError } from '#core/shared/domain-error.ts';
import { ERROR_OUTCOMES, errorBody, outcomeOf } from './error-outcomes.ts';

describe('the error table', () => {
  test('every code has exactly one row, with a 4xx/5xx status, a non-zero exit and a Chinese message', () => {
    assert.deepEqual(Object.keys(ERROR_OUTCOMES), [...DOMAIN_ERROR_CODES]);
    for (const [code, row] of Object.entries(ERROR_OUTCOMES)) {
      assert.ok(row.http >= 400 && row.http < 600, code);
      assert.ok(row.exit > 1 && (row.exit as number) !== 70, code); // 0/1 are report outcomes, 70 is a defect
      assert.match(row.zh, /[\u4e00-\u9fff]/, code);
    }
  });
  test('an error with its own message keeps it; one without takes the table text', () => {
    assert.deepEqual(outcomeOf(new DomainError('NOT_FOUND')), { code: 'NOT_FOUND', http: 404, exit: 3, zh: '未找到', message: '未找到' });
    assert.equal(outcomeOf(new DomainError('INVALID_INPUT', '年份有误')).message, '年份有误');
    assert.equal(outcomeOf(new DomainError('INVALID_INPUT')).exit, 64);
  });
  test('the API body is {"error": {code, message, fields}} and a defect reveals nothing', () => {
    assert.deepEqual(errorBody(new DomainError('INVALID_INPUT', '有误', { fields: { phone: '格式不对' } })), {
      error: { fields: { phone: '格式不对' }, code: 'INVALID_INPUT', message: '有误' },
    });
    assert.deepEqual(errorBody(new Error('secret path /home/x')), { error: { code: 'INTERNAL', message: '系统错误，请稍后再试' } });
  });
});
