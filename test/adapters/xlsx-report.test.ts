import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { excelValue, REPORT_SHEET_NAMES, renderReportXlsx } from '#adapters/documents/xlsx-report.ts';
import { readTables } from '#core/reports/read/read-tables.ts';
import { documentCells } from '#core/reports/render/document-cells.ts';
import type { ReportDocument } from '#core/reports/report-model.ts';
import { TABLE_IDS, type TableId, TEMPLATES, type TemplateId } from '#core/reports/template.ts';
import { describeReaderRoundTrip, importLoadingAdapter } from './reader-round-trip.ts';
import { expectedRows, filledReport, LABEL_COLUMNS, misplacedCells, type Position, withCells } from './report-table-layout.ts';

async function workbookOf(doc: ReportDocument): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = await renderReportXlsx(doc);
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const sheetOf = (workbook: ExcelJS.Workbook, table: TableId) =>
  workbook.getWorksheet(REPORT_SHEET_NAMES[table]) ?? assert.fail(`no sheet ${REPORT_SHEET_NAMES[table]}`);

const merges = (sheet: ExcelJS.Worksheet): string[] => [...sheet.model.merges].sort();

/** A sheet's cell as text: numbers as they print, empty as ''. */
const cellText = (cell: ExcelJS.Cell): string => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

/** The sheet as a full rectangle: a merged range's text at every position it covers, first only at its top-left. */
function rectangle(sheet: ExcelJS.Worksheet): Position[][] {
  return Array.from({ length: sheet.rowCount }, (_, r) =>
    Array.from({ length: sheet.columnCount }, (_, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      const master = cell.isMerged ? cell.master : cell;
      return { text: cellText(master), first: master.address === cell.address };
    }),
  );
}

const TEMPLATE_IDS: readonly TemplateId[] = ['2021', '2019'];

