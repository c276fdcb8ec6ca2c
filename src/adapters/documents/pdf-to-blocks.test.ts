// Column positions of PDF table rows (issue #9): a row with a blank cell keeps its values under their columns.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTables } from '#core/reports/read/read-tables.ts';
import { type PdfLine, withColumns } from './pdf-to-blocks.ts';

/** A line of a label at x 80 and values centred on the given x positions (7 units wide each). */
function row(label: string, values: readonly (readonly [string, number])[]): PdfLine {
  const segments = [{ text: label, x: 80, width: 100 }, ...values.map(([text, x]) => ({ text, x: x - 3.5, width: 7 }))];
  return { text: [label, ...values.map(([v]) => v)].join(' '), segments };
}
const text = (t: string): PdfLine => ({ text: t, segments: [{ text: t, x: 80, width: 200 }] });
const COLUMNS = [300, 340, 380];

describe('withColumns', () => {
  test('a full row stays as it is; a shorter row below it is written by column, blank cells kept', () => {
    const lines = withColumns([
      row('规章', [
        ['1', COLUMNS[0]!],
        ['2', COLUMNS[1]!],
        ['3', COLUMNS[2]!],
      ]),
      row('行政规范性文件', [
        ['4', COLUMNS[0]!],
        ['6', COLUMNS[2]! + 2],
      ]),
    ]);
    assert.deepEqual(lines, ['规章 1 2 3', '行政规范性文件\t4\t\t6']);
  });

  test('a value between two columns, or a header line before the row, leaves the row as pdf.js gives it', () => {
    const full = row('规章', [
      ['1', COLUMNS[0]!],
      ['2', COLUMNS[1]!],
      ['3', COLUMNS[2]!],
    ]);
    assert.deepEqual(withColumns([full, row('行政规范性文件', [['4', 320]])]), ['规章 1 2 3', '行政规范性文件 4']);
    assert.deepEqual(withColumns([full, text('第二十条第（五）项 信息内容'), row('行政许可', [['9', COLUMNS[1]!]])]), [
      '规章 1 2 3',
      '第二十条第（五）项 信息内容',
      '行政许可 9',
    ]);
  });

  test('the reader then places the values under their columns, the blank one absent', () => {
    const lines = withColumns([
      text('二、主动公开政府信息情况'),
      text('信息内容 本年制发件数 本年废止件数 现行有效件数'),
      row('规章', [
        ['1', COLUMNS[0]!],
        ['2', COLUMNS[1]!],
        ['3', COLUMNS[2]!],
      ]),
      row('行政规范性文件', [
        ['4', COLUMNS[0]!],
        ['6', COLUMNS[2]!],
      ]),
    ]);
    const reading = readTables({ blocks: [{ kind: 'text', text: lines.join('\n') }] });
    const v = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    assert.deepEqual(
      [v['normative_documents.issued'], v['normative_documents.repealed'], v['normative_documents.in_force']],
      [4, undefined, 6],
    );
  });
});
