// The rules added for real reports (docs/validation-rules-added.md, rules 44–47), on sentences modelled on
// the corpus findings (test/fixtures/corpus).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFacts } from '#test/factories/report-facts.ts';
import { readDocumentText } from '../read/read-document-text.ts';
import { TEMPLATE_2021 } from '../template.ts';
import {
  checkHeadingNumbering,
  checkListOrdinals,
  checkNamedReportYear,
  checkNarrativeCarried,
  checkNarrativeChannel,
  checkNarrativeHandled,
  checkNarrativeInForce,
  checkNarrativeSumList,
  parseLooseSum,
  parseUnmarkedSum,
} from './narrative-rules-added.ts';
import { parseNarrativeSum } from './narrative-sums.ts';
import type { RuleCheck } from './rule.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';

const HEADINGS = TEMPLATE_2021.sections.map((s) => s.heading);
const facts = (lines: readonly string[], overrides: Parameters<typeof buildFacts>[0] = {}) =>
  buildFacts({ ...overrides, text: readDocumentText(lines, '2021') });
const failures = (check: RuleCheck, report: ReturnType<typeof buildFacts>) =>
  check({ report, settings: DEFAULT_VALIDATION_SETTINGS }).flatMap((e) =>
    e.finding ? [[e.finding.rule, e.finding.severity, e.finding.message]] : [],
  );
const inOverview = (sentence: string) => facts([HEADINGS[0]!, sentence, ...HEADINGS.slice(1)]);

