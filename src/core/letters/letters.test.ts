import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localDate } from '#core/calendar/local-date.ts';
import { OUTCOME_CODES, OUTCOME_FAMILIES, outcomeFamily } from '#core/cases/outcome-codes.ts';
import { composeReplyLetter, type ReplyLetterInput } from './compose-reply-letter.ts';
import { checkDocNumberPrefix, formatDocNumber } from './doc-number.ts';
import { checkLetterSettingValue, resolveLetterSettings, resolveMailSettings } from './letter-settings.ts';
import { DEFAULT_LETTER_TEMPLATES, MERGE_FIELD_NAMES } from './letter-template.ts';
import { checkLetterTemplate, type MergeFields, mergeLetter } from './merge-letter.ts';
import { letterFamilyOf } from './outcome-family.ts';
import { OUTCOME_WORDING } from './outcome-wording.ts';
import { composeRemedyNotice, remedyRule } from './remedy-notice.ts';

const base: ReplyLetterInput = {
  caseCode: 'SQ-2025-0001',
  applicantName: '张三',
  receivedOn: localDate('2025-03-03'),
  request: '2024年某街道拆迁补偿方案',
  outcome: 'outcome.disclosed',
  docNumber: '某府信公开〔2025〕第7号',
  letterDate: localDate('2025-03-20'),
  agencyName: '某市某区人民政府办公室',
  reviewOrgan: '某市某区人民政府',
  court: '某市某区人民法院',
};

function letterOf(input: ReplyLetterInput) {
  const result = composeReplyLetter(input);
  assert.ok(result.ok, JSON.stringify(result));
  return result.letter;
}

describe('outcome families (statute.md §4)', () => {
  test('the 21 leaf rows of table 三 (2021) each have a family and wording', () => {
    assert.equal(OUTCOME_CODES.length, 21);
    for (const code of OUTCOME_CODES) {
      assert.ok(OUTCOME_FAMILIES.includes(outcomeFamily(code)), code);
      assert.ok(OUTCOME_WORDING[code]?.legalBasis.includes('第') || code === 'outcome.other.fee_unpaid', code);
    }
    assert.equal(letterFamilyOf('outcome.withheld'), undefined, 'a group row is not an outcome');
    assert.equal(letterFamilyOf('outcome.withheld.state_secret'), 'withheld');
  });

  test('every outcome code composes a letter that carries the remedy notice with its periods', () => {
    for (const outcome of OUTCOME_CODES) {
      const letter = letterOf({ ...base, outcome });
      const text = letter.paragraphs.join('\n');
      assert.match(text, /60日内/, outcome);
      assert.match(text, /申请行政复议/, outcome);
      assert.ok(text.includes(OUTCOME_WORDING[outcome]?.legalBasis ?? '?'), outcome);
      assert.equal(letter.title, DEFAULT_LETTER_TEMPLATES[outcomeFamily(outcome)].title);
    }
  });
});

describe('remedy notice (statute.md §5)', () => {
  test('a disclosure letter offers 复议 within 60 days or suit within 6 months, naming organ and court', () => {
    const notice = composeRemedyNotice({ ...base, letterDate: localDate('2025-03-20') });
    assert.equal(
      notice,
      '如对本答复不服，可以自收到本答复之日起60日内向某市某区人民政府申请行政复议，或者自收到本答复之日起6个月内向某市某区人民法院提起行政诉讼。',
    );
  });

  test('不予公开 from 2024-01-01 must go to 复议 first (复议法第二十三条), then suit within 15 days', () => {
    const input = { ...base, outcome: 'outcome.withheld.third_party' };
    const after = composeRemedyNotice({ ...input, letterDate: localDate('2024-01-01') });
    assert.match(after, /应当自收到本答复之日起60日内先向某市某区人民政府申请行政复议/);
    assert.match(after, /15日内向人民法院提起行政诉讼/);
    assert.doesNotMatch(after, /6个月/);
    const before = composeRemedyNotice({ ...input, letterDate: localDate('2023-12-31') });
    assert.match(before, /6个月内向某市某区人民法院提起行政诉讼/);
    assert.doesNotMatch(before, /先向/);
  });

  test('部分公开: 复议前置 for the withheld part by default, a choice for the rest; the setting turns it off', () => {
    const notice = composeRemedyNotice({ ...base, outcome: 'outcome.partial' });
    assert.match(notice, /不予公开的部分不服，应当.*先向/);
    assert.match(notice, /其他内容不服，可以.*6个月内/);
    assert.equal(remedyRule('partial', localDate('2025-01-01'), false), 'choice');
    assert.equal(remedyRule('not_processed', localDate('2025-01-01')), 'choice');
  });

  test('the 条例第五十一条 complaint channel is added when set', () => {
    const notice = composeRemedyNotice({ ...base, complaintChannel: '某市政务公开办公室' });
    assert.match(notice, /第五十一条.*某市政务公开办公室投诉、举报。$/);
  });
});

