// The document-text reader on the five seeds (validation-rules.md §5) and on synthetic text
// (annual-report.md §2, §5, §6.4, §6.5; validation-rules.md rules 5–7, 33).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { SEED_FILES } from '#test/factories/report-facts.ts';
import { TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import { statedDate } from './read-document-dates.ts';
import { pageMenuLength, readDocumentText } from './read-document-text.ts';
import { readReport } from './read-report.ts';

const SEED_DIR = new URL('../../../../test/fixtures/seeds/', import.meta.url);

/**
 * The narrative lines of a seed without the table reader: the seeds' tables are tab-separated,
 * pipe-separated or one tab-indented cell per line, so dropping lines with a tab or pipe leaves the text
 * outside the table bodies (as spec/tools/check-seeds.mjs does).
 */
function seedNarrativeLines(seed: keyof typeof SEED_FILES): string[] {
  return readFileSync(new URL(SEED_FILES[seed], SEED_DIR), 'utf8')
    .split(/\r?\n/)
    .filter((line) => !line.includes('\t') && !line.includes('|'));
}

const HEADINGS_2021 = TEMPLATE_2021.sections.map((s) => s.heading);
const messages = (text: { findings: readonly { rule: string; message: string }[] }) => text.findings.map((f) => `${f.rule} ${f.message}`);

describe('seeds: agency, year, period and signature as validation-rules.md §5 reads them', () => {
  const rows = [
    {
      seed: '000',
      template: '2021',
      agency: '黄石市民政局',
      year: 2023,
      yearSource: 'title',
      period: ['2023-01-01', '2023-12-31'],
      signature: ['2024-01-19', '黄石市民政局'],
      why: 'title agency 市民政局 merged with the signature 黄石市民政局',
    },
    {
      seed: '001',
      template: '2021',
      agency: '卫辉市民政局',
      year: 2022,
      yearSource: 'title',
      period: null,
      signature: null,
      why: 'one-line title',
    },
    {
      seed: '002',
      template: '2021',
      agency: null,
      year: 2023,
      yearSource: 'body',
      period: null,
      signature: null,
      why: 'no title, no signature',
    },
    {
      seed: '003',
      template: '2021',
      agency: '攀枝花市东区民政局',
      year: 2023,
      yearSource: 'title',
      period: null,
      signature: ['2024-01-08', '攀枝花市东区民政局'],
      why: 'two-line title with a spaced year',
    },
    {
      seed: '004',
      template: '2019',
      agency: '嘉兴市民政局',
      year: 2020,
      yearSource: 'title',
      period: null,
      signature: null,
      why: '年度 title',
    },
  ] as const;
  for (const row of rows) {
    test(`seed ${row.seed} reads as ${row.agency ?? 'no agency'} ${row.year}: ${row.why}`, () => {
      const text = readDocumentText(seedNarrativeLines(row.seed), row.template);
      assert.equal(text.agency, row.agency);
      assert.equal(text.year, row.year);
      assert.equal(text.yearSource, row.yearSource);
      assert.deepEqual(text.period === null ? null : [text.period.from.iso, text.period.to.iso], row.period);
      assert.deepEqual(text.signature === null ? null : [text.signature.date.iso, text.signature.agency], row.signature);
      assert.deepEqual(text.malformedDates, []);
    });
  }

  test('every seed has all six sections, in order', () => {
    for (const [seed, template] of [
      ['000', '2021'],
      ['001', '2021'],
      ['002', '2021'],
      ['003', '2021'],
      ['004', '2019'],
    ] as const) {
      const text = readDocumentText(seedNarrativeLines(seed), template);
      assert.deepEqual(
        text.headings.map((h) => h.id),
        TEMPLATE_2021.sections.map((s) => s.id),
        seed,
      );
      assert.deepEqual(
        text.sections.map((s) => s.id),
        ['preamble', ...TEMPLATE_2021.sections.map((s) => s.id)],
        seed,
      );
    }
  });

  test('seed 002 gets the two META-IDENTITY notices of §5, the others no text finding except 004', () => {
    assert.deepEqual(messages(readDocumentText(seedNarrativeLines('002'), '2021')), [
      'META-IDENTITY 未能从标题或落款识别报告机关',
      'META-IDENTITY 报告年度由正文推断为2023年',
    ]);
    for (const seed of ['000', '001', '003'] as const) {
      assert.deepEqual(messages(readDocumentText(seedNarrativeLines(seed), '2021')), [], seed);
    }
  });

  test('seed 004 gets the two STRUCT-HEADING notices of §5: no 一、, and the 2021 wording of 五 in a 2019 report', () => {
    assert.deepEqual(messages(readDocumentText(seedNarrativeLines('004'), '2019')), [
      'STRUCT-HEADING 标题“总体情况”与格式规定的“一、总体情况”不一致',
      'STRUCT-HEADING 标题“五、存在的主要问题及改进情况”与格式规定的“五、政府信息公开工作存在的主要问题及改进情况”不一致',
    ]);
  });

  test('the title and the signature are not narrative: they stay out of the sections', () => {
    const text = readDocumentText(seedNarrativeLines('003'), '2021');
    const all = text.sections.flatMap((s) => s.lines);
    assert.ok(!all.includes('攀枝花市东区民政局'));
    assert.ok(!all.includes('2024年1月8日'));
    assert.ok(text.sections.find((s) => s.id === 'other_matters')?.lines[0]?.startsWith('2023年度，我局未收取'));
  });

  test('seed 004 narrative holds the §6.7 example entries: 1 application and the zero appeal claim, in that order', () => {
    const text = readDocumentText(seedNarrativeLines('004'), '2019');
    const sentence = '受理政府信息公开申请1件，无因政府信息公开申请行政复议、提起行政诉讼的情况';
    assert.deepEqual(
      text.narrative.filter((n) => n.text === sentence),
      [
        { text: sentence, value: 1 },
        { text: sentence, value: 0 },
      ],
    );
  });
});

// ---------------------------------------------------------------- synthetic text

/** A report text with the six 2021 headings, the given lines before them and in section 一. */
function report(before: readonly string[], overview: readonly string[] = ['全年工作有序开展。'], after: readonly string[] = []): string[] {
  return [...before, HEADINGS_2021[0]!, ...overview, ...HEADINGS_2021.slice(1), ...after];
}

describe('title and signature (annual-report.md §6.4)', () => {
  test('a title gives agency and year; 年度 is accepted', () => {
    const text = readDocumentText(report(['某县民政局2022年度政府信息公开工作年度报告']), '2021');
    assert.deepEqual([text.agency, text.year, text.yearSource, text.titleYear], ['某县民政局', 2022, 'title', 2022]);
  });

  test('an organ line above a title without organ completes it; a line with digits does not', () => {
    assert.equal(readDocumentText(report(['某市某区民政局', '2023年政府信息公开工作年度报告']), '2021').agency, '某市某区民政局');
    assert.equal(readDocumentText(report(['第3号文件', '2023年政府信息公开工作年度报告']), '2021').agency, null);
  });

  test('agency: the longer one when one name ends with the other, else the title’s', () => {
    const signed = (title: string, organ: string) =>
      readDocumentText(report([`${title}2023年政府信息公开工作年度报告`], undefined, ['无。', organ, '2024年1月10日']), '2021').agency;
    assert.equal(signed('区民政局', '某市某区民政局'), '某市某区民政局');
    assert.equal(signed('某市某区民政局', '区民政局'), '某市某区民政局');
    assert.equal(signed('某县民政局', '某县人民政府办公室'), '某县民政局');
  });

  test('the signature is the last date line; the line before counts as organ only without digits or punctuation', () => {
    const text = readDocumentText(report([], undefined, ['无其他需要报告的事项。', '2024年1月10日']), '2021');
    assert.deepEqual(text.signature, { date: { raw: '2024年1月10日', iso: '2024-01-10' }, agency: null });
    const chinese = readDocumentText(report([], undefined, ['某县民政局', '二〇二四年一月十九日']), '2021');
    assert.deepEqual(chinese.signature?.date.iso, '2024-01-19');
    assert.equal(chinese.agency, '某县民政局');
  });

  test('signatures as published: a seal mark, a date in Chinese numerals beside the organ, a month without a day', () => {
    const signed = (...tail: string[]) =>
      readDocumentText(report(['2023年政府信息公开工作年度报告'], undefined, ['无。', ...tail]), '2021');
    assert.equal(signed('某市民政局（盖章）', '2024年1月19日').agency, '某市民政局');
    const chinese = signed('某市民政局 二〇二四年一月十九日');
    assert.deepEqual([chinese.agency, chinese.signature?.date.iso], ['某市民政局', '2024-01-19']);
    const monthOnly = signed('某市民政局', '2024年1月');
    assert.deepEqual([monthOnly.agency, monthOnly.signature], ['某市民政局', null]);
    // a sentence before the month is no organ
    assert.equal(signed('以上为本年度报告全部内容。', '2024年1月').agency, null);
    assert.equal(signed('某市民政局（代章）', '2024年1月19日').agency, '某市民政局');
    for (const date of ['2024-01-19', '2024.1.19', '2024/1/19']) {
      const numeric = signed('某市民政局', date);
      assert.deepEqual([numeric.agency, numeric.signature?.date.iso], ['某市民政局', '2024-01-19'], date);
    }
  });

  test('a year in brackets after the title, and organ and date on one signature line, are read', () => {
    const text = readDocumentText(
      report(['某县民政局政府信息公开工作年度报告（2022年度）'], undefined, ['某县民政局 2023年1月20日']),
      '2021',
    );
    assert.deepEqual(
      [text.agency, text.year, text.signature?.date.iso, text.signature?.agency],
      ['某县民政局', 2022, '2023-01-20', '某县民政局'],
    );
    assert.ok(!text.sections.some((s) => s.lines.includes('某县民政局 2023年1月20日')));
    assert.equal(readDocumentText(report([], undefined, ['数据统计截至2023年12月31日']), '2021').signature, null);
  });

  test('year sources in order: title, period end year, signature year − 1 (month ≤ 6), body (≥ 3 times in 一, the introduction, 一 opening on the year)', () => {
    const period = '本报告统计期限自2022年1月1日起至2022年12月31日止。';
    const cases = [
      { lines: report(['某局2023年政府信息公开工作年度报告', period]), year: 2023, source: 'title' },
      { lines: report([period]), year: 2022, source: 'period' },
      { lines: report([], undefined, ['某局', '2024年3月1日']), year: 2023, source: 'signature' },
      { lines: report([], ['2021年，我局……', '2021年全年……', '2021年共计……'], ['某局', '2024年7月1日']), year: 2021, source: 'body' },
      // Section 一 opening on the year (`2021年，我局……`) names the report year (issue #9: real reports)…
      { lines: report([], ['2021年，我局……', '2021年全年……']), year: 2021, source: 'body' },
      // …and so does the introduction naming the report; a year mentioned in passing does not.
      { lines: report(['现将2020年政府信息公开工作报告如下：'], ['我局全年……']), year: 2020, source: 'body' },
      { lines: report([], ['我局于2021年……', '2021年全年……']), year: null, source: null },
      // …and so do section 一's parts opening on one year, after their headings (real pages cut short).
      {
        lines: report([], ['(一)组织领导', '健全工作机制。', '(二)主动公开情况', '2025年,我委主动公开信息487条,较2024年稳步增长。']),
        year: 2025,
        source: 'body',
      },
      {
        lines: report([], ['(一)主动公开情况。2023年，我局公开信息34条。', '(二)依申请公开。2023年，共收到申请2件。']),
        year: 2023,
        source: 'body',
      },
      {
        lines: report([], ['(一)主动公开情况。2022年，我局公开信息34条。', '(二)依申请公开。2023年，共收到申请2件。']),
        year: null,
        source: null,
      },
      // …and so does the day the year's figures are counted to; section 一 opening on the year with a longer
      // subject before its verb, or a space before 年 (real pages)
      {
        lines: report([], ['本年度我局门户网站围绕中心工作，截止2023年12月31日我局通过官方网站发布信息34条。']),
        year: 2023,
        source: 'body',
      },
      { lines: report([], ['2020年度我局在政府網站主動公開信息22條。']), year: 2020, source: 'body' },
      { lines: report([], ['2020 年,我单位对形成的政府信息实现了依法、有序公开。']), year: 2020, source: 'body' },
    ] as const;
    for (const c of cases) {
      const text = readDocumentText(c.lines, '2021');
      assert.deepEqual([text.year, text.yearSource], [c.year, c.source], c.lines.join('/'));
    }
  });

  test('an agency beyond title and signature: page metadata, then the introduction, then 一`s first sentences (issue #9)', () => {
    const agency = (before: readonly string[], overview?: readonly string[]) => readDocumentText(report(before, overview), '2021').agency;
    assert.equal(agency(['标题: 某区2019年度政府信息公开工作年度报告']), '某区');
    assert.equal(agency(['2022年某县卫生健康委员会信息公开年报']), '某县卫生健康委员会');
    assert.equal(agency(['某县统计局2024年政府信息公开工作', '年度报告']), '某县统计局');
    // A PDF breaks the title wherever the line is full.
    assert.equal(agency(['某市卫生健康委员会2023年政府信息公开工作年度', '报告']), '某市卫生健康委员会');
    assert.equal(agency(['某县卫生健康委员会2022年政府信息公开工作年', '度报告']), '某县卫生健康委员会');
    assert.equal(agency(['某市某局2023年政府信息公', '开工作年度报告']), '某市某局');
    assert.equal(agency(['来源:某区交通运输局 发布时间:2021-01-21']), '某区交通运输局');
    assert.equal(agency(['来源:原创 发布时间:2021-01-21']), null);
    assert.equal(agency(['本年度报告根据《条例》规定，由某省公安厅编制。']), '某省公安厅');
    assert.equal(agency(['现公布某县自然资源局2022年政府信息公开工作年度报告。']), '某县自然资源局');
    assert.equal(agency(['现将2021年某县财政局政府信息公开工作年度报告予以公布。']), '某县财政局');
    assert.equal(agency(['如有疑问，请与某市交通运输局办公室联系。']), '某市交通运输局');
    assert.equal(agency([], ['2021年，某县乡村振兴局严格按照要求……']), '某县乡村振兴局');
    assert.equal(agency([], ['(一)主动公开情况。2022年，某市民政局网站公开信息357条。']), '某市民政局');
    assert.equal(agency([], ['2020年，在区委、区政府的正确领导下，某区北京街道办事处认真贯彻落实……']), '某区北京街道办事处');
    // a mirror site's injected brand is no part of a name
    assert.equal(agency(['新葡京博彩官网某县民政局2022年政府信息公开工作年度报告']), '某县民政局');
    assert.equal(agency([], ['2021年，某县文化和体育局认真贯彻……']), '某县文化和体育局');
    // a generic or prepositional subject is no agency
    assert.equal(agency([], ['2021年，我局认真贯彻……']), null);
    assert.equal(agency([], ['2021年通过政府网站主动公开信息73条。']), null);
    assert.equal(agency(['现将2021年度政府信息公开工作情况报告如下：']), null);
    // a clause opening on a verb or an adverb that merely ends in an organ's word (real pages naming no agency)
    assert.equal(agency([], ['持续优化区政府网站卫生健康领域信息公开工作。']), null);
    assert.equal(agency([], ['针对政府信息公开的不同内容，结合工作实际，分类公开。']), null);
    assert.equal(agency([], ['多次召开会议专题研究部署信息公开相关工作。']), null);
    assert.equal(agency(['根据《条例》要求，特编制某市人民政府地方志办公室2023年政府信息公开工作年度报告。']), '某市人民政府地方志办公室');
    // the report's title quoted in the introduction; a viewer's page title before the title; a site's
    // heading above the report's own title; an organ named a 管理区 or 园区
    assert.equal(agency(['根据要求，编制完成《某县乡村振兴局2023年政府信息公开工作年度报告》，所列数据如下。']), '某县乡村振兴局');
    assert.equal(agency(['Page 8 - 某市某区信访局2022年政府信息公开工作年度报告']), '某市某区信访局');
    assert.equal(agency(['2020年信息公开年报', '某某工业园区2020年政府信息公开工作年度报告']), '某某工业园区');
    assert.equal(agency([], ['2025年，某口管理区在市委、市政府的正确领导下，认真贯彻……']), '某口管理区');
    assert.equal(agency([], ['因政府信息公开引发行政复议2件。']), null);
    assert.equal(agency([], ['2022年，未发生涉及卫生健康局信息公开行政复议案件。']), null);
    assert.equal(agency([], ['安排专人负责某盟卫生健康委员会在线留言平台工作。']), null);
    assert.equal(agency([], ['并通过某县人民政府网站及时主动向社会公开相关信息。']), null);
    assert.equal(agency([], ['收到政府信息公开申请4件，已办结4件。']), null);
    assert.equal(agency([], ['相关信息依托政府门户网站及时发布。']), null);
    assert.equal(agency([], ['2025年，区城乡建设局聚焦中心工作和重点领域，持续深化政务公开。']), '区城乡建设局');
    assert.equal(agency(['本年度报告由某市某区发展和改革局根据《中华人民共和国政府信息公开条例》要求编制而成。']), '某市某区发展和改革局');
  });

  test('agencies as real pages write them (issue #9, a second round of pages beyond the corpus)', () => {
    const agency = (before: readonly string[], overview?: readonly string[]) => readDocumentText(report(before, overview), '2021').agency;
    // 政府 belongs to the organ where the title's 信息公开 follows 人民政府
    assert.equal(agency(['2021年某江镇人民政府信息公开工作年度报告']), '某江镇人民政府');
    // page metadata labels: in a table row, or without a colon
    assert.equal(agency(['| 标题: | 某县人民政府办公室2025年政府信息公开工作年度报告 | ||']), '某县人民政府办公室');
    assert.equal(agency(['名称 某庄街道办事处2023年政府信息公开工作年度报告']), '某庄街道办事处');
    // a sentence naming the report as made by the organ
    assert.equal(agency(['本报告是根据《条例》要求，由某市卫生局编制的2008年度政府信息公开工作年度报告。']), '某市卫生局');
    // a mirror's spam where the organ was is no name
    assert.equal(agency(['beat365官方网站大全_旧版彩票365下载_mobile 365365051人民政府2021年政府信息公开年度报告']), null);
    // the organ's line below a title that a running header moved first
    assert.equal(agency(['2021年政府信息公开工作年度报告', '某常市某意乡']), '某常市某意乡');
    // the report's own title quoted in the introduction before the portal's 信息来源
    assert.equal(
      agency([
        '2025年政府信息公开工作年度报告',
        '信息来源:某川区人民政府',
        '现向社会公布《某市某川区发展和改革局2025年度政府信息公开工作年度报告》。',
      ]),
      '某市某川区发展和改革局',
    );
    // a place alone, named by the sentence that publishes its report
    assert.equal(agency(['根据《条例》规定，现公布某港市2021年政府信息公开工作年度报告。']), '某港市');
    // an opening before section 一 that starts on the year; a 示范区; the organ before 于 and where it published
    assert.equal(agency(['2025年,某花村镇紧扣“公开透明”的工作主线,持续完善公开机制。']), '某花村镇');
    assert.equal(agency([], ['2025年,某某临空经济示范区共公开信息246项。']), '某某临空经济示范区');
    assert.equal(agency([], ['某儿山镇于市政府门户网站主动公开本行政机关的政府信息。']), '某儿山镇');
    // a ministry (部), a 研究室, a name with the short form it goes by
    assert.equal(agency([], ['2024年,教育部坚持以习近平新时代中国特色社会主义思想为指导。']), '教育部');
    assert.equal(agency([], ['2022年,领导干部坚持学法用法。']), null);
    assert.equal(
      agency(['根据《条例》,某岛市人民政府研究室编制了2022年政府信息公开工作年度报告,本报告包括总体情况等六个部分,现予公布,欢迎监督。']),
      '某岛市人民政府研究室',
    );
    assert.equal(agency(['本报告根据《条例》要求,由上海市经济和信息化委员会(以下简称我委)编制。']), '上海市经济和信息化委员会');
    // what stands between the organ and 编制; a list item's lead before a place's 政府网站
    assert.equal(agency(['本报告根据《条例》规定,由某饶市某丰区人民政府办公室结合有关统计数据编制。']), '某饶市某丰区人民政府办公室');
    assert.equal(agency([], ['(二)主动公开情况。一是通过某杭区政府门户网站及时更新信息。']), null);
    // a sentence naming the report as 我局's; a gambling brand that took the place's name; the subject after 今年以来;
    // the intro's fuller name of the title's organ
    assert.equal(agency(['根据《条例》,现公开我局2020年度政府信息公开工作年度报告。']), null);
    assert.equal(agency(['开云手机官网入口·(中国)官方网站卫生健康局2020年度政府信息公开工作报告']), null);
    assert.equal(agency([], ['今年以来,某昌区林业局认真贯彻落实区委、区政府的部署。']), '某昌区林业局');
    assert.equal(
      agency([
        '市人民政府办公室2025年政府信息公开工作年度报告',
        '根据《条例》要求,现公开某门市人民政府办公室2025年政府信息公开工作年度报告。',
      ]),
      '某门市人民政府办公室',
    );
    assert.equal(
      agency(['某寨县气象局2023年政府信息公开工作年度报告', '根据要求编制了某寨县气象局2023年政府信息公开工作年度报告。']),
      '某寨县气象局',
    );
    assert.equal(agency(['于洪区教育局2023年政府信息公开工作年度报告']), '于洪区教育局');
    // the contact's 党政综合办公室; the page's 来源 naming the title's organ in full (after a time, no space)
    assert.equal(agency(['如本报告有疑问,请联系:某口区某华街道办事处党政综合办公室,地址:某口区某里38号。']), '某口区某华街道办事处');
    assert.equal(
      agency([
        '区某蜜湖片区建设发展事务中心2024年政府信息公开工作年度报告',
        '信息提供日期 : 2025-01-17 17:05来源 : 深圳市福田区某蜜湖片区建设发展事务中心',
      ]),
      '深圳市福田区某蜜湖片区建设发展事务中心',
    );
    // every match of a line is tried: an earlier one that names no organ does not hide a later one
    assert.equal(
      agency([
        '根据《中华人民共和国政府信息公开条例》以及《市人民政府办公室关于做好2017年度政府信息公开年度报告公布和政府信息公开情况统计报送工作的通知》有关规定和要求,编写某洋县2017年度政府信息公开工作年度报告。',
      ]),
      '某洋县',
    );
    assert.equal(agency(['本报告公布的方式:政府门户网站政府信息公开年度报告专栏。']), null);
    // Latin letters in an organ's name are kept (the console's test agencies are named so)
    assert.equal(agency(['测试机关edu2026年政府信息公开工作年度报告']), '测试机关edu');
    // a spam prefix before the organ in a quoted title; a gambling brand where the organ was
    assert.equal(agency(['现编制形成了《uedbet体育_uedbet官网@:某柳镇人民政府2023年政府信息公开工作年度报告》。']), '某柳镇人民政府');
    assert.equal(agency(['如对本报告有任何疑问,请联系:澳門賭場办公室,电话:0512-65241084。']), null);
    // contacts written other ways; the organ whose work the report sums up; metadata in a table row
    assert.equal(
      agency(['如有疑问请与某凤县政务服务和大数据管理局(地址:某凤县政务服务中心501室,联系电话:0718-6277499)。']),
      '某凤县政务服务和大数据管理局',
    );
    assert.equal(
      agency(['如对本年度报告有疑问,请联系:某州市滨江区人民政府长河街道办事处;联系电话:0571-86624908']),
      '某州市滨江区人民政府长河街道办事处',
    );
    assert.equal(agency(['为认真做好某山市卫生健康局政府信息公开工作,现将情况报告如下。']), '某山市卫生健康局');
    assert.equal(agency(['结合省财政厅2024年政府信息公开工作实际,编制本报告。']), '省财政厅');
    assert.equal(agency(['来 源: | 某中市自然资源局 | 发布机构: | 某中市自然资源局 |']), '某中市自然资源局');
    // titles worded other ways: 年度工作报告, …工作的年度报告 under the organ's line, the year inside the name,
    // the year first in a quoted title
    assert.equal(agency(['某州省教育厅2021年政府信息公开年度工作报告']), '某州省教育厅');
    assert.equal(agency(['某边县某九镇人民政府', '关于2021年度政府信息公开工作的年度报告']), '某边县某九镇人民政府');
    assert.equal(agency(['某城市2021年气象局政府信息公开工作年度报告']), '某城市气象局');
    assert.equal(agency(['根据规定，《2020年度某东县水务局信息公开工作年度报告》已经研究同意，现予公开发布。']), '某东县水务局');
    assert.equal(agency(['要求,现发布《某苏省2020年政府信息公开工作年度报告》。']), '某苏省');
    // a place alone as the subject of section 一 before a verb; not before the rest of a name
    assert.equal(agency([], ['2022年,某箭区坚持以人民为中心,推进政务公开。']), '某箭区');
    assert.equal(agency([], ['2022年,,某东省人民政府办公厅以习近平新时代中国特色社会主义思想为指导。']), '某东省人民政府办公厅');
    // what is no name: a cover's Latin line, a sentence's remains, subjects that are no organ
    assert.equal(agency(['GOVERNMENT INFORMATION', '2022年1月', '本报告由某委编制。']), null);
    assert.equal(agency(['本报告根据《条例》(以下简称《条例》)以及2018年度某市政府各部门的信息公开工作年度报告编制。']), null);
    assert.equal(agency([], ['以上是我局政府信息公开工作的基本情况。']), null);
    assert.equal(agency([], ['把政府门户网站作为信息公开的主要渠道。']), null);
    assert.equal(agency([], ['2021年,新收政府信息公开申请0件。']), null);
    assert.equal(agency([], ['今年我镇共收到人大建议6条。']), null);
    // the organ that made the report, named in the sentence that says so; a title whose year has no 年
    assert.equal(agency(['根据《条例》，某岛市人民政府研究室编制了2022年政府信息公开工作年度报告，现予公布。']), '某岛市人民政府研究室');
    assert.equal(agency(['根据相关规定,编制某源市某带乡2024年政府信息公开工作年度报告,所列数据如下。']), '某源市某带乡');
    assert.equal(agency(['2023年区发改局成效显著。现编制并公布某庄区发展和改革局2023年政府信息公开工作年度报告。']), '某庄区发展和改革局');
    assert.equal(agency(['某河区卫生健康委员会 2021政府信息公开工作年度报告']), '某河区卫生健康委员会');
    // a development zone's joint office compiles the zone's report
    assert.equal(agency(['本报告由江苏某宁经济开发区党政办公室编制而成。']), '江苏某宁经济开发区');
    // a town's joint office compiles the town's report
    assert.equal(agency(['本报告由某城镇人民政府党政办公室编制。']), '某城镇人民政府');
    assert.equal(agency(['本报告由某港镇人民政府党政办公室编制。', '如有疑问请与某港镇人民政府党政办公室联系。']), '某港镇人民政府');
    // verbs that merely end in 政府
    assert.equal(agency([], ['答复政府信息公开申请1641件。']), null);
    assert.equal(agency([], ['衡量政府信息公开成效的关键在于公开信息的数量和质量。']), null);
  });

  test('statistics periods written other ways: a whole year, dotted dates, ranges of months (issue #9)', () => {
    const periodOf = (sentence: string) => {
      const text = readDocumentText(report(['某市民政局政府信息公开工作年度报告', sentence]), '2021');
      return [text.period?.from.iso ?? null, text.period?.to.iso ?? null, text.year, text.yearSource];
    };
    const whole = ['2023-01-01', '2023-12-31', 2023, 'period'];
    assert.deepEqual(periodOf('本报告中所列数据的统计期限为2023年度。'), whole);
    assert.deepEqual(periodOf('本报告所列数据统计期限为2023.1.1-2023.12.31。'), whole);
    assert.deepEqual(periodOf('本报告所列数据统计期限为2023-01-01至2023-12-31。'), whole);
    assert.deepEqual(periodOf('本报告统计数据时限为2023年1-12月。'), whole);
    assert.deepEqual(periodOf('本报告所列数据统计期限从2023年1月至2023年12月。'), whole);
    assert.deepEqual(periodOf('本报告所列数据统计期限从2024年1月至2月。'), ['2024-01-01', '2024-02-29', 2024, 'period']);
    // a year in a sentence that is no statistics period: no period; the introduction opening on it gives the year
    assert.deepEqual(periodOf('2023年度，我局认真贯彻《条例》。'), [null, null, 2023, 'body']);
  });

  test('title wordings agencies use: 政务公开, 工作报告, the year in brackets or inside the last words, 关于… (issue #9)', () => {
    const read = (title: string) => {
      const text = readDocumentText(report([title]), '2021');
      return `${text.agency} ${text.year}`;
    };
    assert.equal(read('某市民政局2023年政务公开工作年度报告'), '某市民政局 2023');
    assert.equal(read('某市民政局2023年度政府信息公开工作报告'), '某市民政局 2023');
    assert.equal(read('【2023】某市民政局政府信息公开工作年度报告'), '某市民政局 2023');
    assert.equal(read('某市民政局政府信息公开工作2023年度报告'), '某市民政局 2023');
    assert.equal(read('关于某市民政局2023年政府信息公开工作年度报告的公告'), '某市民政局 2023');
    // a sentence about the report is no title
    assert.equal(readDocumentText(report(['现将2023年度政府信息公开工作报告如下：']), '2021').agency, null);
  });

  test('web page furniture: a breadcrumb before the title, a covering notice, metadata fields anywhere in a line (issue #9)', () => {
    const agency = (before: readonly string[]) => readDocumentText(report(before), '2021').agency;
    const title = '某市民政局2023年政府信息公开工作年度报告';
    assert.equal(agency([`当前位置：首页 > 政务公开 > 年报 > ${title}`]), '某市民政局');
    assert.equal(agency([`首页>>政府信息公开年报>>${title}`]), '某市民政局');
    assert.equal(agency([`位置：首页 › 政府信息公开 › ${title}`]), '某市民政局');
    assert.equal(agency([`关于印发${title}的通知`]), '某市民政局');
    assert.equal(agency([`关于公布${title}的公告`]), '某市民政局');
    const untitled = '2023年政府信息公开工作年度报告';
    assert.equal(agency([untitled, '索引号：011234567/2024-00012 发布机构：某市民政局 生成日期：2024-01-19']), '某市民政局');
    assert.equal(agency([untitled, '发布时间：2024-01-19 来源：某市民政局 浏览次数：123']), '某市民政局');
    assert.equal(agency([untitled, '| 索引号 | 011234567/2024-00012 | 发布机构 | 某市民政局 |']), '某市民政局');
    assert.equal(agency([untitled, '公开责任部门：某市民政局']), '某市民政局');
    // a field whose value is no organ is passed over for the next one in the line
    assert.equal(agency([untitled, '来源：本站 发布机构：某市民政局']), '某市民政局');
    assert.equal(agency([untitled, '发布时间：2024-01-19 来源：本站']), null);
    // a breadcrumb on its own line above a title that names no organ is no organ
    assert.equal(agency(['首页 > 政务公开 > 政府信息公开年报', untitled]), null);
    assert.equal(agency(['首页 › 政府信息公开年报', untitled]), null);
  });

  test('with no section heading, the title is looked for before the tables only (issue #9)', () => {
    const lines = [
      '根据《关于政府信息公开年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，现公布某街道办事处2019年政府信息公开工作年度报告。本年报中所列数据的统计期限自2019年1月1日起至2019年12月31日止。',
      '附件：1.2023年政府信息公开工作年度报告.pdf',
    ];
    const before = (beforeTables: number | undefined) => {
      const text = readDocumentText(lines, '2019', { beforeTables });
      return [text.agency, text.year];
    };
    // the attachment after the tables is no title: the year is the period's, the organ the introduction's
    assert.deepEqual(before(1), ['某街道办事处', 2019]);
    // without the tables' position, the first lines are all the reader has: the attachment is taken for the title
    assert.equal(before(undefined)[1], 2023);
    // a text whose tables come first: its title may follow them
    assert.deepEqual(readDocumentText(['某局2023年政府信息公开工作年度报告'], '2021', { beforeTables: 0 }).agency, '某局');
  });

  test('a sentence naming the report is read for the organ it ends on, not as an organ with the sentence before it', () => {
    const agency = (line: string) => readDocumentText([line], '2019').agency;
    assert.equal(
      agency('根据《通知》（国办公开办函〔2019〕60号）要求，现公布某街道办事处2019年政府信息公开工作年度报告。'),
      '某街道办事处',
    );
    assert.equal(agency('根据要求，现将2019年政府信息公开工作年度报告公布如下'), null);
  });

  test('a title without a year still names the organ; the year comes from the period, and a later title with a year wins', () => {
    const period = '本报告统计期限自2023年1月1日起至2023年12月31日止。';
    const yearless = readDocumentText(report(['某市民政局政府信息公开工作年度报告', period]), '2021');
    assert.deepEqual([yearless.agency, yearless.year, yearless.yearSource], ['某市民政局', 2023, 'period']);
    const later = readDocumentText(report(['政府信息公开工作年度报告', '某县民政局2022年政府信息公开工作年度报告']), '2021');
    assert.deepEqual([later.agency, later.year], ['某县民政局', 2022]);
    // the year alone on the line under the title, the organ on the line above it
    const below = readDocumentText(report(['某市民政局政府信息公开工作年度报告', '（2023年度）']), '2021');
    assert.deepEqual([below.agency, below.year, below.yearSource], ['某市民政局', 2023, 'title']);
    const three = readDocumentText(report(['某市民政局', '政府信息公开工作年度报告', '（2023年）']), '2021');
    assert.deepEqual([three.agency, three.year], ['某市民政局', 2023]);
    // a sentence ending in the words is no title
    assert.equal(readDocumentText(report(['现将有关情况报告如下，请审阅本局政府信息公开工作年度报告']), '2021').agency, null);
    assert.equal(readDocumentText(report(['本局按要求编制政府信息公开工作年度报告']), '2021').agency, null);
  });

  test('no agency and no year: the first two META-IDENTITY messages', () => {
    assert.deepEqual(
      messages(readDocumentText(report([]), '2021')).filter((m) => m.startsWith('META-IDENTITY')),
      ['META-IDENTITY 未能从标题或落款识别报告机关', 'META-IDENTITY 未能识别报告年度'],
    );
  });
});

describe('period and malformed dates (validation-rules.md rules 8, 33)', () => {
  test('dates read again (statedDate remembers the ISO form of the texts) keep their own raw text and validity', () => {
    for (let round = 0; round < 2; round++) {
      assert.deepEqual(statedDate('2024年2月29日', '2024', '2', '29'), { raw: '2024年2月29日', iso: '2024-02-29' });
      assert.deepEqual(statedDate('2023 年 2 月 29 日', '2023', '2', '29'), { raw: '2023 年 2 月 29 日', iso: null });
      assert.deepEqual(statedDate('二〇二三年十二月三十一日', '二〇二三', '十二', '三十一'), {
        raw: '二〇二三年十二月三十一日',
        iso: '2023-12-31',
      });
      assert.deepEqual(statedDate('2023年12月1日', '2023', '12', '1'), { raw: '2023年12月1日', iso: '2023-12-01' });
      assert.deepEqual(statedDate('2023年1月21日', '2023', '1', '21'), { raw: '2023年1月21日', iso: '2023-01-21' });
    }
  });

  test('a period without end year takes the start year', () => {
    const text = readDocumentText(report(['某局2023年政府信息公开工作年度报告', '统计期限为2023年1月1日至12月31日。']), '2021');
    assert.deepEqual([text.period?.from.iso, text.period?.to.iso], ['2023-01-01', '2023-12-31']);
  });

  test('`202222年` in the period is a malformed date: iso null and a META-YEAR finding naming it', () => {
    const text = readDocumentText(report(['某局2022年政府信息公开工作年度报告', '统计期限自2022年1月1日起至202222年12月31日止。']), '2021');
    assert.equal(text.period?.to.iso, null);
    assert.deepEqual(text.malformedDates, ['202222年12月31日']);
    assert.deepEqual(messages(text), ['META-YEAR 日期“202222年12月31日”格式错误']);
  });

  test('`202020年` in the title and month 13 in the title block are malformed; the year is not taken from them', () => {
    const text = readDocumentText(report(['某局202020年政府信息公开工作年度报告', '（2020年13月1日印发）']), '2021');
    assert.equal(text.titleYear, null);
    assert.deepEqual(text.malformedDates, ['202020年', '2020年13月1日']);
  });

  test('a date range outside the title block without 统计 is not a period', () => {
    const text = readDocumentText(report([], ['2023年1月1日至3月31日开展专项检查。']), '2021');
    assert.equal(text.period, null);
  });
});

describe('section headings (annual-report.md §2, §5; rules 5, 6)', () => {
  test('full-width, half-width and spaced headings are the same heading, without a finding', () => {
    const lines = ['一.总体情况', '二、 主动公开政府信息情况', '三、收到和处理政府信息公开申请情况。', ...HEADINGS_2021.slice(3)];
    const text = readDocumentText(lines, '2021');
    assert.deepEqual(
      text.headings.map((h) => h.exact),
      [true, true, true, true, true, true],
    );
  });

  test('the 2019 wording of 五 is exact in a 2019 report and a STRUCT-HEADING notice in a 2021 report', () => {
    const lines2019 = TEMPLATE_2019.sections.map((s) => s.heading);
    assert.deepEqual(messages(readDocumentText(lines2019, '2019')), [
      'META-IDENTITY 未能从标题或落款识别报告机关',
      'META-IDENTITY 未能识别报告年度',
    ]);
    assert.ok(
      messages(readDocumentText(lines2019, '2021')).includes(
        'STRUCT-HEADING 标题“五、政府信息公开工作存在的主要问题及改进情况”与格式规定的“五、存在的主要问题及改进情况”不一致',
      ),
    );
  });

  test('a numbered heading whose wording drifted is found, with a STRUCT-HEADING notice', () => {
    const lines = [...HEADINGS_2021.slice(0, 3), '四、因政府信息公开申请提起行政复议、行政诉讼情况', ...HEADINGS_2021.slice(4)];
    const text = readDocumentText(lines, '2021');
    assert.equal(text.headings.length, 6);
    assert.ok(
      messages(text).includes(
        'STRUCT-HEADING 标题“四、因政府信息公开申请提起行政复议、行政诉讼情况”与格式规定的“四、政府信息公开行政复议、行政诉讼情况”不一致',
      ),
    );
  });

  test('sub-headings and numbered paragraphs are not section headings', () => {
    const lines = [HEADINGS_2021[0]!, '（二）主动公开政府信息情况', '3.依申请公开工作', ...HEADINGS_2021.slice(1)];
    const text = readDocumentText(lines, '2021');
    assert.deepEqual(text.sections.find((s) => s.id === 'overview')?.lines, ['（二）主动公开政府信息情况', '3.依申请公开工作']);
  });

  test('a line opening on a year or another two-digit number is no heading; numbered 1 to 6 it is (full-width too)', () => {
    const lines = [
      HEADINGS_2021[0]!,
      '2023年，本机关主动公开信息。',
      '１２、主动公开政府信息情况',
      '２、主动公开政府信息情况',
      ...HEADINGS_2021.slice(2),
    ];
    const text = readDocumentText(lines, '2021');
    assert.deepEqual(text.sections.find((s) => s.id === 'overview')?.lines, ['2023年，本机关主动公开信息。', '１２、主动公开政府信息情况']);
    assert.equal(text.headings[1]?.found, '２、主动公开政府信息情况');
  });

  test('a heading with its text on the same line starts the section with that text', () => {
    const lines = [...HEADINGS_2021.slice(0, 5), '六、其他需要报告的事项：本机关未收取信息处理费。'];
    const text = readDocumentText(lines, '2021');
    assert.deepEqual(text.sections.at(-1), { id: 'other_matters', lines: ['本机关未收取信息处理费。'] });
  });

  test('Markdown title and headings (`#`, `##`) read like plain lines', () => {
    const lines = ['# 某县民政局2023年政府信息公开工作年度报告', ...HEADINGS_2021.map((h) => `## ${h}`)];
    const text = readDocumentText(lines, '2021');
    assert.deepEqual([text.agency, text.year, text.headings.length, text.findings], ['某县民政局', 2023, 6, []]);
  });

  test('a missing section is a STRUCT-SECTION warning with the official heading', () => {
    const lines = HEADINGS_2021.filter((h) => !h.startsWith('五'));
    assert.ok(messages(readDocumentText(lines, '2021')).includes('STRUCT-SECTION 缺少“五、存在的主要问题及改进情况”部分'));
  });

  test('after a text cut inside table 三, the later sections are not reported missing (rule 38)', () => {
    const lines = HEADINGS_2021.slice(0, 3);
    const cut = messages(readDocumentText(lines, '2021', { truncatedIn: '三' })).filter((m) => m.startsWith('STRUCT-SECTION'));
    const uncut = messages(readDocumentText(lines, '2021')).filter((m) => m.startsWith('STRUCT-SECTION'));
    assert.deepEqual(cut, []);
    assert.equal(uncut.length, 3);
  });
});

describe('narrative values (annual-report.md §6.5)', () => {
  test('the four kinds, in document order, with the trimmed sentence as text', () => {
    const text = readDocumentText(
      report(
        [],
        [
          '  全年发布信息469余条，低保、特困各12条；未收到政府信息公开申请。',
          '全年无行政复议和行政诉讼案件。收取信息处理费0.03万元，依据第36条。',
        ],
      ),
      '2021',
    );
    assert.deepEqual(text.narrative, [
      { text: '全年发布信息469余条，低保、特困各12条', value: 469 },
      { text: '全年发布信息469余条，低保、特困各12条', value: 12 },
      { text: '未收到政府信息公开申请', value: 0 },
      { text: '全年无行政复议和行政诉讼案件', value: 0 },
      { text: '收取信息处理费0.03万元，依据第36条', value: 300 },
    ]);
  });

  test('numbers in other units are not narrative values', () => {
    const text = readDocumentText(report([], ['2023年12月开展培训3次，覆盖120人，共4期。']), '2021');
    assert.deepEqual(text.narrative, []);
  });
});

describe('robustness: never throws, stays linear', () => {
  test('empty text: six STRUCT-SECTION warnings and two META-IDENTITY notices, nothing else', () => {
    const text = readDocumentText([], 'unknown');
    assert.deepEqual(
      text.findings.map((f) => f.rule),
      [...Array(6).fill('STRUCT-SECTION'), 'META-IDENTITY', 'META-IDENTITY'],
    );
    assert.deepEqual([text.agency, text.year, text.period, text.signature, text.narrative], [null, null, null, null, []]);
  });

  // Catastrophic backtracking would take minutes: the timeout catches it without a timed assertion.
  test('10 MB of random CJK text, digits and punctuation is read without backtracking', { timeout: 30_000 }, () => {
    // A fixed-seed generator: the same input every run.
    let state = 42;
    const next = () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state;
    };
    const alphabet = '的是了年月日件条申请公开收到其中各共余多行政复议诉讼处理费元万无未没有一二三四五六、，：0123456789';
    const lines: string[] = [];
    for (let l = 0; l < 20; l++) {
      const chars: string[] = [];
      for (let i = 0; i < 250_000; i++) {
        const r = next();
        chars.push(r % 3 === 0 ? alphabet[r % alphabet.length]! : String.fromCharCode(0x4e00 + (r % 0x5000)));
      }
      lines.push(chars.join(''));
    }
    const text = readDocumentText(lines, 'unknown');
    assert.equal(text.headings.length, 0);
  });

  test('a 1 MB digit run and a 1 MB line without punctuation do not backtrack', { timeout: 30_000 }, () => {
    const text = readDocumentText(['1'.repeat(1_000_000), '收到申请'.repeat(250_000)], 'unknown');
    assert.deepEqual(text.narrative, []);
  });
});

