import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReport } from './read-report.ts';
import { readTables } from './read-tables.ts';
import { isRunTogether, splitRun, splitTable2Run, tokenizeRunTogether } from './run-together.ts';

const SEVEN = [7];

describe('splitRun', () => {
  it('finds the one split whose 总计 is the sum of the six applicant columns', () => {
    assert.deepEqual(splitRun('640020470', SEVEN, true), [['64', '0', '0', '2', '0', '4', '70']]);
    assert.deepEqual(splitRun('21710000218', SEVEN, true), [['217', '1', '0', '0', '0', '0', '218']]);
    assert.deepEqual(splitRun('0000000', SEVEN, true), [['0', '0', '0', '0', '0', '0', '0']]);
  });

  it('takes spaces as cell boundaries', () => {
    assert.deepEqual(splitRun('230 000023', SEVEN, true), [['23', '0', '0', '0', '0', '0', '23']]);
    assert.deepEqual(splitRun('500000 5', SEVEN, true), [['5', '0', '0', '0', '0', '0', '5']]);
  });

  it('returns every split when several satisfy the arithmetic, none when none does', () => {
    assert.ok(splitRun('270020130', SEVEN, true).length > 1);
    assert.deepEqual(splitRun('1111111', SEVEN, true), []);
    assert.deepEqual(splitRun('12', SEVEN, true), []);
  });

  it('splits table 四 by its three group totals', () => {
    assert.equal(splitRun('10203120001200000', [5, 5, 5], true).length, 1);
    const [only] = splitRun('10203120001200000', [5, 5, 5], true);
    assert.equal(only!.length, 15);
    for (const g of [0, 5, 10]) {
      const cells = only!.slice(g, g + 5).map(Number);
      assert.equal(cells[4], cells[0]! + cells[1]! + cells[2]! + cells[3]!);
    }
    assert.equal(only!.join(''), '10203120001200000');
  });

  it('without an identity only a run with one digit per column splits', () => {
    assert.deepEqual(splitRun('000', [3], false), [['0', '0', '0']]);
    assert.deepEqual(splitRun('2293', [1], false), [['2293']]);
    assert.equal(splitRun('898989', [3], false).length > 1, true);
  });
});

// A 2021 report as a crawler stored it: the whole body on one line, table cells run together.
const FLAT = [
  '一、总体情况本年度，我局认真贯彻《条例》，共收到申请64件。',
  '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件693665',
  '第二十条第（五）项信息内容本年处理决定数量行政许可2293',
  '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
  '一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000',
  '三、本年度办理结果（一）予以公开270020130（二）部分公开（区分处理的，只计这一情形，不计其他情形）500000 5',
  '（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息10000016.属于四类过程性信息00000007.属于行政执法案卷60000068.属于行政查询事项1000001',
  '（四）无法提供1.本机关不掌握相关政府信息2200003252.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000',
  '（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000',
  '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他1000001',
  '（七）总计630020469四、结转下年度继续办理1000001 ',
  '四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计10203120001200000',
  '五、存在的主要问题及改进情况一是公开不够及时。六、其他需要报告的事项无。',
].join('');

describe('run-together tables', () => {
  it('recognises the layout and nothing else', () => {
    assert.equal(isRunTogether(FLAT), true);
    assert.equal(isRunTogether('一、总体情况'), false);
    assert.equal(isRunTogether('规章 | 0 | 0 | 0 |'.repeat(30)), false);
  });

  it('reads every cell whose split is unique, using the table 三 identities for rows the row total leaves open', () => {
    const reading = readTables({ blocks: [{ kind: 'text', text: FLAT }] });
    const v = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    assert.equal(reading.template, '2021');
    assert.deepEqual(
      [v['received.natural_person'], v['received.other_org'], v['received.total'], v['outcome.total.total'], v['carried_out.total']],
      [64, 4, 70, 69, 1],
    );
    // 270020130 and 2200003252 split more than one way alone; the outcome total decides.
    assert.deepEqual(
      ['natural_person', 'public_interest_org', 'other_org', 'total'].map((c) => v[`outcome.disclosed.${c}`]),
      [27, 2, 1, 30],
    );
    assert.equal(v['outcome.unavailable.not_held.total'], 25);
    assert.equal(v['outcome.partial.total'], 5);
    assert.equal(v['rules.issued'], 0);
    assert.equal(v['licensing.decisions'], 2293);
    assert.equal(v['review.total'], 3);
    assert.equal(v['litigation_direct.total'], 12);
    // 行政规范性文件 693665 has no identity: absent, with a finding — never a guess.
    assert.equal(v['normative_documents.issued'], undefined);
    const run = reading.findings.find((f) => f.rule === 'READ-RUN-TOGETHER');
    // C(5,2) = 10 cuts of six digits; rule 22 drops 693|6|65, 693|66|5 and 6936|6|5: the notice lists the other 7.
    assert.equal(
      run?.message,
      '表二“行政规范性文件”行的数字“693665”连写无分隔，无法唯一拆分为3列（按“现行有效件数”不小于“本年制发件数”减“本年废止件数”，可能的拆分仍有7种：6、9、3665；6、93、665；6、936、65；6、9366、5；69、3、665；69、36、65；69、366、5），未读取该行',
    );
    assert.equal(run?.severity, 'notice');
    assert.ok(reading.narrativeLines.some((l) => l.includes('共收到申请64件')));
  });

  it('splits a table 三 or 四 row on a line of its own; leaves a table 二 line alone (its column count depends on the template)', () => {
    const reading = readTables({
      blocks: [
        {
          kind: 'text',
          text: [
            '二、主动公开政府信息情况',
            '行政许可3960181',
            '三、收到和处理政府信息公开申请情况',
            '一、本年新收政府信息公开申请数量640020470',
            '二、上年结转政府信息公开申请数量0000000',
            '（七）总计630020469',
            '联系电话：059123165250',
          ].join('\n'),
        },
      ],
    });
    const v = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    assert.deepEqual([v['received.natural_person'], v['received.total'], v['carried_in.total'], v['outcome.total.total']], [64, 70, 0, 69]);
    assert.equal(
      reading.cells.some((c) => c.table === '二'),
      false,
    );
  });
});

