// Table 二 figures a narrative clause states (validation-rules.md rules 27 NARR-T2 and 45 NARR-T2-IN-FORCE):
// `本年度制发的规范性文件77件`, `现行有效行政规范性文件698件`, `行政许可93件`. One parser for the rules and for the
// reader, which uses the same statements to decide between the splits of a run-together table 二 row.

import type { TemplateId } from '../template.ts';
import { asciiDigits } from './read-document-dates.ts';

export type Table2StatementRow = 'rules' | 'normative_documents' | 'licensing' | 'penalties' | 'coercion';

/** One figure a clause states for a table 二 cell. */
export interface Table2Statement {
  /** The rule that compares it: 27 (制发/处理决定) or 45 (现行有效). */
  readonly rule: 'NARR-T2' | 'NARR-T2-IN-FORCE';
  /** The label as written (`规范性文件`, `行政规范性文件`, `规章`, `行政许可`, …). */
  readonly label: string;
  readonly row: Table2StatementRow;
  /** 'issued' = 本年制发件数 (2019: 本年新制作数量); 'in_force' = 现行有效件数; 'decisions' = 处理决定数量. */
  readonly kind: 'issued' | 'in_force' | 'decisions';
  readonly n: number;
}

const IN_FORCE = /现行有效(?:的)?(行政规范性文件|规范性文件|规章)[^\d，,。；;]{0,4}?(\d+)\s*件/;
const STATEMENT = /(行政规范性文件|规范性文件|规章|行政许可|行政处罚|行政强制)([^\d]{0,6}?)(\d+)\s*件/;
// Before or inside a 规章/规范性文件 figure, words that make it another count than the documents made this
// year: the stock in force (rule 45's), repealed, reviewed or filed ones (`已宣布废止规范性文件5件`).
const NOT_ISSUED = /有效|废止|失效|清理|修改|修订|审查|审核|备案|宣布|报送/;
// The number before the label, right after a verb of issuing (`以“柳体规”文号出台了2份规范性文件`, probeL2 019): the
// documents issued this year, in 件 or 份.
const ISSUED_BEFORE = /(?:出台|制发|印发|制定|发布)了?(?:共|共计)?\s*(\d+)\s*(?:份|件)(?:的)?(行政规范性文件|规范性文件|规章)/;
// Around such a figure, words that make it another period's (`2019年以来`, `累计`, a year named) or others' (`各部门`, `指导…`)
// documents, or no documents at all (`…规范性文件解读`).
const NOT_THIS_YEAR = /以来|累计|历年|先后|截至|截止|近年|\d{4}\s*年/;
const NOT_OWN = /各|(?<!本)部门|指导|督促|协助|配合/;
// Between a label and its figure, words that make the figure a total of several kinds (`行政规范性文件等243件`).
const AGGREGATE = /^\s*(?:等|在内|以及)/;
const ROW: Readonly<Record<string, Table2StatementRow>> = {
  规章: 'rules',
  行政规范性文件: 'normative_documents',
  规范性文件: 'normative_documents',
  行政许可: 'licensing',
  行政处罚: 'penalties',
  行政强制: 'coercion',
};

/** The table 二 figure one clause states, or null (at most one per clause, the first). */
export function table2StatementOf(clause: string): Table2Statement | null {
  const text = asciiDigits(clause);
  if (text.includes('现行有效')) {
    const inForce = IN_FORCE.exec(text);
    if (inForce !== null) {
      const label = inForce[1]!;
      return { rule: 'NARR-T2-IN-FORCE', label, row: ROW[label]!, kind: 'in_force', n: Number(inForce[2]) };
    }
  }
  const match = STATEMENT.exec(text);
  if (match === null) {
    return issuedBefore(text);
  }
  const label = match[1]!;
  const row = ROW[label]!;
  const documents = row === 'rules' || row === 'normative_documents';
  const before = text.slice(0, match.index);
  if (documents && NOT_ISSUED.test(before + match[2]!)) {
    return null;
  }
  if (documents && before.endsWith('部门') && !before.endsWith('本部门')) {
    // `部门规范性文件45件` in a government's report: its departments' documents, not its own.
    return null;
  }
  if (AGGREGATE.test(match[2]!)) {
    // `刊登市政府规章、…行政规范性文件等243件`: several kinds counted together, no figure of this row.
    return null;
  }
  return { rule: 'NARR-T2', label, row, kind: documents ? 'issued' : 'decisions', n: Number(match[3]) };
}

/**
 * `出台了2份规范性文件`: the documents issued this year, the number before the label after a verb of issuing. Not when the
 * clause speaks of another period or of others' documents, nor with a word of another count (废止, 清理, 审查, 备案 …).
 */
function issuedBefore(text: string): Table2Statement | null {
  const match = ISSUED_BEFORE.exec(text);
  if (match === null) {
    return null;
  }
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  if (NOT_ISSUED.test(before) || NOT_THIS_YEAR.test(text) || NOT_OWN.test(before) || /^\s*(?:的)?(?:解读|草案|征求意见)/.test(after)) {
    return null;
  }
  const label = match[2]!;
  return { rule: 'NARR-T2', label, row: ROW[label]!, kind: 'issued', n: Number(match[1]) };
}

/** The cell a statement names in a template (`normative_documents.issued`, 2019 `….new_made`); null if none. */
export function table2StatementCell(statement: Table2Statement, template: TemplateId): string | null {
  switch (statement.kind) {
    case 'issued':
      return `${statement.row}.${template === '2019' ? 'new_made' : 'issued'}`;
    case 'in_force':
      return template === '2019' ? null : `${statement.row}.in_force`;
    case 'decisions':
      return `${statement.row}.decisions`;
  }
}
