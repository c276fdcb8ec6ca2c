// Rules the project adds to the spec's catalogue for inconsistencies real reports showed (issue #9,
// docs/validation-rules-added.md): NARR-SUM-LIST (44), NARR-T2-IN-FORCE (45), META-YEAR-TEXT (46),
// STRUCT-NUMBERING (47), NARR-CHANNEL (49), NARR-T3-HANDLED (51), NARR-T3-CARRIED (52),
// NARR-ORDINAL (53). Patterns have bounded gaps; parts are read from the end of each piece, never
// with a backtracking `(.*?)(\d+)` over the whole sentence.

import { excerptOf, type NarrativeSentence, splitClauses } from '../read/narrative-sentences.ts';
import { table2StatementCell, table2StatementOf } from '../read/narrative-table2.ts';
import { asciiDigits, parseCount } from '../read/read-document-dates.ts';
import { MAKES_REPORT, NAVIGATION } from '../read/read-document-text.ts';
import type { RuleEvaluation, RuleId } from '../report-model.ts';
import { TEMPLATES } from '../template.ts';
import { cellValue, evaluated, notAssessable } from './evaluation.ts';
import { table2StatementEvaluation } from './narrative-rules.ts';
import {
  COMPARISON,
  CONSEQUENCE,
  endsCategoryList,
  holdsOwnList,
  namesCategory,
  parseNarrativeSum,
  strictTotalAt,
  sumText,
  withoutBreakdowns,
  withoutOwnBreakdown,
  withoutTrailingNote,
} from './narrative-sums.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { templateOf } from './template-of.ts';
import { cutByTextEnd, narrativeMentions, sentencesOf, uniqueSubjects } from './text-rules-support.ts';

// ---------------------------------------------------------------- NARR-SUM-LIST (44)

/** A total and its listed parts that the strict parse of rule 29 (validation-rules.md §3) skips. */
export interface LooseSum {
  readonly total: number;
  /** `余`/`多` after the total: it means at least `total`, below the next unit of its last digit. */
  readonly totalApproximate: boolean;
  readonly unit: string;
  /** Σ parts, `余`/`多` parts counted at their stated figure (a lower bound). */
  readonly sum: number;
  readonly partsApproximate: boolean;
  readonly detail: string;
  readonly catchAll: boolean;
  /**
   * 其中 (the parts make up the total) or 包括 (the parts may be a selection); null when the parts follow the total
   * with no marker (parseUnmarkedSum), read as a 包括 list.
   */
  readonly marker: '其中' | '包括' | null;
}

// Longer units first: 372人次 is a count of 人次, not of 次.
const UNIT_FAMILY: Readonly<Record<string, readonly string[]>> = {
  人次: ['人次'],
  条次: ['条次', '条'],
  件次: ['件次', '件'],
  件: ['件'],
  条: ['条'],
  篇: ['篇'],
  个: ['个'],
  项: ['项'],
  次: ['次'],
};
const LOOSE_TOTAL =
  /(?<!\d)(\d+)(余|多)?(人次|条次|件次|件|条|篇|个|项|次)([^，,。；;：:\d（()）]{0,10}?)[，,：:]?\s*([（(])?\s*(?:内容|主要内容)?(其中|包括|包含)[，,：:]?/;
const CATCH_ALL = /^(?:其他|其它|其余)/;
const LIST_JOINER = /^(?:以及|及|和|另有|还有|另外)/;

function trailing(text: string, units: readonly string[]): { label: string; value: number; approximate: boolean } | undefined {
  for (const unit of units) {
    if (!text.endsWith(unit)) {
      continue;
    }
    let end = text.length - unit.length;
    const approximate = end > 0 && (text[end - 1] === '余' || text[end - 1] === '多');
    if (approximate) {
      end--;
    }
    let start = end;
    while (start > 0 && text.charCodeAt(start - 1) >= 48 && text.charCodeAt(start - 1) <= 57) {
      start--;
    }
    if (start < end && end - start <= 9) {
      return { label: text.slice(0, start), value: Number(text.slice(start, end)), approximate };
    }
  }
  return undefined;
}

/** The list after the marker, up to the bracket that closes it when it opened with one. */
function listText(rest: string, bracketed: boolean): string {
  if (!bracketed) {
    return rest;
  }
  let depth = 1;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === '(' || ch === '（') {
      depth++;
    } else if (ch === ')' || ch === '）') {
      depth--;
      if (depth === 0) {
        return rest.slice(0, i);
      }
    }
  }
  return rest;
}

/**
 * Parses what rule 29's parse leaves aside: a noun or bracket between total and 其中 (`84条信息，其中`,
 * `2599条，(其中…)`), 包括 for 其中, `、` inside a part's label (`政策、规范性文件类信息68条`), the units 人次
 * and 条次, approximate figures. Null when the strict parse applies or no two parts are found.
 */
