// Narrative against tables and narrative against itself (validation-rules.md rules 25–28, 34–36):
// NARR-T3-RECEIVED, NARR-T4, NARR-T2, NARR-FEE, NARR-STALE-YEAR, NARR-COUNT, NARR-PERCENT. Every
// pattern has bounded gaps, so a long unpunctuated text costs linear time. Subjects are the clause or
// sentence text (never the table values), so a reviewer's verdict survives a re-run.

import { excerptOf, type NarrativeSentence, splitClauses } from '../read/narrative-sentences.ts';
import { type Table2Statement, table2StatementCell, table2StatementOf } from '../read/narrative-table2.ts';
import { claimsNoAppeal, claimsNoApplication, feeAmountsOf } from '../read/narrative-values.ts';
import { asciiDigits, parseCount } from '../read/read-document-dates.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { type ReportTemplate, TEMPLATE_2021 } from '../template.ts';
import { cellValue, evaluated, notAssessable, readOperands, sumOf } from './evaluation.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { templateOf } from './template-of.ts';
import { narrativeMentions, sentencesOf, statementsOf, uniqueSubjects } from './text-rules-support.ts';

const RECEIVED_LABEL = '一、本年新收政府信息公开申请数量';

// ---------------------------------------------------------------- NARR-T3-RECEIVED (rule 25)

const RECEIVED_THEN_COUNT = /(?:收到|受理|接收|接到)[^\d]{0,40}?申请[^\d]{0,40}?(\d+)\s*件/;
const RECEIVED_COUNT_THEN = /(?:收到|受理|接收|接到)[^\d申]{0,40}?(\d+)\s*件[^\d]{0,40}?申请/;
const NOT_ABOUT_APPLICATIONS = /复议|诉讼|投诉|信访/;

/** The number of applications a clause says were received, 0 for `未收到…申请`, else undefined. */
function statedApplications(clause: string): number | undefined {
  if (!clause.includes('公开') || NOT_ABOUT_APPLICATIONS.test(clause)) {
    return undefined;
  }
  const text = asciiDigits(clause);
  const match = RECEIVED_THEN_COUNT.exec(text) ?? RECEIVED_COUNT_THEN.exec(text);
  if (match !== null) {
    return Number(match[1]);
  }
  return claimsNoApplication(clause) ? 0 : undefined;
}

/**
 * NARR-T3-RECEIVED (rule 25): applications the narrative says were received = table 三 一 总计; a figure
 * that also counts the 上年结转 applications (一 + 二) is accepted.
 */
export const checkNarrativeReceived: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    // Cheap test first: most sentences say nothing about applications.
    if (!sentence.text.includes('申请')) {
      continue;
    }
    for (const clause of splitClauses(sentence.text)) {
      const n = statedApplications(clause);
      if (n === undefined) {
        continue;
      }
      const base = {
        rule: 'NARR-T3-RECEIVED',
        subject: subject(clause),
        expression: '正文所称收到申请数 = received.total（或 received.total + carried_in.total）',
        cells: ['received.total'],
      } as const;
      const total = cellValue(report, 'received.total');
      if (total == null) {
        out.push(notAssessable({ ...base, missing: ['received.total'] }));
        continue;
      }
      const carried = cellValue(report, 'carried_in.total');
      out.push(
        evaluated({
          ...base,
          left: n,
          right: total,
          holds: n === total || (carried != null && n === total + carried),
          message: () => `正文称收到申请${n}件，表三“${RECEIVED_LABEL}”总计为${total}件`,
        }),
      );
    }
  }
  return out;
};

// ---------------------------------------------------------------- NARR-T4 (rule 26)

const APPEAL_GROUPS = {
  行政复议: ['review'],
  行政诉讼: ['litigation_direct', 'litigation_after_review'],
} as const;
type AppealWord = keyof typeof APPEAL_GROUPS;
// The groups' 总计 cell IDs, made once (a new ID string per clause is hashed again by every lookup).
const APPEAL_TOTAL_IDS: Readonly<Record<AppealWord, readonly string[]>> = {
  行政复议: APPEAL_GROUPS.行政复议.map((g) => `${g}.total`),
  行政诉讼: APPEAL_GROUPS.行政诉讼.map((g) => `${g}.total`),
};
const APPEAL_WORD = /行政复议|行政诉讼/;
const APPEAL_COUNT = /(行政复议|行政诉讼)(?:案件|案)?\s*(\d+)\s*(件|起)/g;