describe('letter merge', () => {
  test('fields land in order: 文号, addressee, dates in 年月日, the 补正 date, signature', () => {
    const letter = letterOf({ ...base, correctionReceivedOn: localDate('2025-03-10'), details: '现将该方案随本答复一并提供。' });
    assert.equal(letter.docNumber, '某府信公开〔2025〕第7号');
    assert.equal(letter.addressee, '张三：');
    assert.equal(
      letter.paragraphs[0],
      '本机关于2025年3月3日收到您（单位）提出的政府信息公开申请（申请编号：SQ-2025-0001），申请获取“2024年某街道拆迁补偿方案”。本机关于2025年3月10日收到您补正后的申请。',
    );
    assert.ok(letter.paragraphs.includes('现将该方案随本答复一并提供。'));
    assert.deepEqual(letter.signature, { agencyName: '某市某区人民政府办公室', date: '2025年3月20日' });
    assert.equal(letter.paragraphs.at(-1), '特此告知。');
  });

  test('a line that merges to nothing (no details) is left out', () => {
    const withDetails = letterOf({ ...base, details: '见附件。' });
    const without = letterOf(base);
    assert.equal(without.paragraphs.length, withDetails.paragraphs.length - 1);
    assert.ok(!without.paragraphs.includes(''));
  });

  test('an unknown merge field is an error naming the field, and nothing is merged', () => {
    const template = { ...DEFAULT_LETTER_TEMPLATES.disclosed, body: '您好{{ applicantNmae }}。\n{{remedyNotice}}' };
    const result = composeReplyLetter(base, { disclosed: template });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.errors[0]?.code, 'UNKNOWN_MERGE_FIELD');
    assert.equal(result.errors[0]?.field, 'applicantNmae');
    assert.match(result.errors[0]?.message ?? '', /未知的合并字段“\{\{applicantNmae\}\}”/);
  });

  test('stray braces and a template without the remedy notice are refused', () => {
    const errors = checkLetterTemplate({ title: '告知书', addressee: '{{applicantName}：', body: '正文' });
    assert.deepEqual(
      errors.map((e) => e.code),
      ['MALFORMED_MERGE_FIELD', 'REMEDY_NOTICE_MISSING'],
    );
    assert.deepEqual(checkLetterTemplate(DEFAULT_LETTER_TEMPLATES.withheld), []);
  });

  test('an agency override replaces the default of its family only', () => {
    const custom = { ...DEFAULT_LETTER_TEMPLATES.disclosed, title: '某区政府信息公开答复书', body: '{{outcomeText}}\n{{remedyNotice}}' };
    const own = composeReplyLetter(base, { disclosed: custom });
    assert.ok(own.ok);
    assert.equal(own.letter.title, '某区政府信息公开答复书');
    assert.equal(own.letter.paragraphs.length, 2);
    const other = composeReplyLetter({ ...base, outcome: 'outcome.unavailable.not_held' }, { disclosed: custom });
    assert.ok(other.ok);
    assert.equal(other.letter.title, '无法提供政府信息告知书');
  });

  test('an unknown outcome or a missing 复议机关 setting is an error, in Chinese', () => {
    const unknown = composeReplyLetter({ ...base, outcome: 'outcome.maybe' });
    assert.ok(!unknown.ok);
    assert.equal(unknown.errors[0]?.code, 'UNKNOWN_OUTCOME');
    const missing = composeReplyLetter({ ...base, reviewOrgan: ' ', court: '' });
    assert.ok(!missing.ok);
    assert.deepEqual(
      missing.errors.map((e) => e.field),
      ['reviewOrgan', 'court'],
    );
    assert.match(missing.errors[0]?.message ?? '', /行政复议机关/);
  });

  test('no placeholder is left in the default letter of any family', () => {
    for (const family of OUTCOME_FAMILIES) {
      const letter = letterOf({ ...base, outcome: OUTCOME_CODES.find((c) => outcomeFamily(c) === family) ?? '' });
      assert.ok(!`${letter.title}${letter.addressee}${letter.paragraphs.join('')}`.includes('{{'), family);
    }
  });

  test('mergeLetter fills each placeholder with its field, spaces inside the braces allowed', () => {
    const fields = Object.fromEntries(MERGE_FIELD_NAMES.map((name) => [name, `<${name}>`])) as MergeFields;
    const merged = mergeLetter({ family: 'other', title: '{{ docNumber }}', addressee: '', body: 'a{{court}}b\n{{remedyNotice}}' }, fields);
    assert.ok(merged.ok);
    assert.equal(merged.letter.title, '<docNumber>');
    assert.deepEqual(merged.letter.paragraphs, ['a<court>b', '<remedyNotice>']);
  });
});

describe('文号', () => {
  test('format and prefix rules', () => {
    assert.equal(formatDocNumber(' 某府信公开 ', 2025, 12), '某府信公开〔2025〕第12号');
    assert.equal(formatDocNumber('', 2026, 1), '〔2026〕第1号');
    assert.equal(checkDocNumberPrefix('某府信公开'), undefined);
    assert.match(checkDocNumberPrefix('某〔') ?? '', /不能包含/);
    assert.match(checkDocNumberPrefix('长'.repeat(21)) ?? '', /20/);
  });
});

describe('letter and mail settings', () => {
  test('values are checked with Chinese messages; stored bad values fall back to the default', () => {
    assert.equal(checkLetterSettingValue('mail.smtp-port', '587'), undefined);
    assert.match(checkLetterSettingValue('mail.smtp-port', '70000') ?? '', /1 至 65535/);
    assert.equal(checkLetterSettingValue('mail.from', '政务公开办 <gongkai@example.gov.cn>'), undefined);
    assert.match(checkLetterSettingValue('mail.reminders-to', 'not-an-address') ?? '', /电子邮件地址/);
    assert.match(checkLetterSettingValue('letter.doc-number-prefix', '某〔') ?? '', /不能包含/);
    assert.match(checkLetterSettingValue('letter.review-organ', '某\n') ?? '', /换行/);
    assert.equal(checkLetterSettingValue('letter.partial-review-first', 'maybe')?.includes('on、off'), true);
    const mail = resolveMailSettings({ 'mail.smtp-port': 'x', 'mail.smtp-host': 'smtp.example.gov.cn' });
    assert.deepEqual(mail, { host: 'smtp.example.gov.cn', port: 25, secure: false, from: '', remindersTo: '', user: '', password: '' });
    assert.equal(resolveLetterSettings({ 'letter.partial-review-first': 'off' }).partialReviewFirst, false);
  });
});
