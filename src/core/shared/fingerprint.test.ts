import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fingerprintOf } from './fingerprint.ts';

/** The definition: 64-bit FNV-1a over the UTF-16 code units of the parts joined by U+001F, in BigInt. */
function referenceFingerprint(...parts: readonly (string | number)[]): string {
  const text = parts.join('\u001f');
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

test('the fingerprint of nothing is the FNV-1a 64 offset basis', () => {
  assert.equal(fingerprintOf(), 'cbf29ce484222325');
  assert.equal(fingerprintOf(''), 'cbf29ce484222325');
});

test('the fingerprint matches published FNV-1a 64 vectors', () => {
  assert.equal(fingerprintOf('a'), 'af63dc4c8601ec8c');
  assert.equal(fingerprintOf('foobar'), '85944171f73967e8');
});

test('fingerprints of known evaluations stay what they were', () => {
  for (const parts of [
    ['T3-BALANCE', 'total', 'received.total', 'carried_in.total', 'outcome.total.total', 'carried_out.total'],
    ['T4-SUM', '行政复议', 'review.upheld', 'review.corrected'],
    ['READ-SOURCE', '无法读取文件：文件为空'],
    ['X', 0, 12, -3.5],
  ] as const) {
    assert.equal(fingerprintOf(...parts), referenceFingerprint(...parts));
  }
});

test('the fingerprint equals the BigInt reference on random parts, Chinese and surrogates included', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.integer(), fc.double())), (parts) => {
      assert.equal(fingerprintOf(...parts), referenceFingerprint(...parts));
    }),
    { numRuns: 500 },
  );
});

test('fingerprints stay right when the remembered ones overflow the cache and it starts again', () => {
  for (let i = 0; i < 60_000; i++) {
    const parts = ['CELL-VALUE', `cell:row${i}.total`, `row${i}.total`];
    const expected = i % 997 === 0 || i > 59_990 ? referenceFingerprint(...parts) : undefined;
    const actual = fingerprintOf(...parts);
    if (expected !== undefined) {
      assert.equal(actual, expected);
    }
  }
  assert.equal(fingerprintOf('T4-SUM', 'x'), referenceFingerprint('T4-SUM', 'x'));
  assert.equal(fingerprintOf('T4-SUM', 'x'), referenceFingerprint('T4-SUM', 'x'));
});