describe('real pages testers found misread: agency and year', () => {
  test('a notice about making the reports names no organ (probeW/052: `…年度报告有关事项的通知`)', () => {
    const text = readDocumentText(['莆田市人民政府办公室关于做好2009年度政府信息公开工作年度报告有关事项的通知'], 'unknown');
    assert.equal(text.agency, null);
  });

  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test('the quoted title in the introduction does not keep its quotation mark (probeV/049)', () => {
    const lines = [
      '鞍山市人力资源和社会保障局2020年度政府信息公开工作报告',
      '根据《中华人民共和国政府信息公开条例》规定,结合我局工作实际,特编制《鞍山市人力资源和社会保障局2020年度政府信息公开工作报告》。',
    ];
    assert.equal(agencyOf(lines), '鞍山市人力资源和社会保障局');
  });

  test('the organ before the verb publishing a title that names none (probeW/056)', () => {
    const lines = [
      '根据《中华人民共和国政府信息公开条例》要求,岐山县教育体育局现向社会公开《2023年政府信息公开工作年度报告》。',
      '如对本报告有异议,请联系岐山县教体局(电话:0917-8212435)。',
      '一、总体情况',
      '2023年,县教体局认真贯彻落实《中华人民共和国政府信息公开条例》规定。',
    ];
    assert.equal(agencyOf(lines), '岐山县教育体育局');
  });

  test("a title trailed by a layout table's empty cells (probeW/041)", () => {
    const lines = [`洪雅县教育和体育局2023年政府信息公开工作年度报告 | ${'|'.repeat(120)}`, '2024年01月25日 (点击: ) | |||||'];
    assert.equal(agencyOf(lines), '洪雅县教育和体育局');
  });

  test("people's organisations are organs: 联合会, 联合社 (probeW/003, probeY/036, probeY/038)", () => {
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府信息公开条例》规定要求,现发布《亳州市谯城区残疾人联合会2025年政府信息公开工作年度报告》,报告全文包括:总体情况概述。',
      ]),
      '亳州市谯城区残疾人联合会',
    );
    assert.equal(agencyOf(['如对本报告有任何疑问,请与颍东区供销合作社联合社联系。']), '颍东区供销合作社联合社');
    assert.equal(agencyOf(['如对本报告有任何疑问,请与宣城市残疾人联合会联系。']), '宣城市残疾人联合会');
  });

  test('政府 after anything but a place ends a clause, not a name (probeT/056: `借助政府网站平台…`)', () => {
    const lines = [
      '一、总体情况',
      '我局严格按照县政府要求加强政府网站建设,积极推进政府网站集约化工作。借助政府网站平台创新政府信息公开方式,及时、准确、全面地公开。',
    ];
    assert.equal(agencyOf(lines), null);
  });

  test('a title over two lines with 开展 in its last words (probeT/020)', () => {
    const text = readDocumentText(['西藏自治区审计厅2025年政务信息', '公开工作开展年度报告', '一、总体情况'], 'unknown');
    assert.deepEqual([text.agency, text.year, text.yearSource], ['西藏自治区审计厅', 2025, 'title']);
  });

  test("the organ whose office compiled the report, not its office; a government's office stays (item 10)", () => {
    assert.equal(
      agencyOf(['本年报是根据《中华人民共和国政府信息公开条例》要求,由南京市浦口区教育局办公室编制的2024年度政府信息公开工作年度报告。']),
      '南京市浦口区教育局',
    );
    assert.equal(
      agencyOf(['依据《条例》要求,由海南省地震局办公室编制并依法公开,所列数据统计期限自2024年1月1日至2024年12月31日。']),
      '海南省地震局',
    );
    assert.equal(agencyOf(['本报告由南平市人民政府信息公开工作领导小组办公室根据各单位报送的情况汇总编制而成。']), '南平市人民政府');
    assert.equal(agencyOf(['根据《中华人民共和国政府信息公开条例》规定,由四家镇办公室编制完成本报告,现予以公布。']), '四家镇');
    assert.equal(agencyOf(['本报告由某市人民政府办公室编制。']), '某市人民政府办公室');
  });

  test('what the report was compiled from names its organ; a government opening section 一 (item 11)', () => {
    assert.equal(
      agencyOf([
        '本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,汇总2020年度官塘乡的政府信息公开年度报告编制而成。',
      ]),
      '官塘乡',
    );
    assert.equal(agencyOf(['本年报是根据政府信息公开工作年度报告要求,依据锡山区司法局2010年政府信息公开工作情况编制。']), '锡山区司法局');
    assert.equal(
      agencyOf([
        '本报告根据《中华人民共和国政府信息公开条例》规定编制。',
        '一、总体情况',
        '2019年,泸州市人民政府信息公开工作以习近平新时代中国特色社会主义思想为指导。',
      ]),
      '泸州市人民政府',
    );
  });
  test("the introduction reporting the year's work gives the year, not section 一's earlier cases (probeV/046)", () => {
    const lines = [
      '根据《条例》和《湖北省人民政府办公厅〈关于做好2020年政府信息公开工作年度报告编制和发布工作的通知〉》有关要求,现就2020年政务公开年度工作情况报告如下:',
      '一、总体情况',
      '(一)围绕建设法治政府全面推进政务公开。2019年受理的案件于2019年办结,2019年以来持续推进。',
    ];
    assert.deepEqual([readDocumentText(lines, 'unknown').year, readDocumentText(lines, 'unknown').yearSource], [2020, 'body']);
  });

  test("a body year before the first template is no year of a report in a template's tables (probeX/037)", () => {
    const lines = [
      '一、总体情况',
      '2016年度,全县公安机关在县委、县政府的正确领导下,主动通过政府网站发布信息。',
      '二、主动公开政府信息情况',
    ];
    assert.equal(readDocumentText(lines, '2021').year, null);
    assert.equal(readDocumentText(lines, 'unknown').year, 2016);
  });
  test('a period stated without 统计: 起止时间, or what the report 涵盖 (probeU/029, probeW/019, probeV/013)', () => {
    const period = (line: string) => {
      const p = readDocumentText(['一、总体情况', line], 'unknown').period;
      return p === null ? null : [p.from.iso, p.to.iso];
    };
    assert.deepEqual(period('本报告所列数据起止时(shí)间为2020年1月1日至12月31日。'), ['2020-01-01', '2020-12-31']);
    assert.deepEqual(period('本报告由六部分组成,内容涵盖清远市清新区人民政府办公室2022年1月1日至12月31日期间的政府信息公开工作情况。'), [
      '2022-01-01',
      '2022-12-31',
    ]);
    assert.deepEqual(period('本报告由六部分组成,涵盖2020年1月1日至12月21日山阳县人民政府信息公开工作情况。'), ['2020-01-01', '2020-12-21']);
    assert.equal(period('2023年1月1日至3月31日开展专项行动,覆盖全县。'), null);
  });
});