describe('splitTable2Run', () => {
  const COUNTS = ['count', 'count', 'count'] as const;

  it('cuts by the columns` kinds: a count is a plain integer, a change may carry a sign, an amount a decimal point', () => {
    assert.deepEqual(splitTable2Run('000', COUNTS), [['0', '0', '0']]);
    assert.deepEqual(splitTable2Run('35-15', ['count', 'change']), [['35', '-15']]);
    assert.deepEqual(splitTable2Run('35减15', ['count', 'change']), [['35', '减15']]);
    assert.deepEqual(splitTable2Run('396增98 278', ['count', 'change', 'count']), [['396', '增98', '278']]);
    assert.deepEqual(splitTable2Run('2648-18538', ['count', 'change', 'count']), [
      ['2648', '-1', '8538'],
      ['2648', '-18', '538'],
      ['2648', '-185', '38'],
      ['2648', '-1853', '8'],
    ]);
    assert.deepEqual(splitTable2Run('31.5', ['count', 'amount']), [['3', '1.5']]);
    assert.deepEqual(splitTable2Run('1.5', ['count', 'amount']), []);
    assert.deepEqual(splitTable2Run('3 50', ['count', 'change']), [['3', '50']]);
    assert.deepEqual(splitTable2Run('-350', ['count', 'change']), []);
  });

  it('returns every split (C(5,2) = 10 for six digits in three counts), null past 64', () => {
    assert.equal(splitTable2Run('693665', COUNTS)?.length, 10);
    assert.equal(splitTable2Run('1234567891234', COUNTS), null);
  });

  it('stays fast on a pathological run (a long run of zeros after a 1): no split, at once', () => {
    const started = performance.now();
    assert.deepEqual(splitTable2Run(`1${'0'.repeat(20_000)}`, COUNTS), []);
    assert.deepEqual(splitTable2Run('9'.repeat(20_000), COUNTS), []);
    assert.ok(performance.now() - started < 1000);
  });
});

