// Layouts of real published reports (issue #9, test/fixtures/corpus): small hand-made fragments of each,
// with the exact cells they must give.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTables } from './read-tables.ts';

const read = (lines: readonly string[]) => readTables({ blocks: [{ kind: 'text', text: lines.join('\n') }] });
const values = (reading: ReturnType<typeof readTables>) => Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
const T3_ZERO = ['0', '0', '0', '0', '0', '0', '0'];

describe('one cell per line with pipes as separators', () => {
  it('reads cells ending in ` |`, rows opened by a lone `|`, `| |||` spacers', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '|',
      '第二十条第(一)项 | |||',
      '|',
      '信息内容 |',
      '本年制发件数 |',
      '本年废止件数 |',
      '现行有效件数 |',
      '|',
      '规章 |',
      '1 |',
      '2 |',
      '3 |',
      '|',
      '行政规范性文件 |',
      '4 |',
      '5 |',
      '6 |',
      '|',
      '第二十条第(五)项 | |||',
      '|',
      '信息内容 |',
      '本年处理决定数量 | ||',
      '|',
      '行政许可 |',
      '325 | ||',
    ]);
    assert.deepEqual(values(reading), {
      'rules.issued': 1,
      'rules.repealed': 2,
      'rules.in_force': 3,
      'normative_documents.issued': 4,
      'normative_documents.repealed': 5,
      'normative_documents.in_force': 6,
      'licensing.decisions': 325,
    });
    assert.equal(reading.template, '2021');
  });

  it('reads pipes on lines of their own, a header label broken over two lines included', () => {
    const cells = ['三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '法人或其他组织', '总计', '商业\n企业', '科研机构'];
    const lines = ['二、主动公开政府信息情况', '第二十条第(一)项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];
    lines.push('规章', '0', '0', '6', '行政规范性文件', '1', '0', '7');
    lines.push(...cells, '社会公益组织', '法律服务机构', '其他');
    lines.push('一、本年新收政府信息公开申请数量', '3', '1', '0', '0', '0', '0', '4');
    lines.push('二、上年结转政府信息公开申请数量', ...T3_ZERO);
    const text = lines.flatMap((l) => [l, '|']);
    const v = values(read(text));
    assert.deepEqual([v['rules.in_force'], v['normative_documents.issued'], v['normative_documents.in_force']], [6, 1, 7]);
    assert.deepEqual(
      [v['received.natural_person'], v['received.commercial_enterprise'], v['received.total'], v['carried_in.total']],
      [3, 1, 4, 0],
    );
  });

  it('keeps a local sub-row`s values off the row above it (`其他对外管理服务事项` / `行政检查`)', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(五)项 |',
      '|||',
      '信息内容 |',
      '上一年项目数量 |',
      '本年增/减 |',
      '处理决定数量 |',
      '||',
      '行政许可 |',
      '0 |',
      '0 |',
      '5 |',
      '||',
      '其他对外管理服务事项 |',
      '行政检查 |',
      '7 |',
      '0 |',
      '9 |',
      '|',
      '行政确认 |',
      '1 |',
      '0 |',
      '2 |',
    ]);
    const v = values(reading);
    assert.equal(v['licensing.decisions'], 5);
    assert.equal(v['other_services.decisions'], undefined);
    assert.ok(reading.findings.some((f) => f.rule === 'READ-UNKNOWN-ROW' && f.message.includes('行政检查')));
  });
});

describe('PDF text', () => {
  // Table 三 as a PDF's text layer gives it: labels wrapped above and below their values, group labels
  // beside the first sub-row.
  const T3_PDF = [
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量 30 5 0 0 6 4 45',
    '二、上年结转政府信息公开申请数量 3 0 0 0 0 0 3',
    '三、',
    '（一）予以公开 12 2 0 0 5 3 22',
    '（二）部分公开（区分处理的，只计这一情',
    '形，不计其他情形） 4 0 0 0 0 0 4',
    '（三）不',
    '予公开',
    '1.属于国家秘密 2 0 0 0 0 0 2',
    '2.其他法律行政法规禁止公开 0 0 0 0 0 0 0',
    '3.危及“三安全一稳定” 0 0 0 0 0 0 0',
    '4.保护第三方合法权益 0 0 0 0 0 0 0',
    '5.属于三类内部事务信息 0 0 0 0 0 0 0',
    '6.属于四类过程性信息 0 0 0 0 0 0 0',
    '7.属于行政执法案卷 0 0 0 0 0 0 0',
    '8.属于行政查询事项 0 0 0 0 0 0 0',
    '（四）无 1.本机关不掌握相关政府信息 7 3 0 0 1 1 12',
    '法提供 2.没有现成信息需要另行制作 0 0 0 0 0 0 0',
    '3.补正后申请内容仍不明确 0 0 0 0 0 0 0',
    '（五）不',
    '予处理',
    '1.信访举报投诉类申请 1 0 0 0 0 0 1',
    '2.重复申请 0 0 0 0 0 0 0',
    '3.要求提供公开出版物 0 0 0 0 0 0 0',
    '4.无正当理由大量反复申请 0 0 0 0 0 0 0',
    '5.要求行政机关确认或重新出',
    '具已获取信息 0 0 0 0 0 0 0',
    '（六）其',
    '他处理',
    '1、申请人无正当理由逾期不补',
    '正、行政机关不再处理其政府信',
    '息公开申请',
    '6 0 0 0 0 0 6',
    '2、申请人逾期未按收费通知要',
    '求缴纳费用、行政机关不再处理',
    '其政府信息公开申请',
    '0 0 0 0 0 0 0',
    '3、其他 1 0 0 0 0 0 1',
    '（七）总计 32 5 0 0 6 4 47',
    '四、结转下年度继续办理 1 0 0 0 0 0 1',
  ];

  it('places every value row of table 三 by the template`s row order when labels wrap around them', () => {
    const reading = read(T3_PDF);
    const v = values(reading);
    assert.equal(reading.template, '2021');
    assert.equal(v['outcome.partial.total'], 4);
    assert.equal(v['outcome.unavailable.not_held.total'], 12);
    assert.equal(v['outcome.unavailable.not_held.natural_person'], 7);
    assert.equal(v['outcome.not_processed.reissue.total'], 0);
    assert.equal(v['outcome.other.no_correction.total'], 6);
    assert.equal(v['outcome.other.fee_unpaid.total'], 0);
    assert.equal(v['outcome.other.other.total'], 1);
    assert.equal(v['carried_out.total'], 1);
    // 25 data rows × 7 columns, and no group row got a sub-row's numbers
    assert.equal(reading.cells.filter((c) => c.table === '三').length, 175);
    assert.equal(v['outcome.other.natural_person'], undefined);
  });

  it('does not place rows by order when a row is missing (no guess)', () => {
    const reading = read(T3_PDF.filter((l) => !l.startsWith('6 0 0')));
    const v = values(reading);
    assert.equal(v['outcome.other.no_correction.total'], undefined);
    assert.equal(v['outcome.other.fee_unpaid.total'], undefined);
    assert.equal(v['outcome.total.total'], 47);
  });
});

