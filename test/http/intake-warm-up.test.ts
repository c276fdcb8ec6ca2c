// The HTTP half of the start-up warm-up (adapters/http/intake-warm-up.ts, issue #7 sixth round): the
// synthetic applications go as keep-alive requests, as clients send them, each answered whole before
// the client closes; and node:http's free list of HTTP parsers is filled for a burst of PARSER_POOL
// concurrent connections. No database here: the warm-up's database half is test/http/warm-up.test.ts.
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { driveIntakeWarmUp, PARSER_POOL, poolHttpParsers } from '#adapters/http/intake-warm-up.ts';

/**
 * node:http's free list of parsers (node:_http_common, an undocumented module: read here only to prove
 * that the pool is filled; if a Node version changes it, this test fails and the warm-up must follow).
 */
const parsers = (createRequire(import.meta.url)('_http_common') as { parsers: { list: unknown[]; max: number } }).parsers;

test('node:http keeps at most PARSER_POOL free parsers (what the pool is sized for)', () => {
  assert.equal(parsers.max, PARSER_POOL);
});

test('poolHttpParsers leaves as many free HTTP parsers as connections it held open at once', async () => {
  const pooled = await poolHttpParsers(300);
  assert.equal(pooled, 300);
  assert.ok(parsers.list.length >= 300, `free parsers after pooling 300 connections: ${parsers.list.length}`);
  assert.equal(await poolHttpParsers(PARSER_POOL), PARSER_POOL);
  assert.equal(parsers.list.length, PARSER_POOL, 'the whole free list after a pool of PARSER_POOL');
});

test('the synthetic applications are keep-alive requests, answered whole, then closed by the client', async () => {
  const seen: { keepAlive: boolean; body: string }[] = [];
  const handler = (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      seen.push({ keepAlive: outgoing.shouldKeepAlive, body: Buffer.concat(chunks).toString('utf8') });
      // An answer larger than one read: the client must wait for all of it before it closes.
      const body = JSON.stringify({ caseCode: 'X', padding: 'x'.repeat(200_000) });
      outgoing.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    });
    return true;
  };
  const result = await driveIntakeWarmUp({
    handler,
    agencySlug: 'warm-up-test',
    requests: 40,
    concurrency: 20,
    deadline: performance.now() + 60_000,
  });
  assert.deepEqual(result, { sent: 40, statuses: { '201': 40 } });
  assert.equal(seen.length, 40);
  assert.ok(
    seen.every((request) => request.keepAlive),
    'every request asked to keep its connection',
  );
  assert.ok(seen.every((request) => (JSON.parse(request.body) as { applicant?: unknown }).applicant !== undefined));
});
