// The "共X条，其中…" parse and NARR-SUM / NARR-SUM-PARTIAL (validation-rules.md §3, rules 29, 30).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildFacts } from '#test/factories/report-facts.ts';
import { readDocumentText } from '../read/read-document-text.ts';
import { TEMPLATE_2021 } from '../template.ts';
import { checkNarrativeSums, parseNarrativeSum } from './narrative-sums.ts';
import { DEFAULT_VALIDATION_SETTINGS } from './rule.ts';

describe('the parse of §3', () => {
  const rows = [
    {
      sentence: '共发布信息10条，其中通知3条、公告2条，动态5条',
      expected: { total: 10, unit: '条', sum: 10, detail: '3+2+5', catchAll: false },
      why: 'parts split at ，and 、',
    },
    {
      sentence: '共发布表格77条,其中,补贴公示4条,低保、低边、特困各12条',
      expected: { total: 77, unit: '条', sum: 40, detail: '4+3×12', catchAll: false },
      why: 'a distributive part counts its labels',
    },
    {
      sentence: '发布信息657条，其中重要信息55条，政府公开信息459条，新开辟专栏3个',
      expected: { total: 657, unit: '条', sum: 514, detail: '55+459', catchAll: false },
      why: 'a part in another unit ends the list',
    },
    {
      sentence: '共计20件：其中予以公开5件，其他15件',
      expected: { total: 20, unit: '件', sum: 20, detail: '5+15', catchAll: true },
      why: 'a colon before 其中, a catch-all part',
    },
  ] as const;
  for (const row of rows) {
    test(`${row.why}: ${row.sentence}`, () => {
      assert.deepEqual(parseNarrativeSum(row.sentence), row.expected);
    });
  }

  test('an approximate total or part (余, 多) is skipped; one plain part is no list', () => {
    assert.equal(parseNarrativeSum('共发布信息1000余条，其中通知3条、公告2条'), null);
    assert.equal(parseNarrativeSum('共发布信息100条，其中通知3多条、公告2条'), null);
    assert.equal(parseNarrativeSum('共发布信息100条，其中通知3条'), null);
    assert.equal(parseNarrativeSum('发布信息100条'), null);
  });

  test('a channel`s count after kinds of information ends the list; channels alone, or kinds with a verb, stay parts', () => {
    // a real page: the seven kinds add up to 172; the WeChat account's 224 posts are another count
    assert.deepEqual(
      parseNarrativeSum(
        '主动公开政府信息172条,其中工作动态信息91条,通知公告19条,小额工程采购47条,法规文件及解读7条,会议报告3条,规划计划2条,人事信息3条,云林新韵微信公众号发布信息224条',
      ),
      { total: 172, unit: '条', sum: 172, catchAll: false, detail: '91+19+47+7+3+2+3' },
    );
    assert.equal(parseNarrativeSum('共发布信息172条，其中通过门户网站发布100条、微信公众号发布72条')?.sum, 172);
    // a real page: three channels, a 专栏 among them
    assert.equal(
      parseNarrativeSum('全县累计发布各类政府信息10615条,其中:县政府网站发布3335条,政府信息公开专栏发布954条,政务新媒体发布6326条')?.sum,
      10615,
    );
    // corpus p027: every part a kind of information with a verb, none a channel
    assert.equal(
      parseNarrativeSum('共主动公开信息197篇,其中公开政务动态类信息67篇,公开征求意见2篇,转载公开政策文件4篇,发布通知公告类信息124篇')?.sum,
      197,
    );
  });

  test('parts saying through which channel (通过…网站公开) are channels, not kinds: another channel after them is one more part (probeH3 009)', () => {
    assert.deepEqual(
      parseNarrativeSum(
        '主动公开政府信息8769条,其中,通过市政府网站公开信息2100条,通过县政府门户网站发布政府信息5469条,通过新闻媒体公开信息1600条、通过其他形式公开信息600条',
      ),
      { total: 8769, unit: '条', sum: 9769, detail: '2100+5469+1600+600', catchAll: false },
    );
    // approximate parts in the sentence of the total: left to NARR-SUM-LIST
    assert.equal(parseNarrativeSum('主动公开政府信息8769条,其中,通过市政府网站公开信息2100条,通过新闻媒体公开信息9000余条'), null);
  });

  test('a board or screen that published (公示栏上公开, 电子屏滚动播放) is a channel too: its count ends a list of kinds', () => {
    // a real page (probeT 004): 6 + 2 + 2 + 30 = 40; the notice board's 15 and 6 are another channel's counts
    assert.equal(
      parseNarrativeSum(
        '2025年度共公开政务信息40条,其中文件类6条,执行法规条例类2条,督察和审计类2条,行政执法类30条,单位公示栏上公开财务公开15条,政务公开6条。',
      )?.sum,
      40,
    );
    assert.equal(parseNarrativeSum('共公开信息30条，其中人事信息10条，财务信息8条，电子屏滚动播放信息12条')?.sum, 18);
    // a website's column (公开栏目) is no board: its count stays a part
    assert.equal(parseNarrativeSum('共发布信息30条，其中通知公告10条，政务公开栏目发布信息20条')?.sum, 30);
  });

  test('a part with a list of its own in brackets ends the list (its parts are no parts of the total)', () => {
    assert.equal(
      parseNarrativeSum(
        '主动公开政府信息数455条,其中:政府网站公开政府信息数127条(其中领导信息2条,预算决算16条,公示公告6条,其他政府信息3条);微信公众号发布信息328条',
      ),
      null,
    );
  });

  test('a count right before the total, joined by a comma or 、, is split by the same 其中 (real pages)', () => {
    // 21 received + 2 carried over = 20 online + 3 written
    assert.equal(
      parseNarrativeSum('2025关东街共受理政府信息公开申请21件,结转上年度2件,其中网上申请20件,书面申请3件,已办结18,结转下年度继续办理5。')
        ?.total,
      23,
    );
    assert.equal(
      parseNarrativeSum('因政府信息公开产生行政复议案件3件、行政诉讼案件3件,其中行政复议结果维持3件、行政诉讼结果维持3件')?.total,
      6,
    );
    // The parts add up to neither the total nor both counts: the total as §3 reads it.
    assert.deepEqual(parseNarrativeSum('收到申请9件,上年转结1件,其中网络申请4件,信函申请4件'), {
      total: 1,
      unit: '件',
      sum: 8,
      catchAll: false,
      detail: '4+4',
    });
    // A sentence ends the count before: no join across 。
    assert.equal(parseNarrativeSum('收到申请9件。上年转结1件,其中网络申请5件,信函申请5件')?.total, 1);
  });

  test('a part`s own outcomes after it (`行政复议7件，结果维持6件，尚未审结1件`) are its breakdown, not more parts', () => {
    assert.deepEqual(
      parseNarrativeSum('因信息公开引发行政争议11件,其中,行政复议7件,结果维持6件,尚未审结1件;行政诉讼4件,结果维持2件,尚未审结2件'),
      { total: 11, unit: '件', sum: 11, catchAll: false, detail: '7+4' },
    );
    // the list cut at `;` before the second part: one part left, no check
    assert.equal(parseNarrativeSum('因信息公开引发行政争议11件,其中,行政复议7件,结果维持6件,尚未审结1件'), null);
    // parts that are no outcomes stay parts, even where some add up to another
    assert.equal(parseNarrativeSum('收到申请10件,其中自然人8件,法人4件,网上2件,信函2件')?.sum, 16);
    // removing the breakdown would not bring the sum to the total: the parts stay as read
    assert.equal(parseNarrativeSum('共有案件5件,其中行政复议7件,结果维持6件,尚未审结1件,行政诉讼4件')?.sum, 18);
  });

  test('labels holding 、 or a bracket without figures, a note after the count, a space before the unit (real pages)', () => {
    assert.equal(
      parseNarrativeSum(
        '平度政务网发布信息107条,其中公文法规6条,公文解读2条,人事任免4条,规划计划信息6条,财政财务信息18条,工作动态55条,公告公示3条,治安管理、道路交通、出入境和户籍等公安业务类信息13条',
      )?.sum,
      107,
    );
    assert.equal(
      parseNarrativeSum(
        '累计主动公开政府信息318条,其中工作动态289条,领导、机构信息10条、通知公告6条,财政预决算信息5条,其他类(图片信息、法规公文、规划计划、人事信息)8条',
      )?.sum,
      318,
    );
    assert.equal(
      parseNarrativeSum('主动公开政府信息151条,其中部门文件信息公开12条,政府工作报告1条,工作动态类信息(含通知公告)135条,财政预决算3条')
        ?.sum,
      151,
    );
    assert.equal(parseNarrativeSum('全年共发布212条,其中财政决算(部门)2条,行政处罚信息51条,对外宣传类信息97条(基层动态)')?.sum, 150);
    assert.equal(
      parseNarrativeSum('累计发布各类政务信息 10300 条,其中发布概况类信息 32条,政务动态信息 3129条,信息公开目录发布 4282 条')?.sum,
      7443,
    );
    // a count in another unit inside a 、 run still ends the list
    assert.equal(parseNarrativeSum('累计公开2698条,其中:工作动态1201条、通知公告251条、征集调查16期、其他类信息1141条')?.sum, 1452);
    // a bracket with figures closed right after a part's count is that part's own breakdown: the part is its count,
    // and the list goes on after it (probeH9 030) — 2 + 2 + 2 + 5; it had ended the list (2 + 2)
    assert.equal(parseNarrativeSum('公开信息22条,其中人事信息2条,动态信息2条,财务信息2条(其中预算1条、决算1条),计划总结5条')?.sum, 11);
  });

  test('a part`s own breakdown in a bracket closed within its piece is left out, the list read on (probeH9 030)', () => {
    // `省政府工作报告2条(中英文各1条)` in the middle of a 、 run: 11 + 8 + 102 + 2 + 1 + 4 + 213 + 2 + 2 = 345
    assert.deepEqual(
      parseNarrativeSum(
        '2023年,通过省政府门户网站、《广东省人民政府公报》及官方微博微信等主动公开政府信息345条,其中规章11条、行政规范性文件8条、其他文件102条,省政府工作报告2条(中英文各1条)、人大代表建议及政协提案办理信息1条、财政预决算信息4条、政务动态类信息213条、其他信息2条、政府信息公开工作年度报告2条',
      ),
      { total: 345, unit: '条', sum: 345, catchAll: true, detail: '11+8+102+2+1+4+213+2+2' },
    );
    // a bracket left open, or 其中 without a bracket, still ends the list
    assert.equal(parseNarrativeSum('公开信息22条,其中人事信息2条,动态信息2条,财务信息2条(其中预算1条,决算1条),计划总结5条')?.sum, 4);
    assert.equal(parseNarrativeSum('公开信息22条,其中人事信息2条,动态信息2条,财务信息2条其中预算1条、决算1条,计划总结5条')?.sum, 4);
    // a bracket after no count is part of a label, as before
    assert.equal(parseNarrativeSum('公开信息22条,其中人事信息2条,计划总结5条,动态信息(含通知1条)2条,其他信息3条')?.sum, 7);
  });

  test('a comparison with last year after a part is no part (`比上年度减少838条`)', () => {
    assert.equal(
      parseNarrativeSum('全年主动公开政府信息共3637条,其中行政许可公开信息3121条,比上年度减少838条;行政处罚公开信息412条,比上年度减少93条')
        ?.sum,
      3533,
    );
  });

  test('a long digit run is parsed in linear time', { timeout: 10_000 }, () => {
    assert.equal(parseNarrativeSum(`共1条，其中${'1'.repeat(200_000)}、${'2'.repeat(200_000)}`), null);
  });
});

