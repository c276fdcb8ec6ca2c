// CSRF protection for HTML forms (issue #8 Security): a signed double-submit token. The browser holds
// a random value in an HttpOnly, SameSite=Strict cookie; the form carries HMAC-SHA256(secret, value)
// in `_csrf`. A cross-site page can neither read the cookie nor compute the token, and a cookie
// planted by a sibling sub-domain fails too, because it has no matching signature. The secret is
// random per process unless given; the server gives the instance secret kept in the database
// (instance_secrets), so tokens survive restarts and work on every node.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const CSRF_FIELD = '_csrf';
export const CSRF_COOKIE = 'gk_csrf';

export interface Csrf {
  /** The token for a form on this response (sets the cookie when the browser has none yet). */
  issue(c: Context): string;
  /** Whether `submitted` is the token that belongs to this browser's cookie. */
  verify(c: Context, submitted: unknown): boolean;
}

/** `secret` may be a function: the server reads the instance's persisted key once the database is up. */
export function createCsrf(secret: Uint8Array | (() => Uint8Array) = randomBytes(32)): Csrf {
  const key = typeof secret === 'function' ? secret : () => secret;
  const sign = (value: string): string => createHmac('sha256', key()).update(value).digest('base64url');
  const valid = (value: string | undefined): value is string => value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
  return {
    issue(c) {
      let value = getCookie(c, CSRF_COOKIE);
      if (!valid(value)) {
        value = randomBytes(32).toString('base64url');
        setCookie(c, CSRF_COOKIE, value, {
          path: '/',
          httpOnly: true,
          sameSite: 'Strict',
          secure: new URL(c.req.url).protocol === 'https:',
        });
      }
      return sign(value);
    },
    verify(c, submitted) {
      const value = getCookie(c, CSRF_COOKIE);
      if (!valid(value) || typeof submitted !== 'string') {
        return false;
      }
      const expected = Buffer.from(sign(value));
      const given = Buffer.from(submitted);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
