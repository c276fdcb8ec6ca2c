import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withAsciiTableRules } from './table-rules.ts';

describe('withAsciiTableRules', () => {
  it('turns a box-drawing grid into the ASCII grid', () => {
    const drawn = ['┌──────┬────┐', '│ 规章 │ 0  │', '├──────┼────┤', '┃ 行政许可 ┃ 12 ┃', '└──────┴────┘'].join('\n');
    assert.equal(
      withAsciiTableRules(drawn),
      ['+------+----+', '| 规章 | 0  |', '+------+----+', '| 行政许可 | 12 |', '+------+----+'].join('\n'),
    );
  });

  it('turns full-width vertical bars into pipes, the one-cell-per-line layout included', () => {
    const text = ['信息内容｜本年制发件数｜', '规章 ｜', '0 ｜', '｜｜｜'].join('\n');
    assert.equal(withAsciiTableRules(text), ['信息内容|本年制发件数|', '规章 |', '0 |', '|||'].join('\n'));
  });

  it('leaves the sentences around a drawn table as they are', () => {
    const text = ['首页｜政务公开', '一、总体情况──本年度', '│ 规章 │ 0 │', '│ 行政许可 │ 3 │', '├─┼─┤'].join('\n');
    const lines = withAsciiTableRules(text).split('\n');
    // the breadcrumb's bar is a rule too once the text has a table; the dash inside a sentence is not
    assert.deepEqual(lines, ['首页|政务公开', '一、总体情况──本年度', '| 规章 | 0 |', '| 行政许可 | 3 |', '+-+-+']);
  });

  it('changes nothing where fewer than three lines hold rules (a breadcrumb, a dash)', () => {
    for (const text of ['首页｜政务公开｜年度报告\n一、总体情况', '增加──减少\n正文', '', '规章 | 0 | 0']) {
      assert.equal(withAsciiTableRules(text), text);
    }
  });

  it('keeps full-width minus signs and other full-width characters', () => {
    const text = ['｜ 本年增/减 ｜ －３ ｜', '｜ 行政许可 ｜ ５ ｜', '｜ 行政处罚 ｜ ０ ｜'].join('\n');
    assert.equal(withAsciiTableRules(text), ['| 本年增/减 | －３ |', '| 行政许可 | ５ |', '| 行政处罚 | ０ |'].join('\n'));
  });
});
