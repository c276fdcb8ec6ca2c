// The shipped script table (script-table.ts) is what OpenCC's installed dictionaries give: detectScript
// reads it instead of loading OpenCC for every document (issue #9, start-up).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIMPLIFIED_FORM_CHARACTERS, TRADITIONAL_CHARACTERS } from './script-table.ts';
import { computeScriptTable, detectScript, detectScriptOf, toSimplified } from './to-simplified.ts';

test('script-table.ts matches opencc-js as installed (else run scripts/generate-script-table.ts)', () => {
  const computed = computeScriptTable();
  assert.equal(TRADITIONAL_CHARACTERS, computed.traditional);
  assert.equal(SIMPLIFIED_FORM_CHARACTERS, computed.simplifiedForms);
  assert.ok(TRADITIONAL_CHARACTERS.includes('規') && TRADITIONAL_CHARACTERS.includes('後'));
  assert.ok(!TRADITIONAL_CHARACTERS.includes('著') && !TRADITIONAL_CHARACTERS.includes('么'));
  assert.ok(SIMPLIFIED_FORM_CHARACTERS.includes('规'));
});

test('documents are told apart by the table, and converted by OpenCC loaded on demand', () => {
  assert.equal(detectScript('政府信息公开工作年度报告'), 'simplified');
  assert.equal(detectScript('政府資訊公開工作年度報告'), 'traditional');
  assert.equal(detectScript('规范性文件制发情况，其後'), 'mixed');
  // A document's strings taken together, as one joined text would be judged.
  for (const parts of [
    ['政府信息公开', '規範性', '檔案'],
    ['规范性文件', '制发情况，其後'],
    ['ascii', ''],
    ['政府資訊', '公開', '报告'],
  ]) {
    assert.equal(detectScriptOf(parts), detectScript(parts.join('\n')), parts.join('|'));
  }
  assert.equal(detectScriptOf(['政府資訊', '公開工作']), 'traditional');
  assert.equal(detectScriptOf(['规范性文件制发情况', '其後']), 'mixed');
  assert.equal(toSimplified('規範性檔案'), '规范性文件');
  assert.equal(toSimplified('显著提升，其後', 'mixed'), '显著提升，其后');
});
