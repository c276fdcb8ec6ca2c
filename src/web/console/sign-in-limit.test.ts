// The sign-in limiter on its own clock: per username, per address (4×), the window, success.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSignInLimiter } from './sign-in-limit.ts';

test('a username is blocked after its limit of failures until the window ends; success clears it', () => {
  let t = 0;
  const limiter = createSignInLimiter({ limit: 3, windowSeconds: 60 }, () => t);
  for (let i = 0; i < 3; i += 1) {
    assert.equal(limiter.retryAfter('Wang', '10.0.0.1'), undefined, `attempt ${i + 1}`);
    limiter.fail('Wang', '10.0.0.1');
  }
  assert.equal(limiter.retryAfter('wang', '10.0.0.2'), 60, 'same username (case-insensitive) from another address');
  t = 45_000;
  assert.equal(limiter.retryAfter('wang', '10.0.0.2'), 15);
  t = 60_000;
  assert.equal(limiter.retryAfter('wang', '10.0.0.2'), undefined, 'a new window');
  limiter.fail('wang', '10.0.0.1');
  limiter.fail('wang', '10.0.0.1');
  limiter.succeed('wang');
  limiter.fail('wang', '10.0.0.1');
  assert.equal(limiter.retryAfter('wang', '10.0.0.1'), undefined, 'success started the count again');
});

test('an address is blocked after 4× the limit across usernames; other addresses are not', () => {
  let t = 0;
  const limiter = createSignInLimiter({ limit: 2, windowSeconds: 300 }, () => t);
  for (let i = 0; i < 8; i += 1) {
    assert.equal(limiter.retryAfter(`user${i}`, '192.0.2.7'), undefined, `user${i}`);
    limiter.fail(`user${i}`, '192.0.2.7');
  }
  assert.equal(limiter.retryAfter('someone-new', '192.0.2.7'), 300);
  assert.equal(limiter.retryAfter('someone-new', '192.0.2.8'), undefined);
  t = 1000;
  assert.equal(limiter.retryAfter('someone-new', '192.0.2.7'), 299);
});

test('off: never blocks', () => {
  const limiter = createSignInLimiter('off');
  for (let i = 0; i < 100; i += 1) {
    limiter.fail('wang', '10.0.0.1');
  }
  assert.equal(limiter.retryAfter('wang', '10.0.0.1'), undefined);
});
