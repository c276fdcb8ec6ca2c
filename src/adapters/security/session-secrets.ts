// SessionSecrets: 32 random bytes (base64url, 43 characters) for session ids and CSRF tokens; a
// session is stored under the SHA-256 of its id (256 bits of entropy: a fast hash is enough).
import { createHash, randomBytes } from 'node:crypto';
import type { SessionSecrets } from '#app/identity/session-ports.ts';

export function createSessionSecrets(): SessionSecrets {
  return {
    newSessionId: () => randomBytes(32).toString('base64url'),
    newCsrfToken: () => randomBytes(32).toString('base64url'),
    hash: (sessionId) => createHash('sha256').update(sessionId, 'utf8').digest('hex'),
  };
}
