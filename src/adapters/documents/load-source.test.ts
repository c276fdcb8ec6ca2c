import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { SourceBlock } from '#core/reports/report-model.ts';
import { compoundFile } from '#test/factories/packages.ts';
import { REASON_BINARY } from './decode-text.ts';
import { DEFAULT_MAX_SOURCE_BYTES, type LoadedSource, loadSource, REASON_EMPTY, REASON_EXPORT } from './load-source.ts';
import { REASON_PDF_NO_TEXT } from './pdf-to-blocks.ts';

const fixtures = new URL('../../../test/fixtures/', import.meta.url);
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, fixtures)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const seedNames = readdirSync(new URL('seeds/', fixtures)).filter((name) => name.endsWith('.txt'));

function loaded(result: LoadedSource): Extract<LoadedSource, { ok: true }> {
  if (!result.ok) {
    assert.fail(`expected the file to load, got: ${result.reason}`);
  }
  return result;
}

function onlyText(result: LoadedSource): string {
  const blocks = loaded(result).document.blocks;
  assert.equal(blocks.length, 1);
  const [block] = blocks;
  assert.equal(block?.kind, 'text');
  return block.kind === 'text' ? block.text : '';
}

function refused(result: LoadedSource): string {
  assert.equal(result.ok, false, 'expected the file to be refused');
  return result.ok ? '' : result.reason;
}

const tables = (result: LoadedSource) =>
  loaded(result).document.blocks.flatMap((block) => (block.kind === 'table' ? [block.rows.map((row) => [...row])] : []));
const texts = (result: LoadedSource) => loaded(result).document.blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : []));

