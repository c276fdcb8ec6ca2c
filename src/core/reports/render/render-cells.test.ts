import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { T3_COLUMNS, TEMPLATES } from '../template.ts';
import { renderCells } from './render-cells.ts';

/** Table rows as the seeds 000/004 hold them: runs of tab-led lines, each run ended by an empty line. */
function tableRows(text: string): string[][] {
  const rows: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) {
      current.push(line.slice(1));
    } else if (current.length > 0) {
      rows.push(current);
      current = [];
    }
  }
  return rows;
}

describe('renderCells', () => {
  test('writes every table cell on its own tab-led line, a row per run of lines', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const rows = tableRows(renderCells(doc));
        for (const row of TEMPLATES[doc.template].tables.三.rows) {
          const found = rows.filter((cells) => cells.includes(row.shortLabel));
          assert.equal(found.length, 1, row.label);
          const cells = found[0] ?? [];
          assert.deepEqual(cells.slice(0, row.depth), Array(row.depth).fill(''));
          const values = T3_COLUMNS.map((c) => doc.cells.get(`${row.id}.${c.id}`)?.raw ?? '');
          assert.deepEqual(cells.slice(-T3_COLUMNS.length), values, row.label);
        }
      }),
      { numRuns: 25 },
    );
  });

  test('keeps narrative, headings and signature as plain lines that never start with a tab', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ narrative: true }), (doc) => {
        const plain = renderCells(doc)
          .split('\n')
          .filter((line) => line !== '' && !line.startsWith('\t'));
        const paragraphs = [...doc.preamble, ...Object.values(doc.sections).flat()];
        for (const paragraph of paragraphs) {
          assert.ok(plain.includes(paragraph), paragraph);
        }
        assert.ok(plain.includes('三、收到和处理政府信息公开申请情况'));
      }),
      { numRuns: 15 },
    );
  });

  test('writes a table 二 block header as a row of one cell, and an empty line after each row', () => {
    const text = renderCells({ template: '2021', agency: null, year: 2023, preamble: [], sections: {}, cells: new Map() });
    assert.ok(
      text.includes('\n\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n\t规章\n\t\n\t\n\t\n\n'),
    );
  });
});
