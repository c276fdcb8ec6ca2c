// Who may do what in which agency (issue #7 "API and CLI", issue #8 roles): a pure decision over the
// caller's role grants and the agency tree. Every staff endpoint and CLI command asks it.

/** Staff roles, one per (user, agency) grant. */
export const ROLES = ['officer', 'reviewer', 'agency_admin', 'supervisor', 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Chinese names of the roles (user interface). */
export const ROLE_LABEL = {
  officer: '办理人',
  reviewer: '审核人',
  agency_admin: '机构管理员',
  supervisor: '监督员',
  system_admin: '系统管理员',
} as const satisfies Record<Role, string>;

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** One role of a user in one agency (identified by its slug). */
export interface RoleGrant {
  readonly agency: string;
  readonly role: Role;
}

/** Agency slug → parent slug (null for a root). */
export type AgencyTree = ReadonlyMap<string, string | null>;

/** What a caller asks to do with an agency's cases. */
export type CaseAction = 'read' | 'write';

/** Roles that may record case events in their own agency; a supervisor only reads. */
const WRITERS: ReadonlySet<Role> = new Set(['officer', 'reviewer', 'agency_admin', 'system_admin']);

/** True when `agency` is `ancestor` or lies below it in the tree (a cycle in bad data stops the walk). */
export function isWithin(tree: AgencyTree, agency: string, ancestor: string): boolean {
  const seen = new Set<string>();
  let current: string | null | undefined = agency;
  while (current !== null && current !== undefined && !seen.has(current)) {
    if (current === ancestor) {
      return true;
    }
    seen.add(current);
    current = tree.get(current);
  }
  return false;
}

/** May a caller with these grants perform `action` on the cases of `agency`? */
export function mayAccessAgency(grants: readonly RoleGrant[], tree: AgencyTree, agency: string, action: CaseAction): boolean {
  return grants.some((grant) => {
    if (grant.role === 'system_admin') {
      return true;
    }
    if (grant.role === 'supervisor') {
      return action === 'read' && isWithin(tree, agency, grant.agency);
    }
    return grant.agency === agency && (action === 'read' || WRITERS.has(grant.role));
  });
}

/**
 * The agencies whose cases a caller may see: `'all'` for a system administrator, else the set of
 * slugs (own agencies; for a supervisor also every agency below).
 */
export function readableAgencies(grants: readonly RoleGrant[], tree: AgencyTree): 'all' | ReadonlySet<string> {
  if (grants.some((grant) => grant.role === 'system_admin')) {
    return 'all';
  }
  const slugs = new Set<string>();
  for (const grant of grants) {
    if (grant.role === 'supervisor') {
      for (const agency of tree.keys()) {
        if (isWithin(tree, agency, grant.agency)) {
          slugs.add(agency);
        }
      }
    }
    slugs.add(grant.agency);
  }
  return slugs;
}

/** May a caller change the agency's own configuration (letter templates …)? Its agency_admin, or a system administrator. */
export function mayAdministerAgency(grants: readonly RoleGrant[], agency: string): boolean {
  return grants.some((grant) => grant.role === 'system_admin' || (grant.role === 'agency_admin' && grant.agency === agency));
}

/** A system administrator (instance-wide tasks such as running the daily job). */
export function isSystemAdmin(grants: readonly RoleGrant[]): boolean {
  return grants.some((grant) => grant.role === 'system_admin');
}
