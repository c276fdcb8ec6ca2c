import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import type { ReportDocument } from '../report-model.ts';
import { TEMPLATES } from '../template.ts';
import { escapeHtml, renderHtml } from './render-html.ts';

const blank = (template: '2021' | '2019', cells = new Map()): ReportDocument => ({
  template,
  agency: '某县民政局',
  year: template === '2021' ? 2023 : 2020,
  preamble: [],
  sections: {},
  cells,
});

/** The opening tag of the header cell with exactly this text. */
function headerTag(html: string, text: string): string {
  const match = new RegExp(`<th([^>]*)>${text}</th>`).exec(html);
  assert.ok(match, `no <th> ${text}`);
  return match[1] ?? '';
}

const attr = (tag: string, name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(tag)?.[1] ?? 1);

describe('renderHtml', () => {
  test('is a self-contained Chinese page styled for A4 print with a CJK font stack', () => {
    const html = renderHtml(blank('2021'));
    assert.ok(html.startsWith('<!doctype html>\n<html lang="zh-CN">'));
    assert.ok(html.includes('<meta charset="utf-8">'));
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /font-family: [^;]*"Noto Serif CJK SC"/);
    assert.ok(!/<link|<script|src=/.test(html), 'no external resource');
    assert.ok(html.includes('<title>某县民政局2023年政府信息公开工作年度报告</title>'));
  });

  test('reproduces the merged heads of table 三: 申请人情况 over seven columns, 法人或其他组织 over five', () => {
    const html = renderHtml(blank('2021'));
    assert.equal(attr(headerTag(html, '申请人情况'), 'colspan'), 7);
    assert.equal(attr(headerTag(html, '法人或其他组织'), 'colspan'), 5);
    assert.equal(attr(headerTag(html, '自然人'), 'rowspan'), 2);
    assert.match(headerTag(html, '法人或其他组织'), /scope="colgroup"/);
    assert.match(
      html,
      /<td colspan="3" rowspan="3" class="note">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/td>/,
    );
  });

  test('reproduces the merged heads of table 四: 行政复议 5, 行政诉讼 10, each suit kind 5, result columns two rows high', () => {
    const html = renderHtml(blank('2019'));
    assert.equal(attr(headerTag(html, '行政复议'), 'colspan'), 5);
    assert.equal(attr(headerTag(html, '行政诉讼'), 'colspan'), 10);
    assert.equal(attr(headerTag(html, '未经复议直接起诉'), 'colspan'), 5);
    assert.equal(attr(headerTag(html, '复议后起诉'), 'colspan'), 5);
    assert.equal((html.match(/<th rowspan="2" scope="col">结果维持<\/th>/g) ?? []).length, 1);
    assert.equal((html.match(/<th scope="col">结果维持<\/th>/g) ?? []).length, 2);
  });

  test('spans the row labels of table 三 over their rows: 三、本年度办理结果 and each group with sub-rows', () => {
    for (const template of ['2021', '2019'] as const) {
      const rows = TEMPLATES[template].tables.三.rows;
      const html = renderHtml(blank(template));
      const outcomeRows = rows.filter((r) => r.parent !== undefined && r.kind === 'data').length;
      assert.equal(attr(headerTag(html, '三、本年度办理结果'), 'rowspan'), outcomeRows);
      for (const group of rows.filter((r) => r.kind === 'group' && r.id !== 'outcome')) {
        const subs = rows.filter((r) => r.parent === group.id).length;
        assert.equal(attr(headerTag(html, group.shortLabel), 'rowspan'), subs, group.label);
        assert.match(headerTag(html, group.shortLabel), /scope="rowgroup"/);
      }
    }
  });

  test('gives a group with printed numbers a row of its own, its sub-rows under an empty cell spanning them', () => {
    const html = renderHtml(blank('2021', new Map([['outcome.withheld.total', { value: 2, raw: '2' }]])));
    const tag = headerTag(html, '（三）不予公开');
    assert.equal(attr(tag, 'colspan'), 2);
    assert.equal(attr(tag, 'rowspan'), 1);
    assert.match(html, /<td class="num" data-cell="outcome\.withheld\.total">2<\/td>/);
    assert.match(html, /<td rowspan="8"><\/td><th scope="row">1\.属于国家秘密<\/th>/);
  });

  test('writes every template cell once as a data cell holding its raw text, absent cells empty', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true, groupValues: false }), (doc) => {
        const html = renderHtml(doc);
        const found = [...html.matchAll(/<td(?: colspan="\d+")? class="num" data-cell="([^"]+)">([^<]*)<\/td>/g)];
        assert.deepEqual(
          found.map((m) => m[1]),
          TEMPLATES[doc.template].cells.map((c) => c.id),
        );
        for (const [, id, text] of found) {
          assert.equal(text, escapeHtml(doc.cells.get(id ?? '')?.raw ?? ''));
        }
      }),
      { numRuns: 20 },
    );
  });

  test('gives every header cell a scope', () => {
    const html = renderHtml(blank('2021'));
    const headers = [...html.matchAll(/<th(\s[^>]*)?>/g)];
    assert.ok(headers.length > 50);
    assert.ok(headers.every((m) => /scope="(col|colgroup|row|rowgroup)"/.test(m[1] ?? '')));
  });

  test('escapes text, so names and cells cannot inject markup', () => {
    const doc = { ...blank('2021', new Map([['rules.issued', { value: null, raw: '<b>&' }]])), agency: '<script>x</script>' };
    const html = renderHtml(doc);
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;'));
    assert.ok(html.includes('>&lt;b&gt;&amp;</td>'));
  });

  test('writes paragraphs, headings and the signature in order', () => {
    const doc: ReportDocument = {
      ...blank('2021'),
      preamble: ['统计期限。'],
      sections: { problems: ['问题。'] },
      signature: { agency: '某县民政局', date: '2024-01-08' },
    };
    const html = renderHtml(doc);
    const order = [
      '<h1>',
      '<p>统计期限。</p>',
      '<h2>一、总体情况</h2>',
      '<h2>五、存在的主要问题及改进情况</h2>',
      '<p>问题。</p>',
      '<p>2024年1月8日</p>',
    ];
    const at = order.map((s) => html.indexOf(s));
    assert.ok(
      at.every((p, i) => p >= 0 && (i === 0 || p > (at[i - 1] ?? 0))),
      String(at),
    );
  });
});