describe('a 2021 report with （六）其他处理 as one row', () => {
  it('is 2021 with a T3-OTHER-FLAT warning, not mixed', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 0 0 0',
      '三、收到和处理政府信息公开申请情况',
      '（六）其他处理 1 0 0 0 0 0 1',
      '（七）总计 1 0 0 0 0 0 1',
    ]);
    assert.equal(reading.template, '2021');
    const flat = reading.findings.find((f) => f.rule === 'T3-OTHER-FLAT');
    assert.equal(flat?.severity, 'warning');
    assert.equal(values(reading)['outcome.other.total'], 1);
  });
});

describe('a table 三 narrower than the template (its header has fewer columns)', () => {
  // `自然人 | 法人或其他组织 | 总计` with no kinds of legal person under 法人或其他组织: read by the template's
  // seven columns, 法人 landed under 商业企业 and 总计 under 科研机构 (wrong cells, false T3-BALANCE errors).
  const HEAD = [
    '三、收到和处理政府信息公开申请情况',
    '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | |',
  ];
  const ROWS = [
    '| 一、本年新收政府信息公开申请数量 | | | 10 | 2 | 12 |',
    '| 二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 |',
    '| 三、本年度办理结果 | （一）予以公开 | | 6 | 1 | 7 |',
    '| 四、结转下年度继续办理 | | | 4 | 1 | 5 |',
  ];
  const narrow = {
    'received.natural_person': 10,
    'received.total': 12,
    'carried_in.natural_person': 0,
    'carried_in.total': 0,
    'outcome.disclosed.natural_person': 6,
    'outcome.disclosed.total': 7,
    'carried_out.natural_person': 4,
    'carried_out.total': 5,
  };
  const asCells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());

  it('reads 自然人 and 总计 by the header, the rest absent, with one READ-ROW-SHAPE saying why', () => {
    const reading = read([...HEAD, '| | | | 自然人 | 法人或其他组织 | 总计 |', ...ROWS]);
    assert.deepEqual(values(reading), narrow);
    const shape = reading.findings.filter((f) => f.rule === 'READ-ROW-SHAPE');
    assert.deepEqual(
      shape.map((f) => f.message),
      [
        '表三只有“自然人、法人或其他组织、总计”3列，未按商业企业、科研机构、社会公益组织、法律服务机构、其他分列：这些单元格未读取，“法人或其他组织”合计数不对应模板单元格',
      ],
    );
  });

  it('the same in tabs, one cell per line (blank cells dropped) and a table grid', () => {
    const lines = [...HEAD, '| | | | 自然人 | 法人或其他组织 | 总计 |', ...ROWS];
    const tabs = lines.map((l) => (l.startsWith('|') ? asCells(l).join('\t') : l));
    const perLine = lines.flatMap((l) => (l.startsWith('|') ? asCells(l).filter((c) => c !== '') : [l]));
    // a table grid as the HTML and DOCX adapters give it (merged cells leave '' placeholders)
    const rows = lines.filter((l) => l.startsWith('|')).map(asCells);
    assert.deepEqual(values(read(tabs)), narrow);
    assert.deepEqual(values(read(perLine)), narrow);
    const grid = readTables({
      blocks: [
        { kind: 'text', text: HEAD[0]! },
        { kind: 'table', rows },
      ],
    });
    assert.deepEqual(values(grid), narrow);
  });

  it('`自然人 | 总计`: two values a row; a row of another width is not read', () => {
    const reading = read([
      ...HEAD,
      '| | | | 自然人 | 总计 |',
      '| 一、本年新收政府信息公开申请数量 | | | 5 | 5 |',
      '| 二、上年结转政府信息公开申请数量 | | | 1 | 2 | 3 |',
    ]);
    assert.deepEqual(values(reading), { 'received.natural_person': 5, 'received.total': 5 });
    assert.ok(reading.findings.some((f) => f.rule === 'READ-ROW-SHAPE' && f.message.includes('行无法对齐到2列')));
  });

  it('the template`s own header (the five kinds under 法人或其他组织) is read by its seven columns as always', () => {
    const reading = read([
      ...HEAD,
      '| | | | 自然人 | 法人或其他组织 | | | | | 总计 |',
      '| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |',
      '| 一、本年新收政府信息公开申请数量 | | | 10 | 1 | 0 | 0 | 1 | 0 | 12 |',
    ]);
    assert.deepEqual(values(reading), {
      'received.natural_person': 10,
      'received.commercial_enterprise': 1,
      'received.research_institution': 0,
      'received.public_interest_org': 0,
      'received.legal_service_org': 1,
      'received.other_org': 0,
      'received.total': 12,
    });
    assert.ok(!reading.findings.some((f) => f.rule === 'READ-ROW-SHAPE'));
  });
});

