// The table reader (annual-report.md §4.5, §5, §6.2): finds tables 二/三/四 in any layout, detects the
// template, maps rows and columns to template IDs and emits the present cells with official labels,
// plus the reading findings READ-ROW-SHAPE, READ-UNKNOWN-ROW, LABEL-VARIANT and READ-TRUNCATED
// (validation-rules.md rules 2, 3, 13, 38). Pure; never throws on bad data.

import { innerMap } from '../../shared/inner-map.ts';
import { type Finding, finding, type ReadCell, RULE_IDS, type SourceDocument } from '../report-model.ts';
import {
  type ColumnDef,
  type DetectedTemplate,
  type RowDef,
  T3_COLUMNS,
  T3_HEADER,
  T4_COLUMNS,
  TABLE_IDS,
  type TableId,
  TEMPLATES,
  type TemplateId,
} from '../template.ts';
import { type LabelMatch, type LabelTarget, labelPrefixOf, matchLabel, matchLabelExactly, matchPrefix, targetsIn } from './match-label.ts';
import { foundLabelText, normalizeLabel } from './normalize-label.ts';
import { CELL_BLANK, CELL_OTHER, CELL_VALUE, cellKind, cellRaw, isTrimmable, parseCellValue } from './parse-cell-value.ts';
import type { TableReading, TruncatedAt } from './reading-parts.ts';
import { type ResolvedTable2Runs, resolveTable2Runs, type Table2RunOutcome, table2RunMessage } from './resolve-table2-runs.ts';
import { splitRun } from './run-together.ts';
import { isFurniture, type PhysicalRow, type ScannedLayout, scanLayout } from './scan-layout.ts';

// ---------------------------------------------------------------- contract order (§6.2)

// Contract order (§6.2): table, then template row order, then column order. One rank per row ID serves
// both templates (2019's table 二 row list contains 2021's in the same order; table 三 ranks include the
// group rows a report may print numbers in), so a mixed report sorts consistently too.
const ROW_RANK: ReadonlyMap<string, number> = (() => {
  const rank = new Map<string, number>();
  for (const table of TABLE_IDS) {
    for (const row of TEMPLATES[table === '二' ? '2019' : '2021'].tables[table].rows) {
      rank.set(row.id, rank.size);
    }
  }
  return rank;
})();

// One slot per template cell, reused for every report: its ID string (the cell map, the rules' lookups
// and the fingerprint cache then compare the same string objects instead of hashing a new string each
// time), its row's contract rank, and a small number per ID for emitCells' stamps below.
interface CellSlot {
  readonly id: string;
  readonly rowId: string;
  readonly colId: string;
  readonly number: number;
  readonly rank: number;
}
const CELL_SLOTS = new WeakMap<RowDef, Map<string, CellSlot>>();
// The two templates' rows with one ID are distinct RowDefs: the number is by ID (bounded by the templates).
const CELL_NUMBERS = new Map<string, number>();
// A read cell's slot by its ID, for its row and column IDs without splitting the ID (variantFindings).
const SLOT_BY_ID = new Map<string, CellSlot>();

function cellSlotOf(rowDef: RowDef, colId: string): CellSlot {
  const byColumn = innerMap(CELL_SLOTS, rowDef);
  let slot = byColumn.get(colId);
  if (slot === undefined) {
    const id = `${rowDef.id}.${colId}`;
    let number = CELL_NUMBERS.get(id);
    if (number === undefined) {
      number = CELL_NUMBERS.size;
      CELL_NUMBERS.set(id, number);
    }
    slot = { id, rowId: rowDef.id, colId, number, rank: ROW_RANK.get(rowDef.id) ?? ROW_RANK.size };
    byColumn.set(colId, slot);
    SLOT_BY_ID.set(id, slot);
  }
  return slot;
}

// A row's slots for the columns its values fill (its own, or table 三's seven for a group row, columnsOf):
// one lookup per record instead of one per cell, and one map per kind of list instead of a map per row.
const OWN_SLOTS = new Map<RowDef, readonly CellSlot[]>();
const T3_GROUP_SLOTS = new Map<RowDef, readonly CellSlot[]>();

function slotsOf(rowDef: RowDef, columns: readonly ColumnDef[]): readonly CellSlot[] {
  // Other lists (table 四's grid) are made once by their callers.
  const cache = columns === rowDef.columns ? OWN_SLOTS : columns === T3_COLUMNS ? T3_GROUP_SLOTS : undefined;
  let slots = cache?.get(rowDef);
  if (slots === undefined) {
    slots = columns.map((c) => cellSlotOf(rowDef, c.id));
    cache?.set(rowDef, slots);
  }
  return slots;
}

/** A row's cell IDs, for a READ-ROW-SHAPE finding (most rows align: made only then). */
function cellIdsOf(rowDef: RowDef, columns: readonly ColumnDef[]): string[] {
  return columns.map((c) => cellSlotOf(rowDef, c.id).id);
}

// emitCells keeps the first value of each cell ID: a stamp per slot number for the current call, no set
// of ID strings per report.
let cellStamps = new Int32Array(512);
let emitCall = 0;

/** Marks a cell as emitted in the current emitCells call; false when it already was. */
function markEmitted(slot: CellSlot): boolean {
  const n = slot.number;
  if (n >= cellStamps.length) {
    const grown = new Int32Array(Math.max(cellStamps.length * 2, n + 1));
    grown.set(cellStamps);
    cellStamps = grown;
  }
  if (cellStamps[n] === emitCall) {
    return false;
  }
  cellStamps[n] = emitCall;
  return true;
}

const T4_ROW_IDS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
const T4_INDEX = TABLE_IDS.indexOf('四');

/** A table's position in TABLE_IDS (二, 三, 四): the first part of the contract order. */
function tableIndexOf(table: TableId): number {
  return table === '二' ? 0 : table === '三' ? 1 : 2;
}
const OUTCOME_PREFIX = '三、本年度办理结果/';

// ---------------------------------------------------------------- row records

interface LabelCell {
  readonly text: string;
  readonly match: LabelMatch;
  readonly targets: readonly LabelTarget[];
  /** Position in the physical row; −1 for a label joined from fragments. */
  readonly index: number;
  /** The first target that names a row (undefined when none): asked of every label of every row. */
  readonly rowTarget: RowTarget | undefined;
}

type RowTarget = Extract<LabelTarget, { kind: 'row' }>;

function labelCell(text: string, match: LabelMatch, targets: readonly LabelTarget[], index: number): LabelCell {
  return { text, match, targets, index, rowTarget: firstRowTarget(targets) };
}

interface HeaderRecord {
  readonly table: TableId;
  readonly columns: readonly LabelCell[];
  readonly templates: Set<TemplateId>;
  /** Table 二: where each column's label sits in the header row (null when a label was joined from fragments). */
  readonly positions: Map<string, number> | null;
  /** Position of the header's first label (`信息内容`). */
  readonly start: number;
  /** Positions of the header's labels the template lacks (`项目数量`): the values under them are not read. */
  readonly unknownAt: readonly number[];
  /** Column labels either template could mean, read once the table's other columns are known (alignRows' end). */
  readonly held: readonly HeldColumn[];
  /** The column labels of this header row and the header rows right before it (one label a line), in order. */
  readonly run: readonly LabelCell[];
}

/**
 * A table 二 column label of one template (`own`) that may just as well mean a column of the other (otherColumnOf):
 * the 2019 `处理决定数量`, which is 2021's `本年处理决定数量` without 本年 (the one column ID both templates have; the
 * 2021 label is no 2019 one), or a variant wording of one template's column (`本年制作数量`, a typo of 2019's 本年新制作数量).
 */
interface HeldColumn {
  /** Its index in the header's columns. */
  readonly at: number;
  readonly own: TemplateId;
}

interface DataRecord {
  readonly table: TableId;
  /** null = table 四's label-less row of 15 values. */
  readonly rowId: string | null;
  readonly label: LabelCell | null;
  readonly values: readonly string[];
  readonly positional: boolean;
  /** The physical row's cells and the position of its first label, for mapping by header positions. */
  readonly cells: readonly string[];
  readonly start: number;
  /** Table 二: the header above the row, if any. */
  readonly header: HeaderRecord | null;
  /** A row of a table block (HTML/DOCX/XLSX grid): its cells are structural, a trailing empty one a real cell. */
  readonly grid?: boolean;
}

interface Variant {
  readonly found: string;
  readonly official: string;
  readonly table: TableId;
  readonly rowId?: string;
  readonly colId?: string;
  /** Table 二 column variants: the header the label sits in (its rows only). */
  readonly header?: HeaderRecord;
}

const ORDINAL_LIKE = /^(?:\d+[.、．]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)/;

function isBlank(text: string): boolean {
  // cellRaw(text) === '' without its trimmed copy (a padded `| 12 |` cell is asked many times):
  // cellRaw removes only what trim removes, inner line breaks included, so '' means nothing else is left.
  for (let i = 0; i < text.length; i++) {
    if (!isTrimmable(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/**
 * A row split into its label cells and its value cells, with what the split learnt of the values on
 * the way (each cell is classified once, cellKind): the later steps ask these questions of every row.
 */
type SplitRow = {
  readonly labels: LabelCell[];
  readonly values: readonly string[];
  /** Non-blank value cells (what isBlank says no to). */
  readonly filled: number;
  /** Non-blank value cells that read as values (cellKind CELL_VALUE). */
  readonly filledValues: number;
};

// Tests of the per-row loops, made once: an arrow written inside a loop is a new closure per row.

function firstRowTarget(targets: readonly LabelTarget[]): RowTarget | undefined {
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    if (target.kind === 'row') {
      return target;
    }
  }
  return undefined;
}

/** The last label that names a row (its rowTarget): what findLast + find gave, in one loop. */
function lastRowLabel(labels: readonly LabelCell[]): LabelCell | undefined {
  for (let i = labels.length - 1; i >= 0; i--) {
    if (labels[i]!.rowTarget !== undefined) {
      return labels[i];
    }
  }
  return undefined;
}

/** Table 四's head: a column label (结果维持…), or a row of its group names only (`行政复议 | 行政诉讼`). */
function isTable4Head(labels: readonly LabelCell[], hasValue: boolean): boolean {
  let groups = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (columnTargetOf(label) !== undefined) {
      return true;
    }
    if (label.targets.some((t) => t.table === '四')) {
      groups++;
    }
  }
  return groups >= 2 && !hasValue;
}

function hasKnownLabel(labels: readonly LabelCell[]): boolean {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]!.targets.length > 0) {
      return true;
    }
  }
  return false;
}

/** The last label that matched nothing in the row's table (undefined when every label is known). */
function lastUnknownLabel(labels: readonly LabelCell[]): LabelCell | undefined {
  for (let i = labels.length - 1; i >= 0; i--) {
    if (labels[i]!.targets.length === 0) {
      return labels[i];
    }
  }
  return undefined;
}

function hasTargetOfKind(label: LabelCell, kind: LabelTarget['kind']): boolean {
  const targets = label.targets;
  for (let i = 0; i < targets.length; i++) {
    if (targets[i]!.kind === kind) {
      return true;
    }
  }
  return false;
}

type ColumnTarget = Extract<LabelTarget, { kind: 'column' }>;

/** The first column target of a label (undefined when it names no column). */
function columnTargetOf(label: LabelCell): ColumnTarget | undefined {
  const targets = label.targets;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    if (target.kind === 'column') {
      return target;
    }
  }
  return undefined;
}

/** True when a label's first block target is a block only the 2019 template has (a template marker). */
function isOnly2019Block(label: LabelCell): boolean {
  const targets = label.targets;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    if (target.kind === 'block') {
      return target.templates.length === 1 && target.templates[0] === '2019';
    }
  }
  return false;
}

/**
 * Table 二's header of column labels: the templates its labels name (each one-template column is a
 * marker too) and where each column's label sits, for underHeader (null when a label was joined from
 * fragments or `信息内容` is not in the row).
 */
