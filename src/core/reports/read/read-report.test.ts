// readReport's verdict on what is no annual report (NOT-A-REPORT): real pages testers found read as reports.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readReport } from './read-report.ts';

const read = (lines: readonly string[]) => readReport({ blocks: [{ kind: 'text', text: lines.join('\n') }] }, 'page.txt').reading;
const rules = (reading: { findings: readonly { rule: string }[] }) => reading.findings.map((f) => f.rule);

describe('a page about a report, titled by it, is no report (NOT-A-REPORT)', () => {
  test('a 解读 page of the report (probeU/035): its own outline, no agency or year', () => {
    const reading = read([
      '政府信息公开',
      '文字解读:关于济南市历城区市场监督管理局2023年政府信息公开工作年度报告的解读',
      '一、编制背景',
      '2024年1月5日,历城区下发《关于做好2023年政府信息公开工作年度报告编制和发布工作的通知》,安排部署做好2023年报告编制工作。',
      '二、编制依据',
      '《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)。',
      '三、编制目的',
      '通过编制并公开政府信息公开年度报告,系统反映历城区2023年度本单位主动公开政府信息、依申请公开、信息管理等情况。',
      '六、公开渠道',
    ]);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], [null, null, ['NOT-A-REPORT']]);
  });

  test('a 解读 page opening on the report it interprets (probeJ5 015): `现就年报内容进行如下解读` over its own outline', () => {
    const reading = read([
      '《莘县王庄集镇人民政府2023年政府信息公开工作年度报告》已经编制完成并向社会公开,为方便群众看懂年报信息,进一步了解2023年政府信息公开工作,现就年报内容进行如下解读。',
      '一、编制背景',
      '二、编制依据',
      '1.《中华人民共和国政府信息公开条例》(国务院令第711号)。',
      '五、统计期限',
      '本年度报告中所列数据统计期限从2023年1月1日到2023年12月31日止。',
    ]);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], [null, null, ['NOT-A-REPORT']]);
  });

  test('a report whose introduction names 解读 as its work, not as what the page is, stays a report', () => {
    const reading = read([
      '某县民政局2023年政府信息公开工作年度报告',
      '本报告由某县民政局编制，现就2023年政府信息公开工作情况报告如下。',
      '一、总体情况',
      '2023年，我局对《某县民政局2022年政府信息公开工作年度报告》进行了解读，主动公开政府信息82条。',
      '二、主动公开政府信息情况',
    ]);
    assert.ok(!rules(reading).includes('NOT-A-REPORT'), JSON.stringify(reading.findings));
    assert.equal(reading.agency, '某县民政局');
  });

  test('a notice about making the reports (probeW/052), listing what a report holds: no agency, no year', () => {
    const reading = read([
      '法搜网--中国法律信息搜索网',
      '莆田市人民政府办公室关于做好2009年度政府信息公开工作年度报告有关事项的通知',
      '  (一)受理依申请公开的数量(2009年度及历年累计数量)、主要是哪些受理方式,涉及哪些方面内容等;',
      '  四、政府信息公开的收费及减免情况(2009年度及历年累计数量)',
      '  五、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '  六、政府信息公开工作存在的主要问题及改进情况',
    ]);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], [null, null, ['NOT-A-REPORT']]);
  });

  test('a repost of the template notice with its empty skeleton (probeW/036)', () => {
    const reading = read([
      '发布机构 | 宁国市商务局 | 发文日期 | 2021-10-08 15:47 |',
      '信息名称 | 国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知 | 内容概述 |',
      '中华人民共和国政府信息公开工作年度报告格式',
      '附件:',
      '一、总体情况',
      '第二十条第(一)项',
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '规章',
      '行政规范性文件',
    ]);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], [null, null, ['NOT-A-REPORT']]);
  });

  test('a report quoting such a notice in its introduction stays a report', () => {
    const reading = read([
      '某县民政局2023年政府信息公开工作报告',
      '根据《某县人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知》要求，现公布本报告。',
      '一、总体情况',
      '2023年，我局主动公开政府信息82条。',
      '二、主动公开政府信息情况',
    ]);
    assert.ok(!rules(reading).includes('NOT-A-REPORT'), JSON.stringify(reading.findings));
    assert.equal(reading.agency, '某县民政局');
  });
});