describe('pipe rows closed by a bar, with no row filled in every column', () => {
  // An agency with no applications fills only 总计 (a page of a county bureau found while probing the reader):
  // each row ends in `|`, so its last piece is the closing bar, not a blank 总计 in every row.
  const table3 = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
    '自然人 | 法人或其他组织 | 总计 |',
    '商业 | 科研 | 社会公益组织 | 法律服务机构 | 其他 |',
    '企业 | 机构 |',
    '一、本年新收政府信息公开申请数量 | 2 | | | | | | 2 |',
    '二、上年结转政府信息公开申请数量 | | | | | | | 0 |',
    '三、本年度办理结果 | (一)予以公开 | | | | | | | 1 |',
    '| (二)部分公开(区分处理的,只计这一情形,不计其他情形) | | | | | | | 1 |',
  ];

  it('reads each row`s last value as 总计, its blanks as absent', () => {
    const cells = values(read(table3));
    assert.deepEqual(cells, {
      'received.natural_person': 2,
      'received.total': 2,
      'carried_in.total': 0,
      'outcome.disclosed.total': 1,
      'outcome.partial.total': 1,
    });
  });

  it('keeps a real blank 总计 when a filled row shows the bar is a cell of its own', () => {
    const cells = values(
      read([
        ...table3.slice(0, 5),
        '一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | |',
        '二、上年结转政府信息公开申请数量 | | | | | | 0 | | |',
      ]),
    );
    assert.equal(cells['received.total'], 2);
    assert.equal(cells['carried_in.other_org'], 0);
    assert.equal(cells['carried_in.total'], undefined);
  });
});

describe('one cell per line ending in ` |`, an empty cell as a line of one bar', () => {
  // Pages whose crawler wrote each cell as `text |` on a line of its own write an empty cell as `|` alone.
  it('keeps each empty cell`s place, so a value after it stays in its column', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(五)项 |',
      '||||',
      '信息内容 |',
      '上一年项目数量 |',
      '本年增/减 |',
      '处理决定数量 |',
      '|',
      '行政许可 |',
      '7 |',
      '|',
      '5 |',
      '|',
      '行政处罚 |',
      '3 |',
      '1 |',
      '4 |',
      '|',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 |',
      '|',
      '|',
      '|',
      '|',
      '|',
      '|',
      '2 |',
      '||',
      '二、上年结转政府信息公开申请数量 |',
      '1 |',
      '|',
      '|',
      '|',
      '|',
      '|',
      '1 |',
      '||',
    ]);
    assert.deepEqual(values(reading), {
      'licensing.prior_items': 7,
      'licensing.decisions': 5,
      'penalties.prior_items': 3,
      'penalties.items_change': 1,
      'penalties.decisions': 4,
      'received.total': 2,
      'carried_in.natural_person': 1,
      'carried_in.total': 1,
    });
  });

  it('reads cells on lines of their own, each followed by a bar line, an empty cell as a second bar (corpus p016`s layout)', () => {
    const reading = read(
      '二、主动公开政府信息情况|信息内容|上一年项目数量|本年增/减|处理决定数量|行政处罚|3||4|行政强制|2|0|1'
        .split('|')
        .flatMap((cell) => (cell === '' ? ['|'] : [cell, '|'])),
    );
    assert.deepEqual(values(reading), {
      'penalties.prior_items': 3,
      'penalties.decisions': 4,
      'coercion.prior_items': 2,
      'coercion.items_change': 0,
      'coercion.decisions': 1,
    });
  });
});

describe('cells a page fills with a mark', () => {
  it('`_` for nothing to report and `? 0` (a character the page lost) keep their places in the row', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '信息内容',
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
      '',
      '规范性文件',
      '',
      '_',
      '',
      '3',
      '',
      '3',
      '',
      '规章',
      '',
      '0',
      '',
      '? 0',
      '',
      '2',
    ]);
    assert.deepEqual(
      reading.cells.map((c) => [c.id, c.raw, c.value]),
      [
        ['rules.new_made', '0', 0],
        ['rules.new_published', '? 0', null],
        ['rules.published_total', '2', 2],
        ['normative_documents.new_made', '_', null],
        ['normative_documents.new_published', '3', 3],
        ['normative_documents.published_total', '3', 3],
      ],
    );
  });
});

