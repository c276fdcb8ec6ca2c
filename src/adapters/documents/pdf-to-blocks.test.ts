// Column positions of PDF table rows (issue #9): a row with a blank cell keeps its values under their columns.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readTables } from '#core/reports/read/read-tables.ts';
import { withColumns } from './pdf-columns.ts';
import { joinAcrossPages, joinWrappedLines, type PdfLine } from './pdf-to-blocks.ts';

/** A line of a label at x 80 and values centred on the given x positions (7 units wide each). */
function row(label: string, values: readonly (readonly [string, number])[]): PdfLine {
  const segments = [{ text: label, x: 80, width: 100 }, ...values.map(([text, x]) => ({ text, x: x - 3.5, width: 7 }))];
  return { text: [label, ...values.map(([v]) => v)].join(' '), segments };
}
const text = (t: string): PdfLine => ({ text: t, segments: [{ text: t, x: 80, width: 200 }] });
const COLUMNS = [300, 340, 380];

describe('withColumns', () => {
  test('a full row stays as it is; a shorter row below it is written by column, blank cells kept', () => {
    const lines = withColumns([
      row('规章', [
        ['1', COLUMNS[0]!],
        ['2', COLUMNS[1]!],
        ['3', COLUMNS[2]!],
      ]),
      row('行政规范性文件', [
        ['4', COLUMNS[0]!],
        ['6', COLUMNS[2]! + 2],
      ]),
    ]);
    assert.deepEqual(lines, ['规章 1 2 3', '行政规范性文件\t4\t\t6']);
  });

  test('a value between two columns, or a header line before the row, leaves the row as pdf.js gives it', () => {
    const full = row('规章', [
      ['1', COLUMNS[0]!],
      ['2', COLUMNS[1]!],
      ['3', COLUMNS[2]!],
    ]);
    assert.deepEqual(withColumns([full, row('行政规范性文件', [['4', 320]])]), ['规章 1 2 3', '行政规范性文件 4']);
    assert.deepEqual(withColumns([full, text('第二十条第（五）项 信息内容'), row('行政许可', [['9', COLUMNS[1]!]])]), [
      '规章 1 2 3',
      '第二十条第（五）项 信息内容',
      '行政许可 9',
    ]);
  });

  test('the reader then places the values under their columns, the blank one absent', () => {
    const lines = withColumns([
      text('二、主动公开政府信息情况'),
      text('信息内容 本年制发件数 本年废止件数 现行有效件数'),
      row('规章', [
        ['1', COLUMNS[0]!],
        ['2', COLUMNS[1]!],
        ['3', COLUMNS[2]!],
      ]),
      row('行政规范性文件', [
        ['4', COLUMNS[0]!],
        ['6', COLUMNS[2]!],
      ]),
    ]);
    const reading = readTables({ blocks: [{ kind: 'text', text: lines.join('\n') }] });
    const v = Object.fromEntries(reading.cells.map((c) => [c.id, c.value]));
    assert.deepEqual(
      [v['normative_documents.issued'], v['normative_documents.repealed'], v['normative_documents.in_force']],
      [4, undefined, 6],
    );
  });
});

describe('a table none of whose rows is full (2019 table 二: `行政许可 19 +4`)', () => {
  test("its values go under the header row's column titles, signed changes included", () => {
    const header: PdfLine = {
      text: '信息内容 上一年项目数量 本年增/减 处理决定数量',
      segments: [
        { text: '信息内容', x: 80, width: 60 },
        ...['上一年项目数量', '本年增/减', '处理决定数量'].map((title, i) => ({ text: title, x: COLUMNS[i]! - 30, width: 60 })),
      ],
    };
    const lines = withColumns([
      header,
      row('行政许可', [
        ['19', COLUMNS[0]!],
        ['+4', COLUMNS[1]!],
      ]),
      row('行政处罚', [['35', COLUMNS[0]!]]),
    ]);
    assert.deepEqual(lines.slice(1), ['行政许可\t19\t+4\t', '行政处罚\t35\t\t']);
    // A heading is not a header: the row stays as pdf.js gives it.
    assert.deepEqual(withColumns([text('第二十条第（五）项 信息内容 说明'), row('行政许可', [['19', COLUMNS[0]!]])]), [
      '第二十条第（五）项 信息内容 说明',
      '行政许可 19',
    ]);
  });
});

