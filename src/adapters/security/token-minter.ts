// TokenMinter: `gk_` + 32 random bytes in base64url; stored and looked up by SHA-256. A token has 256
// bits of entropy, so a fast hash is enough (argon2 is for low-entropy passwords) and a lookup stays
// one indexed query.
import { createHash, randomBytes } from 'node:crypto';
import type { TokenMinter } from '#app/identity/identity-ports.ts';
import { API_TOKEN_PREFIX } from '#core/identity/api-token.ts';

export function createTokenMinter(): TokenMinter {
  return {
    mint: () => `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`,
    hash: (token) => createHash('sha256').update(token, 'utf8').digest('hex'),
  };
}
