// The public intake straight on node:http (issue #7: 1,000 concurrent intakes, p99 < 500 ms). Under a
// burst the server's CPU per intake is what the p99 waits for, and about a third of it went to
// @hono/node-server's web Request/Response adaptation (a Request, its Headers and AbortSignal, a
// ReadableStream per body, a Response), Hono's routing and middleware chain — and to the garbage they
// leave while a thousand requests wait for their batch's COMMIT. This handler takes
// `POST /api/agencies/{slug}/applications` before all that, and answers it exactly as the Hono route
// does (same status, the same headers in the same order, the same JSON bytes, the same request-log
// line): the work after the rate limit is the route's own function (submitIntake), errors go through
// the same outcome table (errorBody, errorHeaders, logDefectOf), and the rate limit counts in the
// same counters (one RateLimiter for both). Anything out of the ordinary — another method, a query
// string, a slug outside the slug alphabet, no Content-Length, a chunked body, a body over the limit,
// an unusual Host — is left to Hono, which remains the one implementation of the edge cases.
// test/http/intake-fast-path.test.ts sends the same requests through both and compares the bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from '#app/error-outcomes.ts';
import { INTAKE_ROUTE, submitIntake } from './api/applications/routes.ts';
import { errorHeaders, type LogLine, logDefectOf, statusOf } from './error-response.ts';
import { readyServices } from './http-app.ts';
import type { HttpServices } from './http-services.ts';
import type { RateLimiter } from './middleware/rate-limit.ts';

export interface IntakeFastPathOptions {
  /** The services once the database is migrated; undefined while starting (503, as the app). */
  readonly services: () => HttpServices | undefined;
  /** The API intake's rate limit: the SAME limiter the Hono route was given (createHttpApp's intakeLimiter). */
  readonly limiter: RateLimiter;
  readonly log: LogLine;
  /** Log one line per request, as the app's request log does. */
  readonly logRequests: boolean;
  /** The API's body limit (createHttpApp's maxBodyBytes); larger bodies go to Hono, which refuses them. */
  readonly maxBodyBytes: number;
}

/** Handles the request and answers true, or answers false without touching it (the caller passes it on). */
export type DirectHandler = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

/** The intake's path with a slug of the agency slug alphabet (core AGENCY_SLUG_PATTERN's characters); no query. */
const INTAKE_PATH = /^\/api\/agencies\/([a-z0-9-]{1,63})\/applications$/;
/** A Host header @hono/node-server takes as it is (name or IPv4 with an optional port, or a bracketed IPv6). */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const DIGITS = /^\d+$/;

const utf8 = new TextDecoder(); // as Request.text(): UTF-8, a leading BOM dropped, bad bytes replaced

/**
 * Writes a JSON answer with the headers the Hono route's answer has, in the same order:
 * @hono/node-server writes a Headers object's names (lower-case, sorted), then Content-Length.
 */
function answer(outgoing: ServerResponse, status: number, value: unknown, extra: Readonly<Record<string, string>>): void {
  const body = JSON.stringify(value);
  const headers: Record<string, string | number> = {};
  for (const name of [...Object.keys(extra), 'content-type'].sort()) {
    headers[name] = name === 'content-type' ? 'application/json' : (extra[name] as string);
  }
  headers['Content-Length'] = Buffer.byteLength(body);
  outgoing.writeHead(status, headers);
  outgoing.end(body);
}

/** The body, read whole (Node's parser stops at the declared Content-Length); rejects if the client goes away first. */
function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => resolve(utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
    incoming.once('error', reject);
    incoming.once('aborted', () => reject(new Error('Client connection prematurely closed.')));
  });
}

export function intakeFastPath(options: IntakeFastPathOptions): DirectHandler {
  const services = readyServices(options.services);

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse, slug: string, start: number) => {
    let status: number;
    try {
      // The route's order: rate limit, then body, JSON, schema, services (503 while starting), the use case.
      await options.limiter.admit(slug, incoming.socket.remoteAddress ?? 'unknown');
      const receipt = await submitIntake(services, slug, await readBody(incoming));
      status = 201;
      answer(outgoing, status, receipt, { 'cache-control': 'no-store' });
    } catch (error) {
      status = statusOf(error);
      logDefectOf('POST', INTAKE_ROUTE, error, options.log);
      answer(outgoing, status, errorBody(error), errorHeaders(error));
    }
    if (options.logRequests) {
      options.log({ level: 'info', method: 'POST', route: INTAKE_ROUTE, status, ms: Math.round((performance.now() - start) * 10) / 10 });
    }
  };

  return (incoming, outgoing) => {
    if (incoming.method !== 'POST') {
      return false;
    }
    const match = INTAKE_PATH.exec(incoming.url ?? '');
    const headers = incoming.headers;
    const declared = headers['content-length'];
    if (
      match === null ||
      declared === undefined ||
      !DIGITS.test(declared) ||
      Number(declared) > options.maxBodyBytes ||
      headers['transfer-encoding'] !== undefined ||
      headers.host === undefined ||
      !PLAIN_HOST.test(headers.host)
    ) {
      return false;
    }
    void handle(incoming, outgoing, match[1] as string, performance.now());
    return true;
  };
}
