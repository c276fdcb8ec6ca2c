// What the public portal needs from the application, bound by the server's composition root: the
// agencies of this instance, the two public case use cases the JSON API also calls, and the annual
// reports (list, one year, and the binary renderers for the downloads).
import type { CaseServices } from '#adapters/http/http-services.ts';
import { listAgencies } from '#app/list-agencies.ts';
import type { AgencyStore } from '#app/ports.ts';
import type { PublicReport, PublicReportYear } from '#app/reports/show-public-report.ts';
import type { ReportDocument } from '#core/reports/report-model.ts';

/** An agency as the public sees it (public fields only). */
export interface PortalAgency {
  readonly slug: string;
  readonly name: string;
}

/** The annual reports of the portal (app/reports/show-public-report.ts) and the DOCX/XLSX writers. */
export interface PortalReports {
  list(agencySlug: string): Promise<readonly PublicReportYear[]>;
  show(agencySlug: string, year: number, version?: number): Promise<PublicReport>;
  render(document: ReportDocument, format: 'docx' | 'xlsx'): Promise<Uint8Array>;
}

export interface PortalServices {
  listAgencies(): Promise<readonly PortalAgency[]>;
  readonly cases: Pick<CaseServices, 'createApplication' | 'lookupApplicationStatus'>;
  /** Absent: the 年度报告 column says it has no content yet. */
  readonly reports?: PortalReports;
}

/** The portal's services over the application: agencies through the listAgencies use case (public fields only). */
export function portalServicesOf(deps: {
  readonly agencies: AgencyStore;
  readonly cases: PortalServices['cases'];
  readonly reports?: PortalReports;
}): PortalServices {
  return {
    async listAgencies() {
      return (await listAgencies({ agencies: deps.agencies })).map(({ slug, name }) => ({ slug, name }));
    },
    cases: deps.cases,
    ...(deps.reports === undefined ? {} : { reports: deps.reports }),
  };
}