describe('real pages testers found misread: the line above a title, a level without its place', () => {
  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test("a mirror's banner above a title its spam emptied is no organ (probeX/052); a level's government is none", () => {
    const lines = [
      '环球国际',
      '2023年武汉市生态环境局环球国际(中国)官方网站 分局政府信息公开工作年度报告',
      '一、总体情况',
      '2023年,分局主动公开信息68条,依申请公开信息3件。区政府网站开设生态环境分局栏目。',
    ];
    assert.equal(agencyOf(lines), null);
  });

  test("what is left of the government above a street office whose place a mirror's spam took (probeY/043, p044)", () => {
    const lines = [
      '一、总体情况',
      '2020年,在区委、区政府的正确领导下,新葡京博彩官网区人民政府北京街道办事处认真贯彻落实《中华人民共和国政府信息公开条例》。',
    ];
    assert.equal(agencyOf(lines), '北京街道办事处');
  });

  test('the line above a title names its organ when it opens with a place (probeV/014: `城口县人民政府机关`)', () => {
    assert.equal(agencyOf(['城口县人民政府机关', '2020年政府信息公开工作年度报告']), '城口县人民政府机关');
    assert.equal(agencyOf(['上海海关', '2022年政府信息公开工作年度报告']), '上海海关');
  });
});

