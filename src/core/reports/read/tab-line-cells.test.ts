import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { joinTabLineCells } from './tab-line-cells.ts';

const HEADINGS = new Set(['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
const join = (text: string) => joinTabLineCells(text, (line) => HEADINGS.has(line));

/** innerText of a table whose cells hold <p>: a cell, a blank line, a tab alone, a blank line; rows apart by blank lines. */
const P_CELLS = (rows: readonly (readonly string[])[]) =>
  rows.map((cells) => cells.map((cell) => (cell === '' ? '\u00a0' : cell)).join('\n\n\t\n\n')).join('\n\n\n\n');
/** innerText of a table whose cells hold <div>: a cell, a tab alone (an empty <div> no line); rows apart by two blank lines. */
const DIV_CELLS = (rows: readonly (readonly string[])[]) =>
  rows.map((cells) => cells.reduce((row, cell, i) => (i === 0 ? cell : `${row}\n\t${cell === '' ? '' : `\n${cell}`}`), '')).join('\n\n\n');

const TABLE = [
  ['信息内容', '本年新\n制作数量', '本年新\n公开数量', '对外公开总数量'],
  ['规章', '13', '', '524'],
  ['规范性文件', '60', '60', ''],
  ['第二十条第（五）项'],
  ['行政许可', '', '0', '0'],
];
const ROWS = [
  '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
  '规章\t13\t\t524',
  '规范性文件\t60\t60\t',
  '第二十条第（五）项',
  '行政许可\t\t0\t0',
];

describe('joinTabLineCells', () => {
  test('cells holding paragraphs: rows of tab-separated cells, wrapped labels joined, blank cells kept', () => {
    const text = `二、主动公开政府信息情况\n\n${P_CELLS(TABLE)}\n\n三、收到和处理政府信息公开申请情况\n\n正文。`;
    assert.deepEqual(
      join(text)
        ?.split('\n')
        .filter((line) => line.trim() !== ''),
      ['二、主动公开政府信息情况', ...ROWS, '三、收到和处理政府信息公开申请情况', '正文。'],
    );
  });

  test('cells holding <div>s: the table ends at a number or a section heading without a blank line', () => {
    const text = `${DIV_CELLS(TABLE)}\n三、收到和处理政府信息公开申请情况\n${DIV_CELLS([['一、本年新收政府信息公开申请数量', '1', '']])}\n四、政府信息公开行政复议、行政诉讼情况`;
    assert.deepEqual(
      join(text)
        ?.split('\n')
        .filter((line) => line.trim() !== ''),
      [...ROWS, '三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量\t1\t', '四、政府信息公开行政复议、行政诉讼情况'],
    );
  });

  test('blank cells written inline (`\\t\\u00a0\\t\\u00a0`) count one cell per tab', () => {
    const rows = Array.from({ length: 8 }, () => '5\n\n\t\u00a0\t\u00a0\t\n\n2\n\n\t\u00a0').join('\n\n\n\n');
    assert.deepEqual(
      join(`${rows}\n\n正文。`)
        ?.split('\n')
        .filter((line) => line.trim() !== ''),
      [...Array.from({ length: 8 }, () => '5\t\t\t2\t'), '正文。'],
    );
  });

  test('other texts are left alone: few tab lines, tab-separated rows, a tab before every cell', () => {
    assert.equal(join('规章\n\n\t\n\n13'), null);
    const tabRows = `${Array.from({ length: 10 }, () => '规章\t0\t0\t0\n\t\t\t').join('\n')}`;
    assert.equal(join(tabRows), null);
    const leadingTabs = `${Array.from({ length: 10 }, () => '\t规章\n\t 9\n\t \n').join('\n')}`;
    assert.equal(join(leadingTabs), null);
    assert.equal(join('没有制表符的正文。\n第二行。'), null);
  });
});
