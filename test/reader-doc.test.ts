// Word 97–2003 (.doc) reports (doc-to-blocks.ts): two seeds saved as .doc by LibreOffice
// (test/fixtures/documents/make-fixtures.ts) must read exactly as the seeds' own text does — cells,
// agency, year, template and narrative figures — and a damaged, encrypted or Excel compound file is a
// Chinese reason, never a crash.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import CFB from 'cfb';
import { docToBlocks } from '#adapters/documents/doc-to-blocks.ts';
import { loadSource } from '#adapters/documents/load-source.ts';
import { isPackagedFormat } from '#adapters/documents/read-report-file.ts';
import { readReport } from '#core/reports/read/read-report.ts';
import { compoundFile } from '#test/factories/packages.ts';

const fixture = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(`./fixtures/documents/${name}`, import.meta.url)));
const seed = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(`./fixtures/seeds/${name}`, import.meta.url)));

async function readingOf(bytes: Uint8Array, name: string) {
  const loaded = await loadSource(bytes, name);
  assert.ok(loaded.ok, `${name}: ${loaded.ok ? '' : loaded.reason}`);
  return { format: loaded.format, reading: readReport(loaded.document, name).reading };
}

describe('Word 97–2003 (.doc) reports', () => {
  for (const [doc, text, cells] of [
    ['seed-001.doc', '001_90c37852d1e90522.txt', 200],
    ['seed-004.doc', '004_b8b917888f6bbb4a.txt', 63],
  ] as const) {
    it(`${doc} reads as its seed's text does`, async () => {
      const { format, reading } = await readingOf(fixture(doc), doc);
      const { reading: expected } = await readingOf(seed(text), text);
      assert.equal(format, 'doc');
      assert.equal(reading.cells.length, cells);
      assert.deepEqual(
        reading.cells.map((c) => [c.id, c.value]),
        expected.cells.map((c) => [c.id, c.value]),
      );
      assert.equal(reading.agency, expected.agency);
      assert.equal(reading.year, expected.year);
      assert.equal(reading.template, expected.template);
      assert.deepEqual(
        reading.narrative.map((n) => n.value),
        expected.narrative.map((n) => n.value),
      );
    });
  }

  it('keeps every row of a table whose row properties sit in the Data stream (seed 004, table 三)', () => {
    const read = docToBlocks(fixture('seed-004.doc'));
    assert.ok(read.ok);
    const tables = read.blocks.filter((b) => b.kind === 'table');
    const table3 = tables.find((t) => t.rows.some((row) => row.some((cell) => cell.startsWith('一、本年新收'))));
    assert.ok(table3 !== undefined, 'table 三 found');
    // one row per label, each as wide as the table: the rows are not run together
    const widths = new Set(table3.rows.map((row) => row.length));
    assert.equal(widths.size, 1, `rows of ${[...widths].join('/')} cells`);
    assert.ok(table3.rows.length >= 25, `${table3.rows.length} rows`);
    assert.ok(table3.rows.some((row) => row.includes('（七）总计')));
  });

  it('goes to the time-limited reader as the other packaged formats do', () => {
    assert.ok(isPackagedFormat(fixture('seed-001.doc')));
  });

  it('refuses a damaged, an encrypted and an Excel compound file with a Chinese reason', async () => {
    const doc = fixture('seed-001.doc');
    const cut = await loadSource(doc.subarray(0, 12_000), 'cut.doc');
    assert.ok(!cut.ok);
    assert.match(cut.reason, /^DOC 文件已损坏/);

    // fEncrypted (FIB flags bit 8), as Word sets it for a document with an opening password
    const container = CFB.read(Buffer.from(doc), { type: 'buffer' });
    const word = CFB.find(container, 'WordDocument');
    assert.ok(word !== null);
    const content = Buffer.from(word.content as Uint8Array);
    content.writeUInt16LE(content.readUInt16LE(0x0a) | 0x0100, 0x0a);
    word.content = content;
    const encrypted = await loadSource(new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer), 'locked.doc');
    assert.ok(!encrypted.ok);
    assert.match(encrypted.reason, /已加密/);

    const xls = await loadSource(fixture('seed-004.xls'), 'seed-004.xls');
    assert.ok(!xls.ok);
    assert.match(xls.reason, /\.xls.*XLSX/);
  });

  it('never throws on a damaged file: every cut and every flipped byte of the FIB is a reading or a reason', () => {
    const doc = fixture('seed-004.doc');
    for (let end = 0; end <= doc.length; end += 997) {
      const result = docToBlocks(doc.subarray(0, end));
      assert.equal(typeof result.ok, 'boolean');
    }
    const container = CFB.read(Buffer.from(doc), { type: 'buffer' });
    const word = CFB.find(container, 'WordDocument');
    assert.ok(word !== null);
    const original = Buffer.from(word.content as Uint8Array);
    for (let at = 0; at < 0x01b0; at += 3) {
      const damaged = Buffer.from(original);
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      word.content = damaged;
      const result = docToBlocks(new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer));
      assert.ok(result.ok || result.reason.length > 0, `FIB byte ${at}`);
    }
  });

  it('reads 8-bit (compressed) and UTF-16 pieces, keeps the result of a field and drops its instruction', () => {
    // A minimal Word 97 file as Word writes an ASCII run: FIB, a piece table with a Windows-1252 piece
    // and a UTF-16 piece, no paragraph properties.
    const ansi = Buffer.from('Title\rPart \x93one\x94 \x13 PAGE \x145\x15 end\r', 'latin1');
    const wide = Buffer.from('中文段落\r', 'utf16le');
    const word = Buffer.alloc(0x600);
    word.writeUInt16LE(0xa5ec, 0);
    word.writeUInt16LE(0x0200, 0x0a); // the table stream is 1Table
    word.writeUInt32LE(ansi.length + wide.length / 2, 0x4c); // ccpText
    word.writeUInt32LE(0, 0x0102); // PlcBtePapx: no pages
    word.writeUInt32LE(4, 0x0106);
    ansi.copy(word, 0x400);
    wide.copy(word, 0x500);
    const clx = Buffer.alloc(5 + 3 * 4 + 2 * 8);
    clx[0] = 0x02;
    clx.writeUInt32LE(3 * 4 + 2 * 8, 1);
    clx.writeUInt32LE(0, 5);
    clx.writeUInt32LE(ansi.length, 9);
    clx.writeUInt32LE(ansi.length + wide.length / 2, 13);
    clx.writeUInt32LE((0x400 * 2) | 0x40000000, 17 + 2); // compressed: fc × 2, flag bit 30
    clx.writeUInt32LE(0x500, 25 + 2);
    const table = Buffer.concat([Buffer.alloc(16), clx]);
    word.writeUInt32LE(16, 0x01a2);
    word.writeUInt32LE(clx.length, 0x01a6);
    const read = docToBlocks(compoundFile({ WordDocument: word, '1Table': table }));
    assert.ok(read.ok, read.ok ? '' : read.reason);
    assert.deepEqual(read.blocks, [{ kind: 'text', text: 'Title\nPart “one” 5 end\n中文段落' }]);
  });
});