function table2Header(
  columns: readonly LabelCell[],
  content: LabelCell | undefined,
  markers: { readonly '2021': string[]; readonly '2019': string[] },
  unknownAt: readonly number[],
  run: LabelCell[],
): HeaderRecord {
  const templates = new Set<TemplateId>();
  const held: HeldColumn[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    run.push(column);
    for (let j = 0; j < column.targets.length; j++) {
      const target = column.targets[j]!;
      if (target.kind === 'column' && target.templates.length === 1) {
        const own = target.templates[0]!;
        if (column.match.difference !== 'none' || sharedColumn(target.colId, own, column.match.official) !== undefined) {
          held.push({ at: i, own });
          break;
        }
        templates.add(own);
        markers[own].push(column.text);
      }
    }
  }
  const positions = new Map<string, number>();
  let allPlaced = true;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    if (column.index >= 0) {
      positions.set(columnTargetOf(column)!.colId, column.index);
    } else {
      allPlaced = false;
    }
  }
  return {
    table: '二',
    columns,
    templates,
    positions: allPlaced && content !== undefined && content.index >= 0 ? positions : null,
    start: content?.index ?? -1,
    unknownAt,
    held,
    run,
  };
}

/** Whether no row under a header holds more filled values than its row has columns in a template (`行政许可 | 5 | 0 | 3`). */
function fitsRowsUnder(header: HeaderRecord, records: readonly DataRecord[], template: TemplateId): boolean {
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const row = record.header === header && record.rowId !== null ? TEMPLATES[template].rowById.get(record.rowId) : undefined;
    if (row !== undefined && record.values.filter((v) => !isBlank(v)).length > row.columns.length) {
      return false;
    }
  }
  return true;
}

/**
 * The other template's column of a column ID both templates have whose label holds this one's (`处理决定数量` in 2021's
 * `本年处理决定数量`: the 2019 label may be the 2021 one written short), else undefined.
 */
function sharedColumn(colId: string, own: TemplateId, official: string): ColumnDef | undefined {
  const blocks = TEMPLATES[own === '2021' ? '2019' : '2021'].tables.二.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const same = blocks[b]!.columns.find((c) => c.id === colId);
    if (same !== undefined) {
      return same.label !== official && same.label.includes(official) ? same : undefined;
    }
  }
  return undefined;
}

/**
 * The other template's column a held label (HeldColumn) would be: the column of the same ID (`处理决定数量` →
 * `本年处理决定数量`), or, for a variant wording, the column of the other template's block whose other columns
 * its header names, in order, leaving only its place (`本年制作数量 | 本年废止件数 | 现行有效件数`: 2021's
 * 本年制发件数). Undefined when there is none: the label is its own template's.
 */
function otherColumnOf(label: LabelCell, own: TemplateId, run: readonly LabelCell[]): ColumnDef | undefined {
  const target = columnTargetOf(label)!;
  const shared = sharedColumn(target.colId, own, label.match.official);
  if (shared !== undefined || label.match.difference === 'none' || run.length < 2) {
    return shared;
  }
  const other: TemplateId = own === '2021' ? '2019' : '2021';
  const at = run.indexOf(label);
  const blocks = TEMPLATES[other].tables.二.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const columns = blocks[b]!.columns;
    let fits = columns.length === run.length;
    for (let j = 0; j < run.length && fits; j++) {
      fits = j === at || run[j]!.targets.some((t) => t.kind === 'column' && t.colId === columns[j]!.id && t.templates.includes(other));
    }
    if (fits) {
      return columns[at];
    }
  }
  return undefined;
}

// splitRow's per-cell scratch (reused, grown on demand): the cell's kind and its label match.
let kindScratch = new Uint8Array(64);
const matchScratch: (LabelMatch | null)[] = [];
const targetsScratch: (readonly LabelTarget[])[] = [];
const NOT_LABEL = 3;

/** Splits a row into its label cells and its value cells (labels first in every layout). */
function splitRow(row: PhysicalRow): SplitRow {
  const cells = row.cells;
  const count = cells.length;
  if (count > kindScratch.length) {
    kindScratch = new Uint8Array(Math.max(count, kindScratch.length * 2));
  }
  const kinds = kindScratch;
  let lastKnown = -1;
  let firstValue = -1;
  for (let i = 0; i < count; i++) {
    const text = cells[i]!;
    const kind = cellKind(text);
    if (kind !== CELL_OTHER) {
      kinds[i] = kind;
      if (kind === CELL_VALUE && firstValue === -1) {
        firstValue = i;
      }
      continue;
    }
    if (text.length > 120) {
      kinds[i] = NOT_LABEL;
      continue;
    }
    kinds[i] = CELL_OTHER;
    const match = text === row.hintText ? row.hintMatch! : matchLabel(text);
    const targets = targetsOfTable(match, row.table);
    matchScratch[i] = match;
    targetsScratch[i] = targets;
    if (targets.length > 0) {
      lastKnown = i;
    }
  }
  let end: number;
  if (lastKnown >= 0) {
    end = lastKnown + 1;
    // An unknown sub-row after a known group label (`（三）不予公开 | 9.其他原因 | …`) is a label too.
    while (end < count && kinds[end] === CELL_OTHER && (ORDINAL_LIKE.test(cells[end]!.trim()) || cells[end]!.trim().length >= 6)) {
      end++;
    }
  } else {
    const stop = firstValue === -1 ? count : firstValue;
    end = 0;
    for (let i = 0; i < stop; i++) {
      if (kinds[i] === CELL_OTHER) {
        end = i + 1;
      }
    }
  }
  // Counted first: an array of the exact size (most rows have one or two labels; a pushed-to empty
  // array would get room for 17).
  let labelCount = 0;
  for (let i = 0; i < end; i++) {
    if (kinds[i] === CELL_OTHER) {
      labelCount++;
    }
  }
  const labels: LabelCell[] = new Array(labelCount);
  for (let i = 0, at = 0; i < end; i++) {
    if (kinds[i] === CELL_OTHER) {
      labels[at++] = labelCell(cells[i]!, matchScratch[i]!, targetsScratch[i]!, i);
    }
  }
  let filled = 0;
  let filledValues = 0;
  for (let i = end; i < count; i++) {
    const kind = kinds[i]!;
    if (kind !== CELL_BLANK) {
      filled++;
      if (kind === CELL_VALUE) {
        filledValues++;
      }
    }
  }
  // A row of values only keeps its cells as its values (both are read-only): no copy.
  return { labels, values: end === 0 ? cells : cells.slice(end), filled, filledValues };
}

/**
 * The targets of a match in one table: the match's own list when all of them are in that table (the
 * usual label names one row or column), without targetsIn's cache lookups; else targetsIn's filtered list.
 */
function targetsOfTable(match: LabelMatch, table: TableId): readonly LabelTarget[] {
  const targets = match.targets;
  for (let i = 0; i < targets.length; i++) {
    if (targets[i]!.table !== table) {
      return targetsIn(match, table);
    }
  }
  return targets;
}

/**
 * Fragments of one header label split over cells (`结果` + `纠正` from PDF text): adjacent unknown
 * labels joined when the join is a known label of the table.
 */
function joinFragments(labels: readonly LabelCell[], table: TableId): LabelCell[] {
  const out: LabelCell[] = [];
  let i = 0;
  while (i < labels.length) {
    const current = labels[i]!;
    if (current.targets.length > 0) {
      out.push(current);
      i++;
      continue;
    }
    let joined: LabelCell | null = null;
    let width = 0;
    for (let w = Math.min(3, labels.length - i); w >= 2; w--) {
      const text = labels
        .slice(i, i + w)
        .map((l) => l.text.trim())
        .join('');
      const match = matchLabel(text);
      const targets = targetsIn(match, table);
      if (targets.length > 0) {
        joined = labelCell(text, match, targets, -1);
        width = w;
        break;
      }
    }
    if (joined === null) {
      out.push(current);
      i++;
    } else {
      out.push(joined);
      i += width;
    }
  }
  return out;
}

/** Header cells the export cut short, matched by the one label they start (annual-report.md §5). */
function completeTruncated(labels: readonly LabelCell[], table: TableId): LabelCell[] {
  return labels.map((label) => {
    if (label.targets.length > 0) {
      return label;
    }
    const match = matchPrefix(label.text, table);
    return match.targets.length === 0 ? label : labelCell(label.text, match, targetsIn(match, table), label.index);
  });
}

// ---------------------------------------------------------------- alignment (§6.2 "Alignment")

/**
 * How many empty cells this table's export adds after the last column, learnt from rows whose values
 * are all filled: their blank cells after the last value are artifacts, not blank columns. This is one
 * row's account (−1 when the row tells nothing); the table's is the least over its rows (0 when none).
 */
function trailingArtifacts(values: readonly string[], width: number, positional: boolean): number {
  if (!positional || values.length <= width) {
    return -1;
  }
  let first = -1;
  let last = -1;
  let filled = 0;
  for (let i = 0; i < values.length; i++) {
    if (!isBlank(values[i]!)) {
      filled++;
      last = i;
      if (first === -1) {
        first = i;
      }
    }
  }
  return filled === width && last - first + 1 === width ? values.length - 1 - last : -1;
}

/**
 * A weaker account than trailingArtifacts', for a table where no row has every value filled (a page of an
 * agency with few applications: `二、上年结转政府信息公开申请数量 | | | | | | | 0 |`): the blank cells after
 * the row's last value when that value would then stand in the last column (−1 when the row tells nothing).
 * When every such row ends in a blank, the blank is the line's closing bar, not an empty 总计 in every row.
 */
function trailingBlanks(values: readonly string[], width: number, positional: boolean): number {
  if (!positional || values.length <= width) {
    return -1;
  }
  let blanks = 0;
  while (blanks < values.length && isBlank(values[values.length - 1 - blanks]!)) {
    blanks++;
  }
  // Only a row whose last value would then stand in the last column tells (`| 0 | | | | | | | |` with its
  // 0 under 自然人 does not: there the blanks are the row's own, or a merged label column comes first).
  return blanks === values.length || blanks > values.length - width ? -1 : blanks;
}

/**
 * A table 三 row of one cell per line whose empty cells a page dropped: two to `width` − 1 values, none blank,
 * numbers all, the last the sum of the others (`1` / `1`: 自然人 1 and 总计 1, not 自然人 and 商业企业).
 */
function droppedBlanksTotal(values: readonly string[], positional: boolean, width: number): boolean {
  if (!positional || values.length < 2 || values.length >= width) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const value = isBlank(values[i]!) ? null : parseCellValue(cellRaw(values[i]!));
    if (value === null || !Number.isInteger(value)) {
      return false;
    }
    if (i < values.length - 1) {
      sum += value;
    } else {
      return value === sum;
    }
  }
  return false;
}

/** align's answer for a row whose values cannot be fitted to the columns. */
const UNALIGNED = -1;

// The aligned row emitCells reads: align and underHeader write a row's cells here, by column (reused;
// undefined = no cell). Only the first `width` entries of the current row mean anything.
const alignedScratch: (string | undefined)[] = [];

/**
 * Fits a row's value cells to the table's columns, writing them to alignedScratch. Placeholders of merged
 * label columns (on the left) and empty cells an export adds after the last column are not value cells;
 * `trailing` is how many such trailing cells this table's rows carry (seed 001 ends every row with one),
 * so they go first. Gives the number of value cells found (more than `width`: the rightmost `width` were
 * taken) or UNALIGNED.
 */
function filledBetween(values: readonly string[], start: number, end: number): number {
  let filled = 0;
  for (let i = start; i < end; i++) {
    if (!isBlank(values[i]!)) {
      filled++;
    }
  }
  return filled;
}

function align(values: readonly string[], width: number, positional: boolean, cut: boolean, trailing: number): number {
  let start = 0;
  let end = values.length;
  if (positional) {
    for (let i = 0; i < trailing && end - start > width && isBlank(values[end - 1]!); i++) {
      end--;
    }
    while (end - start > width && isBlank(values[start]!)) {
      start++;
    }
    while (end - start > width && isBlank(values[end - 1]!)) {
      end--;
    }
  }
  const count = end - start;
  if (count < width && !positional && !cut) {
    return UNALIGNED;
  }
  if (positional && count > width && filledBetween(values, start, end) === width) {
    // Blank positions among exactly `width` values (a blank cell beside each value, a finer grid): the
    // values in order, not the rightmost positions, which would take blanks for values' places.
    let at = 0;
    for (let i = start; i < end; i++) {
      if (!isBlank(values[i]!)) {
        alignedScratch[at++] = values[i];
      }
    }
    return width;
  }
  // More cells than columns: the rightmost `width`; fewer: the missing ones at the end.
  const from = count > width ? end - width : start;
  for (let i = 0; i < width; i++) {
    alignedScratch[i] = from + i < end ? values[from + i] : undefined;
  }
  return count;
}

