// Ports of the identity use cases: users with a role per agency and API tokens (issue #7).
import type { AgencyTree, RoleGrant } from '#core/identity/access-policy.ts';
import type { UserAdminStore } from './user-admin-ports.ts';

/** The authenticated caller of a staff endpoint or command. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly grants: readonly RoleGrant[];
}

/** argon2id password hashes (PHC strings). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** New random API tokens and the one-way hash under which a token is stored and looked up. */
export interface TokenMinter {
  mint(): string;
  hash(token: string): string;
}

export interface StoredUser {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string | null;
  /** Where reminders for the user's cases go (null: the agency mailbox). */
  readonly email: string | null;
  readonly grants: readonly RoleGrant[];
}

export interface IdentityStore {
  /** Adds the user (or, when it exists, only the grant); refuses an unknown agency (NOT_FOUND). */
  addUser(input: {
    username: string;
    passwordHash: string | null;
    grant: RoleGrant;
    at: Date;
  }): Promise<{ userId: string; created: boolean }>;
  findUser(username: string): Promise<StoredUser | undefined>;
  /** Sets or (null) clears the user's e-mail address. */
  setEmail(userId: string, email: string | null): Promise<void>;
  insertToken(input: { userId: string; tokenHash: string; label: string; at: Date }): Promise<{ tokenId: string }>;
  /** The actor owning an unrevoked token with this hash. */
  findActorByTokenHash(tokenHash: string): Promise<Actor | undefined>;
  /** Revokes one token of the user (by id), or all of them; returns how many were revoked. */
  revokeTokens(input: { userId: string; tokenId?: string; at: Date }): Promise<number>;
  listTokens(userId: string): Promise<readonly { tokenId: string; label: string; createdAt: Date; revokedAt: Date | null }[]>;
  agencyTree(): Promise<AgencyTree>;
}

export interface IdentityDeps {
  readonly store: IdentityStore;
  readonly passwords: PasswordHasher;
  readonly tokens: TokenMinter;
  readonly now: () => Date;
  /** Account administration (list, disable, passwords, grants). */
  readonly users: UserAdminStore;
}
