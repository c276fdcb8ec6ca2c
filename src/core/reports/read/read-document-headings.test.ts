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