/**
 * Fits a row of a narrow table 三 (narrowTable3Columns) to the template's columns in alignedScratch: its
 * cells by position when the row has exactly as many (blank placeholders of merged label columns
 * trimmed), else its filled cells in order when there are exactly as many; the columns the table does
 * not have stay without a cell (absent, never 0). UNALIGNED when neither fits.
 */
function alignNarrow(values: readonly string[], narrow: readonly (string | null)[], columns: readonly ColumnDef[]): number {
  const k = narrow.length;
  let start = 0;
  let end = values.length;
  while (end - start > k && isBlank(values[start]!)) {
    start++;
  }
  while (end - start > k && isBlank(values[end - 1]!)) {
    end--;
  }
  const byPosition = end - start === k;
  if (!byPosition && filledBetween(values, start, end) !== k) {
    return UNALIGNED;
  }
  for (let i = 0; i < columns.length; i++) {
    alignedScratch[i] = undefined;
  }
  let at = 0;
  for (let i = start; i < end; i++) {
    if (!byPosition && isBlank(values[i]!)) {
      continue;
    }
    const colId = narrow[at++];
    const column = colId === null ? -1 : columns.findIndex((c) => c.id === colId);
    if (column >= 0) {
      alignedScratch[column] = values[i];
    }
  }
  return columns.length;
}

/** READ-ROW-SHAPE once for a narrow table 三: which columns it has, and that the others are not read. */
function narrowTable3Finding(narrow: readonly (string | null)[], rowDef: RowDef, columns: readonly ColumnDef[]): Finding {
  const titles = narrow.map((id) => (id === null ? T3_HEADER.legal_person_or_org : (columns.find((c) => c.id === id)?.label ?? id)));
  const missing = columns.filter((c) => !narrow.includes(c.id));
  return finding(
    'READ-ROW-SHAPE',
    `表三只有“${titles.join('、')}”${narrow.length}列，未按${missing.map((c) => c.label).join('、')}分列：这些单元格未读取` +
      (narrow.includes(null) ? `，“${T3_HEADER.legal_person_or_org}”合计数不对应模板单元格` : ''),
    cellIdsOf(
      rowDef,
      columns.filter((c) => !narrow.includes(c.id)),
    ),
  );
}

// ---------------------------------------------------------------- the reader

/**
 * Reads tables 二, 三 and 四 of an annual report (annual-report.md §4.5–§6.2): template, present cells in
 * contract order with official labels, the reading findings and the narrative lines around the tables.
 */
export function readTables(doc: SourceDocument): TableReading {
  let layout: ScannedLayout;
  try {
    layout = scanLayout(doc);
  } catch {
    // Defensive only: a malformed document object (not text) must still yield a reading.
    layout = { lines: [], rows: [], headings: [], skipped: [] };
  }
  const runs = resolveTable2Runs(layout);
  return readLayout(runs?.layout ?? layout, runs);
}

const T4_GROUP_WIDTH = 5;
const T4_GROUP_IDS: ReadonlySet<string> = new Set(['review', 'litigation_direct', 'litigation_after_review']);

/**
 * Table 四 as three sub-tables, each under its group's name (Markdown: `### 行政诉讼（复议后起诉）` / `| 结果维持 | … |` /
 * `| 8 | 0 | 1 | 1 | 10 |`): the group's name alone on a row, its column titles, then a row of five values and
 * nothing else, is that group's row. (Read as a label-less row of table 四, the five values fell into 行政复议.)
 */
function withTable4SubTables(layout: ScannedLayout): ScannedLayout {
  let rows: PhysicalRow[] | null = null;
  const source = layout.rows;
  for (let i = 0; i + 2 < source.length; i++) {
    const group = source[i]!;
    if (group.table !== '四' || group.cells.length !== 1 || !isTable4Group(group.cells[0]!)) {
      continue;
    }
    const titles = source[i + 1]!;
    const values = source[i + 2]!;
    const cells = values.cells.map((c) => c.trim()).filter((c) => c !== '');
    if (
      titles.table !== '四' ||
      values.table !== '四' ||
      !titles.cells.every((c) => c.trim() === '' || !/\d/.test(c)) ||
      cells.length !== T4_GROUP_WIDTH ||
      !cells.every((c) => /^[\d.,]+$/.test(c) || c === '-' || c === '—')
    ) {
      continue;
    }
    rows ??= [...source];
    rows[i + 2] = { cells: [group.cells[0]!, ...cells], positional: true, lines: [...group.lines, ...values.lines], table: '四' };
    rows[i] = { ...group, cells: [] };
  }
  return rows === null ? layout : { ...layout, rows: rows.filter((r) => r.cells.length > 0) };
}

function isTable4Group(text: string): boolean {
  return matchLabelExactly(text.trim()).targets.some((t) => t.kind === 'row' && t.table === '四' && T4_GROUP_IDS.has(t.rowId));
}

/**
 * The reader's steps (issue #9 "read by structure"): the layout readers (scan-layout.ts, run-together.ts)
 * turned the text into rows of cells with line hints; here the rows are aligned to the template grid by
 * their labels and each row's known column count, the template is decided, a cut is located, the cells
 * are emitted in contract order and the reading findings collected.
 */
function readLayout(scanned: ScannedLayout, runs: ResolvedTable2Runs | null = null): TableReading {
  const layout = withTable4SubTables(scanned);
  const aligned = alignRows(layout);
  const choice = detectTemplate(aligned.records, aligned.markers);
  // The text's last line of content, where rule 38 looks for a cut (findCut, collectFindings).
  const lastContent = lastContentLine(layout, aligned.consumed);
  const cut = findCut(layout, aligned, choice, lastContent);
  // The data row the text's last line ends (a text row, not a grid's): the text may stop inside it.
  const endRecord = aligned.last !== null && aligned.last.line === lastContent && !aligned.last.grid ? aligned.last.record : null;
  const emitted = emitCells(
    aligned.records,
    cut,
    choice,
    aligned.variants,
    aligned.t3Columns,
    openTailRecord(layout, aligned, lastContent),
    endRecord,
  );
  const readCells = emitted.cells;
  const reading: TableReading = {
    template: choice.template,
    cells: readCells,
    // The table the text is cut in was begun, if only by its heading (`三、收到和处理…` / `(本列数据的勾稽关`).
    tablesFound: tablesFound(aligned.found, cut?.table ?? null),
    findings: collectFindings(layout, aligned, choice, emitted, readCells, cut, lastContent, runs?.outcomes ?? []),
    truncatedIn: cut?.table ?? null,
    ...(cut === null ? {} : { truncatedAt: truncationPoint(cut, aligned.records, choice, emitted, endRecord) }),
    ...(choice.template === 'mixed'
      ? { templateLabels: { '2019': choice.markers['2019'].map(foundLabelText), '2021': choice.markers['2021'].map(foundLabelText) } }
      : {}),
    ...narrativeOf(layout, aligned.consumed, cut === null ? lastContent : -1),
  };
  if (runs === null || runs.candidates.size === 0) {
    return reading;
  }
  // Candidates only for cells the reading left absent (a cell read elsewhere in the text stands).
  const present = new Set(reading.cells.map((c) => c.id));
  const candidates = new Map([...runs.candidates].filter(([id]) => !present.has(id)));
  return candidates.size === 0 ? reading : { ...reading, runCandidates: candidates };
}

function tablesFound(found: Uint8Array, cutIn: TableId | null): TableId[] {
  const tables: TableId[] = [];
  for (let i = 0; i < TABLE_IDS.length; i++) {
    if (found[i] === 1 || TABLE_IDS[i] === cutIn) {
      tables.push(TABLE_IDS[i]!);
    }
  }
  return tables;
}

type LastRow = {
  readonly table: TableId;
  readonly record: DataRecord | null;
  readonly line: number;
  readonly grid: boolean;
  /** A header or block row (column titles, `第二十条第(一)项`, `信息内容`): no data row of it. */
  readonly header: boolean;
  /** A data row's label whose values did not follow (one cell per line, `行政规范性文件` the last): its row ID. */
  readonly labelRow: string | null;
};

/** What aligning the rows to the template grid gives: data records, label observations, consumed lines. */
interface AlignedRows {
  readonly records: DataRecord[];
  readonly variants: Variant[];
  readonly unknown: readonly { table: TableId; label: string }[];
  readonly markers: { readonly '2021': string[]; readonly '2019': string[] };
  /** By table index (tableIndexOf): 1 when the table's heading or body was found. */
  readonly found: Uint8Array;
  /** Per line of the layout: 1 when it is table text (not narrative). */
  readonly consumed: Uint8Array;
  /** The last row accepted as table text, for READ-TRUNCATED. */
  readonly last: LastRow | null;
  /** Table 三's columns when its header has fewer than the template's (narrowTable3Columns), else null. */
  readonly t3Columns: readonly (string | null)[] | null;
}

