// The binary check of decodeText (issue #9: it searches natively instead of walking every byte in JS):
// more stray control bytes than max(2, 1 % of the first 64 KB) mean binary, NUL anywhere means binary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText, REASON_BINARY } from './decode-text.ts';

/** `length` bytes of ASCII text (odd, so no UTF-16 reading is tried) with `stray` at the given offsets. */
function textWith(length: number, stray: number, offsets: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(length).fill(0x61);
  for (let i = 0; i < length; i += 80) {
    bytes[i] = 0x0a;
  }
  for (const at of offsets) {
    bytes[at] = stray;
  }
  return bytes;
}

const spread = (count: number, step: number, from = 1): number[] => Array.from({ length: count }, (_, i) => from + i * step);

test('up to 1 % stray control bytes is text, one more is binary (10 of 1,001 bytes; 11)', () => {
  assert.equal(decodeText(textWith(1001, 0x01, spread(10, 7))).ok, true);
  assert.deepEqual(decodeText(textWith(1001, 0x01, spread(11, 7))), { ok: false, reason: REASON_BINARY });
});

test('a short file tolerates two stray bytes, not three', () => {
  assert.equal(decodeText(textWith(101, 0x1f, [3, 9])).ok, true);
  assert.equal(decodeText(textWith(101, 0x1f, [3, 9, 27])).ok, false);
});

test('different stray bytes add up (DEL, 0x08, 0x1c), and tab, VT, FF, CR, SUB and ESC are not stray', () => {
  const mixed = textWith(301, 0x7f, [5, 50]);
  mixed[100] = 0x08;
  mixed[200] = 0x1c;
  assert.equal(decodeText(mixed).ok, false);
  const allowed = textWith(301, 0x09, spread(6, 11));
  for (const [i, byte] of [0x0b, 0x0c, 0x0d, 0x1a, 0x1b].entries()) {
    allowed[100 + i * 13] = byte;
  }
  assert.equal(decodeText(allowed).ok, true);
});

test('only the first 64 KB count: stray bytes after them do not make a text binary; a NUL anywhere does', () => {
  const length = 64 * 1024 + 20_001;
  assert.equal(decodeText(textWith(length, 0x01, spread(5000, 3, 64 * 1024 + 1))).ok, true);
  assert.equal(decodeText(textWith(length, 0x01, spread(656, 90))).ok, false); // > 655.36 in the sample
  assert.equal(decodeText(textWith(length, 0x01, spread(655, 90))).ok, true);
  assert.equal(decodeText(textWith(length, 0x00, [length - 2])).ok, false);
});
