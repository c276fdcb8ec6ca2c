// The document-text reader (annual-report.md §2, §5, §6.4, §6.5): from the lines outside the table
// bodies it finds the title and signature (agency, year), the statistical period, the six section
// headings, each section's lines and the figures stated in the narrative. It never throws: what it
// cannot find becomes a finding (STRUCT-SECTION, STRUCT-HEADING, META-IDENTITY, META-YEAR).

import { type Finding, finding } from '../report-model.ts';
import { type DetectedTemplate, SECTION_IDS, type SectionId, type TableId, TEMPLATES } from '../template.ts';
import { findTextCut, type TextCut } from './find-text-cut.ts';
import { rememberNarrative, splitNarrative, splitSentences } from './narrative-sentences.ts';
import { readNarrativeValues } from './narrative-values.ts';
import { asciiDigits, findPeriod, lineDate, malformedDatesIn, parseCount, type StatedPeriod, statedDate } from './read-document-dates.ts';
import { matchSectionHeading, type SectionHeadingMatch } from './read-document-headings.ts';
import type { DocumentText, HeadingMatch, StatedDate } from './reading-parts.ts';
import { unwrapLines, wrapWidth } from './unwrap-lines.ts';

/** What the table reader knows that changes what the text may be blamed for. */
export interface ReadDocumentTextOptions {
  /** The table the text ends in (READ-TRUNCATED): sections after it are not reported missing (rule 38). */
  readonly truncatedIn?: TableId | null;
  /**
   * How many of the narrative lines come before the first table line (TableReading.beforeTables). With
   * no section heading to bound it, the title is looked for among the first of these only: a page's
   * lines after the tables (an attachment's name, related links: `附件：1.2023年…年度报告.pdf`) are not
   * its title, however few lines the page has outside its tables.
   */
  readonly beforeTables?: number | undefined;
  /** TableReading.endLine: the text's last line of content when it is narrative (where a cut outside the tables is). */
  readonly endLine?: number | undefined;
  /** The tables the table reader found: a text cut in a section's prose holds none of that section's or later. */
  readonly tablesFound?: readonly TableId[];
}

interface Line {
  readonly index: number;
  readonly text: string;
}

// `<agency><YYYY>年(度)?政府信息公开工作年度报告` (§6.4); also `<YYYY>年<agency>…` and 政府信息公开年度报告, and
// `…政务信息公开工作开展年度报告`.
// Also `政务公开工作年度报告` and `…信息公开工作报告` (no 年度 before 报告), as some agencies title it.
const TITLE =
  /^(.*?)(\d+|[〇零○Ｏ一二三四五六七八九]{4})(?:年度?|(?=(?:政府|政务)?信息公开))(.*?)(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?(?:开展)?的?(?:年度报告|年度工作报告|年报|报告(?=$|[（(]|的))/;
// `<agency>政府信息公开工作2023年度报告`, `衡阳市司法局政府信息公开2021年度报告`: the year inside the title's last words.
const TITLE_YEAR_INSIDE = /^(.*?)(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?(\d{4})年度?(?:报告|年报)/;
// `<agency>政府信息公开工作年度报告（2023年度）`: the year in brackets after the title.
const TITLE_YEAR_AFTER = /^(.*?)政府信息公开(?:工作)?年度报告[（(](\d+|[〇零○Ｏ一二三四五六七八九]{4})年度?[)）]/;
// `<agency>政府信息公开工作年度报告` with no year in it (the year stated in the period or the signature).
const TITLE_WITHOUT_YEAR = /^(.*?)(?:(?:政府|政务)?信息公开|政务公开)(?:工作)?(?:年度报告|年报)$/;
// The year alone on the line under such a title: `（2023年度）`, `2023年`.
const YEAR_LINE = /^[（(]?(20\d{2})年度?[)）]?$/;
// A web page's link lines around the article: list bullets, previous/next article, related links.
export const NAVIGATION =
  /^\s*(?:[·•●◆◇■□▪▫►▶▸※]|(?:上一篇|下一篇|上一条|下一条|相关(?:链接|文章|阅读|信息|新闻|报告)|推荐阅读|往期回顾)\s*[:：]?)/;
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
  // A site's menu above the article is no line of the report: its first lines are the article's.
  const menu = pageMenuLength(narrativeLines);
  narrativeLines.forEach((raw, index) => {
    const text = plainLine(raw);
    if (text !== '' && index >= menu) {
      lines.push({ index, text });
    }
  });

  const headings = findHeadings(lines, template);
  const firstHeading = headings.length === 0 ? lines.length : headings[0]!.position;
  // With no heading at all, only the first lines can be a title block — those before the tables when any are.
  const titleBlock = lines.slice(0, headings.length === 0 ? Math.min(titleLimit(lines, options.beforeTables), 5) : firstHeading);

  const title = readTitle(titleBlock);
  const signature = readSignature(lines);
  const period = readPeriod(titleBlock, lines);

  const skipped = new Set<number>([...title.lines, ...signature.lines]);
  const sections = unwrapped(splitSections(lines, headings, skipped));

  const malformed = unique([
    ...title.malformed,
    ...titleBlock.flatMap((line) => malformedDatesIn(line.text)),
    ...(period === null ? [] : [period.from, period.to].filter((d) => d.iso === null).map((d) => d.raw)),
  ]);

  const read = readYear(title.year, period, signature.date, sections, lines.slice(0, firstHeading + 3));
  // A year inferred from the body before the first template (2019) in a report laid out in a template's tables
  // (`2016年度,全县公安机关…` opening section 一 above a table 二 of the 2021 form): a year the report is not of.
  const { year, yearSource } =
    read.yearSource === 'body' && template !== 'unknown' && read.year !== null && read.year < FIRST_TEMPLATE_YEAR
      ? { year: null, yearSource: null }
      : read;
  const named = signedName(title.agency ?? (signature.agency === null ? openingTitleAgency(titleBlock, lines) : null), signature.agency);
  // The body's organ, found once: the last source when nothing else names one, and a short name's full form.
  const bodyOnce = once(() => bodyAgency(lines, sections));
  // The page's metadata and the introduction's published title, each read once (up to three sources ask for them).
  const metadataOnce = once(() => metadataAgency(lines));
  const publishedOnce = once(() => publishedAgency(lines));
  const found =
    named === null
      ? (quotedTitleAgency(lines) ?? hostedAgency(lines, metadataOnce()) ?? metadataOnce() ?? bodyOnce())
      : // `市人民政府办公室` in the title, `现公开天门市人民政府办公室2025年…年度报告` in the introduction, or the page's
        // `来源:` naming it in full: the fuller name
        mergeAgency(mergeAgency(named, publishedOnce()), metadataOnce());
  // A place alone (`建新镇`) whose government the signature, the introduction's published title, the page's metadata, its
  // contact line or section 一's subject names (`遂溪县建新镇人民政府`): that name.
  const placed =
    found === null
      ? null
      : placeGovernment(found, () => [signature.agency, publishedOnce(), metadataOnce(), ...contactOrgans(lines)], sections);
  const agency = placed !== null && isShortName(placed) ? placedInFull(fullerName(placed, bodyOnce()), lines) : placed;

  const split = splitNarrative(sections);
  // A text cut outside its tables (in a heading, mid-sentence in its prose): only when no table is cut.
  const cut =
    (options.truncatedIn ?? null) === null
      ? findTextCut({ lines, headings, template, endLine: options.endLine, tablesFound: options.tablesFound ?? [] })
      : null;
  const findings = textFindings(template, headings, options.truncatedIn ?? null, cut, agency, year, yearSource, malformed);

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
    ...(cut === null ? {} : { cutSection: cut.section }),
  };
  rememberNarrative(text, split);
  return text;
}

// A site's menu as a list of short section names (`- 政策解读` … `- 项目中心`, probeI10 025), and a lone bar after it.
const MENU_ITEM = /^\s*[-*+•·]\s*[\u4e00-\u9fff]{2,10}\s*$/;
const MENU_BAR = /^\s*\|+\s*$/;
// Two items at least make a menu.
const MIN_MENU_ITEMS = 2;

/**
 * How many of the text's first lines are a site's menu above the article (`- 政策解读`, `- 经济发展`, …, `|`: items of a
 * few characters each, lone bars and blank lines between), 0 when it does not open on one. The report's first lines
 * (its title, its introduction) are those after it.
 */
export function pageMenuLength(lines: readonly string[]): number {
  let items = 0;
  let end = 0;
  for (const line of lines) {
    if (MENU_ITEM.test(line)) {
      items++;
    } else if (line.trim() !== '' && !MENU_BAR.test(line)) {
      break;
    }
    end++;
  }
  return items >= MIN_MENU_ITEMS ? end : 0;
}

/** The sections of a fixed-width text with its wrapped paragraphs joined (unwrap-lines.ts); others as they are. */
/** `compute`, run on the first call only: its result is kept for the next ones. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function unwrapped(sections: { id: SectionId | 'preamble'; lines: string[] }[]): { id: SectionId | 'preamble'; lines: string[] }[] {
  const width = wrapWidth(sections.length === 1 ? sections[0]!.lines : sections.flatMap((s) => s.lines));
  return width === undefined ? sections : sections.map((s) => ({ id: s.id, lines: unwrapLines(s.lines, width) }));
}

/** How many of `lines` come before the tables: all of them when no narrative line does (the title may follow). */
function titleLimit(lines: readonly Line[], beforeTables: number | undefined): number {
  if (beforeTables === undefined) {
    return lines.length;
  }
  let count = 0;
  while (count < lines.length && lines[count]!.index < beforeTables) {
    count++;
  }
  return count === 0 ? lines.length : count;
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
  const found = headingsNumbered(lines, template, false);
  // A report whose sections are all numbered `(一)总体情况` … (no `一、` heading at all): those are its
  // sections, each a STRUCT-HEADING notice for its numbering; two at least, so a list inside a page is none.
  if (found.length === 0) {
    const bracketed = headingsNumbered(lines, template, true);
    return bracketed.length >= 2 ? bracketed : found;
  }
  return found;
}

function headingsNumbered(lines: readonly Line[], template: DetectedTemplate, bracketed: boolean): FoundHeading[] {
  const found: FoundHeading[] = [];
  let next = 0;
  for (let position = 0; position < lines.length && next < SECTION_IDS.length; position++) {
    const match = matchSectionHeading(lines[position]!.text, template, next, bracketed);
    if (match !== null) {
      const heading =
        bracketed || match.numbered ? { position, match } : (numberedLater(lines, template, position, match) ?? { position, match });
      found.push(heading);
      next = heading.match.index + 1;
      position = heading.position;
    }
  }
  return found;
}

/**
 * The same section's heading numbered as the template numbers it (`二、主动公开政府信息情况`), when one follows a heading
 * that is not (`1、主动公开政府信息情况`, probeQ3 028: item 1 of section 一, items `2、依申请公开…` to `5、监督保障情况` after
 * it) before the next section's so numbered: that one is the section's heading, the first an item of the section before.
 */
function numberedLater(lines: readonly Line[], template: DetectedTemplate, from: number, first: SectionHeadingMatch): FoundHeading | null {
  for (let position = from + 1; position < lines.length; position++) {
    const match = matchSectionHeading(lines[position]!.text, template, first.index);
    if (match?.numbered) {
      return match.index === first.index ? { position, match } : null;
    }
  }
  return null;
}

function splitSections(
  lines: readonly Line[],
  headings: readonly FoundHeading[],
  skipped: ReadonlySet<number>,
): { id: SectionId | 'preamble'; lines: string[] }[] {
  const sections: { id: SectionId | 'preamble'; lines: string[] }[] = [{ id: 'preamble', lines: [] }];
  let current = sections[0]!;
  // Headings are in line order (findHeadings): the next one to meet, rather than a lookup per line.
  let next = 0;
  for (let position = 0; position < lines.length; position++) {
    const line = lines[position]!;
    const heading = headings[next];
    if (heading !== undefined && heading.position === position) {
      next++;
      current = { id: heading.match.id, lines: heading.match.rest === '' ? [] : [heading.match.rest] };
      sections.push(current);
    } else if (!skipped.has(line.index)) {
      current.lines.push(line.text);
    }
  }
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

// What follows the report's name in a notice about making the reports (`…年度报告有关事项的通知`, `…年度报告编制工作`).
const ABOUT_REPORTS = /^(?:的)?(?:有关|相关)?(?:事项|编制|发布|报送|填报|撰写|工作(?:的|有关|相关)?(?:事项|通知|方案|安排))/;

/** The longest second line of a title broken over two lines. A second line with a year is a title of its own (seed 003: the organ above it). */
const MAX_TITLE_TAIL = 12;
const SITE_STEPS = /^.*(?:门户网站|政府网站|信息公开年报|政务公开年报|公开年报)(?=[\u4e00-\u9fff]{3})/;

function readTitle(block: readonly Line[]): TitleReading {
  let yearless: TitleReading | null = null;
  let unnamed: TitleReading | null = null;
  let forwarded: TitleReading | null = null;
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!;
    if (NAVIGATION.test(line.text)) {
      // Another report's title in the page's links (`上一篇：某局2022年…`, `· 某局2021年…`): not this one's.
      continue;
    }
    // A covering letter's title (`武威市人民政府关于报送武威市2020年度政府信息公开工作年度报告的函`, probeI3 038): the report it
    // sends is named after its verb; the report's own title, when it follows, is preferred. (A letter sending a report that
    // names no organ, `某局关于报送2020年度…年度报告的函`, is read as a title: its sender is the organ.)
    const letter = line.text.length <= MAX_TITLE * 2 ? COVER_LETTER.exec(asciiDigits(line.text.replace(/\s+/g, ''))) : null;
    if (letter !== null) {
      const sent = readTitle([{ index: line.index, text: letter[1]! }]);
      if (sent.agency !== null) {
        forwarded ??= sent;
        continue;
      }
    }
    // A PDF's text run into one line: the title, then the report's first words (probeH8 028). The title is that line's
    // first words; the line stays the report's text.
    const head = titleHead(line.text);
    // `【2023】某局政府信息公开工作年度报告`: the year in brackets before the organ.
    // A page's layout table may trail the title with empty cells (`某局2023年…年度报告 | |||||…`).
    const compact = asciiDigits((head ?? line.text).replace(/\s+/g, ''))
      .replace(/^[【[〔（(](\d{4})(?:年度?)?[】\]〕）)]/, '$1年')
      // a school's academic year (`岭南师范学院2022-2023学年信息公开工作年度报告`): the year it ends in, as its period
      .replace(/(?<!\d)\d{4}[-—–~至](\d{4})学年/, '$1年')
      .replace(/(?<=[^|])\|+$/, '');
    // A title broken over two lines (`襄城区人社局2024年政府信息公开工作` / `年度报告`; a PDF breaks it
    // anywhere: `…工作年度` / `报告`, `…工作年度报` / `告`, `…政府信息公` / `开工作年度报告`) reads as one.
    const next = block[i + 1];
    const nextCompact = next === undefined ? '' : asciiDigits(next.text.replace(/\s+/g, ''));
    // (`红桥区人民政府办公室2024年` / `政府信息公开工作报告`, probeJ3 050: a title without 年度 is joined as well.)
    if (
      next !== undefined &&
      !namesAReport(compact) &&
      nextCompact.length <= MAX_TITLE_TAIL &&
      !/\d{4}/.test(nextCompact) &&
      namesAReport(compact + nextCompact)
    ) {
      // …with its year alone on the line below (`某局` / `政府信息公开工作年度报告` / `（2023年）`).
      const below = block[i + 2];
      const third = below !== undefined && YEAR_LINE.test(asciiDigits(below.text.replace(/\s+/g, ''))) ? below : undefined;
      const pair = { index: line.index, text: line.text + next.text };
      const joined = readTitle(third === undefined ? [pair] : [pair, third]);
      if (joined.agency !== null || joined.year !== null) {
        return { ...joined, lines: joined.lines.length > 1 ? [line.index, next.index, third!.index] : [line.index, next.index] };
      }
    }
    if (compact.length > MAX_TITLE || !namesAReport(compact)) {
      continue;
    }
    const after = TITLE_YEAR_AFTER.exec(compact) ?? TITLE_YEAR_INSIDE.exec(compact);
    const match = after === null ? TITLE.exec(compact) : [after[0], after[1], after[2], ''];
    if (match === null) {
      // A title without a year names the organ all the same, and its year may stand on the next line alone
      // (`（2023年度）`); a later title with a year in it is preferred.
      const organ: RegExpExecArray | null = yearless === null ? TITLE_WITHOUT_YEAR.exec(compact) : null;
      const agency: string = organ === null ? '' : cleanAgency(organ[1]!);
      const yearLine = next === undefined ? null : YEAR_LINE.exec(nextCompact);
      const year = yearLine === null ? null : Number(yearLine[1]);
      if (agency !== '' && isOrganName(agency)) {
        yearless = { agency, year, lines: year === null ? [line.index] : [line.index, next!.index], malformed: [] };
      } else if (organ !== null && year !== null) {
        yearless = { agency: null, year, lines: [line.index, next!.index], malformed: [] };
      }
      continue;
    }
    if (ABOUT_REPORTS.test(compact.slice(match[0]!.length))) {
      // `某市人民政府办公室关于做好2009年度政府信息公开工作年度报告有关事项的通知`: a notice about the reports, not one.
      continue;
    }
    const [, written = '', yearText = '', between = ''] = match;
    // A breadcrumb written with spaces (`梅州市人民政府门户网站 某局 政府信息公开年报 某局2023年度…`): its steps up to
    // the site and the column are no part of the organ.
    const before = /\s/.test(line.text.trim()) ? written.replace(SITE_STEPS, '') : written;
    const year = yearText.length === 4 ? (parseCount(yearText) ?? null) : null;
    const malformed = year === null ? [`${yearText}年`] : [];
    // `双峰山2020政府信息公开工作年度报告` (probeI7 032): a year written without 年 runs into the words before it, which
    // name the organ only when they are an organ's or a place's name (else the lines around the title are asked).
    const bareYear = after === null && compact[written.length + yearText.length] !== '年';
    // `宣城市2021年气象局政府信息公开…`: the year inside the organ's name.
    // `海关总署2010年海关信息公开…`: an organ before the year is whole; the words after it are the title's.
    const inside =
      before !== '' &&
      between !== '' &&
      between.length <= 12 &&
      !isOrganName(cleanAgency(before)) &&
      isOrganName(cleanAgency(before) + between);
    let agency = organOfSentence(cleanAgency(before === '' ? between : inside ? before + between : before));
    if (agency === '' && before !== '' && between !== '') {
      // `…要求,现特向社会公布2024年合水镇人民政府信息公开…`: the sentence's last clause is its verb; the organ follows the year.
      const named = organOfSentence(cleanAgency(between));
      agency = isOrganName(named) || isOrganName(`${named}政府`) ? named : '';
    }
    if (agency.endsWith('人民') && compact.includes(`${agency}政府信息公开`)) {
      // `2021年弋江镇人民政府信息公开工作年度报告`: 政府 is the organ's, not the title's.
      agency += '政府';
    }
    if (
      GAMBLING.test(agency) ||
      /^(?:[)）\]】」』]|以及|我|该)/.test(agency) ||
      THIS_ORGAN.test(agency) ||
      (bareYear && !isOrganName(agency) && placeIn(agency) === null)
    ) {
      // `beat365官方网站大全_…彩票…人民政府`, `澳門賭場`: a mirror's spam where the organ was; `)以及` of `…(以下简称《条例》)以及2018年度…年度报告编制`: what is left of a sentence. No name.
      agency = '';
    }
    const lines = head === null ? [line.index] : [];
    // A two-line title: the organ on its own line above `2023 年政府信息公开工作年度报告` (seed 003).
    const previous = block[i - 1];
    // (A line that names no organ — a mirror's banner `环球国际` over a title its spam emptied — is none.)
    if (agency === '' && previous !== undefined && isOrganLine(previous.text) && namesOrgan(jointOrgan(previous.text))) {
      agency = jointOrgan(previous.text);
      lines.unshift(previous.index);
    } else if (agency === '' && next !== undefined && isOrganLine(next.text) && isOrganNameWithAlias(jointOrgan(next.text))) {
      // …or below it: a title repeated on every page is put first, above its organ's line (running-headers.ts), or a
      // title naming none is followed by its organ's line (`武昌经开区(滨江)管委会`, probeI7 049: another name in brackets).
      agency = jointOrgan(next.text);
      lines.push(next.index);
    }
    if (agency === '') {
      // A site's heading (`2020年信息公开年报`) may stand above the report's own title: a later title that
      // names the organ is the report's.
      unnamed ??= { agency: null, year, lines, malformed };
      continue;
    }
    // `2020年高新区(新市区)政府信息公开工作年度报告` (probeQ6 025): the place and 政府信息公开, or the place's 政府 and 信息公开 —
    // another title line of the same year naming `高新区(新市区)政府` decides it.
    const government =
      before === '' && !agency.endsWith('政府') && compact.includes(`${agency}政府信息公开`)
        ? titleNaming(block, i, `${agency}政府`, year)
        : null;
    const full = government ?? (isShortName(agency) ? fullTitleBelow(block.slice(i + 1), agency, year) : null);
    return full === null ? { agency, year, lines, malformed } : { agency: full.agency, year, lines: [...lines, full.index], malformed };
  }
  return forwarded ?? unnamed ?? yearless ?? { agency: null, year: null, lines: [], malformed: [] };
}

