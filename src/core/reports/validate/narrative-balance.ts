// NARR-BALANCE (rule 55, docs/validation-rules-added.md): the application figures a statement of the narrative gives
// must balance as table 三's do (rule 17 T3-BALANCE): received + carried in from the year before = answered + carried
// over into the next. Read only where all four stand plainly in one statement, and only where table 三 does not give
// the four totals (then rules 17, 25, 51 and 52 check the table and the narrative against it).

import { excerptOf } from '../read/narrative-sentences.ts';
import { asciiDigits } from '../read/read-document-dates.ts';
import type { RuleEvaluation } from '../report-model.ts';
import { cellValue, evaluated } from './evaluation.ts';
import type { RuleCheck } from './rule.ts';
import { statementsOf, uniqueSubjects } from './text-rules-support.ts';

/** The four application figures of table 三's balance, as one statement gives them. */
export interface StatedBalance {
  readonly received: number;
  readonly carriedIn: number;
  /** The carried-in applications are counted in `received` (`共收到申请2076件(含2022年结转67件)`). */
  readonly included: boolean;
  readonly answered: number;
  readonly carriedOut: number;
}

// Every count of applications in 件 (an approximate one, `100余件`, leaves the statement unread).
const COUNT = /(?<![\d.])(\d+)\s*([余多])?\s*件/g;
// What stands between two figures of one statement: a clause, a list item, a bracket.
const BOUNDARY = /[，,；;、：:（()）。]/;
const RECEIVED = /收到|受理|接收|接到|新收/;
const ANSWERED = /办结|答复|办理|处理完毕/;
const CARRIED = /结转|顺延|转入|转至|转接/;
const PREVIOUS_YEAR_WORD = /上一?年|去年|以前年度|往年/;
const NEXT_YEAR_WORD = /下一?年|次年|来年/;
// A part of the answers only (`按时答复`, `延期答复`, `不予公开答复`), or what is not answered yet (`正在办理`).
const ONLY_SOME = /按时|按期|延期|延长|逾期|超期|当场|当面|书面|电话|网上|在线|同意|不予|部分|告知|正在|尚在|仍在|未办结|撤回|撤销/;
// Other business counted in 件 (appeals, complaints, petitions, the hotline): another balance.
const OTHER_BUSINESS = /复议|诉讼|投诉|信访|咨询|留言|建议|提案|诉求|来信|热线|复核/;
// Carried-in applications counted in the figure before them (`2076件(含2022年结转67件)`, `10件，其中上年结转2件`).
const INCLUDED = /^(?:含|包含|包括|其中)/;

type Role = 'received' | 'carriedIn' | 'answered' | 'carriedOut';

/** The role of a figure of applications by the words of its clause; undefined when they name none or several. */
function roleOf(clause: string, year: number | null): Role | undefined {
  if (CARRIED.test(clause)) {
    const years = [...clause.matchAll(/(?<!\d)(\d{4})年/g)].map((m) => Number(m[1]));
    const previous = PREVIOUS_YEAR_WORD.test(clause) || (year !== null && years.includes(year - 1));
    const next = NEXT_YEAR_WORD.test(clause) || (year !== null && years.includes(year + 1));
    if (previous === next) {
      return undefined;
    }
    // `答复上年结转申请2件`: answers to the carried-in ones, not their number.
    return next ? 'carriedOut' : /办结|答复/.test(clause) ? undefined : 'carriedIn';
  }
  const received = RECEIVED.test(clause);
  const answered = ANSWERED.test(clause);
  if (received === answered) {
    return undefined; // `受理并办结…` or neither
  }
  return received ? 'received' : 'answered';
}

/**
 * The four application figures one statement gives (`除上年度结转的1件政府信息公开申请,共收到依申请公开124件,其中,全年共
 * 办理依申请公开122件,结转下年度继续办理3件`): a statement about 政府信息公开 applications (申请 and 公开 in it, no other
 * business named) with exactly four counts in 件, one of each role by the words of its clause. Undefined for anything
 * else: a part answered one way (`按时答复`), one not answered yet (`正在办理`), an approximate count, a fifth count.
 */
