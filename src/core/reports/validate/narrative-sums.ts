// The "共X条，其中A、B、C" parse (validation-rules.md §3) and its rules NARR-SUM (29) and
// NARR-SUM-PARTIAL (30). Parts are taken apart by hand from the end of each piece rather than with
// `^(.*?)(\d+)条$`, which backtracks quadratically on long digit runs.

import { excerptOf, type NarrativeSentence } from '../read/narrative-sentences.ts';
import { asciiDigits } from '../read/read-document-dates.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { evaluated } from './evaluation.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { cutByTextEnd, narrativeMentions, sentencesOf, uniqueSubjects } from './text-rules-support.ts';

/** A parsed "共X条，其中…" sentence. */
export interface NarrativeSum {
  readonly total: number;
  readonly unit: string;
  readonly sum: number;
  /** The contributions joined by `+` (`k×M` for a distributive part): `4+7×12`. */
  readonly detail: string;
  /** A part label starts with 其他, 其它 or 其余. */
  readonly catchAll: boolean;
  /** Parts written without their unit (`部门动态信息1` at the end of the list, `意见征集3` within it); absent when none. */
  readonly bare?: number;
  /**
   * Some part is approximate (`1600余条`): `sum` is a lower bound, given only when it already exceeds the exact total
   * (probeH3 009); absent otherwise.
   */
  readonly atLeast?: true;
}

const TOTAL = /(?<!\d)(\d+)(余|多)?(件|条|篇|个|项|次)[，,：:]?\s*其中[，,：:]?/;
const CATCH_ALL = /^(?:其他|其它|其余)/;

interface TrailingCount {
  readonly label: string;
  readonly digits: string;
  readonly approximate: boolean;
}