/**
 * The page's short title above its full one (`区退役军人事务局2022年…年度报告` / `发布日期:…` / `广州市越秀区退役军人事务局2022年…年度报告`,
 * probeP5 026): a later title of the same year naming the same organ in full (fullerName's test) completes the short name.
 */
function fullTitleBelow(below: readonly Line[], short: string, year: number | null): { agency: string; index: number } | null {
  for (const line of below) {
    if (NAVIGATION.test(line.text)) {
      continue;
    }
    const later = readTitle([line]);
    const full = later.agency;
    if (
      full !== null &&
      later.year === year &&
      full !== short &&
      // (an organ's name, not a metadata row holding the title: `文件下载 宿迁市2017年…`, `索引号 … 发文字号 某街道2023年度…`)
      isOrganName(full) &&
      (!full.endsWith(short) || completesName(full.slice(0, full.length - short.length), short)) &&
      fullerName(short, full) === full
    ) {
      return { agency: full, index: line.index };
    }
  }
  return null;
}

/** Another line of the title block (not `except`) that is a title of `year` naming `organ`. */
function titleNaming(block: readonly Line[], except: number, organ: string, year: number | null): { agency: string; index: number } | null {
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!;
    if (i !== except && !NAVIGATION.test(line.text) && line.text.includes(organ)) {
      const other = readTitle([line]);
      if (other.agency === organ && other.year === year) {
        return { agency: organ, index: line.index };
      }
    }
  }
  return null;
}

/** Whether a line has the words a report's title ends in. */
function namesAReport(compact: string): boolean {
  return (
    compact.includes('年度报告') ||
    compact.includes('年报') ||
    compact.includes('公开工作报告') ||
    compact.includes('年度工作报告') ||
    // `兴华乡2010年政府信息公开报告`
    compact.endsWith('信息公开报告')
  );
}

// `本单位`, `本机关`, `本局`, `本年度`: 本 as "this", what is left of a sentence — not the place 本溪 (`本溪市财政局2023年…`,
// `本溪高新技术产业开发区管理委员会2023年…`, probeI7 006).
const THIS_ORGAN = /^本(?:单位|机关|行政机关|部门|系统|公司|局|委|办|厅|院|中心|所|站|队|馆|级|镇|乡|街道|街|区|县|市|省|报告|年|次)/;

/**
 * An organ's line as one name, spaces dropped. A zone's party working committee and its administrative committee
 * signing together (`双峰山旅游度假区工委 管委会`, probeI7 032) name the administrative committee, which reports.
 */
function jointOrgan(text: string): string {
  const compact = text.replace(/\s+/g, '');
  const joint = /^(.{2,}?)(?:党)?工委[、]?(管委会|管理委员会)$/.exec(compact);
  return joint !== null && /(?:工委\s|工委、)/.test(text) ? joint[1]! + joint[2]! : compact;
}

/** An organ's name, or one with another name of it in brackets inside (`武昌经开区(滨江)管委会`, probeI7 049). */
function isOrganNameWithAlias(text: string): boolean {
  return (
    isOrganName(text) ||
    (/^[^（()）]+[（(][\u4e00-\u9fff]{1,12}[）)][^（()）]+$/.test(text) && isOrganName(text.replace(/[（(].*[）)]/, '')))
  );
}

/** A covering letter sending a report (`某市人民政府关于报送某市2020年度…年度报告的函`): the report's title after its verb. */
export const COVER_LETTER = /^[^《》，,。；;]*?关于(?:报送|上报|呈报|报)([^《》，,。；;]+?(?:年度报告|年报))的?(?:函|请示|报告)$/;

/**
 * The title a line too long to be one starts with, before a space and the report's first words
 * (`生态环境部2018年度政府信息公开工作报告 2018年,生态环境部以…`); null for any other line.
 */
function titleHead(text: string): string | null {
  const head = /^(\S+)\s+\S/.exec(text.trim())?.[1];
  return head !== undefined && text.replace(/\s+/g, '').length > MAX_TITLE && head.length <= MAX_TITLE && TITLE_HEAD.test(head)
    ? head
    : null;
}
// A title from its organ's name to the report's (not a page's JSON around it: `{"q":"某局2024年…年度报告`).
const TITLE_HEAD = /^[\u4e00-\u9fff].*(?:年度报告|年度工作报告|年报|公开工作报告|信息公开报告)$/;

// The verb of a sentence that publishes or makes the report (`现将`, `现公开`, `特编制并向社会公布`, `编写`, `编制形成`): the
// organ follows it.
const PUBLISHING_VERB =
  '(?:现将|现公布|现公开|现予公布|现编制|(?:现特?|特)向社会(?:公布|公开|发布)|公布|特编制|编制(?:形成|完成)?|编写)了?(?:并?(?:向社会)?公布)?';
const PUBLISHING_VERB_FIRST = new RegExp(`^${PUBLISHING_VERB}`);

// Brand names mirror sites inject into the text (`新葡京博彩官网`, `中国福彩app官方下载`): never part of a name.
const SPAM =
  /(?:新葡京|葡京|明升|澳门|威尼斯人|金沙)?[\u4e00-\u9fff]{0,3}?(?:博彩|福彩|彩票|体育|娱乐|棋牌)(?:app|APP)?(?:官网|官方下载|官方网站|平台|下载|备用网址|网址|直播)/g;

// A mirror's gambling brand put where the organ's name was (`澳門賭場办公室`, `美高梅娱乐城办公厅`): no name at all.
// 开云 is a real place too (衡山县开云镇, its 开云新区, probeP4 006): a brand only with the words of its trade after it.
const GAMBLING =
  /赌场|賭場|博彩|彩票|娱乐城|娛樂城|娱乐场|娛樂場|菠菜|棋牌|百家乐|百家樂|葡京|威尼斯人|美高梅|开云(?:体育|官方|平台|网址|登录|登陆|注册|入口|电竞|游戏|下载|手机|全站|真人|[a-zA-Z])|开云[^，,。；;]{0,8}娱乐|官网|官方网站|老虎机/;

// The separators of a web page's breadcrumb (`当前位置：首页 > 政务公开 > 年报 > 某局2023年…`), shared by the
// three tests below that recognise one.
const BREADCRUMB_SEPARATORS = '>＞›»→';
// A breadcrumb before the title: the organ is in its last step.
const BREADCRUMB = new RegExp(`^.*[${BREADCRUMB_SEPARATORS}]`);

// `湛江海关关区`: a customs office's district (关区) is the customs office's (probeI4 035).
const CUSTOMS_DISTRICT = /(?<=海关)关区$/;

// A short bracketed tag before a title's organ (`【图文】`, `[视频]`, `［图解］`, `〔原创〕`), the organ's name following it.
const TITLE_TAG = /^[【[［〔]([\u4e00-\u9fff]{1,4})[】\]］〕](?=[\u4e00-\u9fff]{2})/;

