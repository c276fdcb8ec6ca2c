import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cappedPoolSize, defaultPoolSize } from './report-reader-pool.ts';

test('the default pool leaves one core to the main thread: none on 2 cores, 3 workers on 4', () => {
  assert.equal(defaultPoolSize(1), 1);
  assert.equal(defaultPoolSize(2), 1);
  assert.equal(defaultPoolSize(4), 3);
  assert.equal(defaultPoolSize(16), 15);
});

test('--jobs is capped at the cores (300 workers on 2 cores took 15.5 GB)', () => {
  assert.equal(cappedPoolSize(300, 2), 2);
  assert.equal(cappedPoolSize(4, 8), 4);
  assert.equal(cappedPoolSize(1, 8), 1);
  assert.equal(cappedPoolSize(undefined, 2), 1);
  assert.equal(cappedPoolSize(undefined, 8), 7);
});
