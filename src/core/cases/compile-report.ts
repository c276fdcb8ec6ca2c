// The annual report compiled from data (issue #7, annual-report.md): tables 三 and 四 from the case
// tally, table 二 and the narrative as staff recorded them, then read back and validated like any
// published report, so the findings are those of the document an agency would publish.

import { type ReportAnalysis, readReport } from '#core/reports/read/read-report.ts';
import { newBlankReport } from '#core/reports/render/new-report.ts';
import { renderTab } from '#core/reports/render/render-tab.ts';
import type { CellEntry, ReportDocument } from '#core/reports/report-model.ts';
import { type SectionId, TEMPLATES, templateForYear } from '#core/reports/template.ts';
import { DEFAULT_VALIDATION_SETTINGS, type ValidationSettings } from '#core/reports/validate/rule.ts';

export interface CompileReportInput {
  /** The organ's name as the report's title and signature print it. */
  readonly agency: string;
  readonly year: number;
  /** Every cell of tables 三 and 四 (tallyCases or the SQL aggregation). */
  readonly tally: ReadonlyMap<string, number>;
  /** Table 二 cells recorded by staff (absent when nobody recorded them: missing is not zero). */
  readonly table2?: ReadonlyMap<string, CellEntry>;
  /** Narrative paragraphs per section, as entered; sections not given keep the blank report's. */
  readonly sections?: Readonly<Partial<Record<SectionId, readonly string[]>>>;
  /** Signature date (YYYY-MM-DD). */
  readonly signedOn?: string;
}

/** The report document: the year's template, tallied cells as counts, table 二 cells of that template only. */
export function compileReportDocument(input: CompileReportInput): ReportDocument {
  const template = TEMPLATES[templateForYear(input.year)];
  const blank = newBlankReport(template.id, input.year, input.agency);
  const cells = new Map<string, CellEntry>();
  for (const cell of template.cells) {
    if (cell.table === '二') {
      const entry = input.table2?.get(cell.id);
      if (entry !== undefined) {
        cells.set(cell.id, entry);
      }
    } else {
      const value = input.tally.get(cell.id) ?? 0;
      cells.set(cell.id, { value, raw: String(value) });
    }
  }
  return {
    ...blank,
    sections: { ...blank.sections, ...input.sections },
    cells,
    ...(input.signedOn === undefined ? {} : { signature: { agency: input.agency, date: input.signedOn } }),
  };
}

/** Reads a document as its published text would be read (tab layout) and runs every validation rule. */
export function analyseReportDocument(
  doc: ReportDocument,
  source: string,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): ReportAnalysis {
  return readReport({ blocks: [{ kind: 'text', text: renderTab(doc) }] }, source, settings);
}