function cleanAgency(text: string): string {
  return (
    withoutLatinPrefix(text)
      .replace(SPAM, '')
      .replace(BREADCRUMB, '')
      // page metadata: `标题:`, `| 标题: | 某局2025年…`, `名称 某街道办事处2023年…`, `信息名称 2018年某区…` (spaces already gone)
      .replace(/^\|*(?:信息|文件|文章)?(?:标题|题目|名称)[:：]?\|*/, '')
      // a title in a layout table's cell (`| 天津东疆…管理委员会2025年…年度报告 |`)
      .replace(/^\|+/, '')
      // a site's tag before the title (`【图文】嘉兴市市场监督管理局2022年度…`, probeL4 033; `[视频]`, `〔图解〕`), whole — not a name
      // in brackets (`【某局】2023年…`: what follows is no name then)
      .replace(TITLE_TAG, (tag: string, word: string) => (isOrganName(word) || BARE_PLACE.test(word) ? tag : ''))
      // a flipbook viewer's page title: `Page 8 - 某局2022年…年度报告`
      .replace(/^Page\d+[-–—]/i, '')
      // a stray year without 年 before the organ: `2025湖口县大垅乡2025年度…` (probeI6 048)
      .replace(/^(?:19|20)\d{2}(?=[\u4e00-\u9fff])(?!年)/, '')
      // `关于印发某局2023年度政府信息公开工作年度报告的通知`: the organ follows the verb.
      .replace(/^关于(?:印发|公布|发布|公开|报送|上报)?/, '')
      .replace(PUBLISHING_VERB_FIRST, '')
      // (a name never ends in a quotation mark, opening or closing: `2024年北京市“政府信息公开工作年度报告”集中公开专题页面`,
      // probeJ3 004; a 《 opening a quoted title is left for organOfSentence, which cuts the sentence there)
      .replace(/^[《“"「【]+|[》“”"「」【】]+$/g, '')
      // `泉州市丰泽区教育局关于印发 2025年…年度报告的通知`: the covering notice's organ, before its verb
      .replace(/关于(?:印发|公布|发布|公开|报送|上报)?$/, '')
      // `由北京市卫生局编制的2008年度…年度报告`: the organ that made it (not its office: `由某局办公室编制的…`).
      .replace(/^由(.{2,30}?)(?:编制|制作|发布)的?$/, (_, organ: string) => compilingOrgan(organ))
      // `某局编制了2022年…年度报告`: the organ that made it.
      .replace(/(.{3})(?:组织)?编制了$/, '$1')
      // `…公布某局2014年度政府信息公开年度报告`, read after an earlier year of the sentence: the year is the title's
      .replace(/\d{4}年度?$/, '')
      .replace(CUSTOMS_DISTRICT, '')
      .replace(DOUBLED_PLACE, '$1')
      .trim()
  );
}

/**
 * A mirror's injected brand before the organ (`uedbet体育_uedbet官网@:西柳镇人民政府`): everything up to the last run
 * of Latin letters and marks that a Chinese character follows goes (Latin letters at a name's end stay: `测试机关edu`).
 */
function withoutLatinPrefix(text: string): string {
  return /[A-Za-z]/.test(text) ? text.replace(/^.*[A-Za-z_@:：]+(?=[\u4e00-\u9fff])/, '') : text;
}

/**
 * The organ a sentence naming the report ends on (`根据《…》要求，现公布某街道办事处` + `2019年…年度报告`): the
 * words after its last punctuation, cleaned again — a title's organ has no sentence around it.
 */
function organOfSentence(agency: string): string {
  let cut = -1;
  for (let i = agency.length - 1; i >= 0 && cut < 0; i--) {
    if (SENTENCE_PUNCTUATION.test(agency[i]!) || agency[i] === '》' || agency[i] === '《') {
      cut = i;
    }
  }
  return cut < 0 ? agency : cleanAgency(agency.slice(cut + 1));
}

/** A line above a title names its organ when it is an organ's name or opens with a place's (`城口县人民政府机关`). */
function namesOrgan(text: string): boolean {
  return isOrganName(text) || /^[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|旗|州|盟)/.test(text);
}

/**
 * A line that is an organ's name alone, as the first line of a title broken over two (`衡阳市国资委` above
 * `2019年度政府信息公开年度报告`): readTitle reads the organ from it when the title below names none.
 */
export function isTitleOrganLine(text: string): boolean {
  const line = plainLine(text);
  return isOrganLine(line) && namesOrgan(jointOrgan(line));
}

/**
 * A line that can only be an organ's name: no digits, no sentence punctuation, short, and not a page's
 * breadcrumb (`首页 > 政务公开 > 政府信息公开年报` above a title that names no organ).
 */
function isOrganLine(text: string): boolean {
  return (
    text.length <= MAX_SIGNATURE_AGENCY &&
    // a cover's Latin line (`GOVERNMENT INFORMATION`) names no organ
    /[\u4e00-\u9fff]/.test(text) &&
    !/[A-Za-z]{2,}/.test(text) &&
    !/\d/.test(asciiDigits(text)) &&
    !SENTENCE_PUNCTUATION.test(text) &&
    !BREADCRUMB_STEP.test(text)
  );
}

// A breadcrumb's separators, or its first step.
const BREADCRUMB_STEP = new RegExp(`[${BREADCRUMB_SEPARATORS}]|首页`);

// A title block's line opening as a title does, its last words garbled (`昌图县七家子镇2023年政府信息公开 工作告年度报`,
// probeI8 024): the organ before the year.
const TITLE_OPENING = /^([^\d]{3,30}?)(20\d{2})年度?(?:政府|政务)?信息公开/;
// The organ's word and how the text speaks as it (`我镇`).
const VOICE_OF: readonly (readonly [RegExp, string])[] = [
  [/镇(?:人民政府)?$/, '我镇'],
  [/乡(?:人民政府)?$/, '我乡'],
  [/街道(?:办事处)?$/, '我街道'],
  [/局$/, '我局'],
  [/(?:委|委员会)$/, '我委'],
];

/**
 * The organ of a title block's line that opens as a title but ends in garbled words, when the report speaks as
 * that organ (`我镇` for `…七家子镇`): never read when it names another kind of organ or the text speaks otherwise.
 */
function openingTitleAgency(block: readonly Line[], lines: readonly Line[]): string | null {
  const spoken = new Set(lines.flatMap((l) => [...l.text.matchAll(/我(?:镇|乡|街道|局|委)/g)].map((m) => m[0])));
  if (spoken.size !== 1) {
    return null;
  }
  for (const line of block) {
    const compact = asciiDigits(line.text.replace(/\s+/g, ''));
    const match = compact.length <= MAX_TITLE && !SENTENCE_PUNCTUATION.test(compact) ? TITLE_OPENING.exec(compact) : null;
    const organ = match === null ? '' : cleanAgency(match[1]!);
    const voice = VOICE_OF.find(([word]) => word.test(organ))?.[1];
    if (voice !== undefined && spoken.has(voice) && isOrganName(organ)) {
      return organ;
    }
  }
  return null;
}

interface SignatureReading {
  readonly date: StatedDate | null;
  readonly agency: string | null;
  readonly lines: readonly number[];
}

/** The last line that is a date, and the organ line before it (§6.4). */
const NUMERIC_DATE_LINE = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/;

function readSignature(lines: readonly Line[]): SignatureReading {
  for (let position = lines.length - 1; position >= 0; position--) {
    const line = lines[position]!;
    // A date line and an organ-and-date line both end in 日 (spaces aside): any other line is neither —
    // but for a signature dated by month only (`2024年1月`), which names its organ all the same.
    const end = line.text.trimEnd();
    const monthOnly = end.endsWith('月') && YEAR_MONTH.test(asciiDigits(end.replace(/\s+/g, '')));
    // …or a date written with hyphens, dots or slashes alone on its line (`2024-01-19`, `2024.1.19`).
    const numeric = NUMERIC_DATE_LINE.exec(asciiDigits(end.trim()));
    if (!end.endsWith('日') && !monthOnly && numeric === null) {
      continue;
    }
    if (numeric !== null && PUBLICATION_LABEL.test(lines[position - 1]?.text ?? '')) {
      continue; // `• 发布日期` / `2022-02-19` (probeJ4 044): the page's publication date, no 落款 (rule 9 reads the signature's)
    }
    const date = numeric !== null ? statedDate(numeric[0], numeric[1]!, numeric[2]!, numeric[3]!) : monthOnly ? null : lineDate(line.text);
    if (date === null && !monthOnly) {
      const together = organAndDate(line.text);
      if (together !== null) {
        return { ...together, lines: [line.index] };
      }
      continue;
    }
    const previous = lines[position - 1];
    const organ = previous === undefined ? '' : withoutSeal(jointOrgan(previous.text));
    if (previous !== undefined && organ !== '' && isOrganLine(organ)) {
      return { date, agency: organ, lines: [previous.index, line.index] };
    }
    if (date !== null) {
      return { date, agency: null, lines: [line.index] };
    }
  }
  return { date: null, agency: null, lines: [] };
}

// A web page's metadata label for when it was published, on the line before its date.
const PUBLICATION_LABEL = /^[\s•·●\-*]*(?:发布|公布|发表|更新|上传)(?:日期|时间)\s*[:：]?\s*$/;

// `2024年1月`, `二〇二四年一月`: a signature dated by month only.
const YEAR_MONTH = /^(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月$/;
// The seal's place after the organ's name (`某局（盖章）`): no part of the name.
const SEAL = /[（(](?:盖章|印章|章|公章|签章|代章|盖公章)[)）]$/;

function withoutSeal(text: string): string {
  return text.replace(SEAL, '');
}

const ORGAN_SUFFIX = /(?:局|委|办|厅|府|院|会|部|处|室|所|中心|站|队|馆|署|区|县|市|镇|乡|街道|公司|集团)$/;
const ORGAN_THEN_DATE = /^([^\d]{2,30}?)(\d{4}年\d{1,2}月\d{1,2}日)$/;

/** A signature on one line: `黄石市民政局 2024年1月19日`, `某局 二〇二四年一月十九日`. */
function organAndDate(text: string): { date: StatedDate; agency: string } | null {
  // `六、其他需要报告的事项无 平潭综合实验区公安局 2020年1月17日`: section 六's 无 run into the signature is no part of it.
  const compact = asciiDigits(text.replace(/^(?:无|暂无|没有)[。.]?\s+(?=\S)/, '').replace(/\s+/g, ''));
  if (compact.length > 50 || !compact.endsWith('日')) {
    return null;
  }
  const match = ORGAN_THEN_DATE.exec(compact);
  // The date in Chinese numerals: its year is the four characters before the last 年.
  const year = match === null ? compact.lastIndexOf('年') - 4 : -1;
  const organ = match !== null ? match[1]! : year >= 2 ? compact.slice(0, year) : '';
  const dateText = match !== null ? match[2]! : year >= 2 ? compact.slice(year) : '';
  const agency = withoutSeal(organ);
  // Only an organ's name may stand before the date: `截至2023年12月31日` is a sentence, not a signature.
  if (agency === '' || !isOrganLine(agency) || !ORGAN_SUFFIX.test(agency)) {
    return null;
  }
  const date = lineDate(dateText);
  return date === null ? null : { date, agency };
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
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.includes('统计') || PERIOD_WORDS.test(text)) {
      const sentences = splitSentences(text);
      // A sentence a fixed-width text wraps onto the next line (`…统计期限自 2012 年 1 月 1 日起,至` / `2012年12月31日止。…`,
      // probeI4 008): its end is that line's first sentence.
      const next = lines[i + 1];
      if (next !== undefined && sentences.length > 0 && !SENTENCE_CLOSED.test(text)) {
        sentences.push(sentences.at(-1)! + (splitSentences(next.text)[0] ?? ''));
      }
      for (const sentence of sentences) {
        const period = sentence.includes('统计') || statesThePeriod(sentence) ? findPeriod(sentence) : null;
        if (period !== null) {
          return period;
        }
      }
    }
  }
  return null;
}

// A line ending its last sentence (a wrapped one ends mid-sentence).
const SENTENCE_CLOSED = /[。！？；!?;]\s*$/;

// A sentence stating the period without 统计: `起止時間為2020年1月1日至12月31日` (a converted text may keep a reading in
// brackets: `起止时(shí)间`), `内容涵盖…2022年1月1日至12月31日期间的政府信息公开工作情况`.
// `本报告所列数据为2020年1月1日至2020年12月31日`: the report's data are of the period.
const PERIOD_WORDS = /起止(?:时|日期)|涵盖|覆盖|报告(?:中)?所列数据/;

function statesThePeriod(sentence: string): boolean {
  return /起止(?:时|日期)|报告(?:中)?所列数据/.test(sentence) || (/涵盖|覆盖/.test(sentence) && /(?:信息公开|政务公开)工作/.test(sentence));
}

/** The first report year of a template (国办公开办函〔2019〕60号). */
const FIRST_TEMPLATE_YEAR = 2019;
const BODY_YEAR = /(?<!\d)(\d{4})年/g;
const BODY_YEAR_MIN = 3;

