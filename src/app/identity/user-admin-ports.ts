// The port of user administration (issue #8 console, the rest of issue #7's users): accounts with
// their grants and tokens, disabling, password changes and role grants, each recorded in the audit
// log of the agencies it concerns.
import type { RoleGrant } from '#core/identity/access-policy.ts';

/** A staff account as administrators see it (never its password hash). */
export interface UserAccount {
  readonly id: string;
  readonly username: string;
  readonly hasPassword: boolean;
  /** ISO instants. */
  readonly createdAt: string;
  readonly disabledAt: string | null;
  /** Every grant, ordered by agency slug and role. */
  readonly grants: readonly RoleGrant[];
  /** Unrevoked API tokens (they do not work while the account is disabled). */
  readonly activeTokens: number;
}

/** Who made a change and when (recorded in the audit log). */
export interface ChangeStamp {
  readonly who: string;
  readonly at: Date;
}

export interface UserAdminStore {
  /** Accounts, by username; with `agency`, those holding a role there (NOT_FOUND for an unknown agency). */
  listAccounts(filter: { readonly agency?: string }): Promise<readonly UserAccount[]>;
  /** The account, disabled or not. */
  findAccount(username: string): Promise<UserAccount | undefined>;
  /** A new account with one grant; CONFLICT when the username is taken, NOT_FOUND for an unknown agency. */
  createAccount(
    input: ChangeStamp & { readonly username: string; readonly passwordHash: string; readonly grant: RoleGrant },
  ): Promise<UserAccount>;
  /** Disables (or enables) the account; false when it already was. */
  setDisabled(input: ChangeStamp & { readonly userId: string; readonly disabled: boolean }): Promise<boolean>;
  setPasswordHash(input: ChangeStamp & { readonly userId: string; readonly passwordHash: string }): Promise<void>;
  /** Adds the grant; false when the account already held it; NOT_FOUND for an unknown agency. */
  grantRole(input: ChangeStamp & { readonly userId: string; readonly grant: RoleGrant }): Promise<boolean>;
  /** Removes the grant; false when the account did not hold it. */
  revokeRole(input: ChangeStamp & { readonly userId: string; readonly grant: RoleGrant }): Promise<boolean>;
  /** Ends every console session of the account; how many were ended. */
  endSessions(userId: string): Promise<number>;
}