export function parseLooseSum(sentence: string): LooseSum | null {
  if (!(sentence.includes('其中') || sentence.includes('包括') || sentence.includes('包含'))) {
    return null;
  }
  const text = sumText(sentence);
  const match = LOOSE_TOTAL.exec(text);
  if (match === null) {
    return null;
  }
  // Rule 29 checks its total; a total before it (`…382条，包括…公众号2443条，其中…`, the strict total a part of
  // this list) is still this rule's.
  if (parseNarrativeSum(sentence) !== null && match.index >= strictTotalAt(sentence)) {
    return null;
  }
  const total = Number(match[1]);
  const unit = match[3]!;
  const units = UNIT_FAMILY[unit] ?? [unit];
  const list = listText(text.slice(match.index + match[0].length), match[5] !== undefined);
  const parts: { value: number; label: string }[] = [];
  let partsApproximate = false;
  let catchAll = false;
  let categories = 0;
  pieces: for (const raw of list.split(/[，,；;]/)) {
    // A part's own breakdown in a bracket closed within the piece is left out, as in rule 29's parse (probeH9 030),
    // and so is a note that counts nothing in the list's unit (`日常工作情况240条(街道11个科室以及4个社区)`,
    // `政府信息公开指南(2023年版)1条`, probeP1 013).
    const piece = withoutOwnBreakdown(withoutTrailingNote(withoutNotes(raw.trim().replace(LIST_JOINER, ''), units)), units);
    if (piece === '') {
      continue;
    }
    if (holdsOwnList(piece)) {
      break; // as rule 29's parse
    }
    if (COMPARISON.test(piece)) {
      continue; // as rule 29's parse
    }
    const subs = piece.split('、');
    let label = '';
    for (let i = 0; i < subs.length; i++) {
      const part = trailing(subs[i]!.trim(), units);
      if (part === undefined) {
        if (i === subs.length - 1) {
          break pieces; // the list ends: `新开辟专栏3个`, a clause without a count
        }
        label += `${subs[i]}、`; // `政策、规范性文件类信息68条`: one label
        continue;
      }
      if (part.label.endsWith('各')) {
        return null; // distributive parts are rule 29's
      }
      if (CONSEQUENCE.test(label + part.label)) {
        break pieces; // what the items led to (`引发行政复议1件`), as rule 29's parse
      }
      if (
        endsCategoryList(
          parts.map((p) => p.label),
          categories,
          label + part.label,
        )
      ) {
        break pieces; // another channel's count after kinds of information (rule 29's parse does the same)
      }
      if (namesCategory(label + part.label)) {
        categories++;
      }
      if (CATCH_ALL.test(label + part.label)) {
        catchAll = true;
      }
      partsApproximate ||= part.approximate;
      parts.push({ value: part.value, label: label + part.label });
      label = '';
    }
  }
  if (parts.length < 2) {
    return null;
  }
  if (parts.reduce((s, p) => s + p.value, 0) > total && withoutBreakdowns(parts, total) && parts.length < 2) {
    return null; // a part's own outcomes were all there was after it (rule 29's parse does the same)
  }
  return {
    total,
    totalApproximate: match[2] !== undefined,
    unit,
    sum: parts.reduce((s, p) => s + p.value, 0),
    partsApproximate,
    detail: parts.map((p) => p.value).join('+'),
    catchAll,
    marker: match[6] === '其中' ? '其中' : '包括',
  };
}

// A total stated as one (`累计公布信息69条`, `共发布政府信息…N条`) of a noun named bare — 信息, 政府信息, 申请, 文件, no kind
// of them (`共发布生态环境保护类信息40条，征地信息类121条` lists kinds side by side, corpus g005) — its clause ended by a
// comma; and a part of it that follows at once, a kind of the total's noun: Han characters only, no verb, no channel.
const UNMARKED_TOTAL =
  /(?:(?<!公)共|累计|合计|总计)[^，,。；;：:！？!?\d]{0,16}?(?:公开|公布|发布|更新|报送|上传|收到|受理)了?(?:各类)?(?:政府|政务)?(?:信息|申请|文件)(?:数)?(?:为|达)?(\d+)(件|条|篇|项)[，,]/;
const UNMARKED_PART = /^([\u4e00-\u9fff]{2,12}?)(\d{1,6})(件|条|篇|项)$/;
const NOT_A_KIND =
  /公开|公布|发布|办结|办理|回复|答复|受理|收到|处理|报送|上报|更新|转载|推送|制定|制发|印发|出台|解读|开展|组织|举办|召开|接待|新增|完成|增加|减少|增长|下降|同比|较|比|累计|共|合计|总计|其中|包括|包含|各|等|涉及|网站|微信|微博|公众号|平台|新媒体|门户|客户端|专栏|栏目|号$/;

/**
 * A total and parts that follow it at once with no 其中 or 包括 (`本年度我局向赫章县人民政府网站累计公布信息69条,工作动态61条,
 * 运输管理5条,建设管理3条,航务管理1条,依申请公开事项办结1件`, probeP2 022): the parts end at the first piece that is not a
 * bare kind and its count in the total's unit. Null when the sentence has a marker (the other parses read it) or fewer
 * than two parts follow. Read as a 包括 list: only parts above the total are a finding.
 */
