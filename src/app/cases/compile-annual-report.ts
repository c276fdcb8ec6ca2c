// compileAnnualReport: `gongkai report compile --agency SLUG --year YYYY` (issue #7). Tables 三 and 四
// from one SQL aggregation over the agency's cases and appeals, table 二 and the narrative from what
// staff recorded, then read back and validated: one gongkai/report-read@1 analysis with its findings.

import { analyseReportDocument, compileReportDocument } from '#core/cases/compile-report.ts';
import { isOutcomeCode } from '#core/cases/outcome-codes.ts';
import { outcomeRowFor } from '#core/cases/tally-cases.ts';
import { parseCellValue } from '#core/reports/read/parse-cell-value.ts';
import type { ReportAnalysis } from '#core/reports/read/read-report.ts';
import type { CellEntry, ReportDocument } from '#core/reports/report-model.ts';
import { SECTION_IDS, type SectionId, TEMPLATES, templateForYear } from '#core/reports/template.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { AggregatedYear, CaseDeps } from '../case-ports.ts';
import { requireAgency } from './case-context.ts';

export interface CompiledReport {
  readonly analysis: ReportAnalysis;
  readonly document: ReportDocument;
  /** Every cell of tables 三 and 四, as counted. */
  readonly tally: ReadonlyMap<string, number>;
}

/** The report years a compile accepts. */
export const COMPILE_YEAR_MIN = 2019;
export const COMPILE_YEAR_MAX = 2100;

/** Tables 三 and 四 cells from the aggregation's rows (per applicant type / appeal kind), totals added. */
export function cellsOfAggregation(aggregated: AggregatedYear, year: number): Map<string, number> {
  const template = TEMPLATES[templateForYear(year)];
  const cells = new Map<string, number>();
  for (const cell of template.cells) {
    if (cell.table !== '二') {
      cells.set(cell.id, 0);
    }
  }
  const add = (id: string, n: number) => cells.set(id, (cells.get(id) ?? 0) + n);
  for (const { applicantType, counts } of aggregated.applications) {
    for (const [key, n] of Object.entries(counts)) {
      const row = isOutcomeCode(key) ? outcomeRowFor(key, template) : key;
      add(`${row}.${applicantType}`, n);
      add(`${row}.total`, n);
    }
  }
  for (const { kind, counts } of aggregated.appeals) {
    for (const [column, n] of Object.entries(counts)) {
      add(`${kind}.${column}`, n);
      add(`${kind}.total`, n);
    }
  }
  return cells;
}

/** Staff entries (`cell:<id>`, `section:<id>`) as table 二 cells and narrative sections of the year's template. */
export function entriesToReport(entries: ReadonlyMap<string, string>, year: number) {
  const template = TEMPLATES[templateForYear(year)];
  const table2 = new Map<string, CellEntry>();
  const sections: Partial<Record<SectionId, readonly string[]>> = {};
  for (const [key, value] of entries) {
    if (key.startsWith('cell:')) {
      const id = key.slice(5);
      if (template.cellById.get(id)?.table === '二') {
        table2.set(id, { value: parseCellValue(value), raw: value });
      }
    } else if (key.startsWith('section:')) {
      const id = key.slice(8) as SectionId;
      if ((SECTION_IDS as readonly string[]).includes(id)) {
        sections[id] = value.split('\n').filter((p) => p.trim() !== '');
      }
    }
  }
  return { table2, sections };
}

/**
 * Compiles the agency's report for `year` and validates it (validation-rules.md). A report compiled from
 * cases passes the table 三/四 rules by construction; findings left are about what staff entered.
 */
export async function compileAnnualReport(
  deps: CaseDeps,
  input: {
    agencySlug: string;
    year: number;
    source?: string;
    /** `none`: tables 三 and 四 only, without what staff entered (the portal before publication). */
    entries?: 'stored' | 'none';
    /** Signature date (YYYY-MM-DD) of a published report. */
    signedOn?: string;
  },
): Promise<CompiledReport> {
  if (!Number.isInteger(input.year) || input.year < COMPILE_YEAR_MIN || input.year > COMPILE_YEAR_MAX) {
    throw new DomainError('INVALID_INPUT', `年度应在 ${COMPILE_YEAR_MIN} 至 ${COMPILE_YEAR_MAX} 之间`, { fields: { year: '年度无效' } });
  }
  const agency = await requireAgency(deps, input.agencySlug);
  const [aggregated, entries] = await Promise.all([
    deps.cases.aggregateYear(agency.id, input.year),
    input.entries === 'none' ? new Map<string, string>() : deps.cases.reportEntries(agency.id, input.year),
  ]);
  const tally = cellsOfAggregation(aggregated, input.year);
  const { table2, sections } = entriesToReport(entries, input.year);
  const document = compileReportDocument({
    agency: agency.name,
    year: input.year,
    tally,
    table2,
    sections,
    ...(input.signedOn === undefined ? {} : { signedOn: input.signedOn }),
  });
  const analysis = analyseReportDocument(document, input.source ?? `gongkai:${agency.slug}/${input.year}`);
  return { analysis, document, tally };
}
