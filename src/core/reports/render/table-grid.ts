// Tables 二, 三 and 四 as grids of merged cells, built once from the template and shared by every
// layout: HTML writes the spans, text layouts flatten them the way word processors export tables.
// The merged headers follow the official forms (国办公开办函〔2021〕30号, 〔2019〕60号;
// annual-report.md §3–§4).

import type { CellEntry } from '../report-model.ts';
import { type ReportTemplate, type RowDef, T3_COLUMNS, T3_HEADER, T3_TOP_LEFT, T4_COLUMNS, T4_HEADER, type TableId } from '../template.ts';
import { renderedColumns } from './document-cells.ts';

/**
 * What a grid cell is: the table 三 note in the top-left corner, a column header, a header over a group
 * of column headers (申请人情况, 法人或其他组织, 行政复议, 行政诉讼 …), a table 二 block header
 * (第二十条第（…）项), a row label, a value, or a position covered by a cell above (rowspan).
 */
export type GridCellRole = 'corner' | 'column-header' | 'column-group' | 'block-header' | 'row-header' | 'value' | 'covered';

/** One cell of a table grid, as a word processor holds it: text with its row and column spans. */
export interface GridCell {
  readonly role: GridCellRole;
  /** Label, or for a value cell the cell's raw text ('' when absent); '' for covered positions. */
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
  /** Value cells: the cell ID (present or not). */
  readonly id?: string;
}

/** header = the table head; block = a table 二 block header; group = a table 三 group row; body = a data row. */
export type GridRowKind = 'header' | 'block' | 'group' | 'body';

/** One row of a table grid. */
export interface GridRow {
  readonly kind: GridRowKind;
  /** Cells left to right; a covered position stands where a cell above reaches down. */
  readonly cells: readonly GridCell[];
  /** The template row (body and group rows). */
  readonly rowId?: string;
}

/** Table 二, 三 or 四 as a grid of merged cells (the official forms, annual-report.md §3–§4). */
export interface TableGrid {
  readonly table: TableId;
  readonly heading: string;
  /** Number of grid columns. */
  readonly width: number;
  /** Leading grid columns that hold row labels. */
  readonly labelColumns: number;
  readonly rows: readonly GridRow[];
}

/**
 * Whether table 三 group rows get a row of their own: `always` (text layouts: one line per template
 * row, the group as a label row) or `when-filled` (the official form: the group label spans its
 * sub-rows, and gets its own row only when the report printed numbers in it).
 */
export type GroupRowMode = 'always' | 'when-filled';

type Cells = ReadonlyMap<string, CellEntry>;

const cell = (role: GridCellRole, text: string, colspan = 1, rowspan = 1, id?: string): GridCell =>
  id === undefined ? { role, text, colspan, rowspan } : { role, text, colspan, rowspan, id };
const covered = (colspan = 1): GridCell => cell('covered', '', colspan);
const valueCell = (cells: Cells, id: string, colspan = 1): GridCell => cell('value', cells.get(id)?.raw ?? '', colspan, 1, id);

/** Table 二: per block a block-header row, a `信息内容` header row, then its data rows; the last column of a narrow block spans the rest. */
export function table2Grid(template: ReportTemplate, cells: Cells): TableGrid {
  const def = template.tables.二;
  const width = 1 + Math.max(...def.blocks.map((b) => b.columns.length));
  const rows: GridRow[] = def.blocks.flatMap((block): GridRow[] => {
    const spanOf = (index: number) => (index === block.columns.length - 1 ? width - block.columns.length : 1);
    const header: GridRow = {
      kind: 'header',
      cells: [cell('column-header', '信息内容'), ...block.columns.map((c, i) => cell('column-header', c.label, spanOf(i)))],
    };
    const data = def.rows
      .filter((row) => row.block === block.id)
      .map(
        (row): GridRow => ({
          kind: 'body',
          rowId: row.id,
          cells: [cell('row-header', row.label), ...row.columns.map((c, i) => valueCell(cells, `${row.id}.${c.id}`, spanOf(i)))],
        }),
      );
    return [{ kind: 'block', cells: [cell('block-header', block.label, width)] }, header, ...data];
  });
  return { table: '二', heading: def.heading, width, labelColumns: 1, rows };
}

const T3_LABEL_COLUMNS = 3;

/**
 * Table 三: three header rows (申请人情况 over 自然人, 法人或其他组织 over the five kinds, 总计), then one
 * row per template row with three label columns: top-level row, 三、本年度办理结果's items, sub-rows.
 */