describe('a report before the template (TPL-BEFORE)', () => {
  test('has no blank table cells where its section 二 is prose (probeY/032, a 2010 report)', () => {
    const reading = read([
      '中国地震局政府信息公开工作2010年度报告',
      '本年度工作报告所列数据的统计期限为2010年1月1日——2010年12月31日。',
      '一、概述',
      '根据《条例》有关规定,中国地震局积极组织开展政府信息公开工作。',
      '二、主动公开政府信息情况',
      '2010年,我局主动公开政府信息120条。',
      '三、依申请公开政府信息情况',
      '2010年,我局共收到政府信息公开申请5件。',
    ]);
    assert.deepEqual(
      reading.findings.map((f) => f.rule),
      ['TPL-BEFORE'],
    );
  });
});

describe('real pages read as no report, second round', () => {
  test('a report stating its data are of the period, without 统计, is a report of that year (probeD2/035)', () => {
    const reading = read([
      '本报告根据《中华人民共和国政府信息公开条例》(国务院令第711号),结合实际工作编制而成。全文由总体情况,行政机关主动公开政府信息情况,行政机关收到和处理政府信息公开申请情况,政府信息公开工作被申请行政复议、提起行政诉讼情况,政府信息公开工作存在的主要问题及改进情况,其他需要报告的事项组成。本报告所列数据为2020年1月1日至2020年12月31日。',
      '(一)主动***息的数量:2020年,中心网站发布各类信息635条,及时向上级报送工作动态信息共79条。',
      '(二)主动***息的主要类别情况:2020年中心主动***息的类别有:政务动态、行政执法、公开指南、通知公告等。',
    ]);
    assert.ok(!rules(reading).includes('NOT-A-REPORT'), JSON.stringify(reading.findings));
    assert.equal(reading.year, 2020);
  });

  test('a title without 工作年度 (兴华乡2010年政府信息公开报告) names the organ and year: a report before the template (probeD2/043)', () => {
    const reading = read([
      '登录    注册',
      '兴华乡2010年政府信息公开报告',
      '发布日期:2011-01-01    点击数:',
      '六、年度政府信息公开工作报告0600 ',
      '乡政府信息公开工作始终坚持以服务人民群众为宗旨,以全力打造透明政府、',
      '截止20101231日,全乡累计主动公开政府信息65条。',
    ]);
    assert.deepEqual([reading.agency, reading.year, rules(reading).includes('TPL-BEFORE')], ['兴华乡', 2010, true]);
  });
});

describe('real reports without the template read as no report, probe round 16', () => {
  // probeH7 048: a township's 2020 report in prose, run into one line, naming its organ only as 我乡.
  const township =
    '根据《中华人民共和国政府信息公开条例》的有关要求,我乡紧紧围绕党委、政府重要工作,推进重点领域信息公开、加强信息发布、读和回应工作,强化制度机制建设,不断扩大公开范围,细化公开内容,增强政府信息公开时效,切实发挥了信思公开工作对建设法治政府、创新政府和廉洁政府的促进作用,现将2020年政府信息公开工作报告如下: 一、2020年政务公开工作完成情况及成效 (一)机构建设方面。建立了“主要领导亲自抓、分管领导具体抓、职能部门抓落实”的工作机制,成立了由乡长任组长、副乡长任副组长的领导小组,全面负责政府信息公开工作。领导小组下设办公室,党政办公室作为责任部门,落实专门人员明确职责、工作任务和工作要求,负责信息公开材料的收集、发布、归档等工作。制定了《上营乡信息公开保密审查机制》等政务公开工作制度, 积极稳妥推进公开工作;并通过乡村公示栏、上营乡微信公众号、美篇平台、发放宣传单等方式及时主动向社会公开相关信息。';

  test('an introduction presenting the report of its year (现将2020年政府信息公开工作报告如下) is a report of that year (probeH7 048)', () => {
    const reading = read([township]);
    assert.ok(!rules(reading).includes('NOT-A-REPORT'), JSON.stringify(reading.findings));
    assert.equal(reading.year, 2020);
    // no organ named but 我乡: none guessed
    assert.equal(reading.agency, null);
  });

  test('an introduction presenting something else about the reports is none (the same line, a notice’s wording)', () => {
    const notice = township.replace('现将2020年政府信息公开工作报告如下', '现将2020年政府信息公开工作年度报告编制工作有关事项通知如下');
    assert.deepEqual(rules(read([notice])), ['NOT-A-REPORT']);
  });

  test('a PDF text run into one line: its title, then its first words, its `一、` lost — a report of 2018 (probeH8 028)', () => {
    const reading = read([
      '生态环境部2018年度政府信息公开工作报告 2018年,生态环境部以习近平新时代中国特色社会主义思想为指 导,认真学习党的十九大和十九届二中、三中全会精神,深入贯彻习 近平生态文明思想,按照党中央、国务院关于全面推进政务公开的决 策部署,加强生态环境信息公开,加大政策解读和回应关切力度,扩 大公众参与,助力打好污染防治攻坚战,不断满足人民群众日益增长 的环境知情权、参与权和监督权需要 、大力推动落实“五公开”,服务“放管服”改革 坚持以公开为常态、不公开为例外,在生态环境领域全面落实决 策、执行、管理、服务、结果“五公开”要求,推动工作落实。',
    ]);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], ['生态环境部', 2018, ['TPL-BEFORE']]);
  });
});

