// Composition root of the server (architecture.md): loadConfig → HTTP listening at once (/healthz
// says `starting`) → database opened and migrated → adapters → use cases → services handed to the
// HTTP app (/healthz says `ok`). `gongkai serve` and `gongkai demo` call startServer.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { type Database, DatabaseUnavailableError, type Db, openDatabase } from '#adapters/db/open-database.ts';
import type { LogLine } from '#adapters/http/error-response.ts';
import type { HttpServices } from '#adapters/http/http-services.ts';
import type { RateLimitSetting } from '#adapters/http/middleware/rate-limit.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import { authenticateToken } from '#app/identity/manage-users.ts';
import { type Config, loadConfig } from '#config/load-config.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { PortalServices } from '#web/portal/portal-services.ts';
import { portalServicesOf } from '#web/portal/portal-services.ts';
import { createWebApp } from '#web/web-app.ts';
import { type AttachmentWiring, composeAttachmentServices, composeCaseServices } from './compose-case-services.ts';
import { blobDirectory, identityDeps } from './composition-root.ts';
import { seedDemoAgency } from './demo-seed.ts';

export interface StartServerOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Overrides of GONGKAI_HOST / GONGKAI_PORT (command-line options). */
  readonly host?: string;
  readonly port?: number;
  readonly log?: LogLine;
  readonly now?: () => Date;
  /** Runs once the database is migrated, before /healthz says ok (the demo seeds here). */
  readonly beforeReady?: (database: Database, identity: IdentityDeps) => Promise<void>;
}

export interface RunningServer {
  readonly url: string;
  readonly config: Config;
  /** Settles when /healthz says ok (or rejects when the database cannot be opened). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** JSON lines on stderr: level, message, route, status — never request bodies or personal data. */
export const stderrLog: LogLine = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** The services the HTTP app calls, over one database (the server, and API tests on both engines). */
export function composeHttpServices(db: Db, identity: IdentityDeps, now: () => Date, files?: AttachmentWiring): HttpServices {
  return {
    cases: composeCaseServices(db, now, files),
    ...(files === undefined ? {} : { attachments: composeAttachmentServices(db, now, files) }),
    authenticate: (token) => authenticateToken(identity, token),
    agencyTree: () => identity.store.agencyTree(),
  };
}

function intakeRateLimit(config: Config): RateLimitSetting | 'off' {
  return config.http.rateLimit ? config.http.intakeRateLimit : 'off';
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config = loadConfig(options.env, { cwd: options.cwd });
  const now = options.now ?? (() => new Date());
  const log = options.log ?? stderrLog;
  let services: HttpServices | undefined;
  let portal: PortalServices | undefined;
  // API (/healthz, /api) and the public portal (/) on one app, one listener, one start-up state.
  const app = createWebApp({
    services: () => services,
    portal: () => portal,
    intakeRateLimit: intakeRateLimit(config),
    log,
    logRequests: true,
    version: '0.1.0',
    attachmentLimits: config.attachments,
  });
  const server = serve({ fetch: app.fetch, hostname: options.host ?? config.http.host, port: options.port ?? config.http.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let database: Database | undefined;
  const ready = (async () => {
    try {
      // Embedded: one connection. pglite-socket interleaves the extended-protocol messages of
      // concurrent connections outside a transaction (1000 concurrent intakes gave ~5 % `portal ""
      // does not exist`); PGlite runs one query at a time anyway.
      database = await openDatabase({
        url: config.db.url,
        dataDir: config.files.dataDir,
        holdEmbeddedServer: true,
        ...(config.db.url === null ? { poolSize: 1 } : {}),
      });
    } catch (error) {
      throw error instanceof DatabaseUnavailableError ? new DomainError('UNAVAILABLE', error.message) : error;
    }
    const identity = await identityDeps(database.db, { now });
    await options.beforeReady?.(database, identity);
    services = composeHttpServices(database.db, identity, now, {
      blobs: createFileBlobStore(blobDirectory(config.files.dataDir)),
      limits: config.attachments,
    });
    portal = portalServicesOf({ agencies: createDbAgencyStore(openAccess(database.db)), cases: services.cases });
  })();
  ready.catch(() => undefined); // the caller decides what a failed start means
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    config,
    ready,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) {
            server.closeAllConnections();
          }
        });
        await ready.catch(() => undefined);
        await database?.close();
      })();
      return closing;
    },
  };
}

/** The demo agency `gongkai demo` seeds and the staff account it prints. */
export interface DemoSetting {
  readonly agency: string;
  readonly agencyName: string;
  readonly username: string;
  readonly password: string;
}

export interface DemoInfo {
  readonly seeded: boolean;
  readonly cases: number;
  readonly token: string;
}

/**
 * `gongkai demo`: the server, with the demo agency (hundreds of generated cases over two years, every
 * outcome, some overdue, some waiting for 补正) seeded once, a staff user and a fresh API token.
 */
export async function startDemoServer(
  options: StartServerOptions,
  setting: DemoSetting,
): Promise<RunningServer & { demo: Promise<DemoInfo> }> {
  let resolveDemo: (info: DemoInfo) => void = () => {};
  const demo = new Promise<DemoInfo>((resolve) => {
    resolveDemo = resolve;
  });
  const server = await startServer({
    ...options,
    beforeReady: async (database, identity) => {
      resolveDemo(await seedDemoAgency(database.db, identity, options.now ?? (() => new Date()), setting));
    },
  });
  return { ...server, demo };
}
