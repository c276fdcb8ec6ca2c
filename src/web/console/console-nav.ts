// The console's navigation: one entry per area, shown to the roles that may use it. An area adds its
// entry here (one line) next to mounting its routes in console-areas.ts.
import { ROLES, type Role } from '#core/identity/access-policy.ts';

export interface NavItem {
  readonly href: string;
  readonly label: string;
  /** Shown when the staff member holds one of these roles (in any agency). */
  readonly roles: readonly Role[];
}

export const ALL_ROLES: readonly Role[] = ROLES;
/** Roles that may record events (a supervisor only reads). */
export const WRITE_ROLES: readonly Role[] = ['officer', 'reviewer', 'agency_admin', 'system_admin'];
export const ADMIN_ROLES: readonly Role[] = ['agency_admin', 'system_admin'];

export const CONSOLE_NAV: readonly NavItem[] = [
  { href: '/console/', label: '首页', roles: ALL_ROLES },
  { href: '/console/cases', label: '案件办理', roles: ALL_ROLES },
  { href: '/console/reports', label: '年度报告', roles: ALL_ROLES },
  { href: '/console/admin', label: '机构管理', roles: ADMIN_ROLES },
  { href: '/console/account', label: '账户安全', roles: ALL_ROLES },
];