describe('a report titled by itself, in prose without the template (probe round 16, helper fixU)', () => {
  // probeH14 027: a district's 2019 report in traditional characters, its work listed as 一是、二是 (the page's own
  // lines, and as the loader converts them: probeH14 scratch/027s).
  const written = [
    '成都市武侯區2019年政府信息公開工作年度報告',
    '',
    '2019年,我區緊緊圍繞區委區政府中心工作,認真貫徹執行《中華人民共和國政府信息公開條例》,嚴格部署落實省、市政府信息公開工作要求,順利完成各項工作任務。',
    '',
    '一是嚴格落實政府信息公開登記統計等各項工作制度,及時更新政府信息公開目錄,編制完成2019年一、二、三、四季度報表編制工作,2019年以來,我區通過政府信息公開管理系統累計主動公開政府信息19891條。',
  ];
  const simplified = [
    '成都市武侯区2019年政府信息公开工作年度报告',
    '',
    '2019年,我区紧紧围绕区委区政府中心工作,认真贯彻执行《中华人民共和国政府信息公开条例》,严格部署落实省、市政府信息公开工作要求,顺利完成各项工作任务。',
    '',
    '一是严格落实政府信息公开登记统计等各项工作制度,及时更新政府信息公开目录,编制完成2019年一、二、三、四季度报表编制工作,2019年以来,我区通过政府信息公开管理系统累计主动公开政府信息19891条。',
  ];

  test('its title (成都市武侯區2019年政府信息公開工作年度報告) names organ and year: a report (probeH14 027)', () => {
    const reading = readReport({ blocks: [{ kind: 'text', text: simplified.join('\n'), written: written.join('\n') }] }, '027.txt').reading;
    assert.ok(!rules(reading).includes('NOT-A-REPORT'), JSON.stringify(reading.findings));
    assert.deepEqual([reading.agency, reading.year], ['成都市武侯區', 2019]);
  });

  test('its simplified copy reads the same (probeH14 027)', () => {
    const reading = read(simplified);
    assert.deepEqual([reading.agency, reading.year, rules(reading).includes('NOT-A-REPORT')], ['成都市武侯区', 2019, false]);
  });

  test('a page listing reports, the same prose under them, is none', () => {
    const [title, ...body] = simplified;
    assert.deepEqual(rules(read([title!, '成都市武侯区2018年政府信息公开工作年度报告', ...body])), ['NOT-A-REPORT']);
  });

  test('a title naming the report inside a longer one (its 解读, a notice about it, probeH4 009) is none', () => {
    const [, ...body] = simplified;
    for (const title of [
      '《成都市武侯区2019年政府信息公开工作年度报告》解读',
      '阿坝州人民政府办公室关于做好2017年政府信息公开工作年度报告编制和公布工作的通知',
      '成都市武侯区2019年政府信息公开工作年度报告发布',
    ]) {
      assert.deepEqual(rules(read([title, ...body])), ['NOT-A-REPORT'], title);
    }
  });
});

