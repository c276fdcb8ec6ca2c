// A stable, dependency-free fingerprint for findings and evaluations (core may not import node:crypto).

// FNV-1a 64 offset basis 0xcbf29ce484222325 as two 32-bit halves; the prime 0x100000001b3 is 2^40 + 0x1b3.
const OFFSET_HIGH = 0xcbf29ce4 | 0;
const OFFSET_LOW = 0x84222325 | 0;
const PRIME_LOW = 0x1b3;
const SEPARATOR = 0x1f;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

// Fingerprints depend on rule, subject and cell IDs only, so the same few thousand recur in every report
// of a template. They are remembered in a trie keyed part by part (no joined key string to build and
// hash); bounded, and cleared when full.
interface CacheNode {
  hash: string | undefined;
  readonly next: Map<string, CacheNode>;
}
const CACHE_LIMIT = 50_000;
let cacheRoot: CacheNode = { hash: undefined, next: new Map() };
let cacheSize = 0;

/**
 * 64-bit FNV-1a of the UTF-16 code units of the parts joined by U+001F, as 16 hex digits.
 *
 * Computed on two int32 halves with 16-bit partial products instead of BigInt (a report takes
 * hundreds of fingerprints; BigInt made them a third of the audit's time). Every intermediate stays
 * a small integer, so V8 keeps the loop unboxed. The output is identical to the BigInt definition,
 * which fingerprint.test.ts keeps as the reference.
 */
export function fingerprintOf(...parts: readonly (string | number)[]): string {
  return fingerprintOfParts(parts);
}

/** {@link fingerprintOf} of an array of parts, without spreading it into arguments. */
export function fingerprintOfParts(parts: readonly (string | number)[]): string {
  if (cacheSize >= CACHE_LIMIT) {
    cacheRoot = { hash: undefined, next: new Map() };
    cacheSize = 0;
  }
  let node = cacheRoot;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const key = typeof part === 'string' ? part : String(part);
    let child = node.next.get(key);
    if (child === undefined) {
      child = { hash: undefined, next: new Map() };
      node.next.set(key, child);
      cacheSize++;
    }
    node = child;
  }
  if (node.hash === undefined) {
    node.hash = fnv1a64(parts);
  }
  return node.hash;
}

function fnv1a64(parts: readonly (string | number)[]): string {
  let high = OFFSET_HIGH;
  let low = OFFSET_LOW;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const text = typeof part === 'string' ? part : String(part);
    // i = -1 stands for the U+001F separator before every part but the first.
    for (let i = p === 0 ? 0 : -1; i < text.length; i++) {
      low ^= i < 0 ? SEPARATOR : text.charCodeAt(i);
      // (high, low) × (2^40 + 0x1b3) mod 2^64: low × 0x1b3 in 16-bit pieces; its carry and low << 8 go to high.
      const lowPart = (low & 0xffff) * PRIME_LOW;
      const highPart = (low >>> 16) * PRIME_LOW + (lowPart >>> 16);
      high = (Math.imul(high, PRIME_LOW) + (highPart >>> 16) + (low << 8)) | 0;
      low = (highPart << 16) | (lowPart & 0xffff);
    }
  }
  return hex8(high) + hex8(low);
}

function hex8(half: number): string {
  return (HEX[(half >>> 24) & 0xff] as string) + HEX[(half >>> 16) & 0xff] + HEX[(half >>> 8) & 0xff] + HEX[half & 0xff];
}