const t4Label = (rowId: string) => TEMPLATE_2021.rowById.get(rowId)?.label ?? rowId;

/**
 * NARR-T4 (rule 26): a clause claiming no 行政复议 / 行政诉讼 needs table 四 总计 0 in those groups; a
 * stated number (`行政复议2件`) must equal the group total (行政诉讼: both litigation groups together).
 */
export const checkNarrativeAppeals: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    if (!APPEAL_WORD.test(sentence.text)) {
      continue;
    }
    for (const clause of sentence.text.split(/[，,]/)) {
      if (!APPEAL_WORD.test(clause)) {
        continue;
      }
      if (claimsNoAppeal(clause)) {
        for (const word of Object.keys(APPEAL_GROUPS) as AppealWord[]) {
          if (!clause.includes(word)) {
            continue;
          }
          const groups = APPEAL_GROUPS[word];
          for (let g = 0; g < groups.length; g++) {
            const group = groups[g]!;
            const id = APPEAL_TOTAL_IDS[word][g]!;
            const base = { rule: 'NARR-T4', subject: subject(`${clause.trim()}|${group}`), expression: `${id} = 0`, cells: [id] } as const;
            const total = cellValue(report, id);
            out.push(
              total == null
                ? notAssessable({ ...base, missing: [id] })
                : evaluated({
                    ...base,
                    left: 0,
                    right: total,
                    holds: total === 0,
                    message: () => `正文称无${word}，表四“${t4Label(group)}”总计为${total}件`,
                  }),
            );
          }
        }
        continue;
      }
      for (const match of asciiDigits(clause).matchAll(APPEAL_COUNT)) {
        const word = match[1] as AppealWord;
        const n = Number(match[2]);
        const unit = match[3]!;
        const ids = APPEAL_TOTAL_IDS[word];
        const base = {
          rule: 'NARR-T4',
          subject: subject(`${clause.trim()}|${word}`),
          expression: `${ids.join(' + ')} = 正文所述数`,
          cells: ids,
        } as const;
        const operands = readOperands(report, ids);
        if (operands.missing.length > 0) {
          out.push(notAssessable({ ...base, missing: operands.missing }));
          continue;
        }
        const total = sumOf(operands.values, ids);
        const group = word === '行政复议' ? t4Label('review') : word;
        out.push(
          evaluated({
            ...base,
            left: n,
            right: total,
            holds: n === total,
            message: () => `正文称${word}${n}${unit}，表四“${group}”总计为${total}件`,
          }),
        );
      }
    }
  }
  return out;
};

// ---------------------------------------------------------------- NARR-T2 (rule 27)

const T2_WORD = /规章|规范性文件|行政许可|行政处罚|行政强制/;

/**
 * NARR-T2 (rule 27): `规章0件`, `行政规范性文件1件`, `行政许可93件` … must equal table 二 (制发件数 —
 * 2019: 新制作数量 — or 处理决定数量). A 规章/规范性文件 figure qualified as another count (现行有效 — rule
 * 45's —, 废止, 清理, 审查, 备案 …) is no statement about the documents made this year.
 */
export const checkNarrativeTable2: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const template = templateOf(report, '二');
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    if (!T2_WORD.test(sentence.text)) {
      continue;
    }
    for (const clause of splitClauses(sentence.text)) {
      const statement = table2StatementOf(clause);
      if (statement?.rule !== 'NARR-T2') {
        continue;
      }
      const id = table2StatementCell(statement, template.id)!;
      out.push(table2StatementEvaluation(report, template, statement, id, subject(clause), `正文称${statement.label}`));
    }
  }
  return out;
};

/**
 * A narrative table 二 figure (rules 27, 45) against its cell. When the cell is absent because its row's
 * digits ran together and split in several ways, the figure is still checked against every allowed split:
 * a figure no split gives contradicts the table whatever the split (`77132470` never has 现行有效 393).
 */