describe('real pages testers found misread, second round: agency and year', () => {
  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test('the organ after a publishing verb and the year, not the verb (probeC2/012, probeB2/002, probeB2/036)', () => {
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)文件要求,现特向社会公布2024年合水镇人民政府信息公开工作年度报告。',
        '一、总体情况',
      ]),
      '合水镇人民政府',
    );
    assert.equal(
      agencyOf([
        '按照《中华人民共和国政府信息公开条例》(以下简称《条例》)和《四川省贯彻<中华人民共和国政府信息公开条例>实施办法(试行)》要求,现编制2021年隆昌市普润镇人民政府信息公开工作年度报告,本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
        '一、总体情况',
      ]),
      '隆昌市普润镇人民政府',
    );
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府信息公开条例》要求,现将穆寨街道办事处2021年度信息公开工作的总体情况、主动公开信息情况、信息公开申请情况等方面的报告如下。',
        '一、总体情况',
      ]),
      '穆寨街道办事处',
    );
  });
  test("section 六's 无 run into a one-line signature is no part of the organ (probeC2/033)", () => {
    const text = readDocumentText(
      ['一、总体情况', '我局编制了2019年度政府信息公开年度报告。', '六、其他需要报告的事项', '无 平潭综合实验区公安局 2020年1月17日'],
      'unknown',
    );
    assert.equal(text.agency, '平潭综合实验区公安局');
  });

  test('a breadcrumb written with spaces before the title: its site and column are no part of the organ (probeC2/030)', () => {
    assert.equal(
      agencyOf([
        '梅州市人民政府门户网站 梅州市人力资源和社会保障局 政府信息公开年报 梅州市人力资源和社会保障局2023年度信息公开工作年度报告',
        '梅州市人力资源和社会保障局2023年度信息公开工作年度报告',
        '一、总体情况',
      ]),
      '梅州市人力资源和社会保障局',
    );
  });

  test("a site's name before the organ in the page's 来源 does not make it fuller (probeB2/027)", () => {
    const lines = [
      '2020年上海市普陀区宜川路街道办事处政府信息公开工作年度报告',
      '2021年01月29日 来源: 上海普陀上海市普陀区宜川路街道办事处',
      '2020年政府信息公开工作年度报告',
      '一、总体情况',
    ];
    assert.equal(agencyOf(lines), '上海市普陀区宜川路街道办事处');
    // a place before the name still completes it
    assert.equal(agencyOf(['市民政局2023年政府信息公开工作年度报告', '来源: 黄石市民政局', '一、总体情况']), '黄石市民政局');
  });

  test('a title with its year after 政府信息公开 and no 工作 (probeA2/036: 衡阳市司法局政府信息公开2021年度报告)', () => {
    const text = readDocumentText(
      ['衡阳市司法局政府信息公开2021年度报告', '(2021年1月25日)', '一、总体情况', '2021年,市司法局坚持…'],
      'unknown',
    );
    assert.equal(text.agency, '衡阳市司法局');
    assert.equal(text.year, 2021);
  });
  test('a period with a comma before 至 (probeD2/021: 统计期限自2022年1月1日起,至2022年12月31日止) gives the year', () => {
    const text = readDocumentText(
      [
        '根据《中华人民共和国政府信息公开条例》要求,特向社会公布我委政府信息公开工作年度报告。报告中所列数据统计期限自2022年1月1日起,至2022年12月31日止。',
        '一、总体情况',
      ],
      'unknown',
    );
    assert.deepEqual([text.year, text.yearSource], [2022, 'period']);
  });
  test('the organ the text names where no title or signature does (probeA2/048, probeB2/026, probeD2/031, probeA2/040, probeC2/014)', () => {
    assert.equal(
      agencyOf([
        '本报告中所列数据的统计时限为2022年1月1日至2022年12月31日。对本报告如有疑问,可与福州市鼓楼区财政局联系(地址:福州市鼓楼区津泰路98号,邮编:350001)',
        '一、总体情况',
      ]),
      '福州市鼓楼区财政局',
    );
    assert.equal(
      agencyOf([
        '一、总体情况',
        '吴淞街道根据《中华人民共和国政府信息公开条例》和《上海市政府信息公开规定》要求,围绕区委、区政府中心工作,切实提升政务公开实效,特编制本年度报告。',
      ]),
      '吴淞街道',
    );
    // traditional characters kept as written
    assert.equal(
      agencyOf([
        '一、總體情況',
        '(一)主動公開情況。2022年,按照《中華人民共和國政府信息公開條例》要求,我局認真對政府信息進行收集。全年我局在句容市住房和城鄉建設局官網上主動公開部門文件172條。',
      ]),
      '句容市住房和城鄉建設局',
    );
    // a government's portal is not the bureau's
    assert.equal(agencyOf(['一、总体情况', '(一)主动公开情况。全年我局在句容市人民政府门户网站上主动公开部门文件172条。']), null);
    assert.equal(
      agencyOf([
        '一、总体情况',
        '(一)主动公开:',
        '通过桐柏县民政局门户网站,政务新媒体和宣传板报主动公开政府信息共143条。规范公布2023年《桐柏县民政局政府信息公开指南》。',
      ]),
      '桐柏县民政局',
    );
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府信息公开条例》等要求,由嘉善县大云镇人民政府综合信息指挥室(党政综合办公室)负责编制本报告。 一、总体情况 (一)主动公开情况。 2024年,大云镇严格落实《中华人民共和国政府信息公开条例》。',
      ]),
      '嘉善县大云镇人民政府',
    );
  });
  test("a government office's report keeps 办公室 of its contact line (probeA2/043); a government's own report does not take it", () => {
    const intro = (title: string) => [
      `根据《中华人民共和国政府信息公开条例》要求,现公布2020年${title}政府信息公开工作年度报告。如对本报告有任何疑问,请与铜陵市义安区人民政府办公室联系(地址:铜陵市义安区顺安镇和谐路399号)。`,
      '一、总体情况',
    ];
    assert.equal(agencyOf(intro('义安区政府办')), '铜陵市义安区人民政府办公室');
    assert.equal(agencyOf(intro('')), '铜陵市义安区人民政府');
  });
});

describe('real pages testers found misread, third round: agency', () => {
  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test("a mirror's 体育备用网址 is no part of the organ (probeG2/003)", () => {
    const lines = [
      '根据《中华人民共和国政府信息公开条例》和省、市有关要求,365体育直播,365体育备用网址自然资源和规划局编制了2021年政府信息公开年度报告。',
      '一、总体情况',
      '2021年,365体育直播,365体育备用网址自然资源和规划局按照中央、省、市关于政务公开工作的相关要求和部署,全面落实《中华人民共和国政府信息公开条例》要求。',
    ];
    const agency = readReport({ blocks: [{ kind: 'text', text: lines.join('\n') }] }, 'page.txt').reading.agency ?? '';
    assert.ok(agency.endsWith('自然资源和规划局') && !/体育|网址/.test(agency), agency);
  });

  test('a contact line naming a numbered section (综合一科) names its organ (probeG2/004)', () => {
    assert.equal(
      agencyOf(['如对本报告有任何疑问,请与青岛西海岸新区自然资源局综合一科联系(地址:青岛西海岸新区)。']),
      '青岛西海岸新区自然资源局',
    );
  });

  test('a place’s 政务公开领导小组办公室 that compiled the report names the place (probeE2/025)', () => {
    assert.equal(
      agencyOf(['本报告由乌拉特后旗政务公开领导小组办公室编制,所列数据的统计期限自2024年1月1日起至2024年12月31日止。']),
      '乌拉特后旗',
    );
  });

  test('a doubled 局 is the page’s typo (probeG2/006: `请联系:硚口区教育局局党政办公室`)', () => {
    assert.equal(agencyOf(['如对本报告有任何疑问,请联系:硚口区教育局局党政办公室;联系电话:027-83760000。']), '硚口区教育局');
  });
});

describe('real pages testers found misread, probe round 17 (fixA): title, signature and page metadata', () => {
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown');

  test('a stray year without 年 before the title’s organ is no part of it (probeI6 048)', () => {
    const text = read(['2025湖口县大垅乡2025年度政府信息公开工作年度报告', '一、总体情况']);
    assert.deepEqual([text.agency, text.year], ['湖口县大垅乡', 2025]);
  });

  test('a year without 年 after words naming no organ; the organ line under the title, a joint 工委 管委会 signature (probeI7 032)', () => {
    const lines = ['双峰山2020政府信息公开工作年度报告', '双峰山旅游度假区工委 管委会', '2021年1月19日', '一、总体情况'];
    const text = read(lines);
    assert.deepEqual([text.agency, text.year], ['双峰山旅游度假区管委会', 2020]);
    // the same signature alone, under a title naming no organ
    assert.equal(read(['2020年政府信息公开工作年度报告', '一、总体情况', '无。', lines[1]!, lines[2]!]).agency, '双峰山旅游度假区管委会');
    // an organ before a year without 年 is kept
    assert.equal(read(['双峰山旅游度假区管委会2020政府信息公开工作年度报告', '一、总体情况']).agency, '双峰山旅游度假区管委会');
  });

  test('a title’s organ opening on the place 本溪 is kept; 本单位, 本市 are what is left of a sentence (probeI7 006)', () => {
    assert.equal(
      read([
        '本溪高新技术产业开发区管理委员会2023年政府信息公开工作年度报告',
        '一、总体情况',
        '2023年,高新区管委会坚持以习近平新时代中国特色社会主义思想为指导。',
      ]).agency,
      '本溪高新技术产业开发区管理委员会',
    );
    assert.equal(read(['本溪市财政局2023年政府信息公开工作年度报告', '一、总体情况']).agency, '本溪市财政局');
    assert.equal(read(['本单位2023年政府信息公开工作年度报告', '一、总体情况']).agency, null);
    assert.equal(read(['本市2023年政府信息公开工作年度报告', '一、总体情况']).agency, null);
  });

  test('the metadata label 信息名称 before a title is no organ (probeI7 028)', () => {
    const text = read([
      '信息名称 2018年茅山旅游度假区政府信息公开年度报告',
      '文件编号 发布机构 茅管会',
      '2018年茅山旅游度假区政府信息公开年度报告',
      '一、政府信息工作概况',
    ]);
    assert.deepEqual([text.agency, text.year], ['茅山旅游度假区', 2018]);
  });

  test('a signature holding every character of the title’s name in order, the same organ, completes it (probeI6 024)', () => {
    const lines = ['Page 9 - 威海市文登人民政府办公室2022年政府信息公开工作年度报告', '一、总体情况', '(五)其他报告事项', '无。'];
    assert.equal(read([...lines, '威海市文登区人民政府办公室', '2023 年 1 月 16 日']).agency, '威海市文登区人民政府办公室');
    // another organ signing is no fuller name of the title's
    assert.equal(read([...lines, '威海市文登区人民政府', '2023 年 1 月 16 日']).agency, '威海市文登人民政府办公室');
  });

  test('a form’s `单位:` line above its table names the organ in full (probeI6 036)', () => {
    const text = read([
      '一、总体情况',
      '2023年,市自然资源和规划局认真贯彻落实市委市政府信息公开工作要求,紧紧围绕自然资源和规划中心工作。',
      '二、主动公开政府信息情况',
      '单位: 东阳市自然资源和规划局 2023年度',
    ]);
    assert.equal(text.agency, '东阳市自然资源和规划局');
    // a unit of measure is none
    assert.equal(read(['一、总体情况', '二、主动公开政府信息情况', '单位: 万元']).agency, null);
  });

  test('an organ line right under a title naming none, with another name in brackets inside (probeI7 049)', () => {
    const text = read(['2020年政府信息公开工作年度报告', '武昌经开区(滨江)管委会', '一、总体情况']);
    assert.deepEqual([text.agency, text.year], ['武昌经开区(滨江)管委会', 2020]);
    // a line that is no organ's name is not taken
    assert.equal(read(['2020年政府信息公开工作年度报告', '武昌经开区(滨江)', '一、总体情况']).agency, null);
  });

  test('a customs district (关区) is its customs office’s (probeI4 035)', () => {
    const text = read([
      '您的位置:首页 > 政府信息公开 > 政府信息公开年报 > 关区报告',
      '根据《中华人民共和国政府信息公开条例》等规定,梳理编制湛江海关关区2023年政府信息公开工作年度报告。如对本年度报告有任何疑问或意见建议,请联系湛江海关办公室新闻信息办公室。',
      '一、总体情况',
    ]);
    assert.equal(text.agency, '湛江海关');
  });

  test('pipe-table metadata naming a park as the publishing organ (probeI7 041)', () => {
    const lines = ['索引号: | 4311030021/2024-00433 | 分类: | |', '发文机关: | 冷水滩区高科园 | 发文日期: | |', '一、总体情况'];
    assert.equal(read(lines).agency, '冷水滩区高科园');
    // a park of another kind is no organ
    assert.equal(read([lines[0]!, '发文机关: | 人民公园 | 发文日期: | |', '一、总体情况']).agency, null);
  });

  test('a title whose last words are garbled names its organ when the report speaks as that organ (probeI8 024)', () => {
    const lines = (voice: string) => [
      '昌图县七家子镇2023年政府信息公开 工作告年度报',
      '来源:昌图县人民政府办公室 时间:2024-01-31',
      '一、总体情况',
      `2023年,${voice}认真贯彻落实《中华人民共和国政府信息公开条例 》,不断健全完善政务信息公开工作制度。`,
    ];
    assert.equal(read(lines('我镇')).agency, '昌图县七家子镇');
    // speaking as another kind of organ, the page's 来源 as before
    assert.equal(read(lines('我局')).agency, '昌图县人民政府办公室');
  });
});

