// Type detection by content (issue #8: "type by content, not name"): real files of every accepted type
// are recognised whatever they are called, and programs, markup, scripts, macros and unknown formats
// are refused with a Chinese reason — a program renamed to .pdf included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { contentDisposition, sanitizeFileName } from '#core/attachments/attachment-file-name.ts';
import { checkAttachment, checkAttachmentCount, DEFAULT_ATTACHMENT_LIMITS } from '#core/attachments/check-attachment.ts';
import { detectAttachmentType, isWellFormedUtf8 } from '#core/attachments/detect-attachment-type.ts';
import { compoundFile, storedZip } from '#test/factories/packages.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/attachments/${name}`, import.meta.url)));
const PDF = new Uint8Array(readFileSync(new URL('../fixtures/documents/report.pdf', import.meta.url)));

async function docx(): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph('政府信息公开申请书')] }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function xlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('清单').addRow(['文件名称', '文号']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A minimal Windows program: the DOS header ("MZ", e_lfanew) and a PE signature. */
function windowsProgram(): Uint8Array {
  const bytes = new Uint8Array(256);
  bytes.set([0x4d, 0x5a], 0);
  bytes.set([0x80, 0, 0, 0], 0x3c);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
}

const OFD = storedZip({
  'OFD.xml':
    '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
  'Doc_0/Document.xml': '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>',
});
const WORD_STREAM = new Uint8Array([0xec, 0xa5, 0xc1, 0x00, 0xc1, 0x00]); // FIB magic of a Word 97 document
const DOC = compoundFile({ WordDocument: WORD_STREAM, '1Table': new Uint8Array(16) });
const XLS = compoundFile({ Workbook: new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) });
const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));

describe('detectAttachmentType: accepted types by their bytes', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, string][] = [
    ['PDF', () => PDF, 'pdf', 'application/pdf'],
    ['JPEG', () => fixture('python.jpg'), 'jpeg', 'image/jpeg'],
    ['PNG', () => fixture('python.png'), 'png', 'image/png'],
    ['TIFF (little-endian)', () => fixture('python.tiff'), 'tiff', 'image/tiff'],
    ['TIFF (big-endian)', () => new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'tiff', 'image/tiff'],
    ['OFD', () => OFD, 'ofd', 'application/ofd'],
    ['DOCX written by docx', docx, 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['XLSX written by exceljs', xlsx, 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['DOC (OLE with WordDocument)', () => DOC, 'doc', 'application/msword'],
    ['XLS (OLE with Workbook)', () => XLS, 'xls', 'application/vnd.ms-excel'],
    ['UTF-8 text', () => text('申请公开：2025年部门预算\r\n联系人：张三\n'), 'text', 'text/plain'],
    ['UTF-8 text with a BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...text('申请书')]), 'text', 'text/plain'],
  ];
  for (const [label, make, type, mediaType] of cases) {
    test(label, async () => {
      assert.deepEqual(detectAttachmentType(await make()), { ok: true, type, mediaType });
    });
  }
});

describe('detectAttachmentType: refused', () => {
  const refused = (bytes: Uint8Array) => {
    const result = detectAttachmentType(bytes);
    assert.equal(result.ok, false);
    return result as { reason: string; message: string };
  };

  test('a Windows program, an ELF and a Mach-O binary are executables', () => {
    assert.equal(refused(windowsProgram()).reason, 'executable');
    assert.equal(refused(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])).reason, 'executable');
    assert.equal(refused(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])).reason, 'executable');
    assert.equal(refused(windowsProgram()).message, '不接受可执行文件（程序）');
  });

  test('a program renamed to 申请书.pdf is refused by checkAttachment, whatever its name', () => {
    const result = checkAttachment({ name: '申请书.pdf', bytes: windowsProgram() }, DEFAULT_ATTACHMENT_LIMITS);
    assert.deepEqual(result, { ok: false, message: '“申请书.pdf”：不接受可执行文件（程序）' });
  });

  test('HTML, SVG, XML and markup hidden in text are refused as markup', () => {
    assert.equal(refused(text('<!DOCTYPE html><html><body>x</body></html>')).reason, 'markup');
    assert.equal(refused(text('  <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).reason, 'markup');
    assert.equal(refused(text('<?xml version="1.0"?><a/>')).reason, 'markup');
    assert.equal(refused(text('普通文字\n<SCRIPT src=x></SCRIPT>')).reason, 'markup');
  });

  test('a shell script is refused as a script', () => {
    assert.equal(refused(text('#!/bin/sh\nrm -rf /\n')).reason, 'script');
  });

  test('GB18030 text is refused as not UTF-8; binary with NUL bytes as unknown', () => {
    const gb = new Uint8Array(readFileSync(new URL('../fixtures/documents/seed-000.gb18030.txt', import.meta.url)));
    assert.equal(refused(gb).reason, 'encoding');
    assert.equal(refused(new Uint8Array([0x41, 0x00, 0x42])).reason, 'unknown');
  });

  test('GIF, BMP, a plain zip, a PowerPoint-like OLE file (MSI and others) and empty files are refused', () => {
    assert.equal(refused(fixture('python.gif')).reason, 'unknown');
    assert.equal(refused(fixture('python.bmp')).reason, 'unknown');
    assert.equal(refused(storedZip({ 'a.txt': 'x' })).message, '不接受压缩包，请逐个上传其中的文件');
    assert.equal(refused(compoundFile({ 'PowerPoint Document': new Uint8Array(8) })).reason, 'unknown');
    assert.equal(refused(new Uint8Array()).reason, 'empty');
  });

  test('documents with macros (DOCX with vbaProject.bin, DOC with a Macros storage) are refused', () => {
    const docm = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'x' });
    assert.equal(refused(docm).reason, 'macro');
    assert.equal(refused(compoundFile({ WordDocument: WORD_STREAM }, ['Macros'])).reason, 'macro');
  });

  test('a damaged zip or compound file is refused, never thrown', () => {
    const zip = OFD.slice(0, OFD.length - 10);
    assert.equal(refused(zip).reason, 'unknown');
    const ole = DOC.slice(0, 600);
    assert.equal(refused(ole).reason, 'unknown');
  });
});

