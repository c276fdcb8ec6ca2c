// What the public portal needs from the application, bound by the server's composition root: the
// agencies of this instance and the two public case use cases the JSON API also calls.
import type { CaseServices } from '#adapters/http/http-services.ts';
import { listAgencies } from '#app/list-agencies.ts';
import type { AgencyStore } from '#app/ports.ts';

/** An agency as the public sees it (public fields only). */
export interface PortalAgency {
  readonly slug: string;
  readonly name: string;
}

export interface PortalServices {
  listAgencies(): Promise<readonly PortalAgency[]>;
  readonly cases: Pick<CaseServices, 'createApplication' | 'lookupApplicationStatus'>;
}

/** The portal's services over the application: agencies through the listAgencies use case (public fields only). */
export function portalServicesOf(deps: { readonly agencies: AgencyStore; readonly cases: PortalServices['cases'] }): PortalServices {
  return {
    async listAgencies() {
      return (await listAgencies({ agencies: deps.agencies })).map(({ slug, name }) => ({ slug, name }));
    },
    cases: deps.cases,
  };
}