describe('real pages testers found misread, probe round 16: agency and year', () => {
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown');

  test('a covering notice titled `某局关于印发 2025年…年度报告的通知` names the organ, not its verb (probeH1 023)', () => {
    assert.equal(
      read(['泉州市丰泽区教育局关于印发 2025年政府信息公开工作年度报告的通知', '时间:2026-01-27 15:16']).agency,
      '泉州市丰泽区教育局',
    );
  });

  test('a place whose name opens on a word that opens clauses: 和平街道, 向阳区 (probeH1 027, probeH4 019)', () => {
    const lines = [
      '一、总体情况',
      '2025年,和平街道坚持以习近平新时代中国特色社会主义思想为指导,严格按照省、市、区关于政府信息公开的工作部署',
    ];
    assert.equal(read(lines).agency, '和平街道');
    // the words alone stay no names: `和县政府…`, `全县…`, `向市政府…`
    assert.equal(read(['一、总体情况', '2025年,全县坚持以习近平新时代中国特色社会主义思想为指导']).agency, null);
    assert.equal(
      read([
        '一、总体情况',
        '本报告在“佳木斯市向阳区”政府门户网站公布。如对本年度报告有任何疑问,请联系:向阳区人民政府办公室,联系电话:0454-8607012。',
      ]).agency,
      '向阳区人民政府',
    );
  });

  test('a verb phrase ending in a level’s government is no organ (probeH6 017: `充分发挥县政府网站第一平台作用`)', () => {
    const lines = [
      '一、总体情况',
      '(一)提高主动公开实效情况。充分发挥县政府网站第一平台作用,按要求打造政府信息公开平台,开设“政策解读”“养老服务”专栏。',
    ];
    assert.equal(read(lines).agency, null);
  });

  test('an organ before the title’s year is whole: the words after the year are the title’s (probeH5 015)', () => {
    const text = read(['当前位置:首页 >> 海关总署政务公开首页>政府信息公开>公开年报', '海关总署2010年海关信息公开工作年度报告']);
    assert.deepEqual([text.agency, text.year], ['海关总署', 2010]);
    // the year inside a name still joins it: `宣城市2021年气象局…`
    assert.equal(read(['宣城市2021年气象局政府信息公开工作年度报告']).agency, '宣城市气象局');
  });

  test('a school’s academic-year title names the school, the year it ends in its year (probeH5 032)', () => {
    const text = read(['岭南师范学院2022-2023学年信息公开工作年度报告']);
    assert.deepEqual([text.agency, text.year], ['岭南师范学院', 2023]);
  });

  test('the introduction opening on the year gives it when section 一 opens on the organ (probeH2 044)', () => {
    const text = read([
      '发布单位: | 市人力社保局 | 主题分类: | 其他 |',
      '2023年,杭州市人力资源和社会保障局根据《中华人民共和国政府信息公开条例》,对照省市政务公开工作要求,结合杭州市人力资源和社会保障局年度政府信息公开情况编制。',
      '一、总体情况',
      '杭州市人力资源和社会保障局严格贯彻国务院、浙江省人民政府、杭州市人民政府有关政务公开工作要点通知精神。',
    ]);
    assert.deepEqual([text.year, text.yearSource], [2023, 'body']);
    // the page's short name for the bureau, in full where the text names it
    assert.equal(text.agency, '杭州市人力资源和社会保障局');
  });

  test('a title’s short name in full where the text names it: every character in order, the same organ (probeH6 006)', () => {
    const lines = [
      '县政府办2022年度政府信息公开工作年度报告',
      '本报告根据《中华人民共和国政府信息公开条例》规定编制。',
      '一、总体情况',
      '2022年,府谷县人民政府办公室严格贯彻落实《中华人民共和国政府信息公开条例》。',
    ];
    assert.equal(read(lines).agency, '府谷县人民政府办公室');
    // another organ of the text is no fuller name of it
    assert.equal(read([lines[0]!, lines[1]!, lines[2]!, '2022年,府谷县人民政府严格贯彻落实《条例》。']).agency, '县政府办');
  });
  test('an organ section 一 or the introduction names as its subject: before 是/根据, before 高度重视…现将…报告如下 (probeH3 027, 029, probeH6 012)', () => {
    assert.equal(
      read([
        '一、总体情况',
        '绍兴市卫生健康委是主管全市医疗卫生健康事业的市政府职能部门,按照《中华人民共和国政府信息公开条例》的要求开展政府信息公开工作。',
      ]).agency,
      '绍兴市卫生健康委',
    );
    assert.equal(
      read([
        '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)、省市关于做好政府信息公开工作的相关要求,市卫生健康局高度重视、认真组织、严格落实,积极完成了政务公开各项工作,现将主要工作情况报告如下:',
        '一、总体情况',
      ]).agency,
      '市卫生健康局',
    );
    assert.equal(
      read([
        '一、总体情况',
        '  2021年,榕城区政府办公室根据《中华人民共和国政府信息公开条例》和《揭阳市人民政府办公室关于印发…的通知》文件要求,以公开为常态。',
      ]).agency,
      '榕城区政府办公室',
    );
  });

  test('a contact line naming an office of the organ by its work (probeH6 045: `湖南镇政府综合督考办公室`)', () => {
    assert.equal(
      read(['特向社会公布2021年度本镇政府信息公开年度报告。如对本报告有任何疑问,请与衢州市衢江区湖南镇政府综合督考办公室联系。']).agency,
      '衢州市衢江区湖南镇政府',
    );
  });
  test('a report speaking only as its county (我县) is the government whose site carries it (probeH4 043); 我局 is not', () => {
    const lines = (voice: string) => [
      '根据《中华人民共和国政府信息公开条例》要求,特向社会公布2023年政府信息公开工作年度报告。本报告所列数据统计时限为2023年1月1日至12月31日,如对本报告有疑问,请联系吴起县政府政务服务中心。报告的电子版可在吴起县人民政府门户网站(www.wqx.gov.cn)下载。',
      '一、总体情况',
      `2023年,${voice}坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实《中华人民共和国政府信息公开条例》。`,
    ];
    assert.equal(read(lines('我县')).agency, '吴起县人民政府');
    // a department's report names its government's portal as well
    assert.equal(read(lines('我局')).agency, null);
    // a district's voice is no county's
    assert.equal(read(lines('我区')).agency, null);
  });
  test('a period whose first date lost its 年 (`20231月1日至12月31日`) is the year’s, with no malformed date (probeH5 017)', () => {
    const text = read([
      '本报告根据《中华人民共和国政府信息公开条例》编制。全文包括:2023年度总体情况…。本报告所列数据统计期限为20231月1日至12月31日。',
      '一、总体情况',
    ]);
    assert.deepEqual(
      [text.period?.from.iso, text.period?.to.iso, text.year, text.yearSource, text.malformedDates],
      ['2023-01-01', '2023-12-31', 2023, 'period', []],
    );
  });
  test('a sub-district speaking of its own site names itself (probeH7 054); a government’s portal does not', () => {
    const lines = (site: string) => [
      '一、总体情况',
      '(一)主动公开政府信息情况',
      `2020年我街道通过${site}主动公开政府采购19项,采购金额18.6198万元,政策文件2条,预决算信息2条。`,
    ];
    assert.equal(read(lines('渝中区人民政府大溪沟街道办事处子网站')).agency, '渝中区人民政府大溪沟街道办事处');
    assert.equal(read(lines('渝中区人民政府网站')).agency, null);
  });
  test('identity as three more real pages write it (probeH12 028, probeH13 030, probeH14 011)', () => {
    // `2021年内,` before the subject
    assert.equal(read(['一、总体情况', '2021年内,通济街道共办理4件政府信息公开申请,均按时答复。']).agency, '通济街道');
    // a clause with a verb inside is no organ; the year opening a sentence without its comma (`2022年我局…`) is the year
    const text = read([
      '一、总体情况',
      '2022年我局严格按照《中华人民共和国政府信息公开条例》要求,全面推进信息公开工作。线上通过管委会网站等政府网站公开政府信息。',
    ]);
    assert.deepEqual([text.agency, text.year], [null, 2022]);
    // a title in a layout table's cell
    assert.equal(read(['| 天津东疆综合东疆综保区管理委员会2025年政府信息公开工作年度报告 |']).agency, '天津东疆综合东疆综保区管理委员会');
  });
  test('another name of the organ in brackets, and a contact line without its colon (probeH15 038, 039)', () => {
    assert.equal(
      read([
        '2025年政府信息公开工作年度报告',
        '根据《中华人民共和国政府信息公开条例》规定,现公布南通外向型农业综合开发区(苴镇街道)2025年政府信息公开工作年度报告。本报告所列数据的统计期限从2025年1月1日起到2025年12月31日止。',
        '一、总体情况',
      ]).agency,
      '南通外向型农业综合开发区',
    );
    assert.equal(
      read(['一、总体情况', '2025年我乡未收到依申请公开事项。对本报告有疑问,请联系中村乡人民政府党政办公室。']).agency,
      '中村乡人民政府',
    );
    // a service centre named for contact is no organ; section 一's subject goes first
    assert.equal(read(['一、总体情况', '如对本报告有疑问,请联系吴起县政府政务服务中心。']).agency, null);
    assert.equal(
      read(['一、总体情况', '贺胜桥镇人民政府坚持以《条例》为指导,认真贯彻落实。如有疑问请联系咸安区贺胜桥镇党政综合办公室。']).agency,
      '贺胜桥镇人民政府',
    );
  });
});

describe('real pages testers found misread, probe round 17 (fixC): the organ of contact lines and compiling sentences', () => {
  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test('a contact line without its colon naming a section (综合处) of an office that is the organ (probeI3 004)', () => {
    const lines = [
      '结合我办工作实际,编制了2020年度政府信息公开工作年度报告(以下简称《年报》)。如对本年报有疑问、意见和建议,请联系吉林市人民政府外事办公室综合处,地址:吉林市船营区越山路11号城建大厦1609室,邮编:132011。',
      '一、总体情况',
      '2020年,我办按照《条例》规定,通过吉林市人民政府政务信息公开网站发布公文共计19件。',
    ];
    assert.equal(agencyOf(lines), '吉林市人民政府外事办公室');
  });

  test('a contact line’s organ with a place in brackets, another name after it and its 政府信息公开办公室 (probeI7 019, 020)', () => {
    const lines = [
      '如对本报告有任何疑问,请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区管理委员会)政府信息公开办公室,地址:福州市长乐区文武砂街道湖文路201号,邮编:350200。',
      '一、总体情况',
      '2022年,我委认真贯彻落实《中华人民共和国政府信息公开条例》、《福建省政府信息公开办法》规定。',
    ];
    assert.equal(agencyOf(lines), '中国(福建)自由贸易试验区福州片区管理委员会');
  });

  test('a government’s office named for contact is the organ when the body speaks as the office, 我办 (probeI6 002)', () => {
    const lines = (voice: string) => [
      '本报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求编制而成。如对本报告有任何疑问,请与盐城市大丰区人民政府办公室联系(地址:盐城市大丰区大华东路1号,邮编:224100,电话:0515-83818307)。',
      '一、总体情况',
      `2023年,在区委、区政府的正确领导下,在盐城市政府办公室的具体指导下,${voice}深入贯彻党的二十大精神。`,
    ];
    assert.equal(agencyOf(lines('我办')), '盐城市大丰区人民政府办公室');
    // a report speaking as its district is the government's; so is one speaking as neither
    assert.equal(agencyOf(lines('我区')), '盐城市大丰区人民政府');
    assert.equal(agencyOf(lines('全区')), '盐城市大丰区人民政府');
  });

  test('a government’s office compiling the government’s report: section 一’s subject, or others’ reports (probeI3 027, probeI2 038)', () => {
    const compiled = (subject: string) => [
      '本年度报告是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)相关要求,由沈阳市沈河区人民政府办公室编制而成。',
      '一、总体情况',
      `2020年${subject}按照《辽宁省2020年政务公开工作要点》《沈阳市2020年政务公开工作要点》有关要求,聚焦行政决策、执行、管理、服务、结果“五公开”。`,
    ];
    assert.equal(agencyOf(compiled('沈河区人民政府')), '沈阳市沈河区人民政府');
    // the office's own report opens on the office: it stays
    assert.equal(agencyOf(compiled('沈河区人民政府办公室')), '沈阳市沈河区人民政府办公室');
    assert.equal(
      agencyOf([
        '本年报是根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《南京市政府信息公开规定》(以下简称《规定》)要求,由秦淮区人民政府办公室综合区政府所属各行政机关的政府信息公开年度总结报告编制而成。',
      ]),
      '秦淮区人民政府',
    );
    // a city named by its level alone (probeI2 041): its report, not its office's; no organ
    assert.equal(
      agencyOf([
        '上海市政府信息公开规定》(以下简称《规定》)的要求,由市政府办公厅综合各区(县)人民政府(下称“区(县)政府”)和市政府各委、办、局(下称“市级机关”)的政府信息公开年度报告编制而成。',
      ]),
      null,
    );
  });

  test('编制形成 publishes the title that follows it, the organ after its year (probeI2 047)', () => {
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府信息公开条例》等相关规定,编制形成2021年漳平市人民政府办公室政府信息公开年度报告。报告内容主要包括“总体情况”等六个部分。',
      ]),
      '漳平市人民政府办公室',
    );
  });

  test('a sub-district by its short name 白云街, with the body speaking as 我街 (probeI5 026); 街 alone is no organ word', () => {
    const lines = (voice: string) => [
      '一、总体情况',
      '2022年,白云街以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大、党的十九大和党的十九届历次全会精神。',
      '(一)主动公开方面',
      '2022年白云街政府网站公开政府信息84条,其中组织机构类信息4条;年度报告信息5条;财政预决算信息14条;动态类信息61条。',
      `2022年,${voice}共受理政府信息公开申请1件,申请数量与2021年持平。`,
    ];
    assert.equal(agencyOf(lines('我街')), '白云街');
    assert.equal(agencyOf(lines('全年')), null);
  });

  test('a zone named with the town it also is, `浒墅关经开区(镇)` (probeI5 029)', () => {
    assert.equal(
      agencyOf(['如对本年报有任何疑问,请与浒墅关经开区(镇)党政办公室联系(地址:高新区大同路19号,邮编:215151,电话:0512-68013037)。']),
      '浒墅关经开区(镇)',
    );
  });

  test('a department (司) of the ministry named for contact, the body speaking as 我部 (probeI4 028, its simplified text)', () => {
    const lines = (voice: string) => [
      '如对本报告有任何疑问,请联络:商务部信息化司综合处,电话:010-65197474。',
      '一、概述',
      `2009年,${voice}认真贯彻《条例》精神,以实现政府信息公开的常态化、制度化、规范化为目标。`,
    ];
    assert.equal(agencyOf(lines('我部')), '商务部');
    // without the ministry's voice the department names no organ
    assert.equal(agencyOf(lines('全年')), null);
  });
});