export function table2StatementEvaluation(
  report: ReportFacts,
  template: ReportTemplate,
  statement: Table2Statement,
  id: string,
  subject: string,
  claim: string,
): RuleEvaluation {
  const n = statement.n;
  const base = { rule: statement.rule, subject, expression: `正文所述${claim.slice(3)}件数 = ${id}`, cells: [id] } as const;
  const def = template.cellById.get(id);
  const row = def?.row ?? statement.row;
  const column = def?.column ?? id;
  const value = cellValue(report, id);
  if (value == null) {
    const run = value === undefined ? report.runCandidates?.get(id) : undefined;
    if (run === undefined) {
      return notAssessable({ ...base, missing: [id] });
    }
    return evaluated({
      ...base,
      left: n,
      right: run.run,
      holds: run.values.includes(n),
      message: () => `${claim}${n}件，表二“${row}”行连写的数字“${run.run}”无论怎样拆分，“${column}”都不是${n}`,
    });
  }
  return evaluated({
    ...base,
    left: n,
    right: value,
    holds: n === value,
    message: () => `${claim}${n}件，表二“${row}”“${column}”为${value}`,
  });
}

// ---------------------------------------------------------------- NARR-FEE (rule 28)

/**
 * NARR-FEE (rule 28, 国办函〔2020〕109号): a 信息处理费 amount > 0 needs an application that could bear it
 * (table 三 一 + 二 总计 > 0). The 行政事业性收费 of table 二 is a different fee and is not used.
 */
export const checkNarrativeFee: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const ids = ['received.total', 'carried_in.total'];
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    for (const amount of feeAmountsOf(sentence.text)) {
      if (/^0(?:\.0*)?$/.test(amount.yuan)) {
        continue;
      }
      const base = {
        rule: 'NARR-FEE',
        subject: subject(`${sentence.text}|${amount.text}`),
        expression: '正文称收取信息处理费 → received.total + carried_in.total > 0',
        cells: ids,
      } as const;
      const operands = readOperands(report, ids);
      if (operands.missing.length > 0) {
        out.push(notAssessable({ ...base, missing: operands.missing }));
        continue;
      }
      const applications = sumOf(operands.values, ids);
      out.push(
        evaluated({
          ...base,
          left: applications,
          right: 0,
          holds: applications > 0,
          message: () => `正文称收取信息处理费${amount.yuan}元，但表三本年新收和上年结转申请均为0`,
        }),
      );
    }
  }
  return out;
};

// ---------------------------------------------------------------- NARR-STALE-YEAR (rule 34)

const YEAR_OPENING = /^(\d{4})年度?(?:[，,]|以来)/;
// The year run straight into the sentence's subject, no comma (`2022年我单位共制作、获取政府信息总数84条`, probeJ1 016):
// the organ speaking of itself (我/本 + an organ's word) opens the sentence just the same.
const YEAR_THEN_SUBJECT = /^(\d{4})年度?(?=(?:我|本)(?:单位|机关|部门|局|委|办|厅|院|中心|站|所|馆|署|会|县|区|市|镇|乡|街道|旗|街))/;
const FIGURE = /(?<![\d.第])\d+\s*[余多]?\s*[条件篇次]/;
// A numbered sub-heading run into its first sentence, set off by a space or a colon (`(三) 政府信息管理情况 2022年,…`).
const SUB_HEADING_LEAD = /^[（(][一二三四五六七八九十]{1,3}[）)]\s*[^\s，,。；;：:\d（()）]{1,20}[\s：:]+(?=(?:截[至止])?\d{4}年)/;
// This year's figures opened on the last day of a year (`截止2021年12月31日,我街道共受理政府信息公开申请50件` in a 2022
// report, probeQ8 032; `(一)主动公开政府信息情况:截至2020年12月31日,我办…公布信息1877条` in a 2021 one, probeQ6 036):
// the year's closing date stands where `YYYY年，` would, and names the year it closes.
const YEAR_END_OPENING = /^截[至止](\d{4})年12月31日止?[，,]/;

/** `YYYY年` run straight into the organ's own subject (`2022年我单位…`, `2022年某局…` naming the report's agency). */
function ownSubjectOpening(text: string, agency: string | null): RegExpExecArray | null {
  const subject = YEAR_THEN_SUBJECT.exec(text);
  if (subject !== null || agency === null || agency.length < 2) {
    return subject;
  }
  const year = /^(\d{4})年度?/.exec(text);
  return year !== null && text.startsWith(agency, year[0].length) ? year : null;
}