describe('what is and is not a report, probe round 17 (helper fixD)', () => {
  // probeI3 038: a covering letter sending the report, then the report (the page is cut inside section 一).
  const letter = '武威市人民政府关于报送武威市2020年度政府信息公开工作年度报告的函';
  const report = [
    '武威市2020年度政府信息公开工作年度报告',
    '本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)的要求编制。除特别说明的外,本年度报告中所列数据统计时限为2020年1月1日至2020年12月31日。',
    '一、总体情况',
    '2020年,武威市以习近平新时代中国特社会主义思想为指导,全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神。',
  ];

  test('a covering letter followed by the report it sends is that report (probeI3 038)', () => {
    const reading = read([
      letter,
      '【制定机关】武威市人民政府',
      letter,
      '省政府信息公开办:',
      '现将《武威市2020年度政府信息公开工作年度报告》报来,请审示。',
      ...report,
    ]);
    assert.ok(!rules(reading).includes('NOT-A-REPORT'), JSON.stringify(reading.findings));
    assert.deepEqual([reading.agency, reading.year], ['武威市', 2020]);
  });

  test('the letter alone, or followed by another year’s report title, is none', () => {
    assert.deepEqual(rules(read([letter, '省政府信息公开办:', '现将《武威市2020年度政府信息公开工作年度报告》报来,请审示。'])), [
      'NOT-A-REPORT',
    ]);
    const [, ...body] = report;
    assert.deepEqual(rules(read([letter, '武威市2019年度政府信息公开工作年度报告', ...body])), ['NOT-A-REPORT']);
  });

  // probeI4 008: a PDF's text below a page's header lines, wrapped at a fixed width, in the outline before the template.
  const header = ['文档内容', '2013', '北京市统计局•国家统计局北京调查总队', '2013/3/1'];
  const introduction = [
    '北京市政府信息公开工作年度报告本报告是根据《中华人民共和国政府信息公开条例》(以',
    '下简称《条例》)要求,由北京市统计局、国家统计局北京调',
    '查总队(以下简称统计局队)编制的 2012 年度政府信息公开工',
    '作年度报告。',
    '全文包括概述,主动公开政府信息的情况,依申请公开政',
    '府信息的情况,政府信息公开咨询情况,因政府信息公开申请',
    '行政复议、提起行政诉讼的情况,政府信息公开工作存在的主',
    '要问题、改进情况和其他需要报告的事项。',
  ];
  const period = ['本报告中所列数据的统计期限自 2012 年 1 月 1 日起,至', '2012年12月31日止。本报告的电子版可在统计局队政府网站'];
  const body = ['tjgk@bjstats.gov.cn)。一、概述', '(一)人员配备', '根据《条例》要求,2012 年,统计局队配备了 4 名政府信'];

  test('a report stating its period in its third sentence, after a page’s header lines and wrapped (probeI4 008)', () => {
    const reading = read([...header, ...introduction, ...period, ...body]);
    assert.deepEqual(
      [reading.agency, reading.year, rules(reading).includes('NOT-A-REPORT')],
      ['北京市统计局•国家统计局北京调查总队', 2012, false],
    );
    // without its introduction's first sentence, the period alone makes it a report
    assert.ok(!rules(read([...header, ...introduction.slice(4), ...period, ...body])).includes('NOT-A-REPORT'));
  });

  test('a report whose first sentence says it is the organ’s report of its year, with no period stated (probeI4 008)', () => {
    const reading = read([...header, ...introduction, ...body]);
    assert.deepEqual([reading.year, rules(reading).includes('NOT-A-REPORT')], [2012, false]);
    // a first sentence about something else, no period: none
    const other = ['本报告是根据《条例》要求,由北京市统计局编制的', '2012 年度统计工作总结。'];
    assert.deepEqual(rules(read([...header, ...other, ...body])), ['NOT-A-REPORT']);
  });

  test('a list of links to reports, their titles and first words beside them (probeI7 SOURCES.tsv), is none', () => {
    const links = [
      '001\thttp://gxq.cq.gov.cn/zwgk_202/zfxxgknb/jgbm/bgs/202401/t20240131_12883902_wap.html\t重庆高新技术产业开发区管理委员会办公室2023年政府信息公开工作年度报告',
      '002\thttps://4357u.com/i1042/52159.html\t本报告由临沂高新区党政办公室按照《中华人民共和国政府信息公开条例》(国务院令第711号)要求编制。本报告所列数据统计期限为2025年1月1日至2025年12月31日。',
      '003\thttp://www.lianhu.gov.cn/zwgk/zfxxgk/xxgknb/bmxxgknb/1749338579192594433.html\t桃园开发区管委会2023年信息公开工作年度报告',
      '011\thttps://jkq.xining.gov.cn/index.php?c=show&id=115\t2022年,开发区坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神',
      '012\thttp://www.panyu.gov.cn/zwgk/zfxxgk/zfxxgknb/bm/2022/content/post_8800345.html\t一、总体情况',
      '017\t(no address returned)\t(no title) 2022年全区政府信息依申请公开情况',
    ];
    const reading = read(links);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], [null, null, ['NOT-A-REPORT']]);
  });
});