describe('one cell per line ending in ` |`, the empty cells written after the values as one line of bars', () => {
  it('reads a full row, and no cell of a row whose columns are lost (a real page: `3 |` / `3 |` / `|||||||`)', () => {
    const reading = read([
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 |',
      '3 |',
      '3 |',
      '|||||||',
      '二、上年结转政府信息公开申请数量 |',
      ...['1', '0', '0', '0', '0', '0', '1'].map((v) => `${v} |`),
      '||',
      '|',
      '|',
    ]);
    assert.deepEqual(values(reading), {
      'carried_in.natural_person': 1,
      'carried_in.commercial_enterprise': 0,
      'carried_in.research_institution': 0,
      'carried_in.public_interest_org': 0,
      'carried_in.legal_service_org': 0,
      'carried_in.other_org': 0,
      'carried_in.total': 1,
    });
    assert.deepEqual(
      reading.findings.filter((f) => f.rule === 'READ-ROW-SHAPE').map((f) => f.message),
      ['表三“一、本年新收政府信息公开申请数量”行无法对齐到7列，未读取该行'],
    );
  });
});

describe('rows a crawler joined with spaces on one line', () => {
  it('reads each token as a cell on a line of its own', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 1 0 5 行政规范性文件 2 1 7 第二十条第(五)项 信息内容 本年处理决定数量 行政许可 9',
    ]);
    assert.deepEqual(values(reading), {
      'rules.issued': 1,
      'rules.repealed': 0,
      'rules.in_force': 5,
      'normative_documents.issued': 2,
      'normative_documents.repealed': 1,
      'normative_documents.in_force': 7,
      'licensing.decisions': 9,
    });
  });

  it('leaves a row of one line, label then values, as it is', () => {
    assert.deepEqual(values(read(['二、主动公开政府信息情况', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 1 0 5'])), {
      'rules.issued': 1,
      'rules.repealed': 0,
      'rules.in_force': 5,
    });
  });
});

describe('one cell per line, empty cells as empty lines', () => {
  const header = ['二、主动公开政府信息情况', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量'];
  const rows2019 = (gap: (cells: string[]) => string[]) =>
    [
      ['行政许可', '12', '3', '15'],
      ['其他对外管理服务事项', '2', '0', '2'],
      ['行政处罚', '8', '1', '9'],
      ['行政强制', '4', '0', '4'],
    ].flatMap(gap);
  const table3 = (gap: readonly string[]) => ['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量', '1', ...gap, '1'];

  it('cells on adjacent lines: each empty line is an empty cell (a real page: `1` / five empty lines / `1`)', () => {
    const reading = read([...header, ...rows2019((cells) => cells), ...table3(['', '', '', '', ''])]);
    assert.equal(values(reading)['received.natural_person'], 1);
    assert.equal(values(reading)['received.total'], 1);
    assert.equal(values(reading)['received.commercial_enterprise'], undefined);
  });

  it('an empty line after every cell: a run of k empty lines holds k − 1 empty cells', () => {
    const reading = read([...header, ...rows2019((cells) => cells.flatMap((c) => [c, ''])), ...table3(['', '', '', '', '', ''])]);
    assert.equal(values(reading)['received.natural_person'], 1);
    assert.equal(values(reading)['received.total'], 1);
    assert.equal(values(reading)['licensing.decisions'], 15);
  });
});

describe('one cell per line, the empty cells of table 三 dropped', () => {
  it('reads a last value that is the sum of the others as 总计 and leaves the others` columns unknown', () => {
    const reading = read([
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量',
      '',
      '1',
      '',
      '1',
      '',
      '二、上年结转政府信息公开申请数量',
      '',
      '0',
      '',
      '三、本年度办理结果',
      '(一)予以公开',
      '',
      '2',
      '',
      '3',
    ]);
    const cells = values(reading);
    assert.equal(cells['received.total'], 1);
    assert.equal(cells['received.natural_person'], undefined);
    assert.equal(cells['received.commercial_enterprise'], undefined, 'never the total under 商业企业');
    // one value alone stays where the row starts (corpus p021 reads so); two that do not add up are left as read
    assert.equal(cells['carried_in.natural_person'], 0);
    assert.equal(cells['outcome.disclosed.natural_person'], 2);
  });
});

describe('a table 二 block whose header names fewer columns than its row has', () => {
  it('puts each value under the column its header names and reads no other (2019 rows under `信息内容 | 处理决定数量`)', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | |||',
      '信息内容 | 本年新 制作数量 | 本年新 公开数量 | 对外公开总数量 |',
      '规章 | 0 | 0 | 0 |',
      '规范性文件 | 1 | 2 | 3 |',
      '第二十条第(五)项 | |||',
      '信息内容 | 处理决定数量 | ||',
      '行政许可 | 117 | ||',
      '第二十条第(六)项 | |||',
      '信息内容 | 处理决定数量 | ||',
      '行政处罚 | 2 | ||',
      '行政强制 | 0 | ||',
      '三、收到和处理政府信息公开申请情况',
    ]);
    const cells = values(reading);
    assert.equal(cells['licensing.decisions'], 117);
    assert.equal(cells['licensing.prior_items'], undefined, 'never 上一年项目数量: the block has no such column');
    assert.equal(cells['penalties.decisions'], 2);
    assert.equal(cells['coercion.decisions'], 0);
    assert.equal(cells['coercion.prior_items'], undefined);
    assert.equal(cells['normative_documents.published_total'], 3);
  });
});

describe('a table 二 header whose labels a page cut short (`本年新` / `本年新`, their second line lost)', () => {
  it('reads the values by position and reports no skipped label', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | | | |',
      '信息内容 | 本年新 | 本年新 | 对外公开总数量 |',
      '规章 | 0 | 0 | 0 |',
      '规范性文件 | 1 | 2 | 3 |',
      '三、收到和处理政府信息公开申请情况',
    ]);
    const cells = values(reading);
    assert.deepEqual(
      [cells['normative_documents.new_made'], cells['normative_documents.new_published'], cells['normative_documents.published_total']],
      [1, 2, 3],
    );
    assert.deepEqual(
      reading.findings.filter((f) => f.rule === 'READ-UNKNOWN-ROW'),
      [],
    );
  });
});

