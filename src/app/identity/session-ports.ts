// Ports of the staff sign-in use cases (issue #8): sessions in the database, random ids and their
// hashes, and the TOTP second factor.
import type { RoleGrant } from '#core/identity/access-policy.ts';
import type { IdentityDeps } from './identity-ports.ts';

/** How long a session lives: unused for idleSeconds, or at most absoluteSeconds after sign-in. */
export interface SessionPolicy {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
}

export interface StoredSession {
  readonly idHash: string;
  readonly userId: string;
  readonly username: string;
  readonly grants: readonly RoleGrant[];
  readonly csrfToken: string;
  readonly secondFactorPending: boolean;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly expiresAt: Date;
}

export interface TotpState {
  /** base32 secret, set at enrolment (null: none). */
  readonly secret: string | null;
  /** True once an enrolment was confirmed with a code: sign-in then asks for one. */
  readonly enabled: boolean;
}

export interface SessionStore {
  insert(session: {
    idHash: string;
    userId: string;
    csrfToken: string;
    secondFactorPending: boolean;
    at: Date;
    idleExpiresAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** The session with its (enabled) user and grants; undefined when absent or the user is disabled. */
  find(idHash: string): Promise<StoredSession | undefined>;
  touch(idHash: string, at: Date, idleExpiresAt: Date): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  deleteExpired(at: Date): Promise<number>;
  totpState(userId: string): Promise<TotpState>;
  /** Stores a new secret (enabled false) or, with enabledAt, turns it on; null secret turns TOTP off. */
  setTotp(userId: string, secret: string | null, enabledAt: Date | null): Promise<void>;
  /** Records `step` as used when it is later than the last used one (atomically); false when not (a replay). */
  useTotpStep(userId: string, step: number): Promise<boolean>;
}

/** Random session ids and CSRF tokens, and the one-way hash a session is stored under. */
export interface SessionSecrets {
  newSessionId(): string;
  newCsrfToken(): string;
  hash(sessionId: string): string;
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s): secrets and code checks. */
export interface TotpPort {
  newSecret(): string;
  /** The time step whose code equals `code` within ±1 step of `at`, or undefined. */
  matchStep(secret: string, code: string, at: Date): number | undefined;
  /** otpauth://totp/… URI for authenticator apps. */
  uri(input: { secret: string; account: string; issuer: string }): string;
}

export interface SessionDeps extends IdentityDeps {
  readonly sessions: SessionStore;
  readonly secrets: SessionSecrets;
  readonly totp: TotpPort;
  readonly policy: SessionPolicy;
}