describe('what is and is not a report, probe round 17 (helper fixH)', () => {
  // probeI10 025: the city's report of 2011 under nine lines of a site's menu.
  const menu = ['- 政策解读', '- 经济发展', '- 社会发展', '- 减贫救灾', '- 法治中国', '- 天下人物', '- 发展报告', '- 项目中心', '|'];
  const report = [
    '本年度报告由重庆市人民政府办公厅根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求编制。全文包括工作开展情况、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开提起行政复议和诉讼的情况、存在的主要问题和整改措施六个部分。本年度报告的电子文本可在“重庆市人民政府网站”(www.cq.gov.cn)上下载。',
    '一、 工作开展情况',
    '2011年,我市政府信息公开工作坚持以科学发展观为指导,认真贯彻落实《条例》和国务院办公厅要求,紧紧围绕全市中心工作,不断健全公开机制,完善公开平台,扩大公开范围,有效地满足了广大人民群众生产生活需要。',
    '(一)健全政府信息公开制度。一是中共重庆市委三届十次全会通过了《中共重庆市委关于加强社会主义民主法治有关问题的决定》,要求各级政府要依法推进政府信息公开,切实保障群众的知情权、参与权、表达权、监督权。',
  ];

  test('a report under a site’s menu is judged by its own first lines (probeI10 025)', () => {
    const reading = read([...menu, ...report]);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], ['重庆市人民政府办公厅', 2011, ['TPL-BEFORE', 'META-IDENTITY']]);
    // a menu over lines naming no report is still none
    assert.deepEqual(rules(read([...menu, '- 联系我们', '|', '一、 工作开展情况', '(一)健全制度。'])), ['NOT-A-REPORT']);
  });
});

describe('probe round 18 (r18b)', () => {
  test('an organ’s 政府信息公开指南 is no report, whatever its outline (`二、主动公开`, probeQ6 008)', () => {
    const reading = read([
      '政府信息公开指南',
      '政府信息公开年报',
      '临夏县人民政府信息公开指南(2024年)',
      '为了更好地提供政府信息公开服务,方便公民、法人或其他组织依法获取政府信息,规范政府信息公开申请提交和接收行为,编制本指南。',
      '一、政府信息公开范围',
      '县政府信息公开坚持“公开为常态、不公开为例外”的原则,除以下信息外,其余政府信息应当公开:',
      '二、主动公开',
      '(一)县政府办公室公开的政府信息',
    ]);
    assert.deepEqual([reading.agency, reading.year, rules(reading)], [null, null, ['NOT-A-REPORT']]);
  });

  test('a report naming its 指南, or under a menu item `政府信息公开指南`, stays a report', () => {
    const reading = read([
      '政府信息公开指南',
      '临夏县人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '2024年,县政府修订了《临夏县人民政府信息公开指南》,主动公开政府信息1200条。',
      '二、主动公开',
    ]);
    assert.equal(reading.agency, '临夏县人民政府');
    assert.ok(!rules(reading).includes('NOT-A-REPORT'), rules(reading).join(' '));
  });
});
