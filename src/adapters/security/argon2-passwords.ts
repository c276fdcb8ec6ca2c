// PasswordHasher on @node-rs/argon2: argon2id, m = 19456 KiB, t = 2, p = 1 (OWASP's minimum; ~25 ms).
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '#app/identity/identity-ports.ts';

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id: a const enum, not usable as a value under erasableSyntaxOnly

export function createArgon2Passwords(options: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher {
  const params = { algorithm: ARGON2ID, memoryCost: options.memoryCost ?? 19_456, timeCost: options.timeCost ?? 2, parallelism: 1 };
  return {
    hash: (password) => hash(password, params),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash never signs anyone in
      }
    },
  };
}
