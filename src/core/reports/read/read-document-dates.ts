// Dates as reports write them: `2024年1月19日`, `2023 年 12 月 31 日`, `二〇二四年一月十九日`, and the
// statistical period `自2023年1月1日起至2023年12月31日止` (annual-report.md §6.4; validation-rules.md
// rules 8, 33). A malformed date (`202020年`, month 13) is kept with iso null, never repaired.

import { parseLocalDate } from '#core/calendar/local-date.ts';
import type { StatedDate } from './reading-parts.ts';

const HAN_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;

/** Folds full-width digits to ASCII (a 1:1 replacement: string positions stay valid). */
export function asciiDigits(text: string): string {
  return !FULL_WIDTH_DIGIT.test(text) ? text : text.replace(/[\uff10-\uff19]/g, (ch) => String(ch.charCodeAt(0) - 0xff10));
}

const ALL_DIGITS = /^\d+$/;

/**
 * A number written in digits or Chinese numerals up to 99 (`12`, `六`, `十二`, `二十三`), or in
 * digit-by-digit Chinese (`二〇二四`); undefined for anything else.
 */
export function parseCount(text: string): number | undefined {
  if (ALL_DIGITS.test(text)) {
    return Number(text);
  }
  const ten = text.indexOf('十');
  if (ten === -1) {
    if (text === '' || text.length > 4) {
      return undefined;
    }
    let value = 0;
    // By UTF-16 unit: every numeral is one, and half of a surrogate pair is no numeral either.
    for (let i = 0; i < text.length; i++) {
      const digit = HAN_DIGIT[text[i]!];
      if (digit === undefined) {
        return undefined;
      }
      value = value * 10 + digit;
    }
    return value;
  }
  if (text.indexOf('十', ten + 1) !== -1 || text.length > 3) {
    return undefined;
  }
  const tens = ten === 0 ? 1 : HAN_DIGIT[text.slice(0, ten)];
  const unitText = text.slice(ten + 1);
  const units = unitText === '' ? 0 : HAN_DIGIT[unitText];
  return tens === undefined || units === undefined ? undefined : tens * 10 + units;
}

// A batch states the same few dates again and again (its year's 1月1日 and 12月31日, signature days): the
// ISO form of each year, month and day text is remembered rather than parsed and checked for every
// report (it was a fifth of the document-text reader). Keyed by the texts joined with 年/月/日, which
// none of them holds. Bounded; cleared when full.
const ISO_OF_TEXTS = new Map<string, string | null>();
const ISO_OF_TEXTS_LIMIT = 4096;

/** A date from its year, month and day texts; iso null unless a real calendar date with a 4-digit year. */
export function statedDate(raw: string, yearText: string, monthText: string, dayText: string): StatedDate {
  const key = `${yearText}年${monthText}月${dayText}日`;
  let iso = ISO_OF_TEXTS.get(key);
  if (iso === undefined) {
    if (ISO_OF_TEXTS.size >= ISO_OF_TEXTS_LIMIT) {
      ISO_OF_TEXTS.clear();
    }
    iso = isoOfTexts(yearText, monthText, dayText);
    ISO_OF_TEXTS.set(key, iso);
  }
  return { raw, iso };
}