describe('NARR-SUM-LIST (44)', () => {
  test('parses what rule 29 skips: a noun before 其中, a bracketed list, 、 inside a label, 包括, 人次 and 条次', () => {
    assert.deepEqual(
      parseLooseSum('共主动公示84条信息,其中通过区政府门户网站20条、微信公众号24条、市局门户网站14条、区局网站20条、汉水号26条'),
      {
        total: 84,
        totalApproximate: false,
        unit: '条',
        sum: 104,
        partsApproximate: false,
        detail: '20+24+14+20+26',
        catchAll: false,
        marker: '其中',
      },
    );
    const bracketed = parseLooseSum(
      '共公布政府信息2599条，(其中机构职能类信息25条，政策、规范性文件类信息68条，其他应主动公开政府信息856条)对于主动公开的政府信息，主要通过网站发布',
    );
    assert.deepEqual([bracketed?.sum, bracketed?.detail, bracketed?.catchAll], [949, '25+68+856', true]);
    assert.equal(parseLooseSum('本年度受理政府信息咨询372人次,其中现场咨询331人次,电话咨询61人次')?.sum, 392);
    // channels named with 公告栏, 政务网 and a verb of their own are channels, like 微信公众平台发布 (a real page)
    assert.equal(
      parseNarrativeSum(
        '公开信息共计2203条,其中在门户网站—某局公告栏公开20条,某局政务网公开118条,“某气象”官方微信公众平台发布416条,“某气象”官方微博发布1056条,在平台处理网上咨询12次',
      )?.detail,
      '20+118+416+1056',
    );
    // a total before rule 29's (a part of this list holds that one's list): checked here; a channel named without
    // its verb (`政府网站35条`) is a channel's count like the others
    assert.deepEqual(
      parseLooseSum(
        '全年主动公开政务信息382条,包括政府网站35条,新华社、每日头条等媒体上发布信息80条,“某镇”微信公众号2443条,其中乡村振兴228条、党建58条',
      )?.detail,
      '35+80+2443',
    );
    // a part's own outcomes after it are its breakdown (as rule 29's parse): the list cut at `;` has one part left
    assert.equal(parseLooseSum('因信息公开引发行政争议11件,其中,行政复议7件,结果维持6件,尚未审结1件'), null);
    assert.equal(parseLooseSum('发布法定主动公开内容1条,包括机构概况1条,以及“三公”经费及预算/决算信息2条')?.marker, '包括');
    const approximate = parseLooseSum('向社会公开各类政府信息732余条次,其中:通过政府网站公开各类政府信息635条,上报县政府网站政府信息119条');
    assert.deepEqual([approximate?.total, approximate?.totalApproximate, approximate?.sum], [732, true, 754]);
  });

  test('leaves rule 29`s sentences and lists without two counted parts alone', () => {
    assert.equal(parseLooseSum('共发布信息10条，其中通知3条、公告2条，动态5条'), null);
    assert.equal(parseLooseSum('共发布信息84条信息，其中网站20条'), null);
    assert.equal(parseLooseSum('主要包括机构职能、政策文件等内容'), null);
  });

  test('parts above the total: warning; an approximate total only past its next unit', () => {
    assert.deepEqual(failures(checkNarrativeSumList, inOverview('本年度受理政府信息咨询372人次,其中现场咨询331人次,电话咨询61人次。')), [
      ['NARR-SUM-LIST', 'warning', '“本年度受理政府信息咨询372人次,其中现场咨询3…”：总数372人次，分项合计392人次（331+61）'],
    ]);
    assert.equal(failures(checkNarrativeSumList, inOverview('公开信息732余条次,其中网站公开635条,上报119条。')).length, 1);
    assert.equal(failures(checkNarrativeSumList, inOverview('公开信息750余条次,其中网站公开635条,上报119条。')).length, 0);
    assert.equal(failures(checkNarrativeSumList, inOverview('公开信息200余条,其中网站公开150条,微博110条。')).length, 0);
    assert.equal(failures(checkNarrativeSumList, inOverview('公开信息200余条,其中网站公开210条,微博110条。')).length, 1);
  });

  test('approximate parts count as a lower bound: `40余篇` and 164 already exceed 127', () => {
    assert.deepEqual(failures(checkNarrativeSumList, inOverview('发布统计信息127篇,其中统计分析、资料40余篇,各类统计信息164篇。')), [
      ['NARR-SUM-LIST', 'warning', '“发布统计信息127篇,其中统计分析、资料40余篇…”：总数127篇，分项合计至少204篇（40+164）'],
    ]);
  });

  test('items sent up to another body (报送) end a list of kinds: no part (probeD2 052, probeC2 020)', () => {
    assert.deepEqual(
      failures(
        checkNarrativeSumList,
        inOverview(
          '2024年,我局通过广元统计局门户网站累计公开政府信息276条,其中:政务动态信息216条,更新信息公开目录50条,主动向市政府办报送信息100余条。',
        ),
      ),
      [],
    );
  });

  test('a part`s own breakdown in a bracket closed within its piece is left out, as in rule 29`s parse (probeH9 030)', () => {
    // probeH9 030's list, with a noun between its total and 其中 so that this rule reads it: 345 = 11 + … + 2
    const parsed = parseLooseSum(
      '主动公开政府信息345条信息,其中规章11条、行政规范性文件8条、其他文件102条,省政府工作报告2条(中英文各1条)、人大代表建议及政协提案办理信息1条、财政预决算信息4条、政务动态类信息213条、其他信息2条、政府信息公开工作年度报告2条',
    );
    assert.deepEqual([parsed?.sum, parsed?.detail], [345, '11+8+102+2+1+4+213+2+2']);
    assert.equal(
      failures(
        checkNarrativeSumList,
        inOverview(`${'主动公开政府信息345条信息,其中规章11条、其他文件102条,省政府工作报告2条(中英文各1条)、其他信息230条'}。`),
      ).length,
      0,
    );
    // a bracket left open still ends the list: 11 + 102
    assert.equal(parseLooseSum('公开信息345条信息,其中规章11条、其他文件102条,省政府工作报告2条(中英文,各1条)、其他信息230条')?.sum, 113);
  });

  test('below the total: a finding only for exact 其中 parts with a catch-all; a 包括 list may be a selection', () => {
    assert.equal(failures(checkNarrativeSumList, inOverview('共公布政府信息2599条，(其中机构职能类信息25条，其他信息856条)。')).length, 1);
    assert.equal(failures(checkNarrativeSumList, inOverview('共公布政府信息2599条，(其中机构职能类信息25条，规划信息856条)。')).length, 0);
    assert.equal(failures(checkNarrativeSumList, inOverview('发布信息10条,包括通知1条,以及公告2条。')).length, 0);
    assert.equal(failures(checkNarrativeSumList, inOverview('发布信息1条,包括通知1条,以及公告2条。')).length, 1);
    assert.equal(failures(checkNarrativeSumList, inOverview('发布信息1条,包含通知1条,以及公告2条。')).length, 1);
    // a part with a list of its own in brackets: its parts are no parts of the total (a real page)
    assert.equal(
      failures(
        checkNarrativeSumList,
        inOverview(
          '2024年主动公开政府信息数455条,其中:政府网站公开政府信息数127条(其中领导信息2条,预算决算16条,公示公告6条,人大建议、政协提案办理结果公开45条,行政许可办理结果45条,其他政府信息3条,政策咨询10条);微信公众号发布信息328条。',
        ),
      ).length,
      0,
    );
  });
});

