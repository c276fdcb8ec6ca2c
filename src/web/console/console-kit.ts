/**
 * The staff console's toolkit (issue #8) — what every console page builds on.
 *
 * A console area is a Hono sub-app typed `Hono<ConsoleEnv>`, in its own file, mounted under
 * `/console/…` in `console-areas.ts`, with its navigation entry in `console-nav.ts`. Before any of
 * its handlers run, the console has already:
 *   - resolved the session cookie to the signed-in staff member (`c.get('staff')`), or answered a
 *     GET with 303 to `/console/login?next=…` and anything else with 401;
 *   - for POST/PUT/PATCH/DELETE, checked the session's CSRF token — form field `_csrf` (put
 *     `csrfField(c)` in every form) or header `x-csrf-token` — and answered 403 without calling the
 *     handler when it is missing or wrong;
 *   - set `Cache-Control: no-store`, the portal's Content-Security-Policy and the other security
 *     headers. Thrown `DomainError`s become a Chinese error page with the outcome table's status.
 * A form post's body has been parsed for `_csrf` by then: read it with `c.req.parseBody()` (cached,
 * multipart files included; bodies up to 20 MiB), never from the raw stream.
 *
 * In a handler:
 *   const staff = c.get('staff');          // { actor: { userId, username, grants }, csrfToken, agencies, tree }
 *   const services = c.get('services');    // ConsoleServices (cases, agencies, …)
 *   return renderConsolePage(c, { title: '案件', main: html`…${csrfField(c)}…` });
 *
 * Guards (built on src/core/identity/access-policy.ts; roles officer 办理人, reviewer 审核人,
 * agency_admin 机构管理员, supervisor 监督员 — counts for its agency and every agency below it —,
 * system_admin 系统管理员 — counts for every agency):
 *   routes.get('/:slug/settings', requireAgencyRole({ param: 'slug' }, ADMIN_ROLES), handler)
 *   routes.get('/x', requireRole(ADMIN_ROLES), handler)           // the role in any agency
 *   assertAgencyRole(c, found.agency, WRITE_ROLES)                // inside a handler, e.g. after loading a case
 *   mayAccessCases(c, found.agency, 'read' | 'write')             // the API's own case rule, as a boolean
 * A failed guard throws FORBIDDEN (403 page); an unknown agency NOT_FOUND (404). A case of an agency
 * the caller may not read must answer like an unknown case (NOT_FOUND): show nothing of it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CSRF_FIELD } from '#adapters/http/middleware/csrf.ts';
import type { Actor } from '#app/identity/identity-ports.ts';
import { type AgencyTree, type CaseAction, mayAccessAgency, ROLE_LABEL, type Role } from '#core/identity/access-policy.ts';
import { hasAgencyRole } from '#core/identity/agency-role.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { Crumb, Html } from '../portal/layout.ts';
import { renderConsoleLayout } from './console-layout.ts';
import type { ConsoleServices, StaffAgency } from './console-services.ts';

export { ADMIN_ROLES, ALL_ROLES, WRITE_ROLES } from './console-nav.ts';
export type { Crumb, Html };

/** The signed-in staff member of this request. */
export interface Staff {
  readonly actor: Actor;
  /** The session's CSRF token (also what `csrfField` puts in forms). */
  readonly csrfToken: string;
  /** Every agency of the instance (slug, name, parent). */
  readonly agencies: readonly StaffAgency[];
  readonly tree: AgencyTree;
}

export type ConsoleEnv = { Variables: { staff: Staff; services: ConsoleServices } };
export type ConsoleContext = Context<ConsoleEnv>;

/** The hidden `_csrf` input every console form carries. */
export const csrfField = (c: ConsoleContext): Html => html`<input type="hidden" name="${CSRF_FIELD}" value="${c.get('staff').csrfToken}">`;

export interface ConsolePage {
  readonly title: string;
  readonly main: Html;
  /** Ancestors of this page below the console home (the home and this page are added). */
  readonly crumbs?: readonly Crumb[];
  readonly status?: ContentfulStatusCode;
}

/** Renders `page` into the console layout (navigation by role, user box, sign-out) as the response. */
export function renderConsolePage(c: ConsoleContext, page: ConsolePage): Response | Promise<Response> {
  return c.html(renderConsoleLayout({ ...page, staff: c.get('staff'), path: c.req.path }), page.status ?? 200);
}

/** The display name of an agency slug (the slug itself when unknown). */
export const agencyName = (c: ConsoleContext, slug: string): string => c.get('staff').agencies.find((a) => a.slug === slug)?.name ?? slug;

/** The Chinese label of a role. */
export const roleLabel = (role: Role): string => ROLE_LABEL[role];

/** Throws FORBIDDEN unless the caller holds one of `roles` for `agency` (NOT_FOUND for an unknown agency). */
export function assertAgencyRole(c: ConsoleContext, agency: string, roles: readonly Role[]): void {
  const staff = c.get('staff');
  if (!staff.tree.has(agency)) {
    throw new DomainError('NOT_FOUND', '机构不存在');
  }
  if (!hasAgencyRole(staff.actor.grants, staff.tree, agency, roles)) {
    throw new DomainError('FORBIDDEN', '您在该机构没有访问此页面的权限');
  }
}

/** The same rule as the staff API: may the caller read / write `agency`'s cases? */
export const mayAccessCases = (c: ConsoleContext, agency: string, action: CaseAction): boolean =>
  mayAccessAgency(c.get('staff').actor.grants, c.get('staff').tree, agency, action);

/** Where the guarded agency comes from: a route parameter, a fixed slug, or a function of the request. */
export type AgencyRef = { readonly param: string } | string | ((c: ConsoleContext) => string | Promise<string>);

/** Middleware: the caller must hold one of `roles` for the agency (see assertAgencyRole). */
export function requireAgencyRole(agency: AgencyRef, roles: readonly Role[]): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const slug = typeof agency === 'string' ? agency : typeof agency === 'function' ? await agency(c) : (c.req.param(agency.param) ?? '');
    assertAgencyRole(c, slug, roles);
    await next();
  };
}

/** Middleware: the caller must hold one of `roles` in some agency. */
export function requireRole(roles: readonly Role[]): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (!c.get('staff').actor.grants.some((grant) => roles.includes(grant.role))) {
      throw new DomainError('FORBIDDEN', '您的角色没有访问此页面的权限');
    }
    await next();
  };
}
