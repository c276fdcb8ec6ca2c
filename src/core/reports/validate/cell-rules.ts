// Cell rules (validation-rules.md §2.2 rules 14–16, §2.6 rule 32): gaps, texts that are not numbers,
// values a cell cannot hold, and signs where the template has none.

import { innerMap } from '../../shared/inner-map.ts';
import { isPlainNumber } from '../read/parse-cell-value.ts';
import type { TruncatedAt } from '../read/reading-parts.ts';
import type { ReadCell, RuleEvaluation } from '../report-model.ts';
import { type ReportTemplate, splitCellId, TABLE_IDS, type TableId, TEMPLATES } from '../template.ts';
import { cellIndexOf, slotOf, slotsOf, slotValuesOf } from './cell-slots.ts';
import { type SignProblem, signProblemOf } from './cell-text.ts';
import { cellDecimal, compareDecimals, evaluated, keepsPasses } from './evaluation.ts';
import type { ReportFacts, RuleCheck } from './rule.ts';
import { messageRowLabel, presentCellDef, templateOf } from './template-of.ts';

const MAX_TEXT_EXAMPLES = 3;

// `cell:<id>` subjects and `[id]` operand lists, one per ID: the fingerprint cache then looks up a
// string whose hash V8 already knows instead of hashing a new one for every cell of every report
// (two rules per cell), and the lists are not reallocated. Bounded; cleared when full.
interface CellOperand {
  readonly subject: string;
  readonly cells: readonly string[];
}
const CELL_OPERANDS = new Map<string, CellOperand>();
const CELL_OPERANDS_LIMIT = 4096;

function cellOperand(id: string): CellOperand {
  let operand = CELL_OPERANDS.get(id);
  if (operand === undefined) {
    if (CELL_OPERANDS.size >= CELL_OPERANDS_LIMIT) {
      CELL_OPERANDS.clear();
    }
    operand = { subject: `cell:${id}`, cells: [id] };
    CELL_OPERANDS.set(id, operand);
  }
  return operand;
}

/** Tables the reader found, minus those after a truncation point (READ-TRUNCATED reports what lies beyond). */
function checkedTables(found: readonly TableId[], truncatedIn: TableId | null): readonly TableId[] {
  const cut = truncatedIn === null ? TABLE_IDS.length : TABLE_IDS.indexOf(truncatedIn);
  return TABLE_IDS.filter((table, index) => found.includes(table) && index <= cut);
}

function presentCellsOf(cells: ReadonlyMap<string, ReadCell>, table: TableId): ReadCell[] {
  const present: ReadCell[] = [];
  cells.forEach((cell) => {
    if (cell.table === table) {
      present.push(cell);
    }
  });
  return present;
}

// A template's cell IDs per table, in contract order: computed once, not filtered from all its cells for every report.
const TABLE_CELL_IDS = new WeakMap<ReportTemplate, Map<TableId, readonly string[]>>();

function cellIdsOfTable(template: ReportTemplate, table: TableId): readonly string[] {
  const byTable = innerMap(TABLE_CELL_IDS, template);
  let ids = byTable.get(table);
  if (ids === undefined) {
    ids = template.cells.filter((c) => c.table === table).map((c) => c.id);
    byTable.set(table, ids);
  }
  return ids;
}

// The slots of cellIdsOfTable's IDs, in the same order.
const TABLE_CELL_SLOTS = new WeakMap<ReportTemplate, Map<TableId, readonly number[]>>();

function cellSlotsOfTable(template: ReportTemplate, table: TableId): readonly number[] {
  const byTable = innerMap(TABLE_CELL_SLOTS, template);
  let slots = byTable.get(table);
  if (slots === undefined) {
    slots = slotsOf(cellIdsOfTable(template, table));
    byTable.set(table, slots);
  }
  return slots;
}

// ---------------------------------------------------------------- failures only: the usual cell