describe('real pages testers found misread, probe round 17: the organ of the body (helper fixB)', () => {
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test('a clause opening on 以 is no organ (probeI8 031: `以宜春市政府门户网站…为载体`)', () => {
    assert.equal(
      read([
        '一、总体情况',
        '2020年,在市委、市政府的坚强领导下,第一足球网坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实习近平总书记视察江西重要讲话和重要指示批示精神。',
        '(一)持续抓好主动公开,力促公开内容规范化。以宜春市政府门户网站和“宜春市政府网”微信公众号为载体,根据政府各部门三定方案,厘清权责清单。',
      ]),
      null,
    );
  });

  test('a short name in a sentence whose subject names it in full is that subject (probeI8 036, as the loader converts it)', () => {
    const opening =
      '2022年度,栖霞区交通运输局认真贯彻实施《中华人民共和国政府信息公开条例》和区政务公开相关工作有关精神,充分利用区政府门户网站,通过微信公众号等途径,积极做好交通运输局政府信息公开工作。';
    assert.equal(read(['一、总体情况', opening]), '栖霞区交通运输局');
    // a subject naming another organ leaves the short name as it is
    assert.equal(read(['一、总体情况', opening.replace('栖霞区交通运输局', '栖霞区人民政府')]), '交通运输局');
  });

  test('the subject after a clause citing the regulations (probeI8 040: `根据《…》(简称《条例》),2022年度句容市交通运输局…`)', () => {
    assert.equal(
      read([
        '一、总体情况',
        '根据《中华人民共和国政府信息公开条例》(简称《条例》),2022年度句容市交通运输局认真贯彻实施,在《条例》总则的要求下,严格遵循公正、公平、合法、便民的原则,及时、准确地公开相关政府信息。',
        '(一)加强组织领导,健全工作机制。市交通运输局始终把做好政务信息公开工作列入单位工作议事日程。',
      ]),
      '句容市交通运输局',
    );
    // the clause gone, a generic subject stays none
    assert.equal(read(['一、总体情况', '根据《中华人民共和国政府信息公开条例》要求,我局认真贯彻实施。']), null);
  });

  test('a later short mention in full where the opening names the organ (probeI7 039: 高新区 for 高新技术产业开发区)', () => {
    assert.equal(
      read([
        '2022年,郑州高新技术产业开发区管委会城市管理局深入贯彻落实《中华人民共和国政府信息公开条例》,认真按照有关要求,积极、稳妥、有序推进政府信息公开各项工作。',
        '一、总体情况',
        '(一)主动公开工作开展情况',
        '截至2022年12月31日,城市管理局先后在国家企业信用信息网站、信用郑州网站上传公示行政处罚259项,行政许可73项,行政强制7项。',
        '(二)依申请公开工作开展情况',
        '积极处理依申请公开,保障依申请公开渠道的畅通。截至2022年12月31日,高新区城市管理局共受理政府信息公开申请11件,答复政府信息公开申请9件。',
      ]),
      '郑州高新技术产业开发区管委会城市管理局',
    );
  });

  test('a zone’s committee named by its kind alone is the zone the subject names (probeI7 042); alone it stays (p015)', () => {
    assert.equal(
      read([
        '本报告依据《中华人民共和国政府信息公开条例》(国务院令第711号)要求,结合开发区管委会信息公开工作有关统计数据撰写。',
        '一、总体情况',
        '(一)主动公开情况',
        '2025年,舒城经济开发区深入贯彻省、市、区关于政务公开的各项文件部署,聚焦招商引资、项目建设、为企服务等核心工作领域,精准推进信息公开发布。',
      ]),
      '舒城经济开发区',
    );
    assert.equal(
      read(['一、总体情况', '2021年,开发区管委会政务信息工作紧紧围绕区委区政府中心工作和重要部署,充分发挥信息工作的参谋助手作用。']),
      '开发区管委会',
    );
  });

  test('a clause with 作为 is no organ; a place’s other name in brackets inside the organ’s is part of it (probeI7 018)', () => {
    const lines = [
      '一、总体情况',
      '2019年,宁波国家高新区(新材料科技城)管委会办公室政务公开工作按照年初下发的《宁波国家高新区(新材料科技城)2019年政务公开工作要点》,进一步加强领导、完善机制、改善服务、狠抓落实,政务公开工作取得新成效。',
      '(一)加强组织领导。管委会办公室作为高新区政务公开工作领导小组常设办公室,全面负责对全区政务公开工作的指导、组织、协调、检查、考核等工作。',
    ];
    assert.equal(read(lines), '宁波国家高新区(新材料科技城)管委会办公室');
    assert.equal(read([lines[0]!, lines[2]!]), null);
  });

  test('words between two quoted titles are no organ; the subject names it (probeI4 016)', () => {
    assert.equal(
      read([
        '2018年度政府信息公开年度报告',
        '根据《中华人民共和国政府信息公开条例》(以下称《条例》)要求,本报告内容包括概述、主动公开信息情况、依申请公开信息、信息公开收费及减免情况等六个部分。',
        '一、概述',
        '2018年,安徽省邮政管理局围绕中心工作,紧扣社会公众关注事项,坚持以公开为常态、以不公开为例外,全面落实《条例》要求,认真贯彻国家邮政局《关于进一步做好国家邮政局系统政府信息公开有关工作的通知》精神和《国家邮政局政府信息公开工作办法》,将政府信息公开工作不断推向深入。',
      ]),
      '安徽省邮政管理局',
    );
  });

  test('a hall is no organ (probeI3 046: `(一)政务大厅主动公开。`); a 办公厅 is', () => {
    assert.equal(
      read([
        '一、总体情况',
        '2019年,我局政府信息公开工作坚持全面贯彻党的十九大和十九届四中全会精神。',
        '(一)政务大厅主动公开。在区政务大厅、区政府网站、“美丽临潼”微信公众号等平台公布《关于西安市临潼区部分行政审批事项进驻区政务服务大厅集中办理的公告》。',
      ]),
      null,
    );
    assert.equal(read(['一、总体情况', '2019年,辽宁省人民政府办公厅认真贯彻落实《条例》。']), '辽宁省人民政府办公厅');
  });

  test('a bureau speaking as 我局 names itself in its own plan’s title (probeI3 003); another organ’s plan is not its own', () => {
    const lines = (plan: string) => [
      '2019年,我局认真贯彻落实《中华人民共和国政府信息公开条例》有关规定。现将有关情况报告如下:',
      '一、政府信息公开总体情况',
      `(二)完善制度,进一步提升政务公开工作水平。为进一步规范政务公开工作,结合我局工作实际,印发了《${plan}2019年政务公开工作实施方案》,修改完善了《机关事务管理局信息公开政策解读制度》等工作制度,使我局政务公开工作有章可循。`,
    ];
    assert.equal(read(lines('辽宁省机关事务管理局')), '辽宁省机关事务管理局');
    assert.equal(read(lines('辽宁省人民政府办公厅')), null);
  });
});

describe('real pages testers found misread, probe round 17: the year and the period', () => {
  const read = (lines: readonly string[], template: 'unknown' | '2019' | '2021' = 'unknown') => readDocumentText(lines, template);

  test('the introduction publishing the report under its own title names its year, not section 一’s later one (probeI1 042)', () => {
    const text = read([
      '根据《中华人民共和国政府信息公开条例》(国务院令第711号)规定和《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》(国办公开办函〔2021〕30号)要求,现发布《蒙城县工业和信息化局2024年政府信息公开工作年度报告》。',
      '一、总体情况',
      '(一)主动公开情况。依托政务公开平台,持续加强政策解读、宣贯力度,2025年以来收录上级部门政策文件1条、部门政策文件1条。突出政策解读,2025年累计发布政策解读信息2条。保障2025年政务公开重点工作任务完成,2025年累计发布相关信息12条,',
    ]);
    // (the report's title as the introduction states it, no year inferred from the body: probe round 18, r18e)
    assert.deepEqual([text.year, text.yearSource], [2024, 'introduction']);
    // a cited notice about the year's reports (关于…) and last year's report published (no 现/特) name no year of this one
    const cited = read([
      '根据《某市人民政府办公室关于做好2023年政府信息公开工作年度报告编制工作的通知》要求,及时发布《某局2023年政府信息公开工作年度报告》。',
      '一、总体情况',
      '2024年以来,我局主动公开信息12条。2024年,我局受理申请3件。2024年,我局未发生行政复议。',
    ]);
    assert.deepEqual([cited.year, cited.yearSource], [2024, 'body']);
  });

  test('a clause of section 一 opening on the year, its count after it, gives the year (probeI8 007)', () => {
    const lines = (second: string) => [
      '一、总体情况',
      '按照《中华人民共和国政府信息公开条例》和《德阳市政府信息公开工作年度报告制度》等相关要求,进一步健全政府信息公开工作机制。',
      '(一)主动公开方面。认真贯彻落实《中华人民共和国政府信息公开条例》等相关要求,坚持依法公开,2022年,我局在中江县人民政府网站主动公开信息416条。主动公开内容为疫情防控、执法监督等多方面的工作动态及政策要求。',
      second,
    ];
    const text = read(lines('(二)依申请公开方面。全年共收到依申请公开0件,公开0件,不予公开0件。'), '2021');
    assert.deepEqual([text.year, text.yearSource], [2022, 'body']);
    // two years so stated give none; a span of years (`2018年以来`) or a year inside a clause is no such opening
    assert.equal(read(lines('(二)依申请公开方面。认真落实,2021年,我局受理申请3件。'), '2021').year, null);
    assert.equal(read(lines('(二)依申请公开方面。认真落实,2018年以来累计受理申请30件,较2021年增加3件。'), '2021').year, 2022);
  });

  test('the line a 2019 form prints under table 二 states the year, when nothing else does (probeI3 023)', () => {
    const lines = [
      '一、总体情况',
      '我分局本着“以公开为常态、不公开为例外”的原则,在深化公开内容、建立和完善各项制度等方面取得了新的进展。',
      '二、主动公开政府信息情况',
      '2020年本行政区域(或本部门)政府信息公开发布总数量(非新闻类、消息类):2条 |',
      '三、收到和处理政府信息公开申请情况',
    ];
    assert.deepEqual([read(lines, '2019').year, read(lines, '2019').yearSource], [2020, 'body']);
    // the title's year goes first
    assert.equal(read(['某局2021年政府信息公开工作年度报告', ...lines], '2019').year, 2021);
  });

  test('a period stated by its end, then its start (`截止时间为…,统计数据为…以来`, probeI5 049)', () => {
    const text = read([
      '香山街道办事处政府信息公开工作年度报告依据《中华人民共和国政府信息公开条例》进行编制。报告统计数据截止时间为2022年12月31日,统计数据为2022年1月1日以来制作,获取并以一定形式记录和保存的政府信息数据。',
      '一、总体情况',
    ]);
    assert.deepEqual(
      [text.period?.from.iso, text.period?.to.iso, text.year, text.yearSource],
      ['2022-01-01', '2022-12-31', 2022, 'period'],
    );
    // `自…起,截至…`: the same, start first
    const started = read(['本报告统计数据自2023年1月1日起,截至2023年12月31日。', '一、总体情况']);
    assert.deepEqual([started.period?.from.iso, started.period?.to.iso], ['2023-01-01', '2023-12-31']);
    // a count up to a day since some other day is no period of the statistics
    assert.equal(read(['一、总体情况', '据统计,截至2022年12月31日,我局自2019年1月1日起累计公开信息300条。']).period, null);
  });

  test('a period sentence wrapped onto the next line (probeI4 008, a fixed-width text)', () => {
    const text = read([
      '本报告中所列数据的统计期限自 2012 年 1 月 1 日起,至',
      '2012年12月31日止。本报告的电子版可在统计局队政府网站',
      '上下载。',
    ]);
    assert.deepEqual([text.period?.from.iso, text.period?.to.iso, text.year], ['2012-01-01', '2012-12-31', 2012]);
  });

  test('a covering letter’s title names the report it sends; the report’s own title below goes first (probeI3 038)', () => {
    const letter = '武威市人民政府关于报送武威市2020年度政府信息公开工作年度报告的函';
    const text = read([
      letter,
      '【制定机关】武威市人民政府',
      '现将《武威市2020年度政府信息公开工作年度报告》报来,请审示。',
      '武威市2020年度政府信息公开工作年度报告',
      '本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)的要求编制。',
      '一、总体情况',
    ]);
    assert.deepEqual([text.agency, text.year], ['武威市', 2020]);
    // a letter sending a report that names no organ: its sender is the organ
    assert.deepEqual(
      [
        read(['某县卫生健康局关于报送2020年度政府信息公开工作年度报告的函']).agency,
        read(['某县卫生健康局关于报送2020年度政府信息公开工作年度报告的函']).year,
      ],
      ['某县卫生健康局', 2020],
    );
    // the letter alone: the report it names
    assert.deepEqual([read([letter, '省政府信息公开办:']).agency, read([letter, '省政府信息公开办:']).year], ['武威市', 2020]);
  });
});

describe('real pages testers found misread, probe round 17 (helper fixH): the compiler named by its level, a site’s menu', () => {
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown');
  // probeI10 024: the city's report of 2015, compiled by `市政府办公厅`, speaking as 我市.
  const compiled = (site: string, voice: string) => [
    `本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由市政府办公厅编制。全文包括政府信息公开工作概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开类行政复议和行政诉讼情况、存在的主要问题和改进措施五个部分。本年度报告的电子文本可在${site}上下载。`,
    '一、政府信息公开工作概述',
    `2015年,${voice}各级按照国务院办公厅和市委、市政府的工作部署,认真贯彻落实《中华人民共和国政府信息公开条例》《2015年政府信息公开工作要点》(国办发〔2015〕22号)精神。`,
  ];

  test('an office named by its government’s level alone (`由市政府办公厅编制`) names no organ (probeI10 024)', () => {
    assert.equal(read(compiled('本网站', '我市')).agency, null);
  });

  test('…but the city whose site the text names for its copy, when it speaks only as the city (probeI10 024)', () => {
    assert.equal(read(compiled('“重庆市政府公众信息网”(www.cq.gov.cn)', '我市')).agency, '重庆市人民政府');
    // a department speaking as 我局 names its government's site too: not its report
    assert.equal(read(compiled('“重庆市政府公众信息网”(www.cq.gov.cn)', '我局')).agency, null);
  });

  // probeI10 025: a site's menu above the city's report of 2011.
  const menu = ['- 政策解读', '- 经济发展', '- 社会发展', '- 减贫救灾', '- 法治中国', '- 天下人物', '- 发展报告', '- 项目中心', '|'];
  const report = [
    '本年度报告由重庆市人民政府办公厅根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求编制。全文包括工作开展情况、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开提起行政复议和诉讼的情况、存在的主要问题和整改措施六个部分。本年度报告的电子文本可在“重庆市人民政府网站”(www.cq.gov.cn)上下载。',
    '一、 工作开展情况',
    '2011年,我市政府信息公开工作坚持以科学发展观为指导,认真贯彻落实《条例》和国务院办公厅要求,紧紧围绕全市中心工作,不断健全公开机制,完善公开平台,扩大公开范围,有效地满足了广大人民群众生产生活需要。',
  ];

  test('a site’s menu above the article is no part of its opening: the year its first lines state (probeI10 025)', () => {
    const text = read([...menu, ...report]);
    assert.deepEqual([text.agency, text.year, text.yearSource], ['重庆市人民政府办公厅', 2011, 'body']);
    assert.equal(pageMenuLength([...menu, ...report]), menu.length);
    // one item is no menu, nor are items after the text's first line
    assert.equal(pageMenuLength(['- 政策解读', ...report]), 0);
    assert.equal(pageMenuLength([report[0]!, ...menu]), 0);
  });
});

