// Binds the annual report use cases (src/app/reports) over one database: the portal's public reports
// (with the DOCX/XLSX writers, imported on first download: they are heavy) and the deps the console's
// report pages call.
import { createCaseStore } from '#adapters/db/case-store.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { createReportStore } from '#adapters/db/report-store.ts';
import type { ReportDeps } from '#app/reports/report-ports.ts';
import { listPublicReports, showPublicReport } from '#app/reports/show-public-report.ts';
import type { PortalReports } from '#web/portal/portal-services.ts';

export function reportDepsOf(db: Db, now: () => Date): ReportDeps {
  return { cases: createCaseStore(db), clock: { now }, reports: createReportStore(db) };
}

export function composePortalReports(deps: ReportDeps): PortalReports {
  return {
    list: async (agencySlug) => (await listPublicReports(deps, { agencySlug })).years,
    show: (agencySlug, year, version) => showPublicReport(deps, { agencySlug, year, ...(version === undefined ? {} : { version }) }),
    async render(document, format) {
      const { renderReport } = await import('#adapters/documents/render-report.ts');
      return (await renderReport(document, format)) as Uint8Array;
    },
  };
}