/**
 * NARR-STALE-YEAR (rule 34): in section 一, a sentence opening with `YYYY年，` or `YYYY年以来` (or the year run into
 * the organ's own subject: `2022年我单位…`, or the year's closing date: `截至2021年12月31日,`) and
 * stating a figure names the year before the report year — text carried over from last year's report.
 */
export const checkNarrativeStaleYear: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const sentence of sentencesOf(report)) {
    if (sentence.section !== 'overview') {
      continue;
    }
    const text = asciiDigits(sentence.text).replace(SUB_HEADING_LEAD, '');
    const opening =
      text.length > 5 && text[4] === '年'
        ? (YEAR_OPENING.exec(text) ?? ownSubjectOpening(text, report.agency))
        : text[0] === '截'
          ? YEAR_END_OPENING.exec(text)
          : null;
    if (opening === null || !FIGURE.test(text.slice(opening[0].length))) {
      continue;
    }
    const stated = Number(opening[1]);
    const base = { rule: 'NARR-STALE-YEAR', subject: subject(sentence.text), expression: '句首年份 ≠ 报告年度 − 1', cells: [] } as const;
    const year = report.year;
    if (year === null) {
      out.push(notAssessable({ ...base, missing: [] }));
      continue;
    }
    out.push(
      evaluated({
        ...base,
        left: stated,
        right: year,
        holds: stated !== year - 1,
        message: () => `正文“${excerptOf(sentence.text)}”所述年份${stated}年与报告年度${year}年不符，可能沿用了上年报告内容`,
      }),
    );
  }
  return out;
};

// ---------------------------------------------------------------- NARR-COUNT (rule 35)

const NUMBER = '([一二三四五六七八九十两]{1,3}|\\d{1,2})';
const UNIT = '(部分|方面|栏目|板块|专栏|章节|章)';
// `由A、B、C等六部分组成`, `包括A、B、C三个方面`: the list comes first.
// `重点从“A、B”“C”六个部分组成`: 从 opens a list only before a quote (else it is too common a word).
const LIST_THEN_COUNT = new RegExp(`(?:由|包括|包含|涵盖|分为|从(?=[“"「]))([^。]{2,300}?)等?${NUMBER}(个)?${UNIT}`);
// `分为六个部分：…`, `共3个栏目：A、B、C`, `包括5项内容：…`: the count comes first, the list after a colon.
const COUNT_THEN_LIST = new RegExp(`(?:分为|共有|共分|共设|共|包括|包含|设有|设置)${NUMBER}(个|项)?${UNIT}?[^：:。\\d]{0,10}?[：:](.+)$`);
const COUNT_UNIT = new RegExp(`${UNIT}|项`);
const HEDGE = /主要$/;
// (`1.总体情况;2.…`: a digit and its point or 、 before the item's words are an ordinal too.)
const ORDINALS = /[一二三四五六七八九十]是|[（(][一二三四五六七八九十][)）]|(?<![\d.])\d{1,2}[.、．](?=[\u4e00-\u9fff])/g;

// Section 四's title, `…行政复议、行政诉讼情况` (`因…申请行政复议、提起行政诉讼的情况`): its 、 parts no items, whatever
// parts the list (probeQ3 037 by `;`, probeQ8 021 by `,`). Two bare items `行政复议、行政诉讼` may be two parts (corpus
// p027 lists `…依申请公开政府信息、行政复议、行政诉讼、存在问题和改进措施6个部分`): partReadings reads them both ways.
const APPEAL_TITLE = /复议、(?:提起)?行政诉讼(?=的?情况)/g;

// A 和/及 inside a part's own title joins no two items (`存在的主要问题及改进情况`, `收到和处理…申请情况`, and section
// 四's `行政复议和行政诉讼` as countItems writes it): probeQ8 021's last item `…存在的主要问题及改进情况` is one part.
const TITLE_CONJUNCTION = /收到和处理|问题(?:及|和|与)(?:其)?(?:改进|整改)|复议和行政诉讼/g;