/** The present cells other than the usual one (CellIndex.unusual), in the cell map's order. */
function unusualCellsOf(report: ReportFacts): readonly ReadCell[] {
  return cellIndexOf(report).unusual;
}

/**
 * How many of a table's cells (cellIdsOfTable's order: rows, then columns) come before the point where the text is
 * cut (TruncatedAt): the cells of the rows before the first row it does not reach in full, and that row's first
 * `columns`. A row this template lacks is placed by the other template's row order (the first of its later rows
 * this one has). All of them when the text reached every row.
 */
function cellsBeforeCut(template: ReportTemplate, table: TableId, at: TruncatedAt): number {
  if (at.row === null) {
    return Number.POSITIVE_INFINITY;
  }
  const rows = template.tables[table].rows;
  let index = rows.findIndex((r) => r.id === at.row);
  let columns = at.columns;
  if (index < 0) {
    const other = TEMPLATES[template.id === '2021' ? '2019' : '2021'].tables[table].rows;
    const from = other.findIndex((r) => r.id === at.row);
    columns = 0;
    index = rows.length;
    for (let i = from < 0 ? other.length : from + 1; i < other.length; i++) {
      const mine = rows.findIndex((r) => r.id === other[i]!.id);
      if (mine >= 0) {
        index = mine;
        break;
      }
    }
  }
  let count = 0;
  for (let i = 0; i < index; i++) {
    count += rows[i]!.kind === 'data' ? rows[i]!.columns.length : 0;
  }
  const row = rows[index];
  return row === undefined || row.kind !== 'data' ? count : count + Math.min(columns, row.columns.length);
}

/** A table's absent cells in a template's order, up to the point the text is cut at when it is cut in this table. */
function absentCellsOf(report: ReportFacts, template: ReportTemplate, table: TableId): string[] {
  const absent: string[] = [];
  const ids = cellIdsOfTable(template, table);
  // Presence read from the report's slot values (undefined = absent): no map lookup per template cell.
  const slots = cellSlotsOfTable(template, table);
  const values = slotValuesOf(report);
  const cutAt = report.truncatedAt;
  const end =
    table === report.truncatedIn && cutAt !== undefined ? Math.min(ids.length, cellsBeforeCut(template, table, cutAt)) : ids.length;
  for (let i = 0; i < end; i++) {
    if (values[slots[i]!] === undefined) {
      absent.push(ids[i]!);
    }
  }
  return absent;
}

/**
 * Table 二 of a mixed report (annual-report.md §4.5: each block may follow either template; probeI4 033 heads only
 * 第(一)项 with the 2019 columns, its other blocks with the 2021 ones): a block none of whose cells of the table's own
 * template (templateOf) alone is given, and that lacks fewer cells in the other template, is in the other template's
 * form and judged by it (`行政许可 | 2 |` under `本年处理决定数量` has no blank 上一年项目数量). A block only one template
 * has (第二十条第(九)项) counts only when one of its cells is given: in the other form it is no part of the table.
 */
function mixedTable2Blanks(report: ReportFacts): string[] {
  const own = templateOf(report, '二');
  const other = TEMPLATES[own.id === '2021' ? '2019' : '2021'];
  const values = slotValuesOf(report);
  const blocksOf = (template: ReportTemplate, absent: readonly string[]) => {
    const blocks = new Map<string, { ids: string[]; absent: string[] }>();
    for (const id of cellIdsOfTable(template, '二')) {
      const block = template.rowById.get(splitCellId(id).rowId)!.block!;
      const entry = blocks.get(block) ?? { ids: [], absent: [] };
      entry.ids.push(id);
      blocks.set(block, entry);
    }
    for (const id of absent) {
      blocks.get(template.rowById.get(splitCellId(id).rowId)!.block!)!.absent.push(id);
    }
    return blocks;
  };
  const given = (id: string) => values[slotOf(id)] !== undefined;
  const mine = blocksOf(own, absentCellsOf(report, own, '二'));
  const theirs = blocksOf(other, absentCellsOf(report, other, '二'));
  const blank: string[] = [];
  for (const [id, block] of mine) {
    const alternative = theirs.get(id);
    if (alternative === undefined) {
      if (block.ids.some(given)) {
        blank.push(...block.absent);
      }
      continue;
    }
    const ownForm = block.ids.some((cell) => !other.cellById.has(cell) && given(cell));
    blank.push(...(!ownForm && alternative.absent.length < block.absent.length ? alternative.absent : block.absent));
  }
  for (const [id, block] of theirs) {
    if (!mine.has(id) && block.ids.some(given)) {
      blank.push(...block.absent);
    }
  }
  return blank;
}

