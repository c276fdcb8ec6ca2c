// Finds the six section headings (annual-report.md §2, §5) tolerantly: with or without `一、`,
// full- or half-width, the 2019 and 2021 wording of section 五, a heading whose wording drifted but
// whose number and subject are right. Anything but a format difference is a STRUCT-HEADING notice.

import { type DetectedTemplate, SECTION_IDS, type SectionId, TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';

/** A heading line matched to a section. */
export interface SectionHeadingMatch {
  readonly id: SectionId;
  /** Position in the template's section order (0 = 一、总体情况). */
  readonly index: number;
  /** The heading as found (trimmed). */
  readonly found: string;
  /** The official heading it is compared with. */
  readonly official: string;
  /** True when only normalisation differs. */
  readonly exact: boolean;
  /** Text after the heading on the same line (`六、其他需要报告的事项：无。`), else ''. */
  readonly rest: string;
  /**
   * True when numbered as the template numbers its section (`二、…`, Chinese numeral and `、`); false for a bare heading,
   * another numeral (`1、主动公开政府信息情况`, an item of section 一) or another numbering.
   */
  readonly numbered: boolean;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** The official headings of both templates without their `一、` numbering, normalised, per section. */
const CORES: readonly { readonly id: SectionId; readonly cores: readonly { core: string; heading: string; year: '2019' | '2021' }[] }[] =
  SECTION_IDS.map((id, index) => {
    const of = (year: '2019' | '2021') => {
      const heading = (year === '2019' ? TEMPLATE_2019 : TEMPLATE_2021).sections[index]!.heading;
      return { core: normalise(heading).slice(2), heading, year };
    };
    const both = [of('2021'), of('2019')];
    return { id, cores: both[0]!.core === both[1]!.core ? [both[0]!] : both };
  });

// The subject words of each section: a numbered heading with the right number and these words is the
// section even when its wording drifted (`四、因政府信息公开申请提起行政复议、行政诉讼情况`).
// Section 一 also under a title saying only that it tells the year's work (`一、 工作情况`, `一、工作概况`, probeQ2 032: the
// report's first numbered heading, its work as `（一）`…`（三）` under it), when it names no other section's subject
// (`一、主动公开工作情况` is section 二 misnumbered); a page's `一、公文类政府信息公开情况` or `一、政府信息公开范围` is none.
const OVERVIEW_WORDS = /总体情况|总体概况|概述|基本情况/;
const WORK_SUMMARY = /^(?:[\u4e00-\u9fff]{0,12}工作(?:开展)?(?:情况|概况)|概况)$/;
const SUBJECT: Readonly<Record<SectionId, (core: string) => boolean>> = {
  overview: (core) => OVERVIEW_WORDS.test(core) || (WORK_SUMMARY.test(core) && !OTHER_SUBJECTS.some((subject) => subject(core))),
  proactive: (core) => core.includes('主动公开'),
  applications: (core) => core.includes('申请') && !/复议|诉讼/.test(core),
  appeals: (core) => /复议|诉讼/.test(core),
  problems: (core) => /问题|改进/.test(core),
  other_matters: (core) => /其他|其它/.test(core) && /事项|报告/.test(core),
};
/** Whether a section 一 heading as found is titled only by the work it tells (`一、 工作情况`), not by the template's words. */
export function titlesOnlyWork(found: string): boolean {
  const core = normalise(found).replace(/^[一二三四五六七八九十]{1,2}[、.,]/, '');
  return WORK_SUMMARY.test(core) && !OVERVIEW_WORDS.test(core);
}
const OTHER_SUBJECTS = SECTION_IDS.filter((id) => id !== 'overview').map((id) => (core: string) => SUBJECT[id](core));

/** Format-only normalisation (annual-report.md §5): NFKC, no whitespace, no trailing stop or colon. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。.:;]+$/, '');
}

// First characters a heading can start with: a numbering's (`第`, `一`…`十`, `1`…`9`) or an official
// heading's own when it stands without its number (`总体情况`).
const HEADING_STARTS: ReadonlySet<number> = new Set(
  [...'第一二三四五六七八九十123456789', ...CORES.flatMap((section) => section.cores.map((c) => c.core.charAt(0)))].map((ch) =>
    ch.charCodeAt(0),
  ),
);

/**
 * Whether a trimmed line cannot be a heading, judged by its first character alone: an ASCII character
 * or a CJK ideograph is the same after normalise (NFKC leaves both alone, and only whitespace is
 * removed), and a full-width form (`（`, `１`) becomes its ASCII character, so the normalised key starts
 * with that; when no numbering and no official heading starts so, matchHeadingText can only return
 * null. Most lines of a narrative start like that (`本年度…`, `2023年…`, `（一）…`).
 */
function cannotBeHeading(trimmed: string): boolean {
  let first = trimmed.charCodeAt(0);
  if (first >= 0xff01 && first <= 0xff5e) {
    first -= 0xfee0;
  }
  const plain = (first > 0x20 && first < 0x7f) || (first >= 0x4e00 && first <= 0x9fff);
  return (plain && !HEADING_STARTS.has(first)) || startsWithTwoDigits(first, trimmed.charCodeAt(1));
}

/**
 * `2023年…`: a digit followed by a digit (ASCII or full-width, which NFKC makes ASCII) starts no
 * numbering (`1、`, `3.` take one digit) and no official heading, and whitespace removal cannot put
 * anything between them.
 */
function startsWithTwoDigits(first: number, second: number): boolean {
  const digit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
  return first >= 0x30 && first <= 0x39 && digit(second);
}

const NUMBERING =
  /^(?:第([一二三四五六七八九十]{1,2})部分[、.,:]?|([一二三四五六七八九十]{1,2}|[1-9])([、.,])|\(([一二三四五六七八九十])\))/;
const MAX_HEADING = 40;
// Question marks where a page put characters it could not encode, before a heading's numeral or text.
const ENCODING_JUNK = /^[?？][?？\s]*(?=[(（1-9\u4e00-\u9fff])/;
// The same after a heading's text (`一、总体情况?`, probeL2 027: a mirror wrote each paragraph's closing space so).
const TRAILING_JUNK = /(?<=[\u4e00-\u9fff）)])\s*[?？][?？\s]*$/;
// A Chinese numeral set off by a space instead of `、` (`二 政府信息主动公开情况`, `一 概 述`, probeL2 042), before a line of
// words only: no digit, no sentence punctuation (a line of prose or a table row beginning `一 ` is none).
const SPACED_NUMBERING = /^([一二三四五六七八九十]{1,2})[ \t\u3000\u00a0]+(?=[\u4e00-\u9fff])/;
const SPACED_TEXT = /^[\u4e00-\u9fff、（）() \t\u3000\u00a0]+$/;

// A list's bullet a page's conversion left before a heading (`- 总体情况`, probeQ2 034: the page's `<ol>` numbering lost).
const LIST_BULLET = /^[-*•]\s+/;

/** The line without a list bullet before it; tried only on a line starting with one of the bullet characters. */
function unbulleted(trimmed: string): string {
  const first = trimmed.charCodeAt(0);
  return first === 0x2d || first === 0x2a || first === 0x2022 ? trimmed.replace(LIST_BULLET, '') : trimmed;
}

/**
 * Matches one line against the section headings from `fromIndex` on (headings come in template order).
 * Returns null for any other line. `template` decides which wording of section 五 is official.
 */
export function matchSectionHeading(
  line: string,
  template: DetectedTemplate,
  fromIndex: number,
  bracketed = false,
): SectionHeadingMatch | null {
  // `??一、總體情況` (probeH9 010): characters the page could not encode, written as `?`, before the numeral hide
  // no heading.
  const stripped = unbulleted(line.trim()).replace(ENCODING_JUNK, '');
  // Only a line ending in `?` can hold trailing junk: the look-behind pattern is not tried on every line of a report.
  const last = stripped.charCodeAt(stripped.length - 1);
  const trimmed = last === 0x3f || last === 0xff1f ? stripped.replace(TRAILING_JUNK, '') : stripped;
  if (trimmed === '' || fromIndex >= SECTION_IDS.length) {
    return null;
  }
  if (bracketed) {
    // Sections numbered `(一)总体情况` … `(六)…` (a report without `一、` headings, findHeadings' second pass): a
    // whole line, numbered as its section, nothing after it.
    return /^[(（][一二三四五六]/.test(trimmed) && trimmed.length <= MAX_HEADING
      ? matchHeadingText(trimmed, template, fromIndex, false, true)
      : null;
  }
  if (cannotBeHeading(trimmed)) {
    return null;
  }
  const spaced = SPACED_NUMBERING.exec(trimmed);
  if (spaced !== null) {
    // `一 概 述`: numbered as `一、概述` would be, a whole line; the numbering differs from the format's (a notice).
    const text = trimmed.slice(spaced[0].length);
    const head = SPACED_TEXT.test(text) ? matchHeadingText(`${spaced[1]}、${text}`, template, fromIndex, false) : null;
    return head === null ? null : { ...head, found: trimmed, exact: false };
  }
  // A numbered heading followed by its text on the same line (`六、其他需要报告的事项：无。`); a trailing
  // stop alone (`一、总体情况。`) is format and handled with the whole line.
  const stop = trimmed.search(/[：:。]/);
  if (stop > 0 && stop <= MAX_HEADING && stop < trimmed.length - 1) {
    const head = matchHeadingText(trimmed.slice(0, stop), template, fromIndex, true);
    if (head !== null) {
      return { ...head, rest: trimmed.slice(stop + 1).trim() };
    }
  }
  return trimmed.length <= MAX_HEADING * 2 ? matchHeadingText(trimmed, template, fromIndex, false) : null;
}

function matchHeadingText(
  text: string,
  template: DetectedTemplate,
  fromIndex: number,
  inline: boolean,
  bracketed = false,
): SectionHeadingMatch | null {
  const key = normalise(text);
  if (key === '' || key.length > MAX_HEADING) {
    return null;
  }
  // A heading whose numeral the page lost (`、总体情况`, probeH1 052: the numerals were images) is numbered all
  // the same, by an unknown number: the section only with the official heading text, never a drifted one.
  const lostNumeral = !bracketed && key.startsWith('、');
  // `三是收到和处理政府信息公开申请情况` (probeH12 031): a list's ordinal for the numeral, the official heading text after it.
  const ordinalIs = inline || bracketed ? null : /^([一二三四五六])是(?=.)/.exec(key);
  if (ordinalIs !== null) {
    const index = NUMERALS.indexOf(ordinalIs[1] as (typeof NUMERALS)[number]);
    const section = index >= fromIndex ? CORES[index] : undefined;
    const exactCore = section?.cores.find((c) => c.core === key.slice(2));
    return section === undefined || exactCore === undefined
      ? null
      : {
          id: section.id,
          index,
          found: text.trim(),
          official: officialOf(section.cores, template, exactCore.year),
          exact: false,
          rest: '',
          numbered: false,
        };
  }
  const numbering = lostNumeral ? null : NUMBERING.exec(key);
  if ((numbering?.[4] !== undefined) !== bracketed) {
    return null;
  }
  const numeral = numbering === null ? null : (numbering[1] ?? numbering[2] ?? numbering[4]!);
  const plainNumbering = numbering !== null && numbering[2] !== undefined;
  const core = lostNumeral ? key.slice(1) : numbering === null ? key : key.slice(numbering[0].length);
  for (let index = fromIndex; index < CORES.length; index++) {
    const section = CORES[index]!;
    const rightNumber = numeral === NUMERALS[index] || numeral === String(index + 1);
    const exactCore = section.cores.find((c) => c.core === core);
    if (lostNumeral) {
      if (exactCore === undefined) {
        continue;
      }
      const official = officialOf(section.cores, template, exactCore.year);
      return { id: section.id, index, found: text.trim(), official, exact: false, rest: '', numbered: false };
    }
    // A heading with its text on the same line (`三、主动公开政府信息情况。2021年，我局无…`) under another number
    // than its section's is a numbered sentence of the section before it, not the heading.
    if (
      exactCore !== undefined &&
      (numbering !== null || !inline) &&
      !(inline && numeral !== null && !rightNumber) &&
      !(bracketed && !rightNumber)
    ) {
      const official = officialOf(section.cores, template, exactCore.year);
      const numbered = plainNumbering && numeral === NUMERALS[index];
      const exact = numbered && exactCore.heading === official;
      return { id: section.id, index, found: text.trim(), official, exact, rest: '', numbered };
    }
    // Only a Chinese ordinal: `3.依申请公开…` is a numbered paragraph, not a drifted heading.
    if (!inline && numeral === NUMERALS[index] && SUBJECT[section.id](core)) {
      return {
        id: section.id,
        index,
        found: text.trim(),
        official: officialOf(section.cores, template, exactCore?.year),
        exact: false,
        rest: '',
        numbered: plainNumbering,
      };
    }
  }
  return null;
}

/** The official heading: the detected template's; a mixed or unknown report accepts either wording. */
function officialOf(
  cores: readonly { heading: string; year: '2019' | '2021' }[],
  template: DetectedTemplate,
  foundYear: '2019' | '2021' | undefined,
): string {
  const year = template === '2019' || template === '2021' ? template : (foundYear ?? '2021');
  return (cores.find((c) => c.year === year) ?? cores[0]!).heading;
}

/**
 * The section whose official heading (either template's wording) a line is the start of, cut short (`三、收到`,
 * `五、存在的主`: a page that stops inside the heading, rule 38), numbered `N、` as the template numbers it and with
 * a word of the heading after the number; null for any other line, the whole heading included.
 */
export function cutHeadingSection(line: string): { readonly id: SectionId; readonly index: number } | null {
  const key = normalise(line);
  const index = NUMERALS.indexOf(key.charAt(0) as (typeof NUMERALS)[number]);
  if (index < 0 || key.charAt(1) !== '、' || key.length < 3) {
    return null;
  }
  const start = key.slice(2);
  const section = CORES[index]!;
  return section.cores.some((c) => c.core.length > start.length && c.core.startsWith(start)) ? { id: section.id, index } : null;
}
