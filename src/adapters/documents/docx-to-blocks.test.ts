// The DOCX reader (docx-to-blocks.ts): against mammoth, an independent DOCX converter, on generated
// reports, and on hand-made packages for what our own writer never produces (merges written by other
// programs, wrappers, tracked changes, text boxes, another namespace prefix, damage and depth).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import mammoth from 'mammoth';
import type { ReportDocument } from '#core/reports/report-model.ts';
import { arbitraryValidReport } from '#test/factories/arbitrary-report.ts';
import { docxToBlocks } from './docx-to-blocks.ts';
import { htmlToBlocks } from './html-to-blocks.ts';
import { renderReport } from './render-report.ts';

/** A zip package of `parts` (deflated unless `stored`), as a DOCX writer would make it. */
function zip(parts: Readonly<Record<string, string | Uint8Array>>, stored = false): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const raw = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    const data = stored ? raw : deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const document = (body: string, prefix = 'w') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${prefix}:document xmlns:${prefix}="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${prefix}:body>${body}</${prefix}:body></${prefix}:document>`;
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, properties = '') => `<w:tc><w:tcPr>${properties}</w:tcPr>${p(text)}</w:tc>`;

async function blocksOf(parts: Readonly<Record<string, string | Uint8Array>>) {
  const read = await docxToBlocks(zip(parts));
  assert.ok(read.ok, read.ok ? '' : read.reason);
  return read.blocks;
}

test('on generated reports of every shape the blocks are exactly those of mammoth’s HTML, the converter it replaced', async () => {
  const docs = fc.sample(arbitraryValidReport({ narrative: true }), { seed: 20261206, numRuns: 12 }) as ReportDocument[];
  for (const doc of docs) {
    const bytes = (await renderReport(doc, 'docx')) as Uint8Array;
    const expected = htmlToBlocks((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value);
    const read = await docxToBlocks(bytes);
    assert.ok(read.ok);
    assert.deepEqual(read.blocks, expected);
  }
});

test('Word merges: w:gridSpan is a column span, a w:vMerge run is a row span, w:gridBefore shifts the row', async () => {
  const rows = [
    `<w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('本年新收', '<w:gridSpan w:val="2"/>')}</w:tr>`,
    `<w:tr>${tc('', '<w:vMerge/>')}${tc('自然人')}${tc('法人')}</w:tr>`,
    `<w:tr>${tc('申请数')}${tc('5')}${tc('7')}</w:tr>`,
    `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('8')}${tc('9')}</w:tr>`,
  ];
  const blocks = await blocksOf({ 'word/document.xml': document(`${p('表三')}<w:tbl>${rows.join('')}</w:tbl>${p('完')}`) });
  const expected = htmlToBlocks(
    '<p>表三</p><table><tr><td rowspan="2"><p>项目</p></td><td colspan="2"><p>本年新收</p></td></tr><tr><td><p>自然人</p></td><td><p>法人</p></td></tr><tr><td><p>申请数</p></td><td><p>5</p></td><td><p>7</p></td></tr><tr><td><p>8</p></td><td><p>9</p></td></tr></table><p>完</p>',
  );
  assert.deepEqual(blocks, expected);
  assert.ok(blocks.some((b) => b.kind === 'table'));
});

test('text in wrappers (w:sdt, w:hyperlink, w:ins) is read; deleted, moved-from and field-code text is not; tabs and breaks are kept', async () => {
  const body = [
    '<w:sdt><w:sdtContent>',
    '<w:p><w:hyperlink><w:r><w:t>一、总体情况</w:t></w:r></w:hyperlink></w:p>',
    '</w:sdtContent></w:sdt>',
    '<w:p><w:r><w:t>共</w:t></w:r><w:ins><w:r><w:t>12</w:t></w:r></w:ins><w:del><w:r><w:delText>21</w:delText></w:r></w:del>',
    '<w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:instrText> PAGE </w:instrText><w:t>件</w:t><w:tab/><w:t>A&amp;B</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>',
  ].join('');
  const blocks = await blocksOf({ 'word/document.xml': document(body) });
  assert.deepEqual(blocks, htmlToBlocks('<p>一、总体情况</p><p>共12件\tA&amp;B<br>下一行</p>'));
});

test('a text box is read once (the fallback of mc:AlternateContent), after its paragraph; another prefix for the Word namespace reads the same', async () => {
  const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
  const body = `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('框内')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box('框内')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
  assert.deepEqual(await blocksOf({ 'word/document.xml': document(body) }), htmlToBlocks('<p>正文</p><p>框内</p>'));
  const other = document(p('甲').replaceAll('w:', 'ns0:'), 'ns0');
  assert.deepEqual(await blocksOf({ 'word/document.xml': other }), htmlToBlocks('<p>甲</p>'));
});

test('the main part is where _rels/.rels points; UTF-16 parts and stored (uncompressed) entries read', async () => {
  const rels =
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>';
  assert.deepEqual(await blocksOf({ '_rels/.rels': rels, 'word/main.xml': document(p('主文档')) }), htmlToBlocks('<p>主文档</p>'));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(document(p('十六位')), 'utf16le')]);
  assert.deepEqual(await blocksOf({ 'word/document.xml': new Uint8Array(utf16) }), htmlToBlocks('<p>十六位</p>'));
  const stored = await docxToBlocks(zip({ 'word/document.xml': document(p('未压缩')) }, true));
  assert.ok(stored.ok);
  assert.deepEqual(stored.blocks, htmlToBlocks('<p>未压缩</p>'));
});

test('damage is a Chinese reason, never an exception: not a zip, no main part, nesting past 1,000 levels', async () => {
  const reasonOf = async (bytes: Uint8Array) => {
    const read = await docxToBlocks(bytes);
    assert.equal(read.ok, false);
    return read.ok ? '' : read.reason;
  };
  assert.match(await reasonOf(new Uint8Array(Buffer.from('not a zip at all'))), /^DOCX 文件已损坏，无法打开（找不到压缩包目录/);
  assert.match(await reasonOf(zip({ 'word/other.xml': document(p('x')) })), /没有正文部分 word\/document\.xml/);
  const deep = document(`${'<w:customXml>'.repeat(1500)}${p('深')}${'</w:customXml>'.repeat(1500)}`);
  assert.match(await reasonOf(zip({ 'word/document.xml': deep })), /嵌套超过 1000 层/);
  // Broken XML reads what it can, like a browser reading broken HTML.
  assert.deepEqual(await blocksOf({ 'word/document.xml': document(`${p('前')}<w:p><w:r><w:t>后`) }), htmlToBlocks('<p>前</p><p>后</p>'));
});