/**
 * CELL-BLANK 空白不按0计算: per found table, the template's data cells that are absent (rule 14). In the table the
 * text is cut in, only the cells before the cut: those after it are missing (READ-TRUNCATED), not blank.
 */
export const checkCellBlank: RuleCheck = ({ report }) =>
  checkedTables(report.tablesFound, report.truncatedIn).map((table): RuleEvaluation => {
    const blank =
      report.template === 'mixed' && table === '二' ? mixedTable2Blanks(report) : absentCellsOf(report, templateOf(report, table), table);
    return evaluated({
      rule: 'CELL-BLANK',
      subject: `table:${table}`,
      expression: `表${table}空白单元格数 = 0`,
      left: blank.length,
      right: 0,
      holds: blank.length === 0,
      cells: blank,
      message: () => `表${table}有${blank.length}个单元格为空（空白不按0计算，相关勾稽检查已跳过）`,
    });
  });

/** CELL-TEXT: per table, present cells whose text is not a plain number, with up to 3 examples (rule 15). */
export const checkCellText: RuleCheck = ({ report }) =>
  TABLE_IDS.flatMap((table): RuleEvaluation[] => {
    // Without --explain only a table with a non-plain cell yields anything, and the usual cell is plain.
    const present = keepsPasses() ? presentCellsOf(report.cells, table) : unusualCellsOf(report).filter((c) => c.table === table);
    if (present.length === 0) {
      return [];
    }
    const texts = present.filter((c) => !isPlainNumber(c.raw));
    // Only a failure's message shows them: no set and no join for a table of plain numbers.
    const examples = (): string => [...new Set(texts.map((c) => c.raw))].slice(0, MAX_TEXT_EXAMPLES).join('、');
    return [
      evaluated({
        rule: 'CELL-TEXT',
        subject: `table:${table}`,
        expression: `表${table}非数字单元格数 = 0`,
        left: texts.length,
        right: 0,
        holds: texts.length === 0,
        cells: texts.map((c) => c.id),
        message: () => `表${table}有${texts.length}个单元格不是数字：${examples()}`,
      }),
    ];
  });

function cellPlace(cell: ReadCell): string {
  return `表${cell.table}“${messageRowLabel(cell.row)}”“${cell.column}”`;
}

const KIND_LABEL = { count: '计数', amount: '金额', change: '增减' } as const;
type Kind = keyof typeof KIND_LABEL;

const GROUP_KEYS: Readonly<Record<Kind, readonly string[]>> = {
  count: TABLE_IDS.map((t) => `${t}/count`),
  amount: TABLE_IDS.map((t) => `${t}/amount`),
  change: TABLE_IDS.map((t) => `${t}/change`),
};

/**
 * Passing cells of one rule, grouped by table and column kind. Each group becomes ONE pass evaluation
 * listing its cells (a seed-size report has ~200 passing cells per rule, most of all evaluations);
 * a failing cell keeps its own evaluation and finding. A group of one cell keeps that cell's own
 * evaluation, so a lone cell reads exactly as before.
 */
class PassGroups {
  private readonly groups = new Map<string, { readonly kind: Kind; readonly first: ReadCell; readonly cells: string[] }>();
  /** Without `--explain` passes are not recorded: nothing to gather (every cell of every report). */
  private readonly keep = keepsPasses();

