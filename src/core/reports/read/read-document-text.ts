// The document-text reader (annual-report.md §2, §5, §6.4, §6.5): from the lines outside the table
// bodies it finds the title and signature (agency, year), the statistical period, the six section
// headings, each section's lines and the figures stated in the narrative. It never throws: what it
// cannot find becomes a finding (STRUCT-SECTION, STRUCT-HEADING, META-IDENTITY, META-YEAR).

import { type Finding, finding } from '../report-model.ts';
import { type DetectedTemplate, SECTION_IDS, type SectionId, type TableId, TEMPLATES } from '../template.ts';
import { rememberNarrative, splitNarrative, splitSentences } from './narrative-sentences.ts';
import { readNarrativeValues } from './narrative-values.ts';
import { asciiDigits, findPeriod, lineDate, malformedDatesIn, parseCount, type StatedPeriod } from './read-document-dates.ts';
import { matchSectionHeading, type SectionHeadingMatch } from './read-document-headings.ts';
import type { DocumentText, HeadingMatch, StatedDate } from './reading-parts.ts';

/** What the table reader knows that changes what the text may be blamed for. */
export interface ReadDocumentTextOptions {
  /** The table the text ends in (READ-TRUNCATED): sections after it are not reported missing (rule 38). */
  readonly truncatedIn?: TableId | null;
}

interface Line {
  readonly index: number;
  readonly text: string;
}

// `<agency><YYYY>年(度)?政府信息公开工作年度报告` (§6.4); also `<YYYY>年<agency>…` and 政府信息公开年度报告.
const TITLE = /^(.*?)(\d+|[〇零○Ｏ一二三四五六七八九]{4})年度?(.*?)政府信息公开(?:工作)?年度报告/;
// `<agency>政府信息公开工作年度报告（2023年度）`: the year in brackets after the title.
const TITLE_YEAR_AFTER = /^(.*?)政府信息公开(?:工作)?年度报告[（(](\d+|[〇零○Ｏ一二三四五六七八九]{4})年度?[)）]/;
const MAX_TITLE = 80;
const MAX_SIGNATURE_AGENCY = 30;
const SENTENCE_PUNCTUATION = /[。，,；;：:！？!?]/;

/**
 * Reads what a report's text says about itself (reader contract §6.4, §6.5). `narrativeLines` are the
 * lines outside the table bodies in document order, headings included (TableReading.narrativeLines).
 */
export function readDocumentText(
  narrativeLines: readonly string[],
  template: DetectedTemplate,
  options: ReadDocumentTextOptions = {},
): DocumentText {
  const lines: Line[] = [];
  narrativeLines.forEach((raw, index) => {
    const text = plainLine(raw);
    if (text !== '') {
      lines.push({ index, text });
    }
  });

  const headings = findHeadings(lines, template);
  const firstHeading = headings.length === 0 ? lines.length : headings[0]!.position;
  // With no heading at all, only the first lines can be a title block.
  const titleBlock = lines.slice(0, headings.length === 0 ? Math.min(lines.length, 5) : firstHeading);

  const title = readTitle(titleBlock);
  const signature = readSignature(lines);
  const period = readPeriod(titleBlock, lines);

  const skipped = new Set<number>([...title.lines, ...signature.lines]);
  const sections = splitSections(lines, headings, skipped);

  const malformed = unique([
    ...title.malformed,
    ...titleBlock.flatMap((line) => malformedDatesIn(line.text)),
    ...(period === null ? [] : [period.from, period.to].filter((d) => d.iso === null).map((d) => d.raw)),
  ]);

  const { year, yearSource } = readYear(title.year, period, signature.date, sections);
  const agency = mergeAgency(title.agency, signature.agency);

  const split = splitNarrative(sections);
  const findings = textFindings(template, headings, options.truncatedIn ?? null, agency, year, yearSource, malformed);

  const text: DocumentText = {
    agency,
    year,
    yearSource,
    titleYear: title.year,
    period,
    signature: signature.date === null ? null : { date: signature.date, agency: signature.agency },
    malformedDates: malformed,
    headings: headings.map(
      (h): HeadingMatch => ({ id: h.match.id, found: h.match.found, official: h.match.official, exact: h.match.exact }),
    ),
    sections,
    narrative: readNarrativeValues(split.sentences.map((s) => s.text)),
    findings,
  };
  rememberNarrative(text, split);
  return text;
}

/** A line without surrounding space and Markdown marks (`# 标题`, `## 一、总体情况`, `**…**`). */
function plainLine(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('#')) {
    return text.replace(/^#{1,6}\s*/, '').trim();
  }
  return text.startsWith('**') && text.endsWith('**') && text.length > 4 ? text.slice(2, -2).trim() : text;
}

