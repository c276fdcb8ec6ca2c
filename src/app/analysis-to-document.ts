// Turns what the reader found in a report into a ReportDocument, so any readable report can be
// rendered into every format (`report render`): cells as read, narrative paragraphs per section.

import type { ReportAnalysis } from '#core/reports/read/read-report.ts';
import { renderedColumns } from '#core/reports/render/document-cells.ts';
import { isOpeningParagraph, OPENING_PARAGRAPH, SIGNATURE_DATE_PLACEHOLDER } from '#core/reports/render/new-report.ts';
import type { CellEntry, ReportDocument } from '#core/reports/report-model.ts';
import { type SectionId, splitCellId, TEMPLATES, type TemplateId, templateForYear } from '#core/reports/template.ts';

const TITLE = /政府信息公开工作年度报告\s*$/u;
/**
 * The worksheet scaffolding of a workbook from `report new --to xlsx` (报告机关：…, 见工作表…) and an
 * undated 落款: helpers for the author, never part of the published text (issue #10).
 */
const SCAFFOLDING = /^(?:报告(?:机关|年度|格式)：.*|（见工作表“[^”]*”）|年月日)$/u;

/** The template to render a reading in: as detected, else the one with more cells, else the year's. */
export function renderTemplateOf(analysis: ReportAnalysis): TemplateId {
  const { template, year, cells } = analysis.reading;
  if (template === '2021' || template === '2019') {
    return template;
  }
  if (template === 'mixed') {
    const score = (id: TemplateId) => cells.filter((c) => TEMPLATES[id].cellById.get(c.id)?.column === c.column).length;
    return score('2019') > score('2021') ? '2019' : '2021';
  }
  return year === null ? '2021' : templateForYear(year);
}

/** Builds the document: cells that belong to the chosen template, paragraphs without title and signature lines. */
export function analysisToDocument(analysis: ReportAnalysis): ReportDocument {
  const template = renderTemplateOf(analysis);
  const definition = TEMPLATES[template];
  const cells = new Map<string, CellEntry>();
  // A template cell, or a number the report printed in a table 三 group row (`outcome.withheld.total`):
  // the renderers show those too, so `report render` must not drop them.
  const belongs = (id: string): boolean => {
    if (definition.cellById.has(id)) {
      return true;
    }
    const { rowId, colId } = splitCellId(id);
    const row = definition.rowById.get(rowId);
    return (
      row !== undefined &&
      row.kind === 'group' &&
      definition.tables['三'].rows.includes(row) &&
      renderedColumns('三', row).some((c) => c.id === colId)
    );
  };
  for (const cell of analysis.reading.cells) {
    if (belongs(cell.id)) {
      cells.set(cell.id, { value: cell.value, raw: cell.raw });
    }
  }
  const text = analysis.facts?.text;
  const signature = text?.signature;
  const signatureLines = new Set<string>();
  if (signature) {
    signatureLines.add(signature.date.raw.replace(/\s+/gu, ''));
    if (signature.agency !== null) {
      signatureLines.add(signature.agency.replace(/\s+/gu, ''));
    }
  }
  let authored = false;
  const keep = (line: string) => {
    const compact = line.replace(/\s+/gu, '');
    if (SCAFFOLDING.test(compact)) {
      authored = true;
      return false;
    }
    return compact !== '' && !TITLE.test(compact) && !signatureLines.has(compact);
  };
  const sections: Partial<Record<SectionId, string[]>> = {};
  let preamble: string[] = [];
  for (const section of text?.sections ?? []) {
    const lines = section.lines.filter(keep);
    if (section.id === 'preamble') {
      // The title block is re-rendered from agency and year; drop a bare agency line above the title.
      preamble = lines.filter((l) => l.replace(/\s+/gu, '') !== (analysis.reading.agency ?? '\u0000'));
    } else {
      sections[section.id] = [...(sections[section.id] ?? []), ...lines];
    }
  }
  const agency = analysis.reading.agency;
  const dated = signature?.date.iso != null ? { agency: signature.agency ?? agency ?? '', date: signature.date.iso } : undefined;
  // An authored workbook is published as a report: the standard opening when the author wrote none,
  // and a 落款 with the agency of its metadata (the date as the author gave it, else a line to date).
  const opening = authored && !preamble.some(isOpeningParagraph) ? [OPENING_PARAGRAPH] : [];
  const stamp = dated ?? (authored ? { agency: agency ?? '', date: SIGNATURE_DATE_PLACEHOLDER } : undefined);
  return {
    template,
    agency,
    year: analysis.reading.year,
    preamble: [...opening, ...preamble],
    sections,
    cells,
    ...(stamp === undefined ? {} : { signature: stamp }),
  };
}
