// The one Hono app: /healthz, the JSON API under /api (issue #7) and, later, portal and console
// (issue #8). Services arrive when migrations are done; until then /healthz says `starting` and the
// API answers 503.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '#core/shared/domain-error.ts';
import { applicationRoutes } from './api/applications/routes.ts';
import { caseRoutes } from './api/cases/routes.ts';
import { jobRoutes } from './api/jobs/routes.ts';
import { caseLetterRoutes, letterTemplateRoutes } from './api/letters/routes.ts';
import { sessionRoutes } from './api/session/routes.ts';
import { errorResponse, type LogLine } from './error-response.ts';
import type { HttpServices } from './http-services.ts';
import { authenticate, type StaffEnv } from './middleware/authenticate.ts';
import { type RateLimiter, type RateLimitResolver, type RateLimitSetting, rateLimit } from './middleware/rate-limit.ts';
import { requestLog } from './middleware/request-log.ts';
import { openApiDocument } from './openapi.ts';

export interface HttpAppOptions {
  /** The services once the database is migrated; undefined while starting. */
  readonly services: () => HttpServices | undefined;
  /** Public intake rate limit per client address (`off` for load tests). */
  readonly intakeRateLimit: RateLimitSetting | 'off' | RateLimitResolver;
  readonly log: LogLine;
  /** Log one line per request (method, route pattern, status, time; never bodies or query strings). */
  readonly logRequests?: boolean;
  readonly version?: string;
  /** Largest accepted request body in bytes (default DEFAULT_MAX_BODY_BYTES). */
  readonly maxBodyBytes?: number;
  /**
   * The API intake's rate-limit counters when another path shares them (the node:http fast path,
   * adapters/http/intake-fast-path.ts); default: counters of its own under `intakeRateLimit`.
   */
  readonly intakeLimiter?: RateLimiter;
}

/** Largest JSON request body the API accepts unless configured otherwise (bytes). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** The services, or UNAVAILABLE (503) while the server is starting. */
export function readyServices(services: () => HttpServices | undefined): () => HttpServices {
  return () => {
    const ready = services();
    if (ready === undefined) {
      throw new DomainError('UNAVAILABLE', '服务正在启动，请稍后再试');
    }
    return ready;
  };
}

/**
 * Refuses bodies over `maxSize` bytes. On Node a request that declares its Content-Length (and no
 * Transfer-Encoding) is judged by that header alone, read from the IncomingMessage: hono's bodyLimit
 * asks for `c.req.raw.body`, which makes @hono/node-server build a full web Request for every request
 * (~12 % of an intake's CPU) instead of reading the body directly. Anything else (chunked bodies, other
 * runtimes, `app.request` in tests) goes through hono's bodyLimit, which counts while reading.
 */
function limitBody(maxSize: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new DomainError('PAYLOAD_TOO_LARGE', '请求体过大');
  };
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const headers = (c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } } | undefined)?.incoming?.headers;
    const declared = headers?.['content-length'];
    if (headers !== undefined && typeof declared === 'string' && headers['transfer-encoding'] === undefined && /^\d+$/u.test(declared)) {
      // Node's HTTP parser reads exactly Content-Length bytes as the body.
      if (Number(declared) > maxSize) {
        tooLarge();
      }
      return next();
    }
    if (headers !== undefined && (c.req.method === 'GET' || c.req.method === 'HEAD') && headers['transfer-encoding'] === undefined) {
      return next(); // no body
    }
    return counted(c, next);
  };
}

export function createHttpApp(options: HttpAppOptions): Hono {
  const services = readyServices(options.services);
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error, options.log));
  if (options.logRequests === true) {
    app.use(requestLog(options.log));
  }
  app.get('/healthz', (c) => (options.services() === undefined ? c.json({ status: 'starting' }, 503) : c.json({ status: 'ok' })));

  const api = new Hono();
  const jsonLimit = limitBody(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  // Attachment uploads set their own limit (files × size) once the caller's access is checked.
  api.use((c, next) => (c.req.method === 'POST' && /^\/api\/cases\/[^/]+\/attachments$/.test(c.req.path) ? next() : jsonLimit(c, next)));
  api.get('/openapi.json', (c) => c.json(openApiDocument(options.version ?? '0.0.0')));
  api.route('/', applicationRoutes({ services, intakeLimit: rateLimit(options.intakeLimiter ?? options.intakeRateLimit) }));
  api.route('/session', sessionRoutes(services));
  const staff = new Hono<StaffEnv>();
  staff.use(authenticate(services));
  staff.route('/', caseRoutes(services));
  staff.route('/', caseLetterRoutes(services));
  api.route('/cases', staff);
  api.route('/', letterTemplateRoutes(services));
  api.route('/jobs', jobRoutes(services));
  api.all('*', () => {
    throw new DomainError('NOT_FOUND', '没有这个接口');
  });
  app.route('/api', api);
  return app;
}
