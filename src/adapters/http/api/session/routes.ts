// GET /api/session (issue #8 contract): who is signed in, in which agencies with which roles, and the
// CSRF token that state-changing API calls with the session cookie carry in `x-csrf-token`:
// {"user": {"id", "username"}, "agencies": [{"slug", "name", "roles"}], "role", "csrfToken"}.
// `role` is the caller's most privileged role (system_admin > agency_admin > supervisor > reviewer >
// officer); `agencies` are the agencies of the caller's own grants. With a bearer token instead of a
// session, csrfToken is null (token calls need none).
import { Hono } from 'hono';
import { principalRole } from '#core/identity/agency-role.ts';
import type { HttpServices } from '../../http-services.ts';
import { authenticate, type StaffEnv } from '../../middleware/authenticate.ts';

export function sessionRoutes(services: () => HttpServices): Hono<StaffEnv> {
  const routes = new Hono<StaffEnv>();
  routes.use(authenticate(services));
  routes.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    const actor = c.get('actor');
    const auth = c.get('auth');
    const names = new Map((await (services().sessions?.listAgencies() ?? Promise.resolve([]))).map((a) => [a.slug, a.name]));
    const slugs = [...new Set(actor.grants.map((grant) => grant.agency))];
    return c.json({
      user: { id: actor.userId, username: actor.username },
      agencies: slugs.map((slug) => ({
        slug,
        name: names.get(slug) ?? slug,
        roles: actor.grants.filter((grant) => grant.agency === slug).map((grant) => grant.role),
      })),
      role: principalRole(actor.grants),
      csrfToken: auth.kind === 'session' ? auth.csrfToken : null,
    });
  });
  return routes;
}