  add(kind: Kind, cell: ReadCell): void {
    if (!this.keep) {
      return;
    }
    const key = GROUP_KEYS[kind][TABLE_IDS.indexOf(cell.table)] ?? `${cell.table}/${kind}`;
    const group = this.groups.get(key);
    if (group === undefined) {
      this.groups.set(key, { kind, first: cell, cells: [cell.id] });
    } else {
      group.cells.push(cell.id);
    }
  }

  /** The pass evaluations, one per group, in the order the groups were met. */
  evaluations(
    rule: 'CELL-VALUE' | 'CELL-SIGN',
    single: (cell: ReadCell, kind: Kind) => RuleEvaluation,
    expression: (table: TableId, kind: Kind, count: number) => string,
  ): RuleEvaluation[] {
    const out: RuleEvaluation[] = [];
    for (const [key, group] of this.groups) {
      const count = group.cells.length;
      out.push(
        count === 1
          ? single(group.first, group.kind)
          : evaluated({
              rule,
              subject: `table:${key}`,
              cells: group.cells,
              expression: expression(group.first.table, group.kind, count),
              left: count,
              right: count,
              holds: true,
              message: () => '',
            }),
      );
    }
    return out;
  }
}

function cellValueEvaluation(report: ReportFacts, cell: ReadCell, kind: Kind): RuleEvaluation {
  const { subject, cells } = cellOperand(cell.id);
  if (kind === 'amount') {
    const amount = cellDecimal(report, cell.id) ?? String(cell.value);
    return evaluated({
      rule: 'CELL-VALUE',
      subject,
      cells,
      expression: `${cell.id} ≥ 0`,
      left: amount,
      right: '0',
      holds: compareDecimals(amount, '0') >= 0,
      message: () => `${cellPlace(cell)}的数值${cell.raw}不是非负数`,
    });
  }
  const value = cell.value ?? 0;
  return evaluated({
    rule: 'CELL-VALUE',
    subject,
    cells,
    expression: `${cell.id} 为非负整数`,
    left: value,
    right: 0,
    holds: Number.isInteger(value) && value >= 0,
    message: () => `${cellPlace(cell)}的数值${cell.raw}不是非负整数`,
  });
}

// CELL-VALUE and CELL-SIGN both need each present cell's column kind: looked up once per report, in the
// cell map's order (facts are immutable values).
const CELL_KINDS = new WeakMap<ReportFacts, readonly Kind[]>();

function cellKindsOf(report: ReportFacts): readonly Kind[] {
  let kinds = CELL_KINDS.get(report);
  if (kinds === undefined) {
    const list: Kind[] = [];
    report.cells.forEach((cell) => {
      list.push(presentCellDef(report, cell)?.kind ?? 'count');
    });
    kinds = list;
    CELL_KINDS.set(report, kinds);
  }
  return kinds;
}

/** CELL-VALUE's evaluation of a failing cell, or undefined when it passes (or is not checked). */
function cellValueFailure(report: ReportFacts, cell: ReadCell, kind: Kind): RuleEvaluation | undefined {
  const value = cell.value;
  if (value === null || kind === 'change') {
    return undefined;
  }
  const holds =
    kind === 'amount' ? compareDecimals(cellDecimal(report, cell.id) ?? String(value), '0') >= 0 : Number.isInteger(value) && value >= 0;
  return holds ? undefined : cellValueEvaluation(report, cell, kind);
}

/** CELL-SIGN's evaluation of a failing cell, or undefined when it passes. */
function cellSignFailure(_report: ReportFacts, cell: ReadCell, kind: Kind): RuleEvaluation | undefined {
  const problem = signProblemOf(cell.raw, kind);
  return problem === undefined ? undefined : cellSignEvaluation(cell, problem);
}

