// The reader on texts cut short (issue #9: most pages of the corpus, and of the second set kept apart,
// are the first ~2,000 bytes of a page, cut at any byte). Complete reports (the seeds and the pdftotext
// texts g011–g013) are cut at many points: every number a cut text gives must be the complete report's
// number in the same cell. The one exception is a number the text ends in: it may be the first digits
// of a longer one, so it is read as shown (as the corpus's hand-read truth does) and the reading says so.
// The corpus's pages themselves are cut further in the same way (every cell-per-line and pipe layout).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSource } from '#adapters/documents/load-source.ts';
import { readReport } from '#core/reports/read/read-report.ts';
import { withoutOpenTail } from '#core/reports/read/scan-layout.ts';

const SEEDS = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));
const CORPUS = fileURLToPath(new URL('./fixtures/corpus/reports/', import.meta.url));
const REPORTS = [
  ...readdirSync(SEEDS).map((f) => SEEDS + f),
  ...readdirSync(CORPUS)
    .filter((f) => /^(?:g01[123]|p\d+)\.txt$/.test(f))
    .sort()
    .map((f) => CORPUS + f),
];
const STEP = 29;

async function read(text: string, name: string) {
  const loaded = await loadSource(new TextEncoder().encode(text), name);
  return loaded.ok ? readReport(loaded.document, name).reading : null;
}

describe('withoutOpenTail', () => {
  it('drops a last line of spaces only, keeps and names a number touching the end', () => {
    assert.deepEqual(withoutOpenTail('行政许可 5\n     '), { text: '行政许可 5\n', number: null });
    assert.deepEqual(withoutOpenTail('行政许可\n    9'), { text: '行政许可\n    9', number: '9' });
    assert.deepEqual(withoutOpenTail('采购 | 180774.8'), { text: '采购 | 180774.8', number: '180774.8' });
    assert.deepEqual(withoutOpenTail('无其他需要报告的事项'), { text: '无其他需要报告的事项', number: null });
    // punctuation at the end is no number
    assert.deepEqual(withoutOpenTail('内容涵盖工作信息、各类资金的发放,'), { text: '内容涵盖工作信息、各类资金的发放,', number: null });
    assert.deepEqual(withoutOpenTail('采购金额为,5'), { text: '采购金额为,5', number: '5' });
    assert.deepEqual(withoutOpenTail('行政许可\t9 '), { text: '行政许可\t9 ', number: null });
  });
  it('drops the ordinal of the label that came next: it is no value of the label before', () => {
    assert.deepEqual(withoutOpenTail('3.危及“三安全一稳定”\n4'), { text: '3.危及“三安全一稳定”\n', number: null });
    assert.deepEqual(withoutOpenTail('（六）其他处理 | 1'), { text: '（六）其他处理 | ', number: null });
    assert.deepEqual(withoutOpenTail('\t（三）不予公开\t1. '), { text: '\t（三）不予公开\t', number: null });
    assert.deepEqual(withoutOpenTail('四、政府信息公开行政复议、行政诉讼情况\n2023'), {
      text: '四、政府信息公开行政复议、行政诉讼情况\n',
      number: null,
    });
    // Not the next ordinal: a value, kept and named.
    assert.deepEqual(withoutOpenTail('3.危及“三安全一稳定”\n7'), { text: '3.危及“三安全一稳定”\n7', number: '7' });
    // After a whole row of seven values, one per line (a real page cut there): the next row's ordinal.
    const row = `1.属于国家秘密\n\n${' 0\n\n'.repeat(7)}`;
    assert.deepEqual(withoutOpenTail(`${row}2`), { text: row, number: null });
    assert.deepEqual(withoutOpenTail(`1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n2`).number, null);
    // Six values: the row is not whole, the number may be its 总计.
    const short = `1.属于国家秘密\n\n${' 0\n\n'.repeat(6)}`;
    assert.deepEqual(withoutOpenTail(`${short}2`), { text: `${short}2`, number: '2' });
    // Seven values and not the next ordinal: kept.
    assert.deepEqual(withoutOpenTail(`${row}5`).number, '5');
  });
});

