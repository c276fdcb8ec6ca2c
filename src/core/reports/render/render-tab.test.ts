import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { T3_COLUMNS, T3_TOP_LEFT, TEMPLATES } from '../template.ts';
import { renderTab } from './render-tab.ts';

describe('renderTab', () => {
  test('puts table 三 labels in three label columns, with empty placeholders where a merged label reaches down', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const rows = renderTab(doc)
          .split('\n')
          .map((line) => line.split('\t'));
        for (const row of TEMPLATES[doc.template].tables.三.rows) {
          const found = rows.filter((cells) => cells.includes(row.shortLabel));
          assert.equal(found.length, 1, row.label);
          const cells = found[0] ?? [];
          // Depth 0 starts the line; 三's items sit under the merged 三、本年度办理结果; sub-rows under their group too.
          assert.deepEqual(cells.slice(0, row.depth), Array(row.depth).fill(''), row.label);
          assert.equal(cells[row.depth], row.shortLabel);
          const values = T3_COLUMNS.map((c) => doc.cells.get(`${row.id}.${c.id}`)?.raw ?? '');
          assert.deepEqual(cells.slice(-T3_COLUMNS.length), values, row.label);
        }
      }),
      { numRuns: 25 },
    );
  });

  test('writes the merged heads of tables 三 and 四 like a word-processor export', () => {
    const lines = renderTab({ template: '2021', agency: '某县民政局', year: 2023, preamble: [], sections: {}, cells: new Map() }).split(
      '\n',
    );
    const at = lines.findIndex((line) => line.startsWith(T3_TOP_LEFT));
    assert.deepEqual(lines.slice(at, at + 3), [
      `${T3_TOP_LEFT}\t申请人情况`,
      '\t自然人\t法人或其他组织\t总计',
      '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ]);
    const t4 = lines.indexOf('行政复议\t行政诉讼');
    assert.ok(t4 > at);
    assert.equal(lines[t4 + 1], '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉');
    assert.equal(lines[t4 + 2], `\t\t\t\t\t${'结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t'.repeat(2).slice(0, -1)}`);
    assert.equal(lines[t4 + 3], '\t'.repeat(14));
  });

  test('keeps a tab inside a paragraph from turning it into a table row', () => {
    const text = renderTab({ template: '2021', agency: null, year: 2023, preamble: ['甲\t乙'], sections: {}, cells: new Map() });
    assert.ok(text.includes('\n甲 乙\n'));
  });

  test('separates blocks with an empty line, like word-processor text', () => {
    const text = renderTab({ template: '2019', agency: '嘉兴市民政局', year: 2020, preamble: ['前言。'], sections: {}, cells: new Map() });
    assert.ok(text.startsWith('嘉兴市民政局2020年政府信息公开工作年度报告\n\n前言。\n\n一、总体情况\n'));
    assert.ok(text.includes('\n\n五、政府信息公开工作存在的主要问题及改进情况\n'));
  });
});
