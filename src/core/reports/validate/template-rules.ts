// Template form rules owned by the table side (validation-rules.md rule 12): a report whose tables mix
// the 2019 trial format (国办公开办函〔2019〕60号) with the 2021 format (国办公开办函〔2021〕30号).

import type { ReadCell } from '../report-model.ts';
import { TEMPLATE_2019, TEMPLATE_2021 } from '../template.ts';
import { evaluated } from './evaluation.ts';
import type { RuleCheck } from './rule.ts';
import { messageRowLabel, templateMarkers } from './template-of.ts';

const EXAMPLES_PER_TEMPLATE = 2;

/**
 * The label that makes a cell template-specific: in table 二 the column when only that template has it
 * (`本年新制作数量`), else the row (`政府集中采购`); in table 三 `（六）其他处理` as a data row (2019) or its sub-rows (2021).
 */
function markerLabel(cell: ReadCell, year: '2019' | '2021'): string {
  const other = year === '2019' ? TEMPLATE_2021 : TEMPLATE_2019;
  if (cell.table === '二') {
    const columnElsewhere = other.tables.二.blocks.some((b) => b.columns.some((c) => c.label === cell.column));
    return columnElsewhere ? cell.row : cell.column;
  }
  const path = messageRowLabel(cell.row).split('/');
  return path.length > 1 ? `${path[0]}的分项` : (path[0] ?? cell.row);
}

/**
 * Up to two labels of one template's: its cells', else — no cell of it was read (a text cut in table 二's header,
 * `本年新制作数量 | 本年废止件数`) — the labels the reader found.
 */
function examplesOf(cells: readonly ReadCell[], labels: readonly string[], year: '2019' | '2021'): string {
  return [...new Set(cells.length > 0 ? cells.map((c) => markerLabel(c, year)) : labels)]
    .slice(0, EXAMPLES_PER_TEMPLATE)
    .map((label) => `“${label}”`)
    .join('');
}

/** TPL-MIXED: the tables carry columns or rows of both templates; examples name some of each (rule 12). */
export const checkTemplateMixed: RuleCheck = ({ report }) => {
  const mixed = report.template === 'mixed';
  return [
    evaluated({
      rule: 'TPL-MIXED',
      subject: 'report',
      expression: 'template ≠ mixed',
      left: report.template,
      right: 'mixed',
      holds: !mixed,
      cells: [],
      message: () => {
        const markers = templateMarkers(report);
        const examples = (year: '2019' | '2021'): string => examplesOf(markers[year], report.templateLabels?.[year] ?? [], year);
        const parts = [examples('2019'), examples('2021')].flatMap((found, i) =>
          found === '' ? [] : [`${i === 0 ? '2019' : '2021'}年格式${found}`],
        );
        return `表格同时含有2019年格式和2021年格式的栏目（${parts.join('，')}）`;
      },
    }),
  ];
};

/** The template rules of the table side, in catalogue order. */
export const TEMPLATE_RULES: readonly RuleCheck[] = [checkTemplateMixed];