describe('table 四 as three Markdown sub-tables, or rows named with their group', () => {
  const t4 = (cells: Record<string, number | null | undefined>) =>
    ['review', 'litigation_direct', 'litigation_after_review'].map((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => cells[`${g}.${c}`]),
    );
  const expected = [
    [27, 10, 9, 15, 61],
    [3, 0, 0, 0, 3],
    [8, 0, 1, 1, 10],
  ];
  it('reads each sub-table`s row under its `###` heading', () => {
    const sub = (name: string, row: string) => [
      `### ${name}`,
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '|---|---|---|---|---|',
      row,
      '',
    ];
    const reading = read([
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '',
      ...sub('行政复议', '| 27 | 10 | 9 | 15 | 61 |'),
      ...sub('行政诉讼（未经复议直接起诉）', '| 3 | 0 | 0 | 0 | 3 |'),
      ...sub('行政诉讼（复议后起诉）', '| 8 | 0 | 1 | 1 | 10 |'),
      '## 五、政府信息公开工作存在的主要问题及改进情况',
    ]);
    assert.deepEqual(t4(values(reading)), expected);
  });
  it('reads rows named `行政诉讼（未经复议直接起诉）` like rows named by the column title alone', () => {
    const reading = read([
      '四、政府信息公开行政复议、行政诉讼情况',
      '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '| 行政复议 | 27 | 10 | 9 | 15 | 61 |',
      '| 行政诉讼（未经复议直接起诉） | 3 | 0 | 0 | 0 | 3 |',
      '| 行政诉讼(复议后起诉) | 8 | 0 | 1 | 1 | 10 |',
      '五、政府信息公开工作存在的主要问题及改进情况',
    ]);
    assert.deepEqual(t4(values(reading)), expected);
  });
});

