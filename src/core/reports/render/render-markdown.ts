// The Markdown layout: `#` headings and pipe tables. Markdown tables have one header row, so the
// multi-level heads of tables 三 and 四 are flattened: leaf labels (the reader contract's `column`),
// and header paths joined with `/` (the spec's notation for parent headers, annual-report.md §3.2)
// where a leaf label alone would be ambiguous.

import type { ReportDocument } from '../report-model.ts';
import { renderTextReport } from './report-outline.ts';
import { expandGrid, type GridPosition, type TableGrid } from './table-grid.ts';

const escapeCell = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
const markdownRow = (texts: readonly string[]) => `| ${texts.map(escapeCell).join(' | ')} |`;

/** The header cells above one data column, outermost first, without a header spanning all data columns (申请人情况). */
function headerPath(grid: TableGrid, column: readonly GridPosition[]): string[] {
  const labels: string[] = [];
  for (const { source } of column) {
    const spansAll = source.colspan === grid.width - grid.labelColumns;
    if ((source.role === 'column-header' || source.role === 'column-group') && !spansAll && !labels.includes(source.text)) {
      labels.push(source.text);
    }
  }
  return labels;
}

/**
 * A table as a Markdown table. The label columns fold into one (each row has its own label: the
 * ordinals 一、（一）1. show the nesting), so a row is its label then its cells. A multi-level head
 * flattens to one row of leaf labels, a leaf label that repeats (table 四's 结果维持 …) qualified by its
 * header path (`行政诉讼/复议后起诉/总计`); a table without a head (table 二) starts with its first row.
 */
export function markdownTable(grid: TableGrid): readonly string[] {
  const matrix = expandGrid(grid);
  const headRows = Math.max(
    0,
    grid.rows.findIndex((row) => row.kind !== 'header'),
  );
  const text = (p: GridPosition) => (p.first ? p.source.text : '');
  const fold = (line: readonly GridPosition[]): string[] => {
    if (grid.labelColumns === 0) {
      return line.map(text);
    }
    const label = line
      .slice(0, grid.labelColumns)
      .map(text)
      .filter((t) => t !== '');
    return [label.at(-1) ?? '', ...line.slice(grid.labelColumns).map(text)];
  };
  let header: string[];
  if (headRows === 0) {
    header = fold(matrix[0] ?? []);
  } else {
    const head = matrix.slice(0, headRows);
    const paths = Array.from({ length: grid.width - grid.labelColumns }, (_, i) =>
      headerPath(
        grid,
        head.flatMap((line) => line[grid.labelColumns + i] ?? []),
      ),
    );
    const leaves = paths.map((path) => path.at(-1) ?? '');
    const data = paths.map((path, i) =>
      leaves.indexOf(leaves[i] ?? '') === leaves.lastIndexOf(leaves[i] ?? '') ? (leaves[i] ?? '') : path.join('/'),
    );
    header = grid.labelColumns === 0 ? data : [fold(head[0] ?? [])[0] ?? '', ...data];
  }
  const body = matrix.slice(headRows === 0 ? 1 : headRows).map(fold);
  return [markdownRow(header), markdownRow(header.map(() => '---')), ...body.map(markdownRow)];
}

/** Renders the whole report as Markdown: `#` title, `##` section headings, paragraphs, tables. */
export function renderMarkdown(doc: ReportDocument): string {
  return renderTextReport(doc, {
    title: (text) => [`# ${text}`],
    heading: (text) => [`## ${text}`],
    paragraph: (text) => [text],
    table: markdownTable,
    signature: (lines) => lines.flatMap((line, i) => (i === 0 ? [line] : ['', line])),
    between: [''],
  });
}
