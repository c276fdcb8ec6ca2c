// Structure, identity and template rules (validation-rules.md rules 4, 8–11, 33, 37; 《条例》第四十九条).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildDocumentText, buildFacts, type FactsOverrides } from '#test/factories/report-facts.ts';
import { readDocumentText } from '../read/read-document-text.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { type DetectedTemplate, TEMPLATE_2021 } from '../template.ts';
import { checkMetaLate, checkMetaPeriod, checkMetaYear, checkStructOutline, checkStructTable, checkTemplateYear } from './meta-rules.ts';
import { DEFAULT_VALIDATION_SETTINGS, type RuleCheck, type ValidationSettings } from './rule.ts';

const HEADINGS = TEMPLATE_2021.sections.map((s) => s.heading);

function run(check: RuleCheck, overrides: FactsOverrides, settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): RuleEvaluation[] {
  return [...check({ report: buildFacts(overrides), settings })];
}
const messagesOf = (evaluations: readonly RuleEvaluation[]) => evaluations.flatMap((e) => (e.finding ? [e.finding.message] : []));

/** Facts whose text is read from lines: title, preamble and six headings. */
function fromText(lines: readonly string[], template: DetectedTemplate = '2021'): FactsOverrides {
  const text = readDocumentText([...lines, ...HEADINGS], template);
  return { template, year: text.year, agency: text.agency, text };
}

describe('STRUCT-TABLE (rule 4)', () => {
  test('each missing table is a warning naming the table and its heading', () => {
    assert.deepEqual(messagesOf(run(checkStructTable, { tablesFound: ['二'] })), [
      '未找到表三（三、收到和处理政府信息公开申请情况）',
      '未找到表四（四、政府信息公开行政复议、行政诉讼情况）',
    ]);
  });

  test('all three found: three passing evaluations', () => {
    assert.deepEqual(
      run(checkStructTable, {}).map((e) => e.status),
      ['pass', 'pass', 'pass'],
    );
  });

  test('no STRUCT-TABLE for a table after the one the text is cut in (rule 38): not assessable instead', () => {
    const evaluations = run(checkStructTable, { tablesFound: ['二', '三'], truncatedIn: '三' });
    assert.deepEqual(messagesOf(evaluations), []);
    assert.deepEqual(
      evaluations.map((e) => e.status),
      ['pass', 'pass', 'not_assessable'],
    );
  });
});

