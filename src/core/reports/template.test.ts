import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { leafOutcomeRows, splitCellId, TEMPLATE_2019, TEMPLATE_2021, templateForYear } from './template.ts';

const countIn = (cells: readonly { table: string }[], table: string) => cells.filter((c) => c.table === table).length;

describe('templates as typed data (annual-report.md §3, §4)', () => {
  test('2021 template: 10 + 175 + 15 cells, 25 data rows in table 三', () => {
    assert.equal(countIn(TEMPLATE_2021.cells, '二'), 10);
    assert.equal(countIn(TEMPLATE_2021.cells, '三'), 175);
    assert.equal(countIn(TEMPLATE_2021.cells, '四'), 15);
    assert.equal(TEMPLATE_2021.tables.三.rows.filter((r) => r.kind === 'data').length, 25);
  });
  test('2019 template: 22 + 161 + 15 cells; （六）其他处理 is a data row', () => {
    assert.equal(countIn(TEMPLATE_2019.cells, '二'), 22);
    assert.equal(countIn(TEMPLATE_2019.cells, '三'), 161);
    assert.equal(countIn(TEMPLATE_2019.cells, '四'), 15);
    assert.equal(TEMPLATE_2019.rowById.get('outcome.other')?.kind, 'data');
    assert.equal(TEMPLATE_2021.rowById.get('outcome.other')?.kind, 'group');
  });
  test('21 leaf outcomes in 2021, 19 in 2019 (statute.md §4)', () => {
    assert.equal(leafOutcomeRows(TEMPLATE_2021).length, 21);
    assert.equal(leafOutcomeRows(TEMPLATE_2019).length, 19);
  });
  test('table 二 cell order of §3.1 and official path labels of §3.3', () => {
    assert.deepEqual(
      TEMPLATE_2021.cells.filter((c) => c.table === '二').map((c) => c.id),
      [
        'rules.issued',
        'rules.repealed',
        'rules.in_force',
        'normative_documents.issued',
        'normative_documents.repealed',
        'normative_documents.in_force',
        'licensing.decisions',
        'penalties.decisions',
        'coercion.decisions',
        'fees.amount_wan',
      ],
    );
    assert.equal(
      TEMPLATE_2021.cellById.get('outcome.withheld.security_stability.total')?.row,
      '三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”',
    );
    assert.equal(TEMPLATE_2019.cellById.get('normative_documents.new_made')?.row, '规范性文件');
    assert.equal(TEMPLATE_2019.cellById.get('licensing.items_change')?.kind, 'change');
  });
  test('cell IDs split at the last dot; template by year', () => {
    assert.deepEqual(splitCellId('outcome.withheld.state_secret.total'), { rowId: 'outcome.withheld.state_secret', colId: 'total' });
    assert.equal(templateForYear(2020), '2019');
    assert.equal(templateForYear(2021), '2021');
  });
});
