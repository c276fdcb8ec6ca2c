// The whole web app (API, console, portal) on one test database with the real use cases, and a
// browser stand-in for the console: keeps cookies, signs in through the form, calls the API with
// the session cookie (and its CSRF header) or a bearer token.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { createArgon2Passwords } from '#adapters/security/argon2-passwords.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import type { SessionPolicy } from '#app/identity/session-ports.ts';
import { type AttachmentLimits, DEFAULT_ATTACHMENT_LIMITS } from '#core/attachments/check-attachment.ts';
import type { TestDatabase } from '#test/db-harness.ts';
import type { SignInLimitSetting } from '#web/console/sign-in-limit.ts';
import { portalServicesOf } from '#web/portal/portal-services.ts';
import { createWebApp } from '#web/web-app.ts';
import { composeConsoleServices } from '../../src/compose-console-services.ts';
import { composePortalReports, reportDepsOf } from '../../src/compose-report-services.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { composeHttpServices } from '../../src/main.ts';

export const PASSWORD = 'correct horse battery';

export interface WebFixture {
  readonly app: Hono;
  readonly identity: IdentityDeps;
  /** The test clock: set `clock.now` to move time. */
  readonly clock: { now: Date };
  readonly logs: string[];
}

/** Agencies as [slug, parent]; parents first. */
export async function addAgencies(database: TestDatabase, tree: readonly (readonly [string, string | null])[]): Promise<void> {
  const ids = new Map<string, number>();
  for (const [slug, parent] of tree) {
    const [row] = await database.db
      .insert(agencies)
      .values({
        slug,
        name: `测试机关${slug}`,
        kind: parent === null ? 'government' : 'department',
        parentId: parent === null ? null : (ids.get(parent) ?? null),
      })
      .returning({ id: agencies.id });
    ids.set(slug, row?.id as number);
  }
}

export async function webFixture(
  database: TestDatabase,
  options: {
    start: Date;
    signInLimit?: SignInLimitSetting | 'off';
    policy?: SessionPolicy;
    csrfSecret?: Uint8Array | (() => Uint8Array);
    /** Upload limits of attachments (default: the instance defaults, 20 MiB × 10). */
    attachmentLimits?: AttachmentLimits;
    /** Where attachment blobs go (default: a folder under the OS temp dir, created only when a test uploads). */
    blobDir?: string;
  },
): Promise<WebFixture> {
  const clock = { now: options.start };
  const now = () => clock.now;
  const logs: string[] = [];
  // Cheap argon2 parameters keep the tests fast; the hashes are still real argon2id PHC strings.
  const identity = { ...(await identityDeps(database.db, { now })), passwords: createArgon2Passwords({ memoryCost: 1024, timeCost: 1 }) };
  // Attachments: a blob store under the OS temp dir (created only when a test uploads).
  const attachmentLimits = options.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS;
  const http = composeHttpServices(database.db, identity, now, {
    blobs: createFileBlobStore(options.blobDir ?? join(tmpdir(), `gongkai-web-blobs-${process.pid}`)),
    limits: attachmentLimits,
  });
  const composed = composeConsoleServices(
    database.db,
    identity,
    options.policy ?? { idleSeconds: 1800, absoluteSeconds: 43200 },
    http.cases,
    http.attachments,
  );
  const services = { ...http, sessions: composed.staffSessions };
  const portal = portalServicesOf({
    agencies: createDbAgencyStore(openAccess(database.db)),
    cases: http.cases,
    reports: composePortalReports(reportDepsOf(database.db, now)),
  });
  const app = createWebApp({
    services: () => services,
    portal: () => portal,
    console: () => composed.console,
    intakeRateLimit: 'off',
    signInRateLimit: options.signInLimit ?? 'off',
    log: (entry) => logs.push(JSON.stringify(entry)),
    attachmentLimits,
    ...(options.csrfSecret === undefined ? {} : { csrfSecret: options.csrfSecret }),
  });
  return { app, identity, clock, logs };
}

export interface StaffClient {
  readonly cookies: Map<string, string>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, fields: Readonly<Record<string, string>>, headers?: Record<string, string>): Promise<Response>;
  /** A JSON API call with the session cookie (add `x-csrf-token` yourself). */
  api(path: string, init?: { method?: string; json?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** The `_csrf` value of the first form on the page at `path`. */
  csrfToken(path: string): Promise<string>;
  /** Signs in through the form; returns the POST's response (303 on success). */
  signIn(username: string, password?: string): Promise<Response>;
}

export function staffClient(app: Hono): StaffClient {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, at);
      const value = (pair ?? '').slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) {
        cookies.delete(name);
      } else {
        cookies.set(name, value);
      }
    }
    return response;
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const client: StaffClient = {
    cookies,
    async get(path, headers = {}) {
      return remember(await app.request(path, { headers: { cookie: cookieHeader(), ...headers } }));
    },
    async post(path, fields, headers = {}) {
      return remember(
        await app.request(path, {
          method: 'POST',
          headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams(fields).toString(),
        }),
      );
    },
    async api(path, init = {}) {
      const headers: Record<string, string> = { cookie: cookieHeader(), ...init.headers };
      if (init.json !== undefined) {
        headers['content-type'] = 'application/json';
      }
      return remember(
        await app.request(path, {
          method: init.method ?? 'GET',
          headers,
          ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
        }),
      );
    },
    async csrfToken(path) {
      const page = await (await client.get(path)).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
      assert.ok(token, `no _csrf field on ${path}`);
      return token;
    },
    async signIn(username, password = PASSWORD) {
      // The sign-in page as a browser without a session sees it (signed in, it redirects to the home);
      // the post still carries the current session cookie, whose session the sign-in ends.
      const withoutSession = [...cookies].filter(([name]) => name !== 'gk_session').map(([k, v]) => `${k}=${v}`);
      const page = await (await remember(await app.request('/console/login', { headers: { cookie: withoutSession.join('; ') } }))).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
      return client.post('/console/login', { username, password, _csrf: token });
    },
  };
  return client;
}