describe('NARR-SUM and NARR-SUM-PARTIAL', () => {
  const run = (sentence: string) => {
    const lines = [TEMPLATE_2021.sections[0]!.heading, sentence];
    const report = buildFacts({ text: readDocumentText(lines, '2021') });
    return checkNarrativeSums({ report, settings: DEFAULT_VALIDATION_SETTINGS });
  };
  const found = (sentence: string) =>
    run(sentence).flatMap((e) => (e.finding ? [[e.finding.rule, e.finding.severity, e.finding.message]] : []));

  test('parts above the total: warning, with the 24-character excerpt', () => {
    assert.deepEqual(found('门户网站全年共发布各类信息120条，其中通知公告70条，政策解读60条。'), [
      ['NARR-SUM', 'warning', '“门户网站全年共发布各类信息120条，其中通知公告…”：总数120条，分项合计130条（70+60）'],
    ]);
  });

  test('parts below the total with a catch-all part: warning', () => {
    assert.deepEqual(found('共发布信息100条，其中通知30条，其他信息50条。'), [
      ['NARR-SUM', 'warning', '“共发布信息100条，其中通知30条，其他信息50…”：总数100条，分项合计80条（30+50）'],
    ]);
  });

  test('parts below the total without a catch-all: notice (the parts may be a selection)', () => {
    assert.deepEqual(found('共发布信息100条，其中通知30条，公告50条。'), [
      ['NARR-SUM-PARTIAL', 'notice', '“共发布信息100条，其中通知30条，公告50条”：总数100条，分项合计80条（30+50）'],
    ]);
  });

  test('a list that adds up to the total when read on past where the parse ended it: no notice (real pages)', () => {
    const lines = [
      // probeY 014: the WeChat account's count, which ends a list of kinds, is the rest of the 347
      '截至2022年12月31日,全镇公开各类信息347条,其中,年度信息公开报告1条,财政信息2条,政务动态类信息8条,“丹阳古城过风楼”微信公众号发布信息336条。',
      // probeX 019: a clause without a count in the middle of the list
      '主动公开信息127条,其中,重大项目建设信息89条,本单位财政预算决算2条,农村危房改造类信息5条,保障性住房信息17条,新增设市政服务信息栏目,公开市政道路及城镇燃气相关信息7条,涉企行政检查7条。通过主动公开政务信息,切实保障了人民群众的知情权。',
      // probeV 037: over `；` and into the next sentence
      '2019年,我委网站主动公开政务动态信息959条,其中本单位工作动态信息92条,卫生单位动态信息81条;机构设置、政策法规、各类公文等信息94条;公示公告109条。重点信息方面,建议提案办理结果22条,信用公示信息118条,水质监测数据365条,专题专栏78条。',
      // probeT 047: each column's count, then its own parts
      // probeH2 025: a part's own breakdown in a bracket closed right after its count (2 = 1 + 1)
      '主动公开各类政府信息22条,其中发布人事信息2条,动态信息2条,部门财务信息2条(其中部门预算1条、部门决算1条),计划总结5条,审计计划1条,审计结果4条,审计整改1条,其他信息5条。',
      '2023年,我委政府门户网站发布信息104条,其中新闻栏目全年发布信息5条,今日秀英发布信息2条,政务动态栏目发布信息3条;政策栏目全年发布信息14条,人事任免栏目发布信息3条,规划计划发布信息1条,计划规划发布信息1条,重点领域信息公开发布信息9条;信息公开栏目全年发布信息85条,政策发布信息2条,政府信息公开制度信息发布1条,法定主动公开内容82条;',
    ];
    for (const line of lines) {
      assert.deepEqual(found(line), [], line);
    }
    // read on, the parts still fall short of the total (or pass it): the notice stays
    assert.deepEqual(found('共发布信息100条，其中通知30条，公告50条；另发布动态10条。'), [
      ['NARR-SUM-PARTIAL', 'notice', '“共发布信息100条，其中通知30条，公告50条”：总数100条，分项合计80条（30+50）'],
    ]);
    assert.deepEqual(found('共发布信息100条，其中通知30条，公告50条；另发布动态30条。').length, 1);
    // a bracket's parts are no part of the total: 30 + 20 + 40 falls short of 100 (with them, 30 + 20 + 40 + 5 + 5 = 100)
    assert.deepEqual(found('共发布信息100条，其中通知30条，公告20条，公示40条(其中公示5条、公告5条)。').length, 1);
  });

  test('a list with a catch-all part cut at `；` that adds up to the total by the end of its statement: no warning (probeH9 030)', () => {
    assert.deepEqual(
      found(
        '(一)主动公开方面。2023年,通过省政府门户网站、《广东省人民政府公报》及官方微博微信等主动公开政府信息345条,其中规章11条、行政规范性文件8条、其他文件102条;省政府工作报告2条(中英文各1条)、人大代表建议及政协提案办理信息1条、财政预决算信息4条、政务动态类信息213条、其他信息2条、政府信息公开工作年度报告2条。通过省政府新闻办公室举办新闻发布会28次,报道省政府常务会议25次,通过主流媒体延伸宣传解读重要政策文件94篇次、发布相关信息2333条。',
      ),
      [],
    );
    // read on, short of the total, or only past the statement's end: the warning stays
    assert.deepEqual(found('共发布信息100条，其中通知30条，其他信息50条；公告10条。'), [
      ['NARR-SUM', 'warning', '“共发布信息100条，其中通知30条，其他信息50…”：总数100条，分项合计80条（30+50）'],
    ]);
    assert.equal(found('共发布信息100条，其中通知30条，其他信息50条。另发布公告20条。').length, 1);
    // the same words inside an earlier sentence of the line are not this sentence (seed 004): it is read on from itself
    assert.deepEqual(
      found('今年，共发布信息100条，其中通知30条，其他信息50条，网站发布20条。共发布信息100条，其中通知30条，其他信息50条。'),
      [['NARR-SUM', 'warning', '“共发布信息100条，其中通知30条，其他信息50…”：总数100条，分项合计80条（30+50）']],
    );
  });

  test('a 条 list whose last parts are in 件 and that adds up to the total with them: no notice (probeH8 020, probeH7 005)', () => {
    const lines = [
      // probeH8 020: 289 + 14 + 31 + 4 + 2 = 340
      '2023年在官方网站主动发布原创信息340条,其中动态类信息289条,概况类信息14条,政府信息公开专栏信息31条,行政规范性文件4件,政策解读2件。转发国省重要会议、文件和工作动态信息共1404条;通过“资阳发改”政务微信公众号发布信息899条,其中原创信息203条。',
      // probeH7 005: 27 + 198 + 11 = 236
      '2022年度共计公开各类信息236条,其中政府网站发布工作动态27条,微信公众号发布信息198条,回复群众诉求11件。',
    ];
    for (const line of lines) {
      assert.deepEqual(found(line), [], line);
    }
    // with the 件 parts still short of the total, or past it: the notice stays
    assert.equal(found('共发布信息100条，其中通知30条，公告50条，回复诉求10件。').length, 1);
    assert.equal(found('共发布信息100条，其中通知30条，公告50条，回复诉求30件。').length, 1);
  });

  test('a total ending the sentence before a `其中…` list is its total, when the list is whole (real pages)', () => {
    // probeY 029: the parts add up to 498
    assert.deepEqual(
      found(
        '2021年,我局对本年度公开的政府信息进行了认真的梳理和编目,截至12月31日,新增主动公开政府信息502条。其中包括:政策法规45条,重大决策预公开8条,规划计划4条,决策部署落实情况9条,建议提案办理29条,机构领导15条,机构设置12条,财政资金13条,应急管理193条,精准脱贫2条,权责清单和动态调整情况10条,公共服务清单和中介服务6条,行政权力运行81条,“双随机”一公开7条,招标采购8条,新闻发布8条,政策解读4条,回应关切9条,监督保障35条。',
      ),
      [
        [
          'NARR-SUM-PARTIAL',
          'notice',
          '“新增主动公开政府信息502条。其中包括:政策法规…”：总数502条，分项合计498条（45+8+4+9+29+15+12+13+193+2+10+6+81+7+8+8+4+9+35）',
        ],
      ],
    );
    const unread = [
      // probeX 056: the sentence before holds three counts the 其中 may split together
      '2023年,州公安局通过政府网站公开政府信息754条,通过政务新媒体公开政府信息2808条,通过其他方式公开政府信息54条。其中,“临夏公安”微信公众号发布信息1205条、微博12984条、今日头条1118条、门户网站1014条、抖音号628条,总阅读人数达3200万余次。',
      // probeY 016: a count in another unit the parse does not take
      '聚焦经济发展、重大项目、财政信息等重点领域,全年政务公开信息共44条。其中政府信息公开指南1条,财政信息5条,其他法定信息18条,政策文件6件、信息公开工作年报1条、法治政府建设年度报告1条,政策咨询问答库1条,信息主动公开全清单1条,政策解读10条,公开时限均符合法定要求。',
      // probeY 042: the list goes on after `；`
      '2023年度在政府信息公开网站上共新增主动公开政府信息50条。其中机构类信息20条,内有领导成员10条、机构职能4条、机构概况1条、直属单位或下属机构5条;工作类信息11条,其中镇街动态3条、计划总结3条、通知公告5条;政策文件类信息4条。',
      // a comparison is no total
      '全年公开信息300条，较上年增加50条。其中通知公告20条，工作动态20条。',
    ];
    for (const line of unread) {
      assert.deepEqual(found(line), [], line);
    }
  });

  test('a total ending a clause followed only by a rate (超额完成…40%) is the total of the next sentence`s list (probeH6 011)', () => {
    assert.deepEqual(
      found(
        '二是目标完成情况。2021年,主动公开政府信息977条,超额完成全年目标任务40%。其中包括政府文件11条,工作动态信息270条,人事信息28条,财政信息58条,行政权力信息34条,安全生产信息38条,公共服务和资源配置信息43条,重大项目信息67条,其他信息145条。',
      ),
      [
        [
          'NARR-SUM',
          'warning',
          '“主动公开政府信息977条，超额完成全年目标任务4…”：总数977条，分项合计694条（11+270+28+58+34+38+43+67+145）',
        ],
      ],
    );
    // a clause after the total with a figure of its own (not a rate): the list stays unread
    assert.deepEqual(found('2021年,主动公开政府信息977条,访问量达12万人次。其中包括政府文件11条,工作动态信息270条,其他信息145条。'), []);
  });

  test('approximate parts of a list whose total is in the sentence before: a warning only when their lower bounds exceed it (probeH3 009)', () => {
    const before =
      '(一)主动公开政府信息情况。2019年,通过政府门户网站、政务公开栏、档案查询点、广播、电视、短信平台、电子屏、社会活动日、新媒体平台等形式主动公开政府信息8769条。';
    const list =
      '其中,通过市政府网站公开信息2100条,通过县政府门户网站发布政府信息5469条,通过新闻媒体公开信息1600余条、通过其他形式公开信息600余条。';
    assert.deepEqual(found(before + list), [
      [
        'NARR-SUM',
        'warning',
        '“通过政府门户网站、政务公开栏、档案查询点、广播、…”：总数8769条，分项合计至少9769条（2100+5469+1600余+600余）',
      ],
    ]);
    // lower bounds at or below the total say nothing
    assert.deepEqual(found(before + list.replace('1600余条', '600余条')), []);
    assert.deepEqual(found(before + list.replace('5469条', '4000条')), []);
  });

  test('items sent up or taken by another body (报送, 采用) end a list of kinds: no part (probeD2 003)', () => {
    assert.deepEqual(
      found(
        '全区各板块、各部门通过“高淳区人民政府门户网站”发布信息4583条,其中主动公开各类政府信息2107条,市政府网站共采用672条,全年网站总访问量达3782565次。',
      ),
      [],
    );
    // an approximate count sent up leaves the list unread, as any approximate part (probeD2 052, probeC2 020)
    assert.deepEqual(
      found(
        '2024年,我局通过广元统计局门户网站累计公开政府信息276条,其中:政务动态信息216条,更新信息公开目录50条,主动向市政府办报送信息100余条。',
      ),
      [],
    );
  });

  test('two counts joined by 和 before 其中: the list splits both (probeD2 039)', () => {
    assert.deepEqual(
      found(
        '现已办结30件,办结率100%,全年因政府信息公开产生行政复议案件6件和行政诉讼案件3件,其中行政复议结果维持5件,尚未审结1件,行政诉讼结果维持3件。',
      ),
      [],
    );
  });

  test('one list holding two breakdowns of the same total, one after the other: consistent (probeD2 028)', () => {
    assert.deepEqual(
      found(
        '全年办理政府信息公开申请7件,其中自然人6件,法人及其他组织1件,予以公开或部分公开1件,本机关不掌握4件,已通过网站对外公开1件,不予公开1件。',
      ),
      [],
    );
    // the runs must each reach the total exactly
    assert.equal(found('全年办理政府信息公开申请7件,其中自然人6件,法人及其他组织1件,予以公开2件,不予公开4件。').length, 1);
  });

  test('applications carried over to next year are no part of those 办结 (probeD2 040)', () => {
    assert.deepEqual(
      found(
        '2023年全区共办结政府信息依申请公开733件,其中予以公开238件,部分公开33件,不予公开38件,无法提供323件,不予处理25件,其他处理76件,转接下年度办理45件。',
      ),
      [],
    );
    // of those received, they are a part
    assert.equal(found('全年共收到申请10件,其中予以公开5件,转接下年度办理6件。').length, 1);
  });

  test('what the applications led to is no part of them (probeH10 048: `引发行政复议1件`)', () => {
    // nor a rate (probeH14 035): 3206 + 544 + 50 of 8032, a selection
    assert.deepEqual(
      found('主动公开各类信息8032条,其中政务动态信息3206条,规划计划财政类信息544条,政府会议、会议解读类信息50条,日均发布量23条。').map(
        (f) => f[2],
      ),
      ['“主动公开各类信息8032条,其中政务动态信息32…”：总数8032条，分项合计3800条（3206+544+50）'],
    );
    // surveys (期) among items in 条, read on, complete the list (probeH13 018)
    assert.deepEqual(
      found('共计2698条,其中:工作动态1201条、通知公告251条、政策解读44条、人事信息45条、征集调查16期、其他类信息1141条。'),
      [],
    );
    assert.deepEqual(found('2023年,收到政府信息公开申请36件,其中:网络申请1件、信函申请35件,引发行政复议1件。'), []);
    // a part that is one of them still counts: 1 + 35 + 1 = 37
    assert.equal(found('2023年,收到政府信息公开申请36件,其中:网络申请1件、信函申请35件,当面申请1件。').length, 1);
  });

  test('the last parts of a list without their unit, or before 等, are parts (probeA2 041, probeB2 046, probeD2 048)', () => {
    const report = buildFacts({
      text: readDocumentText(
        [
          TEMPLATE_2021.sections[0]!.heading,
          '(一)主动公开情况。全局2023年主动公开政府信息42条。其中,领导信息4条,财政资金信息3条,统计信息2条,政府采购信息通知1条,招录考用信息1条,公益事业建设信息30条,部门动态信息1',
        ],
        '2021',
      ),
    });
    assert.deepEqual(
      checkNarrativeSums({ report, settings: DEFAULT_VALIDATION_SETTINGS }).flatMap((e) => (e.finding ? [e.finding] : [])),
      [],
    );
    assert.deepEqual(
      found(
        '我镇主动公开政府信息134条,其中,年度重点工作任务分解、执行及落实情况16条,本级政府文件1条,公开指南发布1条,政府信息公开年报1条,领导信息10条,财政预决算报告2条,机构职能1条,镇街简介1条,政策文件1条,联系我们1,法治政府年度报告1',
      ),
      [
        [
          'NARR-SUM-PARTIAL',
          'notice',
          '“我镇主动公开政府信息134条,其中,年度重点工作…”：总数134条，分项合计36条（16+1+1+1+10+2+1+1+1+1+1）',
        ],
      ],
    );
    assert.deepEqual(
      found(
        '2021年主动公开信息278条,其中包括政府文件44条、政策解读76条、建议提案8条、政府工作报告及工作进展32条、财政信息9条等；共公开19次政府常务会议。',
      ),
      [['NARR-SUM-PARTIAL', 'notice', '“2021年主动公开信息278条,其中包括政府文件…”：总数278条，分项合计169条（44+76+8+32+9）']],
    );
    // a count without its unit followed by more text is no part
    assert.equal(parseNarrativeSum('发布信息50条,其中通知10条,公告20条,截至2023')?.sum, 30);
    assert.equal(parseNarrativeSum('发布信息50条,其中通知10条,公告20条,访问量1000,好评')?.sum, 30);
  });

  test('documents in 件 in a list of information items in 条 are parts in the same unit (probeB2 045)', () => {
    assert.deepEqual(
      found(
        '2022年,关坝镇主动公开各类政府信息117条。其中,政策文件9件,机构职能、领导信息、预决算等法定主动公开信息23条,涉农补贴领域、公共文化服务等基层政务公开领域信息14条,工作信息动态25条,其他信息4条。',
      ),
      [['NARR-SUM', 'warning', '“关坝镇主动公开各类政府信息117条。其中,政策文…”：总数117条，分项合计75条（9+23+14+25+4）']],
    );
    // a list of documents only, against a total of items: no list of that total's parts (probeV 014)
    assert.equal(parseNarrativeSum('政府信息共计4891条,其中新制定行政规范性文件15件,清理并公开现行有效的行政规范性文件102件'), null);
    // other things in 件 (applications) still end a 条 list
    assert.equal(parseNarrativeSum('公开信息100条,其中通知50条,公告40条,受理申请3件')?.sum, 90);
  });

  test('a part published on a channel (在…微信公众号上…公开) after kinds of information ends the list (probeI6 022)', () => {
    // 7 + 9 + 13 + 14 of 70, a selection; the WeChat account's own 115 posts are another count
    assert.deepEqual(
      parseNarrativeSum(
        '全年主动公开各类政府信息70条,其中,公开行政规范性文件7件、医疗卫生服务体系建设信息9条、疫情防控及健康科普信息13条、“双随机、一公开”检查结果14条,在账号“阿尔山市卫生健康委员会”的微信公众号上主动公开各类信息115条',
      ),
      { total: 70, unit: '条', sum: 43, detail: '7+9+13+14', catchAll: false },
    );
    // the list in the sentence after its total: its counts are not all parts, so it is left unread
    assert.deepEqual(
      found(
        '全年主动公开各类政府信息70条,涵盖机构职能、政策文件、财政预决算、行政执法、公共卫生服务、民生保障等关键领域。其中,公开行政规范性文件7件、医疗卫生服务体系建设信息9条、疫情防控及健康科普信息13条、“双随机、一公开”检查结果14条,在账号“阿尔山市卫生健康委员会”的微信公众号上主动公开各类信息115条,确保信息公开与卫生健康中心工作同频共振。',
      ),
      [],
    );
  });

  test('after kinds of a channel`s own, a board`s or channel`s count is one more of its columns (probeI2 026)', () => {
    assert.deepEqual(
      found(
        '2023年,全县通过县政府网站主动公开政府信息4042条,其中县政府门户网站概况类信息和政务动态信息共计1495条,信息公开栏公开信息2918条。新媒体发布信息1150条(“勉县发布”官方微博1000条,“勉县政务”微信公众号150条)。',
      ),
      [['NARR-SUM', 'warning', '“2023年,全县通过县政府网站主动公开政府信息4…”：总数4042条，分项合计4413条（1495+2918）']],
    );
  });

  test('a list of what the items led to, right after 其中 (traditional script too), is no breakdown (probeI1 017)', () => {
    assert.deepEqual(
      found(
        '2024年,通過網絡信箱、信函、當面申請等多種方式,積極受理政府信息公開申請,共處理公開申請153件,其中引發行政復議8件、行政訴訟4件。',
      ),
      [],
    );
    assert.equal(parseNarrativeSum('共处理公开申请153件,其中引发行政复议8件、行政诉讼4件'), null);
  });

  test('leading parts that make up the total exactly, then another kind of count: the list ends where it is whole (probeI3 031, probeI7 036)', () => {
    const lines = [
      // channels (10533 + 32 = 10565), then a kind of content counted across them
      '2019年,全县主动公开政府信息10565条,其中:通过县政府网站主动公开各类政府信息10533条,政务微信发布信息32条,发布政策解读信息73条。',
      // by channel of application (26 + 8 = 34), then by outcome (33 answered, 1 carried over)
      '全年共受理政府信息依申请公开34件,其中包括信函申请26件,网络申请8件,已按时办结33件,均按照政府信息依申请公开的答复时限和流程办理,1件结转至下年办理。',
    ];
    for (const line of lines) {
      assert.deepEqual(found(line), [], line);
    }
    // channels short of the total, a catch-all after them, one more channel, parts that are all outcomes: warnings stay
    assert.equal(found('全县主动公开政府信息100条,其中:通过县政府网站公开信息90条,政务微信发布信息5条,发布政策解读信息20条。').length, 1);
    assert.equal(found('全县主动公开政府信息100条,其中:通过县政府网站公开信息95条,政务微信发布信息5条,其他信息20条。').length, 1);
    assert.equal(found('全年共受理申请34件,其中信函申请26件,网络申请8件,当面申请3件,已按时办结33件。').length, 1);
    assert.equal(found('收到行政复议7件,其中结果维持5件,结果纠正2件,驳回1件。').length, 1);
  });

  test('a list over `；` after a total in the sentence before is read to the end of its statement (probeI7 006)', () => {
    assert.deepEqual(found('全区累计公开政府信息1387条。其中,政府网站419条;政务新媒体958条。一是加强政府信息发布审核和监督。'), [
      ['NARR-SUM-PARTIAL', 'notice', '“全区累计公开政府信息1387条。其中,政府网站4…”：总数1387条，分项合计1377条（419+958）'],
    ]);
    assert.deepEqual(found('全区累计公开政府信息1387条。其中,政府网站429条;政务新媒体958条。'), []);
  });

  test('items in 篇 in a list in 条 are parts in the same unit (probeI5 021)', () => {
    assert.deepEqual(
      found(
        '2023年1月1日至12月31日,二街镇主动公开政府信息558条,其中,晋宁区人民政府门户网公开118篇、“魅力二街”发布356条,重大工程公开招标信息4条。',
      ),
      [['NARR-SUM-PARTIAL', 'notice', '“2023年1月1日至12月31日,二街镇主动公开…”：总数558条，分项合计478条（118+356+4）']],
    );
  });

  test('a clause rating the total against a target between it and 其中 is no part of the list (probeI5 046)', () => {
    const line =
      '2022年,彩云镇共公开政府信息177条,完成市级下达任务数120条的147.5%,其中动态类信息94条、财政预决算类11条、救助类信息13条、公共企事业单位信息公开类12条、工作实施情况6条、行政执法类4条、政府信息公开全清单2条、领导信息类1条、涉农补贴类2条、住房保障类2条、基层政务公开标准目录9条、政府信息公开工作年度报告1条,方便群众及时了解我镇办事流程和工作动态。';
    assert.deepEqual(found(line), [
      ['NARR-SUM-PARTIAL', 'notice', '“2022年,彩云镇共公开政府信息177条,完成市…”：总数177条，分项合计157条（94+11+13+12+6+4+2+1+2+2+9+1）'],
    ]);
    // a rate that is not the total's against the clause's figure: the 其中 may split that figure, the list stays unread
    assert.deepEqual(found(line.replace('120条的147.5%', '150条的147.5%')), []);
    // a rate alone (超额完成…40%) is no figure either
    assert.equal(parseNarrativeSum('主动公开政府信息977条,超额完成全年目标任务40%,其中政府文件11条,工作动态信息270条')?.sum, 281);
  });

  test('what became of the applications received and carried in balances the total with the carried-in clause before it (probeJ3 024)', () => {
    const line =
      '在依申请公开方面,除上年度结转的1件政府信息公开申请,共收到依申请公开124件,其中,全年共办理依申请公开122件,结转下年度继续办理3件。';
    assert.deepEqual(found(line), []);
    // without the carried-in clause, or with another figure in it, 122 + 3 is above 124
    assert.equal(found(line.replace('除上年度结转的1件政府信息公开申请,', '')).length, 1);
    assert.equal(found(line.replace('结转的1件', '结转的2件')).length, 1);
  });

  test('a list closed by 其余N件 and what became of them is a complete breakdown; two of them pass (probeJ3 050)', () => {
    const line = '2024年共受理信息公开申请50件,其中结转2023年3件,2024年申请47件,正在办理6件,申请人主动撤销件6件,其余38件全部按时答复。';
    assert.deepEqual(found(line), []);
    assert.deepEqual(parseNarrativeSum('共受理申请50件,其中正在办理6件,撤回6件,其余38件全部按时答复'), {
      total: 50,
      unit: '件',
      sum: 50,
      catchAll: true,
      detail: '6+6+38',
    });
    // a remainder that does not make up the total is a catch-all part short of it
    assert.deepEqual(
      found('共受理申请50件,其中正在办理6件,撤回6件,其余28件全部按时答复。').map((f) => f[0]),
      ['NARR-SUM'],
    );
  });

  test('appeals against the answers are no part of a total of applications (probeJ4 032)', () => {
    assert.deepEqual(
      found(
        '严格按照《政府信息公开条例》,准确把握各项法律规定,按时按期、依法依规做好答复,受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件。',
      ),
      [],
    );
    // a total of appeals is split by them
    assert.equal(parseNarrativeSum('共发生行政复议和行政诉讼案件5件,其中行政复议3件、行政诉讼1件')?.sum, 4);
  });

  test('a named column (栏目) of a site that published is a part, not another channel (probeJ4 044)', () => {
    assert.deepEqual(
      found(
        '2021年,在金平苗族瑶族傣族自治县人民政府门户网站主动公开政府信息8条,其中:乡级财政预决算2条,政府网站“乡镇之窗”栏目发布信息4条。',
      ),
      [['NARR-SUM-PARTIAL', 'notice', '“2021年,在金平苗族瑶族傣族自治县人民政府门户…”：总数8条，分项合计6条（2+4）']],
    );
    // a WeChat account after kinds of information still ends the list (the 云林新韵 page)
    assert.equal(parseNarrativeSum('主动公开政府信息10条,其中人事信息3条,规划信息7条,某某微信公众号发布信息224条')?.sum, 10);
  });

  test('parts a page ran together without separators, a count without its unit among them, are read as parts (probeJ4 028)', () => {
    assert.deepEqual(
      found(
        '一是旗政府网站方面,年内共发布各类信息2968条,其中概况类信息348条政务要闻415条通知公告307不动产公告84条工作动态404条信息公开目录信息1062条、公示行政许可事项177项。',
      ),
      [
        [
          'NARR-SUM-PARTIAL',
          'notice',
          '“一是旗政府网站方面,年内共发布各类信息2968条…”：总数2968条，分项合计2620条（348+415+307+84+404+1062）',
        ],
      ],
    );
    // one count run into the next label is no such run; a date or an order among them leaves the piece as it was
    assert.equal(parseNarrativeSum('共发布信息100条,其中通知30条公告50条'), null);
    assert.equal(parseNarrativeSum('共发布信息100条,其中通知30条公告50条截至2023年12月31日20条'), null);
  });

  test('parts equal to the total: a passing evaluation, no finding', () => {
    assert.deepEqual(
      run('共发布信息100条，其中通知50条，公告50条。').map((e) => [e.rule, e.status, e.left, e.right]),
      [['NARR-SUM', 'pass', 100, 100]],
    );
  });
});

