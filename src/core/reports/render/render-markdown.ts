// The Markdown layout: `#` headings and pipe tables. Markdown tables have one header row, so the
// multi-level heads of tables 三 and 四 are flattened into header paths joined with `/`, the spec's
// own notation for parent headers (annual-report.md §3.2, §3.4); every other row keeps its positions.

import type { ReportDocument } from '../report-model.ts';
import { renderTextReport } from './report-outline.ts';
import { expandGrid, type GridPosition, type TableGrid } from './table-grid.ts';

const escapeCell = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
const markdownRow = (texts: readonly string[]) => `| ${texts.map(escapeCell).join(' | ')} |`;

/**
 * The header of one column: the labels of every header cell above it, outermost first, leaving out a
 * header that spans all data columns (申请人情况 says nothing about one column).
 */
function flatHeader(grid: TableGrid, column: readonly GridPosition[]): string {
  const labels: string[] = [];
  for (const { source } of column) {
    const spansAll = source.colspan === grid.width - grid.labelColumns;
    if ((source.role === 'column-header' || source.role === 'corner') && !spansAll && !labels.includes(source.text)) {
      labels.push(source.text);
    }
  }
  return labels.join('/');
}

/** A table as a Markdown table: the flattened head (or the first row when the table has no head), `|---|`, the rows. */
export function markdownTable(grid: TableGrid): readonly string[] {
  const matrix = expandGrid(grid);
  const headRows = grid.rows.findIndex((row) => row.kind !== 'header');
  const texts = (line: readonly GridPosition[]) => line.map((p) => (p.first ? p.source.text : ''));
  const [first, ...rest] = matrix;
  if (first === undefined) {
    return [];
  }
  const header =
    headRows > 0
      ? Array.from({ length: grid.width }, (_, col) => {
          const column = matrix.slice(0, headRows).map((line) => line[col]);
          return col < grid.labelColumns && col > 0
            ? ''
            : flatHeader(
                grid,
                column.filter((p) => p !== undefined),
              );
        })
      : texts(first);
  const body = headRows > 0 ? matrix.slice(headRows) : rest;
  return [markdownRow(header), markdownRow(header.map(() => '---')), ...body.map((line) => markdownRow(texts(line)))];
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
