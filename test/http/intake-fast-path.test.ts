// The public intake's node:http fast path (adapters/http/intake-fast-path.ts) against the Hono route it
// stands in for, on both engines: the same raw HTTP requests go to a server with the fast path (as
// src/main.ts composes it) and to one without, over the same database and clock, and the answers
// must be the same bytes — status line, every header but Date, body (case and verification codes
// aside, which are new per case) — with the same request-log lines. Each case also checks which path
// answered, so the comparison cannot pass by both being Hono.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { agencies } from '#adapters/db/schema/agencies.ts';
import { createHttpApp } from '#adapters/http/http-app.ts';
import type { HttpServices } from '#adapters/http/http-services.ts';
import { intakeFastPath } from '#adapters/http/intake-fast-path.ts';
import { createRateLimiter } from '#adapters/http/middleware/rate-limit.ts';
import { pageCacheListener } from '#adapters/http/page-cache.ts';
import { forEachEngine } from '#test/db-harness.ts';
import { identityDeps } from '../../src/composition-root.ts';
import { composeHttpServices } from '../../src/main.ts';
import { intakeBody } from './intake-load.ts';

const NOW = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in Beijing
const MAX_BODY = 4000;
const LIMIT = { limit: 5, windowSeconds: 60 };

interface Pair {
  /** Sends the same raw request to both servers (one after the other); answers both responses. */
  send(request: (host: string) => string): Promise<{ fast: Raw; hono: Raw; direct: boolean }>;
  logs: { fast: Record<string, unknown>[]; hono: Record<string, unknown>[] };
  close(): Promise<void>;
}

interface Raw {
  readonly head: string;
  readonly body: string;
}

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** One raw HTTP/1.1 exchange (`Connection: close`): the head without its Date line, and the body. */
function exchange(port: number, text: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const split = all.indexOf('\r\n\r\n');
      resolve({
        head: all
          .slice(0, split)
          .split('\r\n')
          .filter((line) => !line.startsWith('Date: '))
          .join('\n'),
        body: all.slice(split + 4),
      });
    });
  });
}