describe('real pages testers found misread, probe round 17 (fixI): the organ of subjects, introductions and metadata', () => {
  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test('section 一’s subject before 为 and a purpose (probeJ1 042: `贺胜桥镇人民政府为充分尊重…`)', () => {
    const opening =
      '2022年,贺胜桥镇人民政府为充分尊重人民群众知情权,提升群众信任感和满意度,促进政府依法行政,建立廉洁、透明、诚信的责任政府。';
    assert.equal(agencyOf(['一、总体情况', opening]), '贺胜桥镇人民政府');
    // 为 inside a name is no stop (`某区` is not read out of `某区为民服务中心`)
    assert.equal(agencyOf(['一、总体情况', '2022年,某区为民服务中心共受理申请3件。']), '某区为民服务中心');
  });

  test('a subject whose name goes on past 政务 (probeJ3 001: `北京市西城区政务服务管理局以…`, `…持续强化…`)', () => {
    assert.equal(
      agencyOf([
        '依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定,编制本报告。',
        '一、总体情况',
        '北京市西城区政务服务管理局以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大和中央经济工作会议精神,切实做好政府信息公开工作。',
      ]),
      '北京市西城区政务服务管理局',
    );
    assert.equal(agencyOf(['一、总体情况', '2023年,西城区政务服务管理局持续强化主动公开。']), '西城区政务服务管理局');
    // past 政府信息 it does not go: `上海市政府` of `上海市政府信息公开规定` is no subject
    assert.equal(agencyOf(['一、总体情况', '2010年,上海市政府信息公开规定继续得到贯彻。']), null);
  });

  test('`特编制<organ>政府信息公开工作<year>年度报告` names the organ (probeJ1 026, as the loader converts it)', () => {
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府关于做好2021年赣州市政务公开工作的通知》(赣市府办字〔2021〕44号)、《兴国县2021年政务公开工作清单》要求,特编制兴国县教育科技体育局政府信息公开工作2021年度报告。',
        '一、总体情况',
        '(一)主动公开情况。截止2021年12月31日,县教体局在兴国县人民政府网站全年累计公开各类信息1204条。',
      ]),
      '兴国县教育科技体育局',
    );
  });

  test('`现向社会公开<organ>2021年…年度报告` publishes the report (probeJ4 035, no title line)', () => {
    assert.equal(
      agencyOf([
        '一、总体情况',
        '根据《防城港市政务公开领导小组办公室关于做好2021年政府信息公开工作年度报告发布和报送工作的通知》要求,现向社会公开上思县南屏瑶族乡2021年政府信息公开工作年度报告。',
        '2021年度,我乡累计主动公开政府信息29条。',
      ]),
      '上思县南屏瑶族乡',
    );
  });

  test('a unit of the organ that compiled the report, the text speaking as the organ (probeJ5 039: 信息中心, 本局)', () => {
    const lines = (voice: string) => [
      '本报告依据《中华人民共和国政府信息公开条例》(简称《条例》)等相关文件要求,由袁州区市场监督管理局信息中心结合有关统计数据编制而成。如对本报告有任何疑问,请与袁州区市场监督管理局秘书股联系(地址:袁州区袁州大厦11楼,电话:0795-3272180,邮编:336000)。',
      '一、总体情况',
      `2019年,${voice}按照《中华人民共和国政府信息公开条例》要求,主动公开政府信息70件。`,
    ];
    assert.equal(agencyOf(lines('本局')), '袁州区市场监督管理局');
    // the text speaking as the unit: the unit compiled its own report
    assert.equal(agencyOf(lines('本中心')), '袁州区市场监督管理局信息中心');
  });

  test('the organ whose disclosure work its staff carry, the last source (probeJ5 024); not when the text speaks as another', () => {
    const opening = (voice: string) =>
      `${voice}主动通过政府网站发布信息。安排2名民警和1名合同制工作人员承担盐津县公安局政府信息公开工作。办公所需费用全部在财政拨付的行政办公经费中列支。`;
    assert.equal(agencyOf(['一、总体情况', opening('2016年度,全县公安机关')]), '盐津县公安局');
    assert.equal(agencyOf(['一、总体情况', opening('2016年度,我镇')]), null);
  });

  test('a title’s organ never ends in a quotation mark (probeJ3 004: `2024年北京市“政府信息公开工作年度报告”…`)', () => {
    assert.equal(
      agencyOf([
        '2024年北京市“政府信息公开工作年度报告”集中公开专题页面',
        '依据《中华人民共和国政府信息公开条例》,编制本报告。',
        '一、总体情况',
      ]),
      '北京市',
    );
  });

  test('a title broken over two lines without 年度 (probeJ3 050: `红桥区人民政府办公室2024年` / `政府信息公开工作报告`)', () => {
    const text = readDocumentText(
      [
        '红桥区人民政府办公室2024年',
        '政府信息公开工作报告',
        '本年度报告根据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称《条例》)和《天津市政府信息公开工作年度报告编制办法》要求编制。',
        '一、 总体情况',
        '2024年,我办坚持以习近平新时代中国特色社会主义思想为指导。',
      ],
      'unknown',
    );
    assert.deepEqual([text.agency, text.titleYear], ['红桥区人民政府办公室', 2024]);
  });

  test('a clause opening on 其中 is no subject: the introduction names the organ cleanly (probeJ3 038)', () => {
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府信息公开条例》及相关文件要求,现将苏州市机关事务管理局2024年度政府信息公开年度报告向社会公开。本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。',
        '一、总体情况',
        '2024年,苏州市机关事务管理局以习近平新时代中国特色社会主义思想为指导,加大信息公开力度,规范信息公开内容,及时回应公众关切。',
        '(一)主动公开情况',
        '2024年,苏州市机关事务管理局通过门户网站、微信公众号等媒体渠道,主动公开工作动态、政府采购、财政预决算、人事任命等945条,未制发规范性文件;其中在苏州市机关事务管理局门户网站上发布了文字、图片和视频等信息共710条。',
      ]),
      '苏州市机关事务管理局',
    );
  });

  test('the introduction presenting its own report outranks metadata naming the government hosting the page (probeJ2 007)', () => {
    const lines = (host: string) => [
      `索 引 号 | za779940273-2023-000071 | 发布机构 | ${host} |`,
      '发布日期 | 2023-01-30 | 文 号 | |',
      '按照镇安县人民政府办公室《关于做好2022年度政府信息公开年度报告编制公布工作的通知》(镇政办函〔2023〕10号)文件要求,现将茅坪回族镇2022年度政府信息公开工作报告如下:',
      '一、总体情况',
      '茅坪回族镇人民政府严格按照《中华人民共和国政府信息公开条例》要求,认真贯彻落实县委、县政府各项工作部署。',
    ];
    assert.equal(agencyOf(lines('镇安县政府')), '茅坪回族镇人民政府');
    // metadata naming any other organ still goes before the body
    assert.equal(agencyOf(lines('镇安县财政局')), '镇安县财政局');
  });

  test('a metadata value naming no place is no organ (probeJ4 003: `发布机构 | 政府办公室 |`)', () => {
    assert.equal(
      agencyOf([
        '索引号 | wqqlzfb/2022-01075 | 效力属性 | |',
        '发布机构 | 政府办公室 | 文 号 | |',
        '根据《中华人民共和国政府信息公开条例》(以下简称《条例》),特向社会公布我旗2021年度信息公开年度报告。',
        '一、总体情况',
      ]),
      null,
    );
  });

  test('a place typed twice in a row is one place (probeJ4 029: `请与扎赉特旗扎赉特旗人民政府办公室联系`)', () => {
    assert.equal(
      agencyOf([
        '本年度报告根据《中华人民共和国政府信息公开条例》(国令第711号)制作。全文包括扎赉特旗人民政府办公室政府信息公开总体情况,主动公开政府信息情况。如对本年度报告有疑问,请与扎赉特旗扎赉特旗人民政府办公室联系(0482-6736915)。',
        '一、总体情况',
        '2025年,我办认真贯彻落实《中华人民共和国政府信息公开条例》相关要求。',
      ]),
      '扎赉特旗人民政府办公室',
    );
  });

  test('a place alone in the title is its government as the signature names it (probeJ5 030)', () => {
    const lines = (signature: string) => [
      '2018年建新镇政府信息公开工作年度报告',
      '建新镇根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,特向社会公开2018年度建新镇政府信息公开年度报告。',
      '一、主动公开政府信息的情况',
      '我镇政府信息公开主要采用线上和线下两种形式进行发布。',
      signature,
      '2018年12月31日',
    ];
    assert.equal(agencyOf(lines('遂溪县建新镇人民政府')), '遂溪县建新镇人民政府');
    // a signature naming another organ leaves the title's place as it is
    assert.equal(agencyOf(lines('遂溪县建新镇财政所')), '建新镇');
  });
});

describe('probe round 17 (helper fixM): the agency of real pages', () => {
  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test('a place alone in the title is its government as the published title or the metadata names it (probeL1 001, 019, 035)', () => {
    // the introduction's published title
    assert.equal(
      agencyOf([
        '安溪县2021年政府信息公开工作年度报告',
        '时间:2022-01-07 10:10',
        '根据修订后的《中华人民共和国政府信息公开条例》(国务院令第711号)等文件要求,特编制并向社会公布安溪县人民政府2021年政府信息公开工作年度报告。',
        '一、总体情况',
        '2021年,我县坚持以公开为常态、不公开为例外,不断提升政府信息公开工作水平,推进依法行政。',
      ]),
      '安溪县人民政府',
    );
    // the page's metadata: 发布单位 (also in traditional characters, as a page read unconverted writes it) and 来源
    const metadata = (line: string) => [
      '桂林市2020年政府信息公开工作年度报告',
      '一、2020年政府信息公开工作的基本情况',
      '新修订的《条例》实施一年以来,我市通过政务服务中心大萤幕播放宣传标语。',
      '基本介绍',
      '  • 中文名:桂林市2020年政府信息公开工作年度报告',
      line,
    ];
    assert.equal(agencyOf(metadata('  • 发布单位:桂林市人民政府')), '桂林市人民政府');
    assert.equal(agencyOf(metadata('  • 發布單位:桂林市人民政府')), '桂林市人民政府');
    assert.equal(
      agencyOf(['政府信息公开', '福清市2022年政府信息公开工作年度报告', '来源:福清市人民政府 时间:2023-02-10 11:54', '一、总体情况']),
      '福清市人民政府',
    );
    // metadata naming another place's government leaves the title's place as it is
    assert.equal(agencyOf(['福清市2022年政府信息公开工作年度报告', '来源:福州市人民政府 时间:2023-02-10 11:54', '一、总体情况']), '福清市');
  });

  test("a government's office whose section 一 opens on the office itself is the organ (probeL1 003)", () => {
    const lines = (opening: string) => [
      '本报告中所列数据统计时限为2021年1月1日至12月31日。对本报告如有疑问,请与鲤城区人民政府办公室联系(地址:泉州市鲤城区机关大院4号楼;电话:0595-22355663;邮编:362000)。',
      '一、总体情况',
      opening,
      '(一)主动公开工作情况',
      '坚持“以公开为常态,不公开为例外”,2021年,区府办主动公开政府信息累计124条(含区政府文号文件)。',
    ];
    assert.equal(
      agencyOf(lines('2021年,鲤城区人民政府办公室自觉履行政府信息公开工作主管部门职责,部署、推进、指导、协调2021年全区政府信息公开工作。')),
      '鲤城区人民政府办公室',
    );
    // a government's report naming its office for contact only stays the government's
    assert.equal(agencyOf(lines('2021年,鲤城区人民政府坚持以公开为常态、不公开为例外。')), '鲤城区人民政府');
  });

  test('the subject after an opening `根据…部署,` after the year: a zone office named with its zone (probeL1 020)', () => {
    const lines = (zone: string) => [
      '一、总体情况',
      `2020年,根据国务院、省政府、市政府的有关部署,${zone}政务公开工作办公室(下称我办)立足新形势,把握新要求,积极开展政务公开工作。`,
    ];
    assert.equal(agencyOf(lines('黄埔区 广州开发区')), '黄埔区广州开发区政务公开工作办公室');
    assert.equal(agencyOf(lines('黄埔区广州开发区')), '黄埔区广州开发区政务公开工作办公室');
    // a zone whose words past 政务 name no organ stays the zone
    assert.equal(agencyOf(['一、总体情况', '2020年,广州开发区政务公开工作取得新成效,坚持以公开为常态。']), '广州开发区');
  });

  test('an office short-named by its work, opening a sentence (probeL4 002, probeL2 022, probeL2 003)', () => {
    assert.equal(
      agencyOf([
        '本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)编制。',
        '一、总体情况',
        '按照区委、区政府有关要求,区政府政务服务办进一步完善公开制度,规范公开形式,强化公开监督。办领导要求各科室积极配合,各司其职。',
      ]),
      '区政府政务服务办',
    );
    // a mirror's gambling brand where the title's place was names nothing; the introduction's subject does
    assert.equal(
      agencyOf([
        '365bet网上娱乐_365BETAPP官网_365体育平台网址人民政府合作交流办公室',
        '2022年政府信息公开工作年度报告',
        '2022年,市合作交流办认真贯彻落实新修订的《中华人民共和国政府信息公开条例》,不断健全完善政务信息公开工作制度。',
        '一、总体情况',
      ]),
      '市合作交流办',
    );
    // a way of handling matters that ends in 办 is no office
    assert.equal(agencyOf(['一、总体情况', '2022年,区一网通办进一步完善服务。']), null);
    assert.equal(agencyOf(['一、总体情况', '2022年,市政务服务中心马上办进一步优化服务。']), null);
  });

  test('a subject after a year without 年, the gambling brand before section 一 naming nothing (probeL2 004)', () => {
    assert.equal(
      agencyOf([
        '依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定,编制本报告。',
        '一、总体情况。手机彩票网文化和旅游局严格对照政务信息公开自查的内容,展开了全面自查。',
        '2022区文旅局主动公开政府信息1112条。其中,工作动态类信息75条,公示公告类信息17条。',
      ]),
      '区文旅局',
    );
  });

  test("a title's name without its place, in full as a clause after the year names it (probeL4 028)", () => {
    const lines = (mention: string) => [
      '住建局 2025 年政府信息公开工作年度报告',
      '一、总体情况',
      '(一)主动公开:2025年结合局日常重点工作任务,主动公开信息127条。',
      `(二)依申请公开:2025年${mention}依申请信息公开办理有69件,均为自然人申请。`,
      '(三)政府信息管理:2025年住建局持续不断优化政府信息公开制度。',
    ];
    assert.equal(agencyOf(lines('安阳县住建局')), '安阳县住建局');
    // two places named so: neither
    assert.equal(agencyOf([...lines('安阳县住建局'), '2025年安阳市住建局印发了工作要点。']), '住建局');
    // words before the name that are no place: none
    assert.equal(agencyOf(lines('共收到住建局')), '住建局');
    assert.equal(agencyOf(lines('住建局与市住建局')), '住建局');
  });

  test("a site's bracketed tag before the title goes whole (probeL4 033)", () => {
    assert.equal(
      agencyOf(['当前位置:首页', '> 新版信息公开 > 政府信息公开年报', '【图文】嘉兴市市场监督管理局2022年度政府信息公开工作年度报告']),
      '嘉兴市市场监督管理局',
    );
    assert.equal(agencyOf(['[视频]嘉兴市市场监督管理局2022年度政府信息公开工作年度报告']), '嘉兴市市场监督管理局');
    // a name in the brackets is the name
    assert.equal(agencyOf(['【嘉兴市市场监督管理局】2022年度政府信息公开工作年度报告']), '嘉兴市市场监督管理局');
  });
});

