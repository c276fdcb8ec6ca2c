// The section headings (annual-report.md §2, §5): a report whose sections are numbered `(一)` … `(六)`.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matchSectionHeading } from './read-document-headings.ts';
import { readReport } from './read-report.ts';

const read = (lines: readonly string[]) => readReport({ blocks: [{ kind: 'text', text: lines.join('\n') }] }, 'page.txt').reading;

describe('sections numbered (一)…(六) (probeT/012)', () => {
  test('a bracketed heading is a section only in the bracketed pass, numbered as its section, alone on its line', () => {
    assert.equal(matchSectionHeading('(一)总体情况', '2021', 0), null);
    assert.equal(matchSectionHeading('(一)总体情况', '2021', 0, true)?.id, 'overview');
    assert.equal(matchSectionHeading('（二）主动公开政府信息的情况', '2021', 1, true)?.id, 'proactive');
    // a numbered item of section 一, or a heading under another number, is none
    assert.equal(matchSectionHeading('(一)主动公开政府信息情况', '2021', 1, true), null);
    assert.equal(matchSectionHeading('(二)依申请公开方面。2023年政府信息依申请公开收到申请19条', '2021', 1, true), null);
  });

  test('a report numbered so has its sections (STRUCT-HEADING notices), not missing ones', () => {
    const reading = read([
      '(一)总体情况',
      '2023年,白沙黎族自治县人民政府深入贯彻落实国家和省关于全面推进政府信息公开工作的部署和要求。',
      '(一)主动公开方面。2023年,在县政府门户网站主动公开政务信息共6931条。',
      '(二)依申请公开方面。2023年政府信息依申请公开收到申请19条,及时回复19条。',
      '(二)主动公开政府信息的情况',
      '第二十条第(一)项 | |||',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 0 | 0 | 0 |',
    ]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(!messages.some((m) => /STRUCT-SECTION 缺少“[一二]、/.test(m)), messages.join('\n'));
    assert.ok(messages.includes('STRUCT-HEADING 标题“(一)总体情况”与格式规定的“一、总体情况”不一致'), messages.join('\n'));
  });

  test('a page with `一、` headings keeps them: its (一)(二) items are no sections', () => {
    const reading = read([
      '一、总体情况',
      '(一)主动公开',
      '(二)主动公开政府信息情况',
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | |||',
    ]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(!messages.some((m) => m.startsWith('STRUCT-HEADING')), messages.join('\n'));
  });
});

describe('a heading whose numeral the page lost (probeH1 052)', () => {
  test('`、总体情况` is section 一 with a STRUCT-HEADING notice; only the official heading text counts', () => {
    assert.equal(matchSectionHeading('、总体情况 ', '2021', 0)?.id, 'overview');
    assert.equal(matchSectionHeading('、总体情况', '2021', 0)?.exact, false);
    assert.equal(matchSectionHeading('、主动公开政府信息情况', '2021', 1)?.id, 'proactive');
    // a drifted wording under no number is none
    assert.equal(matchSectionHeading('、总体概况', '2021', 0), null);
  });

  test('`三是收到和处理政府信息公开申请情况`: a list ordinal for the numeral before the official text (probeH12 031)', () => {
    const heading = matchSectionHeading('三是收到和处理政府信息公开申请情况', '2021', 1);
    assert.deepEqual([heading?.id, heading?.exact], ['applications', false]);
    // a list item of section 一 with more words is none; nor is an ordinal under another section's text
    assert.equal(matchSectionHeading('三是收到和处理政府信息公开申请情况较去年增加', '2021', 1), null);
    assert.equal(matchSectionHeading('二是收到和处理政府信息公开申请情况', '2021', 1), null);
  });

  test('the report is read (agency and year), not NOT-A-REPORT', () => {
    const reading = read([
      '名  称: 杨园街道2025年政府信息公开工作年度报告 发布机构: 武汉市武昌区人民政府杨园街道办事处',
      '杨园街道2025年政府信息公开工作年度报告',
      '、总体情况 ',
      '2025年,我街严格依照《中华人民共和国政府信息公开条例》规定,坚持以公开为常态不公开为例外,持续深化公开内容,创新公开形式,不断增强政府信息公开工作透明度和公信力',
      '()政府信息主动公开情况 ',
      '1.安排部署、做法成效',
      '一是持续推进政府网站集约化建设,优化栏目设置。二是配置专人负责相关栏目公开事项,定期开展专题培训,提升人员公开意识和能力。',
    ]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.equal(reading.agency, '杨园街道');
    assert.equal(reading.year, 2025);
    assert.ok(messages.includes('STRUCT-HEADING 标题“、总体情况”与格式规定的“一、总体情况”不一致'), messages.join('\n'));
    assert.ok(!messages.some((m) => m.startsWith('NOT-A-REPORT')), messages.join('\n'));
  });
});

describe('question marks a page wrote for characters it could not encode, before a heading (probeH9 010)', () => {
  test('`??一、总体情况` is section 一, as the official heading; a line of `??` alone is none', () => {
    assert.equal(matchSectionHeading('??一、总体情况', '2021', 0)?.id, 'overview');
    assert.equal(matchSectionHeading('??一、总体情况', '2021', 0)?.exact, true);
    assert.equal(matchSectionHeading('？？二、主动公开政府信息情况', '2021', 1)?.id, 'proactive');
    assert.equal(matchSectionHeading('??', '2021', 0), null);
    assert.equal(matchSectionHeading('?? ?? ?? ??', '2021', 0), null);
  });

  test('the report has its section 一 (its 繁體 text as load-source converts it)', () => {
    const reading = read([
      '标 题 | 西藏自治区人民政府办公厅2023年政府信息公开工作年度报告 | ||',
      '?? ?? ?? ?? ?? ?? ?? ?? ?? ?? ?? ?? ?? ?? ?? ??',
      '西藏自治区人民政府办公厅',
      '??',
      '2023年政府信息公开工作年度报告',
      '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定编制本报告。本报告汇总自治区政府办公厅数据,统计期限为2023年1月1日至12月31日。',
      '??',
      '??一、总体情况',
      '??',
      '2023年,西藏自治区人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党中央、国务院和自治区党委、政府关于全面深化政务公开的工作要求,聚焦“四件大事”聚力“四个创建”,全面推进政府信息公开各项任务落实。',
    ]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(!messages.some((m) => m.startsWith('STRUCT-SECTION 缺少“一、')), messages.join('\n'));
    assert.ok(!messages.some((m) => m.startsWith('STRUCT-HEADING')), messages.join('\n'));
    assert.ok(
      messages.some((m) => m.startsWith('STRUCT-SECTION 缺少“二、')),
      messages.join('\n'),
    );
  });
});

describe('headings numbered with a space for `、` (probeL2 042)', () => {
  test('`一 概 述`, `二 政府信息主动公开情况` are sections 一 and 二, whole lines of words only', () => {
    assert.deepEqual(
      [matchSectionHeading('一 概 述', '2021', 0)?.id, matchSectionHeading('一 概 述', '2021', 0)?.exact],
      ['overview', false],
    );
    assert.equal(matchSectionHeading('二 政府信息主动公开情况', '2021', 1)?.id, 'proactive');
    assert.equal(matchSectionHeading('一　总体情况', '2021', 0)?.found, '一　总体情况');
    // a line of prose or a table row opening on `一 ` is none
    assert.equal(matchSectionHeading('一 年来，我局主动公开政府信息情况良好。', '2021', 0), null);
    assert.equal(matchSectionHeading('二 主动公开 | 5 | 0 |', '2021', 1), null);
    assert.equal(matchSectionHeading('二 主动公开政府信息12条', '2021', 1), null);
    assert.equal(matchSectionHeading('一 本年新收政府信息公开申请数量', '2021', 0), null);
  });

  test('the report is read (organ and year, TPL-BEFORE), not NOT-A-REPORT', () => {
    const reading = read([
      '引 言',
      '本报告是根据《中华人民共和国政府信息公开条例》、《广州市政府信息公开规定》、《广州市依申请公开政府信息办法》要求,由广州市海珠区文化广电新闻出版局编制的2015年度政府信息公开年度报告。全文包括概述、政府信息主动公开情况、政府信息依申请公开情况、咨询情况、复议、诉讼和申诉的情况,以及存在的主要问题和改进措施,并附相关的说明和指标统计表。',
      '一 概 述',
      '2015年,海珠区文化广电新闻出版局在区委、区政府的领导下,依照《中华人民共和国政府信息公开条例》和市委、市政府《关于在区、县级市以上政权机关全面推行政务公开制度的实施意见》精神,按照区政务公开工作要求,进一步巩固政务公开成果,不断拓展公开内容,创新公开形式,完善公开制度,突出公开重点,提高公开水平,取得了一定成效。',
      '二 政府信息主动公开情况',
      '本局2015年全年主动公开政府信息741条,其中:1.组织机构;2.规章文件;3.行政执法;4.办事指南;5.政务动态;6.财政预决算;7.政府信息公开工作年度报告;8.其他。',
    ]);
    const rules = reading.findings.map((f) => f.rule);
    assert.deepEqual([reading.agency, reading.year], ['广州市海珠区文化广电新闻出版局', 2015]);
    assert.ok(rules.includes('TPL-BEFORE'), rules.join(' '));
    assert.ok(!rules.includes('NOT-A-REPORT'), rules.join(' '));
  });
});

describe('question marks a mirror wrote for a broken space after a heading (probeL2 027)', () => {
  test('`一、总体情况?` is section 一 as the official heading; a line of `?` alone is none', () => {
    assert.deepEqual(
      [matchSectionHeading('  一、总体情况?', '2021', 0)?.id, matchSectionHeading('  一、总体情况?', '2021', 0)?.exact],
      ['overview', true],
    );
    assert.equal(matchSectionHeading('一、总体情况 ?', '2021', 0)?.found, '一、总体情况');
    assert.equal(matchSectionHeading('??', '2021', 0), null);
  });

  test('no STRUCT-HEADING notice for it', () => {
    const reading = read([
      '美高梅娛樂城办公厅2022年政府信息公开工作年度报告',
      '  根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30号)要求,现公布美高梅娛樂城办公厅2022年政府信息公开工作年度报告。?',
      '  一、总体情况?',
      '  2022年,美高梅娛樂城办公厅坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻党的二十大精神。?',
    ]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(!messages.some((m) => m.startsWith('STRUCT-HEADING')), messages.join('\n'));
    assert.ok(!messages.some((m) => m.startsWith('STRUCT-SECTION 缺少“一、')), messages.join('\n'));
  });
});

describe('probe round 18 (r18b)', () => {
  test('`一、 工作情况` opening the report is section 一 under another title: a STRUCT-HEADING notice (probeQ2 032)', () => {
    const reading = read([
      '马鹿沟镇人民政府2023年政府信息公开工作年度报告',
      '一、 工作情况',
      '2023年,马鹿沟镇认真贯彻落实《中华人民共和国政府信息公开条例》和上级部门有关文件要求,对照工作要点,强化工作措施。',
      '(一)健全组织机构,完善工作机制。马鹿沟镇始终把做好政府信息公开工作列入重要议事日程。',
    ]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(messages.includes('STRUCT-HEADING 标题“一、 工作情况”与格式规定的“一、总体情况”不一致'), messages.join('\n'));
    assert.ok(!messages.some((m) => m.startsWith('STRUCT-SECTION 缺少“一、')), messages.join('\n'));
    assert.equal(matchSectionHeading('一、工作概况', '2021', 0)?.id, 'overview');
  });

  test('only a section 一 in its place and naming no other section: not `一、主动公开`, `一、政府信息公开范围`, nor past section 一', () => {
    assert.equal(matchSectionHeading('一、主动公开工作情况', '2021', 0)?.id, undefined);
    assert.equal(matchSectionHeading('一、政府信息公开范围', '2021', 0), null);
    assert.equal(matchSectionHeading('一、 公文类政府信息公开情况', '2021', 0), null);
    assert.equal(matchSectionHeading('二、工作情况', '2021', 0), null);
    assert.equal(matchSectionHeading('一、工作情况', '2021', 1), null);
    // a sentence numbered so is none
    assert.equal(matchSectionHeading('一、工作情况良好,各项任务全面完成。', '2021', 0), null);
  });

  test('a list bullet the page left before a heading hides it not: `- 总体情况` (probeQ2 034)', () => {
    const match = matchSectionHeading('- 总体情况', '2021', 0);
    assert.deepEqual([match?.id, match?.found, match?.exact], ['overview', '总体情况', false]);
    assert.equal(matchSectionHeading('* 一、总体情况', '2021', 0)?.exact, true);
    assert.equal(matchSectionHeading('• 二、主动公开政府信息情况', '2021', 0)?.id, 'proactive');
    // a rule of dashes is no bullet
    assert.equal(matchSectionHeading('---', '2021', 0), null);
  });

  test('`1、主动公开政府信息情况`, an item of section 一, is not section 二 when `二、主动公开政府信息情况` follows (probeQ3 028)', () => {
    const reading = read([
      '园艺场2020年政府信息公开工作年度报告',
      '一、总体情况',
      '2020年园艺场根据新修订的《中华人民共和国政府信息公开条例》文件要求,结合我场实际,不断完善政府信息公开制度。',
      '1、主动公开政府信息情况',
      '2020年园艺场通过德安县政府网站共主动公开政府信息105条。',
      '2、依申请公开政府信息情况',
      '全年未发生依申请政府信息。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
    ]);
    const messages = reading.findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(!messages.some((m) => m.startsWith('STRUCT-HEADING')), messages.join('\n'));
    // with no such heading after it, the item is section 二 misnumbered, as before
    const alone = read([
      '园艺场2020年政府信息公开工作年度报告',
      '一、总体情况',
      '1、主动公开政府信息情况',
      '2020年园艺场通过德安县政府网站共主动公开政府信息105条。',
      '三、收到和处理政府信息公开申请情况',
    ]).findings.map((f) => `${f.rule} ${f.message}`);
    assert.ok(alone.includes('STRUCT-HEADING 标题“1、主动公开政府信息情况”与格式规定的“二、主动公开政府信息情况”不一致'), alone.join('\n'));
  });
});
