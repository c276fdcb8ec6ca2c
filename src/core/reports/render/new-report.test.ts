import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEMPLATES } from '../template.ts';
import { fillZeros, newBlankReport } from './new-report.ts';
import { renderCells } from './render-cells.ts';
import { renderHtml } from './render-html.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderPipe } from './render-pipe.ts';
import { renderTab } from './render-tab.ts';

describe('newBlankReport', () => {
  for (const [template, year] of [
    ['2021', 2025],
    ['2019', 2020],
  ] as const) {
    test(`a blank ${template}-template report has every section heading, the statistical period and no cells`, () => {
      const doc = newBlankReport(template, year, '某县民政局');
      assert.equal(doc.cells.size, 0);
      const lines = renderPipe(doc).split('\n');
      assert.equal(lines[0], `某县民政局${year}年政府信息公开工作年度报告`);
      for (const section of TEMPLATES[template].sections) {
        assert.ok(lines.includes(section.heading), section.heading);
      }
      assert.ok(lines.includes(`本报告统计期限自${year}年1月1日起至${year}年12月31日止。`));
      assert.ok(lines.includes('（五）监督保障情况。'));
      // Every value position is empty: table 三's 一、 row has seven empty cells.
      assert.ok(lines.includes(`一、本年新收政府信息公开申请数量${' | '.repeat(7)}`));
    });
  }

  test('without an agency the title starts with the year', () => {
    assert.match(renderPipe(newBlankReport('2021', 2026)), /^2026年政府信息公开工作年度报告\n/);
  });
});

describe('fillZeros', () => {
  test('sets every absent cell of the template to 0 and keeps present cells', () => {
    for (const template of ['2021', '2019'] as const) {
      const blank = newBlankReport(template, template === '2021' ? 2023 : 2020);
      const filled = fillZeros({ ...blank, cells: new Map([['received.total', { value: null, raw: '/' }]]) });
      assert.equal(filled.cells.size, TEMPLATES[template].cells.length);
      assert.deepEqual(filled.cells.get('received.total'), { value: null, raw: '/' });
      assert.deepEqual(filled.cells.get('carried_out.total'), { value: 0, raw: '0' });
    }
  });
});

describe('a blank report in every layout', () => {
  const layouts = [
    ['pipe', renderPipe],
    ['tab', renderTab],
    ['cell-per-line', renderCells],
    ['Markdown', renderMarkdown],
    ['HTML', renderHtml],
  ] as const;
  for (const [name, render] of layouts) {
    for (const template of ['2021', '2019'] as const) {
      test(`the ${name} layout of a blank ${template} report has the six headings and not a single number in its tables`, () => {
        const year = template === '2021' ? 2024 : 2019;
        const text = render(newBlankReport(template, year, '某县民政局'));
        for (const section of TEMPLATES[template].sections) {
          assert.ok(text.includes(section.heading), section.heading);
        }
        // Digits occur in the title, the period and labels (第二十条…, 1.属于…), never as a table value.
        const digits = text
          .split('\n')
          .flatMap((line) => line.split(/\t| \| |<\/?t[dh][^>]*>/))
          .filter((cell) => /^\s*\d+\s*$/.test(cell));
        assert.deepEqual(digits, []);
      });
    }
  }
});
