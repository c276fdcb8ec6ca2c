import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkApplicant, checkResidentId, checkUscc, residentIdCheckCharacter, usccCheckCharacter } from './applicant.ts';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('居民身份证号码 (GB 11643-1999)', () => {
  test('the published example 11010519491231002X is valid; a changed check digit is not', () => {
    assert.equal(checkResidentId('11010519491231002X'), undefined);
    assert.equal(checkResidentId('11010519491231002x'), undefined);
    assert.match(checkResidentId('110105194912310021') ?? '', /校验码/);
  });

  test('an impossible birth date and a wrong length are refused with their own reasons', () => {
    assert.match(checkResidentId('110105194902301234') ?? '', /出生日期/);
    assert.match(checkResidentId('1101051949123100') ?? '', /18位/);
  });

  test('any 17 digits with a valid birth date and their computed check character pass; every other last character fails', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
        (area, birth, seq) => {
          const first17 = `${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`;
          const check = residentIdCheckCharacter(first17);
          assert.equal(checkResidentId(first17 + check), undefined);
          for (const other of '0123456789X') {
            if (other !== check) {
              assert.notEqual(checkResidentId(first17 + other), undefined);
            }
          }
        },
      ),
    );
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test('a real-format code with its check character passes; the letters I, O, Z, S, V are refused', () => {
    assert.equal(checkUscc('91350100M000100Y43'), undefined);
    assert.match(checkUscc('91350100M000100Y44') ?? '', /校验码/);
    assert.match(checkUscc('91350100M000100O43') ?? '', /不含I、O、Z、S、V/);
  });

  test('a single changed character is always detected (the check is MOD 31 with weights prime to 31)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...USCC_CHARS), { minLength: 17, maxLength: 17 }),
        fc.nat(16),
        fc.constantFrom(...USCC_CHARS),
        (chars, at, replacement) => {
          const first17 = chars.join('');
          const code = first17 + usccCheckCharacter(first17);
          assert.equal(checkUscc(code), undefined);
          fc.pre(chars[at] !== replacement);
          const changed = code.slice(0, at) + replacement + code.slice(at + 1);
          assert.notEqual(checkUscc(changed), undefined);
        },
      ),
    );
  });
});

describe('checkApplicant', () => {
  test('a 自然人 needs an ID number, an organisation its 统一社会信用代码, everyone a contact; problems are keyed by field', () => {
    const person = checkApplicant({ type: 'natural_person', name: '张三', idType: 'resident_id', idNumber: '110105194912310021' });
    assert.equal(person.ok, false);
    assert.ok(!person.ok && person.fields['idNumber']?.includes('校验码'));
    assert.ok(!person.ok && person.fields['phone'] !== undefined);
    const firm = checkApplicant({ type: 'commercial_enterprise', name: '某某有限公司', phone: '010-12345678' });
    assert.ok(!firm.ok && firm.fields['uscc'] === '请填写统一社会信用代码');
    const unknown = checkApplicant({ type: 'company', name: '' });
    assert.ok(!unknown.ok && unknown.fields['type'] !== undefined && unknown.fields['name'] !== undefined);
  });

  test('valid applicants of both kinds pass, a passport is accepted without a check digit', () => {
    const ok = [
      { type: 'natural_person', name: '张三', idNumber: '11010519491231002X', email: 'a@example.cn' },
      { type: 'natural_person', name: 'John Smith', idType: 'passport', idNumber: 'E12345678', address: '北京市' },
      { type: 'legal_service_org', name: '某律师事务所', uscc: '91350100m000100y43', phone: '12345' },
    ];
    for (const input of ok) {
      const result = checkApplicant(input);
      assert.ok(result.ok, JSON.stringify(result));
    }
    const firm = checkApplicant(ok[2]);
    assert.ok(firm.ok && firm.applicant.uscc === '91350100M000100Y43');
  });
});
