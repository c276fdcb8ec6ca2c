// Columns of PDF table rows without vertical borders (issue #9): the alignment is voted per table, and a
// row no open alignment places alike is left to the reader, which leaves its cells absent.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ColumnCarry, withColumns } from './pdf-columns.ts';
import type { PdfLine, PdfSegment } from './pdf-to-blocks.ts';

/** A digit's width: values are this wide per character. */
const DIGIT = 6;
/** Cells 116 wide from x 190 (three value columns), with 4 units of padding, as chromium prints them. */
const CELL_LEFT = [190, 306, 422];
const CELL_RIGHT = CELL_LEFT.map((x) => x + 116);
const PAD = 4;

const line = (segments: readonly PdfSegment[]): PdfLine => ({ text: segments.map((s) => s.text).join(' '), segments });
const label = (text: string): PdfSegment => ({ text, x: 60, width: 14 * text.length });

/** A value right-aligned, left-aligned or centred in cell `column`. */
function value(text: string, column: number, alignment: 'left' | 'centre' | 'right'): PdfSegment {
  const width = DIGIT * text.length;
  const left = CELL_LEFT[column]!;
  const right = CELL_RIGHT[column]!;
  const x = alignment === 'left' ? left + PAD : alignment === 'right' ? right - PAD - width : (left + right - width) / 2;
  return { text, x, width };
}

/** A header row whose titles are set at the left of their cells (chromium's default for the report's th). */
const header = (titles: readonly string[]): PdfLine =>
  line([label('信息内容'), ...titles.map((t, k) => ({ text: t, x: CELL_LEFT[k]! + PAD, width: 10.5 * t.length }))]);

const TITLES = ['本年制发件数', '本年废止件数', '现行有效件数'];

describe('withColumns on tables without vertical borders', () => {
  test('right-aligned values: a row with a blank last cell keeps its values in the first columns (p046)', () => {
    const lines = [
      header(TITLES),
      line([label('规章'), value('0', 0, 'right'), value('0', 1, 'right')]),
      line([label('行政规范性文件'), value('5', 0, 'right'), value('12', 1, 'right'), value('8', 2, 'right')]),
    ];
    assert.deepEqual(withColumns(lines)[1], '规章\t0\t0\t');
  });

  test('left-aligned values: the same row, its values standing where the right-aligned ones do not', () => {
    const lines = [
      header(TITLES),
      line([label('规章'), value('0', 1, 'left'), value('7', 2, 'left')]),
      line([label('行政规范性文件'), value('5', 0, 'left'), value('12', 1, 'left'), value('8', 2, 'left')]),
    ];
    assert.deepEqual(withColumns(lines)[1], '规章\t\t0\t7');
  });

  test('no full row: parts of one table under the same titles vote together (2019 table 二)', () => {
    const titles = ['上一年项目数量', '本年增/减', '处理决定数量'];
    const lines = [
      header(titles),
      line([label('行政许可'), value('19', 0, 'right'), value('+4', 1, 'right')]),
      line(['第二十条第（六）项'].map(label)),
      header(titles),
      line([label('行政处罚'), value('35', 0, 'right'), value('+12', 1, 'right')]),
    ];
    const out = withColumns(lines);
    assert.deepEqual([out[1], out[4]], ['行政许可\t19\t+4\t', '行政处罚\t35\t+12\t']);
  });

  test('values of one width in the gaps between titles: right-aligned in one column or left in the next, not placed', () => {
    const lines = [header(TITLES), line([label('规章'), value('0', 0, 'right'), value('0', 1, 'right')])];
    assert.deepEqual(withColumns(lines)[1], lines[1]!.text);
  });

  test('centred values under left-aligned titles (a three-line table): over its title a value is in its column', () => {
    const lines = [header(TITLES), line([label('规章'), value('106', 0, 'centre'), value('2939', 1, 'centre')])];
    assert.deepEqual(withColumns(lines)[1], '规章\t106\t2939\t');
  });

  test("a header at a page's foot stands over the rows at the head of the next", () => {
    const carry: ColumnCarry = { titles: null };
    withColumns([line(['二、主动公开政府信息情况'].map(label)), header(TITLES)], carry);
    const next = withColumns([line([label('规章'), value('106', 0, 'centre'), value('2939', 1, 'centre')])], carry);
    assert.deepEqual(next, ['规章\t106\t2939\t']);
    // Without the carried titles the row is left as it is.
    assert.deepEqual(withColumns([line([label('规章'), value('106', 0, 'centre'), value('2939', 1, 'centre')])]), ['规章 106 2939']);
  });
});