describe('NARR-SUM and NARR-SUM-PARTIAL: shares and a part`s own breakdown in the list (probe round 17, fixR)', () => {
  const found = (lines: readonly string[]) => {
    const report = buildFacts({ text: readDocumentText([TEMPLATE_2021.sections[0]!.heading, ...lines], '2021') });
    return checkNarrativeSums({ report, settings: DEFAULT_VALIDATION_SETTINGS }).flatMap((e) =>
      e.finding ? [[e.finding.rule, e.finding.severity, e.finding.message]] : [],
    );
  };

  test('a part`s share `占x%` is no part and does not end the list (probeP3 037)', () => {
    assert.deepEqual(
      found([
        '通过政府信息公开网主动公开政府信息60条,其中政务动态类35条,占58%,履职依据类5条,占0.08%,机构智能类3条,占0.05%,领导信息4条,占0.06%。',
      ]),
      [['NARR-SUM-PARTIAL', 'notice', '“通过政府信息公开网主动公开政府信息60条,其中政…”：总数60条，分项合计47条（35+5+3+4）']],
    );
  });

  test('parts after 包含 are the part before`s, not the total`s (probeP4 005)', () => {
    assert.deepEqual(
      found([
        '共发布政府信息100899条。其中在市本级政府门户网站各个栏目共发布信息23558条,包含概况类信息418条,政务动态信息15272条,信息公开目录信息1792条。',
      ]),
      [],
    );
    // the same list after a first part with no 包含 is still the total's
    assert.deepEqual(found(['共发布政府信息100条,其中概况类信息30条,政务动态信息50条。']), [
      ['NARR-SUM-PARTIAL', 'notice', '“共发布政府信息100条,其中概况类信息30条,政…”：总数100条，分项合计80条（30+50）'],
    ]);
  });
});

