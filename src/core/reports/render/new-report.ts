// A blank annual report to author: the template's six sections with the sub-headings 30号 asks for in
// 一、总体情况, every table cell left empty (missing is not zero) for the author to fill.

import type { CellEntry, ReportDocument } from '../report-model.ts';
import { type SectionId, TEMPLATES, type TemplateId } from '../template.ts';

/**
 * The five items of 一、总体情况 that 国办公开办函〔2021〕30号 asks for (主动公开、依申请公开、政府信息管理、
 * 政府信息公开平台建设、监督保障), as the sub-headings all five seeds use (annual-report.md §2).
 */
export const OVERVIEW_SUBHEADINGS = [
  '（一）主动公开情况。',
  '（二）依申请公开情况。',
  '（三）政府信息管理情况。',
  '（四）政府信息公开平台建设情况。',
  '（五）监督保障情况。',
] as const;

/** The statistical-period sentence reports open with (annual-report.md §1, seed 000). */
export function statisticalPeriodSentence(year: number): string {
  return `本报告统计期限自${year}年1月1日起至${year}年12月31日止。`;
}

/**
 * A blank report for a year: title and the template's section headings (rendered from the template),
 * the statistical period, the 总体情况 sub-headings, and no cells — each table cell is empty until filled.
 */
export function newBlankReport(template: TemplateId, year: number, agency: string | null = null): ReportDocument {
  const sections: Partial<Record<SectionId, readonly string[]>> = {};
  for (const section of TEMPLATES[template].sections) {
    sections[section.id] = section.id === 'overview' ? [...OVERVIEW_SUBHEADINGS] : [];
  }
  return {
    template,
    agency,
    year,
    preamble: [statisticalPeriodSentence(year)],
    sections,
    cells: new Map<string, CellEntry>(),
  };
}

/** The document with every absent data cell of its template set to 0 (present cells are kept as they are). */
export function fillZeros(doc: ReportDocument): ReportDocument {
  const cells = new Map(doc.cells);
  for (const cell of TEMPLATES[doc.template].cells) {
    if (!cells.has(cell.id)) {
      cells.set(cell.id, { value: 0, raw: '0' });
    }
  }
  return { ...doc, cells };
}