/** A server with the fast path and one without, over the same services; each with its own rate-limit counters. */
async function serverPair(services: () => HttpServices | undefined): Promise<Pair> {
  const logs = { fast: [] as Record<string, unknown>[], hono: [] as Record<string, unknown>[] };
  let direct = false;
  const build = (which: 'fast' | 'hono') => {
    const log = (entry: Readonly<Record<string, unknown>>) => {
      logs[which].push({ ...entry });
    };
    const intakeLimiter = createRateLimiter(LIMIT);
    const app = createHttpApp({ services, intakeRateLimit: LIMIT, intakeLimiter, log, logRequests: true, maxBodyBytes: MAX_BODY });
    if (which === 'hono') {
      return createServer(pageCacheListener(app.fetch, { ttlMs: 0 }));
    }
    const fast = intakeFastPath({ services, limiter: intakeLimiter, log, logRequests: true, maxBodyBytes: MAX_BODY });
    return createServer(
      pageCacheListener(app.fetch, {
        ttlMs: 0,
        direct: (incoming, outgoing) => {
          direct = fast(incoming, outgoing);
          return direct;
        },
      }),
    );
  };
  const fastServer = build('fast');
  const honoServer = build('hono');
  const fastPort = await listen(fastServer);
  const honoPort = await listen(honoServer);
  return {
    logs,
    async send(request) {
      direct = false;
      const fast = await exchange(fastPort, request(`127.0.0.1:${fastPort}`));
      const handled = direct;
      const hono = await exchange(honoPort, request(`127.0.0.1:${honoPort}`));
      return { fast, hono, direct: handled };
    },
    async close() {
      await Promise.all([fastServer, honoServer].map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

const post =
  (path: string, body: string, headers: Record<string, string | number> = {}) =>
  (host: string) => {
    const lines = Object.entries({ Host: host, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers })
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `${name}: ${value}`);
    return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\nConnection: close\r\n\r\n${body}`;
  };

const chunked = (path: string, body: string) => (host: string) =>
  `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;

/** The receipt with its per-case codes replaced, once checked. */
function receiptShape(body: string): unknown {
  const receipt = JSON.parse(body) as Record<string, unknown>;
  assert.match(String(receipt['caseCode']), /^GK2026-\d{6,}$/);
  assert.match(String(receipt['verificationCode']), /^[A-HJKMNP-Z2-9]{10}$/);
  return { ...receipt, caseCode: 'CODE', verificationCode: 'VERIFY', length: body.length - String(receipt['caseCode']).length };
}

const withoutMs = (entries: readonly Record<string, unknown>[]): Record<string, unknown>[] =>
  entries.map(({ ms, error, ...rest }) => ({
    ...rest,
    ms: typeof ms,
    ...(error === undefined ? {} : { error: String(error).split('\n')[0] }),
  }));

forEachEngine('intake fast path and the Hono route answer alike', ({ database }) => {
  let pair: Pair;
  before(async () => {
    const { db } = await database();
    await db.insert(agencies).values([
      { slug: 'fast-a', name: '快速通道测试局' },
      { slug: 'fast-b', name: '快速通道测试局乙' },
      { slug: 'fast-c', name: '快速通道测试局丙' },
      { slug: 'fast-d', name: '快速通道测试局丁' },
      { slug: 'fast-limit', name: '限流测试局' },
    ]);
    const now = () => NOW;
    const services = composeHttpServices(db, await identityDeps(db, { now }), now);
    pair = await serverPair(() => services);
  });
  after(() => pair.close());

  const same = async (request: (host: string) => string, expected: { status: string; direct: boolean }) => {
    const { fast, hono, direct } = await pair.send(request);
    assert.equal(fast.head.split('\n')[0], `HTTP/1.1 ${expected.status}`);
    assert.equal(direct, expected.direct, expected.direct ? 'answered by the fast path' : 'left to Hono');
    assert.equal(fast.head, hono.head);
    return { fast, hono };
  };

  test('201: the same head and receipt (a new case each), stored alike', async () => {
    const { fast, hono } = await same(post('/api/agencies/fast-a/applications', JSON.stringify(intakeBody(1))), {
      status: '201 Created',
      direct: true,
    });
    assert.deepEqual(receiptShape(fast.body), receiptShape(hono.body));
    assert.deepEqual(JSON.parse(fast.body).received, '2026-03-02');
    assert.equal(
      fast.head,
      [
        'HTTP/1.1 201 Created',
        'cache-control: no-store',
        'content-type: application/json',
        `Content-Length: ${Buffer.byteLength(fast.body)}`,
        'Connection: close',
      ].join('\n'),
    );
  });

  test('400 with the fields, 400 for a body that is not JSON, 404 for an unknown agency: the same bytes', async () => {
    const invalid = JSON.stringify({
      applicant: { type: 'natural_person', idType: 'resident_id', idNumber: '110105194912310021' },
      delivery: 'fax',
    });
    for (const [request, status] of [
      [post('/api/agencies/fast-b/applications', invalid), '400 Bad Request'],
      [post('/api/agencies/fast-b/applications', '{"applicant": '), '400 Bad Request'],
      [post('/api/agencies/fast-b/applications', ''), '400 Bad Request'],
      [post('/api/agencies/no-such-agency/applications', JSON.stringify(intakeBody(2))), '404 Not Found'],
    ] as const) {
      const { fast, hono } = await same(request, { status, direct: true });
      assert.equal(fast.body, hono.body);
    }
    const { fast } = await same(post('/api/agencies/fast-b/applications', invalid), { status: '400 Bad Request', direct: true });
    // Every problem at once: the schema's, and the applicant's own checks (check digit, a way to reach them).
    assert.deepEqual(Object.keys(JSON.parse(fast.body).error.fields).sort(), [
      'applicant.idNumber',
      'applicant.name',
      'applicant.phone',
      'delivery',
      'description',
    ]);
  });

  test('content type, a BOM, other headers: the API reads the body as JSON whatever the Content-Type, on both paths', async () => {
    const body = JSON.stringify(intakeBody(3));
    for (const request of [
      post('/api/agencies/fast-c/applications', body, { 'Content-Type': 'text/plain' }),
      post('/api/agencies/fast-c/applications', body, { 'Content-Type': '' }),
      post('/api/agencies/fast-c/applications', `\uFEFF${body}`),
    ]) {
      const { fast, hono } = await same(request, { status: '201 Created', direct: true });
      assert.deepEqual(receiptShape(fast.body), receiptShape(hono.body));
    }
  });

  test('over-size, chunked, a query string, another method: left to Hono, answered alike', async () => {
    const big = JSON.stringify({ ...intakeBody(4), description: '长'.repeat(MAX_BODY) });
    let { fast, hono } = await same(post('/api/agencies/fast-d/applications', big), { status: '413 Payload Too Large', direct: false });
    assert.equal(fast.body, hono.body);
    ({ fast, hono } = await same(chunked('/api/agencies/fast-d/applications', JSON.stringify(intakeBody(5))), {
      status: '201 Created',
      direct: false,
    }));
    assert.deepEqual(receiptShape(fast.body), receiptShape(hono.body));
    ({ fast, hono } = await same(post('/api/agencies/fast-d/applications?x=1', '{'), { status: '400 Bad Request', direct: false }));
    assert.equal(fast.body, hono.body);
    ({ fast, hono } = await same((host) => `GET /api/agencies/fast-d/applications HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, {
      status: '404 Not Found',
      direct: false,
    }));
    assert.equal(fast.body, hono.body);
  });

  test('429 past the intake.rate-limit, with the same Retry-After; every path counts in the same counters', async () => {
    const body = JSON.stringify(intakeBody(6));
    // One through Hono (chunked) and four through the fast path on the fast server: the sixth is refused.
    await same(chunked('/api/agencies/fast-limit/applications', body), { status: '201 Created', direct: false });
    await same(post('/api/agencies/fast-limit/applications', '{'), { status: '400 Bad Request', direct: true });
    for (let i = 0; i < 3; i += 1) {
      await same(post('/api/agencies/fast-limit/applications', body), { status: '201 Created', direct: true });
    }
    // Each server's window opened at its own first request, so the seconds left may differ by one when a
    // loaded machine puts a second boundary between the two servers' answers: compare all but that number.
    const { fast, hono, direct } = await pair.send(post('/api/agencies/fast-limit/applications', body));
    assert.equal(direct, true, 'answered by the fast path');
    const seconds = (text: string): string => text.replace(/(retry-after: |请 )\d+/g, '$1N');
    assert.equal(fast.head.split('\n')[0], 'HTTP/1.1 429 Too Many Requests');
    assert.equal(seconds(fast.head), seconds(hono.head));
    assert.equal(seconds(fast.body), seconds(hono.body));
    for (const answer of [fast, hono]) {
      const retryAfter = Number(/\nretry-after: (\d+)\n/.exec(answer.head)?.[1]);
      assert.ok(retryAfter === 59 || retryAfter === 60, `retry-after ${retryAfter}`);
      assert.match(answer.body, new RegExp(`请 ${retryAfter} 秒后再试`));
    }
    assert.equal(JSON.parse(fast.body).error.code, 'RATE_LIMITED');
  });

  test('the request log has the same lines on both servers, naming the route, never the body', () => {
    assert.deepEqual(withoutMs(pair.logs.fast), withoutMs(pair.logs.hono));
    assert.ok(pair.logs.fast.some((entry) => entry['route'] === '/api/agencies/:slug/applications' && entry['status'] === 201));
    const text = JSON.stringify(pair.logs.fast);
    assert.doesNotMatch(text, /测试申请人|11010519491231002X|example\.org|13800000000/);
  });
});

describe('intake fast path while starting and on a defect', () => {
  test('503 while starting (invalid input still 400 first), 500 with the defect logged alike', async () => {
    let failing = false;
    const services = (): HttpServices | undefined =>
      failing
        ? ({
            cases: {
              createApplication: async () => {
                throw new Error('the database said no');
              },
            },
          } as unknown as HttpServices)
        : undefined;
    const pair = await serverPair(services);
    try {
      for (const [body, status] of [
        [JSON.stringify(intakeBody(7)), '503 Service Unavailable'],
        ['{', '400 Bad Request'],
      ] as const) {
        const { fast, hono, direct } = await pair.send(post('/api/agencies/fast-a/applications', body));
        assert.equal(direct, true);
        assert.equal(fast.head.split('\n')[0], `HTTP/1.1 ${status}`);
        assert.equal(fast.head, hono.head);
        assert.equal(fast.body, hono.body);
      }
      failing = true;
      const { fast, hono, direct } = await pair.send(post('/api/agencies/fast-a/applications', JSON.stringify(intakeBody(8))));
      assert.equal(direct, true);
      assert.equal(fast.head.split('\n')[0], 'HTTP/1.1 500 Internal Server Error');
      assert.equal(fast.head, hono.head);
      assert.equal(fast.body, hono.body);
      assert.deepEqual(withoutMs(pair.logs.fast), withoutMs(pair.logs.hono));
      assert.deepEqual(
        withoutMs(pair.logs.fast).find((entry) => entry['level'] === 'error'),
        {
          level: 'error',
          msg: 'defect',
          method: 'POST',
          path: '/api/agencies/:slug/applications',
          ms: 'undefined',
          error: 'Error: the database said no',
        },
      );
    } finally {
      await pair.close();
    }
  });
});
