import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTables } from './read-tables.ts';
import { isRunTogether, splitRun } from './run-together.ts';

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
    assert.match(run?.message ?? '', /表二“行政规范性文件”行的数字“693665”连写无分隔，无法唯一拆分为3列/);
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