describe('NARR-T2-IN-FORCE (45)', () => {
  const report = (sentence: string, cells: Record<string, number>) =>
    buildFacts({ cells, text: readDocumentText([HEADINGS[0]!, sentence, ...HEADINGS.slice(1)], '2021') });

  test('the narrative`s documents in force against table 二', () => {
    assert.deepEqual(
      failures(checkNarrativeInForce, report('清理并集中发布现行有效行政规范性文件393件。', { 'normative_documents.in_force': 470 })),
      [['NARR-T2-IN-FORCE', 'warning', '正文称现行有效行政规范性文件393件，表二“行政规范性文件”“现行有效件数”为470']],
    );
    assert.deepEqual(failures(checkNarrativeInForce, report('现行有效规章2件。', { 'rules.in_force': 2 })), []);
  });

  test('an absent cell is not assessable, never a finding', () => {
    const evaluations = checkNarrativeInForce({
      report: report('现行有效行政规范性文件393件。', {}),
      settings: DEFAULT_VALIDATION_SETTINGS,
    });
    assert.deepEqual(
      evaluations.map((e) => e.status),
      ['not_assessable'],
    );
  });
});

describe('NARR-T2-IN-FORCE (45) on a run-together row that split in several ways', () => {
  const report = (sentence: string, values: readonly number[]) => ({
    ...buildFacts({ cells: {}, text: readDocumentText([HEADINGS[0]!, sentence, ...HEADINGS.slice(1)], '2021') }),
    runCandidates: new Map([['normative_documents.in_force', { run: '77132470', values }]]),
  });

  test('a figure that no allowed split gives is a warning naming the digits', () => {
    assert.deepEqual(failures(checkNarrativeInForce, report('清理并集中发布现行有效行政规范性文件393件。', [32470, 2470, 470, 70, 0])), [
      [
        'NARR-T2-IN-FORCE',
        'warning',
        '正文称现行有效行政规范性文件393件，表二“行政规范性文件”行连写的数字“77132470”无论怎样拆分，“现行有效件数”都不是393',
      ],
    ]);
  });

  test('a figure some split gives passes (the cell stays absent: nothing is read from the narrative)', () => {
    const evaluations = checkNarrativeInForce({
      report: report('现行有效行政规范性文件470件。', [32470, 2470, 470, 70, 0]),
      settings: DEFAULT_VALIDATION_SETTINGS,
    });
    assert.deepEqual(
      evaluations.map((e) => [e.status, e.left, e.right]),
      [['pass', 470, '77132470']],
    );
  });
});

describe('META-YEAR-TEXT (46)', () => {
  test('the introduction naming another year than the title', () => {
    const lines = ['某区司法局2019年政府信息公开工作年度报告', '特向社会公布2020年度呈贡区司法局政府信息公开年度报告。', ...HEADINGS];
    const report = buildFacts({ year: 2019, text: readDocumentText(lines, '2021') });
    assert.deepEqual(failures(checkNamedReportYear, report), [
      ['META-YEAR-TEXT', 'warning', '正文“特向社会公布2020年度呈贡区司法局政府信息公开…”称2020年度报告，与报告年度2019年不一致'],
    ]);
  });

  test('a cited notice`s year in 《…》 and the same year are no finding', () => {
    const lines = [
      '某局2021年政府信息公开工作年度报告',
      '根据《关于做好2020年度政府信息公开工作年度报告编制工作的通知》要求，现将2021年度政府信息公开工作年度报告公布如下。',
      ...HEADINGS,
    ];
    const report = buildFacts({ year: 2021, text: readDocumentText(lines, '2021') });
    assert.deepEqual(failures(checkNamedReportYear, report), []);
  });

  test('the report`s own title in 《…》 after 编制了 is its name (probeH6 049), a cited notice`s still is not', () => {
    const intro =
      '根据《中华人民共和国政府信息公开条例》(以下简称条例)及山东省、济宁市、邹城市关于政府信息公开工作的有关规定,我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》。本年度报告由政府信息公开工作总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,政府信息公开工作中存在的问题及改进措施等六部分组成,所列数据的统计期限自2021年1月1日起至12月31日止,全文可同时在“邹城市人民政府”门户网站(www.zoucheng.gov.cn)进行查阅或下载。';
    const text = readDocumentText([intro, ...HEADINGS], '2021');
    assert.equal(text.year, 2021);
    assert.deepEqual(failures(checkNamedReportYear, buildFacts({ year: 2021, text })), [
      ['META-YEAR-TEXT', 'warning', '正文“根据《中华人民共和国政府信息公开条例》(以下简称…”称2020年度报告，与报告年度2021年不一致'],
    ]);
    // the same title and year: no finding; a past report published (及时发布《…》) or a notice cited: skipped
    for (const line of [
      intro.replace('2020年政府', '2021年政府'),
      '2021年,我镇及时发布《田黄镇2020年政府信息公开工作年度报告》,所列数据的统计期限自2021年1月1日起至12月31日止。',
      '按照《关于做好2020年政府信息公开工作年度报告编制工作的通知》编制了本报告,统计期限自2021年1月1日起至12月31日止。',
    ]) {
      const other = readDocumentText([line, ...HEADINGS], '2021');
      assert.deepEqual(failures(checkNamedReportYear, buildFacts({ year: 2021, text: other })), [], line);
    }
  });
});

