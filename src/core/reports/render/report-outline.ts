// The whole report as a sequence of blocks — title, preamble, the six sections with their paragraphs
// and tables, signature — walked once here so that every layout only formats blocks
// (《政府信息公开条例》第四十九、五十条; the six sections of annual-report.md §2).

import type { ReportDocument } from '../report-model.ts';
import { type SectionId, TEMPLATES } from '../template.ts';
import { formatChineseDate } from './document-cells.ts';
import { type GroupRowMode, type TableGrid, tableGrid } from './table-grid.ts';

/** One block of a report in reading order (annual-report.md §2: title, six sections, signature). */
export type OutlineBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly section: SectionId; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly grid: TableGrid }
  /** Organ name (may be absent) and date `YYYY年M月D日`. */
  | { readonly kind: 'signature'; readonly lines: readonly string[] };

/** The report title: `<agency><year>年政府信息公开工作年度报告`, leaving out what the document does not know. */
export function reportTitle(doc: Pick<ReportDocument, 'agency' | 'year'>): string {
  return `${doc.agency ?? ''}${doc.year === null ? '' : `${doc.year}年`}政府信息公开工作年度报告`;
}

// A paragraph is one line of plain text: a tab or a line break inside it would read as a table row.
const paragraphsOf = (texts: readonly string[]): OutlineBlock[] =>
  texts
    .flatMap((text) => text.split(/\r?\n/))
    .map((line) => line.replace(/\t+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((text) => ({ kind: 'paragraph', text }));

/** Walks a document in reading order: title, preamble, each section's heading, paragraphs and table, signature. */
export function outlineReport(doc: ReportDocument, mode: GroupRowMode): readonly OutlineBlock[] {
  const template = TEMPLATES[doc.template];
  const blocks: OutlineBlock[] = [{ kind: 'title', text: reportTitle(doc) }, ...paragraphsOf(doc.preamble)];
  for (const section of template.sections) {
    blocks.push({ kind: 'heading', section: section.id, text: section.heading });
    blocks.push(...paragraphsOf(doc.sections[section.id] ?? []));
    if (section.table !== undefined) {
      blocks.push({ kind: 'table', grid: tableGrid(template, section.table, doc.cells, mode) });
    }
  }
  if (doc.signature !== undefined) {
    const lines = [doc.signature.agency.trim(), formatChineseDate(doc.signature.date)].filter((line) => line !== '');
    blocks.push({ kind: 'signature', lines });
  }
  return blocks;
}

/** How a plain-text layout writes each kind of block, as lines. */
export interface TextLayout {
  readonly title: (text: string) => readonly string[];
  readonly heading: (text: string) => readonly string[];
  readonly paragraph: (text: string) => readonly string[];
  readonly table: (grid: TableGrid) => readonly string[];
  readonly signature: (lines: readonly string[]) => readonly string[];
  /** Lines between two blocks (e.g. one empty line). */
  readonly between: readonly string[];
}

/** The plain-text layouts (tab, cells, pipe) write every block but tables as its lines, nothing between; each adds its tables. */
export const PLAIN_TEXT_BLOCKS = {
  title: (text) => [text],
  heading: (text) => [text],
  paragraph: (text) => [text],
  signature: (lines) => lines,
  between: [],
} as const satisfies Omit<TextLayout, 'table'>;

/** Renders the whole document with a text layout: table 三 group rows get a line of their own. */
export function renderTextReport(doc: ReportDocument, layout: TextLayout): string {
  const format = (block: OutlineBlock): readonly string[] => {
    if (block.kind === 'table') {
      return layout.table(block.grid);
    }
    return block.kind === 'signature' ? layout.signature(block.lines) : layout[block.kind](block.text);
  };
  const parts = outlineReport(doc, 'always').map(format);
  const lines = parts.flatMap((part, i) => (i === 0 ? part : [...layout.between, ...part]));
  return `${lines.join('\n')}\n`;
}
