// Composition root of the server (architecture.md): loadConfig → HTTP listening at once (/healthz
// says `starting`) → database opened and migrated → adapters → use cases → services handed to the
// HTTP app (/healthz says `ok`). `gongkai serve` and `gongkai demo` call startServer.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFileBlobStore } from '#adapters/blobs/file-blob-store.ts';
import { createDbAgencyStore } from '#adapters/db/agency-store.ts';
import { type NewTableAnalyzer, startNewTableAnalyzer } from '#adapters/db/analyze-new-tables.ts';
import { openAccess } from '#adapters/db/lazy-database.ts';
import { type Database, DatabaseUnavailableError, type Db, openDatabase } from '#adapters/db/open-database.ts';
import type { LogLine } from '#adapters/http/error-response.ts';
import { DEFAULT_MAX_BODY_BYTES } from '#adapters/http/http-app.ts';
import type { HttpServices } from '#adapters/http/http-services.ts';
import { intakeFastPath } from '#adapters/http/intake-fast-path.ts';
import { createRateLimiter, type RateLimitResolver } from '#adapters/http/middleware/rate-limit.ts';
import { pageCacheListener } from '#adapters/http/page-cache.ts';
import type { IdentityDeps } from '#app/identity/identity-ports.ts';
import { authenticateToken } from '#app/identity/manage-users.ts';
import { type Config, loadConfig } from '#config/load-config.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { ConsoleServices } from '#web/console/console-services.ts';
import type { SignInLimitSetting } from '#web/console/sign-in-limit.ts';
import type { PortalServices } from '#web/portal/portal-services.ts';
import { portalServicesOf } from '#web/portal/portal-services.ts';
import { createWebApp } from '#web/web-app.ts';
import { type AttachmentWiring, composeAttachmentServices, composeCaseServices } from './compose-case-services.ts';
import { composeConsoleServices, loadCsrfSecret } from './compose-console-services.ts';
import { intakeLimitResolver, migrateLegacyIntakeRateLimit } from './compose-intake-limit.ts';
import { composePortalReports, reportDepsOf } from './compose-report-services.ts';
import { composeStaffServices } from './compose-staff-services.ts';
import { blobDirectory, identityDeps } from './composition-root.ts';
import { seedDemoAgency } from './demo-seed.ts';
import { warmUpIntake } from './warm-up.ts';

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

/** Pending connections the kernel keeps for the server (capped by net.core.somaxconn, 4096 on current Linux). */
export const LISTEN_BACKLOG = 4096;

let pendingLog = '';
let flushOnExit = false;
const flushLog = () => {
  if (pendingLog !== '') {
    const text = pendingLog;
    pendingLog = '';
    process.stderr.write(text);
  }
};

/**
 * JSON lines on stderr: level, message, route, status — never request bodies or personal data. The
 * lines of one event-loop turn go out in one write (a write per request line was ~6 % of the server's
 * CPU under 1,000 concurrent intakes); an error is written at once, with everything before it, and
 * what is pending is written when the process exits.
 */
export const stderrLog: LogLine = (entry) => {
  if (pendingLog === '') {
    setImmediate(flushLog);
    if (!flushOnExit) {
      flushOnExit = true;
      process.once('exit', flushLog);
    }
  }
  pendingLog += `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`;
  if (entry['level'] === 'error') {
    flushLog();
  }
};

/** The services the HTTP app calls, over one database (the server, and API tests on both engines). */
export function composeHttpServices(db: Db, identity: IdentityDeps, now: () => Date, files?: AttachmentWiring): HttpServices {
  return {
    cases: composeCaseServices(db, now, files),
    ...composeStaffServices(db, now),
    ...(files === undefined ? {} : { attachments: composeAttachmentServices(db, now, files) }),
    authenticate: (token) => authenticateToken(identity, token),
    agencyTree: () => identity.store.agencyTree(),
  };
}

