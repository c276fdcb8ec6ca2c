import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { T3_COLUMNS, T3_TOP_LEFT, TEMPLATES } from '../template.ts';
import { renderMarkdown } from './render-markdown.ts';

/** Splits a Markdown table line into cells (no escaped pipes in these tests). */
const cellsOf = (line: string) =>
  line
    .slice(2, -2)
    .split(' | ')
    .map((c) => c.trim());

/** The Markdown tables of a text, each as its lines. */
function tables(text: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of `${text}\n`.split('\n')) {
    if (line.startsWith('|')) {
      current.push(line);
    } else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  return found;
}

describe('renderMarkdown', () => {
  test('writes `#` for the title and `##` for the six section headings', () => {
    const doc = { template: '2019', agency: '嘉兴市民政局', year: 2020, preamble: [], sections: {}, cells: new Map() } as const;
    const lines = renderMarkdown(doc).split('\n');
    assert.equal(lines[0], '# 嘉兴市民政局2020年政府信息公开工作年度报告');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('## ')),
      TEMPLATES['2019'].sections.map((s) => `## ${s.heading}`),
    );
  });

  test('writes three tables with a `---` separator under one header row and the same number of cells in every row', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const found = tables(renderMarkdown(doc));
        assert.equal(found.length, 3);
        for (const table of found) {
          const widths = table.map((line) => cellsOf(line).length);
          assert.ok(
            widths.every((w) => w === widths[0]),
            String(widths),
          );
          assert.ok(cellsOf(table[1] ?? '').every((c) => c === '---'));
        }
      }),
      { numRuns: 20 },
    );
  });

  test('flattens the heads of tables 三 and 四 to leaf labels, with header paths where a leaf repeats', () => {
    const [, t3, t4] = tables(renderMarkdown({ template: '2021', agency: null, year: 2023, preamble: [], sections: {}, cells: new Map() }));
    assert.deepEqual(cellsOf(t3?.[0] ?? ''), [T3_TOP_LEFT, ...T3_COLUMNS.map((c) => c.label)]);
    const t4Head = cellsOf(t4?.[0] ?? '');
    assert.equal(t4Head.length, 15);
    assert.deepEqual(
      [t4Head[0], t4Head[5], t4Head[14]],
      ['行政复议/结果维持', '行政诉讼/未经复议直接起诉/结果维持', '行政诉讼/复议后起诉/总计'],
    );
    assert.equal(t4?.length, 3);
  });

  test('puts each table 三 row in one Markdown row: its own label, then its seven cells', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const t3 = (tables(renderMarkdown(doc))[1] ?? []).map(cellsOf);
        for (const row of TEMPLATES[doc.template].tables.三.rows) {
          const values = T3_COLUMNS.map((c) => doc.cells.get(`${row.id}.${c.id}`)?.raw ?? '');
          assert.equal(t3.filter((cells) => cells[0] === row.shortLabel).length, 1, row.label);
          assert.ok(
            t3.some((cells) => cells.join('|') === [row.shortLabel, ...values].join('|')),
            row.label,
          );
        }
      }),
      { numRuns: 20 },
    );
  });

  test('escapes a pipe inside a cell so the table keeps its columns', () => {
    const cells = new Map([['rules.issued', { value: null, raw: 'a|b' }]]);
    const text = renderMarkdown({ template: '2021', agency: null, year: 2023, preamble: [], sections: {}, cells });
    assert.ok(text.includes('| 规章 | a\\|b |  |  |'));
  });
});
