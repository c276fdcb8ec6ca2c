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

/**
 * How long the portal reuses the agency list (ms). Every portal page needs it, and on the embedded
 * database each query waits its turn on the one connection: read per request, 200 concurrent page
 * views served 3% of what a bare server does (bench/portal.bench.ts). An agency added or renamed
 * (by the CLI, another process) shows on the portal within this time.
 */
export const AGENCY_LIST_TTL_MS = 1000;

/**
 * The portal's services over the application: agencies through the listAgencies use case (public
 * fields only). The list is read once, then answered from memory; once it is `agencyListTtlMs` old the
 * next request starts one read in the background and is still answered with the list it has (no page
 * view waits on the database after the first). Concurrent first requests share one read; a failed
 * read is not kept (the first request fails, later ones read again; a failed refresh keeps the old list).
 */
export function portalServicesOf(deps: {
  readonly agencies: AgencyStore;
  readonly cases: PortalServices['cases'];
  readonly reports?: PortalReports;
  readonly agencyListTtlMs?: number;
  readonly monotonicNow?: () => number;
}): PortalServices {
  const ttl = deps.agencyListTtlMs ?? AGENCY_LIST_TTL_MS;
  const now = deps.monotonicNow ?? (() => performance.now());
  let current: { readonly at: number; readonly list: readonly PortalAgency[] } | undefined;
  let reading: Promise<readonly PortalAgency[]> | undefined;
  const read = (): Promise<readonly PortalAgency[]> => {
    if (reading === undefined) {
      const at = now();
      reading = listAgencies({ agencies: deps.agencies })
        .then((agencies) => {
          const list = Object.freeze(agencies.map(({ slug, name }) => Object.freeze({ slug, name })));
          current = { at, list };
          return list;
        })
        .finally(() => {
          reading = undefined;
        });
    }
    return reading;
  };
  return {
    async listAgencies() {
      if (current === undefined) {
        return read();
      }
      if (now() - current.at >= ttl) {
        read().catch(() => undefined); // the old list answers meanwhile; the next request tries again
      }
      return current.list;
    },
    cases: deps.cases,
    ...(deps.reports === undefined ? {} : { reports: deps.reports }),
  };
}