function readYear(
  titleYear: number | null,
  period: StatedPeriod | null,
  signature: StatedDate | null,
  sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[],
  intro: readonly Line[],
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
  // The introduction making or publishing the report under its own title (`现发布《蒙城县工业和信息化局2024年政府信息公开
  // 工作年度报告》`, probeI1 042; unquoted, `現公布廣東省人民政府2022年政府信息公開工作年度報告。`, probeQ5 002) names its
  // year, which section 一 may outnumber with another (`2025年以来收录…`): the report's title as the text states it, no
  // year inferred from the body.
  const titled = soleYear([...ownQuotedTitleYears(intro), ...ownPublishedTitleYears(intro)].map(String));
  if (titled !== null) {
    return { year: titled, yearSource: 'introduction' };
  }
  // The introduction reporting the year's work (`现就2020年政务公开年度工作情况报告如下`) names the report's year, which
  // section 一 may outnumber with the year before (`2019年…` of earlier cases).
  for (const line of intro) {
    const reported = REPORTED_AS_FOLLOWS.exec(asciiDigits(line.text));
    if (reported !== null) {
      return { year: Number(reported[1]), yearSource: 'body' };
    }
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
  // The introduction names the report (`现将2020年政府信息公开工作报告如下`), or section 一 opens on the year.
  for (const line of intro) {
    const named = INTRO_YEAR.exec(asciiDigits(line.text));
    if (named !== null) {
      return { year: Number(named[1]), yearSource: 'body' };
    }
  }
  const firstOfOverview = overview?.lines.find((l) => l.trim() !== '');
  const introOpenings = intro
    .filter((l) => !PAGE_LINE.test(l.text))
    .slice(0, 5)
    .map((l) => l.text);
  // Section 一's first line, then the introduction's (`2023年,杭州市人力资源和社会保障局根据《…》…编制` above an overview
  // opening on the organ).
  const openings = firstOfOverview === undefined ? introOpenings : [firstOfOverview, ...introOpenings];
  for (const opening of openings) {
    const first = openingYear(asciiDigits(opening.trim()));
    if (first !== null) {
      return { year: Number(first[1]), yearSource: 'body' };
    }
  }
  const overviewLines = overview?.lines ?? [];
  const year =
    // Section 一's parts open on the year (`(二)主动公开情况` / `2025年,我委主动公开…`): one year among them.
    soleYear(
      overviewLines.flatMap((line) => {
        const first = openingYear(asciiDigits(line.trim()).replace(SUB_HEADING_LEAD, ''));
        return first === null ? [] : [first[1]!];
      }),
    ) ??
    // Section 一 states where the year's figures end (`截止2023年12月31日我局…发布…34条`).
    soleYear(overviewLines.flatMap((line) => [...asciiDigits(line).matchAll(YEAR_END)].map((m) => m[1]!))) ??
    // A clause of section 一 opening on the year after a sentence's first words, its count following (`(一)主动公开方面。认真
    // 贯彻落实…,坚持依法公开,2022年,我局在…网站主动公开信息416条`, probeI8 007): one year among such clauses.
    soleYear(overviewLines.flatMap((line) => [...asciiDigits(line).matchAll(CLAUSE_YEAR)].map((m) => m[1]!))) ??
    // The line some 2019 forms print under table 二 (`2020年本行政区域(或本部门)政府信息公开发布总数量(非新闻类、消息类):2条`,
    // probeI3 023): the year its count is of, when nothing else states one.
    soleYear(
      sections.flatMap((section) =>
        section.lines.flatMap((line) => {
          const total = TABLE2_TOTAL_LINE.exec(asciiDigits(line.replace(/\s+/g, '')));
          return total === null ? [] : [total[1]!];
        }),
      ),
    );
  if (year !== null) {
    return { year, yearSource: 'body' };
  }
  return { year: null, yearSource: null };
}

/** The one year the matches give (as a number), or null when they give none or several. */
function soleYear(years: readonly string[]): number | null {
  const distinct = new Set(years);
  return distinct.size === 1 ? Number([...distinct][0]) : null;
}

// `2020年本行政区域(或本部门)政府信息公开发布总数量…:2条`: the year, the area or organ, the year's count of what it published.
const TABLE2_TOTAL_LINE =
  /^\|?(20\d{2})年度?(?:本行政区域|本部门|本地区|本单位|本机关)[^。；;，,]{0,12}?(?:政府|政务)?信息(?:公开)?(?:发布|公开)总数量/;

// A clause opening on a year and a comma, then the organ's count of the year in the same sentence (`,2022年,我局…公开信息
// 416条`); not `2018年以来` (a span of years) nor a year inside a clause (`较2021年增加`). A part's heading and a space open
// it too, where a page's line breaks became spaces (`(一)主動公開情況 2025年,開平市…主動公開政府信息67條`, probeQ1 021).
const CLAUSE_YEAR =
  /(?:[，,；;。]|[（(][一二三四五六七八九十]{1,3}[）)][\u4e00-\u9fff]{2,20}\s+)(20\d{2})年度?[，,][^。；;！？!?]*?(?<![\d.第])\d+\s*[余多]?\s*[条件篇]/g;

/**
 * The year of the report's own title as the introduction quotes it when making or publishing the report
 * (`现发布《某局2024年政府信息公开工作年度报告》`, `我镇认真编制了《田黄镇2020年…年度报告》`): the 《 right after a verb
 * of making, the title ending with the report's name, no 关于 or inner 〈〉 in it (not a cited notice about the
 * year's reports). Every year such titles name (the caller takes one only when they agree).
 */
function ownQuotedTitleYears(intro: readonly Line[]): Set<number> {
  const years = new Set<number>();
  for (const line of intro) {
    const text = asciiDigits(line.text);
    if (!text.includes('《')) {
      continue;
    }
    for (const match of text.matchAll(QUOTED_OWN_TITLE)) {
      const before = text.slice(0, match.index).trimEnd();
      if (MAKES_REPORT.test(before) && !match[1]!.includes('关于')) {
        years.add(Number(match[2]));
      }
    }
  }
  return years;
}

/**
 * The years of the report's own title as the introduction presents it unquoted (`现公布廣東省人民政府2022年政府信息公開工作
 * 年度報告`, probeQ5 002): a verb presenting it now (现/特, not a report merely published: `公布了…`), an organ's or a
 * place's name (what publishedAgency reads), then the year and the report's name.
 */
function ownPublishedTitleYears(intro: readonly Line[]): Set<number> {
  const years = new Set<number>();
  for (const line of intro) {
    if (!line.text.includes('年度报告')) {
      continue;
    }
    for (const match of asciiDigits(line.text).matchAll(PRESENTED_OWN_TITLE)) {
      const phrase = match[1]!.replace(/\s+/g, '');
      if (organIn(phrase) !== null || placeIn(phrase) !== null) {
        years.add(Number(match[2]));
      }
    }
  }
  return years;
}
// `现公布某局2022年政府信息公开工作年度报告`, `特编制并向社会公布某县人民政府2021年…年度报告`: the organ before the year.
const PRESENTED_OWN_TITLE =
  /(?:现将|现公布|现公开|现予公布|现发布|现编制|(?:现特?|特)向社会(?:公布|公开|发布)|特编制)(?:并?(?:向社会)?公布)?([^，,。；;:：《》“”\d]{2,30}?)(20\d{2})年度?(?:政府|政务)?信息公开(?:工作)?年度报告/g;
// A report's title in 《…》: `《某局2024年政府信息公开工作年度报告》`, `《2020年度某县水务局信息公开工作年度报告》`.
const QUOTED_OWN_TITLE = /《([^《》〈〉<>]{0,40}?)(20\d{2})年度?[^《》〈〉<>\d]{0,40}?(?:政府|政务)?信息公开(?:工作)?年度报告》/g;
/**
 * A verb of making or publishing right before the report's title (`编制了《…》`, `现发布《…》`). A bare 发布 or 公布 may
 * report last year's report published (`及时发布《…》`): only with 现 or 特 before it.
 */
export const MAKES_REPORT = /(?:(?:编制|编写|撰写|形成|完成)(?:完成|了)?|(?:现|特|特此)(?:发布|公布))$/;

// `截至2023年12月31日`, `截止到2023年底`: the day a year's figures are counted to.
const YEAR_END = /截[至止](?:到)?(20\d{2})年(?:12月31日|底|末)/g;

// A part's heading at the start of a line of section 一, up to its first full stop or colon when it runs on
// (`(一)主动公开信息情况。本年度…`).
const SUB_HEADING_LEAD = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}是)[^。：:\d]{0,30}[。：:]\s*/;

// A web page's lines above an article (breadcrumb, tool bar, publication and share lines): never its opening.
const PAGE_LINE = new RegExp(
  `^(?:当前位置|您的位置|您现在的位置|首页|【|\\[|分享到|扫一扫|发布时间|发布日期|来源|浏览次数|字体)|[${BREADCRUMB_SEPARATORS}]`,
);
const REPORTED_AS_FOLLOWS = /(?:现将|现就|现把|特将)(20\d{2})年度?[^。，,；;《》\d]{0,24}?(?:报告|年报)如下/;
const INTRO_YEAR = /(?<!\d)(20\d{2})年度?[^。，,；;《》]{0,24}?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报|情况|工作)/;
const OPENING_YEAR = /^(20\d{2})\s?年度?(?:[，,]|以来|我|[^\d。，,]{0,8}(?:共|受理|收到|主动|发布|公开|主動|發布))/;
// The year run straight into the sentence's subject (`2023年荔湾区退役军人事务局高度重视…`, probeP5 027), as `2023年,荔湾区…`
// opens it (rule 34 reads `2022年我单位…` so, fixJ): `本` + an organ's word, or an organ's name the sentence opens on.
const YEAR_RUN_INTO = /^(20\d{2})年度?(?=[\u4e00-\u9fff])/;
const YEAR_THEN_OWN = /^(20\d{2})年度?(?=本(?:单位|机关|部门|局|委|办|厅|院|中心|站|所|馆|署|会|县|区|市|镇|乡|街道|旗|街))/;

/** The year section 一's sentence opens on (OPENING_YEAR), or the year run into its subject (`2023年某局高度重视…`). */
function openingYear(text: string): RegExpExecArray | null {
  const first = OPENING_YEAR.exec(text) ?? YEAR_THEN_OWN.exec(text);
  if (first !== null) {
    return first;
  }
  const run = YEAR_RUN_INTO.exec(text);
  const subject = run === null ? null : subjectOf(text.replace(SPAM, ''));
  return subject !== null && text.startsWith(subject, run![0].length) ? run : null;
}

// ---------------------------------------------------------------- agency beyond title and signature

// Page metadata of a web page (`发布机构: 平潭综合实验区管委会办公室`, `来源:洪江区交通运输局 发布时间:…`), anywhere
// in a line of several fields (`索引号：… 发布机构：某局 生成日期：…`, `| 索引号 | … | 发布机构 | 某局 |`).
// A form's `单位: 东阳市自然资源和规划局 2023年度` above its table (probeI6 036) names it too, with its colon. A field written in
// traditional characters on a page read as it is (`發布單位:桂林市人民政府`, probeL1 019) is the same field.
const METADATA_AGENCY =
  /(?:^|[\s|\d])(?:(?:发布机构|發布機構|发文机关|發文機關|发文单位|發文單位|发布单位|發布單位|发布部门|發布部門|公开责任部门|公開責任部門|责任部门|責任部門|信息来源|信息來源|資訊來源|文章来源|文章來源|来源|來源)\s*[:：]?|(?:填报|填報)?(?:单位|單位)\s*[:：])\s*\|?\s*([^\s|:：]{2,30})/g;
// A park a page's metadata names as the publishing organ (`发文机关: | 冷水滩区高科园 |`, probeI7 041): a zone like 园区.
const PARK = /^[\u4e00-\u9fff]{2,20}(?:高科|科技|高新|科创|产业|工业|物流|创业|软件|农业)园$/;
const ORGAN_NAME =
  /(?:局|委员会|委|联合会|联合社|协会|总会|工会|红十字会|办公室|研究室|参事室|人民政府|政府|管委会|办事处|街道|镇|乡|中心|(?<!大)厅|院|所|站|队|馆|海关|(?<!部)署|(?<![干支内外全局细本各])部|管理区|园区|开发区|新区|实验区|试验区|示范区)$/;
// Not a name: a generic one (`我局`), or a clause that opens with a verb or an adverb and merely ends in an organ's
// word (`持续优化区政府`, `针对政府`, `多次召开会议专题研究部署`: real pages naming no agency), or on 其中 (`其中在某局门户网站
// 上发布了…`, probeJ3 038: a clause of a sentence, not its subject).
const GENERIC_ORGAN =
  /^(?:我|本|各|全|该|原创|区委|县委|市委|度|年|其中|通过|经过|依托|利用|以|在|对|向|将|按|为|于|从|和|及|因|未|并|安排|负责|涉及|发生|由于|会同|联合|督促|指导|要求|协调|配合|收到|受理|办理|接到|接收|相关|持续|多次|针对|充分|发挥|大力|依法|借助|运用|登录|访问|点击|进入|关注|打造|用好|加强|推进|推动|完善|优化|做好|开展|建立|健全|落实|进一步|认真|严格|积极|深入|全面|围绕|紧扣|不断|继续|贯彻|扎实|切实|始终|根据|依据|结合|召开|组织|制定|印发|及时|主动|坚持|高度|强化|规范|提升|提高|确保|聚焦|按照|答复|衡量|公开|发布|以上|以下|把|这|此|新收|新增|今年|本年|全年|当年|[一二三四五六七八九十]是|首先|其次|再次|最后|同时|此外|另外|的)/;

// A government is a place's (`某县人民政府`, `区政府`, `某镇政府`): 政府 after anything else ends a clause, not a name
// (`借助政府网站平台…`, `针对政府…`), whatever verb opens it.
const BARE_GOVERNMENT = /(?<!人民|[省市县区旗州盟镇乡村]|街道|自治区|自治州|自治县)政府$/;

// A place's name that opens on one of GENERIC_ORGAN's words (`和平街道`, `全椒县`, `向阳区`, `于都县`, `本溪市`,
// `度假区管委会`): two characters, then a level (`全县`, `向市政府…`, `对全区…` stay generic).
const PLACE_OPENING_GENERIC =
  /^[全本向将于从和度][^省市县区旗州盟镇乡我本各全该度年在对向将按为于从和及因未并把这此的](?:省|市|县|区|旗|州|盟|镇|乡|街道)/;

// Another name of a place in brackets inside the organ's (`宁波国家高新区(新材料科技城)管委会办公室`, probeI7 018): the
// place's, followed by the rest of the organ's name.
const INNER_NAME = /^([^（()）]{2,}?(?:省|市|县|区|旗|州|盟|城))[（(][\u4e00-\u9fff]{2,12}[）)](?=[^（()）]{2,}$)/;