describe('META-YEAR-TEXT (46): last year`s report in a list of what was published', () => {
  test('an item after 包括 and before 、 is no finding (probeI5 007); the report presenting itself still is one', () => {
    const lines = [
      '鼓楼区五凤街道办事处2023年政府信息公开工作年度报告',
      '一、总体情况',
      '1.主动公开。2023年我街道高度重视政府信息公开工作,结合本单位实际,扎实有效地推进政府信息公开。2023年街道主动公开政府信息3条,其中:年报1条,机构职能2条。包括鼓楼区五凤街道办事处2022年政府信息公开工作年度报告、五凤街道关于调整班子领导分工的通知。',
    ];
    const text = readDocumentText(lines, 'unknown');
    assert.deepEqual([text.year, text.yearSource], [2023, 'title']);
    assert.deepEqual(failures(checkNamedReportYear, buildFacts({ year: 2023, text })), []);
    // the same words as the report's own, outside a list: a finding
    const own = readDocumentText([lines[0]!, '现将鼓楼区五凤街道办事处2022年政府信息公开工作年度报告公布如下。', lines[1]!], 'unknown');
    assert.equal(failures(checkNamedReportYear, buildFacts({ year: 2023, text: own })).length, 1);
  });
});

describe('META-YEAR-TEXT (46): last year`s reports made in the year reported on', () => {
  test('several bodies` reports, or a report as the object of the year`s work, are not this report (probeJ3 014)', () => {
    const title = '天津市和平区2023年政府信息公开工作年度报告';
    const period = '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。';
    const sentence =
      '2023年全年指导各单位在区政府门户网站主动公开政府信息3845条,同时,规定时间内完成了2022年区政府、各信息公开单位政府信息公开年度报告编制及公布工作。';
    const read = (line: string) => {
      const text = readDocumentText([title, period, '一、总体情况', line], 'unknown');
      return failures(checkNamedReportYear, buildFacts({ year: text.year, text }));
    };
    assert.deepEqual(read(sentence), []);
    // one body's report of last year, made and published this year (编制及公布工作): no finding either
    assert.deepEqual(read('规定时间内完成了2022年度政府信息公开工作年度报告的编制和发布工作。'), []);
    // the report presenting itself with another year still is one
    assert.equal(read('现将2022年度政府信息公开工作年度报告公布如下。').length, 1);
  });
});

describe('META-YEAR-TEXT (46): last year`s report published in the year reported on', () => {
  test('a bare 发布 of the year before`s report in section 一 is the year`s work (probeL1 006); presented now it is this report', () => {
    const title = '广州市黄埔区人民政府 广州开发区管委会2021年政府信息公开工作年度报告';
    const read = (line: string) => {
      const text = readDocumentText([title, '一、总体情况', line], 'unknown');
      return failures(checkNamedReportYear, buildFacts({ year: text.year, text }));
    };
    assert.deepEqual(
      read('及时准确发布2020年政府信息公开工作年度报告。通过市行政规范性文件统一发布平台及区政府门户网站发布行政规范性文件59件。'),
      [],
    );
    // the report presenting itself (现/特/特此 before the verb, 如下 after it) still is compared
    for (const line of [
      '现发布2020年政府信息公开工作年度报告。',
      '特向社会公布2020年政府信息公开工作年度报告。',
      '特此公布2020年政府信息公开工作年度报告。',
      '按照要求公布2020年政府信息公开工作年度报告如下。',
    ]) {
      assert.equal(read(line).length, 1, line);
    }
    // another year than the one before: still a finding
    assert.equal(read('及时准确发布2019年政府信息公开工作年度报告。').length, 1);
  });
});

describe('META-YEAR-TEXT (46) on a web page', () => {
  test('links to other years` reports around the article (上一篇, bullets, 相关链接) are no finding, and not the title', () => {
    const lines = [
      '相关链接：',
      '· 某局2022年政府信息公开工作年度报告',
      '上一篇：某局2021年政府信息公开工作年度报告',
      '某局2023年政府信息公开工作年度报告',
      ...HEADINGS,
    ];
    const text = readDocumentText(lines, '2021');
    assert.deepEqual([text.agency, text.year], ['某局', 2023]);
    assert.deepEqual(failures(checkNamedReportYear, buildFacts({ year: 2023, text })), []);
  });

  test('a line that is only another report`s title or file name (an attachment, a related link) is no finding', () => {
    const intro = '根据要求，现将本局2019年度政府信息公开工作年度报告公布如下。';
    for (const line of [
      '附件：1.2023年政府信息公开工作年度报告.pdf',
      '国务院办公厅2023年政府信息公开工作年度报告',
      '2.2022年度政府信息公开工作年度报告（全文）',
    ]) {
      const text = readDocumentText(['某局2019年政府信息公开工作年度报告', intro, line], '2021');
      assert.deepEqual(failures(checkNamedReportYear, buildFacts({ year: 2019, text })), [], line);
    }
    // within a sentence it still is one
    const text = readDocumentText(['某局2019年政府信息公开工作年度报告', '现将2023年政府信息公开工作年度报告公布如下。'], '2021');
    assert.equal(failures(checkNamedReportYear, buildFacts({ year: 2019, text })).length, 1);
  });
});

