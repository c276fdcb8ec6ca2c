import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readTables } from './read-tables.ts';
import { headingTable, isFurniture } from './scan-layout.ts';

// The five patterns of isFurniture, without its first-character shortcut.
const PATTERNS = [
  /^第\s*\d+\s*页\s*[,，/]?\s*(?:共\s*\d+\s*页)?$/,
  /^[-—－]\s*\d+\s*[-—－]$/,
  /^(?:https?:\/\/|www\.)\S*$/i,
  /^\[bookmark:[^\]]*\]$/,
  /^\d+\s*\/\s*\d+$/,
];
const reference = (line: string): boolean => {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 80 && PATTERNS.some((re) => re.test(trimmed));
};

describe('isFurniture', () => {
  it('knows page numbers, URLs and bookmarks, and not content', () => {
    for (const line of [
      '第 3 页',
      '第3页，共12页',
      '- 4 -',
      '—12—',
      'HTTPS://www.gov.cn/x',
      'www.example.cn',
      '[bookmark: _Toc1]',
      ' 3 / 12 ',
    ]) {
      assert.equal(isFurniture(line), true, line);
    }
    for (const line of ['', '一、总体情况', '3 件', '（一）主动公开', '| 0 | 1 |', 'ftp://x']) {
      assert.equal(isFurniture(line), false, line);
    }
  });

  it('its first-character shortcut never changes the answer', () => {
    const piece = fc.constantFrom(
      '第',
      '页',
      '共',
      '1',
      '23',
      ' ',
      '\u3000',
      '-',
      '—',
      '－',
      '/',
      'http://',
      'HTTPS://',
      'Www.',
      '[bookmark:',
      ']',
      'a',
      '，',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const line = pieces.join('');
        assert.equal(isFurniture(line), reference(line), JSON.stringify(line));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('headingTable', () => {
  it('takes a bracketed section number only where it is the template`s (`(一)主动公开政府信息情况` is a part of 一)', () => {
    assert.equal(headingTable('二、主动公开政府信息情况'), '二');
    assert.equal(headingTable('(二)主动公开政府信息情况'), '二');
    assert.equal(headingTable('（三）收到和处理政府信息公开申请情况'), '三');
    assert.equal(headingTable('(一)主动公开政府信息情况'), undefined);
    assert.equal(headingTable('(二)收到和处理政府信息公开申请情况'), undefined);
    assert.equal(headingTable('主动公开政府信息情况'), '二');
  });
});

describe('a table 二 block whose first row label is blank in the page (probeH1 009)', () => {
  const read = (lines: readonly string[]) => readTables({ blocks: [{ kind: 'text', text: lines.join('\n') }] });
  // The real lines: one cell per line, an empty line after each, 规章 left as a line of spaces.
  const page = [
    '二、主动公开政府信息情况',
    '',
    '第二十条第',
    '',
    '信息内容',
    '',
    '本年制发件数',
    '',
    '本年废止件数',
    '',
    '现行有效件数',
    '',
    '  ',
    '',
    '0',
    '',
    '0',
    '',
    '0',
    '',
    '行政规范性文件',
    '',
    '0',
    '',
    '0',
    '',
    '0',
    '',
    '第二十条第',
    '',
    '信息内容',
    '',
    '本年处理决定数量',
    '',
    '行政许可',
    '',
    '124',
  ];

  it('reads the blank row before 行政规范性文件 as 规章, not values under the header', () => {
    const reading = read(page);
    const cells = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    assert.deepEqual(
      [
        cells['rules.issued'],
        cells['rules.repealed'],
        cells['rules.in_force'],
        cells['normative_documents.in_force'],
        cells['licensing.decisions'],
      ],
      [0, 0, 0, 0, 124],
    );
    assert.ok(!reading.findings.some((f) => f.rule === 'READ-UNKNOWN-ROW'), reading.findings.map((f) => f.message).join('\n'));
  });

  it('names no row when the next row is not a block`s second (行政许可 opens its block)', () => {
    const reading = read([...page.slice(0, 20), '行政许可', '', '0']);
    assert.equal(
      reading.cells.some((c) => c.id.startsWith('rules.')),
      false,
    );
  });
});
