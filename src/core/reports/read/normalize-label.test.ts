import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { matchLabel } from './match-label.ts';
import { foundLabelText, normalizeLabel, stripAnnotations, unitNote } from './normalize-label.ts';

describe('normalizeLabel (annual-report.md §5)', () => {
  it('gives format variants of a label the same key', () => {
    assert.equal(normalizeLabel('第二十条第(一)项'), normalizeLabel('第二十条第（一）项'));
    assert.equal(normalizeLabel('(一) 予以公开'), normalizeLabel('（一）予以公开'));
    assert.equal(normalizeLabel('1. 属于国家秘密'), normalizeLabel('1.属于国家秘密'));
    assert.equal(normalizeLabel('商业\n企业'), normalizeLabel('商业企业'));
    assert.equal(normalizeLabel('结果 维持'), normalizeLabel('结果维持'));
    assert.equal(normalizeLabel('\u3000规章\u00a0'), normalizeLabel('规章'));
    assert.equal(normalizeLabel('3.危及"三安全一稳定"'), normalizeLabel('3.危及“三安全一稳定”'));
    assert.equal(normalizeLabel('3.危及「三安全一稳定」'), normalizeLabel('3.危及“三安全一稳定”'));
    assert.equal(
      normalizeLabel('(本列数据的勾稽关系为: 第一项加第二项之和, 等于第三项加第四项之和)'),
      normalizeLabel('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
    );
  });

  it('folds the Big5 mirror 檔案 into 文件 once the adapter has converted the other characters', () => {
    assert.equal(normalizeLabel('规范性檔案'), normalizeLabel('规范性文件'));
    assert.equal(normalizeLabel('其他主动公开档案'), normalizeLabel('其他主动公开文件'));
  });

  it('drops colons typed after a label cell: `规章：` is 规章 (too short a label for the typo tolerance)', () => {
    assert.equal(normalizeLabel('规章：'), normalizeLabel('规章'));
    assert.equal(normalizeLabel('行政许可 :'), normalizeLabel('行政许可'));
    assert.deepEqual(
      matchLabel('规章：').targets.map((t) => t.kind),
      matchLabel('规章').targets.map((t) => t.kind),
    );
    assert.ok(matchLabel('规章：').targets.length > 0);
  });

  it('drops word-processor bookmarks glued to a label', () => {
    assert.equal(normalizeLabel('[bookmark: _GoBack]规章'), normalizeLabel('规章'));
  });

  it('reads an ordinal written with 、 as the template ordinal', () => {
    assert.equal(normalizeLabel('2、重复申请'), normalizeLabel('2.重复申请'));
  });

  it('keeps wording differences apart', () => {
    assert.notEqual(normalizeLabel('本年度止件数'), normalizeLabel('本年废止件数'));
  });
});

describe('annotations', () => {
  it('strips notes after the label but keeps a leading ordinal', () => {
    assert.equal(stripAnnotations(normalizeLabel('本年收费金额(单位:万元,保留4位小数)')), '本年收费金额');
    assert.equal(stripAnnotations(normalizeLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')), '(二)部分公开');
  });

  it('reads the unit of a note', () => {
    assert.equal(unitNote(normalizeLabel('本年收费金额（单位：元）')), '元');
    assert.equal(unitNote(normalizeLabel('本年收费金额(单位:万元,保留4位小数)')), '万元');
    assert.equal(unitNote('规章'), null);
  });

  it('quotes the found label trimmed, inner spacing kept, line breaks dropped', () => {
    assert.equal(foundLabelText(' 2. 其他法律法规禁止公开\u3000'), '2. 其他法律法规禁止公开');
    assert.equal(foundLabelText('半年收费金额\n（单位：万元）'), '半年收费金额（单位：万元）');
  });
});

describe('stripAnnotations against its definition', () => {
  // One character at a time: a `(` opens a note unless nothing is kept yet (an ordinal), notes nest.
  const reference = (key: string): string => {
    if (!key.includes('(')) {
      return key;
    }
    let out = '';
    let depth = 0;
    for (const ch of key) {
      if (ch === '(' && (depth > 0 || out.length > 0)) {
        depth++;
      } else if (depth > 0) {
        depth -= ch === ')' ? 1 : 0;
      } else {
        out += ch;
      }
    }
    return out;
  };

  it('keeps the same characters for any nesting of notes', () => {
    const key = fc.array(fc.constantFrom('(', ')', '单', '位', ':', ',', 'a'), { maxLength: 14 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(key, (text) => stripAnnotations(text) === reference(text)),
      { numRuns: 20000 },
    );
  });
});

describe('matchLabel', () => {
  it('matches annotated and note-less labels silently', () => {
    for (const text of [
      '本年收费金额(单位:万元,保留4位小数)',
      '规章（设区的市、自治州人民政府应提供相关数据）',
      '上一年项目数量（指2019年事项数）',
      '处理决定数量（指2020年办件量）',
      '(二) 部分公开',
      '本年收费金额',
    ]) {
      const match = matchLabel(text);
      assert.ok(match.targets.length > 0, text);
      assert.equal(match.difference, 'none', text);
    }
  });

  it('flags a note that names another unit', () => {
    const match = matchLabel('本年收费金额（单位：元）');
    assert.equal(match.difference, 'unit');
    assert.equal(match.official, '本年收费金额（单位：万元）');
  });

  it('matches every wording alias of §5 to its official label', () => {
    const aliases: readonly (readonly [string, string])[] = [
      ['本年度止件数', '本年废止件数'],
      ['本年新制发件数', '本年制发件数'],
      ['半年收费金额（单位：万元）', '本年收费金额（单位：万元）'],
      ['半年收费金额(单位:万元)', '本年收费金额（单位：万元）'],
      ['社会组织', '社会公益组织'],
      ['2. 其他法律法规禁止公开', '2.其他法律行政法规禁止公开'],
      // seen in the corpus of real reports (issue #9)
      ['二、上年结转政府信息公开数量', '二、上年结转政府信息公开申请数量'],
      ['一、本年新收政府信息公开数量', '一、本年新收政府信息公开申请数量'],
      ['2.其他法律行政止公开', '2.其他法律行政法规禁止公开'],
      ['本年处理绝对数量', '本年处理决定数量'],
    ];
    for (const [found, official] of aliases) {
      const match = matchLabel(found);
      assert.equal(match.difference, 'wording', found);
      assert.equal(match.official, official, found);
    }
  });

  it('matches a flattened Markdown header path by its last segment', () => {
    const match = matchLabel('法人或其他组织/商业企业');
    assert.ok(match.targets.some((t) => t.kind === 'column' && t.colId === 'commercial_enterprise'));
    assert.equal(matchLabel('法人或其他组织/不存在').targets.length, 0);
  });

  it('matches nothing for a local row the template does not have', () => {
    assert.equal(matchLabel('其他主动公开文件').targets.length, 0);
  });
});
