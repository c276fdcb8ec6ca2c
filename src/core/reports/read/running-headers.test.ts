import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceDocument } from '../report-model.ts';
import { readReport } from './read-report.ts';
import { withoutRunningHeaders } from './running-headers.ts';

const text = (doc: SourceDocument): string => doc.blocks.map((b) => (b.kind === 'text' ? b.text : '')).join('\n');

// One cell per line, cut by a page break whose header repeats the title.
const PAGED = [
  '二、主动公开政府信息情况',
  '第二十条第（一）项',
  '信息内容',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '规章',
  '0',
  '某县民政局2023年政府信息公开工作年度报告  第2页',
  '0',
  '3',
  '行政规范性文件',
  '4',
  '1',
  '某县民政局2023年政府信息公开工作年度报告  第3页',
  '12',
].join('\n');

describe('running page headers', () => {
  it('drops every repeat of a header that names the report and puts one copy first, as the title', () => {
    const doc = withoutRunningHeaders({ blocks: [{ kind: 'text', text: PAGED }] });
    assert.equal(
      text(doc),
      `某县民政局2023年政府信息公开工作年度报告\n${PAGED.replace(/某县民政局2023年政府信息公开工作年度报告 {2}第\d页\n/g, '')}`,
    );
    const { reading } = readReport({ blocks: [{ kind: 'text', text: PAGED }] }, 'paged.txt');
    const v = Object.fromEntries(reading.cells.filter((c) => c.table === '二').map((c) => [c.id, c.value]));
    assert.deepEqual(v, {
      'rules.issued': 0,
      'rules.repealed': 0,
      'rules.in_force': 3,
      'normative_documents.issued': 4,
      'normative_documents.repealed': 1,
      'normative_documents.in_force': 12,
    });
    assert.equal(reading.agency, '某县民政局');
    assert.equal(reading.year, 2023);
  });

  it('leaves a document alone when no such line recurs: a title once, 特此报告 twice, other repeated lines', () => {
    const once: SourceDocument = {
      blocks: [{ kind: 'text', text: `某县民政局2023年政府信息公开工作年度报告\n${PAGED.split('\n').slice(0, 8).join('\n')}` }],
    };
    assert.equal(withoutRunningHeaders(once), once);
    const other: SourceDocument = { blocks: [{ kind: 'text', text: '特此报告\n0\n特此报告\n联系电话：12345\n联系电话：12345' }] };
    assert.equal(withoutRunningHeaders(other), other);
  });

  it('counts a header across blocks (a PDF gives one block per page)', () => {
    const doc = withoutRunningHeaders({
      blocks: [
        { kind: 'text', text: '区政务公开年度报告\n规章\n0' },
        { kind: 'text', text: '区政务公开年度报告\n0\n0' },
      ],
    });
    assert.deepEqual(
      doc.blocks.map((b) => (b.kind === 'text' ? b.text : '')),
      ['区政务公开年度报告', '规章\n0', '0\n0'],
    );
  });
});
