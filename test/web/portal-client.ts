// A browser stand-in for portal tests: keeps cookies, reads the form's CSRF token, follows nothing
// by itself (tests look at each 303).
import assert from 'node:assert/strict';
import type { Hono } from 'hono';

export interface PortalClient {
  get(path: string): Promise<Response>;
  post(path: string, fields: Readonly<Record<string, string>>): Promise<Response>;
  /** The `_csrf` value of the form on the page at `path` (getting it sets the cookie). */
  csrfToken(path: string): Promise<string>;
  readonly cookies: Map<string, string>;
}

export function portalClient(app: Hono): PortalClient {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = (pair ?? '').indexOf('=');
      cookies.set((pair ?? '').slice(0, at), (pair ?? '').slice(at + 1));
    }
    return response;
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const client: PortalClient = {
    cookies,
    async get(path) {
      return remember(await app.request(path, { headers: { cookie: cookieHeader() } }));
    },
    async post(path, fields) {
      return remember(
        await app.request(path, {
          method: 'POST',
          headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        }),
      );
    },
    async csrfToken(path) {
      const page = await (await client.get(path)).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
      assert.ok(token, `no _csrf field on ${path}`);
      return token;
    },
  };
  return client;
}

/** A complete, valid application as the form posts it (without `_csrf`). */
export const VALID_FORM = {
  'applicant.type': 'natural_person',
  'applicant.name': '张三',
  'applicant.idType': 'resident_id',
  'applicant.idNumber': '11010519491231002X',
  'applicant.phone': '010-12345678',
  'applicant.email': 'zhang@example.org',
  description: '请公开本机关2025年度部门预算',
  delivery: 'email',
};
