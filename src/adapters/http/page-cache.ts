// A micro-cache of public pages in front of the Hono app (issue #8, portal throughput). A public page
// that a route marks with PAGE_CACHE_HEADER (the agency homes, the 年度报告 pages: the same bytes for
// every visitor, no CSRF token, no cookie) is kept for a short time (GONGKAI_PAGE_CACHE, default 1 s)
// and answered straight from node:http, without building a web Request and Response, routing and
// middleware: under a crowd the page is rendered about once a second instead of once per view. What
// can make it stale is bounded the same way as the portal's agency list (1 s), and any state-changing
// request this process handles (POST, PUT, PATCH, DELETE) empties the cache before and after it runs,
// so a change made in the console shows on the next page view. Pages with a query string are keyed with
// it; a response that is not 200, sets a cookie or is larger than MAX_BODY is never kept.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Context } from 'hono';
import type { LogLine } from './error-response.ts';

/** Set by a route on a page every visitor may share; the value is the route pattern (for the request log). Never sent. */
export const PAGE_CACHE_HEADER = 'x-gongkai-page-cache';

/** Marks a page every visitor sees alike (no CSRF token, no cookie, nothing personal) for the page cache. */
export const sharedPage = (c: Context): void => {
  c.header(PAGE_CACHE_HEADER, c.req.routePath);
};

/** Largest page kept (bytes): portal pages are 5–60 KB; downloads are not marked. */
const MAX_BODY = 512 * 1024;
/** Most pages kept at once (each agency's home and report pages); past it the oldest go first. */
const MAX_ENTRIES = 2000;

interface CachedPage {
  readonly headers: Record<string, string | string[]>;
  readonly body: Uint8Array;
  readonly route: string;
  readonly expires: number;
}

export interface PageCacheOptions {
  /** How long a page is kept, in milliseconds; 0 turns the cache off. */
  readonly ttlMs: number;
  /** The request log (one line per page answered from the cache, as the app's request log writes). */
  readonly log?: LogLine;
  /** Milliseconds clock (tests). */
  readonly now?: () => number;
}

type Fetch = (request: Request, env: { incoming: IncomingMessage; outgoing: ServerResponse }) => Response | Promise<Response>;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The cache key: host and the request target (path and query) as sent. */
const keyOf = (incoming: IncomingMessage): string => `${incoming.headers.host ?? ''} ${incoming.url ?? ''}`;

/**
 * A HEAD request answered as its GET would be, without the body: Hono answers HEAD with the GET's
 * headers and no body, so Node sent `Content-Length: 0`, which RFC 9110 §8.6 forbids (a HEAD answer's
 * length must be the GET's or absent). The GET is rendered and measured; nothing of it is sent.
 */
async function headOf(fetch: Fetch, request: Request, env: Parameters<Fetch>[1]): Promise<Response> {
  const response = await fetch(new Request(request.url, { method: 'GET', headers: request.headers }), env);
  const headers = new Headers(response.headers);
  headers.delete(PAGE_CACHE_HEADER);
  if (response.body !== null && !headers.has('content-length') && !headers.has('transfer-encoding')) {
    headers.set('content-length', String((await response.arrayBuffer()).byteLength));
  }
  return new Response(null, { status: response.status, statusText: response.statusText, headers });
}

/** A node:http request listener: pages from the cache when fresh, everything else through `fetch` (the Hono app). */
export function pageCacheListener(fetch: Fetch, options: PageCacheOptions): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const now = options.now ?? Date.now;
  const pages = new Map<string, CachedPage>();

  const capture: Fetch = async (request, env) => {
    if (request.method === 'HEAD') {
      return headOf(fetch, request, env);
    }
    const response = await fetch(request, env);
    const route = response.headers.get(PAGE_CACHE_HEADER);
    if (route === null) {
      return response;
    }
    const headers = new Headers(response.headers);
    headers.delete(PAGE_CACHE_HEADER);
    const body = new Uint8Array(await response.arrayBuffer());
    if (
      options.ttlMs > 0 &&
      env.incoming.method === 'GET' &&
      response.status === 200 &&
      !headers.has('set-cookie') &&
      body.byteLength <= MAX_BODY
    ) {
      if (pages.size >= MAX_ENTRIES) {
        pages.delete(pages.keys().next().value as string);
      }
      const kept: Record<string, string | string[]> = {};
      headers.forEach((value, name) => {
        kept[name] = value;
      });
      kept['content-length'] = String(body.byteLength);
      pages.set(keyOf(env.incoming), { headers: kept, body, route, expires: now() + options.ttlMs });
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
  const listener = getRequestListener(capture as never);

  return (incoming, outgoing) => {
    if (incoming.method === 'GET' && pages.size > 0) {
      const start = performance.now();
      const key = keyOf(incoming);
      const page = pages.get(key);
      if (page !== undefined) {
        if (page.expires > now()) {
          outgoing.writeHead(200, page.headers);
          outgoing.end(page.body);
          options.log?.({
            level: 'info',
            method: 'GET',
            route: page.route,
            status: 200,
            ms: Math.round((performance.now() - start) * 10) / 10,
            cached: true,
          });
          return;
        }
        pages.delete(key);
      }
    } else if (incoming.method !== undefined && WRITES.has(incoming.method)) {
      // Emptied before the write runs and again once it has answered: a page rendered while it ran may show the old state.
      pages.clear();
      outgoing.once('finish', () => pages.clear());
    }
    void listener(incoming, outgoing);
  };
}
