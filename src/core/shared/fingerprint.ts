// A stable, dependency-free fingerprint for findings and evaluations (core may not import node:crypto).

/** 64-bit FNV-1a of the UTF-16 code units of the parts joined by U+001F, as 16 hex digits. */
export function fingerprintOf(...parts: readonly (string | number)[]): string {
  const text = parts.join('\u001f');
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
