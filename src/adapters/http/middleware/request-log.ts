// One log line per request: method, matched route pattern (not the URL: no verification codes or
// query strings), status and duration. Bodies are never logged: they carry personal data.
import type { MiddlewareHandler } from 'hono';
import type { LogLine } from '../error-response.ts';

export function requestLog(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log({
      level: 'info',
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    });
  };
}