describe('STRUCT-NUMBERING (47)', () => {
  test('two sections numbered 一', () => {
    const lines = ['一、总体情况', '全年工作有序开展。', '一、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'];
    assert.deepEqual(failures(checkHeadingNumbering, facts(lines)), [
      ['STRUCT-NUMBERING', 'warning', '标题“一、主动公开政府信息情况”与“一、总体情况”序号重复，应为“二、主动公开政府信息情况”'],
    ]);
  });

  test('the six headings in order are no finding', () => {
    assert.deepEqual(failures(checkHeadingNumbering, facts(HEADINGS)), []);
  });
});

describe('NARR-CHANNEL (49)', () => {
  const report = (lines: readonly string[]) =>
    buildFacts({ year: 2022, text: readDocumentText([HEADINGS[0]!, ...lines, ...HEADINGS.slice(1)], '2021') });
  const evaluate = (lines: readonly string[]) => checkNarrativeChannel({ report: report(lines), settings: DEFAULT_VALIDATION_SETTINGS });

  test('one column given two counts of the information it published: warning', () => {
    assert.deepEqual(
      failures(
        checkNarrativeChannel,
        report([
          '2022年,我局通过示范区管委会网站审计信息栏目公开信息20条。',
          '在管委会网站设置有审计信息专栏,全年通过审计信息专栏公开政府信息16条。',
        ]),
      ),
      [
        [
          'NARR-CHANNEL',
          'warning',
          '正文两处所述“审计信息”栏目公开信息数不一致：“我局通过示范区管委会网站审计信息栏目公开信息20…”为20条，“全年通过审计信息专栏公开政府信息16条”为16条',
        ],
      ],
    );
  });

  test('the same count twice passes; other columns, other things published, other years and totals are not compared', () => {
    assert.deepEqual(
      evaluate(['通过审计信息栏目公开信息20条。', '全年通过审计信息专栏公开政府信息20条。']).map((e) => e.status),
      ['pass'],
    );
    assert.deepEqual(
      evaluate([
        '通过审计信息栏目公开信息20条。',
        '通过政务公开栏目公开信息16条。',
        '通过审计信息专栏发布政策解读5条。',
        '2021年通过审计信息专栏公开信息16条。',
        '审计信息专栏累计公开信息300条。',
      ]),
      [],
    );
  });
});

