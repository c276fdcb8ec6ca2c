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
// A page of pages counts from 1 to the count (`0/0` is a cell's text, probeL3 010).
const isPage = (trimmed: string): boolean => {
  const pages = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
  return pages === null || (Number(pages[1]) >= 1 && Number(pages[1]) <= Number(pages[2]));
};
const reference = (line: string): boolean => {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 80 && PATTERNS.some((re) => re.test(trimmed)) && isPage(trimmed);
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
      '12/12',
    ]) {
      assert.equal(isFurniture(line), true, line);
    }
    for (const line of ['', '一、总体情况', '3 件', '（一）主动公开', '| 0 | 1 |', 'ftp://x', '0/0', '5/3']) {
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

describe('table 三 rows whose cells go on over lines of bars (probeH14 047)', () => {
  const read = (lines: readonly string[]) => readTables({ blocks: [{ kind: 'text', text: lines.join('\n') }] });
  const values = (lines: readonly string[]) => Object.fromEntries(read(lines).cells.map((c) => [c.id, c.value]));
  // probeH14 047.txt (the page ends cut off): table 二 as plain pipe rows, table 三's rows continued on
  // lone bars (a blank cell each) and a last `| v |` line.
  const page = [
    '二、主动公开政府信息情况',
    '第二十条第(一)项 |',
    '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
    '规章 | 0 | 0 | 0 |',
    '规范性文件 | 1 | 1 | 2 |',
    '第二十条第(五)项 |',
    '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |',
    '行政许可 | 22 | +1 | 23 |',
    '其他对外管理服务事项 | 1168 | +173 | 1341 |',
    '第二十条第(六)项 |',
    '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |',
    '行政处罚 | 2 | -2 | 0 |',
    '行政强制 | 0 | 0 | 0 |',
    '第二十条第(八)项 |',
    '信息内容 | 上一年项目数量 | 本年增/减 |',
    '行政事业性收费 | 0 | 0 |',
    '第二十条第(九)项 |',
    '信息内容 | 采购项目数量 | 采购总金额 |',
    '政府集中采购 | 22 | 184719元 |',
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
    '自然人 | 法人或其他组织 | 总计 |',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
    '一、本年新收政府信息公开申请数量 | 25 |',
    '|',
    '|',
    '|',
    '|',
    '| 25 |',
    '二、上年结转政府信息公开申请数量 |',
    '|',
    '|',
    '|',
    '|',
    '|',
    '| 0 |',
    '三、本年度办理结果 | (一)予以公开 | 7 |',
    '|',
    '|',
    '|',
    '|',
    '| 7 |',
    '(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 1 |',
    '|',
    '|',
    '|',
    '|',
    '| 1 ',
  ];
  const t3 = (cells: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(cells).filter(([id]) => /^(received|carried_in|outcome)\./.test(id)));

  it('reads each row with its lines of bars: 自然人 first, blanks, then 总计', () => {
    const cells = values(page);
    assert.deepEqual(t3(cells), {
      'received.natural_person': 25,
      'received.total': 25,
      'carried_in.total': 0,
      'outcome.disclosed.natural_person': 7,
      'outcome.disclosed.total': 7,
      'outcome.partial.natural_person': 1,
      'outcome.partial.total': 1,
    });
    // Table 二's plain pipe rows read as before.
    assert.equal(cells['rules.new_made'], 0);
    assert.equal(cells['normative_documents.published_total'], 2);
    assert.equal(cells['licensing.items_change'], 1);
    assert.equal(cells['other_services.decisions'], 1341);
    assert.equal(cells['penalties.items_change'], -2);
    assert.equal(cells['fees.items_change'], 0);
    assert.equal(cells['procurement.procurement_items'], 22);
  });

  it('joins nothing when the lines of bars do not give exactly seven values', () => {
    // One lone bar more under row 一: eight values read either way, so only its first line is read.
    const at = page.indexOf('| 25 |');
    const cells = values([...page.slice(0, at), '|', '|', ...page.slice(at)]);
    assert.equal(cells['received.natural_person'], 25);
    assert.equal(cells['received.total'], undefined);
    assert.equal(cells['outcome.disclosed.total'], 7);
  });
});
