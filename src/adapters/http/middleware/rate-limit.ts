// Fixed-window rate limit per client address for the public intake. The limit is the setting
// `intake.rate-limit` of the agency in the path (`:slug`) over the instance default, looked up through
// a resolver the composition root gives (cached there), or a fixed setting; `off` admits everything
// (GONGKAI_RATE_LIMIT=off turns every limit off for load tests). Each agency and address has its own
// window. Counters live in this process: with several app nodes they move to PostgreSQL
// (architecture.md, scale-out step 3).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '#core/shared/domain-error.ts';

export interface RateLimitSetting {
  /** Requests allowed per window and client address. */
  readonly limit: number;
  readonly windowSeconds: number;
}

/** The limit of an agency (by slug; undefined when the route names none). */
export type RateLimitResolver = (agencySlug: string | undefined) => Promise<RateLimitSetting | 'off'>;

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // requests not coming through node-server (tests calling app.fetch) share one bucket
  }
}

/** Windows kept at most; past it, expired windows are dropped (a flood of addresses cannot grow memory without bound). */
const MAX_WINDOWS = 50_000;

/** The counters of one rate limit: `admit` counts a request and throws RATE_LIMITED past the limit. */
export interface RateLimiter {
  /** Counts one request of `address` to the agency `slug`; rejects with DomainError RATE_LIMITED (retryAfterSeconds) past the limit. */
  admit(slug: string | undefined, address: string): Promise<void>;
}

/** Fixed windows per agency and client address, under `setting` (`off`: admits everything). */
export function createRateLimiter(setting: RateLimitSetting | 'off' | RateLimitResolver, now: () => number = Date.now): RateLimiter {
  if (setting === 'off') {
    return { admit: async () => {} };
  }
  const resolve: RateLimitResolver = typeof setting === 'function' ? setting : async () => setting;
  const windows = new Map<string, { start: number; windowMs: number; count: number }>();
  return {
    async admit(slug, address) {
      const limit = await resolve(slug);
      if (limit === 'off') {
        return;
      }
      const t = now();
      const windowMs = limit.windowSeconds * 1000;
      const key = `${slug ?? ''}\u0000${address}`;
      let window = windows.get(key);
      if (window === undefined || t - window.start >= window.windowMs || window.windowMs !== windowMs) {
        if (window === undefined && windows.size >= MAX_WINDOWS) {
          for (const [k, w] of windows) {
            if (t - w.start >= w.windowMs) {
              windows.delete(k);
            }
          }
        }
        window = { start: t, windowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count > limit.limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.start + windowMs - t) / 1000));
        throw new DomainError('RATE_LIMITED', `提交过于频繁，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds });
      }
    },
  };
}

const isLimiter = (value: unknown): value is RateLimiter => typeof value === 'object' && value !== null && 'admit' in value;

/** The limit as Hono middleware: a setting (its own counters) or a RateLimiter shared with another path (the intake's node:http fast path). */
export function rateLimit(
  setting: RateLimitSetting | 'off' | RateLimitResolver | RateLimiter,
  now: () => number = Date.now,
): MiddlewareHandler {
  if (setting === 'off') {
    return async (_c, next) => next();
  }
  const limiter = isLimiter(setting) ? setting : createRateLimiter(setting, now);
  return async (c, next) => {
    await limiter.admit(c.req.param('slug'), clientAddress(c));
    await next();
  };
}