describe('NARR-T3-HANDLED (51)', () => {
  const report = (sentence: string, cells: Record<string, number> = { 'outcome.total.total': 148 }) =>
    buildFacts({ cells, text: readDocumentText([HEADINGS[0]!, sentence, ...HEADINGS.slice(1)], '2021') });
  const handled = (sentence: string, cells?: Record<string, number>) => failures(checkNarrativeHandled, report(sentence, cells));

  test('applications the narrative says were concluded or answered against table 三 （七）总计', () => {
    assert.deepEqual(handled('2025年，全区共收到政府信息公开申请154件，共办结140件，结转至2026年6件。'), [
      ['NARR-T3-HANDLED', 'warning', '正文称办结（答复）申请140件，表三“（七）总计”为148件'],
    ]);
    assert.equal(handled('依申请公开方面，全年答复政府信息公开申请150件。').length, 1);
    // the corpus's wordings, each equal to its table (g010, g011 written with its own figures)
    assert.deepEqual(handled('2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。'), []);
    assert.deepEqual(
      handled('全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件）', { 'outcome.total.total': 3050 }),
      [],
    );
  });

  test('no finding for a part of the applications, other business, or a sentence not about 公开 applications', () => {
    // parts: after 其中, or answered in one way only
    assert.deepEqual(handled('收到政府信息公开申请154件，其中办结140件，正在办理14件。'), []);
    assert.deepEqual(handled('收到政府信息公开申请154件，按时答复140件，延期答复8件。'), []);
    // answered in one way each (a real page's breakdown)
    assert.deepEqual(
      handled('受理政府信息公开申请35件，同意公开答复9件，部分公开答复0件，不予公开答复2件，转下一年度办理答复的有1件。'),
      [],
    );
    // other business counted with the same verbs
    assert.deepEqual(handled('全年受理政务咨询留言500件，均已答复办结500件，收到政府信息公开申请154件。'), []);
    assert.deepEqual(handled('办理政府信息公开行政复议案件3件，均已办结3件，另有依申请公开事项若干。'), []);
    assert.deepEqual(handled('办理人大代表建议和政协提案20件，办结20件。'), []);
  });

  test('a sentence naming only 申请 is read under a sub-heading about applications (corpus g006), nowhere else', () => {
    const page = (subHeading: string, sentence: string) =>
      `${subHeading}我区高度重视依申请公开工作的办理。${sentence}（三）政府信息管理方面。一是加强组织领导。`;
    const cells = { 'outcome.total.total': 69, 'carried_out.total': 1 };
    const sentence = '本年度全区共收到70件申请，及时依法依规办结68件，2件结转下年度继续办理。';
    assert.deepEqual(handled(page('（二）依申请公开方面。', sentence), cells), [
      ['NARR-T3-HANDLED', 'warning', '正文称办结（答复）申请68件，表三“（七）总计”为69件'],
    ]);
    assert.deepEqual(failures(checkNarrativeCarried, report(page('(二)依申请公开情况：', sentence), cells)), [
      ['NARR-T3-CARRIED', 'warning', '正文称结转下年度申请2件，表三“四、结转下年度继续办理”总计为1件'],
    ]);
    assert.deepEqual(
      handled(page('（二）依申请公开方面。', '本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。'), cells),
      [],
    );
    // another sub-heading, none, or other business named before the clause: not read
    assert.deepEqual(handled(page('（二）平台建设方面。', sentence), cells), []);
    assert.deepEqual(handled(`我区高度重视相关工作。${sentence}`, cells), []);
    assert.deepEqual(handled(page('（二）依申请公开方面。', '全年收到行政复议申请70件，办结68件。'), cells), []);
  });

  test('an absent （七）总计 is not assessable, never a finding', () => {
    const evaluations = checkNarrativeHandled({
      report: report('共收到政府信息公开申请154件，共办结140件。', {}),
      settings: DEFAULT_VALIDATION_SETTINGS,
    });
    assert.deepEqual(
      evaluations.map((e) => e.status),
      ['not_assessable'],
    );
  });
});

describe('NARR-T3-CARRIED (52)', () => {
  const cells = { 'carried_in.total': 34, 'carried_out.total': 103 };
  const carried = (sentence: string, values: Record<string, number> = cells) =>
    failures(
      checkNarrativeCarried,
      buildFacts({ cells: values, text: readDocumentText([HEADINGS[0]!, sentence, ...HEADINGS.slice(1)], '2021') }),
    );

  test('the applications carried over from the year before and into the next against table 三 二 and 四', () => {
    assert.deepEqual(carried('全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请30件，另有100件顺延到下年度答复）。'), [
      ['NARR-T3-CARRIED', 'warning', '正文称上年结转申请30件，表三“二、上年结转政府信息公开申请数量”总计为34件'],
      ['NARR-T3-CARRIED', 'warning', '正文称结转下年度申请100件，表三“四、结转下年度继续办理”总计为103件'],
    ]);
    assert.equal(carried('全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。').length, 1);
    // the corpus's wordings with their own tables' figures (g010, g011)
    assert.deepEqual(carried('全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。', { 'carried_out.total': 6 }), []);
    assert.deepEqual(carried('全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。'), []);
    assert.deepEqual(carried('收到政府信息公开申请3119件，上年结转申请34件，103件结转下年度办理。'), []);
  });

  test('no finding for a part (其中), other business, or a sentence not about 公开 applications', () => {
    assert.deepEqual(carried('全年收到政府信息公开申请3119件，其中上年结转30件。'), []);
    assert.deepEqual(carried('全年收到政府信息公开申请3119件，另有5件行政复议结转下年度。'), []);
    assert.deepEqual(carried('全年受理行政许可申请500件，结转下年度20件。'), []);
  });
});

