// A page whose paragraphs a crawler joined into one line with spaces (issue #9; real pages found while
// probing the reader were called no report at all): the section headings inside the line are found.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSource } from '#adapters/documents/load-source.ts';
import { readReport } from '#core/reports/read/read-report.ts';

async function read(text: string) {
  const loaded = await loadSource(new TextEncoder().encode(text), 'page.txt');
  assert.ok(loaded.ok);
  return readReport(loaded.document, 'page.txt').reading;
}

describe('section headings inside a line joined with spaces', () => {
  const page = [
    '根据《中华人民共和国政府信息公开条例》要求，现发布《某县某镇2022年政府信息公开工作年度报告》。',
    '一、总体情况 2022年，我镇主动公开政府信息82条。',
    '二、主动公开政府信息情况 第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 1 0 4',
    '三、收到和处理政府信息公开申请情况 本年未收到政府信息公开申请。',
    '四、政府信息公开行政复议、行政诉讼情况 无。',
    '五、存在的主要问题及改进情况 我镇信息公开工作仍有不足。 六、其他需要报告的事项 无。',
  ].join(' ');

  it('reads the sections, the year and the table of a one-line page', async () => {
    const reading = await read(page);
    assert.equal(reading.year, 2022);
    assert.equal(reading.template, '2021');
    assert.ok(!reading.findings.some((f) => f.rule === 'NOT-A-REPORT' || f.rule === 'STRUCT-SECTION'), JSON.stringify(reading.findings));
    assert.deepEqual(
      reading.cells.map((c) => `${c.id}=${c.value}`),
      [
        'rules.issued=0',
        'rules.repealed=0',
        'rules.in_force=0',
        'normative_documents.issued=1',
        'normative_documents.repealed=0',
        'normative_documents.in_force=4',
      ],
    );
  });

  it('does not take the parts an introduction lists for headings', async () => {
    const reading = await read(
      [
        '某局2022年政府信息公开工作年度报告',
        '本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。',
        '一、总体情况',
        '2022年，我局主动公开信息82条。',
      ].join('\n'),
    );
    assert.ok(!reading.findings.some((f) => f.rule === 'STRUCT-NUMBERING'), JSON.stringify(reading.findings));
  });
});

describe('a report written as prose, without the template`s tables and headings', () => {
  it('is a report when it opens by stating its statistics period: its year is read, its missing parts reported', async () => {
    const reading = await read(
      [
        '(一)总体情况',
        '2021年，某区司法局认真贯彻落实《条例》。本报告中所列数据的统计期限自2021年1月1日至2021年12月31日止。',
        '(二)政府信息公开情况',
        '2021年，我局受理依申请公开政府信息0件，办结0件。',
      ].join('\n'),
    );
    assert.equal(reading.year, 2021);
    assert.ok(!reading.findings.some((f) => f.rule === 'NOT-A-REPORT'));
    assert.ok(reading.findings.some((f) => f.rule === 'STRUCT-TABLE'));
  });

  it('a report before the template, titled as one: its organ and year read, one TPL-BEFORE notice for its outline', async () => {
    const reading = await read(
      [
        '某潭区人民政府2017年政府信息公开工作年度报告',
        '一、基本工作情况',
        '2017年，我区共主动公开政府信息1200条，其中政策文件200条，工作动态1000条。',
        '二、依申请公开情况',
        '全年受理申请5件，均已答复。',
      ].join('\n'),
    );
    assert.deepEqual([reading.agency, reading.year, reading.template], ['某潭区人民政府', 2017, 'unknown']);
    assert.deepEqual(
      reading.findings.map((f) => [f.rule, f.severity, f.message]),
      [['TPL-BEFORE', 'notice', '2017年度报告早于政府信息公开工作年度报告格式（2019年度起适用），未按格式核对其表格和栏目']],
    );
    // no title: the opening sentence names the report
    const opening = await read(
      [
        '2014年以来，根据《条例》要求，特编制并向社会公布某水区发展改革和统计局2014年度政府信息公开年度报告如下:',
        '一、工作开展情况',
        '2014年，我局公开信息。',
      ].join('\n'),
    );
    assert.deepEqual([opening.agency, opening.year], ['某水区发展改革和统计局', 2014]);
    assert.ok(opening.findings.some((f) => f.rule === 'TPL-BEFORE'));
    // a page of a report without its 一、 heading (it goes from the introduction to （一）): a report all the same
    const page = await read(
      [
        '某沙市2023年政府信息公开工作年度报告',
        '本报告根据《条例》要求编制，全文包括总体情况、主动公开政府信息情况等六个部分。',
        '(一)主动公开情况。一是强化顶层设计。',
      ].join('\n'),
    );
    assert.deepEqual([page.agency, page.year], ['某沙市', 2023]);
    assert.ok(!page.findings.some((f) => f.rule === 'NOT-A-REPORT'));
    // a crawler's copy: its metadata, then the page run into one line, the parts glued after a full stop
    const glued = await read(
      [
        '标题: 某潭县人民政府2011年政府信息公开工作年度报告',
        '发布时间: 2012-04-18 00:00',
        '==================== 正文 ====================',
        '某潭县人民政府2011年政府信息公开工作年度报告 本报告主要根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制。本报告电子版可在政府网站下载。如对本报告有任何疑问，请与办公室联系（电话：0591-24336240；电子邮箱：24336240@163.com）。一、 概述 推进政府信息公开工作是贯彻实施《条例》的重要举措，全县各单位认真落实。二、主动公开政府信息情况（一）主动公开政府信息的数量各乡镇、县直各单位对政府信息进行了梳理，全年主动公开政府信息425条。三、政府信息依申请公开情况 全年未收到申请。',
      ].join('\n'),
    );
    assert.deepEqual([glued.agency, glued.year], ['某潭县人民政府', 2011]);
    assert.ok(glued.findings.some((f) => f.rule === 'TPL-BEFORE'));
    // the same text for 2019: the template applies, its missing tables and sections are findings
    const later = await read(['某潭区人民政府2019年政府信息公开工作年度报告', '一、基本工作情况', '2019年，我区公开信息。'].join('\n'));
    assert.ok(later.findings.some((f) => f.rule === 'STRUCT-TABLE'));
    assert.ok(!later.findings.some((f) => f.rule === 'TPL-BEFORE'));
  });

  it('a text that only mentions a report is none (a README naming one)', async () => {
    const reading = await read(
      ['# Fixtures', '', '2019年某市人民政府办公厅政府信息公开工作年度报告 is kept here as an example.'].join('\n'),
    );
    assert.deepEqual(
      reading.findings.map((f) => f.rule),
      ['NOT-A-REPORT'],
    );
    assert.equal(reading.year, null);
  });
});

describe('a numbered sentence that repeats a section heading', () => {
  it('is no heading when its number is not its section`s (`三、主动公开政府信息情况。2021年，我局无…` inside 一)', async () => {
    const reading = await read(
      [
        '某局2021年政府信息公开工作年度报告',
        '一、总体情况',
        '一、依申请公开情况。本年度未收到申请。',
        '三、主动公开政府信息情况。2021年，我局无相关政务信息公开。',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、政府信息公开工作存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ].join('\n'),
    );
    assert.ok(!reading.findings.some((f) => f.rule === 'STRUCT-NUMBERING'), JSON.stringify(reading.findings));
  });
});
