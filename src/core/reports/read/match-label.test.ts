import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LabelMatch, matchLabel, matchLabelExactly } from './match-label.ts';

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

  it('matchLabelExactly takes no typo (the run-together tokenizer tries every substring as a label)', () => {
    assert.deepEqual(matchLabelExactly('一、本年新收政府信息公开申请数').targets, []);
    assert.deepEqual(rowIds(matchLabelExactly('一、本年新收政府信息公开申请数量')), ['三:received']);
  });
});