describe('META-PERIOD (rule 8)', () => {
  test('a period of the year before is a warning with both periods', () => {
    const facts = fromText(['某县民政局2023年政府信息公开工作年度报告', '本报告统计期限自2022年1月1日起至2022年12月31日止。']);
    assert.deepEqual(messagesOf(run(checkMetaPeriod, facts)), [
      '统计期限2022年1月1日至2022年12月31日与报告年度2023年1月1日至12月31日不一致',
    ]);
  });

  test('the calendar year of the report passes; no stated period, no evaluation', () => {
    const facts = fromText(['某县民政局2023年政府信息公开工作年度报告', '统计期限为2023年1月1日至12月31日。']);
    assert.deepEqual(
      run(checkMetaPeriod, facts).map((e) => e.status),
      ['pass'],
    );
    assert.deepEqual(run(checkMetaPeriod, {}), []);
  });

  test('a university`s report (高等学校信息公开办法, a 学年) covers its academic year: no META-PERIOD (probeH5 032, 034)', () => {
    const title = '岭南师范学院2022-2023学年信息公开工作年度报告';
    const intro =
      '按照《高等学校信息公开办法》(中华人民共和国教育部令第29号)、《教育部关于公布〈高等学校信息公开事项清单〉的通知》(教办函〔2014〕23号)和《广东省教育厅转发教育部办公厅关于做好2023年高校信息公开年度报告工作的通知》以及广东省信息公开工作要求,围绕岭南师范学院2022-2023学年信息公开工作执行情况,学校编制了《岭南师范学院2022-2023学年信息公开工作年度报告》。报告中所列数据的统计时间为2022年9月1日至2023年8月31日。';
    const facts = fromText([title, intro]);
    assert.equal(facts.text?.period?.text.includes('2022年9月1日'), true);
    assert.deepEqual(run(checkMetaPeriod, facts), []);
    // 034: the 办法 and 2023-2024学年度 in the introduction, no 学年 in a title
    const other = fromText([
      '本年度工作报告是按照《高等学校信息公开办法》(教育部令第29号)、《教育部关于公布〈高等学校信息公开事项清单〉的通知》(教办函〔2014〕23号)等文件精神和工作要求,根据学校2023-2024学年度信息公开工作实际编制而成。',
      '全文包括工作概述、主动公开情况、依申请公开和不予公开情况、信息公开的评议情况,因学校信息公开工作受到举报、复议、诉讼的情况,信息公开工作存在的问题和改进措施、其他需要报告的事项、清单事项公开情况表等八部分内容。报告中所列数据的统计时间为2023年9月1日至2024年8月31日。',
    ]);
    assert.deepEqual(run(checkMetaPeriod, { ...other, year: 2024 }), []);
    // the same period in a government's report is still a warning
    const government = fromText(['某县教育局2023年政府信息公开工作年度报告', '报告中所列数据的统计时间为2022年9月1日至2023年8月31日。']);
    assert.deepEqual(messagesOf(run(checkMetaPeriod, government)), [
      '统计期限2022年9月1日至2023年8月31日与报告年度2023年1月1日至12月31日不一致',
    ]);
  });

  test('a 2008 report`s period from 5月1日, when the 2007 条例 took effect, is right (probeI10 036)', () => {
    const facts = fromText([
      '江西省2008年政府信息公开工作年度报告',
      // (the page in traditional script, as the reader reads it after conversion)
      '年报中所列数据的统计期限自2008年5月1日起至2008年12月31日止。2008年是《条例》颁布施行的第一年。',
    ]);
    assert.equal(facts.year, 2008);
    assert.deepEqual(
      run(checkMetaPeriod, facts).map((e) => e.status),
      ['pass'],
    );
    // any other year from 5月1日 is still a warning
    const later = fromText(['江西省2009年政府信息公开工作年度报告', '统计期限自2009年5月1日起至2009年12月31日止。']);
    assert.deepEqual(messagesOf(run(checkMetaPeriod, later)), [
      '统计期限2009年5月1日至2009年12月31日与报告年度2009年1月1日至12月31日不一致',
    ]);
  });

  test('a malformed period date is not assessable here (META-YEAR reports it)', () => {
    const facts = fromText(['某县民政局2022年政府信息公开工作年度报告', '统计期限自2022年1月1日起至202222年12月31日止。']);
    assert.deepEqual(
      run(checkMetaPeriod, facts).map((e) => e.status),
      ['not_assessable'],
    );
  });
});

describe('META-LATE (rule 9, 第四十九条)', () => {
  const signed = (date: string, agency = '某县民政局', year = 2023) =>
    buildDocumentText({ agency, year, yearSource: 'title', titleYear: year, signature: { date: { raw: date, iso: date }, agency } });

  test('a department signing after 1月31日 gets a notice naming the deadline', () => {
    assert.deepEqual(messagesOf(run(checkMetaLate, { text: signed('2024-02-05') })), [
      '落款日期2024年2月5日晚于第四十九条规定的公布期限2024年1月31日',
    ]);
  });

  test('a people’s government has until 3月31日 (name ending in 人民政府, the default convention)', () => {
    const text = signed('2024-02-05', '某县人民政府');
    assert.deepEqual(messagesOf(run(checkMetaLate, { agency: '某县人民政府', text })), []);
    assert.deepEqual(messagesOf(run(checkMetaLate, { agency: '某县人民政府', text: signed('2024-04-01', '某县人民政府') })), [
      '落款日期2024年4月1日晚于第四十九条规定的公布期限2024年3月31日',
    ]);
  });

  test('a place`s name alone is its people`s government (a 乡`s report, probeJ4 044); a department, zone or sub-district is not', () => {
    for (const agency of ['马鞍底乡', '正蓝旗', '天津市和平区', '江西省', '某县政府']) {
      assert.deepEqual(messagesOf(run(checkMetaLate, { agency, year: 2021, text: signed('2022-02-19', agency, 2021) })), [], agency);
    }
    for (const agency of ['某县民政局', '某市经济技术开发区', '某区某某街道', '某市人民政府办公室']) {
      assert.equal(messagesOf(run(checkMetaLate, { agency, year: 2021, text: signed('2022-02-19', agency, 2021) })).length, 1, agency);
    }
  });

  test('a page`s publication date (`• 发布日期` / `2022-02-19`) is no 落款 date (probeJ4 044)', () => {
    const lines = [
      '  • 发布日期',
      '    2022-02-19',
      '某局2021年政府信息公开工作年度报告',
      '一、总体情况',
      '2021年,我局主动公开政府信息8条。',
    ];
    const text = readDocumentText(lines, 'unknown');
    assert.equal(text.signature, null);
    assert.deepEqual(run(checkMetaLate, { agency: text.agency, year: text.year, text }), []);
    // a date line under the signing organ still is the signature
    const signedText = readDocumentText([...lines, '某局', '2022-02-19'], 'unknown');
    assert.equal(signedText.signature?.date.iso, '2022-02-19');
  });

  test('the organ-kind setting overrides the name test', () => {
    const government = { organKind: 'government' } as const;
    const department = { organKind: 'department' } as const;
    assert.deepEqual(messagesOf(run(checkMetaLate, { text: signed('2024-02-05') }, government)), []);
    assert.equal(
      messagesOf(run(checkMetaLate, { agency: '某县人民政府', text: signed('2024-02-05', '某县人民政府') }, department)).length,
      1,
    );
  });

  test('a year inferred from the signature itself cannot judge the signature: not assessable', () => {
    const text = { ...signed('2024-05-05'), yearSource: 'signature' as const, titleYear: null };
    assert.deepEqual(
      run(checkMetaLate, { text }).map((e) => e.status),
      ['not_assessable'],
    );
  });
});

