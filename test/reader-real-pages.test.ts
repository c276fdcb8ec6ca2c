// The reader on real report pages from outside the corpus (test/fixtures/real-pages/README.md says where
// each comes from and what it showed).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSource } from '#adapters/documents/load-source.ts';
import { readReport } from '#core/reports/read/read-report.ts';

const PAGES = fileURLToPath(new URL('./fixtures/real-pages/', import.meta.url));

async function readPage(name: string) {
  const loaded = await loadSource(readFileSync(`${PAGES}${name}`), name);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.reason);
  return readReport(loaded.document, name);
}

test('2019 report of the Shanghai government general office: merged cells that differ between header and rows', async () => {
  const analysis = await readPage('shanghai-gov-office-2019.html');
  const { reading } = analysis;
  assert.equal(reading.template, '2019');
  assert.equal(reading.year, 2019);
  assert.equal(reading.agency, '上海市人民政府办公厅');
  const cell = (id: string) => reading.cells.find((c) => c.id === id);
  const table2 = reading.cells.filter((c) => c.table === '二').map((c) => `${c.id}=${c.raw}`);
  assert.deepEqual(table2, [
    'rules.new_made=13',
    'rules.new_published=13',
    'rules.published_total=524',
    'normative_documents.new_made=60',
    'normative_documents.new_published=60',
    'normative_documents.published_total=368',
    ...['licensing', 'other_services', 'penalties', 'coercion'].flatMap((row) =>
      ['prior_items', 'items_change', 'decisions'].map((column) => `${row}.${column}=0`),
    ),
    'fees.prior_items=0',
    'fees.items_change=0',
    'procurement.procurement_items=6',
    'procurement.procurement_amount=251000元',
  ]);
  // §6.3: a unit is stripped, never converted
  assert.equal(cell('procurement.procurement_amount')?.value, 251000);
  // validation-rules.md §4: 一 859, 二 18, （七） 805, 四 72; 自然人 821 + 18 = 767 + 72
  assert.equal(cell('received.total')?.value, 859);
  assert.equal(cell('carried_in.total')?.value, 18);
  assert.equal(cell('outcome.total.total')?.value, 805);
  assert.equal(cell('carried_out.total')?.value, 72);
  assert.equal(cell('received.natural_person')?.value, 821);
  assert.equal(cell('outcome.total.natural_person')?.value, 767);
  // blank cells are absent, not zero
  assert.equal(cell('received.research'), undefined);
  assert.equal(cell('outcome.disclosed.total'), undefined);
  assert.deepEqual(
    reading.cells.filter((c) => c.table === '四').map((c) => `${c.id}=${c.value}`),
    [
      'review.upheld=5',
      'review.pending=2',
      'review.total=7',
      'litigation_direct.upheld=8',
      'litigation_direct.pending=1',
      'litigation_direct.total=9',
    ],
  );
  // §4: no error or warning; CELL-BLANK notices and the CELL-TEXT notice of 251000元
  const findings = reading.findings.map((f) => `${f.severity} ${f.rule}`);
  assert.deepEqual([...new Set(findings)].sort(), ['notice CELL-BLANK', 'notice CELL-TEXT']);
});

test('the same page as a crawler kept it, inside a script after the site`s script data, reads the same (probeI9 001)', async () => {
  const html = readFileSync(`${PAGES}shanghai-gov-office-2019.html`, 'utf8');
  // probeI9 001: 9,000 characters of the site's menus as script data, then the article as a string
  // with its attribute quotes escaped (`<table align=\"center\" …>`).
  const menu = '{\n\t"id": "0001-42850",\n\t"name": "沪府办规文件"\n}, {\n\t"id": "0001-44931",\n\t"name": "沪府任文件"\n}, ';
  const dump = `//字典项\nlet secondMenuFirstChild = [${menu.repeat(40)}]\n\nlet content = "${html.replaceAll('"', '\\"')}"\n`;
  const read = async (text: string, name: string) => {
    const loaded = await loadSource(new TextEncoder().encode(text), name);
    assert.ok(loaded.ok);
    return readReport(loaded.document, name).reading;
  };
  const [page, crawled] = [await read(html, 'page.html'), await read(dump, '001.txt')];
  assert.equal(crawled.agency, '上海市人民政府办公厅');
  assert.equal(crawled.year, 2019);
  assert.equal(crawled.template, '2019');
  const cells = (reading: typeof page) => reading.cells.map((c) => `${c.id}=${c.raw}`);
  assert.deepEqual(cells(crawled), cells(page));
  assert.ok(cells(crawled).includes('received.total=859'));
});