/** Step 1: each physical row becomes a data record (row ID + value cells), a header, or an unknown row. */
function alignRows(layout: ScannedLayout): AlignedRows {
  const consumed = new Uint8Array(layout.lines.length);
  for (let i = 0; i < layout.skipped.length; i++) {
    const index = layout.skipped[i]!;
    consumed[index] = 1;
  }
  // A table is found where its rows, labels or columns are (accept): its section heading alone opens none
  // (probeH5 037: `二、主动公开政府信息情况` over prose; probeH3 026: section 一's `(二)主动公开政府信息情况`).
  const found = new Uint8Array(TABLE_IDS.length);

  const records: DataRecord[] = [];
  const variants: Variant[] = [];
  const unknown: { table: TableId; label: string }[] = [];
  const unknownSeen = new Set<string>();
  const markers = { '2021': [] as string[], '2019': [] as string[] };
  let t2Header: HeaderRecord | null = null;
  // Headers holding a column label either template could mean (HeldColumn), and the current header's run.
  const heldHeaders: HeaderRecord[] = [];
  let headerRun: LabelCell[] | null = null;
  // Table 三's column titles in the order its header rows give them, until its first data row.
  const t3Heads: string[] = [];
  let t3Data = false;
  // Table 四's rows are read only under its section heading or its head (isTable4Head): a form's
  // `行政复议数 | 件 | 32`, or section 一's `行政复议62件，行政诉讼21件`, is no row of it.
  let t4Head = false;
  let t4Heading = Number.POSITIVE_INFINITY;
  for (let i = 0; i < layout.headings.length; i++) {
    const heading = layout.headings[i]!;
    if (heading.table === '四' && heading.line < t4Heading) {
      t4Heading = heading.line;
    }
  }
  let pending: { table: TableId; rowId: string; label: LabelCell } | null = null;
  // The last accepted row and its record (LastRow is made once, at the end).
  let lastRow: PhysicalRow | null = null;
  let lastRecord: DataRecord | null = null;
  let lastHeader = false;
  let lastLabelRow: string | null = null;

  const accept = (row: PhysicalRow, record: DataRecord | null, header = false, labelRow: string | null = null, opens = true): void => {
    for (let i = 0; i < row.lines.length; i++) {
      const index = row.lines[i]!;
      consumed[index] = 1;
    }
    if (!opens && found[tableIndexOf(row.table)] === 0) {
      // Figures before any label of their table: no row of it, nor where a text is cut in it.
      return;
    }
    found[tableIndexOf(row.table)] = 1;
    lastRow = row;
    lastRecord = record;
    lastHeader = header;
    lastLabelRow = labelRow;
    if (record !== null && record.table === '三') {
      t3Data = true;
    }
  };
  const addUnknown = (table: TableId, text: string): void => {
    const label = foundLabelText(text);
    if (!unknownSeen.has(`${table}|${label}`)) {
      unknownSeen.add(`${table}|${label}`);
      unknown.push({ table, label });
    }
  };
  const noteLabel = (label: LabelCell, table: TableId, scope: { rowId?: string; colId?: string; header?: HeaderRecord }): void => {
    if (label.match.difference !== 'none') {
      variants.push({ found: foundLabelText(label.text), official: label.match.official, table, ...scope });
    }
  };

  // table3Sequence and the loop below look at the same rows: each row is split once, first.
  const splits: SplitRow[] = new Array(layout.rows.length);
  for (let j = 0; j < layout.rows.length; j++) {
    splits[j] = splitRow(layout.rows[j]!);
  }
  const sequence = table3Sequence(layout.rows, splits);
  for (let j = 0; j < layout.rows.length; j++) {
    const row = layout.rows[j]!;
    const table = row.table;
    const split = splits[j]!;
    const { labels: rawLabels, values } = split;
    const inSequence = sequence?.[j];
    if (inSequence !== undefined) {
      const own = lastLabelOfRow(rawLabels, inSequence);
      const record = dataRecord('三', inSequence, own ?? null, values, row, null);
      records.push(record);
      accept(row, record);
      pending = null;
      continue;
    }
    const hasValue = split.filled > 0;
    // Fragments and cut-short labels are unknown labels: a row of known labels is taken as it is.
    const labels =
      hasValue || lastUnknownLabel(rawLabels) === undefined ? rawLabels : completeTruncated(joinFragments(rawLabels, table), table);
    const rowLabel = lastRowLabel(labels);
    const rowTarget = rowLabel?.rowTarget;
    if (table === '四' && !t4Head) {
      if (!((row.lines[0] ?? -1) > t4Heading || isTable4Head(labels, hasValue))) {
        pending = null;
        continue;
      }
      t4Head = true;
    }

    if (labels.length === 0) {
      // A row of values only: table 四's data row, or the value line(s) under a label line.
      if (pending !== null && pending.table === table) {
        const label = pending.label;
        const record = dataRecord(
          table,
          pending.rowId,
          { text: label.text, match: label.match, targets: label.targets, index: -1, rowTarget: label.rowTarget },
          values,
          row,
          t2Header,
        );
        records.push(record);
        accept(row, record);
      } else if (table === '四' && values.length > 0) {
        const record = dataRecord('四', null, null, values, row, null);
        records.push(record);
        accept(row, record);
      } else if (hasValue) {
        // Values under no label (`本区到年底累计主动公开政府信息` / `5928` / `条,…`, probeI2 022: prose with its
        // figures on lines of their own) open no table: a table is found by its labels, columns or rows.
        accept(row, null, false, null, false);
      }
      pending = null;
      continue;
    }
    pending = null;

    if (table === '四' && rowTarget !== undefined && hasValue) {
      const record = dataRecord('四', rowTarget.rowId, rowLabel!, values, row, null);
      records.push(record);
      noteLabel(rowLabel!, '四', { rowId: rowTarget.rowId });
      accept(row, record);
      continue;
    }
    if (table !== '四' && rowTarget !== undefined) {
      if (table === '二') {
        for (let i = 0; i < labels.length; i++) {
          const label = labels[i]!;
          if (isOnly2019Block(label)) {
            markers['2019'].push(label.text);
          }
        }
      }
      if (values.length === 0) {
        pending = { table, rowId: rowTarget.rowId, label: rowLabel! };
        accept(row, null, false, rowTarget.rowId);
        continue;
      }
      const record = dataRecord(table, rowTarget.rowId, rowLabel!, values, row, table === '二' ? t2Header : null);
      records.push(record);
      accept(row, record);
      continue;
    }

    // No data-row label: a block label, a header row, or a row the template does not have.
    if (hasValue && split.filledValues === 0) {
      // Only text after the known labels: header cells too, not values (`… | 法律服务机构 | 个体工商户`).
      const more = values.flatMap((text, i) => (isBlank(text) ? [] : [labelCell(text, matchLabel(text), [], -1 - i)]));
      processHeader(row, completeTruncated(joinFragments([...labels, ...more], table), table));
      continue;
    }
    const lastUnknown = lastUnknownLabel(labels);
    if (!hasKnownLabel(labels)) {
      if (hasValue) {
        addUnknown(table, labels[labels.length - 1]!.text);
        accept(row, null);
      }
      continue;
    }
    if (hasValue && table === '四' && lastUnknown === undefined) {
      // Table 四's head and its one data row read as one run of cells (one cell per line, no empty line).
      const record = dataRecord('四', null, null, values, row, null);
      records.push(record);
      accept(row, record);
      continue;
    }
    if (hasValue) {
      // Values under a label that is no data row (e.g. numbers beside a block or header label).
      addUnknown(table, (lastUnknown ?? labels[labels.length - 1]!).text);
      accept(row, null);
      continue;
    }
    processHeader(row, labels);
  }

  /** A header or block row: template markers, LABEL-VARIANT of column labels, READ-UNKNOWN-ROW of the rest. */
  function processHeader(row: PhysicalRow, labels: readonly LabelCell[]): void {
    const table = row.table;
    // One pass over the labels: unknown ones are reported; table 二's block, `信息内容` and column labels
    // are picked out (the first of each kind for the first two); other tables' column labels noted.
    let block: LabelCell | undefined;
    let content: LabelCell | undefined;
    const columns: LabelCell[] = [];
    const unknownAt: number[] = [];
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i]!;
      if (label.targets.length === 0) {
        if (!(table === '二' && isCutColumnLabel(label.text))) {
          addUnknown(table, label.text);
          if (label.index >= 0) {
            unknownAt.push(label.index);
          }
        }
        continue;
      }
      if (table !== '二') {
        const target = columnTargetOf(label);
        if (target !== undefined) {
          noteLabel(label, table, { colId: target.colId });
        }
        if (table === '三' && !t3Data) {
          const head = target?.colId ?? (hasHeaderNamed(label, LEGAL_GROUP) ? LEGAL_GROUP : undefined);
          if (head !== undefined) {
            t3Heads.push(head);
          }
        }
        continue;
      }
      if (block === undefined && hasTargetOfKind(label, 'block')) {
        block = label;
      }
      if (content === undefined && hasTargetOfKind(label, 'header')) {
        content = label;
      }
      if (columnTargetOf(label) !== undefined) {
        columns.push(label);
      }
    }
    if (block !== undefined) {
      if (isOnly2019Block(block)) {
        markers['2019'].push(block.text);
      }
      t2Header = null;
    }
    if (block !== undefined || content !== undefined || !lastHeader || headerRun === null) {
      // A header starts again at its block label or `信息内容`, and after any data row.
      headerRun = [];
    }
    if (columns.length > 0) {
      t2Header = table2Header(columns, content, markers, unknownAt, headerRun);
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        if (!t2Header.held.some((a) => a.at === i)) {
          noteLabel(column, '二', { colId: columnTargetOf(column)!.colId, header: t2Header });
        }
      }
      if (t2Header.held.length > 0) {
        heldHeaders.push(t2Header);
      }
    }
    accept(row, null, true);
  }

  // Column labels either template could mean (`处理决定数量`, `本年制作数量`): the other template's when every other
  // column, block and row of table 二 is that template's only; else their own, as they are written.
  if (heldHeaders.length > 0) {
    const only2019Row = records.some((r) => r.table === '二' && r.rowId !== null && !TEMPLATES['2021'].rowById.has(r.rowId));
    const side: TemplateId | null =
      markers['2021'].length > 0 && markers['2019'].length === 0 && !only2019Row
        ? '2021'
        : markers['2019'].length > 0 && markers['2021'].length === 0
          ? '2019'
          : null;
    for (let h = 0; h < heldHeaders.length; h++) {
      const header = heldHeaders[h]!;
      const columns = header.columns as LabelCell[];
      for (let k = 0; k < header.held.length; k++) {
        const { at, own } = header.held[k]!;
        const label = columns[at]!;
        const column =
          side !== null && side !== own && fitsRowsUnder(header, records, side) ? otherColumnOf(label, own, header.run) : undefined;
        const tpl = column === undefined ? own : side!;
        header.templates.add(tpl);
        markers[tpl].push(label.text);
        if (column === undefined) {
          noteLabel(label, '二', { colId: columnTargetOf(label)!.colId, header });
          continue;
        }
        const targets = targetsIn(matchLabel(column.label), '二').filter((t) => t.kind === 'column' && t.colId === column.id);
        columns[at] = labelCell(label.text, { targets, official: column.label, difference: 'wording' }, targets, label.index);
        const ownId = columnTargetOf(label)!.colId;
        if (header.positions !== null && ownId !== column.id) {
          header.positions.set(column.id, header.positions.get(ownId)!);
          header.positions.delete(ownId);
        }
        variants.push({ found: foundLabelText(label.text), official: column.label, table: '二', colId: column.id, header });
      }
    }
  }

  const accepted = lastRow as PhysicalRow | null;
  const last: LastRow | null =
    accepted === null
      ? null
      : {
          table: accepted.table,
          record: lastRecord,
          line: accepted.lines[accepted.lines.length - 1] ?? 0,
          grid: accepted.grid === true,
          header: lastHeader,
          labelRow: lastLabelRow,
        };
  return { records, variants, unknown, markers, found, consumed, last, t3Columns: narrowTable3Columns(t3Heads) };
}

// Table 二's column labels in both templates (`本年新制作数量`, `上一年项目数量`…).
const TABLE2_COLUMN_LABELS: readonly string[] = [
  ...new Set((['2019', '2021'] as const).flatMap((id) => TEMPLATES[id].tables['二'].blocks.flatMap((b) => b.columns.map((c) => c.label)))),
];

/**
 * A table 二 header cell that is the start of a column label a page cut short (`本年新` of 本年新制作数量 and
 * 本年新公开数量, its second line lost): no row or column of its own, so not reported as skipped — the values
 * under it are read by position.
 */
function isCutColumnLabel(text: string): boolean {
  const label = text.replace(/\s+/g, '');
  return label.length >= 3 && TABLE2_COLUMN_LABELS.some((column) => column.length > label.length && column.startsWith(label));
}

// Table 三's header label over the five kinds of legal person (`法人或其他组织`), as a column title.
const LEGAL_GROUP = 'legal_person_or_org';

function hasHeaderNamed(label: LabelCell, name: string): boolean {
  for (let i = 0; i < label.targets.length; i++) {
    const target = label.targets[i]!;
    if (target.kind === 'header' && target.table === '三' && target.name === name) {
      return true;
    }
  }
  return false;
}

/**
 * The columns of a table 三 narrower than the template, from its header: `自然人 | 法人或其他组织 | 总计`
 * with none of the five kinds of legal person under 法人或其他组织 (its values are the five together, which
 * no template cell holds: null), or `自然人 | 总计`. Read by the template's seven columns, such a row's
 * values land in the wrong ones (法人 under 商业企业, 总计 under 科研机构). Null for every other header,
 * the template's own included: its rows are read as they always are.
 */
function narrowTable3Columns(heads: readonly string[]): readonly (string | null)[] | null {
  const titles = heads.filter((head, i) => heads.indexOf(head) === i).join(' ');
  if (titles === `natural_person ${LEGAL_GROUP} total`) {
    return ['natural_person', null, 'total'];
  }
  return titles === 'natural_person total' ? ['natural_person', 'total'] : null;
}

/** The template the report uses (§4.5), the one table 三 rows are read by, and a flat （六） (rule 43). */
interface TemplateChoice {
  readonly template: DetectedTemplate;
  /** The template of rows either template has. */
  readonly fallback: TemplateId;
  readonly t3Template: TemplateId;
  readonly flatOther: boolean;
  /** The labels found that are one template's (the evidence, for TPL-MIXED's message). */
  readonly markers: { readonly '2021': readonly string[]; readonly '2019': readonly string[] };
}

/** Step 2: the template, from the labels only one template has (§4.5). */
// Table 二 rows of one column in the 2021 template and of two or three in the 2019 one.
const SINGLE_VALUE_2021 = new Set(['licensing', 'penalties', 'coercion', 'fees']);