function signInRateLimit(config: Config): SignInLimitSetting | 'off' {
  return config.http.rateLimit ? config.http.signInRateLimit : 'off';
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config = loadConfig(options.env, { cwd: options.cwd });
  const now = options.now ?? (() => new Date());
  const log = options.log ?? stderrLog;
  let services: HttpServices | undefined;
  let portal: PortalServices | undefined;
  // The intake limit: the setting intake.rate-limit once the database answers (config's until then).
  let limitOf: RateLimitResolver | undefined;
  const intakeRateLimit: RateLimitResolver | 'off' = config.http.rateLimit
    ? (slug) => limitOf?.(slug) ?? Promise.resolve(config.http.intakeRateLimit)
    : 'off';
  // The API intake's counters, shared by its Hono route and its node:http fast path.
  const intakeLimiter = createRateLimiter(intakeRateLimit);
  let staffConsole: ConsoleServices | undefined;
  let csrfSecret: Uint8Array | undefined;
  // API (/healthz, /api), the staff console (/console) and the public portal (/) on one app, one
  // listener, one start-up state.
  const app = createWebApp({
    services: () => services,
    portal: () => portal,
    console: () => staffConsole,
    csrfSecret: () => {
      if (csrfSecret === undefined) {
        throw new DomainError('UNAVAILABLE', '服务正在启动，请稍后再试');
      }
      return csrfSecret;
    },
    intakeRateLimit,
    intakeLimiter,
    signInRateLimit: signInRateLimit(config),
    log,
    logRequests: true,
    version: '0.1.0',
    attachmentLimits: config.attachments,
  });
  // node:http with Hono's request listener behind the page cache (adapters/http/page-cache.ts) and the
  // public intake's fast path (adapters/http/intake-fast-path.ts: the same answers without Hono).
  const direct = intakeFastPath({
    services: () => services,
    limiter: intakeLimiter,
    log,
    logRequests: true,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  });
  const server = createServer(pageCacheListener(app.fetch, { ttlMs: config.http.pageCacheMs, log, direct }));
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
    // A backlog of LISTEN_BACKLOG (Node's default is 511): a burst of 1,000 connections overflowed
    // the accept queue and the dropped ones were retried by the client's TCP a second later.
    server.listen({ host: options.host ?? config.http.host, port: options.port ?? config.http.port, backlog: LISTEN_BACKLOG });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let database: Database | undefined;
  let analyzer: NewTableAnalyzer | undefined;
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
    if (database.engine === 'postgresql') {
      // A new database's tables are analyzed once they have a few hundred rows, not a minute later by
      // autovacuum: until then the foreign-key checks of the intake read all of an agency's cases
      // (adapters/db/analyze-new-tables.ts). The embedded engine does this in its database child.
      analyzer = startNewTableAnalyzer(database.pool, (outcome) =>
        log(
          'analyzed' in outcome
            ? { level: 'info', message: `已分析新表的统计信息：${outcome.analyzed.join(', ')}` }
            : {
                level: 'warn',
                message: `新表统计信息分析失败（稍后重试）：${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`,
              },
        ),
      );
    }
    const identity = await identityDeps(database.db, { now });
    await options.beforeReady?.(database, identity);
    await migrateLegacyIntakeRateLimit(database.db, config.http.legacyIntakeRateLimit, log);
    limitOf = intakeLimitResolver(database.db);
    csrfSecret = await loadCsrfSecret(database.db);
    const http = composeHttpServices(database.db, identity, now, {
      blobs: createFileBlobStore(blobDirectory(config.files.dataDir)),
      limits: config.attachments,
    });
    const composed = composeConsoleServices(database.db, identity, config.http.session, http.cases, http.attachments);
    if (config.http.warmUp) {
      // The intake run end to end in a rolled-back transaction before /healthz says ok (src/warm-up.ts):
      // the first burst after a start finds optimised code, nothing is written.
      await warmUpIntake({
        db: database.db,
        engine: database.engine,
        services: http,
        now,
        log,
        rateLimit: config.http.rateLimit,
        maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      });
    }
    staffConsole = composed.console;
    services = { ...http, sessions: composed.staffSessions };
    portal = portalServicesOf({
      agencies: createDbAgencyStore(openAccess(database.db)),
      cases: services.cases,
      reports: composePortalReports(reportDepsOf(database.db, now)),
    });
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
        await analyzer?.stop();
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
