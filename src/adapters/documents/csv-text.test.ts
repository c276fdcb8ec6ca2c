import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvAsTabText, csvRecords } from './csv-text.ts';

describe('csvRecords', () => {
  test('RFC 4180: quoted commas, doubled quotes, line breaks inside quotes, an empty last field', () => {
    assert.deepEqual(csvRecords('规章,0,"1,234",\n"说""明","第一行\n第二行",x'), [
      ['规章', '0', '1,234', ''],
      ['说"明', '第一行\n第二行', 'x'],
    ]);
  });

  test('a quote inside an unquoted field is a character; a quote that never closes reads every quote as a character', () => {
    assert.deepEqual(csvRecords('他说"好",1'), [['他说"好"', '1']]);
    assert.deepEqual(csvRecords('"十四五规划,2\n行政许可,93'), [
      ['"十四五规划', '2'],
      ['行政许可', '93'],
    ]);
  });

  test('semicolons when the text uses them instead of commas (Excel with a decimal-comma locale)', () => {
    assert.deepEqual(csvRecords('规章;0;0;15\n行政许可;93'), [
      ['规章', '0', '0', '15'],
      ['行政许可', '93'],
    ]);
  });
});

describe('csvAsTabText', () => {
  test('Excel`s padding dropped, table rows joined by tabs, a wrapped label joined, paragraphs of a one-cell record kept', () => {
    const csv = [
      '一、总体情况,,,',
      '"2023年，本局主动公开信息1,234条。",,,',
      '信息内容,本年制发件数,本年废止件数,现行有效件数',
      '"行政规范性\n文件",1,0,12',
      ',,,',
      '"第一段\n第二段",,,',
    ].join('\n');
    assert.equal(
      csvAsTabText(csv),
      [
        '一、总体情况',
        '2023年，本局主动公开信息1,234条。',
        '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '行政规范性文件\t1\t0\t12',
        '',
        '第一段\n第二段',
      ].join('\n'),
    );
  });

  test('an empty first cell (a label merged from the row above) stays a cell', () => {
    assert.equal(csvAsTabText(',0,0,15'), '\t0\t0\t15');
  });
});