function detectTemplate(records: readonly DataRecord[], found: AlignedRows['markers']): TemplateChoice {
  const markers = { '2021': [...found['2021']], '2019': [...found['2019']] };
  // Table 三's （六）其他处理: its 2021 sub-rows, or the one 2019 row with a value. Table 二's rows only 2019 has.
  let otherSubRows = false;
  let otherFlat = false;
  const only2019: string[] = [];
  // Table 二 rows that hold one value where the 2019 template has two or three columns (行政许可 325): the
  // 2021 shape, evidence only when no header row says which template (a crawler dropped them).
  const oneValue: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const rowId = record.rowId;
    if (rowId === null) {
      continue;
    }
    if (record.table === '二' && record.values.length === 1 && SINGLE_VALUE_2021.has(rowId) && !isBlank(record.values[0]!)) {
      oneValue.push(record.label?.text ?? rowId);
    }
    if (record.table === '三') {
      if (rowId.startsWith('outcome.other.')) {
        otherSubRows = true;
      } else if (rowId === 'outcome.other' && !otherFlat && hasFilledCell(record.values)) {
        otherFlat = true;
      }
    } else if (record.table === '二' && !TEMPLATES['2021'].rowById.has(rowId)) {
      only2019.push(record.label?.text ?? rowId);
    }
  }
  if (otherSubRows) {
    markers['2021'].push('（六）其他处理');
  } else if (otherFlat) {
    markers['2019'].push('（六）其他处理');
  }
  for (let i = 0; i < only2019.length; i++) {
    markers['2019'].push(only2019[i]!);
  }
  if (found['2021'].length === 0 && found['2019'].length === 0 && only2019.length === 0 && oneValue.length >= 2) {
    markers['2021'].push(...oneValue);
  }
  // A 2021 table 二 with （六）其他处理 as one row: a 2021 report that left out the three sub-rows (rule 40),
  // not a mixed template — every other label is 2021's.
  const flatOther = markers['2021'].length > 0 && markers['2019'].length === 1 && markers['2019'][0] === '（六）其他处理';
  if (flatOther) {
    markers['2019'].length = 0;
  }
  const template: DetectedTemplate =
    markers['2021'].length > 0 && markers['2019'].length > 0
      ? 'mixed'
      : markers['2021'].length > 0
        ? '2021'
        : markers['2019'].length > 0
          ? '2019'
          : 'unknown';
  const fallback: TemplateId = template === '2019' ? '2019' : '2021';
  return { template, fallback, t3Template: otherSubRows ? '2021' : fallback, flatOther, markers };
}

/**
 * Where the text is cut: the table, the short row (record) when the cut is inside one, and the row the message
 * names — the row whose label the text ends in (`labelRow`: `(四)无法`, or a label line whose values did not
 * follow), else the last row read; null when the text stops before the table's first row (in its header, or
 * right after its heading: `afterHeading`).
 */
type Cut = {
  readonly table: TableId;
  readonly record: DataRecord | null;
  readonly rowLabel: string | null;
  readonly afterHeading?: boolean;
  readonly labelRow?: string;
};

/** Step 3: where a text that ends inside a table was cut (rule 38), null when it was not. */
function findCut(layout: ScannedLayout, aligned: AlignedRows, choice: TemplateChoice, lastContent: number): Cut | null {
  const { fallback, t3Template } = choice;
  const { consumed, records } = aligned;
  const lastRow = aligned.last;
  let cut: Cut | null = null;
  const headingAtEnd = layout.headings.find((h) => h.line === lastContent && h.table !== null);
  if (headingAtEnd && headingAtEnd.table !== null && (lastRow === null || lastRow.line < headingAtEnd.line)) {
    cut = { table: headingAtEnd.table, record: null, rowLabel: null, afterHeading: true };
  } else if (lastRow !== null && !lastRow.grid && lastContent <= lastRow.line) {
    // A row of a table block (HTML/DOCX/XLSX grid) is structurally complete: a grid that ends the
    // document, even one whose blank rows the exporter dropped, is no text cut inside a table.
    cut = cutAt(lastRow.table, lastRow.record, records, fallback, t3Template, lastRow.header);
    const labelDef = lastRow.labelRow === null ? undefined : TEMPLATES[fallback].rowById.get(lastRow.labelRow);
    if (cut !== null && cut.record === null && labelDef !== undefined) {
      // The text ends in a row's label, its values not reached (`规章` / `0` / … / `行政规范性文件`).
      cut = { ...cut, rowLabel: labelDef.label, labelRow: labelDef.id };
    }
    const next = cut === null ? undefined : nextRowByOrdinal(layout.openOrdinal, lastRow, fallback);
    if (next !== undefined) {
      // The text ends in the next row's ordinal (`6.属于四类过程性信息` / `1` / … / `7.`, probeQ7 013): the row before
      // is whole as the text gives it, the cut is in the row the ordinal starts.
      cut = { ...cutAt(lastRow.table, null, records, fallback, t3Template, lastRow.header)!, rowLabel: next.label, labelRow: next.id };
    }
  } else if (lastRow === null || !lastRow.grid) {
    const inLabel = cutInLabel(layout, consumed, lastRow, lastContent);
    if (inLabel !== null) {
      // Nothing of the table but its heading or header before the cut label (`第二十条第(`, `信息内容 | 本年制`).
      const header = lastRow === null || lastRow.table !== inLabel.table || lastRow.header;
      const at = cutAt(inLabel.table, null, records, fallback, t3Template, header)!;
      // Named by the row the cut label starts (`(四)无法` → （四）无法提供), when it starts one.
      const rowDef = inLabel.row === '' ? undefined : TEMPLATES[fallback].rowById.get(inLabel.row);
      cut = rowDef === undefined ? at : { ...at, rowLabel: rowDef.label, labelRow: rowDef.id };
    } else if (lastRow !== null && lastRow.labelRow !== null && isCutCellText(layout, consumed, lastRow.line, lastContent)) {
      // The text stops in the cell of a row whose label stood without values, mid-sentence (`行政事业性收费` /
      // `由区政府办根据`, probeP3 013): cut in that row, as when it ends on the label.
      const labelDef = TEMPLATES[fallback].rowById.get(lastRow.labelRow);
      const at = cutAt(lastRow.table, null, records, fallback, t3Template, lastRow.header);
      if (at !== null && labelDef !== undefined) {
        cut = { ...at, rowLabel: labelDef.label, labelRow: labelDef.id };
      }
    }
  }
  return cut;
}

// A line's end that closes a sentence, a clause or a bracket: text that may be whole.
const CLOSED_END = /[。．.！!？?；;：:，,、)）】\]”"’』」》]$/;
// A date or an organ's name: a page's sign-off, whole.
const SIGN_OFF = /(?:\d{1,2}日|政府|办公室|办公厅|局|委员会|委|办事处|中心|院|所|厅|部|处|站|队|会|公司)$/;

/**
 * The text's last line, just after a row's label whose values did not follow, is the start of a cell's prose the
 * page cut off mid-sentence (`行政事业性收费` / `由区政府办根据`, probeP3 013): a short line of Han text, nothing but
 * blanks between, that is no label of any table, does not end a sentence or clause and is no date or organ's name.
 */
