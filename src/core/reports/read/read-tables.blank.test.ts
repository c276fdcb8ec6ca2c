// A blank report (`report new`: every heading and table, no data) is complete, not cut (rule 38):
// a row with its label and empty cells is no truncation, and a grid block cannot end mid-row.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newBlankReport } from '../render/new-report.ts';
import { renderCells } from '../render/render-cells.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { renderPipe } from '../render/render-pipe.ts';
import { renderTab } from '../render/render-tab.ts';
import { expandGrid, tableGrid } from '../render/table-grid.ts';
import type { ReportDocument, SourceBlock } from '../report-model.ts';
import { TABLE_IDS, TEMPLATES, type TemplateId } from '../template.ts';
import { readTables } from './read-tables.ts';

const gridRows = (doc: ReportDocument, table: (typeof TABLE_IDS)[number]) =>
  expandGrid(tableGrid(TEMPLATES[doc.template], table, doc.cells, 'when-filled')).map((line) =>
    line.map((p) => (p.first ? p.source.text : '')),
  );

/** Drops the rows whose cells are all empty at the end of a grid, as a spreadsheet export does. */
const withoutBlankTail = (rows: readonly (readonly string[])[]) => {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every((c) => c.trim() === '')) {
    end--;
  }
  return rows.slice(0, end);
};

const LAYOUTS: Record<string, (doc: ReportDocument) => SourceBlock[]> = {
  pipe: (doc) => [{ kind: 'text', text: renderPipe(doc) }],
  tab: (doc) => [{ kind: 'text', text: renderTab(doc) }],
  'cell per line': (doc) => [{ kind: 'text', text: renderCells(doc) }],
  markdown: (doc) => [{ kind: 'text', text: renderMarkdown(doc) }],
  // HTML/DOCX: each table's heading, then its grid; sections 五 and 六 after the last one.
  'grid between headings': (doc) => [
    ...TABLE_IDS.flatMap((table): SourceBlock[] => [
      { kind: 'text', text: TEMPLATES[doc.template].tables[table].heading },
      { kind: 'table', rows: gridRows(doc, table) },
    ]),
    { kind: 'text', text: '五、存在的主要问题及改进情况\n六、其他需要报告的事项' },
  ],
  // XLSX: the text sheet first, then one sheet per table; empty rows at a sheet's end are not stored.
  'grids after the text, blank rows dropped': (doc) => [
    { kind: 'text', text: TABLE_IDS.map((t) => TEMPLATES[doc.template].tables[t].heading).join('\n') },
    ...TABLE_IDS.map((table): SourceBlock => ({ kind: 'table', rows: withoutBlankTail(gridRows(doc, table)) })),
  ],
};

describe('blank reports', () => {
  for (const template of ['2021', '2019'] as const satisfies readonly TemplateId[]) {
    for (const [name, blocks] of Object.entries(LAYOUTS)) {
      it(`a blank ${template} report in the ${name} layout reads as complete, with no reading finding`, () => {
        const reading = readTables({ blocks: blocks(newBlankReport(template, 2026, '某市民政局')) });
        assert.equal(reading.truncatedIn, null);
        assert.deepEqual(reading.findings, []);
        assert.deepEqual(reading.cells, []);
        assert.deepEqual(reading.tablesFound, ['二', '三', '四']);
      });
    }
  }

  it('a grid that ends the document after a partly filled row is not called truncated', () => {
    const reading = readTables({
      blocks: [
        { kind: 'text', text: '二、主动公开政府信息情况' },
        { kind: 'table', rows: [['规章', '1', '', '']] },
      ],
    });
    assert.equal(reading.truncatedIn, null);
    assert.equal(reading.findings.filter((f) => f.rule === 'READ-TRUNCATED').length, 0);
  });

  it('the same row as the last line of a text is still a cut (READ-TRUNCATED)', () => {
    const reading = readTables({ blocks: [{ kind: 'text', text: '二、主动公开政府信息情况\n规章\t1' }] });
    assert.equal(reading.truncatedIn, '二');
    assert.deepEqual(
      reading.findings.map((f) => f.rule),
      ['READ-TRUNCATED'],
    );
  });
});