describe('the reader on complete reports cut at every point', () => {
  for (const path of REPORTS) {
    const name = path.split('/').pop()!;
    it(`${name}: a cut text gives no number the complete report does not give in that cell`, async () => {
      const full = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
      const whole = new Map((await read(full, name))!.cells.map((c) => [c.id, c.value]));
      // From the first table on (pages without it, in traditional characters or narrative only: all of it).
      const from = Math.max(STEP, full.indexOf('主动公开政府信息情况'));
      let cuts = 0;
      for (let n = from; n < full.length; n += STEP) {
        const text = full.slice(0, n);
        const reading = await read(text, `${name}@${n}`);
        if (reading === null) {
          continue;
        }
        const tail = /[0-9.,]+$/.exec(text)?.[0];
        const flagged = reading.findings.some((f) => f.rule === 'READ-TRUNCATED' && tail !== undefined && f.message.includes(`“${tail}”`));
        for (const cell of reading.cells) {
          if (cell.value == null || cell.value === whole.get(cell.id)) {
            continue;
          }
          // Allowed only as a cut number: named, and the first digits of the complete report's value.
          const complete = whole.get(cell.id);
          assert.ok(
            flagged && cell.raw.endsWith(tail!) && complete != null && String(complete).startsWith(String(cell.value)),
            `${name} cut at ${n}: ${cell.id} = ${cell.value}, the complete report has ${whole.get(cell.id)}`,
          );
        }
        cuts++;
      }
      assert.ok(cuts > 3, `${name}: ${cuts} cuts`);
    });
  }
});

describe('a text that ends in a label cut short (real page openings)', () => {
  const rules = (reading: Awaited<ReturnType<typeof read>>) => reading!.findings.map((f) => `${f.rule} ${f.message}`);
  it('says READ-TRUNCATED, not the missing tables and sections, after a row (`信息内`), after a heading (`(本列数据的勾稽关`), in a row label (`(四)无法`)', async () => {
    const table2 = [
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | |||',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 0 | 0 | 0 |',
      '行政规范性文件 | 2 | 0 | 8 |',
    ];
    const afterRow = rules(await read([...table2, '第二十条第(五)项 | |||', '信息内'].join('\n'), 'x006.txt'));
    assert.ok(afterRow.includes('READ-TRUNCATED 文本在表二“行政规范性文件”处中断，其后内容缺失'), afterRow.join('\n'));
    // Section 一 is missing before the cut; nothing after it is reported.
    assert.ok(!afterRow.some((f) => f.startsWith('STRUCT-TABLE') || /STRUCT-SECTION 缺少“[三四五六]/.test(f)), afterRow.join('\n'));

    const afterHeading = rules(await read([...table2, '三、收到和处理政府信息公开申请情况', '(本列数据的勾稽关'].join('\n'), 'y041.txt'));
    assert.ok(
      afterHeading.some((f) => f.startsWith('READ-TRUNCATED 文本在表三')),
      afterHeading.join('\n'),
    );
    assert.ok(!afterHeading.some((f) => f.startsWith('STRUCT-TABLE 未找到表三')), afterHeading.join('\n'));

    const inRowLabel = rules(
      await read(
        [
          '三、收到和处理政府信息公开申请情况',
          '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
          '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
          '(四)无法',
        ].join('\n'),
        't036.txt',
      ),
    );
    assert.ok(inRowLabel.includes('READ-TRUNCATED 文本在表三“（四）无法提供”处中断，其后内容缺失'), inRowLabel.join('\n'));
  });
  it('names the last row read when the cut label starts several rows (`行` after 行政强制, probeD2/026)', async () => {
    const text = [
      '二、主动公开政府信息情况',
      '第二十条第(六)项 | |||',
      '信息内容 | 本年处理决定数量 |',
      '行政处罚 | 3 |',
      '行政强制 | 0 |',
      '第二十条第(八)项 | |||',
      '信息内容 | 本年收费金额(单位:万元) |',
      '行',
    ].join('\n');
    const found = rules(await read(text, 'd026.txt'));
    assert.ok(found.includes('READ-TRUNCATED 文本在表二“行政强制”处中断，其后内容缺失'), found.join('\n'));
  });
  it('reports no wording variant or skipped row for the cut label itself (`本年收费金额(单位:万`, `本年`)', async () => {
    const fees = rules(
      await read(['二、主动公开政府信息情况', '第二十条第(八)项 | |||', '信息内容 | 本年收费金额(单位:万'].join('\n'), 'x037.txt'),
    );
    assert.ok(
      fees.some((f) => f.startsWith('READ-TRUNCATED')),
      fees.join('\n'),
    );
    assert.ok(!fees.some((f) => f.startsWith('LABEL-VARIANT')), fees.join('\n'));
    const cut = rules(
      await read(['二、主动公开政府信息情况', '第二十条第(八)项 | |||', '| 信息内容 | 上一年项目数量 | 本年'].join('\n'), 'x055.txt'),
    );
    assert.ok(!cut.some((f) => f.startsWith('READ-UNKNOWN-ROW')), cut.join('\n'));
  });
  it('is no cut when the last line is prose after the table', async () => {
    const prose = rules(
      await read(
        [
          '二、主动公开政府信息情况',
          '第二十条第(一)项 | |||',
          '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
          '规章 | 0 | 0 | 0 |',
          '行政规范性文件 | 2 | 0 | 8 |',
          '本单位今年无其他情况需要说明',
        ].join('\n'),
        'prose.txt',
      ),
    );
    assert.ok(!prose.some((f) => f.startsWith('READ-TRUNCATED')), prose.join('\n'));
  });
});