describe('probe round 17 (helper fixQ): the agency of real pages', () => {
  const agencyOf = (lines: readonly string[]) => readDocumentText(lines, 'unknown').agency;

  test('a website is no organ, nor the centre running one (probeP1 001, 005; probeP4 015)', () => {
    assert.equal(agencyOf(['一、总体情况', '(一)主动公开', '2023年政府网站主动公开政府信息207条。']), null);
    assert.equal(agencyOf(['一、总体情况', '(一)主动公开情况', '政府网站政务页面,我街对信息公开指南内容和机构信息进行了更新;']), null);
    // a site's centre hosting the disclosure office, in a report speaking as its 旗, is not its organ
    assert.equal(
      agencyOf([
        '本报告根据《中华人民共和国政府信息公开条例》规定,汇总全旗各苏木乡镇人民政府、旗直各部门政府信息公开工作情况编制而成。本年度报告电子版可以从察哈尔右翼后旗人民政府网站(http://www.cyhq.gov.cn)下载。如对本报告有任何疑问,请与察哈尔右翼后旗电子政务网站服务中心联系(地址:察哈尔右翼后旗党政大楼二楼223室,联系电话:0474-6209856)。',
        '一、总体情况',
        '2024年,我旗认真贯彻落实《中华人民共和国政府信息公开条例》相关要求。',
      ]),
      '察哈尔右翼后旗人民政府',
    );
  });

  test('a contact body of another kind than the voice of a report speaking as its 区 is not its organ (probeP4 004)', () => {
    const lines = (voice: string) => [
      '本年度报告电子版可从邵阳市人民政府门户网站(www.dxzc.gov.cn)下载。如对本年度报告有疑问,请与大祥区行政审批服务局联系(电话:0739-5253966)。',
      '一、总体情况',
      `2021年度,${voice}通过政府网站作为第一平台主动公开政府信息,共发布政府信息7518条。`,
    ];
    assert.equal(agencyOf(lines('我区')), null);
    // a report speaking as the bureau is the bureau's
    assert.equal(agencyOf(lines('我局')), '大祥区行政审批服务局');
  });

  test('the unit for the disclosure work that compiled the report is its organ’s (probeP1 029)', () => {
    assert.equal(
      agencyOf(['本年度政府信息公开报告根据《中华人民共和国政府信息公开条例》规定,由天津市武清区崔黄口镇人民政府政务公开工作机构编制。']),
      '天津市武清区崔黄口镇人民政府',
    );
    assert.equal(agencyOf(['本报告由某县水务局政府信息公开办公室编制。']), '某县水务局');
  });

  test('a contact line naming the organ, then its address (probeP2 027)', () => {
    assert.equal(
      agencyOf(['如对本报告有异议,请联系剑阁县交通运输局,地址:四川省广元市剑阁县下寺镇剑门关大道333号,联系电话:0839-6600299。']),
      '剑阁县交通运输局',
    );
  });

  test('开云 is a place too: only a brand after it makes it gambling (probeP4 006)', () => {
    assert.equal(
      agencyOf([
        '根据《中华人民共和国政府信息公开条例》(以下简称《条例》),特向社会公布《衡山县开云新区管理委员会2020年政府信息公开年度报告》。',
      ]),
      '衡山县开云新区管理委员会',
    );
    assert.equal(agencyOf(['开云体育官方入口卫生健康局2020年度政府信息公开工作报告']), null);
    assert.equal(agencyOf(['开云真人娱乐卫生健康局2020年度政府信息公开工作报告']), null);
  });

  test('a short name in full where the report says what it covers (probeP2 011)', () => {
    assert.equal(
      agencyOf([
        '本报告由总体情况等六部分组成,涵盖了2022年麒麟区自然资源局政府信息公开工作,报告中所列数据统计起止时间为2022年1月1日至2022年12月31日。',
        '一、总体情况',
        '2022年,区自然资源局局认真落实《中华人民共和国政府信息公开条例》相关规定。',
      ]),
      '麒麟区自然资源局',
    );
  });

  test('its own rules and its own group for the disclosure work name the organ speaking as 我局 (probeP2 021, 034)', () => {
    assert.equal(
      agencyOf([
        '一、总体情况',
        '根据政府信息公开有关工作要求,我局成立了由局长任组长,分管领导任副组长,相关股室及下属单位负责人为成员的姚安县农业农村局政府信息公开工作领导小组,下设办公室。',
      ]),
      '姚安县农业农村局',
    );
    const rules = (voice: string) => [
      '一、总体情况',
      `一是调整充实了${voice}政府信息公开工作领导小组,由刘诚局长担任组长。`,
      '二是完善《牟定县水务局政府信息主动公开制度》、《牟定县水务局政府信息依申请公开制度》。',
    ];
    assert.equal(agencyOf(rules('我局')), '牟定县水务局');
    // speaking as another kind of organ: not its own rules
    assert.equal(agencyOf(rules('我委')), null);
  });

  test('a place alone completed by the contact line naming its government (probeP4 027, 033)', () => {
    assert.equal(
      agencyOf([
        '西秀区黄腊乡2021年政府信息公开工作年度报告',
        '公众如需进一步咨询了解相关信息,请与西秀区黄腊乡人民政府联系(地址:西秀区黄腊乡黑秧居委会黑秧组200号党政办公室,邮编:561009,电话:0851-33765111)',
      ]),
      '西秀区黄腊乡人民政府',
    );
    assert.equal(
      agencyOf([
        '平寨乡2024年政府信息公开工作年度报告',
        '公众如需进一步咨询了解相关信息,请与平寨乡人民政府联系(地址:黎平县平寨乡平寨村,邮编:557327,电话:0855-6291005)。',
      ]),
      '平寨乡人民政府',
    );
  });
});

describe('probe round 17 (helper fixT): the agency and year of real pages', () => {
  // (traditional pages as the reader gets them: converted to simplified characters, a mirror's pinyin readings removed,
  // by the document adapter)
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown');

  test('a metadata value ends where the next field label begins (probeP5 001)', () => {
    assert.equal(
      read(['政府信息公开工作年报', '发布时间: 2024-01-22 15:40:00来源:武汉市发展和改革委员会字号:[ 大 中 小 ]分享:', '一、总体情况'])
        .agency,
      '武汉市发展和改革委员会',
    );
  });

  test("the page's short title completed by its full title below, of the same year (probeP5 026)", () => {
    const lines = (full: string) => [
      '区退役军人事务局2022年政府信息公开工作年度报告',
      '发布日期:2023-01-19 10:02:41 文章来源:本网 字体大小:【 A- A A+ 】',
      full,
      '一、总体情况',
    ];
    const text = read(lines('广州市越秀区退役军人事务局2022年政府信息公开工作年度报告'));
    assert.equal(text.agency, '广州市越秀区退役军人事务局');
    assert.equal(text.year, 2022);
    // another year's title (a link to last year's report) completes nothing
    assert.equal(read(lines('广州市越秀区退役军人事务局2021年政府信息公开工作年度报告')).agency, '区退役军人事务局');
  });

  test('later openings of section 一 on their time, naming the organ twice, for a text speaking as 我局 (probeP5 036)', () => {
    const lines = (
      voice: string,
      second = '2022年全年,区审计局未收到政府信息公开申请,无因政府信息公开工作被申请行政复议、提起行政诉讼情况。',
    ) => [
      '一、总体情况',
      `2022年,${voice}坚持以习近平新时代中国特色社会主义思想为指导,认真组织实施《条例》和国务院、省、市、区有关政务公开工作要求。`,
      '(一)主动公开政务信息。',
      '本年度,区审计局主要通过区政府政务公开网站、杭州市审计局官网和本单位通知公告栏三种方式主动公开审计法规。',
      '(二)做好依申请公开工作。',
      second,
    ];
    assert.equal(read(lines('我局')).agency, '区审计局');
    // a text speaking as a government (我区) is not the bureau's; a name given once is not enough
    assert.equal(read(lines('我区')).agency, null);
    assert.equal(read(lines('我局', '(三)规范政府信息管理。')).agency, null);
  });

  test('the year run straight into the organ opening section 一 (probeP5 027)', () => {
    const lines = [
      '根据《中华人民共和国政府信息公开条例》相关规定,现公布广州市荔湾区退役军人事务局信息公开工作年度报告。',
      '一、总体情况',
      '2023年荔湾区退役军人事务局高度重视发挥思想政治引领作用,深入学习贯彻习近平总书记重要讲话重要指示精神。',
    ];
    assert.equal(read(lines).year, 2023);
    // a year run into a date is no opening
    assert.equal(read(['一、总体情况', '2023年12月31日前,区审计局完成了全部工作。']).year, null);
  });
});

describe('probe round 18 (r18d)', () => {
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown');

  test('a quoted title keeps the bracket after the organ, as a title line does (probeQ5 028, 021)', () => {
    const intro = (title: string) => [
      `根据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称《条例》)要求,现公布《${title}》。`,
      '一、总体情况',
    ];
    assert.equal(read(intro('贵阳市人民政府(市人民政府办公厅)2021年政府信息公开工作年度报告')).agency, '贵阳市人民政府(市人民政府办公厅)');
    assert.equal(read(intro('海关总署(本级机关)2020年政府信息公开工作年度报告')).agency, '海关总署(本级机关)');
    // the title line reads it so too
    assert.equal(
      read(['贵阳市人民政府(市人民政府办公厅)2021年政府信息公开工作年度报告', '一、总体情况']).agency,
      '贵阳市人民政府(市人民政府办公厅)',
    );
  });

  test('a report the organ sends for another or helps with names no agency (probeQ8 004)', () => {
    const lines = (item: string) => [
      '一、总体情况',
      '(二)政府信息主动公开情况',
      `1.${item}《2021年度武昌区政府信息公开工作年度报告》。按照《武昌区2022年政务公开工作要点》,参加全区政务公开工作线上培训会。`,
      '(三)政府信息依申请公开情况',
      '我局本年新收到政府信息公开申请35件,上年转结政府信息公开申请2件。',
    ];
    assert.equal(read(lines('配合区政务公开领导小组报送')).agency, null);
    // the organ's own report, presented now, still names it
    assert.equal(read(lines('现发布')).agency, '武昌区');
  });

  test('a scope or a list of bodies is no office; the contact names a section of the office (probeQ3 014)', () => {
    const lines = [
      '引言',
      '本报告依据《中华人民共和国政府信息公开条例》有关规定编制。对本报告如有疑问,可与永泰县人民政府办公室数字信息科联系(地址:福州市永泰县县府路1号;邮编:350700)。',
      '一、总体情况',
      '(一)政府信息公开基本情况',
      '1.主动公开方面。深入贯彻落实《中华人民共和国政府信息公开条例》,制定印发《永泰县人民政府办公室关于印发永泰县2019年政务公开工作主要任务的通知》(樟政办〔2019〕102号)。2019年,县本级政府及政府办主动公开政府信息88条,历年累计主动公开政府信息1668条。',
      '2.依申请公开方面。严格执行《永泰县人民政府办公室政府信息依申请公开办法》《永泰县人民政府办公室政府信息依申请公开流程》,认真组织业务人员学习。',
    ];
    assert.equal(read(lines).agency, '永泰县人民政府办公室');
    // without the office's own rules, a section of the government's office for contact names the government
    assert.equal(read(lines.slice(0, 5)).agency, '永泰县人民政府');
  });

  test('a second title line naming the place’s government decides a year-first title (probeQ6 025)', () => {
    const text = read(['2020年高新区(新市区)政府信息公开工作年度报告', '高新区(新市区)政府2020年信息公开工作年度报告', '一、总体情况']);
    assert.equal(text.agency, '高新区(新市区)政府');
    assert.equal(text.year, 2020);
    // alone, the first line reads the place
    assert.equal(read(['2020年高新区(新市区)政府信息公开工作年度报告', '一、总体情况']).agency, '高新区(新市区)');
  });
});

describe('probe round 18 (r18c)', () => {
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown');

  test('section 一 opens on the organ before 通过 or 未收到 (probeQ2 004)', () => {
    const lines = (first: string, second: string) => [
      '根据《中华人民共和国政府信息公开条例》(以下简称《条例》),根据《条例》编制本报告,报告数据统计期限自2025年1月1日起至2025年12月31日止。',
      '一、总体情况',
      '(一)主动公开政府信息情况',
      first,
      '(二)依申请公开情况',
      second,
    ];
    const opening = '2025年和平街道办事处通过铁东区门户网站公开信息65条,其中发布了街道工作动态类信息。';
    const refused = '建立健全申请接收、登记、审核、办理、答复、归档全流程工作机制。2025年度,和平街道办事处未收到依申请公开申请。';
    assert.equal(read(lines(opening, '建立健全申请接收、登记、审核、办理、答复、归档全流程工作机制。')).agency, '和平街道办事处');
    assert.equal(read(lines('全年主动公开信息均通过合规审核,无违规发布情况。', refused)).agency, '和平街道办事处');
    // 未 alone stops no name (`西安市未央区…`)
    assert.equal(read(lines('2025年,西安市未央区张家堡街道办事处扎实推进政务公开工作。', refused)).agency, '西安市未央区张家堡街道办事处');
  });

  test('the organ presenting its report to the public, unquoted (probeQ8 019, 020)', () => {
    // (the opening line as the page has it, the period's sentence on the same line)
    const lines = (opening: string, body: string) => [
      `${opening}本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。`,
      '一、总体情况',
      '(一)主动公开政府信息情况',
      body,
    ];
    assert.equal(
      read(
        lines(
          '郑州高新区沟赵办事处向社会公布2021年度本级政府信息公开年度报告。本报告全文由政府信息公开工作的总体情况,主动公开政府信息情况等六个部分组成。',
          '2021年,沟赵办事处主动公开政府信息109条。',
        ),
      ).agency,
      '郑州高新区沟赵办事处',
    );
    assert.equal(
      read(
        lines(
          '郑州高新技术产业开发区双桥办事处向社会公布2021年度本级政府信息公开年度报告。本报告共分六个部分。',
          '2021年,我单位认真执行《政府信息公开条例》规定。',
        ),
      ).agency,
      '郑州高新技术产业开发区双桥办事处',
    );
  });

  test('the introduction compiling the organ’s report of the year, its short name in brackets (probeQ8 039)', () => {
    const lines = [
      '根据《中华人民共和国政府信息公开条例》(国务院令第711号)要求,编制武汉东湖新技术开发区建设管理和交通局(以下简称建设局)2024年度报告。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
      '一、总体情况',
      '(一)主动公开',
      '2024年,建设局通过东湖高新区门户网站更新、发布各类信息18条。',
    ];
    assert.equal(read(lines).agency, '武汉东湖新技术开发区建设管理和交通局');
  });

  test('the contact line naming a unit of the organ before 联系 (probeQ8 015)', () => {
    const lines = (contact: string, voice = '我局') => [
      `根据《中华人民共和国政府信息公开条例》规定,${voice}编制了2023年政府信息公开工作年度报告。本报告所列统计数据的期限自2023年1月1日起,至2023年12月31日止。${contact}`,
      '一、总体情况',
      `2023年,${voice}在区委、区政府的坚强领导下,认真贯彻落实《中华人民共和国政府信息公开条例》。`,
    ];
    const contact = '如对本报告有任何疑问,请与重庆市渝中区医疗保障局政府信息公开申请受理机构联系(地址:重庆市渝中区中山一路169号)。';
    assert.equal(read(lines(contact)).agency, '重庆市渝中区医疗保障局');
    // a text speaking as another kind of body is not the unit's organ's
    assert.equal(read(lines(contact, '我区')).agency, null);
    // a section of a government's office is not this rule's: CONTACT_OFFICE_UNIT (r18d) reads the government there
    assert.equal(
      read(lines('对本报告如有疑问,可与永泰县人民政府办公室数字信息科联系(地址:福州市永泰县县府路1号)。', '本县')).agency,
      '永泰县人民政府',
    );
  });
});

describe('probe round 18 (r18e)', () => {
  const read = (lines: readonly string[]) => readDocumentText(lines, 'unknown');
  const identity = (lines: readonly string[]) =>
    read(lines)
      .findings.filter((f) => f.rule === 'META-IDENTITY')
      .map((f) => f.message);

  test('the introduction presenting its report by name states its year, quoted or not: no year inferred from the body (probeQ5 002, 028)', () => {
    // (as the reader sees probeQ5 002 once converted from traditional script: `現公布廣東省人民政府2022年政府信息公開工作年度報告。`)
    const unquoted = [
      '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)及《中华人民共和国政府信息公开工作年度报告格式》等规定,现公布广东省人民政府2022年政府信息公开工作年度报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分组成,',
      '一、总体情况',
      '2022年,全省各级行政机关坚持以习近平新时代中国特色社会主义思想为指导,',
    ];
    const text = read(unquoted);
    assert.deepEqual([text.agency, text.year, text.yearSource], ['广东省人民政府', 2022, 'introduction']);
    assert.deepEqual(identity(unquoted), []);
    const quoted = [
      '根据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称《条例》)…要求,现公布《贵阳市人民政府(市人民政府办公厅)2021年政府信息公开工作年度报告》。',
      '一、总体情况',
      '2021年,市政府办公厅坚持以习近平新时代中国特色社会主义思想为指导,',
    ];
    assert.deepEqual([read(quoted).year, identity(quoted)], [2021, []]);
    // a report merely published (no 现/特 before it) is no title of this one: at most a year inferred
    const published = read(['及时公布广东省人民政府2021年政府信息公开工作年度报告。', '一、总体情况', '我省加强公开。']);
    assert.notEqual(published.yearSource, 'introduction');
  });

  test('a part’s heading and a space open a clause on the year, where a page’s line breaks became spaces (probeQ1 021)', () => {
    // (the page's one line as the table reader hands it on: the section heading split off)
    const line =
      '开平市政务服务和数据管理局认真贯彻落实《中华人民共和国政府信息公开条例》,扎实做好政府信息公开工作。 (一)主动公开情况 2025年,开平市政务服务和数据管理局主要是通过“开平市政务服务和数据管理局网站”主动公开政府信息67条,其中信息公开指南1条。 (二)依申请公开情况 2025年,开平市政务服务和数据管理局收到政府信息公开申请4件。 (三)政府信息管理';
    const text = read(['一、总体情况', line]);
    assert.deepEqual([text.year, text.yearSource], [2025, 'body']);
    // two parts naming two years give none
    const twoYears = line.replace('情况 2025年,开平市政务服务和数据管理局收到', '情况 2024年,开平市政务服务和数据管理局收到');
    assert.equal(read(['一、总体情况', twoYears]).year, null);
  });
});