describe('run-together table 二 rows decided by what the report states', () => {
  const withNarrative = (sentence: string) => FLAT.replace('共收到申请64件。', `共收到申请64件。${sentence}`);
  const cellsOf = (text: string) => {
    const reading = readTables({ blocks: [{ kind: 'text', text }] });
    const v = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    const run = reading.findings.filter((f) => f.rule === 'READ-RUN-TOGETHER').map((f) => f.message);
    return { reading, v, run };
  };
  const DOCS = ['issued', 'repealed', 'in_force'].map((c) => `normative_documents.${c}`);

  it('two narrative figures leave one split of 693665: the row is read, and a notice says on what grounds', () => {
    const { v, run } = cellsOf(withNarrative('本年度制发行政规范性文件69件，现行有效行政规范性文件665件。'));
    assert.deepEqual(
      DOCS.map((id) => v[id]),
      [69, 3, 665],
    );
    assert.deepEqual(run, [
      '表二“行政规范性文件”行的数字“693665”连写无分隔，按正文所述本年制发件数69件、现行有效件数665件和“现行有效件数”不小于“本年制发件数”减“本年废止件数”唯一拆分为69、3、665',
    ]);
  });

  it('one figure decides only its own cell: the others stay absent, with the values they could take kept', () => {
    const { reading, v, run } = cellsOf(withNarrative('本年度制发行政规范性文件69件。'));
    assert.deepEqual(
      DOCS.map((id) => v[id]),
      [69, undefined, undefined],
    );
    assert.deepEqual(run, [
      '表二“行政规范性文件”行的数字“693665”连写无分隔，无法唯一拆分为3列，按正文所述本年制发件数69件和“现行有效件数”不小于“本年制发件数”减“本年废止件数”只能确定“本年制发件数”69，其余未读取（可能的拆分仍有3种：69、3、665；69、36、65；69、366、5）',
    ]);
    // 69|3|665, 69|36|65, 69|366|5 (all three keep 现行有效 ≥ 制发 − 废止).
    assert.deepEqual(reading.runCandidates?.get('normative_documents.in_force'), { run: '693665', values: [665, 65, 5] });
    assert.deepEqual(reading.runCandidates?.get('normative_documents.repealed'), { run: '693665', values: [3, 36, 366] });
  });

  it('a figure that no split gives is not used to split, and rule 45 reports it whatever the split', () => {
    const analysis = readReport(
      { blocks: [{ kind: 'text', text: withNarrative('现行有效行政规范性文件393件，本年度制发行政规范性文件69件。') }] },
      'flat.txt',
    );
    const v = Object.fromEntries(analysis.reading.cells.map((c) => [c.id, c.value]));
    assert.deepEqual(
      DOCS.map((id) => v[id]),
      [69, undefined, undefined],
    );
    const inForce = analysis.reading.findings.filter((f) => f.rule === 'NARR-T2-IN-FORCE');
    assert.deepEqual(
      inForce.map((f) => [f.severity, f.message, f.cells]),
      [
        [
          'warning',
          '正文称现行有效行政规范性文件393件，表二“行政规范性文件”行连写的数字“693665”无论怎样拆分，“现行有效件数”都不是393',
          ['normative_documents.in_force'],
        ],
      ],
    );
    assert.deepEqual(
      analysis.reading.findings.filter((f) => f.rule === 'NARR-T2').map((f) => f.message),
      [],
    );
  });

  it('2019 rows: a sign (-, 增, 减) starts the 本年增/减 cell, so 35-15 and the cell before a sign are read; the rest stays absent', () => {
    const flat2019 = [
      '一、总体情况本年度共收到申请21件。二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章007规范性文件7777166',
      '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可396442278其他对外管理服务事项10增7105',
      '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538行政强制1262629',
      '第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15',
      '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
      '一、本年新收政府信息公开申请数量200 000121二、上年结转政府信息公开申请数量0000000',
    ].join('');
    const { reading, v } = cellsOf(flat2019);
    assert.equal(reading.template, '2019');
    assert.deepEqual(
      Object.entries(v).filter(([id]) => reading.cells.find((c) => c.id === id)?.table === '二'),
      [
        ['rules.new_made', 0],
        ['rules.new_published', 0],
        ['rules.published_total', 7],
        ['other_services.prior_items', 10],
        ['penalties.prior_items', 2648],
        ['fees.prior_items', 35],
        ['fees.items_change', -15],
      ],
    );
  });

  it('2019 item rows: 上一年项目数量 + 本年增/减 cannot be negative, which leaves one split of 3-2515 (3|-2|515)', () => {
    const flat2019 = [
      '一、总体情况本年度共收到申请21件。二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章007规范性文件7777166',
      '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可396442278其他对外管理服务事项107105',
      '第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚3-2515行政强制126-1262629',
      '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
      '一、本年新收政府信息公开申请数量200 000121二、上年结转政府信息公开申请数量0000000',
    ].join('');
    const { v, run } = cellsOf(flat2019);
    // 3|-25|15 and 3|-251|5 would leave fewer than no items.
    assert.deepEqual([v['penalties.prior_items'], v['penalties.items_change'], v['penalties.decisions']], [3, -2, 515]);
    // 126|-1262|629 and 126|-12626|29 … are dropped too; 126|-1|262629 … 126|-126|2629 remain: only 上一年项目数量 is known.
    assert.deepEqual([v['coercion.prior_items'], v['coercion.items_change'], v['coercion.decisions']], [126, undefined, undefined]);
    assert.deepEqual(run.slice(3), [
      '表二“行政处罚”行的数字“3-2515”连写无分隔，按“上一年项目数量”加“本年增/减”不小于0唯一拆分为3、-2、515',
      '表二“行政强制”行的数字“126-1262629”连写无分隔，无法唯一拆分为3列，按“上一年项目数量”加“本年增/减”不小于0只能确定“上一年项目数量”126，其余未读取（可能的拆分仍有3种：126、-1、262629；126、-12、62629；126、-126、2629）',
    ]);
  });
});