describe('META-LATE before the revised 条例: 2007年《条例》第三十一条 (3月31日 for every organ)', () => {
  // Real pages (probeI4 014, 018): the title, then the page's date, which the reader takes for the signature.
  const page = (lines: readonly string[]): FactsOverrides => {
    const text = readDocumentText(lines, 'unknown');
    return { template: 'unknown', year: text.year, agency: text.agency, text };
  };

  test('a department’s 2017 report dated 2018-03-28 is on time: no 第四十九条 deadline of 1月31日 (probeI4 014)', () => {
    const facts = page(['青海省邮政管理局2017年政府信息公开年度报告', '', '2018-03-28   ', '', '一、概述']);
    assert.equal(facts.year, 2017);
    const evaluations = run(checkMetaLate, facts);
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.right]),
      [['pass', '2018-03-31']],
    );
  });

  test('a 2010 report dated 2015-07-23 is late against 2011年3月31日, and the message names 第三十一条 (probeI4 018)', () => {
    const facts = page(['湖北省邮政管理局2010年政府信息公开工作年度报告', '', '2015-07-23   ', '', '一、主动公开政府信息情况。']);
    assert.deepEqual(messagesOf(run(checkMetaLate, facts)), [
      '落款日期2015年7月23日晚于2007年《条例》第三十一条规定的公布期限2011年3月31日',
    ]);
  });

  test('2018 is the last year under 第三十一条, 2019 the first under 第四十九条 (in force 2019-05-15)', () => {
    const department = (year: number, date: string) =>
      run(checkMetaLate, {
        year,
        text: buildDocumentText({ year, yearSource: 'title', signature: { date: { raw: date, iso: date }, agency: null } }),
      });
    assert.deepEqual(messagesOf(department(2018, '2019-03-29')), []);
    assert.deepEqual(messagesOf(department(2019, '2020-03-29')), ['落款日期2020年3月29日晚于第四十九条规定的公布期限2020年1月31日']);
  });

  test('a report before 2008 (before the 2007 条例 took effect) has no national deadline: not assessable', () => {
    const text = buildDocumentText({
      year: 2007,
      yearSource: 'title',
      signature: { date: { raw: '2008-06-01', iso: '2008-06-01' }, agency: null },
    });
    assert.deepEqual(
      run(checkMetaLate, { year: 2007, text }).map((e) => e.status),
      ['not_assessable'],
    );
  });
});

describe('TPL-YEAR and TPL-EARLY (rules 10, 11)', () => {
  test('a 2022 report in the 2019 template is a TPL-YEAR warning', () => {
    assert.deepEqual(messagesOf(run(checkTemplateYear, { year: 2022, template: '2019' })), [
      '2022年度报告使用了2019年试行格式（国办公开办函〔2019〕60号），应使用国办公开办函〔2021〕30号格式',
    ]);
  });

  test('a 2020 report in the 2021 template is a TPL-EARLY notice', () => {
    const evaluations = run(checkTemplateYear, { year: 2020, template: '2021' });
    assert.deepEqual(
      evaluations.flatMap((e) => (e.finding ? [[e.finding.rule, e.finding.severity, e.finding.message]] : [])),
      [['TPL-EARLY', 'notice', '2020年度报告使用了2021年格式，该年度应使用2019年试行格式']],
    );
  });

  test('the prescribed template passes; no year or a mixed template is not assessable', () => {
    assert.deepEqual(messagesOf(run(checkTemplateYear, { year: 2020, template: '2019' })), []);
    assert.deepEqual(messagesOf(run(checkTemplateYear, { year: 2023, template: '2021' })), []);
    assert.deepEqual(
      run(checkTemplateYear, { year: null }).map((e) => e.status),
      ['not_assessable', 'not_assessable'],
    );
    assert.deepEqual(
      run(checkTemplateYear, { year: 2023, template: 'mixed' }).map((e) => e.status),
      ['not_assessable', 'not_assessable'],
    );
  });
});