describe('a table 三 row whose seven cells run together on a line of their own', () => {
  it('splits it by the row total when one split holds, and reads nothing of a run that splits several ways', () => {
    const reading = read([
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量',
      '2000002',
      '二、上年结转政府信息公开申请数量',
      '0000000',
      '三、本年度办理结果',
      '(一)予以公开',
      '21000021',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const cells = values(reading);
    assert.deepEqual(
      ['natural_person', 'commercial_enterprise', 'other_org', 'total'].map((c) => cells[`received.${c}`]),
      [2, 0, 0, 2],
      'never 自然人 2000002',
    );
    assert.equal(cells['carried_in.total'], 0);
    assert.equal(cells['outcome.disclosed.natural_person'], undefined, '21000021 splits several ways');
    assert.ok(reading.findings.some((f) => f.rule === 'READ-ROW-SHAPE' && f.message.includes('予以公开')));
  });
});

describe('one cell per line, an empty line after every cell, rows holding runs of empty cells', () => {
  it('tells the layout by the label lines too: `12` / six empty lines / `12` is 自然人 12 and 总计 12', () => {
    const cell = (text: string) => [text, ''];
    const reading = read([
      '三、收到和处理政府信息公开申请情况',
      '',
      ...['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].flatMap(cell),
      ...cell('一、本年新收政府信息公开申请数量'),
      ...['12', '', '', '', '', '', '', '12', ''],
      ...cell('二、上年结转政府信息公开申请数量'),
      ...['0', '0', '0', '0', '0', '0', '0'].flatMap(cell),
      ...cell('三、本年度办理结果'),
      ...cell('(一)予以公开'),
      ...['4', '', '', '', '', '', '', ''],
      ...cell('(二)部分公开'),
      ...['1', '', '', '', '', '', '', '1', ''],
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const cells = values(reading);
    assert.deepEqual(
      [cells['received.natural_person'], cells['received.commercial_enterprise'], cells['received.total']],
      [12, undefined, 12],
    );
    assert.deepEqual([cells['outcome.partial.natural_person'], cells['outcome.partial.total']], [1, 1]);
  });
});

describe('table 四 only under its heading or its head', () => {
  it('reads no cell from a statistics form whose rows are named 行政复议数/行政诉讼数 (probe: 定西市 form)', () => {
    const reading = read([
      '指 标 名 称',
      '| 计量',
      '单位',
      '| 代码',
      '行政复议数',
      '| 件',
      '| 32',
      '|',
      '|',
      '行政诉讼数',
      '| 件',
      '| 33',
      '|',
    ]);
    assert.deepEqual(reading.cells, []);
    assert.deepEqual(reading.tablesFound, []);
  });
  it("reads no cell from section 一's `行政复议62件` nor from `行政复议案0件`", () => {
    assert.deepEqual(read(['(三)行政复议、行政诉讼情况。', '行政复议 62', '行政诉讼 21']).cells, []);
  });
  it('stays in table 四 under a broken head whose cells include 其他 twice (a PDF→Markdown page, probeU/002)', () => {
    const reading = read([
      '四、政府信息公开行政复议、行政诉讼情况',
      '| 维持 | 纠正 | 结果 | 审结 | 结果 | 结果 | 其他 | 尚未 | 结果 | 结果 | 其他 | 尚未 |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ]);
    const cells = values(reading);
    assert.deepEqual([cells['review.upheld'], cells['review.total'], cells['litigation_after_review.total']], [1, 1, 0]);
  });
  it('reads a head of group names and vertical column labels under an unknown heading wording', () => {
    const reading = read([
      '四、因政府信息公开工作被申请行政复议提起行政诉讼情况',
      '行政复议 行政诉讼',
      '未经复议直接起诉 复议后起诉',
      '结果 结果 其他 尚未 总',
      '维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总',
      '维持 纠正 结果 审结 计 维持 纠正 结果 审结 计',
      '0 0 0 0 1 0 0 0 0 0 0 0 0 0 0',
      '五、政府信息公开工作存在的主要问题及改进情况',
    ]);
    const cells = values(reading);
    assert.equal(cells['review.total'], 1);
    assert.equal(cells['litigation_after_review.total'], 0);
  });
});

describe('a table 二 header with a column the template lacks', () => {
  it('reads the values under the columns it names, none under the one it lacks (probeA2/024: `信息内容 | 项目数量 | 处理决定数量`)', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(五)项 | ||',
      '信息内容 | 项目数量 | 处理决定数量 | ||',
      '行政许可 | 4 | 142 | ||',
      '其他对外管理服务事项 | 3 | 0 | ||',
    ]);
    const cells = values(reading);
    assert.deepEqual(
      [cells['licensing.prior_items'], cells['licensing.items_change'], cells['licensing.decisions'], cells['other_services.decisions']],
      [undefined, undefined, 142, 0],
    );
    assert.ok(reading.findings.some((f) => f.rule === 'READ-UNKNOWN-ROW' && f.message.includes('项目数量')));
  });
});

describe('page metadata in a pipe row', () => {
  it('opens no table by one column label (`发布单位: | 市人力社保局 | 主题分类: | 其他 |`, probeC2/026)', () => {
    const reading = read(['发布单位: | 市人力社保局 | 主题分类: | 其他 |', '2023年,杭州市人力资源和社会保障局根据《条例》编制。']);
    assert.deepEqual(reading.tablesFound, []);
  });
});

describe('a section heading over no table', () => {
  it('opens no table 二 under `二、主动公开政府信息情况` over prose (probeH5 037)', () => {
    const reading = read([
      '一、概述',
      '我单位领导高度重视信息公开工作,调整了以管委会主任为组长,领导班子成员为副组长,各内设机构、所属事业单位、派驻机构为成员的政务信息公开工作领导小组。',
      '二、主动公开政府信息情况',
      '宣城高新区管委会2018年共通过政务信息公开系统公开政府文件、政务信息276条,全文电子化率100%。让群众看得到、听得懂、易获取、能监督、好参与。',
    ]);
    assert.deepEqual(reading.tablesFound, []);
  });

  it('opens no table 二 under section 一`s `(二)主动公开政府信息情况` (probeH3 026)', () => {
    const reading = read([
      '一、总体情况',
      '(一)主动公开政府信息的形式',
      '我委以政府信息公开目录管理系统、市卫健委门户网站、“健康绵阳”微信公众号、宣传栏等为平台,广泛利用电视、报纸、新闻网站等媒介公开政府信息。',
      '(二)主动公开政府信息情况',
      '1.规范性文件。主动公开规范性政策文件,以及相关政策解读信息。公开政策性文件1件,政策解读1件。',
      '(三)做好新冠肺炎疫情信息公开',
      '一是每日定时发布我市新型冠状病毒肺炎疫情最新情况,让公众及时了解我市疫情信息。',
    ]);
    assert.deepEqual(reading.tablesFound, []);
  });

  it('opens no table 二 for prose whose figures stand on lines of their own (probeI2 022)', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '本区到年底累计主动公开政府信息',
      '5928',
      '条,全文电子化率达',
      '90.3%',
      ',其中,本年度新增主动公开政府信息',
      '2110',
      '条。依申请公开',
    ]);
    assert.deepEqual([reading.tablesFound, reading.truncatedIn], [[], null]);
  });

  it('still finds the table its labels begin under the heading', () => {
    const reading = read(['二、主动公开政府信息情况', '第二十条第(一)项 | |||', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |']);
    assert.deepEqual(reading.tablesFound, ['二']);
  });
});

describe('a text cut right after a number, one value more than the row has columns', () => {
  // probeH3 021: the file ends on `20` without a line break, after 政府集中采购's two cells.
  const tail = [
    '第二十条第(八)项',
    '',
    '信息内容',
    '',
    '上一年项目数量',
    '',
    '本年增/减',
    '',
    '行政事业性收费',
    '',
    '0',
    '',
    '0',
    '',
    '第二十条第(九)项',
    '',
    '信息内容',
    '',
    '采购项目数量',
    '',
    '采购总金额',
    '',
    '政府集中采购',
    '',
    '0',
    '',
    '0',
    '',
    '20',
  ];
  const readCut = (lines: readonly string[], openEnd: boolean) =>
    readTables(
      openEnd ? { blocks: [{ kind: 'text', text: lines.join('\n') }], openEnd } : { blocks: [{ kind: 'text', text: lines.join('\n') }] },
    );

  it('reads the row`s cells before the cut number, not the fragment (probeH3 021)', () => {
    const reading = readCut(['二、主动公开政府信息情况', '', ...tail], true);
    const cells = values(reading);
    assert.deepEqual([cells['procurement.procurement_items'], cells['procurement.procurement_amount']], [0, 0]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(!messages.some((m) => m.startsWith('READ-ROW-SHAPE')), messages.join('\n'));
    assert.ok(
      messages.includes(
        'READ-TRUNCATED 文件以数字“20”结束，其后没有换行，可能在此处被截断：这个数字多于“政府集中采购”行的列数，应为其后被截断内容的开头，未作为单元格读取',
      ),
      messages.join('\n'),
    );
  });

  it('keeps the rightmost values of a text that ends with its line break', () => {
    const cells = values(readCut(['二、主动公开政府信息情况', '', ...tail, ''], false));
    assert.deepEqual([cells['procurement.procurement_items'], cells['procurement.procurement_amount']], [0, 20]);
  });
});

describe('a table 二 column label either template could mean (probe round 17)', () => {
  it('reads `本年制作数量` beside 2021`s 本年废止件数 and 现行有效件数 as 2021`s 本年制发件数 (probeJ4 036, cut in the header)', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(一)项 |',
      '|||',
      '信息内容 |',
      '本年制作数量 |',
      '本年废止件数 |',
      '现行有效件数',
    ]);
    assert.equal(reading.template, '2021');
    assert.deepEqual(
      reading.findings.map((f) => [f.rule, f.message]),
      [
        ['LABEL-VARIANT', '“本年制作数量”与格式规定的“本年制发件数”不一致'],
        ['READ-TRUNCATED', '文本在表二的表头处中断，其后内容缺失'],
      ],
    );
  });

  it('keeps a 2019 header`s exact label as written: `本年新制作数量 | 本年废止件数 | 现行有效件数` is mixed, and says which labels', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(一)项 |',
      '信息内容 |',
      '本年新制作数量 |',
      '本年废止件数 |',
      '现行有效件数',
    ]);
    assert.equal(reading.template, 'mixed');
    assert.deepEqual(reading.templateLabels, { '2019': ['本年新制作数量'], '2021': ['本年废止件数', '现行有效件数'] });
  });

  it('reads `处理决定数量` under 2021 headers as 本年处理决定数量 and the one-value rows under it (a 2021 page`s text)', () => {
    // probeJ1 041 after its conversion from traditional characters (test/reader-real-pages.test.ts reads the page's own).
    const reading = read([
      '二、主动公开政府信息情况',
      '|',
      '第二十条第(一)项 |',
      '|||',
      '|',
      '信息内容 |',
      '本年制发件数 |',
      '本年废止件数 |',
      '现行有效件数 |',
      '|',
      '规章 |',
      '0 |',
      '0 |',
      '0 |',
      '|',
      '第二十条第(五)项 |',
      '|||',
      '|',
      '信息内容 |',
      '处理决定数量 |',
      '||',
      '|',
      '行政许可 |',
      '0件 |',
      '||',
      '|',
      '第二十条第(六)项 |',
      '|||',
      '|',
      '信息内容 |',
      '处理决定数量 |',
      '||',
      '|',
      '行政处罚 |',
      '0 |',
      '||',
      '|',
      '行政强制 |',
      '0 |',
      '||',
      '|',
      '第二十条第(八)项 |',
      '|||',
      '|',
      '信息内容 |',
      '本年收费金额(单位:万元) |',
      '||',
      '|',
      '行政事业性收费 |',
      '0 |',
      '||',
      '|',
    ]);
    assert.equal(reading.template, '2021');
    assert.deepEqual(values(reading), {
      'rules.issued': 0,
      'rules.repealed': 0,
      'rules.in_force': 0,
      'licensing.decisions': 0,
      'penalties.decisions': 0,
      'coercion.decisions': 0,
      'fees.amount_wan': 0,
    });
    assert.deepEqual(
      reading.findings.map((f) => [f.rule, f.message, f.cells]),
      [
        [
          'LABEL-VARIANT',
          '“处理决定数量”与格式规定的“本年处理决定数量”不一致',
          ['licensing.decisions', 'penalties.decisions', 'coercion.decisions'],
        ],
      ],
    );
  });

  it('keeps `处理决定数量` the 2019 column over a row of three values (the 2019 form`s block in a 2021 table): mixed, as written', () => {
    const reading = read([
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | |||',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 1 | 0 | 1 |',
      '第二十条第(五)项 | |||',
      '信息内容 | 处理决定数量 | ||',
      '行政许可 | 5 | 0 | 3 |',
    ]);
    assert.equal(reading.template, 'mixed');
    const cells = values(reading);
    assert.deepEqual([cells['licensing.prior_items'], cells['licensing.items_change'], cells['licensing.decisions']], [5, 0, 3]);
  });
});

