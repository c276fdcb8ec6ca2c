// Shared by the staff API tests of the case tier: agencies (with a supervisor tree), users with one
// role each and their bearer tokens, and the Hono app over the test database, called through fetch.
import type { Hono } from 'hono';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { createHttpApp } from '#adapters/http/http-app.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import { addUser, createApiToken } from '#app/identity/manage-users.ts';
import type { TestDatabase } from '#test/db-harness.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { composeHttpServices } from '../../src/main.ts';

export interface StaffUserSpec {
  readonly name: string;
  readonly agency: string;
  readonly role: string;
}

export interface StaffApi {
  readonly app: Hono;
  readonly identity: IdentityDeps;
  readonly ids: ReadonlyMap<string, number>;
  /** The bearer token of a user of the spec. */
  token(user: string): string;
  call(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
}

/**
 * Agencies by slug with their parents (parents first), users with their grants and tokens, and the
 * app. `now` is read on every request.
 */
export async function startStaffApi(
  handle: TestDatabase,
  agencyParents: readonly (readonly [string, string | null])[],
  users: readonly StaffUserSpec[],
  now: () => Date,
): Promise<StaffApi> {
  const { db } = handle;
  const ids = new Map<string, number>();
  for (const [slug, parent] of agencyParents) {
    const [row] = await db
      .insert(agencies)
      .values({ slug, name: `测试机关${slug}`, parentId: parent === null ? null : (ids.get(parent) ?? null) })
      .returning({ id: agencies.id });
    ids.set(slug, row?.id as number);
  }
  const identity = await identityDeps(db, { now });
  const tokens = new Map<string, string>();
  for (const user of users) {
    await addUser(identity, { username: user.name, agency: user.agency, role: user.role, password: null });
    tokens.set(user.name, (await createApiToken(identity, { username: user.name })).token);
  }
  const services = composeHttpServices(db, identity, now);
  const app = createHttpApp({ services: () => services, intakeRateLimit: 'off', log: () => {} });
  return {
    app,
    identity,
    ids,
    token: (user) => {
      const token = tokens.get(user);
      if (token === undefined) {
        throw new Error(`no token for ${user}`);
      }
      return token;
    },
    async call(path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.token !== undefined) {
        headers.set('authorization', `Bearer ${init.token}`);
      }
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
      }
      return app.request(path, { ...init, headers, ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }) });
    },
  };
}
