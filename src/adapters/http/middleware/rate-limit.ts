// Fixed-window rate limit per client address for the public intake (GONGKAI_INTAKE_RATE_LIMIT; off
// for load tests: GONGKAI_RATE_LIMIT=off). Counters live in this process: with several app nodes they move to
// PostgreSQL (architecture.md, scale-out step 3).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '#core/shared/domain-error.ts';

export interface RateLimitSetting {
  /** Requests allowed per window and client address. */
  readonly limit: number;
  readonly windowSeconds: number;
}

export function clientAddress(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // requests not coming through node-server (tests calling app.fetch) share one bucket
  }
}

export function rateLimit(setting: RateLimitSetting | 'off', now: () => number = Date.now): MiddlewareHandler {
  if (setting === 'off') {
    return async (_c, next) => next();
  }
  const windowMs = setting.windowSeconds * 1000;
  let windowStart = now();
  let counts = new Map<string, number>();
  return async (c, next) => {
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t;
      counts = new Map();
    }
    const key = clientAddress(c);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > setting.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - t) / 1000));
      throw new DomainError('RATE_LIMITED', `提交过于频繁，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds });
    }
    await next();
  };
}