function isoOfTexts(yearText: string, monthText: string, dayText: string): string | null {
  const year = yearText.length === 4 ? parseCount(yearText) : undefined;
  const month = parseCount(monthText);
  const day = parseCount(dayText);
  if (year === undefined || month === undefined || day === undefined) {
    return null;
  }
  // parseLocalDate decides whether the day exists (month 13, 2月30日); iso keeps the year as read.
  const exists = parseLocalDate(`${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`) !== undefined;
  return exists ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

const YEAR = '(\\d+|[〇零○Ｏ一二三四五六七八九]{4})';
const MONTH_DAY = '(\\d{1,3}|[一二三四五六七八九十]{1,3})';
const FULL_DATE = new RegExp(`^${YEAR}年${MONTH_DAY}月${MONTH_DAY}日$`);

/** A line that is a date and nothing else (the signature date, §6.4), spaces ignored; else null. */
export function lineDate(line: string): StatedDate | null {
  const compact = asciiDigits(line.replace(/\s+/g, ''));
  if (compact.length > 20) {
    return null;
  }
  const match = FULL_DATE.exec(compact);
  return match === null ? null : statedDate(compact, match[1]!, match[2]!, match[3]!);
}

/** A statistical period: start and end as written, and the matched text. */
export interface StatedPeriod {
  readonly from: StatedDate;
  readonly to: StatedDate;
  readonly text: string;
}

// `…YYYY年M月D日…(至|到|起至|起,至)…(YYYY年)?M月D日…` (validation-rules.md rule 8); the lookbehind keeps the
// search linear on long digit runs.
const PERIOD = /(?<!\d)(\d+)年(\d{1,3})月(\d{1,3})日(?:零时|0时)?(?:起)?[，,]?(?:至|到|—|–|－|-|~|～)(?:(\d+)年)?(\d{1,3})月(\d{1,3})日/;

// A page that lost the first date's 年 (`统计期限为20231月1日至12月31日`): a 20xx year run into the month.
const YEAR_DROPPED_PERIOD =
  /(?<!\d)(20\d{2})(\d{1,2})月(\d{1,2})日(?:零时|0时)?(?:起)?[，,]?(?:至|到|—|–|－|-|~|～)(?:(20\d{2})年?)?(\d{1,2})月(\d{1,2})日/;

// Dates written with dots, slashes or hyphens (`2023.1.1-2023.12.31`, `2023-01-01至2023-12-31`).
const NUMERIC_DATE = /(?<!\d)(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?!\d)/g;
// A range of months (`2023年1月至2023年12月`, `2023年1-12月`): from the first day of the one to the last of the other.
const MONTH_PERIOD = /(?<!\d)(\d{4})年(\d{1,2})(?:月份?)?(?:起)?(?:至|到|—|–|－|-|~|～)(?:(\d{4})年)?(\d{1,2})月/;
// A statistics sentence naming a whole year (`统计期限为2023年度`).
const YEAR_PERIOD = /统计[^，。；,;]{0,8}?(?:为|是|：|:)(\d{4})年度?(?![\d月])/;

/**
 * The first date range in a text (spaces ignored); a missing end year takes the start year. Ranges of
 * months and a statistics sentence naming a whole year (`统计期限为2023年度`) are the days they cover.
 */
export function findPeriod(text: string): StatedPeriod | null {
  if (!text.includes('月') && !text.includes('统计')) {
    return null; // a range names two months (a title line has none)
  }
  let compact = asciiDigits(text.replace(/\s+/g, ''));
  if (compact.includes('.') || compact.includes('/') || compact.includes('-')) {
    compact = compact.replace(NUMERIC_DATE, '$1年$2月$3日');
  }
  const match = PERIOD.exec(compact) ?? YEAR_DROPPED_PERIOD.exec(compact);
  if (match === null) {
    return coveredPeriod(compact) ?? periodApart(compact);
  }
  const [whole, y1, m1, d1, y2, m2, d2] = match as unknown as [string, string, string, string, string | undefined, string, string];
  const toRaw = `${y2 === undefined ? '' : `${y2}年`}${m2}月${d2}日`;
  return {
    from: statedDate(`${y1}年${m1}月${d1}日`, y1, m1, d1),
    to: statedDate(toRaw, y2 ?? y1, m2, d2),
    text: whole,
  };
}

/** A range of months, or a whole year named in a statistics sentence, as the days it covers. */
function coveredPeriod(compact: string): StatedPeriod | null {
  const months = MONTH_PERIOD.exec(compact);
  if (months !== null) {
    const [whole, y1, m1, y2, m2] = months as unknown as [string, string, string, string | undefined, string];
    const endYear = y2 ?? y1;
    return {
      from: statedDate(`${y1}年${m1}月`, y1, m1, '1'),
      to: statedDate(`${endYear}年${m2}月`, endYear, m2, String(lastDay(endYear, m2))),
      text: whole,
    };
  }
  const year = YEAR_PERIOD.exec(compact);
  if (year === null) {
    return null;
  }
  const y = year[1]!;
  return { from: statedDate(`${y}年1月1日`, y, '1', '1'), to: statedDate(`${y}年12月31日`, y, '12', '31'), text: year[0] };
}

// A period stated by its end and its start apart, in a sentence about the statistics (`报告统计数据截止时间为2022年12月31日,
// 统计数据为2022年1月1日以来制作…`, probeI5 049; `自2023年1月1日起,截至2023年12月31日`): the date after 截止/截至 ends it,
// a date followed by 以来 or 起 starts it.
const STATISTICS_WORDS = /统计(?:数据|期限|时限|时间|区间|范围)|数据统计|所列数据/;
const PERIOD_END = /截[止至](?:到|时间|日期)?(?:为|是|到|于)?(\d{4})年(\d{1,2})月(\d{1,2})日/;
const PERIOD_START = /(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日(?:零时|0时)?(?:以来|起)/;

/** A period whose end (`截止…为D2`) and start (`D1以来`) are stated apart; null unless both are real dates, D1 before D2. */
function periodApart(compact: string): StatedPeriod | null {
  if (!compact.includes('截') || !STATISTICS_WORDS.test(compact)) {
    return null;
  }
  const end = PERIOD_END.exec(compact);
  const start = PERIOD_START.exec(compact);
  if (end === null || start === null) {
    return null;
  }
  const [endRaw, y2, m2, d2] = end as unknown as [string, string, string, string];
  const [startRaw, y1, m1, d1] = start as unknown as [string, string, string, string];
  const from = statedDate(`${y1}年${m1}月${d1}日`, y1, m1, d1);
  const to = statedDate(`${y2}年${m2}月${d2}日`, y2, m2, d2);
  if (from.iso === null || to.iso === null || from.iso >= to.iso) {
    return null;
  }
  const at = Math.min(start.index, end.index);
  const until = Math.max(start.index + startRaw.length, end.index + endRaw.length);
  return { from, to, text: compact.slice(at, until) };
}

/** The last day of a month (31 for a month that does not exist: the date is then malformed anyway). */
function lastDay(yearText: string, monthText: string): number {
  const month = Number(monthText);
  return month >= 1 && month <= 12 ? new Date(Date.UTC(Number(yearText), month, 0)).getUTCDate() : 31;
}

// A date-like token whose year is 5+ digits (`202020年`) or whose month or day cannot exist.
const DATE_TOKEN = /(?<!\d)(\d{4,})年(?:(\d{1,3})月(?:(\d{1,3})日)?)?/g;

/** Malformed dates in a text (validation-rules.md rule 33): `202020年`, `2023年13月`, `2023年2月30日`. */
export function malformedDatesIn(text: string): string[] {
  if (!text.includes('年')) {
    return []; // every date token has a 年
  }
  const compact = asciiDigits(text.replace(/\s+/g, ''));
  const found: string[] = [];
  for (const match of compact.matchAll(DATE_TOKEN)) {
    const [raw, year, month, day] = match as unknown as [string, string, string | undefined, string | undefined];
    if (year.length > 4) {
      found.push(raw);
    } else if (month !== undefined && statedDate(raw, year, month, day ?? '1').iso === null) {
      found.push(raw);
    }
  }
  return found;
}

/** `2024-01-19` → `2024年1月19日`, as messages print dates. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}