/** The failures of a per-cell rule without `--explain`: only unusual cells can fail (unusualCellsOf), in map order. */
function unusualCellFailures(
  report: ReportFacts,
  failure: (report: ReportFacts, cell: ReadCell, kind: Kind) => RuleEvaluation | undefined,
): RuleEvaluation[] {
  const evaluations: RuleEvaluation[] = [];
  const unusual = unusualCellsOf(report);
  for (let i = 0; i < unusual.length; i++) {
    const cell = unusual[i]!;
    const e = failure(report, cell, presentCellDef(report, cell)?.kind ?? 'count');
    if (e !== undefined) {
      evaluations.push(e);
    }
  }
  return evaluations;
}

/**
 * CELL-VALUE: table 三/四 cells and table 二 counts must be non-negative integers, amounts non-negative
 * (rule 16); 本年增/减 may be negative by design and is not checked. Amounts compare as exact decimals (P3).
 * Passing cells are one evaluation per table and column kind (PassGroups).
 */
export const checkCellValue: RuleCheck = ({ report }) => {
  if (!keepsPasses()) {
    return unusualCellFailures(report, cellValueFailure);
  }
  const evaluations: RuleEvaluation[] = [];
  const passed = new PassGroups();
  const kinds = cellKindsOf(report);
  let at = 0;
  report.cells.forEach((cell) => {
    const kind = kinds[at++]!;
    const value = cell.value;
    if (value === null || kind === 'change') {
      return;
    }
    const holds =
      kind === 'amount' ? compareDecimals(cellDecimal(report, cell.id) ?? String(value), '0') >= 0 : Number.isInteger(value) && value >= 0;
    if (holds) {
      passed.add(kind, cell);
    } else {
      evaluations.push(cellValueEvaluation(report, cell, kind));
    }
  });
  for (const e of passed.evaluations(
    'CELL-VALUE',
    (cell, kind) => cellValueEvaluation(report, cell, kind),
    (table, kind, count) =>
      kind === 'amount' ? `表${table}的${count}个金额单元格均 ≥ 0` : `表${table}的${count}个${KIND_LABEL[kind]}单元格均为非负整数`,
  )) {
    evaluations.push(e);
  }
  return evaluations;
};

function cellSignEvaluation(cell: ReadCell, problem: SignProblem | undefined): RuleEvaluation {
  const { subject, cells } = cellOperand(cell.id);
  return evaluated({
    rule: 'CELL-SIGN',
    subject,
    expression: `${cell.id} 的内容为规范的数值`,
    left: cell.raw,
    right: problem ?? 'ok',
    holds: problem === undefined,
    cells,
    message: () => `${cellPlace(cell)}的内容“${cell.raw}”不是规范的数值`,
  });
}

/**
 * CELL-SIGN: a sign in a count or amount column, a sign word alone, or a malformed number (rule 32).
 * Passing cells are one evaluation per table and column kind (PassGroups).
 */
export const checkCellSign: RuleCheck = ({ report }) => {
  if (!keepsPasses()) {
    return unusualCellFailures(report, cellSignFailure);
  }
  const evaluations: RuleEvaluation[] = [];
  const passed = new PassGroups();
  const kinds = cellKindsOf(report);
  let at = 0;
  report.cells.forEach((cell) => {
    const kind = kinds[at++]!;
    const problem = signProblemOf(cell.raw, kind);
    if (problem === undefined) {
      passed.add(kind, cell);
    } else {
      evaluations.push(cellSignEvaluation(cell, problem));
    }
  });
  for (const e of passed.evaluations(
    'CELL-SIGN',
    (cell) => cellSignEvaluation(cell, undefined),
    (table, kind, count) => `表${table}的${count}个${KIND_LABEL[kind]}单元格的内容均为规范的数值`,
  )) {
    evaluations.push(e);
  }
  return evaluations;
};

/** The cell rules in catalogue order. */
export const CELL_RULES: readonly RuleCheck[] = [checkCellBlank, checkCellText, checkCellValue, checkCellSign];