describe('where a real page stops inside a table: READ-TRUNCATED names it, CELL-BLANK counts only what came before', () => {
  const rules = (reading: Awaited<ReturnType<typeof read>>) => reading!.findings.map((f) => `${f.rule} ${f.message}`);
  const blank = (reading: Awaited<ReturnType<typeof read>>) => reading!.findings.filter((f) => f.rule === 'CELL-BLANK');
  const table3Head = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
    '申请人情况 | |||||||||||||||',
    '|',
    '自然人 |',
    '法人或其他组织 |',
    '总计 | ||||||||||||||',
    '|',
    '商业 企业 |',
    '科研 机构 |',
    '社会公益组织 |',
    '法律服务机构 |',
    '其他 | ||||||||||||',
    '|',
  ];

  it('a page ending in a row label after a line of bars (`0 | |||||||||` / `|` / `三、本年度办`, probeI2 009) is cut there', async () => {
    const rows = [
      '一、本年新收政府信息公开申请数量 |',
      ...['8 |', '0 |', '0 |', '0 |', '0 |', '0 |', '8 | |||||||||', '|'],
      '二、上年结转政府信息公开申请数量 |',
      ...['0 |', '0 |', '0 |', '0 |', '0 |', '0 |', '0 | |||||||||', '|'],
      '三、本年度办',
    ];
    const reading = await read([...table3Head, ...rows].join('\n'), 'i2-009.txt');
    const found = rules(reading);
    assert.ok(found.includes('READ-TRUNCATED 文本在表三“三、本年度办理结果”处中断，其后内容缺失'), found.join('\n'));
    assert.ok(!found.some((f) => f.startsWith('STRUCT-TABLE 未找到表四')), found.join('\n'));
    // Rows 一 and 二 are filled: the 161 cells after the cut are missing, not blank.
    assert.deepEqual(blank(reading), []);
  });

  it('a page ending in a bare `第二十条` after a row`s line of bars (probeJ1 002: the next block`s `第二十条第(八)项`) is cut there', async () => {
    const lines = [
      '二、主动公开政府信息情况',
      '|',
      '第二十条第(一)项 | |||',
      '|',
      '信息内容 |',
      '本年制发件数 |',
      '本年废止件数 |',
      '现行有效件数 |',
      '|',
      '规章 |',
      '0 |',
      '0 |',
      '0 |',
      '|',
      '行政规范性文件 |',
      '0 |',
      '0 |',
      '0 |',
      '|',
      '第二十条第(五)项 | |||',
      '|',
      '信息内容 |',
      '本年处理决定数量 | ||',
      '|',
      '行政许可 |',
      '325 | ||',
      '|',
      '第二十条第(六)项 | |||',
      '|',
      '信息内容 |',
      '本年处理决定数量 | ||',
      '|',
      '行政处罚 |',
      '49 | ||',
      '|',
      '行政强制 |',
      '0 | ||',
      '|',
      '第二十条',
    ];
    const reading = await read(lines.join('\n'), 'j1-002.txt');
    const found = rules(reading);
    assert.deepEqual(
      // (The excerpt opens on section 二: section 一 is missing from it.)
      found.filter((f) => /^(?:READ-TRUNCATED|STRUCT-TABLE|STRUCT-SECTION)/.test(f) && !f.includes('一、总体情况')),
      ['READ-TRUNCATED 文本在表二“行政强制”处中断，其后内容缺失'],
    );
  });

  it('blank cells before the cut are counted, none after it (probeI7 041: rows 一 and 二 give 总计 only)', async () => {
    const lines = [
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
      '申请人情况 |',
      '||||||||',
      '自然人 |',
      '法人或其他组织 |',
      '总计 |',
      '|||||||',
      '商业 企业 |',
      '科研 机构 |',
      '社会公益组织 |',
      '法律服务机构 |',
      '其他 |',
      '|||||',
      '一、本年新收政府信息公开申请数量 |',
      ...['|', '|', '|', '|', '|', '|', '0 |', '||'],
      '二、上年结转政府信息公开申请数量 |',
      ...['|', '|', '|', '|', '|', '|', '0 |', '||'],
      '三、本年',
    ];
    const reading = await read(lines.join('\n'), 'i7-041.txt');
    assert.ok(
      rules(reading).some((f) => f.startsWith('READ-TRUNCATED 文本在表三')),
      rules(reading).join('\n'),
    );
    const applicants = [
      'natural_person',
      'commercial_enterprise',
      'research_institution',
      'public_interest_org',
      'legal_service_org',
      'other_org',
    ];
    assert.deepEqual(
      blank(reading).map((f) => [f.message, f.cells]),
      [
        [
          '表三有12个单元格为空（空白不按0计算，相关勾稽检查已跳过）',
          [...applicants.map((c) => `received.${c}`), ...applicants.map((c) => `carried_in.${c}`)],
        ],
      ],
    );
  });

  it('a page cut in a row label of pipe rows (`三、本年度办理结果 | (一`, probeI7 035) has no blank cell', async () => {
    const lines = [
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||',
      '自然 人 | 法人或其他组织 | 总 计 | |||||||',
      '商业企业 | 科研机构 | 社会 公益组织 | 法律 服务机构 | 其他 | |||||',
      '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
      '二、上年结转政府信息公开数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
      '三、本年度办理结果 | (一',
    ];
    const reading = await read(lines.join('\n'), 'i7-035.txt');
    assert.ok(rules(reading).includes('READ-TRUNCATED 文本在表三“三、本年度办理结果”处中断，其后内容缺失'), rules(reading).join('\n'));
    assert.deepEqual(blank(reading), []);
  });

  it('the row a page stops in has no blank cell after its last value (`| 0 | 0 | 0 | 0 |  `, probeI8 025; probeI1 007)', async () => {
    const lines = [
      '三、收到和处理政府信息公开申请情况',
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
      '自然人 | 法人或其他组织 | 总计 |',
      '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
      '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '三、本年度办理结果 | (一)予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ];
    for (const last of ['7.属于行政执法案卷 | 0 | 0 | 0 | 0 |  ', '7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |']) {
      const reading = await read([...lines, last].join('\n'), 'i8-025.txt');
      assert.ok(rules(reading).includes('READ-TRUNCATED 文本在表三“（三）不予公开/7.属于行政执法案卷”处中断，其后内容缺失'), last);
      assert.deepEqual(blank(reading), [], last);
    }
    // A blank cell before the row's last value is one.
    const gap = await read([...lines, '7.属于行政执法案卷 | 0 | | 0 | 0 |'].join('\n'), 'gap.txt');
    assert.deepEqual(
      blank(gap).map((f) => f.cells),
      [['outcome.withheld.enforcement_file.commercial_enterprise']],
    );
  });

  it('a page that stops in a table`s header names the header, not the first row it never reached (probeI6 041, probeI4 004)', async () => {
    const table3 = [
      '三、收到和處理政府信息公開申請情況',
      '(本列數據的勾稽關系為:第一項加第二項之和,等于第三項加第四項之和) |',
      '申請人情況 |',
      '||||||||',
      '自然人 |',
      '法人或其他組織 |',
      '總計 |',
      '|||||||',
      '商業',
    ];
    const inTable3 = await read(table3.join('\n'), 'i6-041.txt');
    assert.ok(rules(inTable3).includes('READ-TRUNCATED 文本在表三的表头处中断，其后内容缺失'), rules(inTable3).join('\n'));
    assert.ok(!rules(inTable3).some((f) => f.startsWith('STRUCT-TABLE 未找到表四')), rules(inTable3).join('\n'));
    assert.deepEqual(blank(inTable3), []);

    const table2 = ['二、主动公开政府信息情况', '第二十条第(一)项 |', '|||', '信息内容 |', '本年度制发数 |', '本年废止数 |', '现行有效'];
    const inTable2 = await read(table2.join('\n'), 'i4-004.txt');
    assert.ok(rules(inTable2).includes('READ-TRUNCATED 文本在表二的表头处中断，其后内容缺失'), rules(inTable2).join('\n'));
    assert.deepEqual(blank(inTable2), []);
  });

  it('a page ending in a row label cut short after a header label the page left short (`本年增/` / `行政事业性`, probeL3 036) is cut there', async () => {
    // Every cell followed by an empty line; 其他对外管理服务事项's three cells are real blanks (a space each).
    const cells = [
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
      '信息内容',
      '本年新\n制作数量',
      '本年新\n公开数量',
      '对外公开总数量',
      '规章',
      '6',
      '2',
      '10',
      '规范性文件',
      '198',
      '7',
      '21',
      '第二十条第(五)项',
      '信息内容',
      '上一年项目数量',
      '本年增/',
      '处理决定数量',
      '行政许可',
      '18',
      '0',
      '1625',
      '其他对外管理服务事项',
      ' ',
      ' ',
      ' ',
      '第二十条第(六)项',
      '信息内容',
      '上一年项目数量',
      '本年增/',
      '处理决定数量',
      '行政处罚',
      '137',
      '0',
      ' 112',
      '行政强制',
      '12',
      '0',
      ' 21',
      '第二十条第(八)项',
      '信息内容',
      '上一年项目数量',
      '本年增/',
      '行政事业性',
    ];
    const reading = await read(cells.join('\n\n'), 'l3-036.txt');
    const found = rules(reading).filter((f) => !f.includes('一、总体情况') && !f.startsWith('META-'));
    assert.deepEqual(found, [
      'CELL-BLANK 表二有3个单元格为空（空白不按0计算，相关勾稽检查已跳过）',
      'READ-TRUNCATED 文本在表二“行政事业性收费”处中断，其后内容缺失',
    ]);
    assert.deepEqual(blank(reading)[0]!.cells, ['other_services.prior_items', 'other_services.items_change', 'other_services.decisions']);
  });

  it('a lone `|` after table 四`s heading (the page`s footer, probeL2 020) is no row of table 四: the table is missing, not cut', async () => {
    const lines = [
      '一、总体情况',
      '(一)主动公开',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '扫一扫在手机打开当前页',
      '|',
    ];
    const found = rules(await read(lines.join('\n'), 'l2-020.txt'));
    assert.ok(found.includes('STRUCT-TABLE 未找到表四（四、政府信息公开行政复议、行政诉讼情况）'), found.join('\n'));
    assert.ok(!found.some((f) => f.startsWith('CELL-BLANK') || f.startsWith('READ-TRUNCATED')), found.join('\n'));
  });

  it('a page ending in a header label split over two lines (`本年新` / `制作数`, probeP3 006) is cut in table 二`s header, no cell blank', async () => {
    const lines = [
      '滨湖镇人民政府2020年度信息公开工作年度报告',
      '',
      '一、总体情况',
      '',
      '扎实做好信息公开各项保障工作,严格按照信息发布流程开展工作,积极参加市级信息公开培训,推进和规范政府信息公开工作。',
      '',
      '',
      '二、主动公开政府信息情况',
      '',
      '第二十条第(一)项',
      '',
      '信息内容',
      '',
      '本年新',
      '制作数',
    ];
    const found = rules(await read(lines.join('\n'), 'p3-006.txt')).filter((f) => !f.startsWith('META-'));
    assert.deepEqual(found, ['READ-TRUNCATED 文本在表二的表头处中断，其后内容缺失']);
  });

  it('a page ending mid-sentence in the cell of a row whose label stood alone (`行政事业性收费` / `由区政府办根据`, probeP3 013) is cut in that row', async () => {
    // Every cell followed by an empty line, as on the page; the fees row holds prose, not blank cells.
    const cells = [
      '一、总体情况',
      '2019年,按照区委、区政府关于政府信息公开的要求,河西务镇依照《中华人民共和国政府信息公开条例》。',
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
      '信息内容',
      '本年新\n制作数量',
      '本年新\n公开数量',
      '对外公开总数量',
      '规章',
      '0',
      '0',
      '0',
      '规范性文件',
      '0',
      '0',
      '0',
      '第二十条第(五)项',
      '信息内容',
      '上一年项目数量',
      '本年增/',
      '处理决定数量',
      '行政许可',
      '0',
      '0',
      '0',
      '其他对外管理服务事项',
      '286',
      '0',
      '34',
      '第二十条第(六)项',
      '信息内容',
      '上一年项目数量',
      '本年增/',
      '处理决定数量',
      '行政处罚',
      '286',
      '0',
      '0',
      '行政强制',
      '49',
      '0',
      '0',
      '第二十条第(八)项',
      '信息内容',
      '上一年项目数量',
      '本年增/',
      '行政事业性收费',
      '由区政府办根据',
    ];
    const found = rules(await read(cells.join('\n\n'), 'p3-013.txt')).filter((f) => !f.startsWith('META-'));
    assert.deepEqual(found, ['READ-TRUNCATED 文本在表二“行政事业性收费”处中断，其后内容缺失']);
    // The same row followed by a whole sentence, or by the page's sign-off, is no cut.
    for (const end of ['由区政府办根据相关规定执行。', '天津市武清区河西务镇人民政府']) {
      const whole = rules(await read([...cells.slice(0, -1), end].join('\n\n'), 'p3-013b.txt'));
      assert.ok(!whole.some((f) => f.startsWith('READ-TRUNCATED')), whole.join('\n'));
    }
  });
});