describe('a table 三 group row with more values than its columns (probeJ5 032: its sub-rows` labels lost)', () => {
  const head = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
    '申请人情况 |',
    '自然人 |',
    '法人或其他组织 |',
    '总计 |',
    '商业 企业 |',
    '科研 机构 |',
    '社会公益组织 |',
    '法律服务机构 |',
    '其他 |',
    '一、本年新收政府信息公开申请数量 |',
    ...T3_ZERO.map((v) => `${v} |`),
    '三、本年度办理结果 |',
    '(一)予以公开 |',
    ...T3_ZERO.map((v) => `${v} |`),
  ];

  it('reads none of the values after `(三)不予公开 |`: 64 lines of `0 |`, then `(四)无法`', () => {
    const reading = read([...head, '(三)不予公开 |', ...Array.from({ length: 64 }, () => '0 |'), '(四)无法']);
    assert.deepEqual(
      reading.cells.filter((c) => c.id.startsWith('outcome.withheld')),
      [],
    );
    assert.equal(values(reading)['outcome.disclosed.total'], 0);
    assert.deepEqual(
      reading.findings.filter((f) => f.rule === 'READ-ROW-SHAPE').map((f) => f.message),
      ['表三“（三）不予公开”行无法对齐到7列，未读取该行'],
    );
  });

  it('still reads a group row that holds exactly its seven values', () => {
    const reading = read([
      ...head,
      '(三)不予公开 |',
      '1 |',
      '0 |',
      '0 |',
      '0 |',
      '0 |',
      '0 |',
      '1 |',
      '1.属于国家秘密 |',
      ...T3_ZERO.map((v) => `${v} |`),
    ]);
    assert.equal(values(reading)['outcome.withheld.natural_person'], 1);
    assert.equal(values(reading)['outcome.withheld.total'], 1);
    assert.equal(values(reading)['outcome.withheld.state_secret.total'], 0);
  });
});