/** Items of an enumeration: ordinal markers (`一是`, `（一）`) when there are several, else `、`, `；`, `，` pieces. */
function countItems(raw: string, separators: readonly string[]): { count: number; joinedLast: boolean } {
  // Section 四's own title holds a 、 (`行政复议、行政诉讼情况`): one item, not two.
  const list = raw.replace(APPEAL_TITLE, '复议和行政诉讼');
  const ordinals = list.match(ORDINALS)?.length ?? 0;
  if (ordinals >= 2) {
    return { count: ordinals, joinedLast: false };
  }
  for (const separator of separators) {
    const items = list.split(separator).filter((item) => item.trim() !== '');
    if (items.length >= 2) {
      return { count: items.length, joinedLast: /和|及|与/.test(items[items.length - 1]!.replace(TITLE_CONJUNCTION, '')) };
    }
  }
  return { count: list.trim() === '' ? 0 : 1, joinedLast: false };
}

// How a part of a report's structure is named (`…情况`, `其他需要报告的事项`, `存在问题及工作打算`).
const PART_NAME_END = /(?:情况|事项|打算|措施|说明|附表|问题|概述)[”"」]?$/;
// A title run into the one before it without a 、 (`总体情况主动公开政府信息情况`; the 2008 outline's `概述政府信息主动公开
// 情况政府信息依申请公开情况` and `…行政复议和诉讼情况存在的主要问题和改进措施` in a 2017 report, probeI10 027): where the
// second begins.
const TITLE_RUN =
  /(?:情况|概述|事项|措施)(?=(?:和|及|以及)?(?:行政机关)?(?:(?:政府信息)?(?:主动公开|依申请公开)|收到和?处理|政府信息公开|(?:申请人)?因(?:申请)?政府信息公开|存在的?主要?问题|其他需要报告|总体情况))/g;

// Section 四 in the 2007 条例's words, `因…申请行政复议、提起行政诉讼的情况`, written as two named halves
// (`因政府信息公开工作被申请行政复议情况、提起行政诉讼情况`, probeQ5 018): one part in the fewest reading.
const APPEAL_PART = /行政复议的?情况$/;
const LAWSUIT_PART = /^(?:提起)?行政诉讼/;

/**
 * The fewest and the most parts a list of a report's parts (`、`-separated `items`) can be read as. Fewest: an
 * item not named like a part (`机构设置`, `复议`) is the first half of a name holding a 、 (`机构设置、保障经费和
 * 培训会议情况`, `复议、诉讼和申诉的情况`) — unless the next item repeats it (`…被申请行政复议、…被申请行政复议和
 * 提起行政诉讼情况` lists it twice), and section 四's halves `…行政复议情况`, `提起行政诉讼情况` are one. Most: an item holding two titles run together counts as two. Only a list
 * mostly named like parts is read so; any other list has exactly its items.
 */
function partReadings(items: readonly string[]): { fewest: number; most: number } {
  const named = items.filter((item) => PART_NAME_END.test(item)).length;
  if (named * 2 < items.length) {
    return { fewest: items.length, most: items.length };
  }
  let fewest = items.length;
  let most = items.length;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (i < items.length - 1 && !PART_NAME_END.test(item) && !items[i + 1]!.startsWith(item)) {
      fewest--;
    } else if (i < items.length - 1 && APPEAL_PART.test(item) && LAWSUIT_PART.test(items[i + 1]!)) {
      fewest--;
    }
    most += item.match(TITLE_RUN)?.length ?? 0;
  }
  return { fewest, most };
}

/**
 * NARR-COUNT (rule 35): a stated number of parts, aspects or columns must match the items enumerated
 * (`…等六部分组成` listing four). A last item joined with 和/及/与 may hold two, so one short is accepted then;
 * a list introduced by 主要 (`主要由…组成`, `主要包括`) may be short of the count. A list of a report's parts
 * is a finding only when no reading of it (a name holding a 、, two titles run together) gives the count.
 */
