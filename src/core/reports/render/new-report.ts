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

/**
 * The standard opening paragraph of a report (no figures in it, so no narrative check reads one): what
 * the report is based on and what it covers, in the order of the six sections.
 */
export const OPENING_PARAGRAPH =
  '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告格式的要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。';

/** The date line of a 落款 still to be dated: filled in by the author, left as is in a rendered report. */
export const SIGNATURE_DATE_PLACEHOLDER = '　　年　　月　　日';

/** Whether a paragraph is the standard opening (or another one that says what the report is based on). */
export function isOpeningParagraph(text: string): boolean {
  return /^本(?:年度)?报告(?:是)?(?:根据|依据|按照)/u.test(text.trim());
}

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
    preamble: [OPENING_PARAGRAPH, statisticalPeriodSentence(year)],
    sections,
    cells: new Map<string, CellEntry>(),
    signature: { agency: agency ?? '', date: SIGNATURE_DATE_PLACEHOLDER },
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