describe('a cell written in digits that is no number, one cell per line (probe round 17, helper fixN)', () => {
  // probeL3 010: 本年增/减 written `0/0`, each cell `text |`.
  const block = (change: string, decisions: string) => [
    '二、主动公开政府信息情况',
    '第二十条第(五)项 |',
    '||||',
    '信息内容 |',
    '上一年项目数量 |',
    '本年增/减 |',
    '处理决定数量 |',
    '|',
    '行政许可 |',
    '0 |',
    `${change} |`,
    `${decisions} |`,
    '|',
    '其他对外管理服务事项 |',
    '0 |',
    '0/0 |',
    '0 |',
    '|',
    '第二十条第(八)项 |',
    '||||',
    '信息内容 |',
    '上一年项目数量 |',
    '本年增/减 |',
    '||',
    '行政事业性收费 |',
    '0 |',
    '0/0 |',
    '||',
  ];
  const raws = (reading: ReturnType<typeof readTables>) => Object.fromEntries(reading.cells.map((c) => [c.id, c.raw]));

  it('keeps `0/0 |` in its column: 本年增/减 is the text, 处理决定数量 the number after it (probeL3 010)', () => {
    const reading = read(block('0/0', '7'));
    assert.deepEqual(raws(reading), {
      'licensing.prior_items': '0',
      'licensing.items_change': '0/0',
      'licensing.decisions': '7',
      'other_services.prior_items': '0',
      'other_services.items_change': '0/0',
      'other_services.decisions': '0',
      'fees.prior_items': '0',
      'fees.items_change': '0/0',
    });
    assert.equal(values(reading)['licensing.items_change'], null);
    assert.deepEqual(
      reading.findings.filter((f) => f.rule === 'READ-ROW-SHAPE'),
      [],
    );
  });

  it('keeps `1/2 |` too: a cell with its bar is no page of pages', () => {
    const reading = read(block('1/2', '7'));
    assert.equal(raws(reading)['licensing.items_change'], '1/2');
    assert.equal(values(reading)['licensing.decisions'], 7);
  });

  it('keeps `0/0` and a lone `1/2` in their columns where cells stand on lines of their own, a footer`s `1/2` … `2/2` not', () => {
    const plain = (change: string, tail: readonly string[]) =>
      read([
        ...block(change, '7')
          .map((line) => line.replace(/\s*\|+$/, ''))
          .filter((line) => line !== ''),
        ...tail,
      ]);
    for (const change of ['0/0', '1/2']) {
      const reading = plain(change, []);
      assert.equal(raws(reading)['licensing.items_change'], change, change);
      assert.equal(values(reading)['licensing.decisions'], 7, change);
    }
    // `1/2` after the row's values with `2/2` after the table: the page's footer, counting two pages, no cell.
    const lines = block('0/0', '7')
      .map((line) => line.replace(/\s*\|+$/, ''))
      .filter((line) => line !== '');
    assert.equal(lines[9], '7');
    const footer = read([...lines.slice(0, 10), '1/2', ...lines.slice(10), '2/2']);
    assert.deepEqual(
      ['prior_items', 'items_change', 'decisions'].map((column) => raws(footer)[`licensing.${column}`]),
      ['0', '0/0', '7'],
    );
    assert.deepEqual(
      footer.findings.filter((f) => f.rule === 'READ-ROW-SHAPE'),
      [],
    );
  });
});

describe('a row the template lacks, one cell per line (probe round 17, helper fixN)', () => {
  it('says READ-UNKNOWN-ROW for `其他主动公开文件(…) |` / `3 |` × 3, as for the row on one line (probeL3 024)', () => {
    const label =
      '其他主动公开文件(含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件,可参考本单位政府信息公开平台“其他主动公开文件”栏目数据)';
    const head = [
      '二、行政机关主动公开政府信息情况',
      '第二十条第(一)项 | |||',
      '信息内容 |',
      '本年新制作数量 |',
      '本年新 公开数量 |',
      '对外公开总数量 |',
      '规章(设区的市、自治州人民政府应提供相关数据) |',
      '0 |',
      '0 |',
      '0 |',
    ];
    const tail = ['第二十条第(五)项 | |||', '信息内容 |', '上一年项目数量 (指2019年'];
    const unknown = (reading: ReturnType<typeof readTables>) =>
      reading.findings.filter((f) => f.rule === 'READ-UNKNOWN-ROW').map((f) => f.message);
    const expected = [`表二中的“${label}”不属于格式规定的栏目，已跳过`];
    assert.deepEqual(unknown(read([...head, `${label} |`, '3 |', '3 |', '3 |', ...tail])), expected);
    assert.deepEqual(unknown(read([...head, `${label} | 3 | 3 | 3 |`, ...tail])), expected);
    assert.deepEqual(values(read([...head, `${label} |`, '3 |', '3 |', '3 |', ...tail])), {
      'rules.new_made': 0,
      'rules.new_published': 0,
      'rules.published_total': 0,
    });
  });
});