test('a 2021 report whose table 二 header rows a crawler dropped still reads as 2021 (g013, row shapes)', async () => {
  const corpus = fileURLToPath(new URL('./fixtures/corpus/reports/', import.meta.url));
  const full = readFileSync(`${corpus}g013.txt`, 'utf8');
  const headerless = full
    .split('\n')
    .filter((line) => !/信息内容|本年制发件数|本年处理决定数量|本年收费金额/.test(line))
    .join('\n');
  const read = async (text: string) => {
    const loaded = await loadSource(new TextEncoder().encode(text), 'g013.txt');
    assert.ok(loaded.ok);
    return readReport(loaded.document, 'g013.txt').reading;
  };
  const [original, dropped] = [await read(full), await read(headerless)];
  assert.equal(dropped.template, '2021');
  const table2 = (reading: typeof original) => reading.cells.filter((c) => c.table === '二').map((c) => `${c.id}=${c.value}`);
  assert.deepEqual(table2(dropped), table2(original));
  assert.ok(table2(original).includes('licensing.decisions=9487'));
});

test('a traditional-script page`s 2021 table 二 with `處理決定數量` (no 本年) over its one-value rows (probeJ1 041)', async () => {
  const text = [
    '二、主動公開政府信息情況',
    '|',
    '第二十條第(一)項 |',
    '|||',
    '|',
    '信息內容 |',
    '本年制發件數 |',
    '本年廢止件數 |',
    '現行有效件數 |',
    '|',
    '規章 |',
    '0 |',
    '0 |',
    '0 |',
    '|',
    '行政規范性文件 |',
    '9 |',
    '3 |',
    '6 |',
    '|',
    '第二十條第(五)項 |',
    '|||',
    '|',
    '信息內容 |',
    '處理決定數量 |',
    '||',
    '|',
    '行政許可 |',
    '0件 |',
    '||',
    '|',
    '第二十條第(六)項 |',
    '|||',
    '|',
    '信息內容 |',
    '處理決定數量 |',
    '||',
    '|',
    '行政處罰 |',
    '0 |',
    '||',
    '|',
    '行政強制 |',
    '0 |',
    '||',
    '|',
    '第二十條第(八)項 |',
    '|||',
    '|',
    '信息內容 |',
    '本年收費金額(單位:萬元) |',
    '||',
    '|',
    '行政事業性收費 |',
    '0 |',
    '||',
    '|',
  ].join('\n');
  const loaded = await loadSource(new TextEncoder().encode(text), 'page.txt');
  assert.ok(loaded.ok);
  const { reading } = readReport(loaded.document, 'page.txt');
  assert.equal(reading.template, '2021');
  assert.deepEqual(
    reading.cells.map((c) => `${c.id}=${c.raw}`),
    [
      'rules.issued=0',
      'rules.repealed=0',
      'rules.in_force=0',
      'normative_documents.issued=9',
      'normative_documents.repealed=3',
      'normative_documents.in_force=6',
      'licensing.decisions=0件',
      'penalties.decisions=0',
      'coercion.decisions=0',
      'fees.amount_wan=0',
    ],
  );
  const read = reading.findings.filter((f) => ['LABEL-VARIANT', 'READ-ROW-SHAPE', 'TPL-MIXED'].includes(f.rule));
  assert.deepEqual(
    read.map((f) => f.message),
    ['“处理决定数量”与格式规定的“本年处理决定数量”不一致'],
  );
});

describe('probe round 18 (r18e)', () => {
  test('a page in traditional script: narrative sentences and the excerpts findings quote are as written (probeQ6 017)', async () => {
    const text = [
      '海南省人民政府辦公廳2020年政府信息公開工作年度報告',
      '',
      '一、總體情況',
      '',
      '2020年,省政府入口網站信息發布總數為3.5萬條,其中發布省政府常務會議62條、省政府檔案45條、省政府辦公肯兆迎府廳檔案68條、政策解讀81條、政府公報21期,總訪問量2645.3萬人次;新浪微博共發布信息3660條,關注人數1.7萬人。',
      '(二)著力做好政府信息依申請公開。2020年省政府辦公廳共收到政府信息公開申請70件,其中,予以公開的21件,部分公開的0件,不予公開的11件,本機關不掌握霉歸相關政府信息或沒有現成信息及申請內容不明確無法提供的33件。',
      // the page goes on (`,申請信息屬於信訪舉報投訴類、重複申請、要求行政機關確…`): ended here, so the list is whole (a list cut by
      // the end of a text reads no shortfall, r18f)
    ].join('\n');
    const loaded = await loadSource(new TextEncoder().encode(text), '017.txt');
    assert.ok(loaded.ok);
    const { reading } = readReport(loaded.document, '017.txt');
    assert.equal(reading.agency, '海南省人民政府辦公廳');
    const sentences = [...new Set(reading.narrative.map((n) => n.text))];
    assert.ok(sentences[0]!.includes('省政府檔案45條'), sentences[0]);
    assert.equal(sentences[1], '新浪微博共發布信息3660條,關注人數1.7萬人');
    const partial = reading.findings.filter((f) => f.rule === 'NARR-SUM-PARTIAL').map((f) => f.message);
    // the quoted sentence as written, the message's own words in simplified script
    assert.deepEqual(partial, ['“2020年省政府辦公廳共收到政府信息公開申請70…”：总数70件，分项合计65件（21+0+11+33）']);
  });
});
