// RFC 6238 TOTP with node:crypto (HMAC-SHA-1, 6 digits, 30 s steps; what every authenticator app
// uses) and RFC 4648 base32 for the secret. Tested against the RFC's own vectors.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TotpPort } from '#app/identity/session-ports.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    out += ALPHABET[(value << (5 - bits)) & 31];
  }
  return out;
}

/** Decodes base32 (case, spaces and `=` padding ignored); undefined for any other character. */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) {
      return undefined;
    }
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** HOTP (RFC 4226) of `counter` with dynamic truncation, `digits` long. */
export function hotp(key: Uint8Array, counter: number, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary =
    (((mac[offset] ?? 0) & 0x7f) << 24) | ((mac[offset + 1] ?? 0) << 16) | ((mac[offset + 2] ?? 0) << 8) | (mac[offset + 3] ?? 0);
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The TOTP time step of an instant (T0 = 0, X = 30 s). */
export const totpStep = (at: Date, periodSeconds = 30): number => Math.floor(at.getTime() / 1000 / periodSeconds);

/** The code of an instant (RFC 6238 §4). */
export function totpCode(key: Uint8Array, at: Date, digits = 6, algorithm: TotpAlgorithm = 'sha1'): string {
  return hotp(key, totpStep(at), digits, algorithm);
}

export function createTotp(): TotpPort {
  return {
    newSecret: () => base32Encode(randomBytes(20)),
    matchStep(secret, code, at) {
      const key = base32Decode(secret);
      if (key === undefined || !/^\d{6}$/.test(code)) {
        return undefined;
      }
      const now = totpStep(at);
      // One step either side: clocks drift, and a code typed at the end of its 30 s still counts.
      for (const step of [now, now - 1, now + 1]) {
        const expected = Buffer.from(hotp(key, step));
        if (timingSafeEqual(expected, Buffer.from(code))) {
          return step;
        }
      }
      return undefined;
    },
    uri: ({ secret, account, issuer }) =>
      `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`,
  };
}
