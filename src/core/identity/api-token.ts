// API token format: `gk_` + 43 base64url characters (32 random bytes). Only a hash of the token is
// stored; the token itself is shown once when created.

export const API_TOKEN_PREFIX = 'gk_';
const TOKEN_PATTERN = /^gk_[A-Za-z0-9_-]{43}$/;

/** True when `text` has the shape of a gongkai API token (a cheap check before any lookup). */
export const isApiTokenShape = (text: string): boolean => TOKEN_PATTERN.test(text);

/** The bearer credential of an `Authorization` header value, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) {
    return undefined;
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}