// ---------------------------------------------------------------- headings and sections

interface FoundHeading {
  /** Index into the non-empty lines. */
  readonly position: number;
  readonly match: SectionHeadingMatch;
}

function findHeadings(lines: readonly Line[], template: DetectedTemplate): FoundHeading[] {
  const found: FoundHeading[] = [];
  let next = 0;
  for (let position = 0; position < lines.length && next < SECTION_IDS.length; position++) {
    const match = matchSectionHeading(lines[position]!.text, template, next);
    if (match !== null) {
      found.push({ position, match });
      next = match.index + 1;
    }
  }
  return found;
}

function splitSections(
  lines: readonly Line[],
  headings: readonly FoundHeading[],
  skipped: ReadonlySet<number>,
): { id: SectionId | 'preamble'; lines: string[] }[] {
  const sections: { id: SectionId | 'preamble'; lines: string[] }[] = [{ id: 'preamble', lines: [] }];
  const headingAt = new Map(headings.map((h) => [h.position, h.match]));
  let current = sections[0]!;
  lines.forEach((line, position) => {
    const heading = headingAt.get(position);
    if (heading !== undefined) {
      current = { id: heading.id, lines: heading.rest === '' ? [] : [heading.rest] };
      sections.push(current);
    } else if (!skipped.has(line.index)) {
      current.lines.push(line.text);
    }
  });
  return sections;
}

// ---------------------------------------------------------------- title, signature, period, year

interface TitleReading {
  readonly agency: string | null;
  readonly year: number | null;
  /** Line indexes (of narrativeLines) that make up the title. */
  readonly lines: readonly number[];
  readonly malformed: readonly string[];
}

function readTitle(block: readonly Line[]): TitleReading {
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!;
    const compact = asciiDigits(line.text.replace(/\s+/g, ''));
    if (compact.length > MAX_TITLE || !compact.includes('年度报告')) {
      continue;
    }
    const after = TITLE_YEAR_AFTER.exec(compact);
    const match = after === null ? TITLE.exec(compact) : [after[0], after[1], after[2], ''];
    if (match === null) {
      continue;
    }
    const [, before = '', yearText = '', between = ''] = match;
    const year = yearText.length === 4 ? (parseCount(yearText) ?? null) : null;
    const malformed = year === null ? [`${yearText}年`] : [];
    let agency = cleanAgency(before === '' ? between : before);
    const lines = [line.index];
    // A two-line title: the organ on its own line above `2023 年政府信息公开工作年度报告` (seed 003).
    const previous = block[i - 1];
    if (agency === '' && previous !== undefined && isOrganLine(previous.text)) {
      agency = previous.text.replace(/\s+/g, '');
      lines.unshift(previous.index);
    }
    return { agency: agency === '' ? null : agency, year, lines, malformed };
  }
  return { agency: null, year: null, lines: [], malformed: [] };
}

function cleanAgency(text: string): string {
  return text
    .replace(/^[《“"「【]+|[》”"」】]+$/g, '')
    .replace(/关于$/, '')
    .trim();
}

/** A line that can only be an organ's name: no digits, no sentence punctuation, short. */
function isOrganLine(text: string): boolean {
  return text.length <= MAX_SIGNATURE_AGENCY && !/\d/.test(asciiDigits(text)) && !SENTENCE_PUNCTUATION.test(text);
}

interface SignatureReading {
  readonly date: StatedDate | null;
  readonly agency: string | null;
  readonly lines: readonly number[];
}

/** The last line that is a date, and the organ line before it (§6.4). */
function readSignature(lines: readonly Line[]): SignatureReading {
  for (let position = lines.length - 1; position >= 0; position--) {
    const line = lines[position]!;
    const date = lineDate(line.text);
    if (date === null) {
      const together = organAndDate(line.text);
      if (together !== null) {
        return { ...together, lines: [line.index] };
      }
      continue;
    }
    const previous = lines[position - 1];
    if (previous !== undefined && isOrganLine(previous.text)) {
      return { date, agency: previous.text.replace(/\s+/g, ''), lines: [previous.index, line.index] };
    }
    return { date, agency: null, lines: [line.index] };
  }
  return { date: null, agency: null, lines: [] };
}

const ORGAN_SUFFIX = /(?:局|委|办|厅|府|院|会|部|处|室|所|中心|站|队|馆|署|区|县|市|镇|乡|街道|公司|集团)$/;
const ORGAN_THEN_DATE = /^([^\d]{2,30}?)(\d{4}年\d{1,2}月\d{1,2}日)$/;