export const checkNarrativeCount: RuleCheck = ({ report }) => {
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const statement of statementsOf(report)) {
    if (!COUNT_UNIT.test(statement.text)) {
      continue;
    }
    const text = asciiDigits(statement.text.replace(/\s+/g, ''));
    let stated: number | undefined;
    let unit = '';
    let items = { count: 0, joinedLast: false };
    let matchStart = 0;
    let low = -1;
    let high = -1;
    const before = LIST_THEN_COUNT.exec(text);
    if (before !== null && before[1]!.includes('、')) {
      matchStart = before.index;
      stated = parseCount(before[2]!);
      unit = `${before[3] ?? ''}${before[4]}`;
      // `…行政诉讼情况，存在的主要问题及改进情况以及其他需要报告的事项等六部分`: a comma or 以及 parts items too —
      // unless an item holds a 、 of its own (`…情况,行政复议、诉讼和申诉情况,工作人员、政府支出与收费情况…`):
      // a count between the two readings contradicts neither.
      // Quoted items without a 、 between them (`“…改进情况”“其他需要报告的事项”`) are two.
      const list = before[1]!.replace(/等$/, '').replace(/[”"」]\s*[“"「]/g, '、');
      // `；` parts items as a comma does (`…申请情况;政府信息公开行政复议、行政诉讼情况;存在的主要问题…`, probeQ3 037).
      const wide = list.replace(/[，,；;]|以及/g, '、');
      items = countItems(wide, ['、']);
      if (/[，,；;]|以及/.test(list)) {
        // Read by 、 alone, a list whose only 、 is section 四's own (`行政复议、行政诉讼情况`) is no list at all: no
        // reading (probeQ8 021 listed five of six parts by `,`, and this reading of one part cleared it).
        const narrow = countItems(list, ['、']);
        if (narrow.count >= 2 && narrow.count < items.count) {
          low = narrow.count;
        }
      }
      // Names holding a 、 or titles run together: the count may lie anywhere between the readings.
      if ((wide.match(ORDINALS)?.length ?? 0) < 2) {
        const readings = partReadings(
          wide
            .replace(APPEAL_TITLE, '复议和行政诉讼')
            .split('、')
            .map((item) => item.trim().replace(/^[“"「]|[”"」]$/g, ''))
            .filter((item) => item !== ''),
        );
        if (readings.fewest < items.count) {
          low = low < 0 ? readings.fewest : Math.min(low, readings.fewest);
        }
        high = Math.max(items.count, readings.most);
      }
    } else {
      const after = COUNT_THEN_LIST.exec(text);
      if (after !== null && (after[2] !== undefined || after[3] !== undefined)) {
        matchStart = after.index;
        stated = parseCount(after[1]!);
        unit = `${after[2] ?? ''}${after[3] ?? ''}`;
        items = countItems(after[4]!, ['、', '；', ';', '，', ',']);
      }
    }
    if (stated === undefined || items.count < 2) {
      continue;
    }
    const listed = items.count;
    const n = stated;
    // `主要由…等六部分组成`: 主要 (mainly) says the list is a selection, so fewer items are no contradiction.
    const hedged = HEDGE.test(text.slice(0, matchStart));
    out.push(
      evaluated({
        rule: 'NARR-COUNT',
        subject: subject(statement.text),
        expression: '所述数量 = 列举项数',
        cells: [],
        left: n,
        right: listed,
        holds:
          listed === n ||
          (items.joinedLast && listed + 1 === n) ||
          (hedged && listed < n) ||
          (low >= 0 && low <= n && n <= listed) ||
          (n > listed && n <= high),
        message: () => `“${excerptOf(statement.text)}”称共${n}${unit}，但列举了${listed}${unit}`,
      }),
    );
  }
  return out;
};

// ---------------------------------------------------------------- NARR-PERCENT (rule 36)

const TOTAL_BEFORE_PARTS = /(?<!\d)(\d+)\s*(余|多)?\s*(件|条|篇|个|项|次)[，,：:]?\s*其中/;
const TOTAL_STATED = /(?:共|总计|合计|累计)[^\d，,。]{0,12}?(\d+)\s*(余|多)?\s*(件|条|篇|个|项|次)/;
// `在…网站主动公开的2026条政府信息中，…60条，占2.9%`: the whole the shares are of.
const TOTAL_AMONG = /的(\d+)\s*(余|多)?\s*(件|条|篇|个|项|次)[^\d，,。；;]{0,8}?中[，,：:]/;
// A count, the last of a statement that may hold the total of the next one's `其中…` shares.
const LAST_COUNT = /(?<![\d.])(\d+)\s*(余|多)?\s*(件|条|篇|个|项|次)/g;