function isCutCellText(layout: ScannedLayout, consumed: Uint8Array, labelLine: number, lastContent: number): boolean {
  if (lastContent <= labelLine || consumed[lastContent] === 1 || layout.headings.some((h) => h.line === lastContent)) {
    return false;
  }
  for (let i = labelLine + 1; i < lastContent; i++) {
    const line = layout.lines[i]!;
    if (!BARS_ONLY.test(line) && !isFurniture(line)) {
      return false;
    }
  }
  const text = layout.lines[lastContent]!.replace(/[|｜]/g, '').trim();
  return (
    text.length >= 4 &&
    text.length <= 60 &&
    /^[\p{Script=Han}\d（）()、，,“”"]+$/u.test(text) &&
    !CLOSED_END.test(text) &&
    !SIGN_OFF.test(text) &&
    TABLE_IDS.every((table) => labelPrefixOf(text, table) === undefined) &&
    matchLabel(text).targets.length === 0
  );
}

/**
 * The row the ordinal a text ends in starts (ScannedLayout.openOrdinal: `7.`), when it is the one row of the last
 * row's table that ordinal starts and the next of the same group (`7.属于行政执法案卷` after `6.属于四类过程性信息`).
 */
function nextRowByOrdinal(ordinal: string | undefined, lastRow: LastRow, fallback: TemplateId): RowDef | undefined {
  const rowId = lastRow.record?.rowId;
  if (ordinal === undefined || rowId === null || rowId === undefined) {
    return undefined;
  }
  const number = Number(/^\d+/.exec(ordinal)![0]);
  const next = labelPrefixOf(`${number}.`, lastRow.table);
  const rows = TEMPLATES[fallback].rowById;
  const [before, after] = [rows.get(rowId), next === undefined || next === '' ? undefined : rows.get(next)];
  return before !== undefined && after !== undefined && after.parent === before.parent && before.shortLabel.startsWith(`${number - 1}.`)
    ? after
    : undefined;
}

// A line holding nothing but bars and blanks (or nothing at all).
const BARS_ONLY = /^[\s|｜]*$/;

/**
 * The table a text ends in when its last line is the start of one of that table's labels, cut short
 * (`信息内`, `第二十条第(`, `(三)不`, `(本列数据的勾稽关`: a page that ends inside the table, rule 38), after
 * the table's last row read or its heading with nothing else between; null otherwise.
 */
function cutInLabel(
  layout: ScannedLayout,
  consumed: Uint8Array,
  lastRow: LastRow | null,
  lastContent: number,
): { table: TableId; row: string } | null {
  if (lastContent < 0 || consumed[lastContent] === 1) {
    return null;
  }
  const text = layout.lines[lastContent]!.replace(/[|｜]/g, '').trim();
  if (text.length === 0 || text.length > 40 || text.includes('。')) {
    return null;
  }
  let from = lastRow?.line ?? -1;
  let table: TableId | null = lastRow?.table ?? null;
  const headingLines = new Set<number>();
  for (let i = 0; i < layout.headings.length; i++) {
    const heading = layout.headings[i]!;
    headingLines.add(heading.line);
    if (heading.line > from && heading.line < lastContent) {
      table = heading.table;
      if (lastRow === null) {
        from = heading.line;
      }
    }
  }
  if (table === null || from < 0) {
    return null;
  }
  const skipped = new Set(layout.skipped);
  // A label split over two lines (`本年新` / `制作数`, probeP3 006): the last line goes on the line of text before it.
  const split = labelPrefixOf(text, table) === undefined ? splitLabelStart(layout, consumed, from, lastContent, table) : -1;
  // The header text line before, when it is the start of a header label split over two lines (`商业` / `企业`).
  let before = '';
  for (let i = from + 1; i < (split < 0 ? lastContent : split); i++) {
    const line = layout.lines[i]!;
    // A line of bars alone (`|`, `||`: an empty cell or a row's spacer, one cell per line) is no text between, nor
    // is a header label the page left short (`本年增/` of `本年增/减`, probeL3 036: `上一年项目数量` / `本年增/` /
    // `行政事业性`): the table's header.
    if (consumed[i] === 1 || skipped.has(i) || headingLines.has(i) || BARS_ONLY.test(line) || isFurniture(line)) {
      continue;
    }
    const cell = line.replace(/[|｜]/g, '').trim();
    if (labelPrefixOf(cell, table) === '') {
      before = cell;
      continue;
    }
    // The end of a header label split over two lines, one cell per line (`商业` / `企业`, `科研` / `机`, probeQ8 003).
    if (before !== '' && isHeaderText(before + cell, table)) {
      before = '';
      continue;
    }
    return null;
  }
  const row = labelPrefixOf(split < 0 ? text : labelLineText(layout, split) + text, table);
  return row === undefined ? null : { table, row };
}

/** A table's header or column label (`商业企业`), whole or cut short: no row's. */
function isHeaderText(text: string, table: TableId): boolean {
  return (
    labelPrefixOf(text, table) === '' || matchLabelExactly(text).targets.some((target) => target.table === table && target.kind !== 'row')
  );
}

function labelLineText(layout: ScannedLayout, line: number): string {
  return layout.lines[line]!.replace(/[|｜]/g, '').trim();
}

/**
 * The line a label cut short at the text's end begins on when it was split over lines (`本年新` / `制作数`): the line
 * of text before the last one (blank lines between), after `from`, not table text nor a heading, that with the last
 * line starts a label of the table; -1 when there is none.
 */
function splitLabelStart(layout: ScannedLayout, consumed: Uint8Array, from: number, lastContent: number, table: TableId): number {
  let i = lastContent - 1;
  while (i > from && layout.lines[i]!.trim() === '') {
    i--;
  }
  if (i <= from || consumed[i] === 1 || layout.headings.some((h) => h.line === i)) {
    return -1;
  }
  const start = labelLineText(layout, i);
  if (start.length === 0 || start.length > 40 || start.includes('。')) {
    return -1;
  }
  return labelPrefixOf(start + labelLineText(layout, lastContent), table) === undefined ? -1 : i;
}

/** What emitCells gives: the cells in contract order and the READ-ROW-SHAPE findings of rows it could not fit. */
interface EmittedCells {
  readonly cells: ReadCell[];
  readonly shapeFindings: Finding[];
  /** The row whose last value, the text's open tail (ScannedLayout.openTail), was one too many and not read. */
  readonly tailDropped?: string;
  /** How many of the cut row's columns (from the left) its values reached, when the text is cut inside a row. */
  readonly cutReached?: number;
  /** The same for the row the text's last line ends (emitCells' endRecord), up to its last value given. */
  readonly endReached?: number;
}

/**
 * The record whose last value is the number the text ends in without a line break (withoutOpenTail): the
 * last row read, on the text's last line of content, ending in that number; else null.
 */
function openTailRecord(layout: ScannedLayout, aligned: AlignedRows, lastContent: number): DataRecord | null {
  const record = aligned.last?.record ?? null;
  if (layout.openTail === undefined || record === null || aligned.last!.line !== lastContent) {
    return null;
  }
  return record.values[record.values.length - 1]?.trim() === layout.openTail ? record : null;
}

/**
 * Step 4: each record's values fitted to its row's columns (by header positions, else by the row's column
 * count) and emitted in contract order (§6.2); row label variants are added to `variants`.
 */
function emitCells(
  records: readonly DataRecord[],
  cut: Cut | null,
  choice: TemplateChoice,
  variants: Variant[],
  t3Columns: readonly (string | null)[] | null = null,
  openTail: DataRecord | null = null,
  endRecord: DataRecord | null = null,
): EmittedCells {
  const { fallback, t3Template } = choice;
  pushedCount = 0;
  emitCall = emitCall === 0x7fffffff ? 1 : emitCall + 1;
  if (emitCall === 1) {
    cellStamps.fill(0);
  }
  const shapeFindings: Finding[] = [];
  let tailDropped: string | undefined;
  let cutReached: number | undefined;
  let endReached: number | undefined;
  let narrowNoted = false;
  // Each record's row (undefined for table 四's label-less row and for IDs neither template has): one
  // array per report, not an object per record.
  const rowDefs: (RowDef | undefined)[] = new Array(records.length);
  const templates: TemplateId[] = new Array(records.length);
  // Per table (by TABLE_IDS index): the least trailing artifacts over its rows; when no row tells, the
  // least trailing blanks (trailingBlanks); 0 when neither tells.
  const trailingBy = [-1, -1, -1];
  const blanksBy = [-1, -1, -1];
  for (let j = 0; j < records.length; j++) {
    const record = records[j]!;
    let width = T4_WIDTH;
    if (record.rowId !== null) {
      const tpl = recordTemplate(record, fallback, t3Template);
      templates[j] = tpl;
      const rowDef = TEMPLATES[tpl].rowById.get(record.rowId) ?? TEMPLATES[tpl === '2021' ? '2019' : '2021'].rowById.get(record.rowId);
      rowDefs[j] = rowDef;
      width = rowDef === undefined ? 0 : columnsOf(record.table, rowDef).length;
    }
    const count = trailingArtifacts(record.values, width, record.positional);
    const k = tableIndexOf(record.table);
    if (count >= 0 && (trailingBy[k] === -1 || count < trailingBy[k]!)) {
      trailingBy[k] = count;
    }
    // A grid's empty last cell is an empty cell (an empty 总计), no line's closing bar.
    const blanks = record.grid === true ? -1 : trailingBlanks(record.values, width, record.positional);
    if (blanks >= 0 && (blanksBy[k] === -1 || blanks < blanksBy[k]!)) {
      blanksBy[k] = blanks;
    }
  }
  for (let j = 0; j < records.length; j++) {
    const record = records[j]!;
    const rowDef = rowDefs[j];
    const isCut = cut !== null && cut.record === record;
    const tableIndex = tableIndexOf(record.table);
    const trailing = Math.max(0, trailingBy[tableIndex]! >= 0 ? trailingBy[tableIndex]! : blanksBy[tableIndex]!);
    if (record.table === '四' && record.rowId === null) {
      const reached = emitTable4(record, isCut, trailing, fallback, shapeFindings);
      if (isCut) {
        cutReached = reached;
      }
      continue;
    }
    if (rowDef === undefined || rowDef.id === 'outcome') {
      continue;
    }
    const columns = columnsOf(record.table, rowDef);
    const width = columns.length;
    const narrow = record.table === '三' ? t3Columns : null;
    if (narrow !== null && !narrowNoted) {
      narrowNoted = true;
      shapeFindings.push(narrowTable3Finding(narrow, rowDef, columns));
    }
    const glued = record.table === '三' && narrow === null ? gluedRowSplit(record.values, width) : null;
    // The number the text ends in, one value more than the row has columns (`政府集中采购` / `0` / `0` / `20`,
    // probeH3 021): the row's cells came before it, and it is the cut start of what followed, no cell; the
    // rightmost values would take that fragment for the last cell.
    const tail =
      record === openTail && glued === null && narrow === null && !underHeader(record, columns) && !isCut
        ? tailBeyondRow(record, width, trailing)
        : null;
    if (tail !== null) {
      tailDropped = messageRow(rowDef.label);
    }
    const aligned =
      glued !== null
        ? glued
        : narrow !== null
          ? alignNarrow(record.values, narrow, columns)
          : underHeader(record, columns)
            ? width
            : align(tail ?? record.values, width, record.positional, isCut, trailing);
    // A group row (`（三）不予公开`) holds its own values only when exactly its columns' count is printed on it: more
    // are its sub-rows' values whose labels the page lost (`(三)不予公开 |` then 64 lines of `0 |`, probeJ5 032), and
    // its rightmost seven would be the last sub-row's cells, or none of any row.
    const found = aligned > width && rowDef.kind === 'group' ? UNALIGNED : aligned;
    if (isCut && (found === UNALIGNED || narrow !== null)) {
      // A narrow table 三 row's values stand under other columns than the template's: none counted as reached.
      cutReached = 0;
    }
    if (found === UNALIGNED) {
      shapeFindings.push(
        finding(
          'READ-ROW-SHAPE',
          `表${record.table}“${messageRow(rowDef.label)}”行无法对齐到${narrow?.length ?? width}列，未读取该行`,
          cellIdsOf(rowDef, columns),
        ),
      );
      continue;
    }
    if (record.table === '三' && narrow === null && !isCut && droppedBlanksTotal(record.values, record.positional, width)) {
      // Filled cells only, fewer than the columns, the last the sum of the others (`1` / `1`): the empty cells
      // were dropped, so the last is 总计 and the others' columns are unknown — only 总计 is read.
      const total = record.values[record.values.length - 1];
      alignedScratch.fill(undefined, 0, width);
      alignedScratch[width - 1] = total;
    }
    if (found > width) {
      shapeFindings.push(
        finding(
          'READ-ROW-SHAPE',
          `表${record.table}“${messageRow(rowDef.label)}”行有${found}个数值单元格，多于${width}列，已按最右侧${width}个读取`,
          cellIdsOf(rowDef, columns),
        ),
      );
    }
    if ((isCut || record === endRecord) && narrow === null) {
      // The row the text ends in, cut short or not: what follows its last value (`| 0 | 0 | 0 | 0 | 0 | 0 |`, 总计
      // not given; `| 0 | 0 | 0 | 0 |  `) is where the text stops, not a blank cell.
      let reached = Math.min(found, width);
      while (reached > 0 && (alignedScratch[reached - 1] === undefined || isBlank(alignedScratch[reached - 1]!))) {
        reached--;
      }
      if (isCut) {
        cutReached = reached;
      } else {
        endReached = reached;
      }
    }
    const slots = slotsOf(rowDef, columns);
    for (let i = 0; i < width; i++) {
      emitCell(record.table, tableIndex, rowDef.label, slots[i]!, columns[i]!.label, i, alignedScratch[i]);
    }
    if (record.label) {
      noteRowVariant(record, record.label, rowDef, templates[j]!, variants);
    }
  }
  return {
    cells: inContractOrder(),
    shapeFindings,
    ...(tailDropped === undefined ? {} : { tailDropped }),
    ...(cutReached === undefined ? {} : { cutReached }),
    ...(endReached === undefined ? {} : { endReached }),
  };
}

/** The row's values without its last when exactly that one is more than its columns (after align's trims), else null. */
function tailBeyondRow(record: DataRecord, width: number, trailing: number): readonly string[] | null {
  const values = record.values.slice(0, -1);
  if (align(record.values, width, record.positional, false, trailing) !== width + 1) {
    return null;
  }
  return align(values, width, record.positional, false, trailing) === width ? values : null;
}

/** LABEL-VARIANT of a data row's label: a variant wording, or the other template's alias of the row (§5). */
function noteRowVariant(record: DataRecord, label: LabelCell, rowDef: RowDef, tpl: TemplateId, variants: Variant[]): void {
  if (label.match.difference !== 'none') {
    variants.push({ found: foundLabelText(label.text), official: label.match.official, table: record.table, rowId: rowDef.id });
    return;
  }
  const target = label.rowTarget;
  if (target !== undefined && target.kind === 'row' && !target.templates.includes(tpl)) {
    // 规范性文件 in a 2021-template table 二 (or 行政规范性文件 in a 2019 one): a wording alias (§5).
    variants.push({ found: foundLabelText(label.text), official: rowDef.label, table: record.table, rowId: rowDef.id });
  }
}

const T4_WIDTH = T4_ROW_IDS.length * T4_COLUMNS.length;

/** Table 四's three rows of one template, and the slots of their fifteen cells in row-major order. */
interface Table4Grid {
  readonly rows: readonly RowDef[];
  readonly slots: readonly CellSlot[];
}
const T4_GRIDS = new Map<TemplateId, Table4Grid>();

function table4Grid(tpl: TemplateId): Table4Grid {
  let grid = T4_GRIDS.get(tpl);
  if (grid === undefined) {
    const rows = T4_ROW_IDS.map((id) => TEMPLATES[tpl].rowById.get(id)!);
    grid = { rows, slots: rows.flatMap((r) => slotsOf(r, T4_COLUMNS)) };
    T4_GRIDS.set(tpl, grid);
  }
  return grid;
}

/**
 * Table 四's label-less row of fifteen values (review, then the two litigation rows, five columns each). Gives how
 * many of the fifteen positions its values reached (0 when the row could not be aligned).
 */
function emitTable4(record: DataRecord, isCut: boolean, trailing: number, tpl: TemplateId, shapeFindings: Finding[]): number {
  const { rows, slots } = table4Grid(tpl);
  const found = align(record.values, T4_WIDTH, record.positional, isCut, trailing);
  if (found === UNALIGNED) {
    shapeFindings.push(
      finding(
        'READ-ROW-SHAPE',
        `表四“${rows[0]!.label}”行无法对齐到${T4_WIDTH}列，未读取该行`,
        slots.map((s) => s.id),
      ),
    );
    return 0;
  }
  if (found > T4_WIDTH) {
    shapeFindings.push(
      finding(
        'READ-ROW-SHAPE',
        `表四“${rows[0]!.label}”行有${found}个数值单元格，多于${T4_WIDTH}列，已按最右侧${T4_WIDTH}个读取`,
        slots.map((s) => s.id),
      ),
    );
  }
  const width = T4_COLUMNS.length;
  for (let i = 0; i < T4_WIDTH; i++) {
    const column = i % width;
    emitCell('四', T4_INDEX, rows[(i - column) / width]!.label, slots[i]!, T4_COLUMNS[column]!.label, column, alignedScratch[i]);
  }
  return Math.min(found, T4_WIDTH);
}

// emitCells' cells in push order and their contract-order keys, by push position (both reused, grown on
// demand): the reading gets an exact-size copy instead of an array grown by push from empty, which
// copies its elements several times on the way to a report's ~200 cells.
const pushed: ReadCell[] = [];
let pushedCount = 0;
let orderKeys = new Float64Array(512);
// The slot number of each pushed cell, and each emitted cell's position in the reading by slot number
// (written by inContractOrder): the findings are sorted by their cells' positions (positionOf), without
// a map of the ~200 cell IDs per report.
let pushedNumbers = new Int32Array(512);
let positions = new Int32Array(512);

/**
 * A cell's position in the reading last emitted (undefined when that reading has no such cell): its
 * slot is stamped for the current emitCells call exactly when the cell was pushed (markEmitted).
 */
function positionOf(id: string): number | undefined {
  const n = CELL_NUMBERS.get(id);
  return n !== undefined && n < cellStamps.length && cellStamps[n] === emitCall ? positions[n] : undefined;
}

/**
 * Emits one aligned cell: absent when blank or when its ID was already emitted (the first value stands).
 * Its sort key is the table, then its row's contract rank and its column, then the push position (so
 * ties keep push order, as a stable sort would): a number, no wrapper object per cell.
 */
function emitCell(
  table: TableId,
  tableIndex: number,
  row: string,
  slot: CellSlot,
  column: string,
  columnIndex: number,
  text: string | undefined,
): void {
  if (text === undefined) {
    return;
  }
  const raw = cellRaw(text);
  if (raw.length === 0 || !markEmitted(slot)) {
    return;
  }
  const at = pushedCount++;
  if (at >= orderKeys.length) {
    const grown = new Float64Array(orderKeys.length * 2);
    grown.set(orderKeys);
    orderKeys = grown;
    const grownNumbers = new Int32Array(grown.length);
    grownNumbers.set(pushedNumbers);
    pushedNumbers = grownNumbers;
  }
  pushedNumbers[at] = slot.number;
  // The push position is below 2^16: at most one cell per slot (markEmitted), and the templates have a
  // few hundred slots; rank × 100 + column is far below 2^20. The key stays an exact integer (< 2^38).
  orderKeys[at] = (tableIndex * 2 ** 20 + slot.rank * 100 + columnIndex) * 2 ** 16 + at;
  pushed[at] = { table, row, column, id: slot.id, value: parseCellValue(raw), raw };
}

/** The cells emitCells pushed, in contract order: their keys sorted as numbers (a typed array's sort). */
function inContractOrder(): ReadCell[] {
  const count = pushedCount;
  if (positions.length < cellStamps.length) {
    positions = new Int32Array(cellStamps.length);
  }
  if (isAscending(orderKeys, count)) {
    // The usual case: the records came in contract order, nothing to sort.
    for (let i = 0; i < count; i++) {
      positions[pushedNumbers[i]!] = i;
    }
    return pushed.slice(0, count);
  }
  const keys = orderKeys.subarray(0, count).sort();
  const ordered: ReadCell[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const at = keys[i]! % 2 ** 16;
    ordered[i] = pushed[at]!;
    positions[pushedNumbers[at]!] = i;
  }
  return ordered;
}

function isAscending(keys: Float64Array, count: number): boolean {
  for (let i = 1; i < count; i++) {
    if (keys[i]! < keys[i - 1]!) {
      return false;
    }
  }
  return true;
}

const T3_OTHER_FLAT_MESSAGE =
  '表三“（六）其他处理”只有一行，未按2021年格式分列“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”“3.其他”三个分项';

/** Step 5: the reading findings (rules 2, 3, 13, 38, 39, 43), in catalogue order, then by first cell. */
function collectFindings(
  layout: ScannedLayout,
  aligned: AlignedRows,
  choice: TemplateChoice,
  emitted: EmittedCells,
  readCells: readonly ReadCell[],
  cut: Cut | null,
  lastContent: number,
  table2Runs: readonly Table2RunOutcome[],
): Finding[] {
  const findings: Finding[] = [...emitted.shapeFindings];
  if (choice.flatOther) {
    findings.push(finding('T3-OTHER-FLAT', T3_OTHER_FLAT_MESSAGE));
  }
  // A label the cut left short on the text's last line (`本年收费金额(单位:万`, `本年`) is neither a variant
  // wording nor a row the template lacks: READ-TRUNCATED says it.
  const lastKey = cut === null ? '' : normalizeLabel(layout.lines[lastContent] ?? '').replace(/[|｜]+$/, '');
  const cutShort = (table: TableId, label: string): boolean => {
    const key = normalizeLabel(label);
    return lastKey.length > 0 && key.length > 0 && lastKey.endsWith(key) && labelPrefixOf(label, table) !== undefined;
  };
  for (const { table, label } of aligned.unknown) {
    if (!cutShort(table, label)) {
      findings.push(finding('READ-UNKNOWN-ROW', `表${table}中的“${label}”不属于格式规定的栏目，已跳过`));
    }
  }
  const variants = lastKey.length === 0 ? aligned.variants : aligned.variants.filter((v) => !cutShort(v.table, v.found));
  for (const variant of variantFindings(variants, readCells, aligned.records)) {
    findings.push(variant);
  }
  for (const row of layout.runTogether ?? []) {
    const rowName = row.label === null ? '行政复议、行政诉讼数据' : messageRow(foundLabelText(row.label));
    findings.push(
      finding('READ-RUN-TOGETHER', `表${row.table}“${rowName}”行的数字“${row.run}”连写无分隔，无法唯一拆分为${row.width}列，未读取该行`),
    );
  }
  for (const outcome of table2Runs) {
    findings.push(finding('READ-RUN-TOGETHER', table2RunMessage(outcome)));
  }
  if (cut !== null) {
    findings.push(finding('READ-TRUNCATED', truncatedMessage(cut)));
  }
  if (layout.openTail !== undefined) {
    findings.push(
      finding(
        'READ-TRUNCATED',
        emitted.tailDropped === undefined
          ? `文件以数字“${layout.openTail}”结束，其后没有换行，可能在此处被截断：这个数字可能不完整`
          : `文件以数字“${layout.openTail}”结束，其后没有换行，可能在此处被截断：这个数字多于“${emitted.tailDropped}”行的列数，应为其后被截断内容的开头，未作为单元格读取`,
      ),
    );
  }
  const rank = (f: Finding) => RULE_IDS.indexOf(f.rule);
  const firstCell = (f: Finding) =>
    f.cells.reduce(
      (least, id) => Math.min(least, positionOf(id) ?? Number.MAX_SAFE_INTEGER),
      f.cells.length === 0 ? -1 : Number.MAX_SAFE_INTEGER,
    );
  findings.sort((a, b) => rank(a) - rank(b) || firstCell(a) - firstCell(b));
  return findings;
}

/**
 * Step 6: the lines that are not table text, in order: the narrative the document-text reader reads,
 * and how many of them come before the first table line.
 */
function narrativeOf(
  layout: ScannedLayout,
  consumed: Uint8Array,
  lastContent: number,
): { narrativeLines: string[]; beforeTables: number; endLine?: number } {
  consumeGaps(layout.lines, consumed);
  const narrativeLines: string[] = [];
  let beforeTables = -1;
  let endLine = -1;
  for (let i = 0; i < layout.lines.length; i++) {
    if (consumed[i] === 0) {
      if (i === lastContent) {
        endLine = narrativeLines.length;
      }
      narrativeLines.push(layout.lines[i]!);
    } else if (beforeTables < 0) {
      beforeTables = narrativeLines.length;
    }
  }
  const reading = { narrativeLines, beforeTables: beforeTables < 0 ? narrativeLines.length : beforeTables };
  return endLine < 0 ? reading : { ...reading, endLine };
}

/**
 * Table 三's value rows matched to the template's data rows by their order (PDF text wraps labels above
 * and below their values, `（二）部分公开（区分处理的，只计这一情` / `447 7 0 0 0 0 454` / `形，不计其他情形）`):
 * only when the table holds exactly as many rows of seven values as one template has data rows, and
 * every row whose label names a row sits at that row's place. By row index: the row ID of each row in
 * the sequence (undefined for the others); null when there is no such sequence.
 */
function table3Sequence(rows: readonly PhysicalRow[], splits: readonly SplitRow[]): (string | undefined)[] | null {
  // Row indexes of the candidate rows and the row ID their label names (null: none).
  const indexes: number[] = [];
  const rowIds: (string | null)[] = [];
  let unlabelled = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.table !== '三') {
      continue;
    }
    const { labels, filled, filledValues } = splits[i]!;
    // Seven filled cells, every one a value (splitRow counted them).
    if (filled !== T3_COLUMNS.length || filledValues !== filled) {
      continue;
    }
    const rowLabel = lastRowLabel(labels);
    const rowId = rowLabel?.rowTarget?.rowId ?? null;
    if (rowId === null) {
      unlabelled++;
    }
    indexes.push(i);
    rowIds.push(rowId);
  }
  if (unlabelled === 0) {
    return null;
  }
  for (const tpl of ['2021', '2019'] as const) {
    const ids = T3_DATA_ROW_IDS[tpl];
    if (ids.length === indexes.length && rowIds.every((id, i) => id === null || id === ids[i])) {
      const sequence: (string | undefined)[] = new Array(rows.length);
      for (let i = 0; i < indexes.length; i++) {
        sequence[indexes[i]!] = ids[i];
      }
      return sequence;
    }
  }
  return null;
}