describe('probe round 18 (r18f)', () => {
  const found = (lines: readonly string[]) => {
    // a text without tables, its lines as the reader gives them (a page cut in section 一)
    const all = [TEMPLATE_2021.sections[0]!.heading, ...lines];
    const report = buildFacts({ text: readDocumentText(all, '2021'), narrativeLines: all, tablesFound: [] });
    return checkNarrativeSums({ report, settings: DEFAULT_VALIDATION_SETTINGS }).map((e) => [e.rule, e.status, e.finding?.message ?? null]);
  };

  test('a part whose unit was left out between parts in the unit is a part (probeQ1 019: `意见征集3、`)', () => {
    const line =
      '2025年,通过蒙自市人民政府门户网站主动公开政府信息102条,其中重点领域责任部门信息公开栏43条,公共资源配置栏3条,公示公告5条,专题专栏(供水、电、气)39条,建议提案办理栏7条,意见征集3、部门预算栏1条、部门决算栏1条。';
    assert.deepEqual(parseNarrativeSum(line.slice(0, -1)), {
      total: 102,
      unit: '条',
      sum: 102,
      detail: '43+3+5+39+7+3+1+1',
      catchAll: false,
      bare: 1,
    });
    assert.deepEqual(found([line]), [['NARR-SUM', 'pass', null]]);
    // a count naming a date or rate stays no part, and ends the list as before
    assert.equal(parseNarrativeSum('共发布信息20条,其中通知5条,截至3、公告1条。')?.detail, undefined);
  });

  test('a count run into the next part`s quoted label is a part of its own (probeQ3 018: `新闻发布会1条“政策解读数”28条`)', () => {
    const line =
      '2019年,县农业农村水利局严格按照“应公开,尽公开”原则,全年共发布和更新信息751条,其中新闻发布会1条“政策解读数”28条, “重点领域”156条, “回应关切”41条。';
    assert.deepEqual(found([line]), [
      ['NARR-SUM-PARTIAL', 'fail', '“2019年,县农业农村水利局严格按照“应公开,尽…”：总数751条，分项合计226条（1+28+156+41）'],
    ]);
  });

  test('a list cut off by the end of the text: no shortfall read from it (probeQ3 039)', () => {
    const cut = '自2019年1月份以来我办共计发布各类信息共408条,其中政策文件22条,机构设置3条,人事信息5条,政府重点工作落实';
    assert.deepEqual(found([cut]), []);
    // the same list closed by its full stop, or followed by another line, is read as before
    const notice = [['NARR-SUM-PARTIAL', 'fail', '“自2019年1月份以来我办共计发布各类信息共40…”：总数408条，分项合计30条（22+3+5）']];
    assert.deepEqual(found([`${cut}。`]), notice);
    assert.deepEqual(found([cut, '二〇二〇年一月十日']), notice);
    // parts above the total stay a finding when cut
    assert.deepEqual(
      found(['共计发布各类信息共20条,其中政策文件22条,机构设置3条,人事信息5条,政府重点工作落实']).map((f) => f[0]),
      ['NARR-SUM'],
    );
  });
});
