// The page cache in front of the Hono app: real node:http server, real requests on 127.0.0.1.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { PAGE_CACHE_HEADER, pageCacheListener, sharedPage } from './page-cache.ts';

interface Harness {
  readonly url: string;
  readonly renders: Map<string, number>;
  readonly logged: Record<string, unknown>[];
  clock: number;
  close(): Promise<void>;
}

async function harness(ttlMs = 1000): Promise<Harness> {
  const renders = new Map<string, number>();
  const count = (name: string): number => {
    const n = (renders.get(name) ?? 0) + 1;
    renders.set(name, n);
    return n;
  };
  let state = 'old';
  const app = new Hono();
  app.use(secureHeaders({ referrerPolicy: 'no-referrer' }));
  app.get('/shared', (c) => {
    sharedPage(c);
    return c.html(`<p>shared ${count('shared')} ${state} ${c.req.query('q') ?? ''}</p>`);
  });
  app.get('/private', (c) => c.html(`<p>private ${count('private')}</p>`));
  app.get('/cookie', (c) => {
    sharedPage(c);
    c.header('Set-Cookie', 'a=b');
    return c.html(`<p>cookie ${count('cookie')}</p>`);
  });
  app.get('/missing', (c) => {
    sharedPage(c);
    return c.html(`<p>missing ${count('missing')}</p>`, 404);
  });
  app.post('/change', (c) => {
    state = 'new';
    return c.text('ok');
  });
  const logged: Record<string, unknown>[] = [];
  const h: Harness = {
    url: '',
    renders,
    logged,
    clock: 0,
    close: async () => undefined,
  };
  const server: Server = createServer(
    pageCacheListener(app.fetch, { ttlMs, log: (entry) => logged.push({ ...entry }), now: () => h.clock }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(h, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

test('a shared page is rendered once and answered from the cache with the same bytes and headers until it expires', async () => {
  const h = await harness();
  try {
    const first = await fetch(`${h.url}/shared`);
    const firstBody = await first.text();
    const second = await fetch(`${h.url}/shared`);
    const secondBody = await second.text();
    assert.equal(firstBody, '<p>shared 1 old </p>');
    assert.equal(secondBody, firstBody);
    assert.equal(h.renders.get('shared'), 1);
    // The marker never leaves the server; the security headers do, on both answers.
    assert.equal(first.headers.get(PAGE_CACHE_HEADER), null);
    assert.equal(second.headers.get(PAGE_CACHE_HEADER), null);
    for (const name of ['content-type', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'strict-transport-security']) {
      assert.ok(first.headers.get(name) !== null, name);
      assert.equal(second.headers.get(name), first.headers.get(name), name);
    }
    assert.equal(second.headers.get('content-length'), String(Buffer.byteLength(firstBody)));
    // The cached answer is logged like any other request, with its route pattern.
    assert.deepEqual(
      h.logged.map(({ route, status, cached }) => ({ route, status, cached })),
      [{ route: '/shared', status: 200, cached: true }],
    );
    h.clock += 1000;
    assert.equal(await (await fetch(`${h.url}/shared`)).text(), '<p>shared 2 old </p>');
  } finally {
    await h.close();
  }
});

test('each query string is its own page; unmarked, non-200 and cookie-setting answers are never kept', async () => {
  const h = await harness();
  try {
    assert.equal(await (await fetch(`${h.url}/shared?q=a`)).text(), '<p>shared 1 old a</p>');
    assert.equal(await (await fetch(`${h.url}/shared?q=b`)).text(), '<p>shared 2 old b</p>');
    assert.equal(await (await fetch(`${h.url}/shared?q=a`)).text(), '<p>shared 1 old a</p>');
    for (const path of ['private', 'cookie', 'missing']) {
      const one = await fetch(`${h.url}/${path}`);
      assert.equal(one.headers.get(PAGE_CACHE_HEADER), null);
      await one.text();
      await (await fetch(`${h.url}/${path}`)).text();
      assert.equal(h.renders.get(path), 2, path);
    }
    const missing = await fetch(`${h.url}/missing`);
    assert.equal(missing.status, 404);
    await missing.text();
  } finally {
    await h.close();
  }
});

test('a state-changing request empties the cache: the next view shows the change at once', async () => {
  const h = await harness();
  try {
    assert.equal(await (await fetch(`${h.url}/shared`)).text(), '<p>shared 1 old </p>');
    assert.equal(await (await fetch(`${h.url}/change`, { method: 'POST' })).text(), 'ok');
    assert.equal(await (await fetch(`${h.url}/shared`)).text(), '<p>shared 2 new </p>');
  } finally {
    await h.close();
  }
});

test('a time of 0 keeps nothing (GONGKAI_PAGE_CACHE=off) but still strips the marker', async () => {
  const h = await harness(0);
  try {
    const first = await fetch(`${h.url}/shared`);
    assert.equal(first.headers.get(PAGE_CACHE_HEADER), null);
    assert.equal(await first.text(), '<p>shared 1 old </p>');
    assert.equal(await (await fetch(`${h.url}/shared`)).text(), '<p>shared 2 old </p>');
  } finally {
    await h.close();
  }
});

test('HEAD answers with the headers and Content-Length of the GET, and no body (RFC 9110 §9.3.2)', async () => {
  const h = await harness();
  try {
    for (const path of ['/shared', '/private', '/missing']) {
      const get = await fetch(`${h.url}${path}`);
      const body = await get.text();
      const head = await fetch(`${h.url}${path}`, { method: 'HEAD' });
      assert.equal(head.status, get.status, path);
      assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(body)), path);
      assert.equal(head.headers.get('content-type'), get.headers.get('content-type'), path);
      assert.equal(head.headers.get(PAGE_CACHE_HEADER), null, path);
      assert.equal(await head.text(), '', path);
    }
  } finally {
    await h.close();
  }
});