export function parseUnmarkedSum(sentence: string): LooseSum | null {
  if (sentence.includes('其中') || sentence.includes('包括') || sentence.includes('包含')) {
    return null;
  }
  const text = sumText(sentence);
  const match = UNMARKED_TOTAL.exec(text);
  if (match === null) {
    return null;
  }
  const total = Number(match[1]);
  const unit = match[2]!;
  const parts: number[] = [];
  for (const raw of text.slice(match.index + match[0].length).split(/[，,]/)) {
    const end = raw.search(/[。；;！？!?]/);
    const piece = (end === -1 ? raw : raw.slice(0, end)).trim();
    const part = UNMARKED_PART.exec(piece);
    if (part === null || part[3] !== unit || NOT_A_KIND.test(part[1]!)) {
      break;
    }
    parts.push(Number(part[2]));
    if (end !== -1) {
      break;
    }
  }
  if (parts.length < 2) {
    return null;
  }
  return {
    total,
    totalApproximate: false,
    unit,
    sum: parts.reduce((s, p) => s + p, 0),
    partsApproximate: false,
    detail: parts.join('+'),
    catchAll: false,
    marker: null,
  };
}

/** A piece without its brackets that hold no count in `units` (`(2023年版)`, `(街道11个科室以及4个社区)`). */
function withoutNotes(piece: string, units: readonly string[]): string {
  if (!piece.includes(')') && !piece.includes('）')) {
    return piece;
  }
  return piece.replace(/[（(][^（()）]*[）)]/g, (bracket: string) =>
    /其中|包括|包含/.test(bracket) || units.some((unit) => new RegExp(`\\d\\s*(?:余|多)?${unit}`).test(bracket)) ? bracket : '',
  );
}

/** The least a total `N余` cannot reach: the next unit of its last non-zero digit (732余 < 733, 200余 < 300). */
function approximateCeiling(total: number): number {
  let step = 1;
  while (total > 0 && total % (step * 10) === 0) {
    step *= 10;
  }
  return total + step;
}

/**
 * NARR-SUM-LIST (44): parts above what the total can mean, or — with 其中, exact figures and a
 * catch-all part — below it. Approximate figures are compared by their bounds only; a 包括 list
 * below its total may be a selection and is no finding.
 */
export const checkNarrativeSumList: RuleCheck = ({ report }) => {
  const marked = narrativeMentions(report, '其中') || narrativeMentions(report, '包括') || narrativeMentions(report, '包含');
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  const sentences = sentencesOf(report);
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    // parseLooseSum needs one of the markers; parseUnmarkedSum reads sentences without them.
    const parsed = (marked ? parseLooseSum(sentence.text) : null) ?? parseUnmarkedSum(sentence.text);
    if (parsed === null) {
      continue;
    }
    const { total, totalApproximate, unit, sum, partsApproximate, detail, catchAll, marker } = parsed;
    const ceiling = totalApproximate ? approximateCeiling(total) : total + 1;
    const exceeds = sum >= ceiling;
    // A list cut off by the end of the text (cutByTextEnd) may have lost parts: no shortfall is read from it.
    const short =
      !totalApproximate && !partsApproximate && marker === '其中' && catchAll && sum < total && !cutByTextEnd(report, sentences, i);
    const totalText = `${total}${totalApproximate ? '余' : ''}`;
    out.push(
      evaluated({
        rule: 'NARR-SUM-LIST',
        subject: subject(sentence.text),
        expression: totalApproximate || partsApproximate ? '分项合计 < 总数上限' : '总数 = 分项合计',
        cells: [],
        left: total,
        right: sum,
        holds: !exceeds && !short,
        message: () =>
          `“${excerptOf(sentence.text)}”：总数${totalText}${unit}，分项合计${partsApproximate ? '至少' : ''}${sum}${unit}（${detail}）`,
      }),
    );
  }
  return out;
};

// ---------------------------------------------------------------- NARR-T2-IN-FORCE (45)

/** NARR-T2-IN-FORCE (45): `现行有效行政规范性文件393件` = table 二 现行有效件数 (2021 template). */
export const checkNarrativeInForce: RuleCheck = ({ report }) => {
  const template = templateOf(report, '二');
  if (template.id !== '2021' || !narrativeMentions(report, '现行有效')) {
    return [];
  }
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    if (!sentence.text.includes('现行有效')) {
      continue;
    }
    for (const clause of splitClauses(sentence.text)) {
      const statement = table2StatementOf(clause);
      if (statement?.rule !== 'NARR-T2-IN-FORCE') {
        continue;
      }
      const id = table2StatementCell(statement, template.id)!;
      out.push(table2StatementEvaluation(report, template, statement, id, subject(clause), `正文称现行有效${statement.label}`));
    }
  }
  return out;
};

// ---------------------------------------------------------------- META-YEAR-TEXT (46)

// The report named in its own introduction (`特向社会公布2020年度某局政府信息公开年度报告`), outside 《…》
// (a cited notice about this year's reports names a year too).
const NAMED_REPORT = /(?<!\d)(20\d{2})年度?[^。，,；;《》\d]{0,24}?(?:政府|政务)?信息公开(?:工作)?年度报告/g;

// The report presenting itself in the introduction without the name 年度报告 (`现将2022年度政府信息公开工作报告如下`,
// `现将我局2023年度政府信息公开工作情况报告如下`, probeP2 007): a year, then what was done in 信息公开, reported 如下.
const PRESENTED_REPORT =
  /现将[^。，,；;《》\d]{0,24}?(?<!\d)(20\d{2})年度?[^。，,；;《》\d]{0,24}?(?:政府|政务)?信息公开[^。，,；;《》\d]{0,12}?(?:报告|汇报|总结|公布|通报)如下/g;