// A count and its share: `N条，占X%`, `N条（X%）`, or a bare `N条,X%` ending its clause (`政策文件1条,0.16%,`, probeP3 037).
const SHARE =
  /(?<![\d.])(\d+)\s*(件|条|篇|个|项|次)\s*(?:[，,、]?\s*占(?:比|总数的?|总量的?|全部的?|比为)?\s*(\d+(?:\.\d+)?)\s*[%％]|[（(]\s*(?:占比?)?\s*(\d+(?:\.\d+)?)\s*[%％]\s*[)）]|[，,]\s*(\d+(?:\.\d+)?)\s*[%％](?=[，,。；;]|$))/g;

/** The percentage a share states, as written (`58`, `0.08`). */
function statedOf(share: RegExpMatchArray): string {
  return (share[3] ?? share[4] ?? share[5])!;
}

/** N / T × 100 at the stated precision: the half-up value, and whether N / T lies exactly on a .5. */
function percentOf(n: number, total: number, decimals: number): { rounded: number; tie: boolean } {
  const scaled = n * 100 * 10 ** decimals;
  const quotient = Math.floor(scaled / total);
  const twice = 2 * (scaled - quotient * total);
  return { rounded: twice >= total ? quotient + 1 : quotient, tie: twice === total };
}

function formatScaled(value: number, decimals: number): string {
  if (decimals === 0) {
    return String(value);
  }
  const digits = String(value).padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * NARR-PERCENT (rule 36): a share `N条，占X%` or `N条（X%）` in a statement whose total T is stated must
 * be N / T rounded half-up to the decimals of X (either rounding of an exact .5 is accepted). Shares adjusted to add up
 * to exactly 100 % are measured one by one like any other (rule 36 is binding: `其他公文5条,占41%` of 12 is 41.67 %, 42 %).
 */
export const checkNarrativePercent: RuleCheck = ({ report }) => {
  if (!narrativeMentions(report, '%') && !narrativeMentions(report, '％')) {
    return []; // a share needs a percent sign
  }
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  const statements = statementsOf(report);
  // The strict total of the statement before, when its shares ran to its end: shares that go on in the next statement
  // (`…领导信息4条,占0.06%。政策文件1条,0.16%,…`, probeP3 037) are of it too.
  let runningTotal: { total: RegExpExecArray; section: string; index: number } | null = null;
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    if (!/[%％]/.test(statement.text)) {
      continue;
    }
    const text = asciiDigits(statement.text);
    const strict = TOTAL_BEFORE_PARTS.exec(text) ?? TOTAL_STATED.exec(text);
    const among = strict === null ? TOTAL_AMONG.exec(text) : null;
    const lead = sharesLead(text);
    const running =
      strict === null && among === null && lead && runningTotal?.index === i - 1 && runningTotal.section === statement.section
        ? runningTotal.total
        : null;
    runningTotal = null;
    const total = strict ?? among ?? running ?? totalBefore(statements, i, lead);
    if (total === null || total[2] !== undefined) {
      continue; // no total, or an approximate one (`1000余条`)
    }
    const stated = Number(total[1]);
    const unit = total[3]!;
    const totalAt = strict === null && among === null ? -1 : total.index + total[0].indexOf(total[1]!);
    if (stated === 0) {
      continue;
    }
    const shares = [...text.matchAll(SHARE)].filter((share) => share.index !== totalAt && share[2] === unit);
    // A total read less directly (`…的N条政府信息中`, the statement before `其中…`) must be what most shares, two at
    // least, round from: else it is no total of theirs.
    if (strict === null && running === null) {
      const holding = shares.filter((share) => shareHolds(share, stated)).length;
      if (holding < 2 || holding * 2 <= shares.length) {
        continue;
      }
    }
    // Another count before the shares that every share rounds from (`处理98件，办结99件，…其中予以公开79件，占79.8%`:
    // the shares are of the 99 answered) is the total they mean.
    const t = shares.every((share) => shareHolds(share, stated)) ? stated : (otherBase(text, shares, unit) ?? stated);
    if (strict !== null && endsOnShare(text, shares)) {
      runningTotal = { total: strict, section: statement.section, index: i };
    }
    for (const share of shares) {
      const n = Number(share[1]);
      const statedText = statedOf(share);
      const decimals = statedText.includes('.') ? statedText.split('.')[1]!.length : 0;
      const { rounded } = percentOf(n, t, decimals);
      const holds = shareHolds(share, t);
      const computed = formatScaled(rounded, decimals);
      out.push(
        evaluated({
          rule: 'NARR-PERCENT',
          subject: subject(`${statement.text}|${share.index}`),
          expression: '所述百分比 = 分项数 / 总数 × 100',
          cells: [],
          left: statedText,
          right: computed,
          holds,
          message: () => `“${excerptOf(statement.text)}”：${n}/${t}=${computed}%，与所述${statedText}%不符`,
        }),
      );
    }
  }
  return out;
};

