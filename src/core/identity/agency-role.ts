// The console's page guard (issue #8): does a caller hold one of `roles` for `agency`? A grant counts
// for its own agency; a supervisor's grant also for every agency below it (监督员 reads across its
// agency and those below); a system administrator's grant for every agency.
import { type AgencyTree, isWithin, ROLES, type Role, type RoleGrant } from './access-policy.ts';

export function grantCovers(grant: RoleGrant, tree: AgencyTree, agency: string): boolean {
  if (grant.role === 'system_admin') {
    return true;
  }
  if (grant.role === 'supervisor') {
    return isWithin(tree, agency, grant.agency);
  }
  return grant.agency === agency;
}

/** True when some grant with a role in `roles` covers `agency`. */
export function hasAgencyRole(grants: readonly RoleGrant[], tree: AgencyTree, agency: string, roles: readonly Role[]): boolean {
  return grants.some((grant) => roles.includes(grant.role) && grantCovers(grant, tree, agency));
}

/** The roles a caller holds for `agency` (through its own, a supervisor's or a system administrator's grants). */
export function rolesFor(grants: readonly RoleGrant[], tree: AgencyTree, agency: string): Role[] {
  const held = new Set(grants.filter((grant) => grantCovers(grant, tree, agency)).map((grant) => grant.role));
  return ROLES.filter((role) => held.has(role));
}

/** Most privileged first: the one role `GET /api/session` reports as `role`. */
const PRECEDENCE: readonly Role[] = ['system_admin', 'agency_admin', 'supervisor', 'reviewer', 'officer'];

export function principalRole(grants: readonly RoleGrant[]): Role | null {
  return PRECEDENCE.find((role) => grants.some((grant) => grant.role === role)) ?? null;
}