export function statedBalance(statement: string, year: number | null): StatedBalance | undefined {
  const text = asciiDigits(statement);
  if (!text.includes('申请') || !text.includes('公开') || !CARRIED.test(text) || OTHER_BUSINESS.test(text)) {
    return undefined;
  }
  const counts = [...text.matchAll(COUNT)];
  if (counts.length !== 4) {
    return undefined;
  }
  const found: Partial<Record<Role, number>> = {};
  let included = false;
  let previous: Role | undefined;
  for (const count of counts) {
    if (count[2] !== undefined) {
      return undefined;
    }
    const at = count.index;
    let start = at;
    while (start > 0 && !BOUNDARY.test(text[start - 1]!)) {
      start--;
    }
    let end = at + count[0].length;
    while (end < text.length && !BOUNDARY.test(text[end]!)) {
      end++;
    }
    // The words on both sides of the count (`另有103件顺延到下年度答复`); two counts in one clause are not told apart.
    const clause = text.slice(start, end);
    if (clause.match(COUNT)!.length > 1) {
      return undefined;
    }
    const role = ONLY_SOME.test(clause) ? undefined : roleOf(clause, year);
    if (role === undefined || found[role] !== undefined) {
      return undefined;
    }
    found[role] = Number(count[1]);
    if (
      role === 'carriedIn' &&
      previous === 'received' &&
      (INCLUDED.test(clause) || /其中[，,：:]$/.test(text.slice(Math.max(0, start - 3), start)))
    ) {
      // `…2076件(含2022年结转67件)`: counted in the received right before it, in a bracket or after 其中. After the
      // answered (`答复3050件（含上年度结转申请34件…）`) they are answered, which changes nothing of the balance.
      included = true;
    }
    previous = role;
  }
  const { received, carriedIn, answered, carriedOut } = found;
  if (received === undefined || carriedIn === undefined || answered === undefined || carriedOut === undefined) {
    return undefined;
  }
  return { received, carriedIn, included, answered, carriedOut };
}

// Table 三's four totals: when all are given, rules 17, 25, 51 and 52 check them and the narrative.
const TABLE_TOTALS = ['received.total', 'carried_in.total', 'outcome.total.total', 'carried_out.total'] as const;

/**
 * NARR-BALANCE (55): received + carried in = answered + carried over, as one statement of the narrative gives them
 * (`除去上年结转的8件…共收到依申请公开783件,全年共办结788件,结转下年继续办理2件`: 8 + 783 = 791, 788 + 2 = 790). Carried-in
 * applications counted in the received (`2076件(含2022年结转67件)`) are not added again.
 */
export const checkNarrativeBalance: RuleCheck = ({ report }) => {
  if (TABLE_TOTALS.every((cell) => cellValue(report, cell) != null)) {
    return [];
  }
  const subject = uniqueSubjects();
  const out: RuleEvaluation[] = [];
  for (const statement of statementsOf(report)) {
    const stated = statement.text.includes('件') ? statedBalance(statement.text, report.year) : undefined;
    if (stated === undefined) {
      continue;
    }
    const { received, carriedIn, included, answered, carriedOut } = stated;
    const left = included ? received : received + carriedIn;
    const right = answered + carriedOut;
    const excerpt = excerptOf(statement.text);
    const ins = included
      ? `收到申请${received}件（含上年结转${carriedIn}件）`
      : `收到申请${received}件加上年结转${carriedIn}件（${left}件）`;
    out.push(
      evaluated({
        rule: 'NARR-BALANCE',
        subject: subject(statement.text),
        expression: included ? '收到申请(含上年结转) = 办结 + 结转下年度' : '收到申请 + 上年结转 = 办结 + 结转下年度',
        cells: [],
        left,
        right,
        holds: left === right,
        message: () => `正文“${excerpt}”：${ins}不等于办结（答复）${answered}件加结转下年度${carriedOut}件（${right}件）`,
      }),
    );
  }
  return out;
};

/** The narrative balance rule in catalogue order. */
export const NARRATIVE_BALANCE_RULES: readonly RuleCheck[] = [checkNarrativeBalance];
