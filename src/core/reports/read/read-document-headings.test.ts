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
