// Use case: every agency of this instance, by slug.
import type { Agency, AgencyStore } from './ports.ts';

export function listAgencies(deps: { readonly agencies: AgencyStore }): Promise<readonly Agency[]> {
  return deps.agencies.list();
}