// A line that is a title and nothing else: no sentence around it (no verb: `特向社会公布2020年度…年度报告` is
// the introduction naming its report), perhaps numbered, perhaps a file's name.
const BARE_TITLE =
  /^(?![^。]*(?:公布|现将|特向|特此|发布|印发|编制|报送|根据|如下))(?:附件\s*[:：]?\s*)?(?:\d{1,2}\s*[.、．]\s*)?[^。，,；;：:！？!?]{0,60}年度报告(?:[（(][^（()）]{0,12}[)）])?(?:\.[A-Za-z]{2,4})?$/;

/** META-YEAR-TEXT (46): the introduction names the report with a year other than the one title or period give. */
export const checkNamedReportYear: RuleCheck = ({ report }) => {
  const year = report.text.year;
  // asciiDigits changes no 年度报告: without one in the text no sentence names a report.
  if (
    year === null ||
    (report.text.yearSource !== 'title' && report.text.yearSource !== 'period') ||
    (!narrativeMentions(report, '年度报告') && !narrativeMentions(report, '如下'))
  ) {
    return [];
  }
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    if (sentence.section !== 'preamble' && sentence.section !== 'overview') {
      continue;
    }
    const text = asciiDigits(sentence.text);
    // A link to another year's report on the page (`上一篇：某局2022年…`, `· 某局2021年…`) names no year of this one.
    // Nor does a line that is only a report's title — an attachment or a related link at the page's foot
    // (`附件：1.2023年政府信息公开工作年度报告.pdf`, `国务院办公厅2023年政府信息公开工作年度报告`).
    if ((!text.includes('年度报告') && !text.includes('如下')) || NAVIGATION.test(text) || BARE_TITLE.test(text)) {
      continue;
    }
    const reports = [...text.matchAll(NAMED_REPORT)];
    // A presentation that names no 年度报告 (one that does is read above, once).
    const presented = [...text.matchAll(PRESENTED_REPORT)].filter(
      (p) => !reports.some((n) => n.index < p.index + p[0].length && p.index < n.index + n[0].length),
    );
    for (const match of [...reports, ...presented]) {
      if (insideBookTitle(text, match.index) && !(sentence.section === 'preamble' && ownBookTitle(text, match))) {
        continue;
      }
      const named = Number(match[1]);
      if (
        listedItem(text, match) ||
        severalReports(match[0]) ||
        // `现将各乡镇2022年度…情况汇报如下`: several bodies' work presented, not this report.
        (presented.includes(match) && /[、各]/.test(match[0].slice(0, match[0].indexOf(match[1]!)))) ||
        (named === year - 1 && (workOnReport(text, match) || publishedInTheYear(text, match)))
      ) {
        continue;
      }
      out.push(
        evaluated({
          rule: 'META-YEAR-TEXT',
          subject: subject(sentence.text),
          expression: '正文所称报告年度 = 报告年度',
          cells: [],
          left: named,
          right: year,
          holds: named === year,
          message: () => `正文“${excerptOf(sentence.text)}”称${named}年度报告，与报告年度${year}年不一致`,
        }),
      );
    }
  }
  return out;
};

/**
 * Whether the report named by `match` (inside 《…》) is the title the introduction gives its own report: the 《 right
 * after a verb of making, the title ending with the report's name (no 关于…通知 around it, no other document cited).
 */
function ownBookTitle(text: string, match: RegExpMatchArray): boolean {
  const at = match.index!;
  const open = text.lastIndexOf('《', at);
  const end = at + match[0].length;
  return text[end] === '》' && MAKES_REPORT.test(text.slice(0, open).trimEnd()) && !/[〈<《]|关于/.test(text.slice(open + 1, at));
}

// A clause listing what was published (`包括…`, `主要有…`), and the `、` that joins the items of such a list.
const LIST_OPENING = /^\s*(?:其中)?(?:包括|包含|主要有|主要包括|分别为|分别是)/;
const CLAUSE_END = /[，,。；;：:！？!?]/;

/**
 * Whether the report named by `match` is one item of a list of documents (`…2023年街道主动公开政府信息3条,…。包括鼓楼区
 * 五凤街道办事处2022年政府信息公开工作年度报告、五凤街道关于调整班子领导分工的通知。`, probeI5 007): last year's report
 * among what was published this year, not this one. An item is joined to the next by `、` right after it, or stands in
 * a clause that opens on 包括, 包含, 主要有 or 分别为.
 */
