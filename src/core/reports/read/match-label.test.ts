import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownLabelText, type LabelMatch, matchLabel, matchLabelExactly, TextBook } from './match-label.ts';

const rowIds = (m: LabelMatch) => m.targets.flatMap((t) => (t.kind === 'row' ? [`${t.table}:${t.rowId}`] : []));
const columnIds = (m: LabelMatch) => m.targets.flatMap((t) => (t.kind === 'column' ? [`${t.table}:${t.colId}`] : []));

describe('label typos (one character inserted or dropped; two from 12 characters on)', () => {
  it('reads a label with a dropped or an extra character as the one official label that close, as a wording variant', () => {
    const received = matchLabel('一、本年新收政府信息公开申请数');
    assert.deepEqual(
      [rowIds(received), received.official, received.difference],
      [['三:received'], '一、本年新收政府信息公开申请数量', 'wording'],
    );
    assert.deepEqual(rowIds(matchLabel('二、上年结转的政府信息公开申请数量')), ['三:carried_in']);
    // Quotes aside: the label without its “ ” is the same one.
    assert.deepEqual(rowIds(matchLabel('3.危及三安全一稳定')), ['三:outcome.withheld.security_stability']);
    assert.deepEqual(columnIds(matchLabel('本年制发数')), ['二:issued']);
    assert.equal(matchLabel('本年制发数').difference, 'wording');
  });

  it('leaves alone what is further off, too short to tell, or not a label', () => {
    // 情况 for 数量: two characters replaced, four insertions or deletions.
    assert.deepEqual(matchLabel('一、本年新收政府信息公开申请情况').targets, []);
    assert.deepEqual(matchLabel('本年处理数').targets, []);
    assert.deepEqual(matchLabel('共收到申请12件').targets, []);
    assert.deepEqual(matchLabel('行政处理').targets, []);
  });

  it('reads a label of six characters or more with one character replaced, when no other label is as close (probeH12 039)', () => {
    const fee = matchLabel('行政事业型收费');
    assert.deepEqual([fee.official, fee.difference], ['行政事业性收费', 'wording']);
    // shorter labels and two replaced characters stay unread
    assert.deepEqual(matchLabel('行政处理').targets, []);
    assert.deepEqual(matchLabel('行政事业型缴费').targets, []);
  });

  it('matchLabelExactly takes no typo (the run-together tokenizer tries every substring as a label)', () => {
    assert.deepEqual(matchLabelExactly('一、本年新收政府信息公开申请数').targets, []);
    assert.deepEqual(rowIds(matchLabelExactly('一、本年新收政府信息公开申请数量')), ['三:received']);
  });
});

describe('wording aliases of everyday use (annual-report.md §5)', () => {
  it('reads 其它, a shorter fee or procurement label, 本年增减 and …继续办理数量 as the official label, as wording variants', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['其它', '其他'],
      ['3.其它', '3.其他'],
      ['收费金额（万元）', '本年收费金额（单位：万元）'],
      ['政府集中采购项目', '政府集中采购'],
      ['本年增减', '本年增/减'],
      ['四、结转下年度继续办理数量', '四、结转下年度继续办理'],
    ];
    for (const [found, official] of cases) {
      const match = matchLabel(found);
      assert.deepEqual([match.official, match.difference, match.targets.length > 0], [official, 'wording', true], found);
      assert.deepEqual(match.targets, matchLabel(official).targets, found);
    }
  });
});

describe('the label book (matchLabel remembered, found by a range of a line)', () => {
  it('gives the string matchLabel saw for a range holding the same characters, and nothing for a text it did not see', () => {
    const label = matchLabel('行政许可 ');
    const line = `规章 | 行政许可 | 3`;
    const start = line.indexOf('行');
    const known = knownLabelText(line, start, start + '行政许可 '.length);
    assert.equal(known, '行政许可 ');
    assert.equal(matchLabel(known!), label);
    // One character more or less, or other characters of the same length: not the seen text.
    assert.equal(knownLabelText(line, start, start + 4), undefined);
    assert.equal(knownLabelText(line, start - 1, start + 5), undefined);
    assert.equal(knownLabelText('行政许口 ', 0, 5), undefined);
    assert.equal(knownLabelText(`x${line}`, start + 1, start + 6), '行政许可 ');
  });

  it('answers as before once it has started again (more texts than it holds)', () => {
    const before = matchLabel('（一）予以公开');
    for (let i = 0; i < 9000; i++) {
      matchLabel(`不是标签${i}`);
    }
    assert.deepEqual(matchLabel('（一）予以公开'), before);
    assert.deepEqual(rowIds(matchLabel('（一）予以公开')), ['三:outcome.disclosed']);
    assert.deepEqual(matchLabel('不是标签8999').targets, []);
  });
});

describe('TextBook', () => {
  it('finds a text by any range holding its characters, and starts again empty past its limit', () => {
    const book = new TextBook<number>(3);
    for (const [i, text] of ['规章', '行政许可', ''].entries()) {
      assert.equal(book.find(text, 0, text.length), -1);
      book.add(text, i);
    }
    const line = 'x规章|行政许可|';
    assert.equal(book.value(book.find(line, 1, 3)), 0);
    assert.equal(book.text(book.find(line, 4, 8)), '行政许可');
    assert.equal(book.value(book.find(line, 9, 9)), 2);
    assert.equal(book.find(line, 0, 3), -1);
    // The fourth text: the book starts again with it alone.
    book.add('规范性文件', 3);
    assert.equal(book.find('规章', 0, 2), -1);
    assert.equal(book.value(book.find('规范性文件', 0, 5)), 3);
  });
});