describe('plain text', () => {
  for (const name of seedNames) {
    test(`seed ${name} loads as UTF-8 text, unchanged`, async () => {
      const bytes = fixture(`seeds/${name}`);
      const result = await loadSource(bytes, name);
      assert.equal(onlyText(result), new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n'));
      assert.equal(loaded(result).format, 'text');
      assert.equal(loaded(result).encoding, 'utf-8');
    });
  }

  test('character references a crawler left in the text (&nbsp;, &#160;, &amp;) read as the page shows them; unknown names stay', async () => {
    const text = onlyText(
      await loadSource(
        utf8('行政许可&nbsp;&nbsp;|&#160;12&#x3000;|\n本年度&ldquo;三公&rdquo;经费 &amp; &valueOf; &bogus; &#0;\n'),
        'page.txt',
      ),
    );
    assert.equal(text, '行政许可\u00a0\u00a0|\u00a012\u3000|\n本年度“三公”经费 & &valueOf; &bogus; &#0;\n');
  });

  test('a crawler page with &nbsp; between its cells reads the cells of the page without them', async () => {
    const { readReport } = await import('#core/reports/read/read-report.ts');
    const seed = readFileSync(new URL('corpus/reports/p001.txt', fixtures), 'utf8');
    const cells = async (text: string) =>
      readReport(loaded(await loadSource(utf8(text), 'p001.txt')).document, 'p001.txt').reading.cells.map((c) => `${c.id}=${c.value}`);
    const plain = await cells(seed);
    assert.ok(plain.length > 50);
    assert.deepEqual(await cells(seed.replace(/ /g, '&nbsp;')), plain);
  });

  test('a GB18030 copy of a seed (made with iconv) decodes to the same text', async () => {
    const seed = readFileSync(new URL('seeds/000_fa62d5864337d3a6.txt', fixtures), 'utf8');
    const result = await loadSource(fixture('documents/seed-000.gb18030.txt'), 'report.txt');
    assert.equal(loaded(result).encoding, 'gb18030');
    assert.equal(onlyText(result), seed);
  });

  test('a damaged download (a few invalid bytes) reads with U+FFFD in their place and a READ-ENCODING warning; too many is still undecodable', async () => {
    const seed = fixture('seeds/000_fa62d5864337d3a6.txt');
    // A byte 0xFF (never valid in UTF-8 or GB18030) after each of the first `count` line breaks.
    const damage = (bytes: Uint8Array, count: number) => {
      const out: number[] = [];
      let left = count;
      for (const byte of bytes) {
        out.push(byte);
        if (byte === 0x0a && left > 0) {
          out.push(0xff);
          left -= 1;
        }
      }
      assert.equal(left, 0, 'enough lines to damage');
      return new Uint8Array(out);
    };
    const damaged = loaded(await loadSource(damage(seed, 3), 'report.txt'));
    assert.equal(damaged.encoding, 'utf-8');
    const text = onlyText(damaged);
    assert.equal([...text.matchAll(/\ufffd/g)].length, 3);
    assert.deepEqual(
      damaged.document.findings?.map((f) => [f.rule, f.severity, f.message]),
      [
        [
          'READ-ENCODING',
          'warning',
          '文件中有3处字节不是有效的 UTF-8 编码（文件可能下载不完整或已损坏），已用“\ufffd”代替后读取；这些位置的文字或数字可能缺失或有误',
        ],
      ],
    );
    // A GB18030 page damaged the same way reads as GB18030 (fewest replacements), not as broken UTF-8.
    const gb = loaded(await loadSource(damage(fixture('documents/seed-000.gb18030.txt'), 2), 'report.txt'));
    assert.equal(gb.encoding, 'gb18030');
    assert.match(gb.document.findings?.[0]?.message ?? '', /^文件中有2处字节不是有效的 GB18030（GBK）编码/);
    // Past max(8, 0.1 % of the characters) it is no longer a damaged report.
    const limit = Math.max(8, Math.floor(new TextDecoder().decode(seed).length / 1000));
    assert.match(refused(await loadSource(damage(seed, limit + 1), 'report.txt')), /^无法解码/);
    assert.equal(loaded(await loadSource(damage(seed, limit), 'report.txt')).document.findings?.[0]?.rule, 'READ-ENCODING');
    // A clean file has no such finding.
    assert.equal(loaded(await loadSource(seed, 'report.txt')).document.findings, undefined);
  });

  test('a Big5 traditional mirror decodes and reads in simplified, 檔案 and 資訊 as 文件 and 信息', async () => {
    const result = await loadSource(fixture('documents/traditional.big5.txt'), 'report.txt');
    assert.equal(loaded(result).encoding, 'big5');
    assert.equal(
      onlyText(result),
      '市民政局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n本年制发规范性文件3件，废止1件，现行有效12件。\n',
    );
  });

  test('UTF-16LE and UTF-16BE with a BOM decode, the BOM dropped', async () => {
    const text = '一、总体情况\n本年新收申请 12 件';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    assert.equal(be[0], 0xfe);
    const fromLe = await loadSource(new Uint8Array(le), 'a.txt');
    const fromBe = await loadSource(new Uint8Array(be), 'a.txt');
    assert.equal(onlyText(fromLe), text);
    assert.equal(loaded(fromLe).encoding, 'utf-16le');
    assert.equal(onlyText(fromBe), text);
    assert.equal(loaded(fromBe).encoding, 'utf-16be');
  });

  test('UTF-16LE and UTF-16BE without a BOM are recognised by where the NUL bytes fall', async () => {
    const text = '二、主动公开政府信息情况\n规章\t0\t0\t0\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    assert.equal(onlyText(await loadSource(new Uint8Array(le), 'a.txt')), text);
    assert.equal(loaded(await loadSource(new Uint8Array(be), 'a.txt')).encoding, 'utf-16be');
  });

  test('a UTF-8 BOM, zero-width characters and CRLF/CR line ends are cleaned', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('政府\u200b信息\u200d公开\r\n第二行\r第三行\ufeff')]);
    assert.equal(onlyText(await loadSource(new Uint8Array(bytes), 'a.txt')), '政府信息公开\n第二行\n第三行');
    assert.equal(
      onlyText(await loadSource(utf8('第一页\f三、收到\u00ad和处理\u200e\u2028第二行'), 'a.txt')),
      '第一页\n三、收到和处理\n第二行',
    );
  });

  test('traditional characters become simplified: 規範性檔案 → 规范性文件, while 檔案館 stays an archive', async () => {
    const result = await loadSource(utf8('政府資訊公開：規範性檔案3件，後來移交市檔案館。'), 'a.txt');
    assert.equal(onlyText(result), '政府信息公开：规范性文件3件，后来移交市档案馆。');
  });

  test('pinyin marks of mirror sites go (數(shù)據(jù) → 数据), other brackets stay', async () => {
    const text = '本報告所列數(shù)據(jù)的統(tǒng)計期限為2020年1月1日至2020年12月31日，請與某鎮(zhèn)人民政府(辦公室)聯系(tel)。';
    assert.equal(
      onlyText(await loadSource(utf8(text), 'a.txt')),
      '本报告所列数据的统计期限为2020年1月1日至2020年12月31日，请与某镇人民政府(办公室)联系(tel)。',
    );
  });

  test('a converted text keeps its written form beside it, character for character (the agency is named as written)', async () => {
    const result = await loadSource(utf8('柞水縣鳳(fèng)凰鎮人民政府2021年政府信息公開工作年度報告\n'), 'a.txt');
    assert.ok(result.ok);
    const [block] = result.document.blocks;
    assert.deepEqual(block, {
      kind: 'text',
      text: '柞水县凤凰镇人民政府2021年政府信息公开工作年度报告\n',
      written: '柞水縣鳳凰鎮人民政府2021年政府信息公開工作年度報告\n',
    });
    // nothing converted: no written form
    const plain = await loadSource(utf8('某县民政局2021年政府信息公开工作年度报告\n'), 'a.txt');
    assert.ok(plain.ok);
    assert.equal((plain.document.blocks[0] as { written?: string }).written, undefined);
  });

  test('a line whose conversion changed its length keeps its converted form; the others keep theirs as written (probeI7 050)', async () => {
    // `娙` of a garbled line converts to `𫰛`, two UTF-16 units: the title's line is still written as the file writes it
    const title = '蘭州新區經濟合作局關于2023年政府信息公開工作年度報告';
    const garbled = '?。ㄋ模┘訌娙粘1O管。嚴把政府信息公開內容關';
    const result = await loadSource(utf8(`${title}\n${garbled}\n`), 'a.txt');
    assert.ok(result.ok);
    const [block] = result.document.blocks;
    assert.ok(block?.kind === 'text' && block.written !== undefined);
    const [text, written] = [block.text.split('\n'), block.written.split('\n')];
    assert.equal(text[0], '兰州新区经济合作局关于2023年政府信息公开工作年度报告');
    assert.equal(written[0], title);
    assert.equal(written[1], text[1]);
    assert.notEqual(text[1]!.length, garbled.length);
    assert.equal(block.written.length, block.text.length);
  });

  test('simplified text with characters that also have a traditional reading is left alone', async () => {
    const text = '什么是乾隆年间的文件？干部了解情况，显著提高。';
    assert.equal(onlyText(await loadSource(utf8(text), 'a.txt')), text);
  });

  test('a stray traditional character in a simplified text converts without touching 显著, 乾隆 or 著作', async () => {
    const text = '後来，本机关显著提高办理质量，乾隆年间的著作已移交档案馆。';
    assert.equal(onlyText(await loadSource(utf8(text), 'a.txt')), '后来，本机关显著提高办理质量，乾隆年间的著作已移交档案馆。');
  });

  test('the script is decided for the whole document: a traditional table converts 徵收 in a cell of its own', async () => {
    const html =
      '<p>二、主動公開政府資訊情況</p><table><tr><td>信息內容</td><td>本年處理決定數量</td></tr><tr><td>行政徵收</td><td>0</td></tr></table>';
    const result = await loadSource(utf8(html), 'a.html');
    assert.deepEqual(texts(result), ['二、主动公开政府信息情况']);
    assert.deepEqual(tables(result), [
      [
        ['信息内容', '本年处理决定数量'],
        ['行政征收', '0'],
      ],
    ]);
  });

  test('an empty or whitespace-only file is refused as 文件为空', async () => {
    assert.equal(refused(await loadSource(new Uint8Array(0), 'a.txt')), REASON_EMPTY);
    assert.equal(refused(await loadSource(utf8(' \r\n\t\u3000\n'), 'a.txt')), REASON_EMPTY);
    assert.equal(refused(await loadSource(new Uint8Array([0xef, 0xbb, 0xbf]), 'a.txt')), REASON_EMPTY);
  });

  test('random bytes are refused as binary content', async () => {
    const bytes = new Uint8Array(4096);
    let state = 0x9e3779b9;
    for (let index = 0; index < bytes.length; index += 1) {
      state = (state * 1664525 + 1013904223) >>> 0;
      bytes[index] = state >>> 24;
    }
    assert.equal(refused(await loadSource(bytes, 'report.txt')), REASON_BINARY);
  });

  test('Latin-1 bytes that are neither UTF-8 nor Chinese are refused as undecodable', async () => {
    const reason = refused(await loadSource(new Uint8Array(Buffer.from('Caf\xe9 r\xe9sum\xe9 na\xefve \xe0 la carte', 'latin1')), 'a.txt'));
    assert.match(reason, /^无法解码/);
  });

  test('a 10 MB text file loads whole, traditional characters at its end converted', async () => {
    const seed = readFileSync(new URL('seeds/000_fa62d5864337d3a6.txt', fixtures), 'utf8');
    const text = seed.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(seed))) + '規範性檔案';
    const result = onlyText(await loadSource(utf8(text), 'big.txt'));
    assert.equal(result.length, text.length);
    assert.ok(result.endsWith(`${seed}规范性文件`));
  });

  test('a file over the size limit is refused as 文件过大 before it is read', async () => {
    assert.match(refused(await loadSource(utf8('一二三四五六'), 'a.txt', { maxBytes: 10 })), /^文件过大/);
    assert.match(refused(await loadSource(new Uint8Array(DEFAULT_MAX_SOURCE_BYTES + 1), 'a.txt')), /^文件过大（50 MB/);
  });
});