function isOrganName(text: string): boolean {
  return (
    !GAMBLING.test(text) &&
    text.length >= 3 &&
    text.length <= 30 &&
    ORGAN_NAME.test(text) &&
    // a website (`政府网站`, probeP1 001, 005: 站 ends it) or the centre that runs one (`…电子政务网站服务中心`, probeP4 015) is no organ
    !text.includes('网站') &&
    (!GENERIC_ORGAN.test(text) || PLACE_OPENING_GENERIC.test(text)) &&
    !BARE_GOVERNMENT.test(text) &&
    // `区政府网站…`: a level's government without its place's name is none
    !/^[省市县区旗州盟镇乡](?:人民)?政府$/.test(text) &&
    // (a title's words between two quoted titles, `…的通知》精神和《国家邮政局`, probeI4 016, are none)
    !/[，,。；;、\d（(《》〈〉]/.test(text.replace(INNER_NAME, '$1')) &&
    // a clause with a verb inside (`线上通过管委会网站…`, probeH13 030; `管委会办公室作为高新区…`, probeI7 018)
    !/通过|利用|依托|借助|发挥|作为/.test(text)
  );
}

// A government or its office named by level words alone (`发布机构 | 政府办公室 |`, probeJ4 003; `人民政府`, `县政府办`): a
// page's field naming no place names no organ.
const NO_PLACE = /^(?:[省市县区旗州盟镇乡]?(?:人民)?政府(?:办公室|办公厅|办)?|(?:党政|综合)?办公室)$/;

// The next field's label run into a value (`来源:武汉市发展和改革委员会字号:[ 大 中 小 ]分享:`, probeP5 001): the value ends where a
// page's field label begins, right before that label's colon.
const NEXT_FIELD_LABEL =
  /(?:字号|字體|字体|分享(?:到|至)?|浏览次数|瀏覽次數|浏览量|瀏覽量|点击数|點擊數|点击量|點擊量|阅读次数|閱讀次數|阅读量|閱讀量|访问量|訪問量|作者|责任编辑|責任編輯|编辑|編輯|发布时间|發布時間|发布日期|發布日期|更新时间|更新時間|时间|時間|日期|索引号|索引號|文号|文號)$/;

function metadataValue(match: RegExpMatchArray, line: string): string {
  const value = match[1]!;
  const after = line.charAt(match.index! + match[0].length);
  return after === ':' || after === '：' ? value.replace(NEXT_FIELD_LABEL, '') : value;
}

function metadataAgency(lines: readonly Line[]): string | null {
  for (const line of lines.slice(0, 40)) {
    const text = line.text.trim();
    for (const match of text.matchAll(METADATA_AGENCY)) {
      const value = metadataValue(match, text);
      if (NO_PLACE.test(value)) {
        continue;
      }
      if (isOrganName(value) || (PARK.test(value) && !GENERIC_ORGAN.test(value))) {
        return value;
      }
    }
  }
  return null;
}

// A government or its office (`镇安县政府`, `某县人民政府办公室`): the body a portal hosting its bodies' pages names in its
// metadata.
const GOVERNMENT_BODY = /(?:人民政府|[省市县区旗州盟]政府)(?:办公室|办公厅|办)?$/;

/**
 * The organ the introduction presents its own report for (`现将茅坪回族镇2022年度政府信息公开工作报告如下`, probeJ2 007) when the
 * page's metadata names a government or its office that is another body (`发布机构 | 镇安县政府 |`: the county's portal
 * hosting the township's page). Null otherwise: the metadata goes before the body.
 */
function hostedAgency(lines: readonly Line[], host: string | null): string | null {
  if (host === null || !GOVERNMENT_BODY.test(host)) {
    return null;
  }
  for (const line of lines.slice(0, 12)) {
    for (const match of asciiDigits(line.text).matchAll(PUBLISHED_TITLE_ALL)) {
      // Only the report presented now (`现将`, `现公布`, `特编制`), not one merely published (`公布了…年度报告`).
      const own = /^[现特]/.test(match[0]) ? publishedOrgan(match) : null;
      if (own !== null) {
        return own.endsWith(host) || host.endsWith(own) ? null : own;
      }
    }
  }
  return null;
}

// A place alone, of any level (`北京市`, `建新镇`): the organ is its government.
const BARE_PLACE = /^[\u4e00-\u9fff]{2,12}(?:省|市|县|区|旗|州|盟|镇|乡)$/;

/**
 * A place alone named as the organ, in full as its government when the signature (`遂溪县建新镇人民政府` for the title's
 * `建新镇`, probeJ5 030), the introduction's published title (`特编制并向社会公布安溪县人民政府2021年…年度报告` for the title's
 * `安溪县`, probeL1 001), the page's metadata (`发布单位:桂林市人民政府`, `来源:福清市人民政府`, probeL1 019, 035) or, else, a
 * subject of section 一 (`茅坪回族镇人民政府严格按照…`, probeJ2 007) names it so: the place and 人民政府, with only places
 * before it. Any other name as it is.
 */
function placeGovernment(
  name: string,
  named: () => readonly (string | null)[],
  sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[],
): string {
  if (!BARE_PLACE.test(name)) {
    return name;
  }
  const governs = (full: string | null): full is string =>
    full?.endsWith(`${name}人民政府`) === true &&
    /^(?:[\u4e00-\u9fff]{2,12}?[省市县区旗州盟])*$/.test(full.slice(0, full.length - name.length - 4));
  return named().find(governs) ?? sectionSubjects(sections).find(governs) ?? name;
}

// The introduction and section 一 naming their organ: `由江苏省公安厅编制`, `现公布法库县自然资源局2022年…`,
// `现将2021年陇县财政局政府信息公开工作年度报告…`, `请与永康市交通运输局办公室联系`, `2021年，县乡村振兴局严格…`.
// `编制完成《某县某局2023年政府信息公开工作年度报告》`, `现发布《某镇2022年…年度报告》`: the report's title, quoted. It
// names the report as its title does, so it goes before the page's metadata (`信息来源:平川区人民政府` on a
// department's report that the district's portal carries).
const QUOTED_TITLE = /《([^《》，,。；;\d]{3,30}?)20\d{2}年度?(?:政府|政务)?信息公开(?:工作)?年度报告》/;
// `现公布贵港市2021年政府信息公开工作年度报告`: a title in a sentence may name a place alone (its government). The year
// may also stand inside the title's last words (`特编制兴国县教育科技体育局政府信息公开工作2021年度报告`, probeJ1 026).
const PUBLISHED_TITLE = new RegExp(
  String.raw`${PUBLISHING_VERB}(?:20\d{2}年度?)?([^，,。；;:：\d]{3,30}?)(?:\(以下简称[^)]*\))?(?:20\d{2}年度?)?(?:政府|政务)?信息公开(?:工作)?(?:20\d{2}年度?(?=报告))?(?:年度)?(?:工作)?(?:报告|年报|的?(?:总体)?情况)`,
);
const PUBLISHED_TITLE_ALL = new RegExp(PUBLISHED_TITLE.source, 'g');
const PLACE_NAME = /^[\u4e00-\u9fff]{2,12}(?:省|市|县|区|旗|州|盟)$/;

/** The organ the introduction names as the report's, quoted or not (`现公开某市人民政府办公室2025年…年度报告`). */
function publishedAgency(lines: readonly Line[]): string | null {
  const quoted = quotedTitleAgency(lines);
  if (quoted !== null) {
    return quoted;
  }
  for (const line of lines.slice(0, 12)) {
    for (const match of asciiDigits(line.text).matchAll(PUBLISHED_TITLE_ALL)) {
      const name = publishedOrgan(match);
      if (name !== null) {
        return name;
      }
    }
  }
  return null;
}

/**
 * The organ of a published title in a sentence; `现编制2021年隆昌市普润镇人民政府信息公开…`: the phrase stops before
 * 政府信息公开, and 政府 is the organ's.
 */
function publishedOrgan(match: RegExpMatchArray): string | null {
  const phrase = match[1]!;
  const name = organIn(phrase);
  return name === null && phrase.endsWith('人民') && match[0].includes(`${phrase}政府信息公开`) ? organIn(`${phrase}政府`) : name;
}

function quotedTitleAgency(lines: readonly Line[]): string | null {
  for (const line of lines.slice(0, 12)) {
    const text = asciiDigits(line.text);
    if (!text.includes('《')) {
      continue;
    }
    // `《某局2023年…年度报告》`, or the year first: `《2020年度某县水务局信息公开工作年度报告》`
    for (const re of QUOTED_TITLES) {
      for (const match of text.matchAll(re)) {
        if (OTHERS_REPORT.test(clauseBefore(text, match.index))) {
          continue;
        }
        const name = quotedOrgan(match[1]!);
        if (name !== null) {
          return name;
        }
      }
    }
  }
  return null;
}

const QUOTED_TITLE_YEAR_FIRST = /《20\d{2}年度?([^《》，,。；;\d]{3,30}?)(?:政府|政务)?信息公开(?:工作)?年度报告》/;
const QUOTED_TITLES: readonly RegExp[] = [QUOTED_TITLE, QUOTED_TITLE_YEAR_FIRST].map((re) => new RegExp(re.source, 'g'));

// A report the organ sends for another or helps with (`1.配合区政务公开领导小组报送《2021年度武昌区政府信息公开工作年度报告》`,
// probeQ8 004: the district's report of the year before, in a bureau's report speaking as 我局): not the report's own title.
const OTHERS_REPORT = /报送|上报|呈报|报审|配合|协助|协同|指导|督促|审核/;

/** The clause of `text` before `at` (from the last sentence or clause mark). */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(...[...'，,。；;：:'].map((mark) => before.lastIndexOf(mark)));
  return before.slice(start + 1);
}

// Another name in brackets right after the organ's (`贵阳市人民政府(市人民政府办公厅)`, `海关总署(本级机关)`).
const BRACKET_AFTER = /[（(][\u4e00-\u9fff]{2,12}[）)]$/;

/**
 * The organ a report's title quoted in the text names: as a title line names it, a bracket after the name included
 * (`《贵阳市人民政府(市人民政府办公厅)2021年…年度报告》`, probeQ5 028: the government's office, not the whole city's report);
 * a place alone is its government's.
 */
function quotedOrgan(phrase: string): string | null {
  const name = organIn(phrase) ?? placeIn(phrase);
  const bracket = name === null ? null : BRACKET_AFTER.exec(phrase.replace(/\s+/g, ''))?.[0];
  return bracket != null && !bracket.includes('以下简称') && phrase.replace(/\s+/g, '').endsWith(name + bracket) ? name + bracket : name;
}

/** A place alone (`茅箭区`, `江苏省`) where a sentence names the organ that reports: its government. */
function placeIn(phrase: string): string | null {
  const place = phrase.replace(/\s+/g, '');
  return PLACE_NAME.test(place) && (!GENERIC_ORGAN.test(place) || PLACE_OPENING_GENERIC.test(place)) && !GAMBLING.test(place)
    ? place
    : null;
}

// `由某局编制`, `由某区发展和改革局根据《…》…要求编制而成`: who compiled the report. `由高淳区人民政府办公室汇总编制`,
// `由秦淮区人民政府办公室综合区政府所属各行政机关的…年度总结报告编制而成`: an office that compiled it from others' reports.
const COMPILED_BY_ORGAN =
  /由([^，,。；;由]{3,30}?)(?:结合[^，,。；;]{0,20}?|(?<=[局委厅办室府])(?:综合|汇总)(?:[^，,。；;]{0,30}?(?:各|所属)[^，,。；;]{0,40}?)?)?(?:负责)?(?:组织)?编制/;
// An office compiling the report from the reports of the bodies under its government (`…办公室综合区政府所属各…`, `汇总`).
const FROM_OTHERS = /^(?:综合|汇总)/;
const COMPILED_BY_ORGAN_ACCORDING = /由([^，,。；;由《》]{3,30}?)(?:根据|按照|依据|依照)/;
const COMPILED_BY: ReadonlySet<RegExp> = new Set([COMPILED_BY_ORGAN, COMPILED_BY_ORGAN_ACCORDING]);

/**
 * The organ whose office compiled its report (`由南京市浦口区教育局办公室编制`, `由南平市人民政府信息公开工作领导小组办公室…编制`):
 * the organ, not its office. A government's office (`某市人民政府办公室`) publishes reports of its own: kept.
 */
function compilingOrgan(name: string): string {
  const group =
    /^(.{2,}?(?:政府|局|委员会|委|厅|院|镇|乡|街道办事处|街道|旗|县|区|市))(?:政府)?(?:信息公开|政务公开)(?:工作)?领导小组办公室$/.exec(
      name,
    );
  if (group !== null) {
    return group[1]!;
  }
  // `由天津市武清区崔黄口镇人民政府政务公开工作机构编制` (probeP1 029): the organ's unit for its disclosure work, named by that work.
  const unit =
    /^(.{2,}?(?:政府|局|委员会|委|厅|院|中心|镇|乡|街道办事处|街道))(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:机构|办公室)$/.exec(name);
  if (unit !== null && isOrganName(unit[1]!)) {
    return unit[1]!;
  }
  const office = /^(.{2,}?(?:局|委员会|委|厅|院|中心|镇|乡|街道办事处|街道|联合会))(?:党政|综合)?办公室$/.exec(name);
  return office !== null && isOrganName(office[1]!) ? office[1]! : name;
}

// An organ's unit that compiled its report (`袁州区市场监督管理局信息中心`, `某局秘书股`): the organ, then the unit's name.
const UNIT_OF_ORGAN = /^(.{2,}(局|委员会|委|厅|署|院))([\u4e00-\u9fff]{1,6}(?:中心|室|股|科|处|组))$/;

/**
 * The organ whose unit compiled the report (`由袁州区市场监督管理局信息中心结合有关统计数据编制而成`, probeJ5 039) when the text
 * speaks as that organ (`本局`, `我局`: the organ word its name ends in) and never as the unit (`我中心`). Else the name.
 */
function organOfUnit(name: string, lines: readonly Line[]): string {
  const unit = UNIT_OF_ORGAN.exec(name);
  if (unit === null || !isOrganName(unit[1]!)) {
    return name;
  }
  const organWord = unit[2] === '委员会' ? '委' : unit[2]!;
  const unitWord = /(?:中心|室|股|科|处|组)$/.exec(unit[3]!)![0];
  const speaks = (word: string): boolean => lines.some((l) => l.text.includes(`我${word}`) || l.text.includes(`本${word}`));
  return speaks(organWord) && !speaks(unitWord) ? unit[1]! : name;
}

/**
 * The government whose office compiled its report: `由高淳区人民政府办公室汇总编制` (from the reports of the government's
 * bodies), or `由沈阳市沈河区人民政府办公室编制而成` over a section 一 whose subject is that government (`2020年沈河区人民政府
 * 按照…`). None when the government is named by its level alone, whatever its office compiled (`由市政府办公厅综合各区(县)
 * 人民政府…编制`: the city's report, not its office's; `由市政府办公厅编制`, probeI10 024: a level is no organ's name); any other
 * organ as it is: a government's office compiles reports of its own too.
 */
function governmentCompiling(
  organ: string,
  compiled: string,
  sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[],
): string | null {
  const office = /^(.*?(?:人民政府|[省市县区旗州盟]政府))办公[室厅]$/.exec(organ);
  if (office === null) {
    return organ;
  }
  const government = office[1]!;
  const at = compiled.indexOf(organ);
  const fromOthers = at >= 0 && FROM_OTHERS.test(compiled.slice(at + organ.length));
  if (LEVEL_GOVERNMENT.test(government)) {
    return null;
  }
  if (!isOrganName(government)) {
    return fromOthers ? null : organ;
  }
  return fromOthers || opensOnGovernment(sections, government) ? government : organ;
}

// A government named by its level alone (`市政府`, `县人民政府`): no place, no organ.
const LEVEL_GOVERNMENT = /^[省市县区旗州盟镇乡](?:人民)?政府$/;

/**
 * Whether a sentence of section 一's first lines opens on the government (`2020年沈河区人民政府按照…`, `2022年,高淳区政府聚焦…`):
 * its name, or its name from its own level on (`沈河区人民政府` of `沈阳市沈河区人民政府`), `政府` for `人民政府`, not followed
 * by an office of it (`沈河区人民政府办公室…`).
 */
