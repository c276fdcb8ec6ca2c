// The pure merge of a letter template with its fields: template text + fields → title and paragraphs.
// A field the template names but the merge does not know is an error naming it (never left as text).
import { type LetterTemplate, MERGE_FIELD_NAMES, type MergeField } from './letter-template.ts';

export const LETTER_ERROR_CODES = [
  'UNKNOWN_MERGE_FIELD',
  'MALFORMED_MERGE_FIELD',
  'REMEDY_NOTICE_MISSING',
  'EMPTY_TEMPLATE_TEXT',
  'UNKNOWN_OUTCOME',
  'MISSING_LETTER_VALUE',
] as const;
export type LetterErrorCode = (typeof LETTER_ERROR_CODES)[number];

/** A problem of a template or a letter, with the part of the template it is in and a Chinese message. */
export interface LetterTemplateError {
  readonly code: LetterErrorCode;
  readonly part?: 'title' | 'addressee' | 'body';
  /** The field name for UNKNOWN_MERGE_FIELD, the offending text for MALFORMED_MERGE_FIELD. */
  readonly field?: string;
  readonly message: string;
}

export type MergeFields = Readonly<Record<MergeField, string>>;

/** A merged letter, ready for a renderer (DOCX, HTML). */
export interface MergedLetter {
  readonly title: string;
  readonly docNumber: string;
  readonly addressee: string;
  readonly paragraphs: readonly string[];
  /** 落款: the organ's name and the letter date, right-aligned at the foot. */
  readonly signature: { readonly agencyName: string; readonly date: string };
}

export type MergeResult =
  | { readonly ok: true; readonly letter: MergedLetter }
  | { readonly ok: false; readonly errors: readonly LetterTemplateError[] };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PART_LABEL = { title: '标题', addressee: '称谓', body: '正文' } as const;

function isMergeField(name: string): name is MergeField {
  return (MERGE_FIELD_NAMES as readonly string[]).includes(name);
}

/** Every problem of one template text: unknown fields and stray braces. */
function checkText(text: string, part: 'title' | 'addressee' | 'body'): LetterTemplateError[] {
  const errors: LetterTemplateError[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!isMergeField(name)) {
      errors.push({
        code: 'UNKNOWN_MERGE_FIELD',
        part,
        field: name,
        message: `模板${PART_LABEL[part]}中有未知的合并字段“{{${name}}}”（可用字段：${MERGE_FIELD_NAMES.join('、')}）`,
      });
    }
  }
  const rest = text.replace(PLACEHOLDER, '');
  const stray = rest.match(/\{\{|\}\}/);
  if (stray !== null) {
    const at = stray.index ?? 0;
    const excerpt = rest.slice(Math.max(0, at - 8), at + 10);
    errors.push({
      code: 'MALFORMED_MERGE_FIELD',
      part,
      field: excerpt,
      message: `模板${PART_LABEL[part]}中的合并字段不完整：“${excerpt}”（合并字段的写法为 {{字段名}}）`,
    });
  }
  return errors;
}

/**
 * Checks a template before it is stored or used: only known merge fields, no stray braces, a title
 * and a body, and the remedy notice `{{remedyNotice}}` in the body (《行政复议法》第二十条第三款: a
 * letter without it extends the applicant's period).
 */
export function checkLetterTemplate(template: Pick<LetterTemplate, 'title' | 'addressee' | 'body'>): readonly LetterTemplateError[] {
  const errors = [
    ...checkText(template.title, 'title'),
    ...checkText(template.addressee, 'addressee'),
    ...checkText(template.body, 'body'),
  ];
  if (template.title.trim() === '') {
    errors.push({ code: 'EMPTY_TEMPLATE_TEXT', part: 'title', message: '模板标题不能为空' });
  }
  if (template.body.trim() === '') {
    errors.push({ code: 'EMPTY_TEMPLATE_TEXT', part: 'body', message: '模板正文不能为空' });
  }
  const hasRemedy = [...template.body.matchAll(PLACEHOLDER)].some((m) => m[1] === 'remedyNotice');
  if (!hasRemedy) {
    errors.push({
      code: 'REMEDY_NOTICE_MISSING',
      part: 'body',
      field: 'remedyNotice',
      message: '模板正文必须包含救济途径告知“{{remedyNotice}}”（《行政复议法》第二十条）',
    });
  }
  return errors;
}

const fill = (text: string, fields: MergeFields) =>
  text.replace(PLACEHOLDER, (_whole, name: string) => (isMergeField(name) ? fields[name] : ''));

/** Merges a template with its fields: title, addressee and one paragraph per body line that is not empty. */
export function mergeLetter(template: LetterTemplate, fields: MergeFields): MergeResult {
  const errors = checkLetterTemplate(template);
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  const paragraphs = template.body
    .split(/\r?\n/)
    .map((line) => fill(line, fields).trim())
    .filter((line) => line !== '');
  return {
    ok: true,
    letter: {
      title: fill(template.title, fields).trim(),
      docNumber: fields.docNumber,
      addressee: fill(template.addressee, fields).trim(),
      paragraphs,
      signature: { agencyName: fields.agencyName, date: fields.date },
    },
  };
}
