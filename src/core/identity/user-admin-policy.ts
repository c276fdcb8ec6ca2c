// Who may administer which user accounts (issue #8, staff console): a 系统管理员 administers every
// agency and every account; a 机构管理员 the accounts of the agencies where it holds that role (not the
// agencies below them: supervision reads, it does not administer). An account that also works for an
// agency the administrator does not administer, or that holds 系统管理员 anywhere, is the system
// administrator's: disabling it or resetting its password would reach beyond the agency.
import type { Role, RoleGrant } from './access-policy.ts';

/** The agencies whose users and settings a caller administers: `'all'` for a system administrator. */
export function administeredAgencies(grants: readonly RoleGrant[]): 'all' | ReadonlySet<string> {
  if (grants.some((grant) => grant.role === 'system_admin')) {
    return 'all';
  }
  return new Set(grants.filter((grant) => grant.role === 'agency_admin').map((grant) => grant.agency));
}

export const isSystemAdmin = (grants: readonly RoleGrant[]): boolean => grants.some((grant) => grant.role === 'system_admin');

/** May the caller administer `agency` (its users, settings, templates)? */
export function mayAdministerAgency(grants: readonly RoleGrant[], agency: string): boolean {
  const agencies = administeredAgencies(grants);
  return agencies === 'all' || agencies.has(agency);
}

/** May the caller give or take `role` in `agency`? 系统管理员 is given and taken by a system administrator only. */
export function mayGrantRole(grants: readonly RoleGrant[], agency: string, role: Role): boolean {
  if (role === 'system_admin') {
    return isSystemAdmin(grants);
  }
  return mayAdministerAgency(grants, agency);
}

/**
 * May the caller act on the account as a whole (disable, enable, reset its password)? Only when every
 * grant of the account lies in an agency the caller administers and none is 系统管理员 — or the caller
 * is a system administrator. An account without any grant is the system administrator's.
 */
export function mayManageAccount(grants: readonly RoleGrant[], target: readonly RoleGrant[]): boolean {
  if (isSystemAdmin(grants)) {
    return true;
  }
  const agencies = administeredAgencies(grants);
  return agencies !== 'all' && target.length > 0 && target.every((grant) => grant.role !== 'system_admin' && agencies.has(grant.agency));
}