/** `<label><digits>(余|多)?<unit>` read from the end; undefined when the text does not end so. */
function trailingCount(text: string, unit: string): TrailingCount | undefined {
  if (!text.endsWith(unit)) {
    return undefined;
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
  if (start === end) {
    return undefined;
  }
  return { label: text.slice(0, start), digits: text.slice(start, end), approximate };
}

// Items in 篇 in a list in 条, or the other way round (`…门户网公开118篇、“魅力二街”发布356条`, probeI5 021): the same
// unit, as rule 49 counts them.
const ALIKE_UNIT: Readonly<Record<string, string>> = { 条: '篇', 篇: '条' };

/** `trailingCount` in `unit` or the unit counted alike. */
function countIn(text: string, unit: string): TrailingCount | undefined {
  const alike = ALIKE_UNIT[unit];
  return trailingCount(text, unit) ?? (alike === undefined ? undefined : trailingCount(text, alike));
}

// A part naming a channel that published (`云林新韵微信公众号发布信息224条`) after parts that are kinds of
// information (`人事信息3条`) counts another channel's output, not one more kind: the list ends before it.
// Parts that are all channels (`门户网站发布100条、微信公众号发布72条`) are what the total is split by, and
// stay; a kind of information with a verb (`转载公开政策文件4篇`, corpus p027) names no channel.
// A board or screen (`单位公示栏上公开财务公开15条`) publishes with 公开, 公示 or 张贴 as well; `公开栏目`, `信息栏目` are a
// website's columns, no board.
const BOARD = '(?:公示栏|公告栏|公开栏(?!目)|宣传栏|信息栏(?!目)|公示牌|显示屏|电子屏|LED屏|触摸屏)';
export const PUBLISHING = new RegExp(
  `(?:公众号|微信|微博|抖音|快手|头条|客户端|APP|App|app|网站|平台|新媒体|视频号|专栏|${BOARD})[^，,、；;]{0,12}?(?:发布|推送|转发|转载)` +
    `|${BOARD}[”"」]?上?(?:公开|公示|张贴|展示|播放|滚动)`,
);

// A part that names a channel without its verb (`政府网站35条`, `“某镇”微信公众号2443条`): a channel's count too.
const CHANNEL_NAME = new RegExp(
  `(?:公众号|微信|微博|抖音|快手|头条|客户端|APP|App|app|网站|平台|新媒体|视频号|专栏|政务网|门户|${BOARD})[”"」]?上?(?:公开|发布|推送|转发|转载|公示|张贴)?$`,
);

// A part saying through which channel it was published (`通过市政府网站公开信息2100条`, `通过其他形式公开信息600余条`,
// probeH3 009): 通过, a channel or a way, then 公开 or 发布.
const THROUGH_CHANNEL =
  /^通过[^，,、；;]{0,16}?(?:网站|媒体|公众号|微信|微博|平台|客户端|门户|专栏|公开栏|形式|方式|渠道|途径)[^，,、；;]{0,4}?(?:公开|发布)/;

// A part saying on which channel it was published, 在 or 通过 before the channel and 公开 after it
// (`在账号“阿尔山市卫生健康委员会”的微信公众号上主动公开各类信息115条`, probeI6 022): a channel's output like
// `…公众号发布…`. A form or way (`通过其他形式公开`) is THROUGH_CHANNEL's, a channel but no other channel's output.
const ON_CHANNEL = new RegExp(
  `^(?:在|通过)[^，,、；;]{0,24}?(?:公众号|微信|微博|抖音|快手|头条|客户端|APP|App|app|网站|平台|新媒体|视频号|专栏|政务网|门户|${BOARD})` +
    '[”"」]?上?[^，,、；;]{0,6}?(?:公开|发布|推送|转发|转载|公示)',
);

// A named column (栏目) of a site that published (`政府网站“乡镇之窗”栏目发布信息4条`, probeJ4 044): one of the site's
// columns, a kind of information like `县政府门户网站概况类信息`, not another channel's output. A 专栏 stays a channel (a
// 专栏 is often a site of its own: `政府信息公开专栏发布954条`).
const SITE_COLUMN = /(?:网站|门户|政务网)[^，,、；;]{0,12}?栏目(?:中|内|里|上)?(?:主动)?(?:发布|公开|更新)/;

/** Whether a part labelled `label` counts a kind of information (not a channel's output). */
export function namesCategory(label: string): boolean {
  return (
    SITE_COLUMN.test(label) ||
    (!PUBLISHING.test(label) && !CHANNEL_NAME.test(label) && !THROUGH_CHANNEL.test(label) && !ON_CHANNEL.test(label))
  );
}

// A part counting items sent up to or taken by another body (`主动向市政府办报送信息100余条`, `市政府网站共采用672条`)
// after parts that are kinds of information is another activity, like a channel's output: the list ends before it.
// After a channel's count (`通过政府网站公开各类政府信息635条,上报县政府网站政府信息119条`) it is one more channel.
const SENT_UP = /报送|上报|采用/;
const CHANNEL_WORD = /公众号|微信|微博|网站|平台|新媒体|政务网|门户|客户端|APP|App|app/;

/**
 * Whether a part labelled `label` ends a list whose parts so far (labelled `labels`) include `categories` kinds of
 * information. After kinds of a channel's own (`县政府门户网站概况类信息和政务动态信息共计1495条`, probeI2 026) the list
 * is one of that channel's columns, and a channel's or board's count (`信息公开栏公开信息2918条`) is one more of them.
 */
export function endsCategoryList(labels: readonly string[], categories: number, label: string): boolean {
  if (labels.length === 0 || categories === 0) {
    return false;
  }
  return (
    ((PUBLISHING.test(label) || ON_CHANNEL.test(label)) &&
      !SITE_COLUMN.test(label) &&
      !labels.some((l) => CHANNEL_WORD.test(l) && namesCategory(l))) ||
    (SENT_UP.test(label) && !labels.some((l) => CHANNEL_WORD.test(l)))
  );
}

/** A part with a list of its own (`政府网站公开政府信息数127条(其中领导信息2条,…)`): it ends a list of parts. */
export function holdsOwnList(piece: string): boolean {
  // A bracket naming kinds without figures (`其他类(图片信息、法规公文)8条`, `工作动态类信息(含通知公告)135条`) is part of a label.
  return piece.includes('其中') || /[（(][^）)]*\d/.test(piece) || (/[（(]/.test(piece) && !/[）)]/.test(piece));
}

/** A part without a note after its count (`对外宣传类信息97条(基层动态)`): the note names no figure. */
export function withoutTrailingNote(piece: string): string {
  return piece.endsWith(')') || piece.endsWith('）') ? piece.replace(/[（(][^（()）\d]*[）)]$/, '') : piece;
}

/** A piece that compares the part before it with another year (`比上年度减少838条`, `较去年增长12条`). */
export const COMPARISON = /^(?:比|较|同比|环比)(?:上年度?|去年|上一年|20\d{2}年)?[^，,；;]{0,6}?(?:增加|减少|增长|下降|多|少|持平)/;

/** A piece that is only the share of the part before it (`占58%`, `占比0.08%`, `0.16%`). */
export const SHARE_PIECE = /^(?:占(?:比|总数的?|总量的?|全部的?|比为)?)?\s*\d+(?:\.\d+)?\s*[%％]$/;

/**
 * A piece opening a breakdown of the part before it (`…共发布信息23558条,包含概况类信息418条,政务动态信息15272条`, probeP4
 * 005): the pieces from it on are that part's parts, not the total's.
 */
export const OPENS_BREAKDOWN = /^(?:包含|包括|含有)/;

/** A sentence as the sum parses read it: ASCII digits, no space between a count and its unit (`4282 条`). */
export function sumText(sentence: string): string {
  return asciiDigits(sentence).replace(/(\d)[ \u00a0\u3000]+(?=[件条篇个项次])/g, '$1');
}

// A clause between the total and 其中 that holds a rate (`彩云镇共公开政府信息177条,完成市级下达任务数120条的147.5%,其中…`).
const RATED_TOTAL = /(?<!\d)(\d+)(件|条|篇|个|项|次)[，,]([^，,。；;：:%％]{0,30}?(\d+(?:\.\d+)?)[%％])[，,：:]?\s*(?=其中)/;

/**
 * A sentence as §3's parse reads its list: `sumText`, without a clause between the total and 其中 that rates the total
 * against a target (`177条,完成市级下达任务数120条的147.5%,其中…`, probeI5 046: 177 / 120 = 147.5 %) or holds no figure
 * but a rate (`…977条,超额完成全年目标任务40%,其中…`). A clause with another figure (`访问量达12万人次`), or one whose
 * rate is not the total's against its figure, stays: the 其中 may split that figure.
 */
function listSentence(sentence: string): string {
  const text = sumText(sentence);
  const match = RATED_TOTAL.exec(text);
  if (match === null) {
    return text;
  }
  const total = Number(match[1]);
  const rate = match[4]!;
  const figures = match[3]!.slice(0, -(rate.length + 1)).match(/\d+(?:\.\d+)?/g) ?? [];
  if (figures.length > 1 || (figures.length === 1 && !ratesAgainst(total, Number(figures[0]), rate))) {
    return text;
  }
  const end = match.index + match[1]!.length + match[2]!.length;
  return `${text.slice(0, end)}，${text.slice(match.index + match[0].length)}`;
}

/** Whether `rate` (%, as written) is `total` against `target` (177 of 120 = 147.5 %) or its excess (47.5 %), rounded as written. */
function ratesAgainst(total: number, target: number, rate: string): boolean {
  if (!(target > 0)) {
    return false;
  }
  const tolerance = 0.5 * 10 ** -(rate.split('.')[1]?.length ?? 0) + 1e-9;
  const stated = Number(rate);
  const share = (total / target) * 100;
  return Math.abs(share - stated) <= tolerance || Math.abs(share - 100 - stated) <= tolerance;
}

/** Where §3's total stands in a sentence (in its ASCII-digit form), or −1 when it has none. */
export function strictTotalAt(sentence: string): number {
  return sentence.includes('其中') ? (TOTAL.exec(listSentence(sentence))?.index ?? -1) : -1;
}

/**
 * Parses a sentence per validation-rules.md §3; null when it holds no checkable total and parts. An approximate part
 * (`1600余条`) leaves the list unread (NARR-SUM-LIST reads such a sentence), unless `lowerBounds`: then parts above the
 * total even at their lower bounds are a result (`atLeast`) — for a list whose total stands in the sentence before,
 * which NARR-SUM-LIST does not read.
 */
export function parseNarrativeSum(sentence: string, lowerBounds = false): NarrativeSum | null {
  if (!sentence.includes('其中')) {
    return null;
  }
  const text = listSentence(sentence);
  const match = TOTAL.exec(text);
  if (match === null || match[2] !== undefined) {
    return null;
  }
  const total = Number(match[1]);
  const unit = match[3]!;
  const rest = text.slice(match.index + match[0].length);
  // `共办结…733件,其中予以公开238件,…,转接下年度办理45件`: what is carried over was not 办结, no part of it.
  const totalClause = text
    .slice(0, match.index)
    .split(/[，,。；;]/)
    .pop()!;
  const completed = /办结/.test(totalClause);
  // `受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件` (probeJ4 032): appeals against the answers are no
  // applications, no part of a total of them.
  const ofApplications = totalClause.includes('申请') && !APPEAL.test(totalClause);
  const parts: Part[] = [];
  let catchAll = false;
  let categories = 0;
  const list = rest.split(/[，,；;]/);
  let bare = 0;
  let documents = 0;
  let approximate = false;
  pieces: for (let p = 0; p < list.length; p++) {
    // `省政府工作报告2条(中英文各1条)`: the part, its own breakdown closed within the piece left out (probeH9 030).
    const piece = withoutOwnBreakdown(withoutTrailingNote(list[p]!.trim()), unit);
    if (piece === '') {
      continue;
    }
    if (holdsOwnList(piece)) {
      break; // the pieces after it are its parts, not the total's — the list cannot be told apart here
    }
    if (COMPARISON.test(piece)) {
      continue; // `比上年度减少838条`: how the part before changed, no part
    }
    if (SHARE_PIECE.test(piece)) {
      continue; // `政务动态类35条,占58%,…`: the part before's share of the total (rule 36 checks it), no part
    }
    if (parts.length > 0 && OPENS_BREAKDOWN.test(piece)) {
      break; // `…网站各个栏目共发布信息23558条,包含概况类信息418条,…`: the parts after it are the part before's
    }
    const last = trailingCount(piece, unit);
    if (last?.label.endsWith('各')) {
      if (last.approximate) {
        return null;
      }
      const labels = last.label.slice(0, -1);
      const k = labels.split('、').filter(Boolean).length;
      parts.push({ value: k * Number(last.digits), detail: `${k}×${last.digits}`, distributive: true, label: labels });
      continue;
    }
    const subs = piece.split('、').flatMap((sub) => runTogetherParts(sub, unit));
    let joined = '';
    for (let s = 0; s < subs.length; s++) {
      const sub = subs[s]!;
      const inUnit = countIn(joined + sub, unit);
      const part = inUnit ?? documentsCount(joined + sub, unit);
      if (inUnit === undefined && part !== undefined) {
        documents++;
      }
      if (part === undefined) {
        if (s < subs.length - 1 && !/\d/.test(sub) && countIn(subs[subs.length - 1]!, unit) !== undefined) {
          // `治安管理、道路交通、出入境和户籍等公安业务类信息13条`: a label holding 、, its count at the end.
          joined += `${sub}、`;
          continue;
        }
        const etc = joined === '' && sub.endsWith('等') ? countIn(sub.slice(0, -1), unit) : undefined;
        if (etc !== undefined && !etc.approximate && !etc.label.endsWith('各') && parts.length > 0) {
          // `…工作进展32条、财政信息9条等`: the last part before 等, which ends the list.
          parts.push({ value: Number(etc.digits), detail: etc.digits, distributive: false, label: etc.label });
          break pieces;
        }
        const rest = joined === '' && parts.length > 0 ? REMAINDER.exec(sub) : null;
        if (rest !== null && rest[2] === unit) {
          // `…正在办理6件,申请人主动撤销件6件,其余38件全部按时答复` (probeJ3 050): the rest of the total, what became of
          // it said after its count, closes the list.
          parts.push({ value: Number(rest[1]), detail: rest[1]!, distributive: false, label: sub });
          catchAll = true;
          break pieces;
        }
        const inner =
          joined === '' && parts.length > 0 ? bareBetween(sub, s < subs.length - 1 ? subs[s + 1]! : list[p + 1], unit) : undefined;
        if (inner !== undefined) {
          // `…建议提案办理栏7条,意见征集3、部门预算栏1条、…` (probeQ1 019): a part whose unit was left out between parts
          // in the unit is one of them.
          parts.push({ value: Number(inner.digits), detail: inner.digits, distributive: false, label: inner.label });
          catchAll ||= CATCH_ALL.test(inner.label);
          categories += namesCategory(inner.label) ? 1 : 0;
          bare++;
          continue;
        }
        const tail = joined === '' && parts.length > 0 ? bareTail(subs.slice(s), list.slice(p + 1)) : undefined;
        if (tail !== undefined) {
          // `…公益事业建设信息30条,部门动态信息1` ending the sentence: the last parts, their unit left out.
          for (const t of tail) {
            parts.push({ value: Number(t.digits), detail: t.digits, distributive: false, label: t.label });
          }
          bare += tail.length;
        }
        break pieces; // `新开辟专栏3个` ends a 条-list
      }
      joined = '';
      if (part.approximate && SENT_UP.test(part.label)) {
        return null; // `主动向市政府办报送信息100余条`: a list holding an approximate figure is left unread, as below
      }
      if (
        endsCategoryList(
          parts.map((p) => p.label),
          categories,
          part.label,
        )
      ) {
        break pieces; // `…人事信息3条，云林新韵微信公众号发布信息224条`: another channel's count, no part
      }
      if (
        (completed && CARRIED.test(part.label)) ||
        CONSEQUENCE.test(part.label) ||
        (parts.length > 0 && AVERAGE.test(part.label)) ||
        (ofApplications && APPEAL.test(part.label))
      ) {
        break pieces;
      }
      if (namesCategory(part.label)) {
        categories++;
      }
      if (part.approximate) {
        if (!lowerBounds) {
          return null;
        }
        approximate = true; // its figure a lower bound: read on, only a sum above the total is known wrong
      }
      if (CATCH_ALL.test(part.label)) {
        catchAll = true;
      }
      parts.push({
        value: Number(part.digits),
        detail: part.approximate ? `${part.digits}余` : part.digits,
        distributive: false,
        label: part.label,
      });
    }
  }
  if (documents > 0 && documents === parts.length) {
    return null; // `共计4891条,其中新制定行政规范性文件15件,…102件`: no part in the total's unit, the documents may be a selection
  }
  if (parts.length < 2 && !parts.some((p) => p.distributive)) {
    return null;
  }
  if (parts.reduce((s, p) => s + p.value, 0) > total && withoutBreakdowns(parts, total) && parts.length < 2) {
    return null;
  }
  const sum = parts.reduce((s, p) => s + p.value, 0);
  const detail = parts.map((p) => p.detail).join('+');
  if (approximate) {
    // Lower bounds (`1600余条`): only parts already above an exact total, with no other reading of them (a count
    // before the total, two breakdowns of it), are known wrong; anything else is left unread.
    return sum > total && countBefore(text, match.index, unit) === undefined && !splitsIntoTotals(parts, total) && bare === 0
      ? { total, unit, sum, catchAll, detail, atLeast: true }
      : null;
  }
  const before = sum === total ? undefined : countBefore(text, match.index, unit);
  if (before !== undefined && sum === before + total) {
    // `受理申请21件，结转上年度2件，其中网上申请20件，书面申请3件`: the 其中 splits both counts (21 + 2).
    return { total: before + total, unit, sum, catchAll, detail };
  }
  const carriedIn = sum > total && parts.some((p) => CARRIED.test(p.label)) ? carriedInBefore(text.slice(0, match.index)) : undefined;
  if (carriedIn !== undefined && sum === carriedIn + total) {
    // `除上年度结转的1件政府信息公开申请,共收到依申请公开124件,其中,全年共办理依申请公开122件,结转下年度继续办理3件`
    // (probeJ3 024): what became of the applications received and of those carried in (122 + 3 = 124 + 1).
    return { total: carriedIn + total, unit, sum, catchAll, detail };
  }
  if (sum > total && splitsIntoTotals(parts, total)) {
    // `申请7件,其中自然人6件,法人及其他组织1件,予以公开或部分公开1件,本机关不掌握4件,…`: by applicant and by outcome.
    return { total, unit, sum: total, catchAll, detail };
  }
  const whole = sum > total ? totalThenOtherCount(parts, total) : undefined;
  if (whole !== undefined) {
    // `10565条,其中:通过县政府网站…10533条,政务微信发布信息32条,发布政策解读信息73条`: the list ends where it is whole.
    const kept = parts.slice(0, whole);
    return { total, unit, sum: total, catchAll: kept.some((p) => CATCH_ALL.test(p.label)), detail: kept.map((p) => p.detail).join('+') };
  }
  return bare > 0 ? { total, unit, sum, catchAll, detail, bare } : { total, unit, sum, catchAll, detail };
}

// A count and its unit run into the next part's label (`概况类信息348条政务要闻415条…`): the page lost the separators.
// The label may open on a quotation mark (`新闻发布会1条“政策解读数”28条`, probeQ3 018): group 1.
const RUN_BOUNDARY = /(?<![\d.第])\d+(?:件|条|篇|个|项|次)(?=([“"「])?[\u4e00-\u9fff])/g;
// One part of such a run: a label of two Han characters at least (then its closing quotation mark, if any), then its
// count — with its unit, or without it when the next label follows at once (`通知公告307不动产公告84条`).
const RUN_PART = /([^\d]*[\u4e00-\u9fff]{2}[”"」]?)([1-9]\d{0,3}|0)(件|条|篇|个|项|次)?(?=[“"「]?[\u4e00-\u9fff]|$)/y;
// What a count followed by a Han character is not the count of a part: a date, an order, a number's own word.
const NOT_A_COUNT_AFTER = /^[号年月日时个项次件条篇期家人户万亿千百元届批类版位名余多倍%％.]/;

// Cheap test before the boundaries are looked for: a count's unit followed by a Han character or an opening quotation mark.
const RUN_HINT = /[件条篇个项次][“"「\u4e00-\u9fff]/;

/**
 * A piece of a list whose parts a page ran together without separators (`概况类信息348条政务要闻415条通知公告307不动产公告
 * 84条工作动态404条信息公开目录信息1062条`, probeJ4 028), split into its parts; `[sub]` unless it is read whole so. Only a
 * piece where a count in `unit` is followed by the next label at least twice, and that is nothing but labels and counts:
 * every label names no date or order (NOT_A_LABEL_END), every count in `unit` or followed by a label at once.
 */
function runTogetherParts(sub: string, unit: string): string[] {
  if (!RUN_HINT.test(sub)) {
    return [sub];
  }
  let inUnit = 0;
  let quoted = 0;
  for (const boundary of sub.matchAll(RUN_BOUNDARY)) {
    if (boundary[0].endsWith(unit)) {
      inUnit++;
      quoted += boundary[1] === undefined ? 0 : 1;
    }
  }
  if (inUnit < 2 && quoted === 0) {
    return [sub];
  }
  const out: string[] = [];
  RUN_PART.lastIndex = 0;
  while (RUN_PART.lastIndex < sub.length) {
    const at = RUN_PART.lastIndex;
    const match = RUN_PART.exec(sub);
    if (match === null || NOT_A_LABEL_END.test(match[1]!.replace(/[”"」]$/, '')) || (match[3] !== undefined && match[3] !== unit)) {
      return [sub];
    }
    const after = sub.slice(RUN_PART.lastIndex);
    if (match[3] === undefined && (after === '' || NOT_A_COUNT_AFTER.test(after))) {
      return [sub];
    }
    out.push(`${match[1]}${match[2]}${unit}`);
    if (RUN_PART.lastIndex === at) {
      return [sub];
    }
  }
  return out;
}

/**
 * A count of documents in 件 in a list of information items in 条 (`…各类政府信息117条。其中,政策文件9件,…`): each
 * document is an item published, the same unit.
 */
function documentsCount(text: string, unit: string): TrailingCount | undefined {
  const part = unit === '条' ? trailingCount(text, '件') : undefined;
  return part?.label.endsWith('文件') ? part : undefined;
}

// A part without its unit: a label ending in a Chinese character that names no date, order or rate, then the count.
const BARE_PART = /^(.*[\u4e00-\u9fff])(\d{1,6})$/;
const NOT_A_LABEL_END = /[年月日号第至达约近共计为是有占率于过]$/;

/**
 * A part written without its unit (`意见征集3`) right before a part in `unit` (the next sub-piece, or the first of the next
 * piece): a label naming no date, order or rate and its count; undefined otherwise. The list is in the unit on both sides
 * of it, so the count is of the unit too (probeQ1 019).
 */
function bareBetween(sub: string, next: string | undefined, unit: string): { label: string; digits: string } | undefined {
  const match = BARE_PART.exec(sub.trim());
  if (match === null || NOT_A_LABEL_END.test(match[1]!) || next === undefined) {
    return undefined;
  }
  const following = countIn(withoutTrailingNote(next.trim()).split('、')[0]!, unit);
  return following === undefined || following.approximate || following.label === '' ? undefined : { label: match[1]!, digits: match[2]! };
}

/**
 * The parts `subs` and every piece after them, when each is a label and a count without its unit to the end of the
 * sentence (`联系我们1,法治政府年度报告1`); undefined when anything else follows.
 */
function bareTail(subs: readonly string[], later: readonly string[]): { label: string; digits: string }[] | undefined {
  const out: { label: string; digits: string }[] = [];
  const all = [...subs, ...later.flatMap((piece) => piece.split('、'))];
  for (const raw of all) {
    const sub = raw.trim();
    if (sub === '') {
      continue;
    }
    const match = BARE_PART.exec(sub);
    if (match === null || NOT_A_LABEL_END.test(match[1]!)) {
      return undefined;
    }
    out.push({ label: match[1]!, digits: match[2]! });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * How many leading parts make up `total` exactly when the parts after them count something else: kinds of content
 * counted across the channels before (`通过县政府网站主动公开各类政府信息10533条,政务微信发布信息32条,发布政策解读信息
 * 73条` of 10565, probeI3 031: channels, then kinds, none a catch-all), or outcomes after a breakdown by another measure
 * (`受理…34件,其中包括信函申请26件,网络申请8件,已按时办结33件`, probeI7 036: the next part names 办结, 答复 …, none
 * before it does). Undefined when no leading parts add up to the total, or the parts after them are more of the same kind.
 */
function totalThenOtherCount(parts: readonly Part[], total: number): number | undefined {
  let sum = 0;
  let whole = 0;
  while (whole < parts.length && sum < total) {
    sum += parts[whole]!.value;
    whole++;
  }
  if (sum !== total || whole === parts.length || parts.some((p) => p.distributive)) {
    return undefined;
  }
  const head = parts.slice(0, whole);
  const tail = parts.slice(whole);
  const channelsThenKinds =
    head.every((p) => !namesCategory(p.label)) && tail.every((p) => namesCategory(p.label) && !CATCH_ALL.test(p.label));
  const thenOutcomes = head.every((p) => !OUTCOME_PART.test(p.label)) && OUTCOME_PART.test(tail[0]!.label);
  return channelsThenKinds || thenOutcomes ? whole : undefined;
}

/** Whether `parts` fall into two or more consecutive runs that each add up to `total`: breakdowns of one total. */
function splitsIntoTotals(parts: readonly Part[], total: number): boolean {
  let sum = 0;
  let runs = 0;
  for (const part of parts) {
    sum += part.value;
    if (sum === total) {
      runs++;
      sum = 0;
    } else if (sum > total) {
      return false;
    }
  }
  return sum === 0 && runs >= 2;
}

/**
 * Parts above the total that hold a part's own breakdown (`行政复议7件，结果维持6件，尚未审结1件；…`: 6 + 1 are the 7's):
 * two or more parts right after a part that add up to it exactly are removed, left to right, while the
 * sum is above the total. Removed only when the sum then is no longer above it: else they stay, and the
 * finding with them.
 */
export function withoutBreakdowns(
  parts: { readonly value: number; readonly label: string; readonly distributive?: boolean }[],
  total: number,
): boolean {
  const kept = [...parts];
  for (let i = 0; i < kept.length; i++) {
    let sum = 0;
    for (let j = i + 1; j < kept.length && sum < kept[i]!.value && OUTCOME_PART.test(kept[j]!.label); j++) {
      sum += kept[j]!.value;
      if (sum === kept[i]!.value && j > i + 1 && !kept.slice(i, j + 1).some((p) => p.distributive === true)) {
        kept.splice(i + 1, j - i);
        break;
      }
    }
  }
  if (kept.length < parts.length && kept.reduce((s, p) => s + p.value, 0) <= total) {
    parts.splice(0, parts.length, ...kept);
    return true;
  }
  return false;
}

// A part that says how some of the part before it ended (an appeal upheld or pending, an application answered).
const OUTCOME_PART = /结果|维持|纠正|审结|办结|撤回|驳回|答复/;

// Applications carried over into the next year (`转接下年度办理`, `结转下年度继续办理`).
// What the counted items led to (`收到申请36件,其中:网络申请1件、信函申请35件,引发行政复议1件`): no kind of them. Also
// right after 其中 (`共處理公開申請153件,其中引發行政復議8件、行政訴訟4件`, probeI1 017, in traditional script): the list
// is of consequences, no breakdown of the total.
export const CONSEQUENCE = /^(?:引发|引發|导致|導致|引起|造成|产生|產生)/;
// A rate, no kind of item (`…会议解读类信息50条,日均发布量23条`, probeH14 035).
export const AVERAGE = /日均|月均|周均|平均|人均/;

const CARRIED = /(?:转接|结转|转入|转至|顺延)(?:到|至|入)?下一?年|下一?年度?继续办理/;

// Appeals (行政复议, 行政诉讼) against what was decided: no applications.
const APPEAL = /复议|诉讼|復議|訴訟/;

// The rest of the total, counted, then what became of it (`其余38件全部按时答复`): group 1 the count, 2 its unit.
const REMAINDER = /^(?:其余|其他|其它|剩余|余下)(?:的)?(\d+)(件|条|篇|个|项|次)(?=[\u4e00-\u9fff])/;

// Applications carried in from the year before, stated before the total (`除上年度结转的1件政府信息公开申请`,
// `上年结转2件`, `2件为上年结转`).
const CARRIED_IN_BEFORE = [
  /上一?年度?结转[^\d。，,；;]{0,10}?(\d+)\s*件/,
  /(\d+)\s*件[^\d。，,；;]{0,4}?(?:为|系|属)?上一?年度?结转/,
] as const;

/** The applications carried in from the year before that the sentence states before its total; undefined when none or several. */
function carriedInBefore(head: string): number | undefined {
  const found = CARRIED_IN_BEFORE.map((pattern) => pattern.exec(head)?.[1]).filter((n) => n !== undefined);
  return found.length === 0 || found.some((n) => n !== found[0]) ? undefined : Number(found[0]);
}

interface Part {
  readonly value: number;
  readonly detail: string;
  readonly distributive: boolean;
  readonly label: string;
}

/**
 * The count of the clause right before the total's, joined to it by `，`, `、` or `和` (`受理申请21件，结转上年度2件，
 * 其中…`, `行政复议案件3件、行政诉讼案件3件，其中…`); undefined when that clause ends in no count of the unit.
 */
function countBefore(text: string, at: number, unit: string): number | undefined {
  const before = text.slice(0, at);
  const cut = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('、'));
  if (/[。；;]/.test(before.slice(Math.max(cut, 0)))) {
    return undefined;
  }
  // `行政复议案件6件和行政诉讼案件3件,其中…`: two counts joined by 和 right after the first one's unit.
  const joined = before.lastIndexOf(`${unit}和`);
  const end = joined > cut ? joined + unit.length : cut;
  if (end < 0) {
    return undefined;
  }
  const previous = trailingCount(before.slice(0, end).trimEnd(), unit);
  return previous === undefined || previous.approximate ? undefined : Number(previous.digits);
}

/**
 * NARR-SUM (rule 29) and NARR-SUM-PARTIAL (rule 30): the parts listed after `其中` must add up to the
 * total. More than the total, or less with a catch-all part (`其他信息16条`), is a warning; less without
 * one is a notice (the parts may be a selection). Less, but the total exactly when read on (addsUpReadOn: to the end
 * of the paragraph, or of the statement with a catch-all part), is no finding.
 */
export const checkNarrativeSums: RuleCheck = ({ report }) => {
  if (!narrativeMentions(report, '其中')) {
    return []; // parseNarrativeSum needs a 其中
  }
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  const sentences = sentencesOf(report);
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const own = parseNarrativeSum(sentence.text);
    const joined = own === null ? withTotalBefore(report, sentences, i) : undefined;
    const parsed = own ?? (joined === undefined ? null : wholeList(parseNarrativeSum(joined.parse, true), joined.list));
    if (parsed === null) {
      continue;
    }
    const excerpt = excerptOf(joined?.shown ?? sentence.text);
    const { total, unit, sum, detail, catchAll } = parsed;
    const partial = sum < total && !catchAll;
    // A list the parse cut short (at a channel, a clause without a count, a `；`) that adds up to the total when
    // read on is no selection of parts. With a catch-all part (`其他文件102条;省政府工作报告2条…其他信息2条。`,
    // probeH9 030) the list is read on to the end of its statement only: the catch-all was not its last part.
    const rest = joined?.rest ?? restOfLine(report, sentence);
    const readOn =
      sum < total && addsUpReadOn(joined?.parse ?? sentence.text, partial ? rest : (rest.split(/[。！？!?]/)[0] ?? ''), total, unit);
    if (sum < total && !readOn && cutByTextEnd(report, sentences, i)) {
      continue; // `…人事信息5条,政府重点工作落实` ending the text (probeQ3 039): the list lost its last parts, not read
    }
    out.push(
      evaluated({
        rule: partial ? 'NARR-SUM-PARTIAL' : 'NARR-SUM',
        // One subject for both rules: which of them fails depends on the values, the identity does not.
        subject: subject(sentence.text),
        expression: '总数 = 分项合计',
        cells: [],
        left: total,
        right: readOn ? total : sum,
        holds: sum === total || readOn,
        message: () => `“${excerpt}”：总数${total}${unit}，分项合计${parsed.atLeast ? '至少' : ''}${sum}${unit}（${detail}）`,
      }),
    );
  }
  return out;
};

// A clause comparing a count with another time (`较上年增加50条`): no total of what follows.
const CHANGE = /比|较|同比|环比|增加|减少|增长|下降|上升|提高|降低/;

/**
 * A sentence opening with `其中` whose total ends the sentence before it, in the same section (`…新增主动公开政府信息
 * 502条。其中包括:政策法规45条,…`): the two as §3 would read them joined by `，` (`parse`), as written (`shown`), the
 * list (`list`: to the end of its statement, over `；`) and the rest of its line after it (`rest`).
 */
function withTotalBefore(
  report: ReportFacts,
  sentences: readonly NarrativeSentence[],
  i: number,
): { parse: string; shown: string; list: string; rest: string } | undefined {
  const sentence = sentences[i]!;
  const before = sentences[i - 1];
  if (!sentence.text.startsWith('其中') || before === undefined || before.section !== sentence.section) {
    return undefined;
  }
  // The total the only count of its sentence (`通过政府网站公开…754条,…新媒体…2808条,通过其他方式…54条。其中…`: the
  // 其中 may split all three).
  const text = sumText(before.text);
  if (text.match(ANY_COUNT)?.length !== 1) {
    return undefined;
  }
  // A list cut at `；` goes on to the end of its statement (`其中,政府网站419条;政务新媒体958条。`, probeI7 006);
  // wholeList still leaves it unread unless every count in it is a part (`其中机构类信息20条,内有…；工作类…`).
  let rest = restOfLine(report, sentence);
  let list = sentence.text;
  if (/^\s*[；;]/.test(rest)) {
    const goesOn = rest.split(/[。！？!?]/)[0]!;
    list = `${list}${goesOn}`.trimEnd();
    rest = rest.slice(goesOn.length);
  }
  // The total ends the last clause, or a clause followed only by clauses without a figure but a rate
  // (`主动公开政府信息977条,超额完成全年目标任务40%。其中包括…`, probeH6 011).
  const clauses = text.split(/[，,]/).map((c) => c.trim());
  let last = clauses.length - 1;
  while (last > 0 && !COUNT_END.test(clauses[last]!) && !/\d/.test(clauses[last]!.replace(RATE, ''))) {
    last--;
  }
  const clause = clauses[last]!;
  if (CHANGE.test(clause) || !COUNT_END.test(clause)) {
    return undefined;
  }
  const shown = clauses.slice(last).join('，');
  return { parse: `${clause}，${list}`, shown: `${shown}。${list}`, list, rest };
}
const COUNT_END = /(?<![\d.])\d+(?:件|条|篇|个|项|次)$/;
const RATE = /\d+(?:\.\d+)?\s*[%％]/g;
const ANY_COUNT = /(?<![\d.])\d+\s*(?:余|多)?\s*(?:件|条|篇|个|项|次)/g;

/** A parse of a list whose total stands in the sentence before, when every count of the list is one of its parts. */
function wholeList(parsed: NarrativeSum | null, list: string): NarrativeSum | null {
  if (parsed === null || parsed.detail.includes('×')) {
    return null;
  }
  // `其中政府信息公开指南1条,…,其他法定信息18条,政策文件6件、…1条`: a count the parse did not take (another unit, or
  // after a clause that ended it) leaves the list unread.
  return (sumText(list).match(ANY_COUNT)?.length ?? 0) + (parsed.bare ?? 0) === parsed.detail.split('+').length ? parsed : null;
}

/**
 * The text after a sentence on its line (the rest of its paragraph), '' when it ends the line. The sentence is found
 * where it stands whole, between sentence ends: `我局…其他信息16条` inside `今年，我局…其他信息16条，市民政局板块公开316条。`
 * (an earlier line of seed 004) is another sentence's text.
 */
function restOfLine(report: ReportFacts, sentence: NarrativeSentence): string {
  for (const section of report.text.sections) {
    if (section.id !== sentence.section) {
      continue;
    }
    for (const line of section.lines) {
      for (let at = line.indexOf(sentence.text); at >= 0; at = line.indexOf(sentence.text, at + 1)) {
        const end = at + sentence.text.length;
        if (SENTENCE_EDGE.test(line[at - 1] ?? '') && SENTENCE_EDGE.test(line[end] ?? '')) {
          return line.slice(end);
        }
      }
    }
  }
  return '';
}
// What stands on either side of a whole sentence: a sentence end, a space, or the line's edge.
const SENTENCE_EDGE = /^(?:[。！？；!?;\s\u3000]|)$/;

/**
 * Whether the parts after a sentence's total, read on over what ended the strict parse (a channel's count, a
 * clause without a count, `；`, `。`) to the end of `rest`, add up to the total exactly: at some part,
 * or with the parts that break down the part before them (`新闻栏目5条,今日秀英2条,政务动态栏目3条;政策栏目14条,…`)
 * left out, or — in a 条 list — with its 件 parts in. Only ever clears a finding (a notice, or a catch-all list's warning
 * read on to the end of its statement), so a reading that is not the writer's can cost a missed finding, never a new one.
 */
export function addsUpReadOn(sentence: string, rest: string, total: number, unit: string): boolean {
  const text = listSentence(`${sentence}${rest}`);
  const match = TOTAL.exec(text);
  if (match === null) {
    return false;
  }
  const values: number[] = [];
  // The same parts with those in 件 in a list in 条 (`…政府信息公开专栏信息31条,行政规范性文件4件,政策解读2件`, probeH8
  // 020; `…微信公众号发布信息198条,回复群众诉求11件`, probeH7 005): each document or request answered is an item published.
  // Undefined once a 件 part is approximate.
  let withDocuments: number[] | undefined = unit === '条' ? [] : undefined;
  for (const raw of text.slice(match.index + match[0].length).split(/[，,；;。]/)) {
    const piece = withoutOwnBreakdown(withoutTrailingNote(raw.trim()), unit);
    if (piece.includes('其中')) {
      break; // another total's list
    }
    if (COMPARISON.test(piece)) {
      continue; // `比上年度减少838条`
    }
    const subs = piece.split('、');
    let labels = 0;
    let documentLabels = 0; // as `labels`, for `withDocuments`
    for (let i = 0; i < subs.length; i++) {
      const part = countIn(subs[i]!, unit);
      if (part === undefined) {
        // (`征集调查16期` among items in 条, probeH13 018: each survey is one published as well)
        const document = withDocuments === undefined ? undefined : (trailingCount(subs[i]!, '件') ?? trailingCount(subs[i]!, '期'));
        if (document === undefined) {
          documentLabels++;
        } else if (document.approximate) {
          withDocuments = undefined;
        } else {
          withDocuments?.push(eachOf(document, documentLabels));
          documentLabels = 0;
        }
        labels++; // `新增设市政服务信息栏目`, the first labels of `机构设置、政策法规、各类公文等信息94条`
        continue;
      }
      if (part.approximate) {
        return false;
      }
      values.push(eachOf(part, labels));
      withDocuments?.push(eachOf(part, documentLabels));
      labels = 0;
      documentLabels = 0;
    }
  }
  // With the 件 parts the list must reach the total exactly at some part, no subtotal left out.
  return (
    prefixReaches(values, total) ||
    prefixReaches(withoutSubtotals(values), total) ||
    (withDocuments !== undefined && prefixReaches(withDocuments, total))
  );
}

/** A part's contribution: `低保、低边、特困各12条` counts for every label right before it (`labels`) too. */
function eachOf(part: TrailingCount, labels: number): number {
  return (part.label.endsWith('各') ? labels + 1 : 1) * Number(part.digits);
}

/**
 * A part without the breakdown of its own count in a bracket closed right after it (`部门财务信息2条(其中部门预算1条、
 * 部门决算1条)`, `省政府工作报告2条(中英文各1条)、人大代表建议…1条`, probeH9 030): the part is its count; the bracket's
 * parts are the count's, not the total's. Every such bracket in the piece goes, wherever it stands; a bracket after no
 * count of `units` (`工作动态类信息(含通知公告)135条`), after an approximate one, or left open stays.
 */
export function withoutOwnBreakdown(piece: string, units: string | readonly string[]): string {
  if (!piece.includes(')') && !piece.includes('）')) {
    return piece;
  }
  const all = typeof units === 'string' ? [units] : units;
  return piece.replace(/[（(][^（()）]*[）)]/g, (bracket: string, at: number) => {
    const head = piece.slice(0, at).trimEnd();
    const part = all.map((unit) => trailingCount(head, unit)).find((count) => count !== undefined);
    return part === undefined || part.approximate ? bracket : '';
  });
}

/** Whether the running sum of `values` equals `total` after some value. */
function prefixReaches(values: readonly number[], total: number): boolean {
  let sum = 0;
  for (const value of values) {
    sum += value;
    if (sum === total) {
      return true;
    }
    if (sum > total) {
      return false;
    }
  }
  return false;
}

/** `values` without every run of two or more values right after a value that adds up to it exactly. */
function withoutSubtotals(values: readonly number[]): number[] {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    kept.push(values[i]!);
    let sum = 0;
    let j = i + 1;
    while (j < values.length && sum < values[i]!) {
      sum += values[j]!;
      j++;
    }
    if (sum === values[i]! && j > i + 2) {
      i = j - 1;
    }
  }
  return kept;
}

/** The narrative sum rules in catalogue order. */
export const NARRATIVE_SUM_RULES: readonly RuleCheck[] = [checkNarrativeSums];