describe('NARR-ORDINAL (53)', () => {
  const inProblems = (...lines: string[]) => facts([...HEADINGS.slice(0, 4), ...HEADINGS.slice(4, 5), ...lines, HEADINGS[5]!]);

  test('an item skipped and an item given twice (corpus g008)', () => {
    assert.deepEqual(
      failures(
        checkListOrdinals,
        inProblems(
          '存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确；三是开拓创新不够有力；三是政策解读的质量有待提高。',
        ),
      ),
      [
        [
          'NARR-ORDINAL',
          'warning',
          '正文“一是部分单位信息发布属性界定还不够精确；三是开拓…”起所列各项序号为“一是、三是、三是”，不连续（缺少“二是”；“三是”重复）',
        ],
      ],
    );
    assert.deepEqual(
      failures(checkListOrdinals, inProblems('改进措施：一是加大检查力度；二是提升内容质量；四是拓宽互动渠道。')).map((f) => f[2]),
      ['正文“一是加大检查力度；二是提升内容质量；四是拓宽互动…”起所列各项序号为“一是、二是、四是”，不连续（缺少“三是”）'],
    );
  });

  test('lists in sequence, each from its 一是, across lines, pass', () => {
    const report = inProblems(
      '问题：一是队伍建设有待加强；二是答复质量待提升。',
      '下一步：一是强化队伍建设。',
      '二是提升答复质量。',
      '三是优化平台互动。',
    );
    assert.deepEqual(failures(checkListOrdinals, report), []);
    const evaluations = checkListOrdinals({ report, settings: DEFAULT_VALIDATION_SETTINGS });
    assert.equal(evaluations.length, 2, 'each list of two or more items is one evaluation');
  });

  test('what cannot be told is no finding: a 一是 run into a heading, 统一是, an ordinal going back', () => {
    // corpus g005: `5.加强平台建设一是…二是…` after a list that ended at 二是.
    assert.deepEqual(
      failures(checkListOrdinals, inProblems('一是完善制度；二是加强培训。5.加强平台建设一是上线新系统。二是推动热线入驻。三是做精做强。')),
      [],
    );
    assert.deepEqual(failures(checkListOrdinals, inProblems('一是完善制度；二是标准统一是关键；三是加强培训。')), []);
    assert.deepEqual(failures(checkListOrdinals, inProblems('一是完善制度，二是加强培训，三是强化考核；二是另一层级的事项。')), []);
    assert.deepEqual(failures(checkListOrdinals, inProblems('二是加强培训；三是强化考核。')), []);
  });

  test('a page that lost the punctuation before the next item: that item all the same (probeH10 015)', () => {
    const report = facts([
      HEADINGS[0]!,
      '2023年,我委持续推进政府信息公开工作。一是主动公开方面秉持“以公开为常态、不公开为例外”原则,确保民众及时获取关键信息二是依申请公开方面。规范依申请公开流程,本年度共收到依申请公开事项0三是政府信息管理方面。建立健全信息审核机制,保障信息的时效性与准确性四是政府信息公开平台建设方面。增强与公众的互动交流五是监督保障方面。明确责任分工。',
      ...HEADINGS.slice(1),
    ]);
    assert.deepEqual(failures(checkListOrdinals, report), []);
    // an item skipped after such an item is still one
    assert.equal(failures(checkListOrdinals, inProblems('一是完善制度确保及时二是加强培训；四是强化考核。')).length, 1);
  });

  test('a table of contents joined into one line (dot leaders, page numbers) keeps its items apart (a real page)', () => {
    assert.deepEqual(
      failures(
        checkListOrdinals,
        inProblems('一是落实重大决策预公开。 ......... 8 二是搭建网上服务平台。 ......... 8 三是完善互动交流平台。 ......... 9'),
      ),
      [],
    );
    assert.deepEqual(failures(checkListOrdinals, inProblems('一是落实预公开。 .........二是搭建平台。 ......... 三是完善平台。')), []);
  });
});

describe('NARR-ORDINAL (53) and sub-headings', () => {
  const inOverviewLines = (...lines: string[]) => facts([HEADINGS[0]!, ...lines, ...HEADINGS.slice(1)]);
  test('a sub-heading ends the list before it, on its own line or inside a run-together one', () => {
    const own = inOverviewLines(
      '(二)健全工作机制。一是严格执行制度。二是组建工作群。',
      '(三)拓宽信息公开形式。充分利用门户网站,二是积极利用微信公众号。',
    );
    assert.deepEqual(failures(checkListOrdinals, own), []);
    const heading = inOverviewLines(
      '(二)健全工作机制',
      '一是严格执行制度。二是组建工作群。',
      '（三）拓宽信息公开形式',
      '二是积极利用微信公众号。',
    );
    assert.deepEqual(failures(checkListOrdinals, heading), []);
    const runTogether = inOverviewLines('（二）健全工作机制。一是严格执行制度。二是组建工作群。（三）拓宽形式。二是积极利用微信公众号。');
    assert.deepEqual(failures(checkListOrdinals, runTogether), []);
    // within one sub-heading the list is still checked
    const skipped = inOverviewLines('（二）健全工作机制。一是严格执行制度。三是组建工作群。（三）拓宽形式。一是利用网站。');
    assert.equal(failures(checkListOrdinals, skipped).length, 1);
  });
});

