// The API's body limit over a real node:http server (adapters/http/http-app.ts limitBody): a declared
// Content-Length is judged from the header and the body then read directly from the IncomingMessage;
// a chunked body is counted while read. No database: the limit and the body come before the services.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createAdaptorServer } from '@hono/node-server';
import { createHttpApp } from '#adapters/http/http-app.ts';
import { intakeBody } from './intake-load.ts';

const MAX = 2000;
let url = '';
let close: () => Promise<void> = async () => {};

before(async () => {
  const app = createHttpApp({ services: () => undefined, intakeRateLimit: 'off', log: () => {}, maxBodyBytes: MAX });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
after(() => close());

/** POSTs `chunks` (with Content-Length when `declared`, else chunked); answers status and JSON body. */
function post(
  chunks: readonly string[],
  declared: boolean,
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const length = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const req = request(
      `${url}/api/agencies/dept-a/applications`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...(declared ? { 'content-length': length } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) {
      req.write(chunk);
    }
    req.end();
  });
}

test('a declared Content-Length over the limit is 413, a chunked body over it too', async () => {
  const big = JSON.stringify({ ...intakeBody(1), description: 'x'.repeat(MAX) });
  const declared = await post([big], true);
  assert.equal(declared.status, 413);
  assert.equal(declared.body.error?.code, 'PAYLOAD_TOO_LARGE');
  const chunked = await post([big.slice(0, 1000), big.slice(1000)], false);
  assert.equal(chunked.status, 413);
});

test('bodies within the limit are read whole, declared or chunked: bad JSON is 400, a valid intake reaches the services (503 while starting)', async () => {
  for (const declared of [true, false]) {
    const broken = await post(['{"applicant":', ' {'], declared);
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error?.code, 'INVALID_INPUT');
    const text = JSON.stringify(intakeBody(2));
    const valid = await post([text.slice(0, 50), text.slice(50)], declared);
    assert.equal(valid.status, 503, `declared ${declared}`);
  }
});
