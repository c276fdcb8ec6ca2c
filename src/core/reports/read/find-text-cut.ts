// Where a text that stops outside its tables was cut (validation-rules.md rule 38, as extended in
// docs/validation-rules-added.md, probe round 18): inside a section heading (`五、存在的主`) or mid-sentence in a
// section's prose (`…及时采纳人`, most pages kept as their first ~2,000 bytes). What lies after the cut is
// missing, not absent from the report: one READ-TRUNCATED notice says so instead of STRUCT-TABLE/STRUCT-SECTION.

import { type DetectedTemplate, type SectionId, type TableId, TEMPLATES } from '../template.ts';
import { cutHeadingSection, type SectionHeadingMatch } from './read-document-headings.ts';
import { isFurniture } from './scan-layout.ts';

/** A cut outside the tables: the section it falls in and whether inside that section's heading. */
export interface TextCut {
  readonly section: SectionId;
  /** Position in the template's section order (0 = 一、总体情况). */
  readonly index: number;
  /** True when the text stops inside the section's heading (the section is there, nothing of it after). */
  readonly inHeading: boolean;
  readonly message: string;
}

/** The text's non-empty narrative lines with their index in narrativeLines, and the section headings found. */
export interface TextCutInput {
  readonly lines: readonly { readonly index: number; readonly text: string }[];
  readonly headings: readonly { readonly position: number; readonly match: SectionHeadingMatch }[];
  readonly template: DetectedTemplate;
  /** TableReading.endLine: the text's last line of content, when it is narrative and no table is cut. */
  readonly endLine: number | undefined;
  readonly tablesFound: readonly TableId[];
}

/**
 * Where the text is cut outside its tables, or null. Its last line must be its last line of content (no table's
 * text after it) and either the start of a section heading after every heading found, or, in the prose of a
 * section before the last one whose table (and every later one) the text does not hold, a line that stops
 * mid-sentence (openEnded).
 */
export function findTextCut(input: TextCutInput): TextCut | null {
  const { lines, headings, template, endLine } = input;
  const last = lines[lines.length - 1];
  if (last === undefined || endLine === undefined || last.index !== endLine) {
    return null;
  }
  const sections = TEMPLATES[template === '2019' ? '2019' : '2021'].sections;
  const heading = headings[headings.length - 1];
  const atHeading = heading !== undefined && heading.position === lines.length - 1;
  // The heading cut short: a line the tolerant match took for the heading (`三、收到和处理政府信息公开申请`), or
  // the start of a later section's heading than any found.
  const cutHeading =
    atHeading && heading.match.rest === '' ? cutHeadingSection(heading.match.found) : atHeading ? null : cutHeadingSection(last.text);
  if (cutHeading !== null && (heading === undefined || atHeading || cutHeading.index > heading.match.index)) {
    const section = sections[cutHeading.index]!;
    const where = section.table === undefined ? `“${section.heading}”` : `表${section.table}`;
    return { section: section.id, index: cutHeading.index, inHeading: true, message: `文本在${where}的标题处中断，其后内容缺失` };
  }
  if (heading === undefined || heading.match.index >= sections.length - 1) {
    return null;
  }
  // The prose the text ends in: the last line after the heading, or what follows the heading on its line; a last
  // line of one character with the line of prose before it (a paragraph the page wrapped: `…紧紧` / `围`).
  const before = lines[lines.length - 2];
  const prose = atHeading
    ? heading.match.rest
    : last.text.trim().length === 1 && before !== undefined && heading.position < lines.length - 2
      ? before.text.trim() + last.text.trim()
      : last.text;
  const index = heading.match.index;
  const laterTable = sections.some((s, i) => i >= index && s.table !== undefined && input.tablesFound.includes(s.table));
  if (prose === '' || laterTable || !openEnded(prose)) {
    return null;
  }
  return {
    section: heading.match.id,
    index,
    inHeading: false,
    message: `文本在“${sections[index]!.heading}”部分中断，其后内容缺失`,
  };
}

// The last character of a sentence cut off: a character, a digit or a letter, an opening bracket or quote, or a
// mark inside a sentence (`、`, `，`). A sentence, clause or bracket closed (`。`, `：`, `”`, `）`…) may be whole.
const OPEN_END = /[\p{Script=Han}A-Za-z0-9０-９（(“‘《「『【〔、，,]$/u;
// A line opening with a numbering (`（二）`, `三、`, `1.`, `第一`): a heading when no sentence goes on in it.
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十]+)/;
const SENTENCE_MARK = /[。，,；;！!？?]/;
// A date (`2024年1月8日`, `二〇二四年一月`) or an organ's name alone: a sign-off, whole.
const DATE_ONLY = /^[\d〇零○Ｏ一二三四五六七八九十年月日\s]+$/;
const SIGN_OFF = /(?:政府|办公室|办公厅|局|委员会|委|办事处|中心|院|所|厅|部|处|站|队|会|公司)$/;
// A page's furniture after the article (`附件下载`, `扫一扫在手机打开当前页`, `网址：www…`).
const PAGE_WORDS =
  /附件|下载|打印|关闭|分享|扫一扫|收藏|编辑|来源|浏览|点击|字号|返回|顶部|主办|承办|版权|备案|网站地图|联系我们|https?:|www\./i;

/**
 * True when a line of prose stops mid-sentence: no closing mark at its end, and it is none of what may end a
 * report or page without one — a heading, a date, an organ's name, a table row, a page's furniture.
 */
export function openEnded(line: string): boolean {
  const text = line.trim();
  if (text.length < 2 || !OPEN_END.test(text) || /[|｜\t]/.test(text) || isFurniture(text)) {
    return false;
  }
  // A sentence going on in the line (`…，及时采纳人`): prose, whatever words it holds.
  if (SENTENCE_MARK.test(text)) {
    return true;
  }
  return !DATE_ONLY.test(text) && !NUMBERED.test(text) && !SIGN_OFF.test(text) && !PAGE_WORDS.test(text);
}