describe('NARR-SUM-LIST (44): 内容包括 with notes, and parts right after a total (probe round 17, fixR)', () => {
  test('a 包括 list after a noun, with bracketed notes and items without a count, above its total (probeP1 013)', () => {
    assert.deepEqual(
      failures(
        checkNarrativeSumList,
        inOverview(
          '2023年,小龙坎街道始终坚持以人民为中心,通过网站公开信息346条,内容包括日常工作情况240条(街道11个科室以及4个社区)、政府信息公开指南(2023年版)1条、法定主动公开内容36条(政策文件、机关简介、机构职能)、2022年政府信息公开工作年度报告、政务公开标准目录(2023年版)、基层政务公开70条(养老服务、社会救助、公共服务、计划生育服务、救灾等),涉及经济、法治等类别。',
        ),
      ),
      [['NARR-SUM-LIST', 'warning', '“2023年,小龙坎街道始终坚持以人民为中心,通过…”：总数346条，分项合计347条（240+1+36+70）']],
    );
    // a bracket counting in the list's unit is the part's own breakdown, left out as rule 29's parse does
    assert.equal(
      parseLooseSum('通过网站公开信息346条,内容包括日常工作情况240条(其中通知10条)、基层政务公开70条(街道11个科室)')?.detail,
      '240+70',
    );
  });

  test('kinds right after the total, with no 其中, above it: warning (probeP2 022)', () => {
    assert.deepEqual(
      failures(
        checkNarrativeSumList,
        inOverview(
          '本年度我局向赫章县人民政府网站累计公布信息69条,工作动态61条,运输管理5条,建设管理3条,航务管理1条,依申请公开事项办结1件,县长信箱回复5条。',
        ),
      ),
      [['NARR-SUM-LIST', 'warning', '“本年度我局向赫章县人民政府网站累计公布信息69条…”：总数69条，分项合计70条（61+5+3+1）']],
    );
    assert.equal(parseUnmarkedSum('累计公布信息69条,工作动态61条,运输管理5条,建设管理3条,航务管理1条')?.detail, '61+5+3+1');
    // a total that is a kind itself, listed beside other kinds (corpus g005), a 共 inside a word (公共服务16条),
    // channels or a verb after the total, and a single part are no list
    for (const sentence of [
      '2020年共发布生态环境保护类信息40条，征地信息类121条，土地出让类信息39条。',
      '全年通过街道门户网站发布工作情况49条,公告公示59条,公共服务16条,农村危房改造4条,救灾领域3条,涉农补贴22条。',
      '全年共发布信息100条,政务微博80条,微信公众号60条。',
      '全年共发布信息100条,回复留言80条,办结诉求60条。',
      '全年共发布信息100条,工作动态120条。',
    ]) {
      assert.equal(parseUnmarkedSum(sentence), null, sentence);
    }
  });
});

describe('META-YEAR-TEXT (46): the report presenting itself without the name 年度报告 (probe round 17, fixR)', () => {
  test('`现将2022年度政府信息公开工作报告如下` in a report whose period is 2021 (probeP2 007)', () => {
    const lines = [
      '根据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称《条例》)文件精神及省、州关于政府信息公开工作要求,现将2022年度政府信息公开工作报告如下。',
      '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
      '一、总体情况',
    ];
    const text = readDocumentText(lines, 'unknown');
    assert.deepEqual([text.year, text.yearSource], [2021, 'period']);
    assert.deepEqual(failures(checkNamedReportYear, buildFacts({ year: text.year, text })), [
      ['META-YEAR-TEXT', 'warning', '正文“根据《中华人民共和国政府信息公开条例》(国务院令…”称2022年度报告，与报告年度2021年不一致'],
    ]);
    // the same year, several bodies' work, and 工作情况汇报 of the year: no finding
    for (const line of [
      '现将2021年度政府信息公开工作报告如下。',
      '现将我局2021年度政府信息公开工作情况报告如下。',
      '现将各乡镇2022年度政府信息公开工作情况汇报如下。',
    ]) {
      const other = readDocumentText([line, lines[1]!, lines[2]!], 'unknown');
      assert.deepEqual(failures(checkNamedReportYear, buildFacts({ year: other.year, text: other })), [], line);
    }
  });
});

describe('probe round 18 (r18f)', () => {
  test('NARR-SUM-LIST: a catch-all list cut off by the end of the text reads no shortfall (as probeQ3 039 for rule 30)', () => {
    const cut = '共主动公示84条信息，其中通知5条，其他信息3条，政府重点工作落实';
    // a text without tables that ends in the list, no closing mark
    const ending = (lines: readonly string[]) => facts(lines, { narrativeLines: lines, tablesFound: [] });
    assert.deepEqual(failures(checkNarrativeSumList, ending([HEADINGS[0]!, cut])), []);
    // closed by its full stop, it is read as before
    assert.deepEqual(failures(checkNarrativeSumList, ending([HEADINGS[0]!, `${cut}。`])), [
      ['NARR-SUM-LIST', 'warning', '“共主动公示84条信息，其中通知5条，其他信息3条…”：总数84条，分项合计8条（5+3）'],
    ]);
  });
});