for (const template of TEMPLATE_IDS) {
  describe(`renderReportXlsx, ${template} template`, () => {
    const doc = filledReport(template);

    test('the workbook has 报告信息 then one sheet per table, each name at most 31 characters', async () => {
      const workbook = await workbookOf(doc);
      assert.deepEqual(
        workbook.worksheets.map((s) => s.name),
        ['报告信息', '表二 主动公开政府信息情况', '表三 收到和处理政府信息公开申请情况', '表四 行政复议、行政诉讼情况'],
      );
      assert.ok(workbook.worksheets.every((s) => [...s.name].length <= 31));
    });

    test('报告信息 holds title, organ, year, template, preamble, each heading with its paragraphs and the signature, all in column A', async () => {
      const sheet = (await workbookOf(doc)).getWorksheet('报告信息') ?? assert.fail('no info sheet');
      assert.equal(sheet.columnCount, 1);
      const lines = Array.from({ length: sheet.rowCount }, (_, i) => cellText(sheet.getCell(i + 1, 1)));
      const sections = TEMPLATES[template].sections;
      assert.deepEqual(lines.slice(0, 5), [
        `某市民政局${doc.year}年政府信息公开工作年度报告`,
        '报告机关：某市民政局',
        `报告年度：${doc.year}年`,
        `报告格式：${TEMPLATES[template].name}（${TEMPLATES[template].document}）`,
        `本报告统计期限自${doc.year}年1月1日起至${doc.year}年12月31日止。`,
      ]);
      const headingAt = sections.map((s) => lines.indexOf(s.heading));
      assert.ok(
        headingAt.every((at, i) => at > 4 && (i === 0 || at > (headingAt[i - 1] ?? 0))),
        'headings in order',
      );
      for (const section of sections) {
        const at = lines.indexOf(section.heading);
        const paragraphs = doc.sections[section.id] ?? [];
        assert.deepEqual(lines.slice(at + 1, at + 1 + paragraphs.length), paragraphs, section.heading);
      }
      assert.deepEqual(lines.slice(-2), ['某市民政局', `${(doc.year ?? 0) + 1}年1月20日`]);
    });

    test('table 三 has the merged head of the form: the note over A1:C3, 申请人情况 over 7 columns, 法人或其他组织 over 5', async () => {
      const sheet = sheetOf(await workbookOf(doc), '三');
      const head = merges(sheet).filter((range) => /^[A-J][1-3]:[A-J][1-3]$/.test(range));
      assert.deepEqual(head, ['A1:C3', 'D1:J1', 'D2:D3', 'E2:I2', 'J2:J3']);
      assert.equal(sheet.getCell('A1').value, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
      assert.deepEqual(
        ['D1', 'D2', 'E2', 'J2'].map((a) => sheet.getCell(a).value),
        ['申请人情况', '自然人', '法人或其他组织', '总计'],
      );
      assert.deepEqual(
        ['E3', 'F3', 'G3', 'H3', 'I3'].map((a) => sheet.getCell(a).value),
        ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      );
    });

    test('table 三 spans its row labels as the form: 三、本年度办理结果 down column A, each group down column B', async () => {
      const sheet = sheetOf(await workbookOf(doc), '三');
      const rows = TEMPLATES[template].tables.三.rows.filter((r) => r.kind === 'data');
      const excelRow = (id: string) => 4 + rows.findIndex((r) => r.id === id);
      const range = (column: string, from: string, to: string) => `${column}${excelRow(from)}:${column}${excelRow(to)}`;
      const all = merges(sheet);
      assert.ok(all.includes(range('A', 'outcome.disclosed', 'outcome.total')));
      assert.ok(all.includes(range('B', 'outcome.withheld.state_secret', 'outcome.withheld.inquiry_matter')));
      assert.ok(all.includes(range('B', 'outcome.unavailable.not_held', 'outcome.unavailable.unclear_after_correction')));
      assert.ok(all.includes(range('B', 'outcome.not_processed.petition_complaint', 'outcome.not_processed.reissue')));
      assert.equal(all.includes(range('B', 'outcome.other.no_correction', 'outcome.other.other')), template === '2021');
      assert.ok(all.includes(`A${excelRow('received')}:C${excelRow('received')}`));
      assert.equal(sheet.rowCount, 3 + rows.length);
    });

    test('table 四 has the merged head of the form: 行政复议 A1:E1, 行政诉讼 F1:O1 over 未经复议直接起诉 F2:J2 and 复议后起诉 K2:O2', async () => {
      const sheet = sheetOf(await workbookOf(doc), '四');
      assert.deepEqual(merges(sheet), ['A1:E1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F1:O1', 'F2:J2', 'K2:O2']);
      assert.deepEqual(
        ['A1', 'F1', 'F2', 'K2'].map((a) => sheet.getCell(a).value),
        ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'],
      );
      const leaves = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      assert.deepEqual(
        Array.from({ length: 15 }, (_, c) => sheet.getCell(c < 5 ? 2 : 3, c + 1).value),
        [...leaves, ...leaves, ...leaves],
      );
    });

    test('table 二 has each 第二十条 block as a merged row across the sheet, then 信息内容 and its column labels', async () => {
      const sheet = sheetOf(await workbookOf(doc), '二');
      const def = TEMPLATES[template].tables.二;
      const lastColumn = String.fromCharCode(64 + 1 + Math.max(...def.blocks.map((b) => b.columns.length)));
      let row = 1;
      for (const block of def.blocks) {
        assert.equal(sheet.getCell(row, 1).value, block.label);
        assert.ok(merges(sheet).includes(`A${row}:${lastColumn}${row}`), block.label);
        assert.deepEqual(
          Array.from({ length: 1 + block.columns.length }, (_, c) => sheet.getCell(row + 1, c + 1).value),
          ['信息内容', ...block.columns.map((c) => c.label)],
        );
        row += 2 + def.rows.filter((r) => r.block === block.id).length;
      }
      assert.equal(sheet.rowCount, row - 1);
    });

    for (const table of TABLE_IDS) {
      test(`every data row of table ${table} has its label and the document's values in its columns`, async () => {
        const sheet = sheetOf(await workbookOf(doc), table);
        assert.deepEqual(misplacedCells(rectangle(sheet), table, expectedRows(template, table), doc), []);
      });
    }

    test('plain numbers are numeric cells; absent cells are empty, not 0; other texts stay text', async () => {
      const t2 = TEMPLATES[template].tables.二.rows[0];
      const changed = withCells(doc, {
        'received.natural_person': undefined,
        'carried_in.total': { value: null, raw: '/' },
        'review.total': { value: 0, raw: '0.0000' },
        [`${t2?.id}.${t2?.columns[1]?.id}`]: undefined,
      });
      const workbook = await workbookOf(changed);
      const t3 = sheetOf(workbook, '三');
      assert.equal(t3.getCell('D4').value, null);
      assert.equal(t3.getCell('E4').value, doc.cells.get('received.commercial_enterprise')?.value);
      assert.equal(typeof t3.getCell('E4').value, 'number');
      assert.equal(t3.getCell('J5').value, '/');
      assert.equal(sheetOf(workbook, '四').getCell('E4').value, '0.0000');
      assert.equal(sheetOf(workbook, '二').getCell('C3').value, null);
      for (const table of TABLE_IDS) {
        assert.deepEqual(misplacedCells(rectangle(sheetOf(workbook, table)), table, expectedRows(template, table), changed), [], table);
      }
    });

    test('a group row the report filled gets a row of its own with its seven values', async () => {
      const changed = withCells(doc, {
        'outcome.withheld.total': { value: 36, raw: '36' },
        'outcome.withheld.natural_person': { value: 5, raw: '5' },
      });
      const sheet = sheetOf(await workbookOf(changed), '三');
      const matrix = rectangle(sheet);
      assert.deepEqual(misplacedCells(matrix, '三', expectedRows(template, '三', ['outcome.withheld']), changed), []);
    });

    test('the head is frozen, labels too, and each table sheet prints on A4 one page wide with its head repeated', async () => {
      const workbook = await workbookOf(doc);
      for (const table of TABLE_IDS) {
        const sheet = sheetOf(workbook, table);
        const view = sheet.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
        const headRows = table === '二' ? 0 : 3;
        assert.deepEqual([view?.state, view?.xSplit, view?.ySplit], ['frozen', LABEL_COLUMNS[table], headRows], table);
        assert.equal(sheet.pageSetup.paperSize, 9);
        assert.deepEqual([sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth, sheet.pageSetup.fitToHeight], [true, 1, 0]);
        assert.equal(sheet.pageSetup.printTitlesRow, headRows > 0 ? `1:${headRows}` : undefined);
        assert.ok(sheet.headerFooter.oddHeader?.includes(TEMPLATES[template].tables[table].heading));
        assert.ok((sheet.getColumn(1).width ?? 0) >= 8);
      }
    });

    test('the workbook reads back through the loading adapter and the core reader with every cell, template, agency and year', async (t) => {
      const xlsxToBlocks = await loadingAdapter();
      if (xlsxToBlocks === undefined) {
        t.skip('the XLSX loading adapter does not exist yet');
        return;
      }
      const changed = withCells(doc, { 'received.natural_person': undefined, 'carried_in.total': { value: null, raw: '/' } });
      const result = await xlsxToBlocks(await renderReportXlsx(changed));
      assert.ok(result.ok);
      const tables = readTables({ blocks: result.blocks });
      assert.equal(tables.template, template);
      assert.deepEqual(
        tables.cells.map((c) => [c.id, c.raw]),
        documentCells(changed).map((c) => [c.id, c.raw]),
      );
    });
  });
}

// The loading adapter is another engineer's edge module: the round trip runs when it is there.
const loadingAdapter = () => importLoadingAdapter('#adapters/documents/xlsx-to-blocks.ts', 'xlsxToBlocks');

describe('excelValue', () => {
  const rows = [
    { raw: '12', want: 12, why: 'a count' },
    { raw: '0', want: 0, why: 'zero is a number' },
    { raw: '-8', want: -8, why: '本年增/减 may be negative' },
    { raw: '3.5', want: 3.5, why: 'an amount in 万元' },
    { raw: '0.0000', want: '0.0000', why: 'would print as 0: the raw text is kept' },
    { raw: '+3', want: '+3', why: 'a sign the number would lose' },
    { raw: '增98', want: '增98', why: 'not a plain number' },
    { raw: '1e3', want: '1e3', why: 'prints as 1000' },
    { raw: '/', want: '/', why: 'present without a number' },
    { raw: '', want: null, why: 'empty text is absent' },
  ];
  for (const row of rows) {
    test(`${JSON.stringify(row.raw)} → ${JSON.stringify(row.want)}: ${row.why}`, () => {
      assert.equal(excelValue({ value: null, raw: row.raw }), row.want);
    });
  }

  test('an absent cell is an empty cell, never 0', () => {
    assert.equal(excelValue(undefined), null);
  });
});

describeReaderRoundTrip({
  title: 'renderReportXlsx → xlsxToBlocks → core reader, on generated reports',
  format: 'XLSX',
  fileName: 'report.xlsx',
  render: renderReportXlsx,
  loadingAdapter,
});