describe('a section without the template`s table (a pre-2019 report flattened by a crawler)', () => {
  it('is narrative: the labels its prose names with figures make no rows', () => {
    const prose =
      '二、主动公开政府信息情况（一）主动公开情况2018年全区共主动公开政府信息1269条，其中行政许可类信息13条，行政事业性收费信息3条，政府集中采购项目类信息55条，提升行政规范性文件执行效力2018年。' +
      '三、政府信息依申请公开工作情况2018年未收到政府信息公开申请。';
    const items = tokenizeRunTogether(`${'某'.repeat(10)}${prose}`);
    assert.deepEqual(
      items.filter((item) => item.kind !== 'text' && item.kind !== 'heading'),
      [],
    );
  });
});

describe('table 二 rows run together on lines of their own, under a run-together header', () => {
  const lines = (header2021: boolean) => [
    '二、主动公开政府信息情况',
    '第二十条第(一)项',
    header2021 ? '信息内容本年制发件数本年废止件数现行有效件数' : '信息内容',
    '规章000',
    '行政规范性文件040',
    '第二十条第(五)项',
    '信息内容本年处理决定数量',
    '行政许可707',
    '第二十条第(六)项',
    '信息内容本年处理决定数量',
    '行政处罚6',
    '行政强制0',
    '三、收到和处理政府信息公开申请情况',
  ];
  it('splits each row by the template its header names: one split only (`040` = 0|4|0), else no cell', () => {
    const reading = readTables({ blocks: [{ kind: 'text', text: lines(true).join('\n') }] });
    const v = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    assert.equal(reading.template, '2021');
    assert.deepEqual(
      [v['rules.issued'], v['rules.repealed'], v['rules.in_force'], v['normative_documents.issued'], v['normative_documents.repealed']],
      [0, 0, 0, 0, 4],
    );
    assert.deepEqual([v['licensing.decisions'], v['penalties.decisions'], v['coercion.decisions']], [707, 6, 0]);
  });
  it('reads no glued row where no header named the template', () => {
    const reading = readTables({ blocks: [{ kind: 'text', text: lines(false).slice(0, 5).join('\n') }] });
    assert.deepEqual(
      reading.cells.filter((c) => c.table === '二' && c.value !== null),
      [],
    );
  });
});

describe('a page run into one line whose table 三 rows are spaced (`0 0 0 0 0 00`, probeC2/001)', () => {
  const intro = '二、主动公开政府信息情况(一)主动公开政府信息的数量2023年主动公开政府信息107条。 ';
  const table2 = '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件008';
  const table3 =
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他' +
    '一、本年新收政府信息公开申请数量1 0 0 0 0 01二、上年结转政府信息公开申请数量0 0 0 0 0 00三、本年度办理结果（一）予以公开1 0 0 0 0 01（二）部分公开（区分处理的，只计这一情形，不计其他情形）00 0 0 0 00';
  const table4 =
    '四、政府信息公开行政复议与行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 00 0 00 0 0 0 00 0 0 0 00五、存在的主要问题及改进情况无。';
  it('is a run-together line, read as one', () => {
    const line = intro + table2 + table3 + table4;
    assert.equal(isRunTogether(line), true);
    const reading = readTables({ blocks: [{ kind: 'text', text: line }] });
    const cells = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    assert.deepEqual(
      [cells['received.natural_person'], cells['received.total'], cells['outcome.disclosed.total'], cells['normative_documents.in_force']],
      [1, 1, 1, 8],
    );
    // table 四 under `行政复议与行政诉讼情况` (与 for 、)
    assert.equal(cells['review.total'], 0);
    assert.equal(cells['litigation_after_review.total'], 0);
  });
});

describe('numbers of the narrative inside a run-together page (probeC2/025)', () => {
  it('a number with its unit (`规范性文件类11条`, `2024年`) is no run of a table row', () => {
    const items = tokenizeRunTogether(
      '二、主动公开政府信息情况2024年，主动公开政府信息124条，涵盖政策及规范性文件类11条、其他应主动公开的政府信息75条。第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件0080000000000' +
        '四、政府信息公开行政复议与行政诉讼情况2024年，没有发生政府信息公开行政复议、行政诉讼案件。行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计000000000000000五、存在的主要问题及改进情况无',
    );
    const runs = items.flatMap((item) => (item.kind === 'unsplit' ? [item.run] : []));
    assert.ok(!runs.includes('11') && !runs.includes('2024'), JSON.stringify(runs));
  });
});
