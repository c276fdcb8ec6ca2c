// A report's cells as an array indexed by a fixed number per cell ID ("slot"), for the table rules
// that read many cells of every report: CELL-BLANK asks for each of ~200 template cells whether it is
// present, and the table 三/四 sums read ~600 operands. Reading them from the cell map cost one hash
// lookup each (a tenth of validation); with the slots a report pays one lookup per present cell, once,
// and the rules read array elements at slots they computed once per template.

import type { ReadCell } from '../report-model.ts';
import { T3_COLUMN_IDS, T3_GROUPS, TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import type { ReportFacts } from './rule.ts';

/**
 * Every cell ID the slot readers may ask for, numbered in a fixed order: the data cells of both
 * templates, and every table 三 row × column — group rows too, which the templates give no cells but a
 * report may fill (`outcome.withheld.total`). Complete before any report is indexed, so a report's
 * array always has every slot a rule reads; an ID outside it is a programming error (slotOf throws).
 */
const SLOTS = new Map<string, number>();

function register(id: string): void {
  if (!SLOTS.has(id)) {
    SLOTS.set(id, SLOTS.size);
  }
}

for (const template of [TEMPLATE_2021, TEMPLATE_2019]) {
  for (const cell of template.cells) {
    register(cell.id);
  }
  for (const row of template.tables.三.rows) {
    for (const column of T3_COLUMN_IDS) {
      register(`${row.id}.${column}`);
    }
  }
}
for (const group of T3_GROUPS) {
  for (const column of T3_COLUMN_IDS) {
    register(`${group.id}.${column}`);
    for (const [sub] of group.subs) {
      register(`${group.id}.${sub}.${column}`);
    }
  }
}

/** The slot of a cell ID; only for rules' precomputed operand lists (not per report). */
export function slotOf(id: string): number {
  const slot = SLOTS.get(id);
  if (slot === undefined) {
    throw new Error(`no slot for cell ${id}`);
  }
  return slot;
}

/** The slots of a list of cell IDs, in its order. */
export function slotsOf(ids: readonly string[]): readonly number[] {
  return ids.map(slotOf);
}

/**
 * A report's cells by slot: `undefined` when absent, else the cell's value (`null` when it holds no
 * number) — what cellValue returns for the same ID. A present cell without a slot (an ID of neither
 * template) is not in it.
 */
export type SlotValues = readonly (number | null | undefined)[];

/** What one walk over a report's present cells gives the cell rules (cellIndexOf). */
export interface CellIndex {
  readonly values: SlotValues;
  /**
   * The present cells other than the usual one: ASCII digits holding a non-negative integer, in the cell
   * map's order. Such a cell passes CELL-TEXT (a plain number), CELL-VALUE (a non-negative integer, and
   * its decimal is not negative) and CELL-SIGN (plain digits) whatever its column kind, so without
   * `--explain` — where passes are not recorded — those three rules only need to look at the others.
   */
  readonly unusual: readonly ReadCell[];
}

// Per cell map (facts are immutable values; a held copy of the facts shares its map).
const INDEXES = new WeakMap<ReadonlyMap<string, ReadCell>, CellIndex>();

/** The report's {@link CellIndex}, made by one walk over its cells on first use. */
export function cellIndexOf(report: ReportFacts): CellIndex {
  const cells = report.cells;
  let index = INDEXES.get(cells);
  if (index === undefined) {
    index = indexCells(cells);
    INDEXES.set(cells, index);
  }
  return index;
}

/** The report's values by slot (cellIndexOf). */
export function slotValuesOf(report: ReportFacts): SlotValues {
  return cellIndexOf(report).values;
}

function indexCells(cells: ReadonlyMap<string, ReadCell>): CellIndex {
  // A holey array: an unset slot reads as undefined, i.e. absent.
  const values: (number | null | undefined)[] = new Array(SLOTS.size);
  const unusual: ReadCell[] = [];
  cells.forEach((cell, id) => {
    const slot = SLOTS.get(id);
    const value = cell.value;
    if (slot !== undefined) {
      values[slot] = value;
    }
    if (value === null || !Number.isInteger(value) || value < 0 || !isAsciiDigits(cell.raw)) {
      unusual.push(cell);
    }
  });
  return { values, unusual };
}

/** Whether a text is one or more ASCII digits and nothing else (`0`, `12`: most cells of most reports). */
function isAsciiDigits(raw: string): boolean {
  const n = raw.length;
  if (n === 0) {
    return false;
  }
  for (let i = 0; i < n; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x30 || code > 0x39) {
      return false;
    }
  }
  return true;
}

// What slotSumPassesQuietly needs of one sum, made once per sum (never per report).
export interface SlotSum {
  /** The operands' slots in the order the sum adds them (its evaluation's cells). */
  readonly slots: readonly number[];
  /** The total's slot (one of `slots`); the others are the parts. */
  readonly total: number;
}

/** The {@link SlotSum} of cells (the parts with `totalId` before or after them, as evaluateSum takes them). */
export function slotSum(cells: readonly string[], totalId: string): SlotSum {
  return { slots: slotsOf(cells), total: slotOf(totalId) };
}

/**
 * Whether evaluateSum (evaluation.ts) over the same cells records nothing while passes are not kept: an
 * operand absent or null (not assessable), or the total equal to the parts, added in the same order.
 */
export function slotSumPassesQuietly(values: SlotValues, sum: SlotSum): boolean {
  const slots = sum.slots;
  let total = 0;
  let parts = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const value = values[slot];
    if (value == null) {
      return true;
    }
    if (slot === sum.total) {
      total = value;
    } else {
      parts += value;
    }
  }
  return total === parts;
}
