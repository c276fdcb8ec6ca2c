// The annual reports the public portal shows (issue #8): for each year the newest published version,
// else — for a year that is over and has case data — the report compiled from the case records
// (tables 三 and 四 only: table 二 and the narrative are staff drafts, public once approved and
// published). Older published versions stay readable (a correction is a new version).

import { shanghaiDateOf } from '#core/calendar/local-date.ts';
import { parseReadingJson, readingToDocument } from '#core/reports/render/render-json.ts';
import type { ReportDocument, ReportReading } from '#core/reports/report-model.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { AgencyRef } from '../case-ports.ts';
import { requireAgency } from '../cases/case-context.ts';
import { COMPILE_YEAR_MIN, compileAnnualReport } from '../cases/compile-annual-report.ts';
import type { PublicationSummary, ReportDeps } from './report-ports.ts';

export type PublicReportStatus = 'published' | 'compiled';

export interface PublicReportYear {
  readonly year: number;
  readonly status: PublicReportStatus;
  /** Newest published version (null when compiled). */
  readonly version: number | null;
  readonly publishedAt: string | null;
}

export interface PublicReport {
  readonly agency: AgencyRef;
  readonly year: number;
  readonly status: PublicReportStatus;
  readonly document: ReportDocument;
  /** The reader contract object (gongkai/report-read@1) with its findings. */
  readonly reading: ReportReading;
  readonly version: number | null;
  readonly publishedAt: string | null;
  /** Every published version of the year, newest first. */
  readonly versions: readonly PublicationSummary[];
}

/** The last year that is over (reports cover calendar years; 条例第五十条: published by 31 January). */
function lastClosedYear(deps: ReportDeps): number {
  return Number(shanghaiDateOf(deps.clock.now()).slice(0, 4)) - 1;
}

/** Compiled years: from the first year with data to the last closed year (a year without applications still has a report). */
function compiledYears(dataYears: readonly number[], lastClosed: number): number[] {
  const first = Math.max(COMPILE_YEAR_MIN, Math.min(...dataYears));
  const years: number[] = [];
  for (let year = lastClosed; year >= first && dataYears.length > 0; year -= 1) {
    years.push(year);
  }
  return years;
}

/** The agency's report years, newest first: published ones with their newest version, compiled ones else. */
export async function listPublicReports(
  deps: ReportDeps,
  input: { agencySlug: string },
): Promise<{ agency: AgencyRef; years: readonly PublicReportYear[] }> {
  const agency = await requireAgency(deps, input.agencySlug);
  const [publications, dataYears] = await Promise.all([deps.reports.publications(agency.id), deps.reports.dataYears(agency.id)]);
  const byYear = new Map<number, PublicReportYear>();
  for (const publication of publications) {
    if (!byYear.has(publication.year)) {
      byYear.set(publication.year, {
        year: publication.year,
        status: 'published',
        version: publication.version,
        publishedAt: publication.publishedAt,
      });
    }
  }
  for (const year of compiledYears(dataYears, lastClosedYear(deps))) {
    if (!byYear.has(year)) {
      byYear.set(year, { year, status: 'compiled', version: null, publishedAt: null });
    }
  }
  return { agency, years: [...byYear.values()].sort((a, b) => b.year - a.year) };
}

/** One year's report: a published version (the newest unless `version` is given) or the compiled one. */
export async function showPublicReport(
  deps: ReportDeps,
  input: { agencySlug: string; year: number; version?: number },
): Promise<PublicReport> {
  const agency = await requireAgency(deps, input.agencySlug);
  const versions = await deps.reports.publications(agency.id, input.year);
  if (versions.length > 0 || input.version !== undefined) {
    const publication = await deps.reports.publication(agency.id, input.year, input.version);
    if (publication === null) {
      throw new DomainError('NOT_FOUND', `未找到 ${input.year} 年度报告的该版本`);
    }
    const parsed = parseReadingJson(publication.reading);
    if (!parsed.ok) {
      throw new Error(`stored publication ${agency.slug}/${input.year}/v${publication.version} is not a reading: ${parsed.error}`);
    }
    return {
      agency,
      year: input.year,
      status: 'published',
      document: readingToDocument(parsed.reading, parsed.text),
      reading: parsed.reading,
      version: publication.version,
      publishedAt: publication.publishedAt,
      versions,
    };
  }
  const lastClosed = lastClosedYear(deps);
  if (input.year > lastClosed) {
    throw new DomainError('NOT_FOUND', `${input.year} 年度尚未结束，年度报告尚未编制`);
  }
  if (!compiledYears(await deps.reports.dataYears(agency.id), lastClosed).includes(input.year)) {
    throw new DomainError('NOT_FOUND', `未找到 ${input.year} 年度报告`);
  }
  const compiled = await compileAnnualReport(deps, { agencySlug: agency.slug, year: input.year, entries: 'none' });
  return {
    agency,
    year: input.year,
    status: 'compiled',
    document: compiled.document,
    reading: compiled.analysis.reading,
    version: null,
    publishedAt: null,
    versions,
  };
}
