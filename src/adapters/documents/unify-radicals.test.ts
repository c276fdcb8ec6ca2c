// Radicals in a PDF's text layer read as the ideographs they stand for (issue #9).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasRadicals, unifyRadicals } from './unify-radicals.ts';

test("Kangxi radicals, the supplement's simplified forms and compatibility ideographs become unified ideographs", () => {
  // As chromium prints `人民政府工作` in Noto CJK, and a Word PDF `门户网站`, `长`, `见`.
  assert.equal(unifyRadicals('⼈⺠政府⼯作'), '人民政府工作');
  assert.equal(unifyRadicals('县政府⻔⼾⽹站'), '县政府门户网站');
  assert.equal(unifyRadicals('⻓期⻅效'), '长期见效');
  assert.equal(unifyRadicals('\uf900'), '豈');
  // Every Kangxi radical maps to a CJK unified ideograph.
  for (let code = 0x2f00; code <= 0x2fd5; code++) {
    const unified = unifyRadicals(String.fromCharCode(code));
    assert.match(unified, /^[\u3400-\u9fff]$/u, `U+${code.toString(16)}`);
  }
});

test('text without them is returned unchanged, and hasRadicals says so', () => {
  const text = '某县人民政府2023年政府信息公开工作年度报告 ⺌';
  assert.equal(hasRadicals('某县人民政府'), false);
  assert.equal(hasRadicals('⼈'), true);
  assert.equal(hasRadicals('\u2e7f\u2fe0\uf8ff\ufb00'), false);
  assert.equal(hasRadicals('a\u2e80'), true);
  assert.equal(hasRadicals('\ufaff'), true);
  // A component-only form stays: there is no ideograph it stands for alone.
  assert.equal(unifyRadicals(text), text);
});
