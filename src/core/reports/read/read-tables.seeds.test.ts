// The five seed reports read as validation-rules.md §5 says (cells transcribed in
// spec/tools/check-seeds.mjs, copied here: the tests must not depend on /work/shared).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SEED_CELLS, SEED_FILES } from '#test/factories/report-facts.ts';
import { TEMPLATES } from '../template.ts';
import { readTables } from './read-tables.ts';

const SEED_DIR = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const read = (file: string) => readTables({ blocks: [{ kind: 'text', text: readFileSync(new URL(file, SEED_DIR), 'utf8') }] });

const T3_COLS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
  'total',
];
const t3Rows = (template: '2021' | '2019') => TEMPLATES[template].tables.三.rows.filter((r) => r.kind === 'data').map((r) => r.id);
const allIn = (rowId: string) => T3_COLS.map((c) => `${rowId}.${c}`);

// One transcription of the seeds serves the reader tests and the rule tests (test/factories).
const EXPECTED = Object.fromEntries(
  Object.entries(SEED_CELLS).map(([seed, t]) => [SEED_FILES[seed as keyof typeof SEED_FILES], { template: t.template, cells: t.cells }]),
);

describe('readTables on the five seeds (validation-rules.md §5)', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} yields exactly the transcribed cells and template ${expected.template}`, () => {
      const reading = read(file);
      assert.equal(reading.template, expected.template);
      assert.deepEqual(Object.fromEntries(reading.cells.map((c) => [c.id, c.value])), expected.cells);
      assert.deepEqual(reading.tablesFound, ['二', '三', '四']);
      assert.equal(reading.truncatedIn, null);
    });

    it(`${file} emits cells in contract order with the official labels of its template`, () => {
      const reading = read(file);
      const template = TEMPLATES[expected.template as '2021' | '2019'];
      const positions = reading.cells.map((c) => template.cellById.get(c.id)?.order);
      assert.ok(positions.every((p) => p !== undefined));
      assert.deepEqual(
        positions,
        [...positions].sort((a, b) => a! - b!),
      );
      for (const cell of reading.cells) {
        const def = template.cellById.get(cell.id)!;
        assert.equal(cell.table, def.table);
        assert.equal(cell.row, def.row);
        assert.equal(cell.column, def.column);
      }
    });
  }

  it('000 and 004 have no reading findings', () => {
    assert.deepEqual(read('000_fa62d5864337d3a6.txt').findings, []);
    assert.deepEqual(read('004_b8b917888f6bbb4a.txt').findings, []);
    assert.deepEqual(read('002_a69ef41056118676.txt').findings, []);
  });

  it('001 reports its two wording aliases with the cells under them', () => {
    assert.deepEqual(read('001_90c37852d1e90522.txt').findings, [
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“本年度止件数”与格式规定的“本年废止件数”不一致',
        cells: ['rules.repealed', 'normative_documents.repealed'],
      },
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“社会组织”与格式规定的“社会公益组织”不一致',
        cells: t3Rows('2021').map((r) => `${r}.public_interest_org`),
      },
    ]);
  });

  it('003 keeps the rightmost seven of eight values and reports five wording aliases', () => {
    assert.deepEqual(read('003_d3cf8b1128643171.txt').findings, [
      {
        rule: 'READ-ROW-SHAPE',
        severity: 'warning',
        message: '表三“一、本年新收政府信息公开申请数量”行有8个数值单元格，多于7列，已按最右侧7个读取',
        cells: allIn('received'),
      },
      {
        rule: 'READ-ROW-SHAPE',
        severity: 'warning',
        message: '表三“二、上年结转政府信息公开申请数量”行有8个数值单元格，多于7列，已按最右侧7个读取',
        cells: allIn('carried_in'),
      },
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“本年新制发件数”与格式规定的“本年制发件数”不一致',
        cells: ['rules.issued', 'normative_documents.issued'],
      },
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“规范性文件”与格式规定的“行政规范性文件”不一致',
        cells: ['normative_documents.issued', 'normative_documents.repealed', 'normative_documents.in_force'],
      },
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“半年收费金额（单位：万元）”与格式规定的“本年收费金额（单位：万元）”不一致',
        cells: ['fees.amount_wan'],
      },
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“社会组织”与格式规定的“社会公益组织”不一致',
        cells: t3Rows('2021').map((r) => `${r}.public_interest_org`),
      },
      {
        rule: 'LABEL-VARIANT',
        severity: 'notice',
        message: '“2. 其他法律法规禁止公开”与格式规定的“2.其他法律行政法规禁止公开”不一致',
        cells: allIn('outcome.withheld.prohibited_by_law'),
      },
    ]);
  });

  it('keeps raw text trimmed of U+3000 and NBSP (000: `　　0` reads as 0)', () => {
    const cell = read('000_fa62d5864337d3a6.txt').cells.find((c) => c.id === 'rules.issued');
    assert.deepEqual(cell, { table: '二', row: '规章', column: '本年制发件数', id: 'rules.issued', value: 0, raw: '0' });
  });

  it('leaves the narrative around the tables, headings included, and no table text', () => {
    const lines = read('000_fa62d5864337d3a6.txt').narrativeLines;
    assert.ok(lines.includes('三、收到和处理政府信息公开申请情况'));
    assert.ok(lines.includes('截至2023年12月31日，我局收到政府信息公开申请9件。'));
    assert.ok(lines.includes('黄石市民政局'));
    const tableText = new Set(['一、本年新收政府信息公开申请数量', '结果维持', '信息内容', '9', '纠正']);
    assert.ok(!lines.some((l) => tableText.has(l.trim())));
    const lines3 = read('003_d3cf8b1128643171.txt').narrativeLines;
    assert.ok(lines3.includes('2023 年政府信息公开工作年度报告'));
    assert.ok(!lines3.some((l) => l.includes('------')));
  });
});