describe('META-YEAR (rule 33)', () => {
  test('title 2022 with a 2023 period is a warning (synthetic example §2.6)', () => {
    const facts = fromText(['某县民政局2022年政府信息公开工作年度报告', '统计期限2023年1月1日至2023年12月31日。']);
    assert.deepEqual(messagesOf(run(checkMetaYear, facts)), ['报告标题年度2022与统计期限年度2023不一致']);
  });

  test('a malformed period date is the reader’s META-YEAR finding, not repeated by the rule', () => {
    const facts = fromText(['统计期限自2022年1月1日起至202222年12月31日止。']);
    const text = facts.text!;
    assert.deepEqual(
      text.findings?.filter((f) => f.rule === 'META-YEAR').map((f) => f.message),
      ['日期“202222年12月31日”格式错误'],
    );
    assert.deepEqual(messagesOf(run(checkMetaYear, facts)), []);
  });
});

describe('STRUCT-OUTLINE (rule 37)', () => {
  test('an introduction citing 30号 over 2019-template tables: STRUCT-OUTLINE, and TPL-YEAR for 2023', () => {
    const facts = {
      ...fromText(['某县民政局2023年政府信息公开工作年度报告', '本报告根据国办公开办函〔2021〕30号要求编制。'], '2019'),
    };
    assert.deepEqual(messagesOf(run(checkStructOutline, facts)), [
      '报告引言所述结构（国办公开办函〔2021〕30号）与正文所用格式（国办公开办函〔2019〕60号）不一致',
    ]);
    assert.equal(messagesOf(run(checkTemplateYear, facts)).length, 1);
  });

  test('citing the template in use passes; half-width brackets are the same citation', () => {
    const facts = fromText(['某县民政局2023年政府信息公开工作年度报告', '本报告根据国办公开办函[2021]30号要求编制。']);
    assert.deepEqual(
      run(checkStructOutline, facts).map((e) => e.status),
      ['pass'],
    );
  });

  test('full-width digits and spaces inside the citation are the same citation (NFKC)', () => {
    const facts = fromText(['某县民政局2023年政府信息公开工作年度报告', '本报告根据国办公开办函〔２０２１〕　３０号要求编制。'], '2019');
    assert.deepEqual(messagesOf(run(checkStructOutline, facts)), [
      '报告引言所述结构（国办公开办函〔2021〕30号）与正文所用格式（国办公开办函〔2019〕60号）不一致',
    ]);
  });

  test('an introduction listing the pre-2019 parts is a warning naming them', () => {
    const facts = fromText([
      '某县民政局2023年政府信息公开工作年度报告',
      '本报告包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况等。',
    ]);
    assert.deepEqual(messagesOf(run(checkStructOutline, facts)), [
      '报告引言所述结构（政府信息公开的收费及减免情况、依申请公开政府信息情况）与正文所用格式（国办公开办函〔2021〕30号）不一致',
    ]);
  });

  test('an outline of the report`s full text (全文包括…) is the report`s outline (probeH6 045)', () => {
    const intro =
      '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定和《中共中央办公厅国务院办公厅关于全面推进政务公开工作的意见》及其《实施细则》等有关文件要求。特向社会公布2021年度本镇政府信息公开年度报告。全文包括概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开收费及减免情况、申请行政复议及提起诉讼情况和存在的主要问题及改进措施等。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。';
    assert.deepEqual(messagesOf(run(checkStructOutline, fromText([intro]))), [
      '报告引言所述结构（政府信息公开收费及减免情况、依申请公开政府信息情况）与正文所用格式（国办公开办函〔2021〕30号）不一致',
    ]);
    // the full text of another document (《…》全文…), or 全文 not outlining (全文可在…下载): no outline of this report
    for (const line of [
      '《某市政府信息公开规定》全文包括依申请公开政府信息情况、政府信息公开收费及减免情况等内容。',
      '全文可在门户网站下载，其中依申请公开政府信息情况、政府信息公开收费及减免情况另行说明。',
    ]) {
      assert.deepEqual(messagesOf(run(checkStructOutline, fromText([line]))), [], line);
    }
  });
});