/** Table 三's data rows of each template, in order (table3Sequence). */
const T3_DATA_ROW_IDS: Readonly<Record<TemplateId, readonly string[]>> = {
  '2021': TEMPLATES['2021'].tables['三'].rows.filter((r) => r.kind === 'data').map((r) => r.id),
  '2019': TEMPLATES['2019'].tables['三'].rows.filter((r) => r.kind === 'data').map((r) => r.id),
};

/** The last label that names the row `rowId` (a table 三 row matched by its place). */
function lastLabelOfRow(labels: readonly LabelCell[], rowId: string): LabelCell | undefined {
  for (let i = labels.length - 1; i >= 0; i--) {
    const targets = labels[i]!.targets;
    for (let k = 0; k < targets.length; k++) {
      const target = targets[k]!;
      if (target.kind === 'row' && target.rowId === rowId) {
        return labels[i];
      }
    }
  }
  return undefined;
}

function hasFilledCell(values: readonly string[]): boolean {
  for (let i = 0; i < values.length; i++) {
    if (!isBlank(values[i]!)) {
      return true;
    }
  }
  return false;
}

/** Empty lines between two lines of table text belong to the table body, not to the narrative. */
function consumeGaps(lines: readonly string[], consumed: Uint8Array): void {
  let previous = -1;
  for (let i = 0; i < lines.length; i++) {
    if (consumed[i] === 1) {
      if (previous >= 0 && previous < i - 1 && consumed[previous] === 1) {
        consumed.fill(1, previous + 1, i);
      }
      previous = i;
    } else if (!isBlank(lines[i]!)) {
      previous = i;
    }
  }
}

function dataRecord(
  table: TableId,
  rowId: string | null,
  label: LabelCell | null,
  values: readonly string[],
  row: PhysicalRow,
  header: HeaderRecord | null,
): DataRecord {
  return {
    table,
    rowId,
    label,
    values,
    positional: row.positional,
    cells: row.cells,
    start: label?.index ?? -1,
    header,
    grid: row.grid === true,
  };
}

/** The template a row's cells belong to: its own (rows only one template has), its header's, or the report's. */
function recordTemplate(record: DataRecord, fallback: TemplateId, t3Template: TemplateId): TemplateId {
  if (record.table === '三') {
    return t3Template;
  }
  if (record.table !== '二' || record.rowId === null) {
    return fallback;
  }
  if (!TEMPLATES['2021'].rowById.has(record.rowId)) {
    return '2019';
  }
  const templates = record.header?.templates;
  if (templates !== undefined && templates.size === 1) {
    return [...templates][0]!;
  }
  return fallback;
}

