// Binds the annual report use cases (src/app/reports) over one database: the portal's public reports
// (with the DOCX/XLSX writers, imported on first download: they are heavy) and the deps the console's
// report pages call.
import { createCaseStore } from '#adapters/db/case-store.ts';
import type { Db } from '#adapters/db/open-database.ts';
import { createReportStore } from '#adapters/db/report-store.ts';
import { actOnReport } from '#app/reports/act-on-report.ts';
import type { ReportDeps } from '#app/reports/report-ports.ts';
import { saveReportEntries } from '#app/reports/save-report-entries.ts';
import { listPublicReports, showPublicReport } from '#app/reports/show-public-report.ts';
import { showReportDraft } from '#app/reports/show-report-draft.ts';
import type { AgencyTree } from '#core/identity/access-policy.ts';
import type { ConsoleReportServices } from '#web/console/reports/report-services.ts';
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

/** The console's report pages over the use cases; `agencyTree` decides which agencies a caller reaches. */
export function composeConsoleReports(deps: ReportDeps, agencyTree: () => Promise<AgencyTree>): ConsoleReportServices {
  const access = { ...deps, agencyTree };
  return {
    show: (actor, agencySlug, year) => showReportDraft(access, { actor, agencySlug, year }),
    save: (actor, agencySlug, year, revision, values) => saveReportEntries(access, { actor, agencySlug, year, revision, values }),
    act: (actor, agencySlug, year, action, comment, revision) =>
      actOnReport(access, { actor, agencySlug, year, action, comment, revision }),
  };
}
