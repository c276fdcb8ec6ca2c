// Which template a rule should use for a table of a report (validation-rules.md P5), and the labels
// messages print (P7). In a mixed report each table is judged by the template its cells belong to.

import type { ReadCell } from '../report-model.ts';
import {
  type CellDef,
  type ReportTemplate,
  T3_COLUMNS,
  type TableId,
  TEMPLATE_2019,
  TEMPLATE_2021,
  TEMPLATES,
  type TemplateId,
  templateForYear,
} from '../template.ts';
import type { ReportFacts } from './rule.ts';

const OUTCOME_PREFIX = '三、本年度办理结果/';

/** Template-specific cells present in a report: the evidence of a mixed report (annual-report.md §4.5). */
export interface TemplateMarkers {
  readonly '2019': readonly ReadCell[];
  readonly '2021': readonly ReadCell[];
}

const OTHER_SUB_ROW = /^outcome\.other\.[a-z_]+\.[a-z_]+$/;

/**
 * Present cells that exist in only one template. `outcome.other.<col>` is a 2019 data cell but also the
 * group value a 2021 report may print, so it counts for 2019 only when no 2021 sub-row of it is present.
 */
export function templateMarkers(report: ReportFacts): TemplateMarkers {
  const cells = [...report.cells.values()];
  const hasOtherSubRows = cells.some((c) => OTHER_SUB_ROW.test(c.id));
  const only = (mine: ReportTemplate, other: ReportTemplate) =>
    cells.filter(
      (c) => mine.cellById.has(c.id) && !other.cellById.has(c.id) && !(c.table === '三' && mine.id === '2019' && hasOtherSubRows),
    );
  return { '2019': only(TEMPLATE_2019, TEMPLATE_2021), '2021': only(TEMPLATE_2021, TEMPLATE_2019) };
}

// Every cell rule asks per cell: decide a mixed report's templates once (facts are immutable values).
const MIXED_CACHE = new WeakMap<ReportFacts, Readonly<Record<TableId, TemplateId>>>();

/**
 * The template whose cells a rule uses for one table (P5): the detected one; in a mixed report the one
 * with more cells of its own in that table; with no evidence, the one prescribed for the report year.
 */
export function templateOf(report: ReportFacts, table: TableId): ReportTemplate {
  if (report.template === '2021' || report.template === '2019') {
    return TEMPLATES[report.template];
  }
  const fallback: TemplateId = report.year === null ? '2021' : templateForYear(report.year);
  if (report.template === 'unknown') {
    return TEMPLATES[fallback];
  }
  let perTable = MIXED_CACHE.get(report);
  if (perTable === undefined) {
    const markers = templateMarkers(report);
    const count = (year: TemplateId, t: TableId) => markers[year].filter((c) => c.table === t).length;
    const pick = (t: TableId): TemplateId => {
      const n2019 = count('2019', t);
      const n2021 = count('2021', t);
      return n2019 > n2021 ? '2019' : n2021 > n2019 ? '2021' : fallback;
    };
    perTable = { 二: pick('二'), 三: pick('三'), 四: pick('四') };
    MIXED_CACHE.set(report, perTable);
  }
  return TEMPLATES[perTable[table]];
}

/** The definition of a cell ID in the report's template for its table, else in the other template. */
export function cellDefOf(report: ReportFacts, id: string): CellDef | undefined {
  const cell = report.cells.get(id);
  return cell === undefined ? (TEMPLATE_2021.cellById.get(id) ?? TEMPLATE_2019.cellById.get(id)) : presentCellDef(report, cell);
}

/** cellDefOf of a cell of the report (rules that walk the present cells: no second lookup by ID). */
export function presentCellDef(report: ReportFacts, cell: ReadCell): CellDef | undefined {
  const id = cell.id;
  return templateOf(report, cell.table).cellById.get(id) ?? TEMPLATE_2021.cellById.get(id) ?? TEMPLATE_2019.cellById.get(id);
}

/** A row label as messages print it (P7): table 三 paths lose the leading `三、本年度办理结果/`. */
export function messageRowLabel(label: string): string {
  return label.startsWith(OUTCOME_PREFIX) ? label.slice(OUTCOME_PREFIX.length) : label;
}

/** The official label of a table 三 column. */
export function t3ColumnLabel(columnId: string): string {
  return T3_COLUMNS.find((c) => c.id === columnId)?.label ?? columnId;
}

/** The label of a row in the given template, as messages print it. */
export function rowLabelIn(template: ReportTemplate, rowId: string): string {
  return messageRowLabel(template.rowById.get(rowId)?.label ?? rowId);
}