describe('probe round 18 (r18a)', () => {
  const rules = (reading: Awaited<ReturnType<typeof read>>) => reading!.findings.map((f) => `${f.rule} ${f.message}`);
  const outline = (found: readonly string[]) => found.filter((f) => /^(?:STRUCT-TABLE|STRUCT-SECTION|CELL-BLANK 表三)/.test(f));
  // Table 二 one cell per line with a blank line after each (probeQ7 013, probeQ8 003).
  const table2Cells = [
    ...['二、主动公开政府信息情况', '第二十条第(一)项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ...['规章', '0', '0', '0', '行政规范性文件', '0', '0', '0'],
    ...['第二十条第(五)项', '信息内容', '本年处理决定数量', '行政许可', '0'],
    ...['第二十条第(六)项', '信息内容', '本年处理决定数量', '行政处罚', '0', '行政强制', '0'],
    ...['第二十条第(八)项', '信息内容', '本年收费金额(单位:万元)', '行政事业性收费', '0'],
  ];
  const table2 = [
    '二、主动公开政府信息情况',
    '| 第二十条第(一)项 | |||',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 规章 | 0 | 0 | 0 |',
    '| 行政规范性文件 | 2 | 0 | 8 |',
    '| 第二十条第(八)项 | |||',
    '| 信息内容 | 本年收费金额(单位:万元) |',
    '| 行政事业性收费 | 172 | ||',
  ];

  it('a text ending inside a section heading is cut there: table 三`s (probeQ5 030, probeQ3 032), section 五`s (probeQ2 030)', async () => {
    for (const last of ['三、收到和处理政府信息公开', '三、收到']) {
      const found = rules(await read(['一、总体情况', '2023年,我局主动公开政府信息25条。', ...table2, last].join('\n'), 'q5-030.txt'));
      assert.ok(found.includes('READ-TRUNCATED 文本在表三的标题处中断，其后内容缺失'), `${last}\n${found.join('\n')}`);
      assert.deepEqual(outline(found), [], last);
    }
    const headings = [
      '一、总体情况',
      '2020年,我镇主动公开政府信息25条。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ];
    const cut = rules(await read([...headings, '五、存在的主'].join('\n'), 'q2-030.txt'));
    assert.ok(cut.includes('READ-TRUNCATED 文本在“五、存在的主要问题及改进情况”的标题处中断，其后内容缺失'), cut.join('\n'));
    // The tables the page dropped are before the cut: still missing. Nothing of 五 or 六 is.
    assert.deepEqual(outline(cut), [
      'STRUCT-TABLE 未找到表二（二、主动公开政府信息情况）',
      'STRUCT-TABLE 未找到表三（三、收到和处理政府信息公开申请情况）',
      'STRUCT-TABLE 未找到表四（四、政府信息公开行政复议、行政诉讼情况）',
    ]);
    // The whole heading is no cut: 六 is missing.
    const whole = rules(await read([...headings, '五、存在的主要问题及改进情况'].join('\n'), 'q2-030-whole.txt'));
    assert.ok(!whole.some((f) => f.startsWith('READ-TRUNCATED')), whole.join('\n'));
    assert.ok(whole.includes('STRUCT-SECTION 缺少“六、其他需要报告的事项”部分'), whole.join('\n'));
  });

  it('a text cut in table 三`s header, one cell per line with blank lines (`科研` / `机`, probeQ8 003) is cut there, no cell blank', async () => {
    const header = ['三、收到和处理政府信息公开申请情况', '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)'];
    const cells = ['申请人情况', '自然人', '法人或其他组织', '总计', '商业', '企业', '科研', '机'];
    const text = ['一、总体情况', '2022年,我区主动公开政府信息36条。', ...table2Cells, ...header, ...cells].join('\n\n');
    const found = rules(await read(text, 'q8-003.txt'));
    assert.ok(found.includes('READ-TRUNCATED 文本在表三的表头处中断，其后内容缺失'), found.join('\n'));
    assert.deepEqual(outline(found), []);
  });

  it('a text ending in the next row`s ordinal after a whole row, blank lines between cells (`6.属于四类过程性信息` / `1` / … / `7.`, probeQ7 013) is cut in that row', async () => {
    const layout: [string, number][] = [
      ...['一、总体情况', '2023年度依申请公开数为12件,已答复12件。', ...table2Cells].map((cell): [string, number] => [cell, 1]),
      ['三、收到和处理政府信息公开申请情况', 1],
      ['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', 1],
      ...['申请人情况', '自然人', '法人或其他组织', '总计', '商业', '企业', '科研', '机构', '社会公益组织', '法律服务机构', '其他'].map(
        (cell): [string, number] => [cell, 1],
      ),
      ['一、本年新收政府信息公开申请数量', 1],
      ['12', 6],
      ['12', 1],
      ['二、上年结转政府信息公开申请数量', 8],
      ['三、本年度办理结果', 1],
      ['(一)予以公开', 1],
      ['4', 7],
      ['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', 8],
      ['(三)不予公开', 1],
      ['1.属于国家秘密', 8],
      ['2.其他法律行政法规禁止公开', 8],
      ['3.危及“三安全一稳定”', 8],
      ['4.保护第三方合法权益', 8],
      ['5.属于三类内部事务信息', 8],
      ['6.属于四类过程性信息', 1],
      ['1', 7],
      ['7.', 0],
    ];
    const text = layout.map(([line, blanks]) => line + '\n'.repeat(blanks + 1)).join('');
    const reading = await read(text.slice(0, -1), 'q7-013.txt');
    const found = rules(reading);
    assert.ok(found.includes('READ-TRUNCATED 文本在表三“（三）不予公开/7.属于行政执法案卷”处中断，其后内容缺失'), found.join('\n'));
    // Row 6 is whole: its six blank cells count with the others before the cut.
    assert.ok(found.includes('CELL-BLANK 表三有66个单元格为空（空白不按0计算，相关勾稽检查已跳过）'), found.join('\n'));
    assert.equal(reading!.cells.find((c) => c.id === 'outcome.withheld.process_info.natural_person')?.value, 1);
  });

  it('a text cut mid-sentence in section 一`s prose (probeQ2 001, probeQ4 019) says so once, nothing after the cut missing', async () => {
    const head = [
      '张蔡庄乡2020年政府信息公开工作年度报告',
      '一、总体情况',
      '(四)政府信息公开平台建设',
      '张蔡庄乡人民政府信息公开主要通过朔城区人民政府网站对相关信息进行集中公开。',
      '(五)监督保障',
    ];
    for (const last of [
      '张蔡庄乡高度重视政府信息公开工作,接受社会和公众的监督;认真处理收到群众的举报投诉,及时采纳人',
      '积极做好政府网站建设管理工作,优化网站功能,合理设置栏目,开设7',
      '全力做好浦东',
    ]) {
      const found = rules(await read([...head, last].join('\n'), 'q2-001.txt'));
      assert.deepEqual(
        found.filter((f) => f.startsWith('READ-TRUNCATED')),
        ['READ-TRUNCATED 文本在“一、总体情况”部分中断，其后内容缺失'],
        last,
      );
      assert.deepEqual(outline(found), [], last);
    }
    // A whole sentence, a date, a sub-heading, an organ's name: no cut is seen, what is missing is reported.
    for (const last of [
      '张蔡庄乡高度重视政府信息公开工作,接受社会和公众的监督。',
      '2021年1月20日',
      '(二)依申请公开情况',
      '朔州市朔城区张蔡庄乡人民政府',
    ]) {
      const found = rules(await read([...head, last].join('\n'), 'q2-001-whole.txt'));
      assert.ok(!found.some((f) => f.startsWith('READ-TRUNCATED')), `${last}\n${found.join('\n')}`);
      assert.equal(outline(found).length, 8, `${last}\n${found.join('\n')}`);
    }
    // A report before the template (probeQ3 017 of 2016) is not checked against its outline: TPL-BEFORE alone says so.
    const before = rules(
      await read(
        [
          '宿州市人民政府2016年',
          '政府信息公开工作年度报告',
          '一、概述',
          '2016年,市政府办公室调整了政府信息公开工作人员。各县、区人民政府也参照市政府做法,完成了相应职责调整、机构设置和人员配备。市政府',
        ].join('\n'),
        'q3-017.txt',
      ),
    );
    assert.deepEqual(
      before.filter((f) => /^(?:TPL-BEFORE|READ-TRUNCATED|STRUCT)/.test(f)),
      ['TPL-BEFORE 2016年度报告早于政府信息公开工作年度报告格式（2019年度起适用），未按格式核对其表格和栏目'],
    );
  });

  it('a text cut in a later section`s prose keeps the tables missing before the cut (probeQ2 021: cut in 四)', async () => {
    const found = rules(
      await read(
        [
          '一、总体情况',
          '2024年,云武街道主动公开政府信息12条。',
          '二、主动公开政府信息情况',
          '三、收到和处理政府信息公开申请情况',
          '四、政府信息公开行政复议、行政诉讼情况',
          '2024年,云武街道信息公',
        ].join('\n'),
        'q2-021.txt',
      ),
    );
    assert.ok(found.includes('READ-TRUNCATED 文本在“四、政府信息公开行政复议、行政诉讼情况”部分中断，其后内容缺失'), found.join('\n'));
    assert.deepEqual(outline(found), [
      'STRUCT-TABLE 未找到表二（二、主动公开政府信息情况）',
      'STRUCT-TABLE 未找到表三（三、收到和处理政府信息公开申请情况）',
    ]);
  });
});
