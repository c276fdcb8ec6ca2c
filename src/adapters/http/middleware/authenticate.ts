// Staff endpoints: two ways in (issue #7, issue #8).
// - `Authorization: Bearer gk_…` → the token's actor; no CSRF token needed (a browser never adds the
//   header by itself, so a cross-site page cannot borrow it).
// - The console's session cookie → the session's actor; every state-changing request must carry the
//   session's CSRF token in `x-csrf-token` (GET /api/session gives it), else 403 before anything is
//   read or written.
// Neither → 401 UNAUTHENTICATED. A bearer header wins over a cookie.
import type { MiddlewareHandler } from 'hono';
import type { Actor } from '#app/identity/identity-ports.ts';
import { bearerToken } from '#core/identity/api-token.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { HttpServices } from '../http-services.ts';
import { isSafeMethod, readSessionCookie, sameToken } from './session-cookie.ts';

export const CSRF_HEADER = 'x-csrf-token';

/** How the caller signed in: a session carries its CSRF token. */
export type StaffAuth = { readonly kind: 'bearer' } | { readonly kind: 'session'; readonly csrfToken: string };

export type StaffEnv = { Variables: { actor: Actor; auth: StaffAuth } };

export function authenticate(services: () => HttpServices): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const sessionId = header === undefined ? readSessionCookie(c) : undefined;
    const sessions = services().sessions;
    if (sessionId !== undefined && sessions !== undefined) {
      const session = await sessions.resolve(sessionId);
      if (session === undefined) {
        throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新登录');
      }
      if (!isSafeMethod(c.req.method) && !sameToken(session.csrfToken, c.req.header(CSRF_HEADER))) {
        throw new DomainError('FORBIDDEN', `缺少或错误的 CSRF 令牌：请在 ${CSRF_HEADER} 头中提供 GET /api/session 给出的 csrfToken`);
      }
      c.set('actor', session.actor);
      c.set('auth', { kind: 'session', csrfToken: session.csrfToken });
    } else {
      c.set('actor', await services().authenticate(bearerToken(header)));
      c.set('auth', { kind: 'bearer' });
    }
    await next();
  };
}
