// One test per layout and per defect of annual-report.md §5, on hand-written fragments.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceBlock } from '../report-model.ts';
import { readTables } from './read-tables.ts';

const text = (t: string) => readTables({ blocks: [{ kind: 'text', text: t }] });
const raws = (reading: ReturnType<typeof readTables>) => Object.fromEntries(reading.cells.map((c) => [c.id, c.raw]));
const values = (reading: ReturnType<typeof readTables>) => Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
const rules = (reading: ReturnType<typeof readTables>) => reading.findings.map((f) => f.rule);
const row7 = (rowId: string, raws: readonly string[]) =>
  Object.fromEntries(
    ['natural_person', 'commercial_enterprise', 'research_institution', 'public_interest_org', 'legal_service_org', 'other_org', 'total']
      .map((c, i) => [`${rowId}.${c}`, raws[i]] as const)
      .filter(([, raw]) => raw !== undefined && raw !== ''),
  );

const T4_HEAD_TAB = ['行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉'];

describe('layouts', () => {
  it('reads pipe rows with trailing empty cells (seed 002 style)', () => {
    const reading = text(
      [
        '二、主动公开政府信息情况',
        '第二十条第(一)项 | |||',
        '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
        '规章 | 1 | 2 | 3 |',
        '第二十条第(五)项 | |||',
        '信息内容 | 本年处理决定数量 | ||',
        '行政许可 | 92 | ||',
        '三、收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 21 | ||',
        '(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.deepEqual(raws(reading), {
      'rules.issued': '1',
      'rules.repealed': '2',
      'rules.in_force': '3',
      'licensing.decisions': '92',
      ...row7('received', ['1', '2', '3', '4', '5', '6', '21']),
      ...row7('outcome.withheld.state_secret', ['0', '0', '0', '0', '0', '0', '0']),
    });
    assert.equal(reading.template, '2021');
    assert.deepEqual(reading.findings, []);
  });

  it('reads a Markdown table: borders, `|---|` line and flattened header paths', () => {
    const reading = text(
      [
        '## 三、收到和处理政府信息公开申请情况',
        '',
        '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 自然人 | 法人或其他组织/商业企业 | 法人或其他组织/科研机构 | 法人或其他组织/社会公益组织 | 法人或其他组织/法律服务机构 | 法人或其他组织/其他 | 总计 |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 一、本年新收政府信息公开申请数量 |  |  |  | 2 |  |  |  |  | 2 |',
        '| 三、本年度办理结果 | （三）不予公开 |  | 1 |  |  |  |  |  | 1 |',
        '|  |  | 1.属于国家秘密 | 1 |  |  |  |  |  |  |',
        '',
        '## 五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.deepEqual(raws(reading), {
      'received.commercial_enterprise': '2',
      'received.total': '2',
      'outcome.withheld.natural_person': '1',
      'outcome.withheld.total': '1',
      'outcome.withheld.state_secret.natural_person': '1',
    });
    assert.deepEqual(reading.findings, []);
  });

  it('reads tab rows with a placeholder for the merged group column and a sub-row starting in column 1 (seed 001 style)', () => {
    const reading = text(
      [
        '三、收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t',
        '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t',
        '\t(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0',
        '3.其他\t\t2\t0\t0\t0\t0\t0\t2\t',
        '(七) 总计\t\t\t0\t0\t0\t0\t0\t0\t',
      ].join('\n'),
    );
    assert.deepEqual(values(reading), {
      ...Object.fromEntries(Object.entries(row7('received', ['1', '0', '0', '0', '0', '0', '1'])).map(([k, v]) => [k, Number(v)])),
      ...Object.fromEntries(Object.entries(row7('carried_in', ['0', '0', '0', '0', '0', '0', '0'])).map(([k, v]) => [k, Number(v)])),
      ...Object.fromEntries(
        Object.entries(row7('outcome.other.no_correction', ['0', '0', '0', '0', '0', '0', '0'])).map(([k, v]) => [k, Number(v)]),
      ),
      ...Object.fromEntries(
        Object.entries(row7('outcome.other.other', ['2', '0', '0', '0', '0', '0', '2'])).map(([k, v]) => [k, Number(v)]),
      ),
      // The export's trailing empty cell is learnt from the full rows: the blank is 自然人, not 总计.
      ...Object.fromEntries(Object.entries(row7('outcome.total', ['', '0', '0', '0', '0', '0', '0'])).map(([k, v]) => [k, Number(v)])),
    });
    assert.equal(reading.template, '2021');
  });

  it('reads one cell per line after a tab, blank cells as whitespace-only lines and split header cells (seeds 000, 004)', () => {
    const reading = text(
      [
        '四、政府信息公开行政复议、行政诉讼情况',
        '\t行政复议',
        '\t行政诉讼',
        '',
        '\t结果',
        '维持',
        '\t结果',
        '纠正',
        '\t其他结果',
        '\t尚未审结',
        '\t总计',
        '\t未经复议直接起诉',
        '\t复议后起诉',
        '',
        ...Array.from({ length: 15 }, (_, i) => (i % 4 === 0 ? '\t\u00a0' : `\t\u3000${i}`)),
        '',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    const ids = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((r) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `${r}.${c}`),
    );
    assert.deepEqual(raws(reading), Object.fromEntries(ids.map((id, i) => [id, String(i)]).filter((_, i) => i % 4 !== 0)));
    assert.deepEqual(reading.findings, []);
    assert.ok(!reading.narrativeLines.includes('纠正'));
  });

  it('takes header cells cut short by the export for the one label they start, silently', () => {
    const reading = text(
      [
        '三、收到和处理政府信息公开申请情况',
        '\t自然人\t法人或其他组织\t\t\t\t\t总计',
        '\t\t商业企业\t科研\t社会公益组织\t法律服务\t其他',
        '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.equal(reading.cells.length, 7);
    assert.deepEqual(reading.findings, []);
  });

  it('reports a header cell that names no column as READ-UNKNOWN-ROW', () => {
    const reading = text(
      [
        '三、收到和处理政府信息公开申请情况',
        '\t自然人\t法人或其他组织\t\t\t\t\t总计',
        '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t个体工商户',
        '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.deepEqual(reading.findings, [
      { rule: 'READ-UNKNOWN-ROW', severity: 'notice', message: '表三中的“个体工商户”不属于格式规定的栏目，已跳过', cells: [] },
    ]);
  });

  it('reads plain one-cell-per-line text with and without empty lines between cells', () => {
    const withEmpty = text(
      ['二、主动公开政府信息情况', '规章', '', '4', '', '\u3000', '', '6', '行政规范性文件', '1', '2', '3'].join('\n'),
    );
    assert.deepEqual(raws(withEmpty), {
      'rules.issued': '4',
      'rules.in_force': '6',
      'normative_documents.issued': '1',
      'normative_documents.repealed': '2',
      'normative_documents.in_force': '3',
    });
  });

  it('reads a label line followed by a line of values', () => {
    const reading = text(['二、主动公开政府信息情况', '规章', '1 2 3', '行政许可', '7', '三、收到和处理政府信息公开申请情况'].join('\n'));
    assert.deepEqual(raws(reading), { 'rules.issued': '1', 'rules.repealed': '2', 'rules.in_force': '3', 'licensing.decisions': '7' });
  });

  it('reads PDF text: numbers after the label, header words split by spaces, page furniture skipped', () => {
    const reading = text(
      [
        '二、主动公开政府信息情况',
        '信息内容 本年制发件数 本年废止件数 现行有效件数',
        '规章 0 0 0',
        '第 3 页 共 8 页',
        'http://www.example.gov.cn/xxgk/2024.html',
        '行政规范性文件 3 1 25',
        '三、收到和处理政府信息公开申请情况',
        '1. 属于国家秘密 0 0 1 0 0 0 1',
        '四、政府信息公开行政复议、行政诉讼情况',
        '行政复议 行政诉讼',
        '结果 维持 结果 纠正 其他 结果 尚未 审结 总计 未经复议直接起诉 复议后起诉',
        '------',
        '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.equal(reading.cells.length, 6 + 7 + 15);
    assert.equal(values(reading)['normative_documents.in_force'], 25);
    assert.equal(values(reading)['outcome.withheld.state_secret.research_institution'], 1);
    assert.equal(values(reading)['review.upheld'], 1);
    assert.equal(values(reading)['review.total'], 1);
    assert.deepEqual(reading.findings, []);
    assert.ok(!reading.narrativeLines.some((l) => l.includes('页') || l.includes('http') || l.includes('------')));
  });

  it('reads PDF labels wrapped over two lines, and 无 under a heading as prose', () => {
    const reading = text(
      [
        '三、收到和处理政府信息公开申请情况',
        '（二）部分公开（区分处理的，只计这一',
        '情形，不计其他情形） 1 0 0 0 0 0 1',
        '（六）其他处理 1.申请人无正当理由逾期不补正、行政机',
        '关不再处理其政府信息公开申请 2 0 0 0 0 0 2',
        '四、政府信息公开行政复议、行政诉讼情况',
        '无',
      ].join('\n'),
    );
    assert.deepEqual(raws(reading), {
      ...row7('outcome.partial', ['1', '0', '0', '0', '0', '0', '1']),
      ...row7('outcome.other.no_correction', ['2', '0', '0', '0', '0', '0', '2']),
    });
    assert.deepEqual(reading.findings, []);
    assert.deepEqual(reading.narrativeLines, ['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '无']);
  });

  it('emits none of a space-separated row whose blank cells vanished, with READ-ROW-SHAPE', () => {
    const reading = text(['二、主动公开政府信息情况', '规章 1 3', '行政许可 5', '五、存在的主要问题及改进情况'].join('\n'));
    assert.deepEqual(raws(reading), { 'licensing.decisions': '5' });
    assert.deepEqual(reading.findings, [
      {
        rule: 'READ-ROW-SHAPE',
        severity: 'warning',
        message: '表二“规章”行无法对齐到3列，未读取该行',
        cells: ['rules.issued', 'rules.repealed', 'rules.in_force'],
      },
    ]);
  });

  it('reads grids of table blocks with merged-cell placeholders', () => {
    const blocks: SourceBlock[] = [
      { kind: 'text', text: '二、主动公开政府信息情况' },
      {
        kind: 'table',
        rows: [
          ['第二十条第（九）项', '', ''],
          ['信息内容', '采购项目数量', '采购总金额'],
          ['政府集中采购', '', '251000元'],
          ['第二十条第（八）项', '', ''],
          ['信息内容', '上一年项目数量', '本年增/减'],
          ['行政事业性收费', '3', '减1'],
        ],
      },
    ];
    const reading = readTables({ blocks });
    assert.equal(reading.template, '2019');
    assert.deepEqual(reading.cells, [
      { table: '二', row: '行政事业性收费', column: '上一年项目数量', id: 'fees.prior_items', value: 3, raw: '3' },
      { table: '二', row: '行政事业性收费', column: '本年增/减', id: 'fees.items_change', value: -1, raw: '减1' },
      { table: '二', row: '政府集中采购', column: '采购总金额', id: 'procurement.procurement_amount', value: 251000, raw: '251000元' },
    ]);
  });
});

describe('contract order (§6.2)', () => {
  it('emits cells by table, row and column whatever the document order; a repeated row keeps its first values', () => {
    const reading = text(
      [
        '三、收到和处理政府信息公开申请情况',
        '(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |',
        '一、本年新收政府信息公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 21 | ||',
        '二、主动公开政府信息情况',
        '第二十条第(五)项 | |||',
        '信息内容 | 本年处理决定数量 | ||',
        '行政许可 | 92 | ||',
        '第二十条第(一)项 | |||',
        '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
        '规章 | 1 | 2 | 3 |',
        '规章 | 7 | 8 | 9 |',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.deepEqual(
      reading.cells.map((c) => `${c.id}=${c.raw}`),
      [
        'rules.issued=1',
        'rules.repealed=2',
        'rules.in_force=3',
        'licensing.decisions=92',
        ...Object.entries(row7('received', ['1', '2', '3', '4', '5', '6', '21'])).map(([id, raw]) => `${id}=${raw}`),
        ...Object.entries(row7('outcome.withheld.state_secret', ['0', '0', '0', '0', '0', '0', '0'])).map(([id, raw]) => `${id}=${raw}`),
      ],
    );
  });
});

describe('cell values as read', () => {
  it('keeps raw text and parses signs, units and null markers (§6.3)', () => {
    const reading = text(
      [
        '二、主动公开政府信息情况',
        '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
        '行政许可\t１２\t增98\t/',
        '行政处罚\t3\t+22\t—',
        '第二十条第（八）项',
        '信息内容\t本年收费金额（单位：万元）',
        '行政事业性收费\t712.187895万元',
      ].join('\n'),
    );
    assert.deepEqual(
      reading.cells.map((c) => [c.id, c.value, c.raw]),
      [
        ['licensing.prior_items', 12, '１２'],
        ['licensing.items_change', 98, '增98'],
        ['licensing.decisions', null, '/'],
        ['penalties.prior_items', 3, '3'],
        ['penalties.items_change', 22, '+22'],
        ['penalties.decisions', null, '—'],
        ['fees.amount_wan', 712.187895, '712.187895万元'],
      ],
    );
    assert.equal(reading.template, 'mixed');
  });

  it('never invents a zero for a blank cell', () => {
    const reading = text(['二、主动公开政府信息情况', '规章\t\u3000\t\u00a0\t'].join('\n'));
    assert.deepEqual(reading.cells, []);
  });
});

describe('template detection (§4.5)', () => {
  it('detects 2019 from table 二 columns and （六）其他处理 carrying numbers', () => {
    const reading = text(
      [
        '二、主动公开政府信息情况',
        '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
        '规范性文件\t1\t1\t9',
        '三、收到和处理政府信息公开申请情况',
        '（六）其他处理\t0\t0\t0\t0\t0\t0\t0',
        '（七）总计\t0\t0\t0\t0\t0\t0\t0',
        '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0',
        '五、政府信息公开工作存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.equal(reading.template, '2019');
    const cell = reading.cells.find((c) => c.id === 'normative_documents.published_total');
    assert.deepEqual(cell, {
      table: '二',
      row: '规范性文件',
      column: '对外公开总数量',
      id: 'normative_documents.published_total',
      value: 9,
      raw: '9',
    });
    assert.equal(reading.cells.find((c) => c.id === 'outcome.other.total')?.row, '三、本年度办理结果/（六）其他处理');
    assert.deepEqual(reading.findings, []);
  });

  it('calls a report with 2019 table 二 columns and 2021 sub-rows of （六） mixed, each cell labelled by its own template', () => {
    const reading = text(
      [
        '二、主动公开政府信息情况',
        '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
        '规章\t1\t2\t3',
        '信息内容\t本年处理决定数量',
        '行政许可\t5',
        '三、收到和处理政府信息公开申请情况',
        '\t（六）其他处理\t3.其他\t0\t0\t0\t0\t0\t0\t0',
        '四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0',
        '四、政府信息公开行政复议、行政诉讼情况',
      ].join('\n'),
    );
    assert.equal(reading.template, 'mixed');
    assert.deepEqual(
      reading.cells.filter((c) => c.table === '二').map((c) => [c.id, c.column]),
      [
        ['rules.new_made', '本年新制作数量'],
        ['rules.new_published', '本年新公开数量'],
        ['rules.published_total', '对外公开总数量'],
        ['licensing.decisions', '本年处理决定数量'],
      ],
    );
  });

  it('reports 行政规范性文件 in a 2019 table 二 as a wording alias of 规范性文件', () => {
    const reading = text(
      ['二、主动公开政府信息情况', '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '行政规范性文件\t1\t1\t9'].join('\n'),
    );
    assert.deepEqual(
      reading.findings.filter((f) => f.rule === 'LABEL-VARIANT'),
      [
        {
          rule: 'LABEL-VARIANT',
          severity: 'notice',
          message: '“行政规范性文件”与格式规定的“规范性文件”不一致',
          cells: ['normative_documents.new_made', 'normative_documents.new_published', 'normative_documents.published_total'],
        },
      ],
    );
  });
});

describe('reading findings', () => {
  it('skips a local row with READ-UNKNOWN-ROW and reads a unit note of 元 as a LABEL-VARIANT, value unconverted', () => {
    const reading = text(
      [
        '二、主动公开政府信息情况',
        '其他主动公开文件\t3\t0\t3',
        '信息内容\t本年收费金额（单位：元）',
        '行政事业性收费\t3000',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    assert.deepEqual(values(reading), { 'fees.amount_wan': 3000 });
    assert.deepEqual(reading.findings, [
      { rule: 'READ-UNKNOWN-ROW', severity: 'notice', message: '表二中的“其他主动公开文件”不属于格式规定的栏目，已跳过', cells: [] },
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“本年收费金额（单位：元）”与格式规定的“本年收费金额（单位：万元）”不一致',
        cells: ['fees.amount_wan'],
      },
    ]);
  });

  it('keeps a local row named like a column of another table (`其他`) in its own table', () => {
    const reading = text(
      ['二、主动公开政府信息情况', '规章\t1\t2\t3', '其他\t4\t5\t6', '行政许可\t7', '五、存在的主要问题及改进情况'].join('\n'),
    );
    assert.deepEqual(values(reading), { 'rules.issued': 1, 'rules.repealed': 2, 'rules.in_force': 3, 'licensing.decisions': 7 });
    assert.deepEqual(reading.findings, [
      { rule: 'READ-UNKNOWN-ROW', severity: 'notice', message: '表二中的“其他”不属于格式规定的栏目，已跳过', cells: [] },
    ]);
  });

  it('reports a text that ends inside a table and emits the cut row from the left (READ-TRUNCATED)', () => {
    const reading = text(
      [
        '三、收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量 1 2 3 4 5 6 21',
        '二、上年结转政府信息公开申请数量 1 2 3',
        '',
        '第 2 页 共 2 页',
      ].join('\n'),
    );
    assert.equal(reading.truncatedIn, '三');
    assert.deepEqual(raws(reading), {
      ...row7('received', ['1', '2', '3', '4', '5', '6', '21']),
      ...row7('carried_in', ['1', '2', '3']),
    });
    assert.deepEqual(reading.findings, [
      {
        rule: 'READ-TRUNCATED',
        severity: 'notice',
        message: '文本在表三“二、上年结转政府信息公开申请数量”处中断，其后内容缺失',
        cells: [],
      },
    ]);
  });

  it('reports a text that ends after a complete row in the middle of a table', () => {
    const reading = text(['二、主动公开政府信息情况', '规章\t1\t2\t3'].join('\n'));
    assert.equal(reading.truncatedIn, '二');
    assert.deepEqual(rules(reading), ['READ-TRUNCATED']);
  });

  it('does not call a complete last table truncated', () => {
    const reading = text(['四、政府信息公开行政复议、行政诉讼情况', ...T4_HEAD_TAB, Array(15).fill('0').join('\t')].join('\n'));
    assert.equal(reading.truncatedIn, null);
    assert.equal(reading.cells.length, 15);
    assert.deepEqual(reading.findings, []);
  });

  it('keeps the rightmost columns of a row with too many values', () => {
    const reading = text(
      ['四、政府信息公开行政复议、行政诉讼情况', ...T4_HEAD_TAB, Array.from({ length: 16 }, (_, i) => i).join('\t')].join('\n'),
    );
    assert.equal(values(reading)['review.upheld'], 1);
    assert.equal(values(reading)['litigation_after_review.total'], 15);
    assert.deepEqual(rules(reading), ['READ-ROW-SHAPE']);
    assert.equal(reading.findings[0]!.message, '表四“行政复议”行有16个数值单元格，多于15列，已按最右侧15个读取');
  });
});

describe('bad input', () => {
  it('reads no table in junk, empty or odd documents, and never throws', () => {
    for (const t of ['', 'hello world', '\u0000\u0001 1 2 3 | | |\n\t\t\t', '|||\n---\n\t\n']) {
      const reading = text(t);
      assert.equal(reading.template, 'unknown');
      assert.deepEqual(reading.cells, []);
      assert.deepEqual(reading.tablesFound, []);
    }
    assert.equal(readTables({ blocks: [] }).template, 'unknown');
    assert.equal(readTables({ blocks: [{ kind: 'table', rows: [] }] }).cells.length, 0);
  });

  it('keeps section headings and everything outside the tables as narrative', () => {
    const reading = text(
      [
        '某县2023年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '共发布信息12条。',
        '规章\t1\t2\t3',
        '',
        '六、其他需要报告的事项',
        '无。',
      ].join('\n'),
    );
    assert.deepEqual(reading.narrativeLines, [
      '某县2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '共发布信息12条。',
      '',
      '六、其他需要报告的事项',
      '无。',
    ]);
  });
});