describe('joinWrappedLines: a paragraph broken at the right margin is one line again', () => {
  const PAGE = 595;
  /** A line of running text from x to x + width (14-unit characters). */
  const prose = (t: string, x: number, width = t.length * 14): PdfLine => ({ text: t, segments: [{ text: t, x, width }] });
  const full = (t: string, indent = 0): PdfLine => prose(t, 57 + indent, 480 - indent);

  test('full lines join the next line at the margin; a closed sentence, an indent or a heading starts anew', () => {
    const lines = joinWrappedLines(
      [
        full('根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《广西壮', 28),
        full('族自治区人民政府办公厅关于做好2023年政府信息公开工作年度报告发布和报'),
        prose('送工作的通知》相关要求。', 57),
        full('本年度共收到政府信息公开申请，现将有关情况报告如下，本年度共收到', 28),
        prose('二、主动公开政府信息情况', 57),
        full('本机关不掌握相关政府信息的申请共计十二件，均已依法告知申请人。这', 28),
        prose('一行从新段落开始', 85),
      ],
      PAGE,
    ).map((line) => line.text);
    assert.deepEqual(lines, [
      '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《广西壮族自治区人民政府办公厅关于做好2023年政府信息公开工作年度报告发布和报送工作的通知》相关要求。',
      '本年度共收到政府信息公开申请，现将有关情况报告如下，本年度共收到',
      '二、主动公开政府信息情况',
      '本机关不掌握相关政府信息的申请共计十二件，均已依法告知申请人。这',
      '一行从新段落开始',
    ]);
  });

  test('a full line of running text ending in a number joins the line with its unit (g001: 行政复议 351 / 件，其中…)', () => {
    const endsInNumber: PdfLine = {
      text: '答复），均在法定期限内予以答复。政府信息公开行政复议 351',
      segments: [
        { text: '答复），均在法定期限内予以答复。政府信息公开行政复议', x: 57, width: 448 },
        { text: '351', x: 511, width: 26 },
      ],
    };
    const lines = joinWrappedLines(
      [
        full('2024年，全市共受理政府信息公开申请3119件，另有103件顺延到下年度', 28),
        endsInNumber,
        full('件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政'),
        prose('府信息公开行政诉讼46件。', 57),
      ],
      PAGE,
    ).map((line) => line.text);
    assert.deepEqual(lines, [
      '2024年，全市共受理政府信息公开申请3119件，另有103件顺延到下年度答复），均在法定期限内予以答复。政府信息公开行政复议 351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；政府信息公开行政诉讼46件。',
    ]);
  });

  test('table lines are never joined: header cells with gaps, narrow labels, rows of values', () => {
    const lines: PdfLine[] = [
      full('本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止，如'),
      full('对本报告有疑问请与本机关联系，联系地址：某市某路某号，邮编：某某某某'),
      {
        text: '信息内容 本年制发件数 本年废止件数 现行有效件数',
        segments: [
          { text: '信息内容', x: 57, width: 56 },
          { text: '本年制发件数', x: 200, width: 84 },
          { text: '本年废止件数', x: 320, width: 84 },
          { text: '现行有效件数', x: 453, width: 84 },
        ],
      },
      prose('第二十条第（一）项', 57),
      row('规章', [
        ['1', COLUMNS[0]!],
        ['2', COLUMNS[1]!],
      ]),
    ];
    assert.deepEqual(
      joinWrappedLines(lines, PAGE).map((line) => line.text),
      [lines[0]!.text + lines[1]!.text, ...lines.slice(2).map((line) => line.text)],
    );
  });
});

describe('joinAcrossPages: a paragraph cut by a page break is one line again', () => {
  test('running text across a page number joins; a heading, a closed sentence, a short line or a list item does not', () => {
    const cut = [
      '五、存在的主要问题及改进情况',
      '对照上级新要求和公众新期待，还有一些需要加强和改进的',
      '- 6 -',
      '地方。主要表现在：一是政策解读质量仍需提升。',
    ];
    // after a closed sentence, before a list item, after a line with no comma (a signature): left as they are
    const kept = [
      '- 7 -',
      '（一）下一页的小标题',
      '本年度共收到政府信息公开申请，均已按期答复。',
      '- 8 -',
      '下一段',
      '淮安市人民政府',
      '- 9 -',
      '2025年1月20日',
    ];
    assert.deepEqual(joinAcrossPages([...cut, ...kept]), [cut[0], `${cut[1]}${cut[3]}`, ...kept]);
  });
});