describe('JSON readings', () => {
  test('a gongkai/report-read@1 reading comes back as its text for the caller to parse', async () => {
    const json = '{"schema":"gongkai/report-read@1","source":"a.txt","agency":"市民政局"}\n';
    const result = loaded(await loadSource(utf8(json), 'reading.json'));
    assert.equal(result.format, 'json');
    assert.equal(result.jsonText, json);
  });

  test('other JSON is plain text', async () => {
    assert.equal(loaded(await loadSource(utf8('{"schema":"other"}'), 'a.json')).format, 'text');
  });
});

describe('HTML', () => {
  test('cells lose zero-width characters and soft hyphens, and untouched cells stay as they are', async () => {
    const html =
      '<html><body><table><tr><td>1\u200b2</td><td>4\u00ad5</td><td>7\u2060</td><td>\u200e无</td><td>本年新收</td><td>12</td></tr></table></body></html>';
    assert.deepEqual(tables(await loadSource(utf8(html), 'a.html')), [[['12', '45', '7', '无', '本年新收', '12']]]);
  });

  test('a table with colspan and rowspan becomes the grid a tab export would have', async () => {
    const html = `<!DOCTYPE html><html><head><title>标题</title><style>td{}</style></head><body>
      <p>三、收到和处理政府信息公开申请情况</p>
      <table>
        <tr><td rowspan="3" colspan="2">（本列数据的勾稽关系）</td><td colspan="4">申请人情况</td></tr>
        <tr><td rowspan="2">自然人</td><td colspan="2">法人或其他组织</td><td rowspan="2">总计</td></tr>
        <tr><td>商业企业</td><td>科研机构</td></tr>
        <tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>10</td><td>2</td><td>&nbsp;</td><td>12</td></tr>
        <tr><td rowspan="9">三、本年度办理结果</td><td>（一）予以公开</td><td>5</td><td>1</td><td>0</td><td>6</td></tr>
      </table>
      <script>document.write('<p>不是正文</p>')</script>
      <p>四、因政府信息公开工作被申请行政复议、提起行政诉讼情况 &amp; 其他</p></body></html>`;
    const result = await loadSource(utf8(html), 'report.html');
    assert.equal(loaded(result).format, 'html');
    assert.deepEqual(tables(result), [
      [
        ['（本列数据的勾稽关系）', '', '申请人情况', '', '', ''],
        ['', '', '自然人', '法人或其他组织', '', '总计'],
        ['', '', '', '商业企业', '科研机构', ''],
        ['一、本年新收政府信息公开申请数量', '', '10', '2', '', '12'],
        ['三、本年度办理结果', '（一）予以公开', '5', '1', '0', '6'],
      ],
    ]);
    assert.deepEqual(texts(result), [
      '三、收到和处理政府信息公开申请情况',
      '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况 & 其他',
    ]);
  });

  test('grid columns no cell begins in are dropped: a finer grid than the cells reads as the cells', async () => {
    // Word's table grid: every cell spans two columns of it; one header spans four
    const html = `<table>
      <tr><td colspan="2">信息内容</td><td colspan="4">申请人情况</td></tr>
      <tr><td colspan="2">规章</td><td colspan="2">1</td><td colspan="2">&nbsp;</td></tr>
      <tr><td colspan="2" rowspan="2">行政许可</td><td colspan="2">3</td><td>4</td><td>5</td></tr>
      <tr><td colspan="2">6</td><td colspan="2">7</td></tr></table>`;
    assert.deepEqual(tables(await loadSource(utf8(html), 'grid.html')), [
      [
        ['信息内容', '申请人情况', '', ''],
        ['规章', '1', '', ''],
        ['行政许可', '3', '4', '5'],
        ['', '6', '7', ''],
      ],
    ]);
  });

  test('a government page’s head: ArticleTitle and ContentSource (else a <title> naming a report) come first', async () => {
    const page = (head: string) => `<html><head>${head}</head><body><p>一、总体情况</p></body></html>`;
    const meta =
      '<meta name="ArticleTitle" content="某市民政局2023年政府信息公开工作年度报告"><meta name="ContentSource" content="某市民政局">';
    assert.deepEqual(texts(await loadSource(utf8(page(`${meta}<title>首页</title>`)), 'a.html')), [
      '某市民政局2023年政府信息公开工作年度报告\n来源：某市民政局',
      '一、总体情况',
    ]);
    assert.deepEqual(texts(await loadSource(utf8(page('<title>某市民政局2023年政府信息公开年报_某市人民政府</title>')), 'b.html')), [
      '某市民政局2023年政府信息公开年报_某市人民政府',
      '一、总体情况',
    ]);
    // a head that names no report adds nothing
    assert.deepEqual(
      texts(await loadSource(utf8(page('<title>某市人民政府门户网站</title><meta name="SiteName" content="某市">')), 'c.html')),
      ['一、总体情况'],
    );
  });

  test('paragraphs, headings and <br> become lines; source line wraps inside Chinese text vanish', async () => {
    const html = '<div><h1>市民政局2023年\n  政府信息公开工作年度报告</h1><p>第一行<br/>第二行</p><p>  a\n b  </p><p hidden>隐藏</p></div>';
    assert.deepEqual(texts(await loadSource(utf8(html), 'x.htm')), ['市民政局2023年政府信息公开工作年度报告\n第一行\n第二行\na b']);
  });

  test('a layout table around a data table flows as text, the inner table stays a grid', async () => {
    const html =
      '<html><body><table><tr><td>网站导航</td></tr><tr><td><p>二、主动公开政府信息情况</p>' +
      '<table><tr><th>信息内容</th><th>本年制发件数</th></tr><tr><td>规章</td><td>0</td></tr></table></td></tr></table></body></html>';
    const result = await loadSource(utf8(html), 'page.html');
    const kinds = loaded(result).document.blocks.map((block) => block.kind);
    assert.deepEqual(kinds, ['text', 'table']);
    assert.deepEqual(texts(result), ['网站导航\n二、主动公开政府信息情况']);
    assert.deepEqual(tables(result), [
      [
        ['信息内容', '本年制发件数'],
        ['规章', '0'],
      ],
    ]);
  });

  test('a .csv file is read as its records, cells joined by tabs: Excel`s padding and quoting gone, a GB18030 file decoded first', async () => {
    const csv =
      '\ufeff一、总体情况,,,\r\n"本局主动公开信息1,234条。",,,\r\n信息内容,本年制发件数,本年废止件数,现行有效件数\r\n规章,0,0,15\r\n';
    assert.equal(
      onlyText(await loadSource(utf8(csv), '年报.CSV')),
      '一、总体情况\n本局主动公开信息1,234条。\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t15\n',
    );
    // the same bytes under another name are plain text
    assert.match(onlyText(await loadSource(utf8(csv), '年报.txt')), /^一、总体情况,,,\n"本局/);
    const gb = await loadSource(fixture('documents/seed-000.gb18030.txt'), 'report.csv');
    assert.equal(loaded(gb).encoding, 'gb18030');
    assert.equal(onlyText(gb).split('\n')[0], '市民政局2023年政府信息公开工作年度报告');
  });

  test('a CSV that gongkai report export wrote is refused with the reason, not read as a report', async () => {
    const result = await loadSource(
      utf8(
        '\ufeff文件,机关,年度,模板,错误,警告,提示,表,行,列,单元格编号,数值,原文\r\na.txt,某局,2023,模板 2021,0,0,0,表二,规章,本年制发件数,rules.issued,0,0\r\n',
      ),
      'export.csv',
    );
    assert.deepEqual(result, { ok: false, reason: REASON_EXPORT });
  });

  test('an HTML page in GB18030 is decoded before it is parsed', async () => {
    const gb = fixture('documents/seed-000.gb18030.txt');
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta charset="gb2312"></head><body><pre>'),
      gb,
      Buffer.from('</pre></body></html>'),
    ]);
    const result = await loadSource(new Uint8Array(bytes), 'report.html');
    assert.equal(loaded(result).encoding, 'gb18030');
    const seed = readFileSync(new URL('seeds/000_fa62d5864337d3a6.txt', fixtures), 'utf8');
    assert.equal(texts(result).join('\n').split('\n')[0], seed.split('\n')[0]);
  });

  test('a Big5 page that declares its charset decodes as Big5', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><pre>'),
      fixture('documents/traditional.big5.txt'),
      Buffer.from('</pre></body></html>'),
    ]);
    const result = await loadSource(new Uint8Array(bytes), 'page.htm');
    assert.equal(loaded(result).encoding, 'big5');
    assert.deepEqual(texts(result), [
      '市民政局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n本年制发规范性文件3件，废止1件，现行有效12件。',
    ]);
  });

  test('a page that opens with a long comment before <html> is still HTML', async () => {
    const html = `<!-- ${'版权所有 '.repeat(300)} -->\n<html><body><table><tr><td>规章</td><td>0</td></tr></table></body></html>`;
    assert.deepEqual(tables(await loadSource(utf8(html), 'page')), [[['规章', '0']]]);
  });

  // probeI9 001/025: the article's HTML inside a script's string (`let content = "…"`, its attribute
  // quotes escaped for the script) after 9,000 characters of the page's script, or after a title line.
  const script =
    'let secondMenuFirstChild = [{\n\t"id": "0001-2407",\n\t"name": "沪府令"\n}, {\n\t"id": "0001-11407",\n\t"name": "沪府发文件"\n}]\n\n';
  const title = "<p style='text-align: center;font-weight: bold;'>2019年上海市人民政府办公厅政府信息公开工作年度报告</p>";
  const intro =
    '<p>本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、政府信息公开工作存在的主要问题及改进情况及其他需要报告的事项。本年度报告中所列数据统计期限从2019年1月1日到12月31日止。</p>';
  const td = (value: string) => `<td style=\\"width:40px;\\"><p>${value}</p></td>`;
  const table4 =
    '<p><br />四、政府信息公开行政复议、行政诉讼情况</p><table align=\\"center\\" border=\\"1\\" cellspacing=\\"1\\"><tbody>' +
    '<tr><td colspan=\\"5\\" style=\\"width:190px;\\"><p>行政复议</p></td><td colspan=\\"10\\" style=\\"width:383px;\\"><p>行政诉讼</p></td></tr>' +
    `<tr>${['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map(td).join('')}</tr>` +
    `<tr>${['5', '&nbsp;', '&nbsp;', '2', '7'].map(td).join('')}</tr></tbody></table><p>六、其他需要报告的事项</p><p>无。</p>`;
  const lastRow = (result: LoadedSource) => tables(result).at(-1)?.at(-1);

  test('a crawler dump whose page markup starts after a script or a title line is HTML (probeI9 001, 025)', async () => {
    const dump = `${script.repeat(12)}let content = "${title}${intro}${table4}"\n`;
    assert.ok(dump.indexOf('<table') > 1024);
    const result = await loadSource(utf8(dump), '001.txt');
    assert.equal(loaded(result).format, 'html');
    assert.deepEqual(lastRow(result), ['5', '', '', '2', '7']);
    assert.ok(texts(result).some((text) => text.includes('2019年上海市人民政府办公厅政府信息公开工作年度报告')));
    const titled = await loadSource(utf8(`标题\n${title}${intro.repeat(3)}${table4}`), '025.txt');
    assert.equal(loaded(titled).format, 'html');
    assert.deepEqual(lastRow(titled), ['5', '', '', '2', '7']);
  });

  test('a text quoting a tag or a small table, or a plain report with a page footer`s markup after it, stays text', async () => {
    const report = readFileSync(new URL('seeds/000_fa62d5864337d3a6.txt', fixtures), 'utf8');
    const quoted = `${report}\n附：网页中的表格<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>3</td></tr></table>\n`;
    assert.equal(loaded(await loadSource(utf8(quoted), 'a.txt')).format, 'text');
    const footer = `<table class="foot"><tr><td><a href="/">首页</a></td><td><a href="/about">关于我们</a></td></tr><tr><td><span>主办单位：市民政局</span></td><td><span>网站标识码</span></td></tr>${'<tr><td><a href="#">链接</a></td><td><br/></td></tr>'.repeat(8)}</table>`;
    const result = await loadSource(utf8(`${report}\n${footer}`), 'b.txt');
    assert.equal(loaded(result).format, 'text');
    assert.ok(onlyText(result).startsWith('市民政局2023年政府信息公开工作年度报告\n'));
  });

  test('a Word single-file web page (MHT) is refused with advice', async () => {
    const mht =
      'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart"\n\n------=_NextPart\nContent-Type: text/html; charset="utf-8"\n\n<html></html>';
    assert.match(refused(await loadSource(utf8(mht), 'report.mht')), /MHT/);
  });

  test('a traditional HTML table is converted cell by cell', async () => {
    const html = '<table><tr><td>行政規範性檔案</td><td>3</td></tr></table>';
    assert.deepEqual(tables(await loadSource(utf8(html), 'a.html')), [[['行政规范性文件', '3']]]);
  });
});