/**
 * For a statement opening with `其中` (`2008年度共新增主动公开政府信息312条。其中，…207条，占58.1%`) or whose shares
 * come before any other count (`lead`), the last count
 * of the statement before it in the same section — or the one before that when the nearer holds no count (`全年主动公开
 * 政府信息224条，较去年下降7.8%。全文电子化率达100%。其中，…`) — as a total match; null otherwise.
 */
function totalBefore(statements: readonly NarrativeSentence[], i: number, lead: boolean): RegExpExecArray | null {
  const statement = statements[i]!;
  if (!/^其中/.test(statement.text) && !lead) {
    return null;
  }
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const before = statements[k]!;
    if (before.section !== statement.section) {
      return null;
    }
    let last: RegExpExecArray | null = null;
    LAST_COUNT.lastIndex = 0;
    const text = asciiDigits(before.text);
    for (let match = LAST_COUNT.exec(text); match !== null; match = LAST_COUNT.exec(text)) {
      last = match;
    }
    if (last !== null) {
      return last;
    }
  }
  return null;
}

/**
 * Whether a statement's shares come before any other count of it, led in by words only (`从公开渠道来看,政府网站公开信息
 * 118条,占比20.34%;…`, `…办复率100%,其中予以公开或部分公开59件、占45.3%;…`): their total may end the statement before.
 */
function sharesLead(text: string): boolean {
  SHARE.lastIndex = 0;
  const first = SHARE.exec(text);
  SHARE.lastIndex = 0;
  if (first === null) {
    return false;
  }
  return !new RegExp(LAST_COUNT.source).test(text.slice(0, first.index));
}

/** Whether the last count of a statement is one of its shares, and nothing but its end follows that share. */
function endsOnShare(text: string, shares: readonly RegExpMatchArray[]): boolean {
  const last = shares[shares.length - 1];
  if (last === undefined) {
    return false;
  }
  return /^[。！？!?\s]*$/.test(text.slice(last.index! + last[0].length));
}

/** Whether a share's stated percentage is N / T rounded half-up to its decimals (either rounding of an exact .5). */
function shareHolds(share: RegExpMatchArray, total: number): boolean {
  const statedText = statedOf(share);
  const decimals = statedText.includes('.') ? statedText.split('.')[1]!.length : 0;
  const statedScaled = Math.round(Number(statedText) * 10 ** decimals);
  const { rounded, tie } = percentOf(Number(share[1]), total, decimals);
  return statedScaled === rounded || (tie && statedScaled === rounded - 1);
}

const COUNT_OF = /(?<![\d.])(\d+)\s*(件|条|篇|个|项|次)/g;

/** A count of the unit before the first share that every share rounds from, or null. */
function otherBase(text: string, shares: readonly RegExpMatchArray[], unit: string): number | null {
  const first = shares[0]?.index;
  if (first === undefined) {
    return null;
  }
  for (const count of text.slice(0, first).matchAll(COUNT_OF)) {
    const base = Number(count[1]);
    if (count[2] === unit && base > 0 && shares.every((share) => shareHolds(share, base))) {
      return base;
    }
  }
  return null;
}

/** The narrative rules in catalogue order. */
export const NARRATIVE_RULES: readonly RuleCheck[] = [
  checkNarrativeReceived,
  checkNarrativeAppeals,
  checkNarrativeTable2,
  checkNarrativeFee,
  checkNarrativeStaleYear,
  checkNarrativeCount,
  checkNarrativePercent,
];
