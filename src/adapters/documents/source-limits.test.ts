// The limits a hostile file meets before it can cost minutes or gigabytes (issue #9): each refused
// with a Chinese reason, quickly; a real report under them reads as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipArchive } from '#test/factories/packages.ts';
import { loadSource } from './load-source.ts';
import { MAX_XML_PART_BYTES, MAX_ZIP_ENTRIES } from './zip-limits.ts';

/** A DOCX-shaped package with chosen parts, deflated. */
const zip = (entries: readonly (readonly [string, Uint8Array])[]): Uint8Array => zipArchive(entries, { deflate: true });

const TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
const documentXml = (body: string) =>
  Buffer.from(
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );

const reasonOf = (loaded: Awaited<ReturnType<typeof loadSource>>) => (loaded.ok ? '' : loaded.reason);

test('a zip bomb DOCX (document.xml unpacking past the limit) is refused unread, whatever sizes it declares', async () => {
  const bomb = zip([
    ['[Content_Types].xml', TYPES],
    ['word/document.xml', documentXml(' '.repeat(MAX_XML_PART_BYTES + 1024))],
  ]);
  assert.ok(bomb.length < 100_000); // a few KB that would unpack to more than 16 MB
  assert.match(reasonOf(await loadSource(bomb, 'bomb.docx')), /^文档内容过大（word\/document\.xml 解压后超过 16 MB）/u);
});

test('a package with more entries than any office document is refused', async () => {
  const entries: [string, Uint8Array][] = [['word/document.xml', documentXml('')]];
  for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) {
    entries.push([`word/media/x${i}.bin`, new Uint8Array(1)]);
  }
  assert.match(reasonOf(await loadSource(zip(entries), 'many.docx')), /^压缩包内文件过多（5002 个，上限 5000）/u);
});

test('HTML nested 30,000 deep is refused without overflowing the stack (the walk recursed per level)', async () => {
  const html = `<html><body>${'<div>'.repeat(30_000)}报告${'</div>'.repeat(30_000)}</body></html>`;
  assert.match(reasonOf(await loadSource(Buffer.from(html), 'deep.html')), /^网页元素嵌套过深（超过 1000 层）/u);
});

test('HTML with more table cells than any report, or spans that would blow up a grid, is refused', async () => {
  const cells = `<html><body><table>${`<tr>${'<td>1</td>'.repeat(100)}</tr>`.repeat(1001)}</table></body></html>`;
  assert.match(reasonOf(await loadSource(Buffer.from(cells), 'cells.html')), /^网页表格单元格过多/u);
  const spans = `<html><body><table>${'<tr><td colspan=1000 rowspan=65534>x</td></tr>'.repeat(100)}</table></body></html>`;
  assert.match(reasonOf(await loadSource(Buffer.from(spans), 'spans.html')), /^网页表格过大/u);
});

test('a small real DOCX built the same way passes the zip limits and is read', async () => {
  const docx = zip([
    ['[Content_Types].xml', TYPES],
    ['word/document.xml', documentXml('<w:p><w:r><w:t>某县民政局2025年政府信息公开工作年度报告</w:t></w:r></w:p>')],
  ]);
  const loaded = await loadSource(docx, 'ok.docx');
  assert.equal(loaded.ok ? loaded.format : reasonOf(loaded), 'docx');
});