const cell = (text: string, spans: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...spans });

async function sampleDocx(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph('市民政局2023年政府信息公开工作年度报告'),
          new Paragraph('三、收到和处理政府信息公开申请情况'),
          new Table({
            rows: [
              new TableRow({ children: [cell('（本列数据的勾稽关系）', { rowSpan: 2 }), cell('申请人情况', { columnSpan: 3 })] }),
              new TableRow({ children: [cell('自然人'), cell('法人或其他组织', { columnSpan: 2 })] }),
              new TableRow({ children: [cell('一、本年新收政府信息公开申请数量'), cell('1'), cell('2'), cell('3')] }),
            ],
          }),
          new Paragraph('五、存在的主要問題及改進情況'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('DOCX', () => {
  test('a document with a merged-cell table (made with docx) reads as text, grid, text', async () => {
    const result = await loadSource(await sampleDocx(), 'report.docx');
    assert.equal(loaded(result).format, 'docx');
    const expected: SourceBlock[] = [
      { kind: 'text', text: '市民政局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况' },
      {
        kind: 'table',
        rows: [
          ['（本列数据的勾稽关系）', '申请人情况', '', ''],
          ['', '自然人', '法人或其他组织', ''],
          ['一、本年新收政府信息公开申请数量', '1', '2', '3'],
        ],
      },
      // written with a traditional 問題/改進 in the sample: the written form is kept beside it
      { kind: 'text', text: '五、存在的主要问题及改进情况', written: '五、存在的主要問題及改進情況' },
    ];
    assert.deepEqual(loaded(result).document.blocks, expected);
  });

  test('the file name does not matter: a DOCX named .txt is still a DOCX', async () => {
    assert.equal(loaded(await loadSource(await sampleDocx(), 'report.txt')).format, 'docx');
  });

  test('a truncated DOCX is refused with a reason naming DOCX', async () => {
    const bytes = await sampleDocx();
    for (const cut of [0.3, 0.6, 0.9]) {
      assert.match(refused(await loadSource(bytes.subarray(0, Math.floor(bytes.length * cut)), 'report.docx')), /DOCX 文件已损坏/);
    }
  });

  test('compound (OLE) files: a .doc is read (test/reader-doc.test.ts); a damaged one, an .xls and other Office files are refused', async () => {
    const header = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    assert.match(refused(await loadSource(header, 'report.doc')), /^DOC 文件已损坏/);
    const xls = compoundFile({ Workbook: new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) });
    assert.match(refused(await loadSource(xls, 'report.xls')), /旧版 Excel.*XLSX/);
    const slides = compoundFile({ 'PowerPoint Document': new Uint8Array(64) });
    assert.match(refused(await loadSource(slides, 'report.ppt')), /不是 Word 文档/);
    const noFib = compoundFile({ WordDocument: new Uint8Array(64), '1Table': new Uint8Array(16) });
    assert.match(refused(await loadSource(noFib, 'report.doc')), /^DOC 文件已损坏/);
  });

  test('an OFD file (a zip with OFD.xml) is refused with advice to provide PDF, DOCX or HTML', async () => {
    const bytes = new Uint8Array([...Buffer.from('PK\x03\x04\x14\x00\x00\x00OFD.xml', 'latin1'), 1, 2, 3]);
    assert.match(refused(await loadSource(bytes, 'report.ofd')), /OFD/);
  });

  test('a zip that is neither DOCX nor XLSX is refused', async () => {
    const bytes = new Uint8Array([...Buffer.from('PK\x03\x04\x14\x00\x00\x00notes.txt', 'latin1'), 1, 2, 3]);
    assert.match(refused(await loadSource(bytes, 'archive.zip')), /不是 DOCX 或 XLSX/);
  });
});

async function sampleXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const info = workbook.addWorksheet('报告信息');
  info.getCell('A1').value = '市民政局2023年政府信息公开工作年度报告';
  info.getCell('A2').value = '报告机关：市民政局';
  info.getCell('A4').value = '報告年度：2023年';
  workbook.addWorksheet('空表');
  const sheet = workbook.addWorksheet('表三');
  sheet.mergeCells('A1:B2');
  sheet.getCell('A1').value = '（本列数据的勾稽关系）';
  sheet.mergeCells('C1:E1');
  sheet.getCell('C1').value = '申请人情况';
  sheet.getCell('C2').value = { richText: [{ text: '自然' }, { text: '人', font: { bold: true } }] };
  sheet.getCell('D2').value = '商业企业';
  sheet.getCell('E2').value = '总计';
  sheet.mergeCells('A3:B3');
  sheet.getCell('A3').value = '一、本年新收政府信息公开申请数量';
  sheet.getCell('C3').value = 0.1 + 0.2;
  sheet.getCell('D3').value = 1200000;
  sheet.getCell('E3').value = { formula: 'C3+D3', result: 1200000.3 };
  sheet.getCell('A4').value = '占比';
  sheet.getCell('C4').value = 0.125;
  sheet.getCell('C4').numFmt = '0.0%';
  sheet.getCell('D4').value = new Date(Date.UTC(2024, 0, 31));
  sheet.getCell('G9').border = { top: { style: 'thin' } }; // formatting alone: not part of the grid
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('XLSX', () => {
  test('each sheet becomes a grid, merged ranges keep the value in the master cell, numbers without float noise', async () => {
    const result = await loadSource(await sampleXlsx(), 'report.xlsx');
    assert.equal(loaded(result).format, 'xlsx');
    const expected: SourceBlock[] = [
      {
        kind: 'text',
        text: '市民政局2023年政府信息公开工作年度报告\n报告机关：市民政局\n报告年度：2023年',
        written: '市民政局2023年政府信息公开工作年度报告\n报告机关：市民政局\n報告年度：2023年',
      },
      {
        kind: 'table',
        rows: [
          ['（本列数据的勾稽关系）', '', '申请人情况', '', ''],
          ['', '', '自然人', '商业企业', '总计'],
          ['一、本年新收政府信息公开申请数量', '', '0.3', '1200000', '1200000.3'],
          ['占比', '', '12.5%', '2024-01-31', ''],
        ],
      },
    ];
    assert.deepEqual(loaded(result).document.blocks, expected);
  });

  test('a truncated XLSX is refused with a reason naming XLSX', async () => {
    const bytes = await sampleXlsx();
    assert.match(refused(await loadSource(bytes.subarray(0, Math.floor(bytes.length / 2)), 'report.xlsx')), /XLSX 文件已损坏/);
  });
});

/** A one-page PDF that only paints a rectangle: what a scan without OCR looks like to a text reader. */
function pdfWithoutText(): Uint8Array {
  const content = '0 0 1 rg 20 20 160 160 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(body);
}

describe('PDF', () => {
  test('a LibreOffice PDF with Chinese text and ruled tables reads as lines and tables, without the Chinese/digit autospace', async () => {
    const result = await loadSource(fixture('documents/report.pdf'), 'report.pdf');
    assert.equal(loaded(result).format, 'pdf');
    const blocks = loaded(result).document.blocks;
    assert.deepEqual(
      blocks.map((block) => block.kind),
      ['text', 'table', 'text', 'table', 'text'],
    );
    const texts = blocks.flatMap((block) => (block.kind === 'text' ? block.text.split('\n') : []));
    assert.deepEqual(texts.slice(2), [
      '报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '五、存在的主要问题及改进情况',
    ]);
    // the cells of the ruled tables, merged cells as the HTML path gives them ('' where a span covers)
    const tables = blocks.flatMap((block) => (block.kind === 'table' ? [block.rows] : []));
    assert.deepEqual(tables[0], [
      ['第二十条第（一）项', '', '', ''],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '3', '1', '12'],
    ]);
    assert.deepEqual(tables[1], [
      ['（本列数据的勾稽关系为：第\n一项加第二项之和，等于第三\n项加第四项之和）', '申请人情况', ''],
      ['', '自然人', '总计'],
      ['一、本年新收政府信息公开申\n请数量', '5', '5'],
    ]);
  });

  test('a PDF without a text layer is refused as a probable scan', async () => {
    assert.equal(refused(await loadSource(pdfWithoutText(), 'scan.pdf')), REASON_PDF_NO_TEXT);
  });

  test('a truncated or fake PDF is refused with a reason naming PDF', async () => {
    const bytes = fixture('documents/report.pdf');
    assert.match(refused(await loadSource(bytes.subarray(0, 2000), 'report.pdf')), /PDF/);
    assert.match(refused(await loadSource(utf8('%PDF-1.7\n这不是 PDF'), 'report.pdf')), /PDF/);
  });
});

describe('never throws', () => {
  test('any bytes, bare or behind a zip, PDF or BOM signature, give a result and never an exception', async () => {
    const signatures = [
      '',
      'PK\x03\x04',
      'PK\x03\x04word/document.xml',
      'PK\x03\x04xl/workbook.xml',
      '%PDF-1.4\n',
      '\xef\xbb\xbf',
      '\xff\xfe',
      '<html>',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 2048 }), async (signature, tail) => {
        const bytes = new Uint8Array([...Buffer.from(signature, 'latin1'), ...tail]);
        const result = await loadSource(bytes, 'input.bin');
        assert.ok(result.ok || result.reason.length > 0);
      }),
      { numRuns: 150 },
    );
  });
});
