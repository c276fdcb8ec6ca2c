// The printable HTML layout: one self-contained page (inline CSS for A4, a CJK font stack), real
// tables whose colspan/rowspan reproduce the merged heads of the official forms
// (国办公开办函〔2021〕30号, 〔2019〕60号), header cells with `scope` for screen readers.

import type { ReportDocument } from '../report-model.ts';
import { type OutlineBlock, outlineReport, reportTitle } from './report-outline.ts';
import type { GridCell, GridRow, TableGrid } from './table-grid.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const STYLE = `
@page { size: A4; margin: 25mm 20mm 22mm; }
:root { color: #000; background: #fff; }
body { margin: 0 auto; max-width: 170mm; padding: 12mm 0; font-family: "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; font-size: 14pt; line-height: 1.75; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; font-size: 20pt; font-weight: bold; text-align: center; line-height: 1.5; margin: 0 0 1em; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 15pt; font-weight: normal; margin: 1em 0 0.5em; break-after: avoid; }
p { margin: 0; text-indent: 2em; }
table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1em; font-size: 10.5pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; vertical-align: middle; font-weight: normal; }
tbody th { text-align: left; }
td.num { font-variant-numeric: tabular-nums; }
td.note { font-size: 9pt; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.signature { margin-top: 2em; text-align: right; }
.signature p { text-indent: 0; }
@media print { body { padding: 0; max-width: none; } }
`.trim();

const attrs = (c: GridCell, extra: string) =>
  `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${extra}`;

function htmlCell(c: GridCell): string {
  const text = escapeHtml(c.text);
  switch (c.role) {
    case 'covered':
      return '';
    case 'corner':
      return `<td${attrs(c, ' class="note"')}>${text}</td>`;
    case 'column-header':
      return `<th${attrs(c, ' scope="col"')}>${text}</th>`;
    case 'column-group':
      return `<th${attrs(c, ' scope="colgroup"')}>${text}</th>`;
    case 'block-header':
      return `<th${attrs(c, ' scope="rowgroup"')}>${text}</th>`;
    case 'row-header':
      return c.text === '' ? `<td${attrs(c, '')}></td>` : `<th${attrs(c, ` scope="${c.rowspan > 1 ? 'rowgroup' : 'row'}"`)}>${text}</th>`;
    case 'value':
      return `<td${attrs(c, ` class="num" data-cell="${escapeHtml(c.id ?? '')}"`)}>${text}</td>`;
  }
}

const htmlRow = (row: GridRow) => `<tr>${row.cells.map(htmlCell).join('')}</tr>`;

/** A table with its official merged head: `<thead>` for tables 三/四, a `<tbody>` per 第二十条 block in table 二. */
export function htmlTable(grid: TableGrid): string {
  const section = (tag: string, rows: readonly GridRow[]) => `<${tag}>\n${rows.map(htmlRow).join('\n')}\n</${tag}>`;
  let sections: string[];
  if (grid.table === '二') {
    const blocks: GridRow[][] = [];
    for (const row of grid.rows) {
      const current = blocks[blocks.length - 1];
      if (row.kind === 'block' || current === undefined) {
        blocks.push([row]);
      } else {
        current.push(row);
      }
    }
    sections = blocks.map((rows) => section('tbody', rows));
  } else {
    const head = grid.rows.filter((row) => row.kind === 'header');
    sections = [section('thead', head), section('tbody', grid.rows.slice(head.length))];
  }
  return `<table aria-label="${escapeHtml(`表${grid.table} ${grid.heading}`)}">\n${sections.join('\n')}\n</table>`;
}

function htmlBlock(block: OutlineBlock): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return htmlTable(block.grid);
    case 'signature':
      return `<div class="signature">${block.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
  }
}

/**
 * The report's blocks as HTML fragments for embedding in a page whose style sheet provides the
 * layout (no inline CSS): the title left out (the page shows it as its heading), each table wrapped
 * in a labelled, keyboard-focusable region so a wide table scrolls on a phone or at 200 % zoom.
 */
export function renderHtmlBody(doc: ReportDocument): string {
  return outlineReport(doc, 'when-filled')
    .filter((block) => block.kind !== 'title')
    .map((block) =>
      block.kind === 'table'
        ? `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(`表${block.grid.table}`)}">${htmlTable(block.grid)}</div>`
        : htmlBlock(block),
    )
    .join('\n');
}

/** Renders the whole report as one printable HTML page (A4). */
export function renderHtml(doc: ReportDocument): string {
  const body = outlineReport(doc, 'when-filled').map(htmlBlock);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(reportTitle(doc))}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