function listedItem(text: string, match: RegExpMatchArray): boolean {
  const at = match.index!;
  let end = at + match[0].length;
  while (end < text.length && /[》”"’\s]/.test(text[end]!)) {
    end++;
  }
  if (text[end] === '、') {
    return true;
  }
  let start = at;
  while (start > 0 && !CLAUSE_END.test(text[start - 1]!)) {
    start--;
  }
  return LIST_OPENING.test(text.slice(start, at));
}

/**
 * Whether the reports named are several bodies' (`2022年区政府、各信息公开单位政府信息公开年度报告`, probeJ3 014): organs
 * joined by `、`, or 各 (each of them), between the year and the report's name. This report is one body's.
 */
function severalReports(named: string): boolean {
  const owner = named.slice(named.indexOf('年') + 1);
  return owner.includes('、') || owner.includes('各');
}

// The report as the object of a piece of work (`…年度报告编制及公布工作`, `…年度报告的编制和发布工作`).
const REPORT_WORK = /^[》”"]?的?(?:编制|编写|撰写|起草|发布|公布|报送|上报|审核)[^。，,；;\d]{0,8}?工作/;

/**
 * Whether the report named by `match` is the object of the year's work (`规定时间内完成了2022年…年度报告编制及公布工作`,
 * probeJ3 014): last year's report, made and published in the year reported on — not this report.
 */
function workOnReport(text: string, match: RegExpMatchArray): boolean {
  return REPORT_WORK.test(text.slice(match.index! + match[0].length));
}

// A verb publishing the report right before its year (`及时准确发布2020年…年度报告`), and the same verb presenting this
// report now (`现发布`, `特此公布`, `现予公开`, `特向社会公布`).
const PUBLISHED = /(?:发布|公布|公开)了?$/;
const PRESENTED = /(?:现|特|特此|现予|特予)(?:向社会|向公众)?(?:予以)?(?:发布|公布|公开)了?$/;

/**
 * Whether the report named by `match` is last year's report published in the year reported on (`及时准确发布2020年政府信息
 * 公开工作年度报告。` in section 一 of a 2021 report, probeL1 006): published as one piece of the year's work, with a bare
 * verb. The report presenting itself is presented now (`现发布…`, `特此公布…`, `…公布如下`) or named 本报告: still compared.
 */
function publishedInTheYear(text: string, match: RegExpMatchArray): boolean {
  const before = text.slice(0, match.index).trimEnd();
  const after = text.slice(match.index! + match[0].length);
  return PUBLISHED.test(before) && !PRESENTED.test(before) && !/如下|本报告/.test(after);
}

function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open !== -1 && text.lastIndexOf('》', at) < open;
}

// ---------------------------------------------------------------- STRUCT-NUMBERING (47)

const HEADING_ORDINAL = /^([一二三四五六七八九十]+)、/;

/** STRUCT-NUMBERING (47): two section headings carry the same ordinal (`一、总体情况` … `一、主动公开政府信息情况`). */
export const checkHeadingNumbering: RuleCheck = ({ report }) => {
  const headings = report.text.headings;
  if (headings.length < 2) {
    return [];
  }
  const sections = TEMPLATES[report.template === '2019' ? '2019' : '2021'].sections;
  const seen = new Map<number, string>();
  const out: RuleEvaluation[] = [];
  for (const heading of headings) {
    const ordinal = HEADING_ORDINAL.exec(heading.found.trim());
    const n = ordinal === null ? undefined : parseCount(ordinal[1]!);
    if (n === undefined) {
      continue;
    }
    const earlier = seen.get(n);
    if (earlier === undefined) {
      seen.set(n, heading.found);
      continue;
    }
    const official = sections.find((s) => s.id === heading.id)?.heading ?? heading.official;
    out.push(
      evaluated({
        rule: 'STRUCT-NUMBERING',
        subject: heading.found,
        expression: '各部分标题序号互不重复',
        cells: [],
        left: n,
        right: n,
        holds: false,
        message: () => `标题“${heading.found}”与“${earlier}”序号重复，应为“${official}”`,
      }),
    );
  }
  // One evaluation for an outline whose ordinals are all distinct.
  if (out.length === 0) {
    out.push(
      evaluated({
        rule: 'STRUCT-NUMBERING',
        subject: '各部分标题',
        expression: '各部分标题序号互不重复',
        cells: [],
        left: seen.size,
        right: seen.size,
        holds: true,
        message: () => '',
      }),
    );
  }
  return out;
};

// ---------------------------------------------------------------- NARR-CHANNEL (49)

// `通过示范区管委会网站审计信息栏目公开信息20条`: a named column (栏目/专栏) and the information it published
// this year. The object must be plain 信息 (`公开信息`, `发布政府信息`): a column that published 信息 and,
// elsewhere, 政策解读 has two figures for two things.
const CHANNEL_FIGURE =
  /(?:通过|在|依托|利用)([^，,。；;\d]{1,40}?)(?:栏目|专栏)[^，,。；;\d]{0,12}?(?:公开|发布)((?:各类|相关)?(?:政府|政务)?信息)\s*(\d+)\s*(条|篇)/;
// A figure for another period or a comparison is not this year's count.
const OTHER_SCOPE = /累计|历年|以来|同比|上年|去年|较|增长|减少|增加|其中/;
const CHANNEL_PREFIX = /^.*(?:网站|网|平台|的|上|中|开设|设置|设立|开辟)/;

/** The column a clause names and the information it says the column published; null when none. */
function channelFigure(clause: string): { key: string; n: number; unit: string } | null {
  const match = CHANNEL_FIGURE.exec(clause);
  if (match === null || OTHER_SCOPE.test(clause)) {
    return null;
  }
  const key = match[1]!.replace(CHANNEL_PREFIX, '').replace(/[“”"《》「」‘’\s]/g, '');
  return key.length >= 2 ? { key, n: Number(match[3]), unit: match[4]! } : null;
}

const STATED_YEAR = /(?<!\d)(20\d{2})年/g;

/** Whether a text names a year (`2023年`) other than `year` (a comparison or another period). */
function namesOtherYear(text: string, year: number | null): boolean {
  // One module-level pattern, restarted here and read to the first other year (no matchAll copy of it).
  STATED_YEAR.lastIndex = 0;
  for (let match = STATED_YEAR.exec(text); match !== null; match = STATED_YEAR.exec(text)) {
    if (Number(match[1]) !== year) {
      return true;
    }
  }
  return false;
}

/**
 * NARR-CHANNEL (49): the same column (`审计信息栏目`, `审计信息专栏`) given two different counts of the
 * information it published (`公开信息20条` … `全年通过审计信息专栏公开政府信息16条`). Sentences that name a year
 * other than the report year are left out (a comparison with last year is no contradiction).
 */
export const checkNarrativeChannel: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const year = report.year;
  const first = new Map<string, { clause: string; n: number }>();
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    if (!sentence.text.includes('栏')) {
      continue;
    }
    const text = asciiDigits(sentence.text);
    if (namesOtherYear(text, year)) {
      continue;
    }
    for (const clause of splitClauses(text)) {
      const figure = channelFigure(clause);
      if (figure === null) {
        continue;
      }
      const key = `${figure.key}|${figure.unit}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, { clause, n: figure.n });
        continue;
      }
      out.push(
        evaluated({
          rule: 'NARR-CHANNEL',
          subject: subject(clause),
          expression: '同一栏目公开信息数前后一致',
          cells: [],
          left: figure.n,
          right: earlier.n,
          holds: figure.n === earlier.n,
          message: () =>
            `正文两处所述“${figure.key}”栏目公开信息数不一致：“${excerptOf(earlier.clause)}”为${earlier.n}${figure.unit}，“${excerptOf(clause)}”为${figure.n}${figure.unit}`,
        }),
      );
    }
  }
  return out;
};

// ---------------------------------------------------------------- NARR-T3-HANDLED (51)

// `共办结148件`, `答复 3050 件（含上年度结转申请 34 件）`, `办理完毕…N件`: the verb, then the count.
const HANDLED_COUNT = /(?:办结|答复|办理完毕|处理完毕)[^\d。，,；;]{0,12}?(\d+)\s*件/;
// A part of the applications only (`按时答复98件`, `延期答复2件`): no statement of the whole.
// …or answered in one way (`同意公开答复9件`, `不予公开答复2件`, `转下一年度办理答复的有1件`: a breakdown).
const PART_OF_APPLICATIONS =
  /(?:按时|按期|延期|延长|逾期|超期|当场|当面|书面|电话|网上|在线|公开|同意|不予|部分|提供|告知|处理|下一?年度?办理)(?:办结|答复)/;
// Other business a sentence may count with the same verbs (复议, 诉讼, complaints, petitions, the hotline,
// deputies' proposals): a clause is about it when it was named after the last 申请.
const OTHER_BUSINESS = ['复议', '诉讼', '投诉', '信访', '咨询', '留言', '建议', '提案', '诉求', '来信', '热线'] as const;

/** Whether the sentence up to a clause last named applications (申请), not some other business. */
function aboutApplications(upToClause: string): boolean {
  const application = upToClause.lastIndexOf('申请');
  if (application < 0) {
    return false;
  }
  for (const word of OTHER_BUSINESS) {
    if (upToClause.lastIndexOf(word) > application) {
      return false;
    }
  }
  return true;
}

/**
 * The clauses the application-count rules (51, 52) read: in a sentence about 政府信息公开 applications
 * (申请 and 公开 in it, or 申请 under a sub-heading about them: `（二）依申请公开方面。…本年度全区共收到70件申请，
 * 及时依法依规办结69件`), with `trigger`, not in a list of parts (after 其中), and not where some other
 * business was named after the last 申请 (under the sub-heading: named anywhere before the clause).
 */
function applicationClauses(report: ReportFacts, trigger: RegExp): string[] {
  const clauses: string[] = [];
  for (const sentence of sentencesOf(report)) {
    const text = sentence.text;
    if (!text.includes('申请') || !trigger.test(text)) {
      continue;
    }
    const named = text.includes('公开');
    if (!named && !underApplicationsHeading(report, sentence)) {
      continue;
    }
    let before = '';
    for (const clause of splitClauses(text)) {
      before += clause;
      if (!before.includes('其中') && aboutApplications(before) && (named || !OTHER_BUSINESS.some((word) => before.includes(word)))) {
        clauses.push(clause);
      }
    }
  }
  return clauses;
}

// A sub-heading inside a section's text (`（二）依申请公开方面。`, `(二)依申请公开情况`): its title up to the
// first punctuation.
const SUB_HEADING = /[（(][一二三四五六七八九十]{1,3}[）)]([^。；;，,：:（(]{0,20})/g;

/** Whether the last sub-heading before the sentence, in its section, is about applications (申请 and 公开). */
function underApplicationsHeading(report: ReportFacts, sentence: NarrativeSentence): boolean {
  let title = '';
  for (const section of report.text.sections) {
    if (section.id !== sentence.section) {
      continue;
    }
    for (const line of section.lines) {
      const at = line.indexOf(sentence.text);
      SUB_HEADING.lastIndex = 0;
      for (let match = SUB_HEADING.exec(line); match !== null && (at < 0 || match.index < at); match = SUB_HEADING.exec(line)) {
        title = match[1]!;
      }
      if (at >= 0) {
        return title.includes('申请') && title.includes('公开');
      }
    }
  }
  return false;
}

/** A count the narrative states against one table 三 total: not assessable when the cell is absent (P1). */
function countAgainstTotal(
  report: ReportFacts,
  base: { readonly rule: RuleId; readonly subject: string; readonly expression: string; readonly cell: string },
  n: number,
  message: (total: number) => string,
): RuleEvaluation {
  const cells = [base.cell];
  const total = cellValue(report, base.cell);
  if (total == null) {
    return notAssessable({ rule: base.rule, subject: base.subject, expression: base.expression, cells, missing: cells });
  }
  return evaluated({
    rule: base.rule,
    subject: base.subject,
    expression: base.expression,
    cells,
    left: n,
    right: total,
    holds: n === total,
    message: () => message(total),
  });
}

/**
 * NARR-T3-HANDLED (51): applications the narrative says were answered or concluded (`共办结148件`) =
 * table 三 （七）总计 (`outcome.total.total`): what the year's replies were, the 上年结转 ones included.
 * Not a clause answering one way only (`按时答复98件`).
 */
export const checkNarrativeHandled: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const clause of applicationClauses(report, HANDLED_WORD)) {
    const match = PART_OF_APPLICATIONS.test(clause) ? null : HANDLED_COUNT.exec(asciiDigits(clause));
    if (match !== null) {
      const n = Number(match[1]);
      const base = {
        rule: 'NARR-T3-HANDLED',
        subject: subject(clause),
        expression: '正文所称办结申请数 = outcome.total.total',
        cell: 'outcome.total.total',
      } as const;
      out.push(countAgainstTotal(report, base, n, (total) => `正文称办结（答复）申请${n}件，表三“（七）总计”为${total}件`));
    }
  }
  return out;
};
const HANDLED_WORD = /办结|答复|完毕/;

// ---------------------------------------------------------------- NARR-T3-CARRIED (52)

// The next year named as 下年度, 下一年(度), 次年 or by its number (`结转至2026年6件`).
const NEXT_YEAR = String.raw`(?:下年度|下一年度?|次年|\d{4}年度?)`;
// `结转至2026年6件`, `结转下年度继续办理3件` / `1件结转下年度继续办理`, `另有103件顺延到下年度答复`.
const CARRIED_OUT = [
  new RegExp(String.raw`(?:结转|顺延|转入)(?:至|到)?${NEXT_YEAR}(?:继续)?(?:办理|答复|处理)?[^\d。，,；;]{0,6}?(\d+)\s*件`),
  new RegExp(String.raw`(\d+)\s*件[^\d。，,；;]{0,6}?(?:结转|顺延|转入)(?:至|到)?${NEXT_YEAR}`),
];
// `上年结转办理1件`, `含上年度结转申请34件`, `上年结转申请数9件`; `2件为上年结转`.
const CARRIED_IN = [/上一?年度?结转[^\d。，,；;]{0,10}?(\d+)\s*件/, /(\d+)\s*件[^\d。，,；;]{0,4}?(?:为|系|属)?上一?年度?结转/];

const CARRIED_ROWS = [
  { way: 'out', patterns: CARRIED_OUT, cell: 'carried_out.total', label: '四、结转下年度继续办理', what: '结转下年度' },
  { way: 'in', patterns: CARRIED_IN, cell: 'carried_in.total', label: '二、上年结转政府信息公开申请数量', what: '上年结转' },
] as const;

/**
 * NARR-T3-CARRIED (52): the applications the narrative says were carried over — from the year before
 * (`含上年度结转申请34件`) = table 三 二 总计 (`carried_in.total`), into the next (`结转至2026年6件`) =
 * table 三 四 总计 (`carried_out.total`). In the clauses NARR-T3-HANDLED reads.
 */
export const checkNarrativeCarried: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const clause of applicationClauses(report, CARRIED_WORD)) {
    const digits = asciiDigits(clause);
    for (const row of CARRIED_ROWS) {
      const match = firstMatch(row.patterns, digits);
      if (match !== undefined) {
        const n = Number(match);
        const base = {
          rule: 'NARR-T3-CARRIED',
          subject: subject(`${row.way}|${clause}`),
          expression: `正文所称${row.what}申请数 = ${row.cell}`,
          cell: row.cell,
        } as const;
        out.push(countAgainstTotal(report, base, n, (total) => `正文称${row.what}申请${n}件，表三“${row.label}”总计为${total}件`));
      }
    }
  }
  return out;
};
const CARRIED_WORD = /结转|顺延|转入/;

function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match !== null) {
      return match[1];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- NARR-ORDINAL (53)

// An item of a `一是…；二是…；三是…` list. A later item counts only after a clause boundary (or at a
// line's start), so `十是`-like runs inside words make no item; `一是` anywhere ends the list before it.
const LIST_ITEM = /([一二三四五六七八九十]{1,3})是/g;
// Clause boundaries; also a table of contents' dot leaders (`一是落实重大决策预公开。 ........ 8`), which a
// fixed-width text's unwrapping may join to the next entry.
const ITEM_BOUNDARY = /[：:；;。！？!?，,、\s.…\d]/;

interface ListItem {
  readonly n: number;
  readonly word: string;
  readonly excerpt: string;
}

/** The `N是` lists of one section: a list starts at a `一是` after a boundary and ends at the next `一是`. */
function ordinalLists(lines: readonly string[]): ListItem[][] {
  const lists: ListItem[][] = [];
  let list: ListItem[] | undefined;
  for (const text of lines) {
    // A sub-heading (`（三）拓宽信息公开形式。`) ends the list before it: its items are its own.
    if (SUB_HEADING_START.test(text)) {
      list = undefined;
    }
    if (!text.includes('是')) {
      continue;
    }
    const pieces = text.split(BEFORE_SUB_HEADING);
    for (let p = 0; p < pieces.length; p++) {
      if (p > 0) {
        list = undefined;
      }
      list = itemsOf(pieces[p]!, lists, list);
    }
  }
  return lists;
}
const BEFORE_SUB_HEADING = /(?=[（(][一二三四五六七八九十]{1,3}[）)])/;
const SUB_HEADING_START = /^\s*[（(][一二三四五六七八九十]{1,3}[）)]/;

/** The list items of one piece of a line, added to `lists`; gives the list still open after it. */
function itemsOf(line: string, lists: ListItem[][], open: ListItem[] | undefined): ListItem[] | undefined {
  let list = open;
  LIST_ITEM.lastIndex = 0;
  for (let match = LIST_ITEM.exec(line); match !== null; match = LIST_ITEM.exec(line)) {
    const n = parseCount(match[1]!);
    if (n === undefined) {
      continue;
    }
    const bounded = match.index === 0 || ITEM_BOUNDARY.test(line[match.index - 1]!);
    // A page that lost the punctuation between items (`…及时获取关键信息二是依申请公开方面`): the next ordinal of the open
    // list is its item all the same.
    const next = list !== undefined && n === list[list.length - 1]!.n + 1;
    if (!bounded && !next) {
      // `5.加强平台建设一是…` (a run-together heading) or `统一是`: the list before it has ended, and
      // whether a list starts here cannot be told, so what follows is no continuation of anything.
      if (n === 1) {
        list = undefined;
      }
      continue;
    }
    const item = { n, word: `${match[1]}是`, excerpt: excerptOf(line.slice(match.index)) };
    if (n === 1) {
      list = [item];
      lists.push(list);
    } else if (list !== undefined && n >= list[list.length - 1]!.n) {
      list.push(item);
    } else {
      // No list open, or an ordinal going back (`五是` … `二是`: a list of another level): unknown.
      list = undefined;
    }
  }
  return list;
}

/** What is wrong with a list's ordinals: the items skipped and the items repeated. */
function ordinalGaps(list: readonly ListItem[]): { missing: string[]; repeated: string[] } {
  const missing: string[] = [];
  const repeated: string[] = [];
  for (let i = 1; i < list.length; i++) {
    const before = list[i - 1]!.n;
    const item = list[i]!;
    if (item.n === before) {
      repeated.push(item.word);
    }
    for (let k = before + 1; k < item.n; k++) {
      missing.push(`${HAN_ORDINALS[k - 1]}是`);
    }
  }
  return { missing, repeated };
}
const HAN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/**
 * NARR-ORDINAL (53): the items of a `一是…；二是…；三是…` list are numbered in sequence — none skipped
 * (`一是…；三是…`), none given twice (`三是…；三是…`). A list runs from a `一是` to the next within a
 * section; an ordinal going back ends what can be checked (a list of another level).
 */
export const checkListOrdinals: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const section of report.text.sections) {
    for (const list of ordinalLists(section.lines)) {
      if (list.length < 2) {
        continue;
      }
      const { missing, repeated } = ordinalGaps(list);
      const words = list.map((item) => item.word).join('、');
      const problems = [
        ...(missing.length > 0 ? [`缺少“${missing.join('、')}”`] : []),
        ...(repeated.length > 0 ? [`“${[...new Set(repeated)].join('、')}”重复`] : []),
      ];
      out.push(
        evaluated({
          rule: 'NARR-ORDINAL',
          subject: subject(`${list[0]!.excerpt}|${words}`),
          expression: '正文所列“一是、二是……”各项依次编号',
          cells: [],
          left: words,
          right: list.map((_, i) => `${HAN_ORDINALS[i] ?? i + 1}是`).join('、'),
          holds: problems.length === 0,
          message: () => `正文“${list[0]!.excerpt}”起所列各项序号为“${words}”，不连续（${problems.join('；')}）`,
        }),
      );
    }
  }
  return out;
};

/** The added text rules in catalogue order. */
export const ADDED_TEXT_RULES: readonly RuleCheck[] = [
  checkNarrativeSumList,
  checkNarrativeInForce,
  checkNamedReportYear,
  checkHeadingNumbering,
  checkNarrativeChannel,
  checkNarrativeHandled,
  checkNarrativeCarried,
  checkListOrdinals,
];