/**
 * Table 二 values by the positions of their header labels (grids and exports keep them): a value under
 * a merged header cell is found even when the cells left and right of it are blank: written to
 * alignedScratch, as align does. False when the row does not line up with its header.
 */
function underHeader(record: DataRecord, columns: readonly ColumnDef[]): boolean {
  const header = record.header;
  if (!header?.positions || !record.positional || record.start < 0 || header.start < 0) {
    return false;
  }
  // Offsets from the row's label, as the header's from `信息内容`.
  const shift = record.start - header.start;
  if (columns.length > usedScratch.length) {
    usedScratch = new Int32Array(columns.length);
  }
  const used = usedScratch;
  let named = 0;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const at = header.positions.get(column.id);
    if (at !== undefined && at <= header.start) {
      return false;
    }
    used[i] = at === undefined ? -1 : at + shift;
    named += at === undefined ? 0 : 1;
  }
  if (named === 0) {
    return false;
  }
  for (let i = record.start + 1; i < record.cells.length; i++) {
    // A value under a header label the template lacks (`信息内容 | 项目数量 | 处理决定数量` over `行政许可 | 4 | 142`)
    // is that column's, not read.
    if (!isBlank(record.cells[i]!) && !isUsed(used, columns.length, i) && !header.unknownAt.includes(i - shift)) {
      return named === columns.length && underMergedHeader(record, columns, used, header.positions, shift);
    }
  }
  // A header naming only some of the row's columns (`信息内容 | 处理决定数量` over a 2019 row of three): the
  // values stand under the columns it names; the others are not in the table, so not read.
  for (let i = 0; i < columns.length; i++) {
    alignedScratch[i] = used[i]! < 0 ? undefined : record.cells[used[i]!];
  }
  return true;
}

/**
 * underHeader when a value sits beside its header label rather than under it: the header's and the
 * row's merged cells differ (`本年增/减` over two positions, the row's first value over the two before it:
 * a real 2019 page). Each column owns the positions from its label to the next header label; it takes
 * the one value found there. False when a column owns two values or a value lies outside every column.
 */
function underMergedHeader(
  record: DataRecord,
  columns: readonly ColumnDef[],
  used: Int32Array,
  labelPositions: ReadonlyMap<string, number>,
  shift: number,
): boolean {
  const cells = record.cells;
  let values = 0;
  for (let i = record.start + 1; i < cells.length; i++) {
    if (!isBlank(cells[i]!)) {
      values++;
    }
  }
  let owned = 0;
  for (let i = 0; i < columns.length; i++) {
    const from = used[i]!;
    let to = cells.length;
    for (const at of labelPositions.values()) {
      if (at + shift > from && at + shift < to) {
        to = at + shift;
      }
    }
    let found = -1;
    for (let p = from; p < to; p++) {
      if (!isBlank(cells[p]!)) {
        if (found >= 0) {
          return false;
        }
        found = p;
      }
    }
    if (found >= 0) {
      owned++;
    }
    alignedScratch[i] = cells[found >= 0 ? found : from];
  }
  return owned === values;
}

// underHeader's cell positions of the columns (a row has a few): no set per row.
let usedScratch = new Int32Array(16);

function isUsed(used: Int32Array, count: number, position: number): boolean {
  for (let i = 0; i < count; i++) {
    if (used[i] === position) {
      return true;
    }
  }
  return false;
}

/**
 * A table 三 row whose one value is its seven cells run together on a line of their own (`一、本年新收…` / `0000000`,
 * `2000002`: a page that lost the cells' separators): split by the row's arithmetic (the six columns add up to
 * 总计) into alignedScratch when exactly one split holds, UNALIGNED when none or several do; null for any other row.
 * No count of applications runs to six digits, so a lone value that long is such a run.
 */
function gluedRowSplit(values: readonly string[], width: number): number | null {
  let only: string | null = null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!.trim();
    if (value === '') {
      continue;
    }
    if (only !== null) {
      return null;
    }
    only = value;
  }
  if (only === null || !/^\d{6,}$/.test(only)) {
    return null;
  }
  const splits = splitRun(only, [width], true);
  if (splits.length !== 1) {
    return UNALIGNED;
  }
  for (let i = 0; i < width; i++) {
    alignedScratch[i] = splits[0]![i];
  }
  return width;
}

/** The columns a row's values fill: table 三 group rows take the seven applicant columns (§6.2). */
function columnsOf(table: TableId, rowDef: RowDef): readonly ColumnDef[] {
  return rowDef.kind === 'group' && table === '三' ? T3_COLUMNS : rowDef.columns;
}

/** P7: table 三 rows are named by their path without the leading `三、本年度办理结果/`. */
function messageRow(label: string): string {
  return label.startsWith(OUTCOME_PREFIX) ? label.slice(OUTCOME_PREFIX.length) : label;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    if (test(items[i]!)) {
      return items[i];
    }
  }
  return undefined;
}

/** The index of the last line with content that is not table text (−1 when there is none). */
/**
 * Where in its table the text stops (TableReading.truncatedAt): the first row of the template it does not reach in
 * full and how many of that row's columns it reaches — the row of a cut short record; the row whose label the text
 * ends in; the row the text's last line ends, up to its last value; else the row after the last one read, the
 * table's first when none was. Null row: every row was reached.
 */
function truncationPoint(
  cut: Cut,
  records: readonly DataRecord[],
  choice: TemplateChoice,
  emitted: EmittedCells,
  endRecord: DataRecord | null,
): TruncatedAt {
  const { fallback, t3Template } = choice;
  const record = cut.record;
  const reached = emitted.cutReached ?? 0;
  if (record !== null) {
    if (record.rowId === null) {
      // Table 四's label-less row: fifteen positions, five per row.
      const row = Math.floor(reached / T4_COLUMNS.length);
      return { row: T4_ROW_IDS[row] ?? null, columns: reached % T4_COLUMNS.length };
    }
    return { row: record.rowId, columns: reached };
  }
  if (cut.labelRow !== undefined) {
    // The text ends in this row's label: the rows before it were passed, those whose labels stood without values
    // (one cell per line, the empty cells dropped: `一、本年新收…` / `二、上年结转…` / `三、`) among them.
    return { row: cut.labelRow, columns: 0 };
  }
  const previous = findLast(records, (r) => r.table === cut.table);
  if (previous === undefined) {
    return { row: TEMPLATES[fallback].tables[cut.table].rows[0]!.id, columns: 0 };
  }
  if (previous.rowId === null) {
    return { row: null, columns: 0 };
  }
  if (emitted.endReached !== undefined && endRecord === previous) {
    // The text ends in this row: its cells after the last value given are not reached.
    return { row: previous.rowId, columns: emitted.endReached };
  }
  const rows = TEMPLATES[recordTemplate(previous, fallback, t3Template)].tables[cut.table].rows;
  const at = rows.findIndex((r) => r.id === previous.rowId);
  return { row: at < 0 ? previous.rowId : (rows[at + 1]?.id ?? null), columns: 0 };
}

/** READ-TRUNCATED's message: the row the text stops in, or its table's header or heading when it stops before the first row. */
function truncatedMessage(cut: Cut): string {
  if (cut.rowLabel !== null) {
    return `文本在表${cut.table}“${messageRow(cut.rowLabel)}”处中断，其后内容缺失`;
  }
  return cut.afterHeading === true ? `文本在表${cut.table}的标题之后中断，其后内容缺失` : `文本在表${cut.table}的表头处中断，其后内容缺失`;
}

function lastContentLine(layout: ScannedLayout, consumed: Uint8Array): number {
  const skipped = new Set(layout.skipped);
  for (let i = layout.lines.length - 1; i >= 0; i--) {
    const line = layout.lines[i]!;
    if (skipped.has(i) || (consumed[i] === 0 && (BARS_ONLY.test(line) || isFurniture(line)))) {
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * Where a text that ends inside a table was cut (rule 38): the last row when it is short of cells or
 * is not the table's last row; null when the table is complete.
 */
function cutAt(
  table: TableId,
  record: DataRecord | null,
  records: readonly DataRecord[],
  fallback: TemplateId,
  t3Template: TemplateId,
  header = false,
): Cut | null {
  if (record === null) {
    const previous = findLast(records, (r) => r.table === table);
    if (previous === undefined && header) {
      // No row of the table read, only its header: the text stops before the first row.
      return { table, record: null, rowLabel: null };
    }
    const tpl = previous ? recordTemplate(previous, fallback, t3Template) : fallback;
    const rowDef = previous?.rowId ? TEMPLATES[tpl].rowById.get(previous.rowId) : undefined;
    return { table, record: null, rowLabel: (rowDef ?? TEMPLATES[tpl].tables[table].rows[0]!).label };
  }
  const tpl = recordTemplate(record, fallback, t3Template);
  const rows = TEMPLATES[tpl].tables[table].rows;
  if (record.rowId === null) {
    const width = T4_ROW_IDS.length * T4_COLUMNS.length;
    const filled = countCells(record.values, record.positional);
    if (filled >= width) {
      return null;
    }
    const rowDef = TEMPLATES[tpl].rowById.get(T4_ROW_IDS[Math.min(2, Math.floor(filled / T4_COLUMNS.length))]!)!;
    return { table, record, rowLabel: rowDef.label };
  }
  const rowDef = TEMPLATES[tpl].rowById.get(record.rowId);
  if (rowDef === undefined) {
    return null;
  }
  const width = rowDef.kind === 'group' && table === '三' ? T3_COLUMNS.length : rowDef.columns.length;
  const short = countCells(record.values, record.positional) < width;
  const lastOfTable = rows[rows.length - 1]!.id === rowDef.id || (table === '四' && rowDef.id === 'litigation_after_review');
  if (!short && lastOfTable) {
    return null;
  }
  return { table, record: short ? record : null, rowLabel: rowDef.label };
}

function countCells(values: readonly string[], positional: boolean): number {
  if (!positional) {
    return values.length;
  }
  let end = values.length;
  while (end > 0 && isBlank(values[end - 1]!)) {
    end--;
  }
  // A positional row keeps its blank cells; only a missing tail counts as cut.
  return values.length === end ? end : values.length;
}

/** LABEL-VARIANT (rule 13): one finding per distinct found label; cells = the cells read under it. */
function variantFindings(variants: readonly Variant[], cells: readonly ReadCell[], records: readonly DataRecord[]): Finding[] {
  if (variants.length === 0) {
    return []; // the usual case: skip the indexes below
  }
  const rowsUnder = new Map<HeaderRecord, Set<string | null>>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.header !== null) {
      const rows = rowsUnder.get(record.header) ?? new Set();
      rows.add(record.rowId);
      rowsUnder.set(record.header, rows);
    }
  }
  const byFound = new Map<string, { official: string; ids: Set<string>; scopes: Set<unknown> }>();
  for (const variant of variants) {
    let entry = byFound.get(variant.found);
    if (entry === undefined) {
      entry = { official: variant.official, ids: new Set(), scopes: new Set() };
      byFound.set(variant.found, entry);
    }
    // The same label in the same place (a repeated table) adds no cells.
    const scope = variant.header ?? `${variant.table}|${variant.rowId}|${variant.colId}`;
    if (entry.scopes.has(scope)) {
      continue;
    }
    entry.scopes.add(scope);
    const headerRows = variant.header === undefined ? null : (rowsUnder.get(variant.header) ?? new Set());
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.table !== variant.table) {
        continue;
      }
      // Every read cell was emitted through its slot (emitCell).
      const { rowId, colId } = SLOT_BY_ID.get(cell.id)!;
      if (variant.rowId !== undefined && rowId !== variant.rowId) {
        continue;
      }
      if (variant.colId !== undefined && colId !== variant.colId) {
        continue;
      }
      if (headerRows !== null && !headerRows.has(rowId)) {
        continue;
      }
      entry.ids.add(cell.id);
    }
  }
  return [...byFound].map(([found, { official, ids }]) =>
    finding(
      'LABEL-VARIANT',
      `“${found}”与格式规定的“${official}”不一致`,
      [...ids].sort((a, b) => (positionOf(a) ?? 0) - (positionOf(b) ?? 0)),
    ),
  );
}
