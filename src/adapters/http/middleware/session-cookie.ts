// The staff console's session cookie (issue #8), shared by the console pages and the staff API.
// HttpOnly (no script reads it), SameSite=Lax (sent on top-level navigation from a link, never on a
// cross-site POST or fetch), Secure whenever the request came over TLS (directly, or through a
// reverse proxy that says so in X-Forwarded-Proto). Path / so that /api sees it too.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'gk_session';

/** Whether the browser reached us over TLS (a proxy's X-Forwarded-Proto only ever makes cookies stricter). */
export const overTls = (c: Context): boolean =>
  new URL(c.req.url).protocol === 'https:' || (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';

export function readSessionCookie(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** Sets the session cookie; no Max-Age: it ends with the browser, and the server ends it earlier. */
export function writeSessionCookie(c: Context, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'Lax', secure: overTls(c) });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: overTls(c) });
}

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) {
    return false;
  }
  let diff = 0;
  for (let i = 0; i < expected.length; i += 1) {
    diff |= expected.charCodeAt(i) ^ given.charCodeAt(i);
  }
  return diff === 0;
}

/** Methods that change nothing: no CSRF token needed. */
export const isSafeMethod = (method: string): boolean => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