function opensOnGovernment(sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[], government: string): boolean {
  const names = new Set<string>();
  for (let at = 0; at < government.length - 4; at++) {
    if (at === 0 || /[省市州盟]/.test(government[at - 1]!)) {
      const name = government.slice(at);
      names.add(name);
      names.add(name.replace(/人民政府$/, '政府'));
    }
  }
  const overview = sections.find((s) => s.id === 'overview');
  for (const line of (overview?.lines ?? []).slice(0, 6)) {
    for (const sentence of asciiDigits(line).split(/[。；;]/)) {
      const opening = sentence.trim().replace(/^20\d{2}年度?[，,]?\s*/, '');
      for (const name of names) {
        if (opening.startsWith(name) && !opening.slice(name.length).startsWith('办')) {
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * Whether a sentence of section 一's first lines opens on `name` itself, after the year (`2021年,鲤城区人民政府办公室自觉履行…`),
 * not its head or staff (`…办公室主任`).
 */
function opensOn(sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[], name: string): boolean {
  const overview = sections.find((s) => s.id === 'overview');
  return (overview?.lines ?? []).slice(0, 6).some((line) =>
    asciiDigits(line)
      .split(/[。；;]/)
      .some((sentence) => {
        const opening = sentence.trim().replace(/^20\d{2}年度?[，,]?\s*/, '');
        return opening.startsWith(name) && !/^(?:副?主任|机关|党组)/.test(opening.slice(name.length));
      }),
  );
}

/**
 * A town's government for a unit of it that compiled the report (`由嘉善县大云镇人民政府综合信息指挥室(党政综合办公室)负责编制`);
 * any other phrase as it is, but for the short name in brackets after it.
 */
function townOfUnit(phrase: string): string {
  const name = phrase.replace(/[（(][^（）()]{2,12}[）)]$/, '');
  const unit = /^(.+?[镇乡]人民政府)[\u4e00-\u9fff]{2,10}室$/.exec(name);
  return unit === null ? name : unit[1]!;
}

// A report titled as a government office's (`现公布2020年义安区政府办政府信息公开工作年度报告`, `某县人民政府办公室2023年…`).
const OFFICE_TITLE = /政府(?:办公室|办)(?:20\d{2}年度?)?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;

// The contact lines (`请与某局联系`, `请联系:某局;`, `请联系某局,地址:…`).
const CONTACT_WITH = /(?:请|可)与([^，,。；;\d]{3,30}?)(?:党政)?(?:综合)?(?:办公室|综合[一二三四五六七八九十]?科|办)?联系/;
const CONTACT_WITH_ADDRESS = /(?:请|可)与([^，,。；;\d（(]{3,30}?)(?:党政)?(?:办公室|综合科|办)?[（(](?:地址|联系|电话)/;
const CONTACT_COLON = /请联系[:：]\s*([^，,。；;\d:：]{3,30}?)(?:党政)?(?:综合)?(?:办公室|综合科|办)?[；;，,。]/;
// `如对本报告有异议,请联系剑阁县交通运输局,地址:…` (probeP2 027): no colon after 联系, the address after the organ.
const CONTACT_THEN_ADDRESS = /请联系([^，,。；;\d:：（(]{3,30}?)[，,]\s*(?:地址|联系电话|电话)[:：]/;
// `请与衢州市衢江区湖南镇政府综合督考办公室联系`: an office of the organ named by its work.
const CONTACT_WORK_OFFICE = /(?:请|可)与([^，,。；;\d]{3,30}?(?:政府|局|委|镇|乡|街道|办事处))[\u4e00-\u9fff]{2,4}办公室联系/;
// `可与永泰县人民政府办公室数字信息科联系` (probeQ3 014): a section (科, 股, 处) of the organ's office.
const CONTACT_OFFICE_UNIT = /(?:请|可)与([^，,。；;\d]{3,30}?)办公[室厅][\u4e00-\u9fff]{2,6}?[科股处]联系/;
// `请与重庆市渝中区医疗保障局政府信息公开申请受理机构联系(地址:…)` (probeQ8 015): a unit of the organ (its disclosure body,
// an office, a section) between the organ and 联系; the unit names no organ of its own (局, 委, 府 …). Read only when the text's
// voice is the organ's kind (我局 for a 局): the organ, not a host of the unit. A section of a government's office (`可与永泰县
// 人民政府办公室数字信息科联系`, probeQ3 014) leaves the government or its office: none.
const CONTACT_UNIT_OF_ORGAN =
  /(?:请|可)与([^，,。；;\d]{3,30}?(?:(?:人民政府|政府)(?!办)|委员会|局|委|厅|署|办事处|镇|乡|街道))(?:政府信息公开|政务公开|信息公开)?[^局委厅署府镇乡，,。；;\d（()）]{0,8}?(?:机构|办公室|科|股|处|室)联系/;
const CONTACT_AGENCY: ReadonlySet<RegExp> = new Set([
  CONTACT_WITH,
  CONTACT_WITH_ADDRESS,
  CONTACT_COLON,
  CONTACT_THEN_ADDRESS,
  CONTACT_WORK_OFFICE,
  CONTACT_OFFICE_UNIT,
  CONTACT_UNIT_OF_ORGAN,
]);

/** Whether every word the text speaks as itself with (`我局`, `我镇`) is of `name`'s kind (局 for `某局`, 镇 for `某镇人民政府`). */
function speaksAs(name: string, lines: readonly Line[]): boolean {
  const own = name.replace(/(?:人民政府|政府|办事处)$/, '');
  return [...voicesOf(lines, BODY_VOICE_WORD)].every((word) => own.endsWith(word) || endsInVoice(name, word));
}

/** The organs the introduction's contact lines name (`请与西秀区黄腊乡人民政府联系(地址:…)`, probeP4 027), in order. */
function contactOrgans(lines: readonly Line[]): string[] {
  const organs: string[] = [];
  for (const line of lines.slice(0, 12)) {
    for (const re of CONTACT_AGENCY) {
      const match = re.exec(asciiDigits(line.text));
      const name = match === null ? null : organIn(match[1]!);
      if (name !== null) {
        organs.push(name);
      }
    }
  }
  return organs;
}

/** Whether the text speaks as a government only (`我区`, `我旗`), never as a body of one (`我局`, `本中心`). */
function speaksAsGovernmentOnly(lines: readonly Line[]): boolean {
  return lines.some((l) => /我[省市县区旗州盟]/.test(l.text)) && !lines.some((l) => BODY_VOICE.test(l.text));
}

const BODY_AGENCY: readonly RegExp[] = [
  QUOTED_TITLE,
  COMPILED_BY_ORGAN,
  // `本年度报告由某区发展和改革局根据《…》…要求编制而成`: the organ before 根据.
  COMPILED_BY_ORGAN_ACCORDING,
  PUBLISHED_TITLE,
  // `岐山县教育体育局现向社会公开《2023年政府信息公开工作年度报告》`: the organ before the verb, its title naming none.
  /([^，,。；;\d《》]{3,30}?)(?:现|特)?(?:向社会)?(?:公开|公布|发布)了?《20\d{2}年度?(?:政府|政务)?信息公开/,
  // `郑州高新区沟赵办事处向社会公布2021年度本级政府信息公开年度报告。` (probeQ8 019, 020): the same unquoted, 向社会 saying
  // the organ presents its own report.
  /([^，,。；;\d《》]{3,30}?)(?:现|特)?向社会(?:公开|公布|发布)了?20\d{2}年度?(?:本级|本单位)?(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/,
  // `…要求,编制武汉东湖新技术开发区建设管理和交通局(以下简称建设局)2024年度报告。` (probeQ8 039): the organ (the short name it
  // goes by in brackets), then the year's report, ending the clause.
  /(?:编制|编写)了?([^，,。；;:：\d《》()（）]{3,30}?)(?:[（(]以下简称[^（）()]{1,12}[）)])?20\d{2}年度报告(?=[。，,；;]|$)/,
  /结合([^，,。；;\d]{3,30}?)(?:20\d{2}年度?)?(?:政府)?信息公开工作/,
  // `汇总2020年度官塘乡的政府信息公开年度报告编制而成`, `依据锡山区司法局2010年政府信息公开工作情况编制`: what it was compiled from.
  /(?:汇总|依据|根据)(?:20\d{2}年度?)?([^，,。；;\d《》]{3,30}?)的?(?:20\d{2}年度?)?(?:政府|政务)?信息公开(?:工作)?(?:年度报告|情况)[^，,。；;]{0,6}?编制/,
  // `请与某局联系`, `对本报告如有疑问,可与福州市鼓楼区财政局联系`
  CONTACT_WITH,
  // `请与某局(地址:…,联系电话:…)。`, `请联系:某街道办事处;联系电话:…`, `为认真做好某局政府信息公开工作`
  CONTACT_WITH_ADDRESS,
  CONTACT_COLON,
  CONTACT_THEN_ADDRESS,
  CONTACT_WORK_OFFICE,
  CONTACT_OFFICE_UNIT,
  CONTACT_UNIT_OF_ORGAN,
  // `…要求,市卫生健康局高度重视、认真组织、严格落实,…,现将主要工作情况报告如下`: the introduction's subject.
  /(?:^|[，,。])([^，,。；;\d《》“”()（）、]{3,25}?)(?:高度重视|认真贯彻|深入贯彻|严格落实)[^。]*?现将[^。]*?报告如下/,
  /做好([^，,。；;\d]{3,30}?)(?:政府)?信息公开工作/,
  // `…，某市人民政府研究室编制了2022年政府信息公开工作年度报告`
  /([^，,。；;\d《》()（）]{3,30}?)编制了20\d{2}年度?(?:政府|政务)?信息公开/,
  // `吴淞街道根据《中华人民共和国政府信息公开条例》…要求,…特编制本年度报告`: the sentence's subject made it.
  /^([^，,。；;\d《》“”()（）]{3,25}?)(?:根据|按照|依据)《[^。]*?(?:特|现)?编制了?本(?:年度)?报告/,
  // `全年我局在句容市住房和城鄉建設局官網上主動公開…`: the bureau's own site names it (a government's portal does not: 我局在市政府网站).
  /我局(?:在|通过|通過|于|於)([^，,。；;\d]{2,30}?局)(?:官网|官網|门户网站|門戶網站|网站|網站)/,
  // `2020年我街道通过渝中区人民政府大溪沟街道办事处子网站主动公开…`: a town's or sub-district's own site, likewise.
  /我(?:街道|镇|乡)(?:在|通过|通過|于|於)([^，,。；;\d]{2,30}?(?:街道办事处|镇人民政府|乡人民政府))(?:子网站|官网|门户网站|网站|網站)/,
  // `规范公布2023年《桐柏县民政局政府信息公开指南》`: the organ publishes its own guide.
  /(?:公布|发布|更新|修订|编制|完善)了?(?:20\d{2}年度?)?《([^《》，,。；;\d]{3,30}?)(?:政府)?信息公开指南》/,
];
// SUBJECT's stops that may go on a name (`开平市政务服务和数据管理局`, `某区政府信息…`).
const NAME_GOES_ON = /(?:政务|政府信息|信息公开|网站)$/;
const BODY_AGENCY_ALL: readonly RegExp[] = BODY_AGENCY.map((re) => new RegExp(re.source, 'g'));
// The subject's words (at least `min` characters), then the first word that may follow a subject. The year before them may
// lack its 年 (`2022区文旅局主动公开政府信息1112条`, probeL2 004). `为` only as the
// opening of a purpose (`贺胜桥镇人民政府为充分尊重…`, probeJ1 042), not inside a name. `通过` and `未收到` open the predicate
// too (`2025年和平街道办事处通过铁东区门户网站公开信息65条`, `2025年度,和平街道办事处未收到依申请公开申请`, probeQ2 004);
// `未` alone does not (`未央区`).
function subjectPattern(min: number): RegExp {
  return new RegExp(
    String.raw`^(?:20\d{2}(?:年(?:度|内|以来)?)?[，,]*\s*)?((?:[^，,。；;、\d《》“”()]|\([\u4e00-\u9fff]{2,12}\)){${min},25}?)(?:网站|门户网站|微信公众号|认真|严格|高度|坚持|以|深入|始终|积极|按照|紧紧|进一步|全面|围绕|紧扣|聚焦|立足|着力|持续|切实|不断|继续|贯彻|扎实|政务|政府信息|信息公开|在|共|主动|根据|依据|依照|对照|是|通过|未收到|为(?=充分|进一步|深入|全面|切实|更好|贯彻|推进|推动|做好|提高|提升|加强|保障|落实|规范|认真|确保|积极|持续|不断|扎实))`,
  );
}
const SUBJECT = subjectPattern(3);
const SUBJECT_AT_LEAST = new Map<number, RegExp>();

function bodyAgency(lines: readonly Line[], sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[]): string | null {
  const subjectsOnce = once(() => sectionSubjects(sections));
  const name =
    ruleAgency(lines, sections) ??
    subjectsOnce()[0] ??
    contactWithoutColon(lines) ??
    governmentOfVoice(lines) ??
    streetOfVoice(lines, sections) ??
    ownPlanAgency(sections) ??
    carriedWorkAgency(lines) ??
    restatedSubjectAgency(lines, sections);
  // `积极做好交通运输局政府信息公开工作` in the sentence whose subject is `栖霞区交通运输局`, `高新区城市管理局` after an opening
  // on `郑州高新技术产业开发区管委会城市管理局`: the text's short name, in full where a subject names it so (probeI8 036,
  // probeI7 039).
  return name === null ? null : fullestOf(name, subjectsOnce());
}

/** The first of the introduction's and section 一's stated organs (BODY_AGENCY, in its order), or null. */
function ruleAgency(lines: readonly Line[], sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[]): string | null {
  const texts = [...lines.slice(0, 12).map((l) => asciiDigits(l.text))];
  for (let r = 0; r < BODY_AGENCY.length; r++) {
    const re = BODY_AGENCY_ALL[r]!;
    for (const text of texts) {
      // Every match of the line: an earlier one may name no organ (`…年度报告公布和政府信息公开情况…》，编写某县…`).
      for (const match of text.matchAll(re)) {
        const found =
          BODY_AGENCY[r] === PUBLISHED_TITLE
            ? publishedOrgan(match)
            : COMPILED_BY.has(BODY_AGENCY[r]!)
              ? (organIn(townOfUnit(match[1]!)) ?? organIn(compilingOrgan(townOfUnit(match[1]!))))
              : organIn(match[1]!);
        const name =
          found !== null && COMPILED_BY.has(BODY_AGENCY[r]!)
            ? governmentCompiling(compilingOrgan(organOfUnit(found, lines)), match[0], sections)
            : found;
        if (
          name?.endsWith('人民政府') &&
          match[0].includes(`${name}办公室`) &&
          (texts.some((t) => OFFICE_TITLE.test(t)) ||
            (!COMPILED_BY.has(BODY_AGENCY[r]!) && speaksAsOffice(lines)) ||
            opensOn(sections, `${name}办公室`) ||
            officeRules(lines, `${name}办公室`))
        ) {
          // `请与铜陵市义安区人民政府办公室联系` in the report the introduction titles `…义安区政府办政府信息公开工作年度报告`, in
          // one speaking as the office (`我办深入贯彻…`), or in one whose section 一 opens on the office (`2021年,鲤城区人民政府
          // 办公室自觉履行…`, probeL1 003): the government's office is the organ (a government's own report names its office for
          // contact too: kept as the government).
          return `${name}办公室`;
        }
        if (BODY_AGENCY[r] === CONTACT_UNIT_OF_ORGAN && name !== null && !speaksAs(name, lines)) {
          continue;
        }
        if (name !== null && CONTACT_AGENCY.has(BODY_AGENCY[r]!) && !GOVERNMENT_BODY.test(name) && speaksAsGovernmentOnly(lines)) {
          // `请与大祥区行政审批服务局联系` in a report speaking only as `我区` (probeP4 004): the body hosting the disclosure office,
          // not the organ whose report it is.
          continue;
        }
        if (name !== null) {
          return name;
        }
        const place = BODY_AGENCY[r] === PUBLISHED_TITLE ? placeIn(match[1]!) : null;
        if (place !== null) {
          return place;
        }
      }
    }
  }
  return null;
}

/**
 * Whether the text names the office's own rules of its disclosure work (`严格执行《永泰县人民政府办公室政府信息依申请公开办法》`,
 * probeQ3 014): the office discloses as itself, not for its government.
 */
function officeRules(lines: readonly Line[], office: string): boolean {
  return lines.some(
    (l) =>
      l.text.includes(`《${office}`) &&
      new RegExp(
        `《${office.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:政府信息|政务|信息)[^《》]{0,20}?(?:制度|办法|规定|细则|流程)》`,
      ).test(l.text),
  );
}

// A clause before the subject that says what the work followed (`根據《中華人民共和國政府信息公開條例》(簡稱《條例》),2022年度
// 句容市交通運輸局認真貫徹實施`, probeI8 040): up to its first comma outside brackets.
const ACCORDING_CLAUSE =
  /^(?:根据|依据|依照|按照|对照)(?:《[^《》]{1,60}》|[（(][^（）()]{0,40}[）)]|[^，,。；;《》（）()]){1,80}?[，,]\s*/;
// …after the year (`2020年,根據國務院、省政府、市政府的有關部署,黃埔區 廣州開發區政務公開工作辦公室(下稱我辦)立足…`, probeL1 020):
// the year stays, the clause goes.
const YEAR_ACCORDING_CLAUSE = new RegExp(String.raw`^(20\d{2}年度?[，,]\s*)${ACCORDING_CLAUSE.source.slice(1)}`);

/**
 * The organs section 一's sentences (its first lines; or the introduction's when it opens on the year: `2025年,杏花村镇
 * 紧扣…`) open on as their subject, in the order they are met.
 */
function sectionSubjects(sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[]): string[] {
  const overview = sections.find((s) => s.id === 'overview');
  // Section 一's first lines; or the opening before it when that opens on the year (`2025年,杏花村镇紧扣…`).
  const preamble = sections.find((s) => s.id === 'preamble');
  const openers = (preamble?.lines ?? []).filter((l) => /^\s*20\d{2}年度?[，,]/.test(asciiDigits(l))).slice(0, 2);
  const names: string[] = [];
  for (const line of [...(overview?.lines ?? []).slice(0, 6), ...openers]) {
    for (const sentence of asciiDigits(line).split(/[。；;]/)) {
      const opening = sentence
        .trim()
        .replace(/^(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十\d]+[、.])\S{0,12}?[。：:]?/, '')
        .replace(ACCORDING_CLAUSE, '')
        .replace(YEAR_ACCORDING_CLAUSE, '$1')
        // `2020年，在区委、区政府的正确领导下，某街道办事处认真…`: the subject follows the adverbial.
        .replace(/^(20\d{2}年度?[，,]?\s*)在[^，,。]{2,24}下[，,]\s*/, '$1')
        // `今年以来,某区林业局认真…`, `截至2019年12月31日,某乡人民政府通过…`
        .replace(/^(?:今年以来|本年度|截至20\d{2}年\d{1,2}月\d{1,2}日)[，,]\s*/, '');
      const name = subjectOf(opening.replace(SPAM, ''));
      if (name !== null) {
        names.push(name);
      }
    }
  }
  return names;
}

/**
 * The organ a sentence opens on (SUBJECT). The stop 政务, which may go on a name (`北京市西城区政务服务管理局以…`, probeJ3 001:
 * `政务` after `北京市西城区`), is looked past, to the next stop, while no organ is found — or while the organ found is a zone
 * whose office's name goes on (`黄埔区 广州开发区` + `政务公开工作办公室(下称我办)立足…`, probeL1 020).
 */
function subjectOf(opening: string): string | null {
  let match = SUBJECT.exec(opening);
  let zone: string | null = null;
  while (match !== null) {
    // `2019年,泸州市人民政府信息公开工作以…`: 政府 is the organ's, not the stop's.
    const government = match[1]!.endsWith('人民') && match[0].endsWith('政府信息') ? organIn(`${match[1]}政府`) : null;
    const goesOn = NAME_GOES_ON.test(match[0].slice(-4));
    // A place alone is the subject only before a verb (`茅箭区坚持…`), not before the rest of a name (`开平市政务…`).
    const name = government ?? organIn(match[1]!) ?? shortOfficeIn(match[1]!) ?? (goesOn ? null : placeIn(match[1]!));
    if (zone !== null) {
      return name?.startsWith(zone) === true ? name : zone;
    }
    // (Only past 政务: past 政府信息 the next stop makes `上海市政府` of `上海市政府信息公开规定`.)
    const min = match[1]!.length + 1;
    if ((name !== null && !ZONE.test(name)) || !match[0].endsWith('政务') || min > 25) {
      return name;
    }
    zone = name;
    let longer = SUBJECT_AT_LEAST.get(min);
    if (longer === undefined) {
      longer = subjectPattern(min);
      SUBJECT_AT_LEAST.set(min, longer);
    }
    match = longer.exec(opening);
  }
  return zone;
}

// A zone named as an organ (`广州开发区`, `某高新区`): its offices' names may go on after it.
const ZONE = /(?:开发区|新区|园区|管理区|实验区|试验区|示范区|高新区)$/;

// An office short-named by its work, after its place or level (`市合作交流办`, `区政府政务服务办`, probeL2 003, probeL4 002).
// Not a way of handling matters that ends in 办 (`一网通办`, `马上办`, `承办`, `督办`, …).
const SHORT_OFFICE = /^(?:[\u4e00-\u9fff]{2,12}?)?[省市县区旗州盟](?:人民)?(?:政府|委)?[\u4e00-\u9fff]{2,8}办$/;
const NOT_AN_OFFICE =
  /(?:[通网帮代督交转承主协举开创包领查催批合兴筹申经停操照置速即快掌好难]办|马上办|就近办|一次办|一站办|随时办|立即办|跟踪办|联合办|集中办|一起办)$/;

// A scope or a list of bodies, not one office's name (`县本级政府及政府办主动公开…`, probeQ3 014: 本级, 及).
const SCOPE_OR_LIST = /本级|及/;

/** An office short-named by its work opening a sentence (`2022年,市合作交流办认真贯彻落实…`), else null. */
function shortOfficeIn(phrase: string): string | null {
  const text = phrase.replace(/\s+/g, '');
  return SHORT_OFFICE.test(text) &&
    !NOT_AN_OFFICE.test(text) &&
    !GAMBLING.test(text) &&
    !GENERIC_ORGAN.test(text) &&
    !SCOPE_OR_LIST.test(text)
    ? text
    : null;
}

// `结合我局工作实际,印发了《辽宁省机关事务管理局2019年政务公开工作实施方案》…使我局政务公开工作有章可循` (probeI3 003): the
// organ issues its own plan of the year's disclosure work.
const OWN_PLAN =
  /(?:印发|制定|出台|制发)了?《([^《》，,。；;\d]{3,30}?)20\d{2}年度?(?:政务公开|政府信息公开|信息公开)(?:工作)?(?:实施方案|工作方案|方案|工作要点|要点|工作计划|计划)》/;
const OWN_VOICE = /[我本](局|委|厅|院|中心|馆|署)/;

// Its own rules of the disclosure work (`完善了《姚安县农业农村局政府信息与政务公开工作制度》`, `完善《牟定县水务局政府信息主动公开
// 制度》`, probeP2 021, 034), made or revised by it, and the group it set up for that work (`我局成立了…的姚安县农业农村局政府信息公开
// 工作领导小组`).
const OWN_RULES =
  /(?:制定|修订|修改|完善|印发|出台|制发|建立|健全)了?《([^《》，,。；;\d]{3,30}?)(?:政府信息|政务|信息)[^《》，,。；;\d]{0,20}?(?:制度|办法|规定|细则)》/;
const OWN_GROUP = /(?:成立|调整|充实)了?[^。；;]*?的([^《》，,。；;\d、的]{3,30}?)(?:政府|政务)?信息公开(?:工作)?领导小组/;

/**
 * The organ a sentence of section 一 speaking as it (`我局`) names in its own plan's title, of the same organ word (局 for
 * 我局): the last source, when the text names its organ nowhere else. A plan of another organ (the government's
 * `《某市人民政府办公室2019年政务公开工作要点》` in a bureau's report) is not its own. Its own rules (OWN_RULES) and group
 * (OWN_GROUP) likewise; a sentence naming its rules without the voice counts when section 一 speaks as one kind of organ only.
 */
function ownPlanAgency(sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[]): string | null {
  const overview = sections.find((s) => s.id === 'overview');
  const voices = new Set(
    (overview?.lines ?? []).flatMap((line) => [...line.matchAll(new RegExp(OWN_VOICE.source, 'g'))].map((m) => m[1]!)),
  );
  const textVoice = voices.size === 1 ? [...voices][0]! : null;
  for (const line of overview?.lines ?? []) {
    for (const sentence of asciiDigits(line).split(/[。；;]/)) {
      const plan = OWN_PLAN.exec(sentence) ?? OWN_GROUP.exec(sentence);
      const rules = plan === null ? OWN_RULES.exec(sentence) : null;
      const word =
        plan !== null ? (OWN_VOICE.exec(sentence)?.[1] ?? null) : rules !== null ? (OWN_VOICE.exec(sentence)?.[1] ?? textVoice) : null;
      const name = word === null ? null : organIn((plan ?? rules)![1]!);
      if (name !== null && endsInVoice(name, word!)) {
        return name;
      }
    }
  }
  return null;
}

/** True when an organ's name ends in the word its text speaks as itself with (`局` for 我局; `委` also for …委员会). */
function endsInVoice(name: string, word: string): boolean {
  return name.endsWith(word) || (word === '委' && name.endsWith('委员会'));
}

/** The words (`pattern`'s first group: `局` of 我局) the text speaks as itself with, over all its lines. */
function voicesOf(lines: readonly Line[], pattern: RegExp): Set<string> {
  return new Set(lines.flatMap((l) => [...l.text.matchAll(pattern)].map((m) => m[1]!)));
}

// `安排2名民警和1名合同制工作人员承担盐津县公安局政府信息公开工作` (probeJ5 024): the organ whose disclosure work its staff carry.
const CARRIED_WORK = /承担([^，,。；;\d、]{3,30}?)的?(?:政府|政务)?信息公开工作/g;
// The words a text speaks as itself with (`我局`, `本委`, `我镇`).
const VOICE_WORD = /[我本](局|委|办|厅|院|署|镇|乡|街道|区|县|市|旗)/g;

/**
 * The organ whose disclosure work the report says its staff carry: the last source, when the text names its organ nowhere
 * else; only a name opening on its place, and only when the text never speaks as another kind of organ (`我镇` for a bureau).
 */
function carriedWorkAgency(lines: readonly Line[]): string | null {
  const voices = voicesOf(lines, VOICE_WORD);
  for (const line of lines.slice(0, 12)) {
    for (const match of asciiDigits(line.text).matchAll(CARRIED_WORK)) {
      const name = organIn(match[1]!);
      if (
        name !== null &&
        /^[\u4e00-\u9fff]{2,12}?(?:省|市|县|区|旗|州|盟)/.test(name) &&
        [...voices].every((word) => endsInVoice(name, word))
      ) {
        return name;
      }
    }
  }
  return null;
}

// A later sentence of section 一 opening on its time (`本年度,区审计局主要通过…`, `2022年全年,区审计局未收到…`, probeP5 036), then the
// organ up to its first word of the kind the text speaks as (`局` for 我局).
const RESTATED_OPENING =
  /^(?:本年度|今年以来|全年|20\d{2}年(?:度|全年|内|以来)?)[，,]\s*([\u4e00-\u9fff]{2,20}?(?:委员会|局|委|厅|院|署|中心))(?=[\u4e00-\u9fff])/;
const BODY_VOICE_WORD = /[我本](局|委|办|厅|院|署|中心|镇|乡|街道|区|县|市|旗)/g;

/**
 * The organ later sentences of section 一 open on after their time (RESTATED_OPENING) when the first sentence speaks only as
 * it (`2022年,我局…`): the last source, only when the text speaks as one kind of body alone (我局, 本委 …), and only a name
 * such openings give at least twice and no other name beside it.
 */
function restatedSubjectAgency(
  lines: readonly Line[],
  sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[],
): string | null {
  const voices = voicesOf(lines, BODY_VOICE_WORD);
  const word = voices.size === 1 ? [...voices][0]! : null;
  if (word === null || !['局', '委', '厅', '院', '署', '中心'].includes(word)) {
    return null;
  }
  const counts = new Map<string, number>();
  for (const line of sections.find((s) => s.id === 'overview')?.lines ?? []) {
    for (const sentence of asciiDigits(line).split(/[。；;]/)) {
      const name = RESTATED_OPENING.exec(sentence.trim())?.[1];
      if (name !== undefined) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  const [name, count] = counts.size === 1 ? [...counts][0]! : [null, 0];
  return name !== null && count >= 2 && isOrganName(name) && endsInVoice(name, word) ? name : null;
}

/** The first of `subjects` that names `name` in full (fullerName), else `name`. */
function fullestOf(name: string, subjects: readonly string[]): string {
  for (const subject of subjects) {
    const fuller = fullerName(name, subject);
    if (fuller !== name) {
      return fuller;
    }
  }
  return name;
}

// The contact line without its colon, the organ's office named (`对本报告有疑问,请联系中村乡人民政府党政办公室。`, probeH15
// 039) or a section of it (`请联系吉林市人民政府外事办公室综合处,`, probeI3 004: the organ an office itself); `请联系吴起县政府
// 政务服务中心` names a service centre, no organ. Read after section 一's subject, which names the organ as the report does
// (`贺胜桥镇人民政府坚持…` over `请联系咸安区贺胜桥镇党政综合办公室`).
const CONTACT_WITHOUT_COLON = /请联系([^，,。；;\d:：]{3,30}?)(?:党政)?(?:综合)?(?:办公室|综合[科处])[；;，,。]/;
// `请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区管理委员会)政府信息公开办公室,` (probeI7 019): a name longer
// than the introduction's contact pattern reads, another name in brackets after it, its office for information disclosure.
const CONTACT_LONG = /请联系[:：]\s*([^，,。；;\d:：]{3,60}?)(?:政府信息公开|政务公开)?办公室[；;，,。]/;
// `请联络:商务部信息化司综合处` (probeI4 028): a department (司, 处, 科, 股) of an organ; the organ only when the body speaks as it
// (`我部`).
const CONTACT_UNIT = /请(?:联系|联络)[:：]?\s*([^，,。；;\d:：]{2,30}?(委员会|[部局委厅署]))[\u4e00-\u9fff]{1,10}?[司处科股][；;，,。]/;

function contactWithoutColon(lines: readonly Line[]): string | null {
  for (const line of lines.slice(0, 12)) {
    const text = asciiDigits(line.text);
    for (const re of [CONTACT_WITHOUT_COLON, CONTACT_LONG]) {
      const match = re.exec(text);
      const name = match === null ? null : organOfContact(match[1]!);
      if (name !== null) {
        return name;
      }
    }
    const unit = CONTACT_UNIT.exec(text);
    const voice = unit === null ? null : `我${unit[2] === '委员会' ? '委' : unit[2]}`;
    const name = unit === null ? null : organOfContact(unit[1]!);
    if (name !== null && lines.some((l) => l.text.includes(voice!))) {
      return name;
    }
  }
  return null;
}

/** A contact line's organ; a place in brackets inside its name is part of it (`中国(福建)自由贸易试验区…管理委员会`). */
function organOfContact(phrase: string): string | null {
  const inner = /(?<=[\u4e00-\u9fff]{2})[（(][\u4e00-\u9fff]{2,4}[）)](?=[\u4e00-\u9fff]{2})/.exec(phrase);
  if (inner === null) {
    return organIn(phrase);
  }
  const before = phrase.slice(0, inner.index);
  const name = organIn(before + phrase.slice(inner.index + inner[0].length));
  return name?.startsWith(before) === true ? before + inner[0] + name.slice(before.length) : null;
}

// A sub-district by the short name Guangzhou gives it (`白云街` for 白云街道), opening a sentence of section 一 before a verb.
const STREET_SUBJECT =
  /^(?:20\d{2}年度?[，,]?\s*)?([\u4e00-\u9fff]{2,4}街)(?=以|认真|严格|按照|坚持|积极|深入|全面|持续|进一步|围绕|始终|切实|扎实|共|政府网站|门户网站)/;
// Streets that are no sub-district (`步行街`, `商业街`, `老街`).
const NOT_A_STREET_OFFICE = /(?:步行|商业|美食|小吃|风情|文化|大|老|新|古)街$/;

/**
 * The sub-district a report speaks for as `我街`/`本街` when section 一 opens on its short name (`2022年,白云街以…`, probeI5
 * 026) and the text names it again: that evidence only, never a word merely ending in 街.
 */
function streetOfVoice(
  lines: readonly Line[],
  sections: readonly { id: SectionId | 'preamble'; lines: readonly string[] }[],
): string | null {
  if (!lines.some((l) => /[我本]街(?!道)/.test(l.text))) {
    return null;
  }
  const overview = sections.find((s) => s.id === 'overview');
  for (const line of (overview?.lines ?? []).slice(0, 6)) {
    for (const sentence of asciiDigits(line).split(/[。；;]/)) {
      const street = STREET_SUBJECT.exec(sentence.trim())?.[1];
      if (
        street !== undefined &&
        !GENERIC_ORGAN.test(street) &&
        !NOT_A_STREET_OFFICE.test(street) &&
        lines.reduce((n, l) => n + l.text.split(street).length - 1, 0) >= 2
      ) {
        return street;
      }
    }
  }
  return null;
}

// The text speaking as an office (`我办深入贯彻…`; not `本办法`, `我办理`) and never as a government (`我区`).
const OFFICE_VOICE = /[我本]办(?![法理事公结件案好])/;

function speaksAsOffice(lines: readonly Line[]): boolean {
  return lines.some((l) => OFFICE_VOICE.test(l.text)) && !lines.some((l) => /我[省市县区旗州盟]/.test(l.text));
}

// `本报告的电子版可在吴起县人民政府门户网站(www.wqx.gov.cn)下载`, `…可在兴海县人民政府(http://…)获取`: a government's site;
// its name may be quoted and short (`可在“重庆市政府公众信息网”(www.cq.gov.cn)上下载`, probeI10 024).
const GOVERNMENT_SITE =
  /(?:在|从|于|通过|登录|访问)[“"「]?([\u4e00-\u9fff]{2,10}?([省市县区旗州盟]))(?:人民)?政府(?:门户网站|网站|官网|公众信息网|[（(])/;
// The text speaking as a government (`我县认真贯彻…`) or as a body of one (`我局`, `本委`, `我单位`).
const GOVERNMENT_VOICE = /我([省市县区旗州盟])/g;
const BODY_VOICE = /[我本](?:局|委|办|厅|院|中心|单位|部门|所|站|队|馆|校|公司|镇|乡|街道|街)/;

/**
 * A report that speaks only as its government (`我县`, never `我局`) and names that government's site for its electronic
 * copy is the government's (a department's report names the government's portal too, but speaks as 我局).
 */
function governmentOfVoice(lines: readonly Line[]): string | null {
  let site: RegExpExecArray | null = null;
  for (const line of lines) {
    if (/电子版|下载|获取|查阅/.test(line.text)) {
      site ??= GOVERNMENT_SITE.exec(line.text);
    }
  }
  if (site === null) {
    return null;
  }
  const levels = new Set<string>();
  for (const line of lines) {
    if (BODY_VOICE.test(line.text)) {
      return null;
    }
    for (const voice of line.text.matchAll(GOVERNMENT_VOICE)) {
      levels.add(voice[1]!);
    }
  }
  const name = `${site[1]}人民政府`;
  return levels.size === 1 && levels.has(site[2]!) && isOrganName(name) ? name : null;
}

const DOUBLED_PLACE = /^([\u4e00-\u9fff]{2,10}?[省市县区旗州盟])\1(?=[\u4e00-\u9fff])/;

/** The organ name a captured phrase ends in: trailing words after the name (`…办公室`) are kept, a generic `我局` is not. */
function organIn(phrase: string): string | null {
  const text = withoutLatinPrefix(phrase.replace(/\s+/g, ''))
    // `特编制《鞍山市人力资源和社会保障局2020年度政府信息公开工作报告》`: the title's quotation mark is no part of the name
    .replace(/^[《〈“"「『]+/, '')
    // `某委员会(以下简称我委)`: the short name it goes by is no part of it; nor another name of it in brackets
    // (`南通外向型农业综合开发区(苴镇街道)`, probeH15 038)
    .replace(/[（(]以下简称[^）)]*[）)]$/, '')
    .replace(/(?<=[\u4e00-\u9fff]{3})[（(][\u4e00-\u9fff]{2,12}[）)]$/, '')
    .replace(SPAM, '')
    // `请联系:硚口区教育局局党政办公室`: a doubled 局 is the page's typo
    .replace(/局局$/, '局')
    // `请与扎赉特旗扎赉特旗人民政府办公室联系` (probeJ4 029): a place typed twice in a row is one place
    .replace(DOUBLED_PLACE, '$1')
    .replace(CUSTOMS_DISTRICT, '')
    // `新葡京博彩官网区人民政府北京街道办事处`: the spam took the place's name; what is left of the government above the
    // organ is no part of it.
    .replace(/^[省市县区](?:人民)?政府(?=[\u4e00-\u9fff]{2,}(?:街道办事处|街道|镇人民政府|乡人民政府|镇|乡)$)/, '')
    // `由某镇人民政府党政办公室编制`: a town's joint office compiles the town's report.
    .replace(/((?:镇|乡)(?:人民政府)?|街道(?:办事处)?|开发区|园区|新区|示范区|管理区)党政(?:综合)?办(?:公室)?(?:综合科)?$/, '$1');
  // `帽儿山镇于市政府门户网站…公开`: the organ, then 于 and where it published.
  const placed = /^(.{2,20}?(?:镇|乡|街道|区|县|市|局|委|办))于/.exec(text);
  if (placed !== null && isOrganName(placed[1]!)) {
    return placed[1]!;
  }
  return isOrganName(text) || isZoneOfLevel(text) ? text : null;
}

/**
 * A zone named with the level it also is, in brackets (`浒墅关经开区(镇)`, probeI5 029: the zone's committee is the town's
 * government): an organ, bracket and all; the bracket is what says so (`经开区` alone is no organ word).
 */
function isZoneOfLevel(text: string): boolean {
  const zone = /^([\u4e00-\u9fff]{3,20}区)[（(](?:镇|乡|街道)[）)]$/.exec(text)?.[1];
  return zone !== undefined && (!GENERIC_ORGAN.test(zone) || PLACE_OPENING_GENERIC.test(zone)) && !GAMBLING.test(zone);
}

/** Title and signature organ: the longer when one ends with the other (`市民政局` + `黄石市民政局`), else the title's. */
function mergeAgency(title: string | null, signature: string | null): string | null {
  if (title === null || signature === null) {
    return title ?? signature;
  }
  if (title.endsWith(signature) || signature.endsWith(title)) {
    const [longer, shorter] = title.length >= signature.length ? [title, signature] : [signature, title];
    return completesName(longer.slice(0, longer.length - shorter.length), shorter) ? longer : shorter;
  }
  return title;
}

/**
 * Title and signature organ (mergeAgency); a signature that is the title's name with characters the title dropped
 * (`威海市文登人民政府办公室` signed `威海市文登区人民政府办公室`, probeI6 024: every character of the title's name in order,
 * the same organ word at the end, as fullerName completes a short name from the body) completes it.
 */
function signedName(title: string | null, signature: string | null): string | null {
  if (title === null || signature === null || title.endsWith(signature) || signature.endsWith(title)) {
    return mergeAgency(title, signature);
  }
  return fullerName(title, signature);
}

/**
 * A name short of its place (`市人力社保局`, `县政府办`, `住建局`): it opens on a level, or names no place at all. Only
 * such a name is looked for in full in the body (bodyAgency is not run for every report).
 */
function isShortName(name: string): boolean {
  return name.length <= 10 && (/^[省市县区旗州盟]/.test(name) || !/[省市县区旗州盟镇乡]/.test(name.slice(0, -1)));
}

/**
 * The body's name for the organ when it is the short name in full (`杭州市人力资源和社会保障局` for the page metadata's
 * `市人力社保局`, `府谷县人民政府办公室` for the title's `县政府办`, `安阳县住建局` for `住建局`): every character of the short
 * name in order, the same organ word at the end (委 for 委员会, 办 for 办公室). Else the short name.
 */
function fullerName(short: string, body: string | null): string {
  // `开发区管委会` (a zone's committee named by its kind alone) for `舒城经济开发区`: the zone the text names (probeI7 042).
  const kind = body?.endsWith('管委会') === false && !body.endsWith('管理委员会') ? ZONE_COMMITTEE.exec(short) : null;
  const core = kind === null ? short : kind[1]!;
  if (body === null || body.length <= core.length || /[:：|\s]/.test(body)) {
    return short; // (a heading run into a name, `政府信息公开平台建设:住建局`, is none)
  }
  const last = core.at(-1)!;
  const sameOrgan = body.at(-1) === last || (last === '委' && body.endsWith('委员会')) || (last === '办' && body.endsWith('办公室'));
  let at = 0;
  for (const char of body) {
    if (at < core.length && char === core[at]) {
      at++;
    }
  }
  return sameOrgan && at === core.length ? body : short;
}

// A zone's committee named by the zone's kind, no place: `开发区管委会`, `高新区管理委员会`, `园区管委会`.
const ZONE_COMMITTEE =
  /^((?:经济技术|经济|高新技术产业|工业|产业|综合)?(?:开发区|高新区|园区|新区|示范区|实验区|试验区|管理区))(?:管委会|管理委员会)$/;

/**
 * A name without its place (`住建局`, probeL4 028) as the text names the same organ with its place where a clause opens on it
 * after the year (`2025年安阳县住建局依申请信息公开办理有69件`; or what the report covers, `涵盖了2022年麒麟区自然资源局政府信息
 * 公开工作`, probeP2 011): the place's name, then exactly the short name. Only when every
 * such mention names one place; else the name as it is.
 */
function placedInFull(short: string, lines: readonly Line[]): string {
  if (BARE_PLACE.test(short) || (/^[\u4e00-\u9fff]{2,12}?[省市县区旗州盟镇乡]/.test(short) && !/^[省市县区旗州盟]/.test(short))) {
    return short; // (a place alone, or a name a place already opens: placeGovernment's and fullerName's)
  }
  const mention = new RegExp(
    String.raw`(?:^|[，,。；;：:！？!?\s（(]|(?:涵盖|包括|反映)了?)20\d{2}年度?[，,]?\s*([\u4e00-\u9fff]{2,12}?)${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!办公室|机关|党组|系统|所属|下属)`,
    'g',
  );
  const full = new Set<string>();
  for (const line of lines) {
    for (const match of asciiDigits(line.text).matchAll(mention)) {
      const name = match[1]! + short;
      const place = /^(?:[\u4e00-\u9fff]{2,12}?[省市县区旗州盟])+/.exec(name)?.[0] ?? '';
      // (the words before it a place's only: `2025年住建局与市住建局…` names none)
      if (
        place.length >= match[1]!.length &&
        !/[局委办厅院会部处室所站队馆与和及的]/.test(match[1]!) &&
        isOrganName(name) &&
        !GENERIC_ORGAN.test(name)
      ) {
        full.add(name);
      }
    }
  }
  return full.size === 1 ? [...full][0]! : short;
}

/**
 * Whether the words before a name complete it: a place (`黄石` + `市民政局`, `湖北省` + `黄石市民政局`) or the organ above
 * (`某市人民政府` + `办公室`). A site's name before it (`来源: 上海普陀上海市普陀区宜川路街道办事处`) does not.
 */
function completesName(extra: string, name: string): boolean {
  return extra === '' || /^[省市县区旗州盟镇乡]/.test(name) || /(?:省|市|县|区|旗|州|盟|镇|乡|街道|政府|委员会|局)$/.test(extra);
}

// ---------------------------------------------------------------- findings

function textFindings(
  template: DetectedTemplate,
  headings: readonly FoundHeading[],
  truncatedIn: TableId | null,
  textCut: TextCut | null,
  agency: string | null,
  year: number | null,
  yearSource: DocumentText['yearSource'],
  malformed: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  const sections = TEMPLATES[template === '2019' ? '2019' : '2021'].sections;
  // Nothing after the section of the table the text ends in can be blamed on the report (rule 38).
  const tableAt = sections.findIndex((s) => s.table === truncatedIn);
  // A text cut outside its tables (a heading cut short, prose cut mid-sentence): the same, from its section on.
  const cut = textCut !== null ? textCut.index : tableAt === -1 ? sections.length : tableAt;
  const found = new Set(headings.map((h) => h.match.id));
  if (textCut !== null) {
    // (before the other findings: a table cut's notice comes first among the reading findings, too)
    findings.push(finding('READ-TRUNCATED', textCut.message));
    // The section whose heading the text stops in is there, cut short (`三、收到和处理政府信息公开申请`): no variant.
    found.add(textCut.section);
  }
  sections.forEach((section, index) => {
    if (!found.has(section.id) && index <= cut) {
      findings.push(finding('STRUCT-SECTION', `缺少“${section.heading}”部分`));
    }
  });
  for (const { match } of headings) {
    if (!match.exact && !(textCut?.inHeading === true && textCut.section === match.id)) {
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
