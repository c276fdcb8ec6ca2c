// Staff endpoints: `Authorization: Bearer gk_…` → the actor (401 UNAUTHENTICATED otherwise). Issue #8
// adds the browser session as a second way in.
import type { MiddlewareHandler } from 'hono';
import type { Actor } from '#app/identity/identity-ports.ts';
import { bearerToken } from '#core/identity/api-token.ts';
import type { HttpServices } from '../http-services.ts';

export type StaffEnv = { Variables: { actor: Actor } };

export function authenticate(services: () => HttpServices): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const actor = await services().authenticate(bearerToken(c.req.header('authorization')));
    c.set('actor', actor);
    await next();
  };
}