export function table3Grid(template: ReportTemplate, cells: Cells, mode: GroupRowMode): TableGrid {
  const def = template.tables.三;
  const orgKinds = T3_COLUMNS.length - 2;
  const header: GridRow[] = [
    {
      kind: 'header',
      cells: [cell('corner', T3_TOP_LEFT, T3_LABEL_COLUMNS, 3), cell('column-group', T3_HEADER.applicant, T3_COLUMNS.length)],
    },
    {
      kind: 'header',
      cells: [
        covered(T3_LABEL_COLUMNS),
        cell('column-header', T3_COLUMNS[0]?.label ?? '', 1, 2),
        cell('column-group', T3_HEADER.legal_person_or_org, orgKinds),
        cell('column-header', T3_COLUMNS[T3_COLUMNS.length - 1]?.label ?? '', 1, 2),
      ],
    },
    {
      kind: 'header',
      cells: [covered(T3_LABEL_COLUMNS), covered(), ...T3_COLUMNS.slice(1, -1).map((c) => cell('column-header', c.label)), covered()],
    },
  ];

  const filled = (row: RowDef) => renderedColumns('三', row).some((c) => cells.has(`${row.id}.${c.id}`));
  const emitted = def.rows.filter((row) => row.kind === 'data' || mode === 'always' || filled(row));
  const ancestorsOf = (row: RowDef): RowDef[] => {
    const chain: RowDef[] = [];
    for (let id = row.parent; id !== undefined; id = template.rowById.get(id)?.parent) {
      const parent = template.rowById.get(id);
      if (parent !== undefined) {
        chain.unshift(parent);
      }
    }
    return chain;
  };
  // Rows below a group, in the column of the group's label.
  const below = (group: RowDef) => emitted.filter((row) => ancestorsOf(row).includes(group)).length;
  const placed = new Set<string>();

  const body = emitted.map((row): GridRow => {
    // An ancestor's column: its label spanning the rows below it (the official form), or — when the
    // group has a row of its own — an empty cell, so every row has its label then its seven cells.
    const labels: GridCell[] = ancestorsOf(row).map((ancestor) => {
      if (placed.has(ancestor.id)) {
        return covered();
      }
      placed.add(ancestor.id);
      return cell('row-header', emitted.includes(ancestor) ? '' : ancestor.shortLabel, 1, below(ancestor));
    });
    labels.push(cell('row-header', row.shortLabel, T3_LABEL_COLUMNS - row.depth));
    const values = renderedColumns('三', row).map((c) => valueCell(cells, `${row.id}.${c.id}`));
    return { kind: row.kind === 'group' ? 'group' : 'body', rowId: row.id, cells: [...labels, ...values] };
  });
  return {
    table: '三',
    heading: def.heading,
    width: T3_LABEL_COLUMNS + T3_COLUMNS.length,
    labelColumns: T3_LABEL_COLUMNS,
    rows: [...header, ...body],
  };
}

/** Table 四: 行政复议 (5) and 行政诉讼 (10: 未经复议直接起诉, 复议后起诉) over the five result columns, one data row of 15 cells. */
export function table4Grid(template: ReportTemplate, cells: Cells): TableGrid {
  const def = template.tables.四;
  const n = T4_COLUMNS.length;
  const leaves = T4_COLUMNS.map((c) => cell('column-header', c.label));
  const rows: GridRow[] = [
    { kind: 'header', cells: [cell('column-group', T4_HEADER.review, n), cell('column-group', T4_HEADER.litigation, 2 * n)] },
    {
      kind: 'header',
      cells: [
        ...T4_COLUMNS.map((c) => cell('column-header', c.label, 1, 2)),
        cell('column-group', T4_HEADER.direct, n),
        cell('column-group', T4_HEADER.after_review, n),
      ],
    },
    { kind: 'header', cells: [...T4_COLUMNS.map(() => covered()), ...leaves, ...leaves] },
    { kind: 'body', cells: def.rows.flatMap((row) => row.columns.map((c) => valueCell(cells, `${row.id}.${c.id}`))) },
  ];
  return { table: '四', heading: def.heading, width: 3 * n, labelColumns: 0, rows };
}

/** The grid of one table of a document. */
export function tableGrid(template: ReportTemplate, table: TableId, cells: Cells, mode: GroupRowMode): TableGrid {
  if (table === '二') {
    return table2Grid(template, cells);
  }
  return table === '三' ? table3Grid(template, cells, mode) : table4Grid(template, cells);
}

/**
 * A row as a word processor exports it to text: one entry per cell, a spanning cell once, a position
 * covered from above as an empty placeholder (as in the seeds 000, 001 and 004).
 */
export function exportedRow(row: GridRow): readonly string[] {
  return row.cells.map((c) => c.text);
}

/** One position of the full rectangle: the cell that covers it, and whether it is that cell's top-left position. */
export interface GridPosition {
  readonly source: GridCell;
  readonly first: boolean;
}

/** The grid as a full rectangle: every position knows the (spanning) cell that covers it. */
export function expandGrid(grid: TableGrid): readonly (readonly GridPosition[])[] {
  const matrix: GridPosition[][] = [];
  grid.rows.forEach((row, r) => {
    const line: GridPosition[] = [];
    for (const c of row.cells) {
      for (let i = 0; i < c.colspan; i++) {
        const above = matrix[r - 1]?.[line.length];
        line.push(c.role === 'covered' && above !== undefined ? { source: above.source, first: false } : { source: c, first: i === 0 });
      }
    }
    matrix.push(line);
  });
  return matrix;
}
