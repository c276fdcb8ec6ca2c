import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import type { ReportDocument } from '../report-model.ts';
import { T3_COLUMNS, T4_COLUMNS, TEMPLATES } from '../template.ts';
import { renderPipe } from './render-pipe.ts';

const raw = (doc: ReportDocument, id: string) => doc.cells.get(id)?.raw ?? '';

describe('renderPipe', () => {
  test('writes the title, the six section headings in order and the signature', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ narrative: true }), (doc) => {
        const lines = renderPipe(doc).trimEnd().split('\n');
        assert.equal(lines[0], `${doc.agency}${doc.year}年政府信息公开工作年度报告`);
        const headings = TEMPLATES[doc.template].sections.map((s) => lines.indexOf(s.heading));
        assert.ok(
          headings.every((at, i) => at > 0 && (i === 0 || at > (headings[i - 1] ?? 0))),
          String(headings),
        );
        const [y, m, d] = (doc.signature?.date ?? '').split('-').map(Number);
        assert.deepEqual(lines.slice(-2), [doc.agency, `${y}年${m}月${d}日`]);
      }),
      { numRuns: 20 },
    );
  });

  test('writes each table 三 row as its own label and its seven cells, absent cells empty', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const lines = renderPipe(doc).split('\n');
        for (const row of TEMPLATES[doc.template].tables.三.rows) {
          const line = [row.shortLabel, ...T3_COLUMNS.map((c) => raw(doc, `${row.id}.${c.id}`))].join(' | ');
          assert.equal(lines.filter((l) => l === line).length, 1, line);
        }
      }),
      { numRuns: 25 },
    );
  });

  test('writes table 二 by blocks and table 四 as one row of fifteen cells in visual order', () => {
    fc.assert(
      fc.property(arbitraryValidReport({ blanks: true }), (doc) => {
        const template = TEMPLATES[doc.template];
        const lines = renderPipe(doc).split('\n');
        for (const block of template.tables.二.blocks) {
          const at = lines.indexOf(block.label);
          assert.ok(at > 0, block.label);
          assert.equal(lines[at + 1], ['信息内容', ...block.columns.map((c) => c.label)].join(' | '));
        }
        for (const row of template.tables.二.rows) {
          assert.ok(lines.includes([row.label, ...row.columns.map((c) => raw(doc, `${row.id}.${c.id}`))].join(' | ')), row.label);
        }
        const t4 = template.tables.四.rows.flatMap((row) => T4_COLUMNS.map((c) => raw(doc, `${row.id}.${c.id}`)));
        assert.ok(lines.includes(t4.join(' | ')));
      }),
      { numRuns: 25 },
    );
  });

  test('a report without agency, year or signature gets the bare title and no signature', () => {
    const text = renderPipe({ template: '2021', agency: null, year: null, preamble: [], sections: {}, cells: new Map() });
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], '政府信息公开工作年度报告');
    assert.equal(lines.at(-1), '六、其他需要报告的事项');
  });
});