/** A signature on one line: `黄石市民政局 2024年1月19日`. */
function organAndDate(text: string): { date: StatedDate; agency: string } | null {
  const compact = asciiDigits(text.replace(/\s+/g, ''));
  if (compact.length > 50 || !compact.endsWith('日')) {
    return null;
  }
  const match = ORGAN_THEN_DATE.exec(compact);
  // Only an organ's name may stand before the date: `截至2023年12月31日` is a sentence, not a signature.
  if (match === null || !isOrganLine(match[1]!) || !ORGAN_SUFFIX.test(match[1]!)) {
    return null;
  }
  const date = lineDate(match[2]!);
  return date === null ? null : { date, agency: match[1]! };
}

/**
 * The statistical period (统计期限): a date range in the title block — in a line that names 统计 or a
 * short subtitle line — else in any line that names 统计.
 */
function readPeriod(titleBlock: readonly Line[], lines: readonly Line[]): StatedPeriod | null {
  for (const line of titleBlock) {
    if (line.text.includes('统计') || line.text.length <= 40) {
      const period = findPeriod(line.text);
      if (period !== null) {
        return period;
      }
    }
  }
  for (const line of lines) {
    if (line.text.includes('统计')) {
      for (const sentence of splitSentences(line.text)) {
        const period = sentence.includes('统计') ? findPeriod(sentence) : null;
        if (period !== null) {
          return period;
        }
      }
    }
  }
  return null;
}

const BODY_YEAR = /(?<!\d)(\d{4})年/g;
const BODY_YEAR_MIN = 3;

function readYear(
  titleYear: number | null,
  period: StatedPeriod | null,
  signature: StatedDate | null,
  sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[],
): { year: number | null; yearSource: DocumentText['yearSource'] } {
  if (titleYear !== null) {
    return { year: titleYear, yearSource: 'title' };
  }
  if (period?.to.iso != null) {
    return { year: Number(period.to.iso.slice(0, 4)), yearSource: 'period' };
  }
  if (signature?.iso != null && Number(signature.iso.slice(5, 7)) <= 6) {
    return { year: Number(signature.iso.slice(0, 4)) - 1, yearSource: 'signature' };
  }
  // Body fallback: the year written most often in section 一 (seed 002).
  const overview = sections.find((s) => s.id === 'overview');
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const line of overview?.lines ?? []) {
    for (const match of asciiDigits(line).matchAll(BODY_YEAR)) {
      const year = match[1]!;
      const count = (counts.get(year) ?? 0) + 1;
      counts.set(year, count);
      if (best === null || count > (counts.get(best) ?? 0)) {
        best = year;
      }
    }
  }
  if (best !== null && (counts.get(best) ?? 0) >= BODY_YEAR_MIN) {
    return { year: Number(best), yearSource: 'body' };
  }
  return { year: null, yearSource: null };
}

/** Title and signature organ: the longer when one ends with the other (`市民政局` + `黄石市民政局`), else the title's. */
function mergeAgency(title: string | null, signature: string | null): string | null {
  if (title === null || signature === null) {
    return title ?? signature;
  }
  if (title.endsWith(signature) || signature.endsWith(title)) {
    return title.length >= signature.length ? title : signature;
  }
  return title;
}

// ---------------------------------------------------------------- findings

function textFindings(
  template: DetectedTemplate,
  headings: readonly FoundHeading[],
  truncatedIn: TableId | null,
  agency: string | null,
  year: number | null,
  yearSource: DocumentText['yearSource'],
  malformed: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const sections = TEMPLATES[template === '2019' ? '2019' : '2021'].sections;
  // Nothing after the section of the table the text ends in can be blamed on the report (rule 38).
  const tableAt = sections.findIndex((s) => s.table === truncatedIn);
  const cut = tableAt === -1 ? sections.length : tableAt;
  const found = new Set(headings.map((h) => h.match.id));
  sections.forEach((section, index) => {
    if (!found.has(section.id) && index <= cut) {
      findings.push(finding('STRUCT-SECTION', `缺少“${section.heading}”部分`));
    }
  });
  for (const { match } of headings) {
    if (!match.exact) {
      findings.push(finding('STRUCT-HEADING', `标题“${match.found}”与格式规定的“${match.official}”不一致`));
    }
  }
  if (agency === null) {
    findings.push(finding('META-IDENTITY', '未能从标题或落款识别报告机关'));
  }
  if (year === null) {
    findings.push(finding('META-IDENTITY', '未能识别报告年度'));
  } else if (yearSource === 'body') {
    findings.push(finding('META-IDENTITY', `报告年度由正文推断为${year}年`));
  }
  for (const raw of malformed) {
    findings.push(finding('META-YEAR', `日期“${raw}”格式错误`));
  }
  return findings;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