test('isWellFormedUtf8 rejects overlongs, surrogates and truncated sequences', () => {
  assert.equal(isWellFormedUtf8(text('中文 ok')), true);
  assert.equal(isWellFormedUtf8(new Uint8Array([0xc0, 0xaf])), false); // overlong '/'
  assert.equal(isWellFormedUtf8(new Uint8Array([0xed, 0xa0, 0x80])), false); // U+D800
  assert.equal(isWellFormedUtf8(new Uint8Array([0xe4, 0xb8])), false); // cut in the middle
  assert.equal(isWellFormedUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), false); // past U+10FFFF
});

describe('limits and names', () => {
  test('a file over the size limit is refused with the limit in the message', () => {
    const result = checkAttachment({ name: 'big.pdf', bytes: new Uint8Array(2049) }, { maxBytes: 2048, maxFiles: 10 });
    assert.deepEqual(result, { ok: false, message: '“big.pdf”超过大小上限 2 KB' });
  });

  test('count per case', () => {
    assert.equal(checkAttachmentCount(8, 2, DEFAULT_ATTACHMENT_LIMITS), undefined);
    assert.equal(checkAttachmentCount(0, 11, DEFAULT_ATTACHMENT_LIMITS), '一件申请最多上传 10 个附件，本次有 11 个');
    assert.equal(checkAttachmentCount(9, 2, DEFAULT_ATTACHMENT_LIMITS), '一件申请最多 10 个附件，已有 9 个，本次最多还能上传 1 个');
  });

  test('stored names: last path segment, no control or bidi characters, the detected extension', () => {
    assert.equal(sanitizeFileName('C:\\Users\\张三\\扫描件.PDF', 'pdf'), '扫描件.PDF');
    assert.equal(sanitizeFileName('../../etc/passwd', 'text'), 'passwd.txt');
    assert.equal(sanitizeFileName('photo.pdf', 'png'), 'photo.pdf.png');
    assert.equal(sanitizeFileName('invoice\u202Efdp.exe', 'pdf'), 'invoice_fdp.exe.pdf');
    assert.equal(sanitizeFileName('a<b>:"c"|?*.txt', 'text'), 'a_b___c____.txt');
    assert.equal(sanitizeFileName('CON.txt', 'text'), '_CON.txt');
    assert.equal(sanitizeFileName('', 'jpeg'), '附件.jpg');
    assert.equal(sanitizeFileName('...', 'docx'), '附件.docx');
    assert.equal([...sanitizeFileName(`${'长'.repeat(300)}.pdf`, 'pdf')].length, 120);
  });

  test('Content-Disposition: attachment, ASCII fallback, RFC 5987 UTF-8 name', () => {
    assert.equal(
      contentDisposition('申请书(1).pdf'),
      `attachment; filename="___(1).pdf"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E4%B9%A6%281%29.pdf`,
    );
    assert.equal(contentDisposition('a"b\\c%.txt'), `attachment; filename="a_b_c_.txt"; filename*=UTF-8''a%22b%5Cc%25.txt`);
  });
});

test('the attachments table accepts exactly the media types and sources core produces', async () => {
  const { ATTACHMENT_MEDIA_TYPE_VALUES, ATTACHMENT_SOURCE_VALUES } = await import('#adapters/db/schema/attachments.ts');
  const { ATTACHMENT_MEDIA_TYPES } = await import('#core/attachments/detect-attachment-type.ts');
  const { ATTACHMENT_SOURCES } = await import('#core/attachments/check-attachment.ts');
  assert.deepEqual([...ATTACHMENT_MEDIA_TYPE_VALUES].sort(), [...ATTACHMENT_MEDIA_TYPES].sort());
  assert.deepEqual([...ATTACHMENT_SOURCE_VALUES], [...ATTACHMENT_SOURCES]);
});
