import assert from 'node:assert/strict';
import { test } from 'node:test';
import mammoth from 'mammoth';
import { renderLetterDocx } from '#adapters/documents/letter-docx.ts';
import { localDate } from '#core/calendar/local-date.ts';
import { composeReplyLetter } from '#core/letters/compose-reply-letter.ts';
import { zipEntry } from './zip-entry.ts';

const composed = composeReplyLetter({
  caseCode: 'SQ-2025-0042',
  applicantName: '某某科技有限公司',
  receivedOn: localDate('2025-06-03'),
  request: '某项目环境影响评价批复',
  outcome: 'outcome.withheld.third_party',
  details: '该信息涉及第三方商业秘密，经征求第三方意见，第三方不同意公开。',
  docNumber: '某环信公开〔2025〕第3号',
  letterDate: localDate('2025-06-20'),
  agencyName: '某市生态环境局',
  reviewOrgan: '某市人民政府',
  court: '某市中级人民法院',
});
assert.ok(composed.ok);
const letter = composed.letter;

test('a letter DOCX reads back as title, 文号, addressee, body and 落款 in that order', async () => {
  const bytes = await renderLetterDocx(letter);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const lines = value.split('\n').filter((line) => line.trim() !== '');
  assert.deepEqual(lines, [
    '政府信息不予公开告知书',
    '某环信公开〔2025〕第3号',
    '某某科技有限公司：',
    ...letter.paragraphs,
    '某市生态环境局',
    '2025年6月20日',
  ]);
  assert.ok(lines.some((line) => line.startsWith('如对本答复不服，应当自收到本答复之日起60日内先向某市人民政府申请行政复议')));
});

test('the page is A4 with 仿宋 body text and a 宋体 title', async () => {
  const bytes = await renderLetterDocx(letter);
  const body = zipEntry(bytes, 'word/document.xml');
  assert.match(body, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(body, /w:eastAsia="宋体"/);
  assert.match(zipEntry(bytes, 'word/styles.xml'), /w:eastAsia="仿宋"/);
  // Body paragraphs are indented two characters (三号: 2 × 16 pt = 640 twips); the addressee is not.
  assert.equal((body.match(/w:firstLine="640"/g) ?? []).length, letter.paragraphs.length);
});
