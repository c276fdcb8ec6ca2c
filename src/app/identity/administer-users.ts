// Use cases of user administration (issue #7's leftovers and issue #8's console): list accounts,
// create one, disable / enable, set a password, grant and revoke roles. The CLI runs them as the
// instance operator (no `by`); the console passes the signed-in actor, and the policy of
// core/identity/user-admin-policy.ts decides what it may touch. Every refusal changes nothing.
//
// Disabling ends the account's console sessions at once and revokes no API token: its tokens stop
// working while the account is disabled (the token check skips disabled accounts) and work again
// when it is enabled. The result says how many were suspended so nobody is surprised either way;
// `gongkai token revoke` withdraws them for good.
import { isRole, ROLE_LABEL, ROLES, type Role, type RoleGrant } from '#core/identity/access-policy.ts';
import { isSystemAdmin, mayAdministerAgency, mayGrantRole, mayManageAccount } from '#core/identity/user-admin-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { Actor, IdentityDeps } from './identity-ports.ts';
import { checkUsername, MIN_PASSWORD_LENGTH } from './manage-users.ts';
import type { UserAccount } from './user-admin-ports.ts';

/** Who asks: the signed-in actor (console), or the instance operator at the command line (undefined). */
export interface AdminRequest {
  readonly by?: Actor;
  /** Recorded as the author of the change. */
  readonly who: string;
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

export function requireRole(role: string): Role {
  if (!isRole(role)) {
    throw new DomainError('INVALID_INPUT', `角色“${role}”无效，应为 ${ROLES.join('|')}`, { fields: { role: '请选择有效的角色' } });
  }
  return role;
}

export function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('INVALID_INPUT', `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`, {
      fields: { password: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` },
    });
  }
  if ([...password].length > 256 || /[\r\n]/.test(password)) {
    throw new DomainError('INVALID_INPUT', '密码不能超过 256 个字符，也不能包含换行', { fields: { password: '密码过长或含换行' } });
  }
}

/** An account the caller may see: NOT_FOUND alike for an unknown one and one outside the caller's agencies. */
async function accountFor(deps: IdentityDeps, username: string, by: Actor | undefined): Promise<UserAccount> {
  const account = await deps.users.findAccount(username);
  const visible =
    account !== undefined &&
    (by === undefined || isSystemAdmin(by.grants) || account.grants.some((grant) => mayAdministerAgency(by.grants, grant.agency)));
  if (!visible) {
    throw new DomainError('NOT_FOUND', `用户“${username}”不存在`, { fields: { username: '用户不存在' } });
  }
  return account;
}

function requireManage(by: Actor | undefined, account: UserAccount, what: string): void {
  if (by !== undefined && !mayManageAccount(by.grants, account.grants)) {
    throw forbidden(`用户“${account.username}”还在您不管理的机构任职或是系统管理员，只有系统管理员可以${what}`);
  }
}

/** Refuses a change that would leave the instance without an enabled system administrator. */
async function keepOneSystemAdmin(deps: IdentityDeps, account: UserAccount, what: string): Promise<void> {
  if (account.disabledAt !== null || !isSystemAdmin(account.grants)) {
    return;
  }
  const others = (await deps.users.listAccounts({})).filter(
    (other) => other.id !== account.id && other.disabledAt === null && isSystemAdmin(other.grants),
  );
  if (others.length === 0) {
    throw new DomainError('CONFLICT', `“${account.username}”是唯一可用的系统管理员，不能${what}（请先为另一名用户授予系统管理员角色）`);
  }
}

/** `gongkai user list [--agency SLUG]`; in the console, the accounts of the agencies the caller administers. */
export async function listUserAccounts(
  deps: IdentityDeps,
  input: { readonly agency?: string; readonly by?: Actor },
): Promise<readonly UserAccount[]> {
  const { by, agency } = input;
  if (by !== undefined) {
    if (agency === undefined ? !isSystemAdmin(by.grants) : !mayAdministerAgency(by.grants, agency)) {
      throw forbidden('只有本机构的机构管理员或系统管理员可以管理用户');
    }
  }
  return deps.users.listAccounts(agency === undefined ? {} : { agency });
}

/** A new account with one role (console 新增用户). An existing username is refused: grant it a role instead. */
export async function createUserAccount(
  deps: IdentityDeps,
  input: AdminRequest & { readonly username: string; readonly agency: string; readonly role: string; readonly password: string },
): Promise<UserAccount> {
  checkUsername(input.username);
  const role = requireRole(input.role);
  checkPassword(input.password);
  if (input.by !== undefined && !mayGrantRole(input.by.grants, input.agency, role)) {
    throw forbidden(`您不能在机构“${input.agency}”授予${ROLE_LABEL[role]}角色`);
  }
  if ((await deps.users.findAccount(input.username)) !== undefined) {
    throw new DomainError('CONFLICT', `用户名“${input.username}”已被使用；如需为已有用户增加角色，请使用“授予角色”`, {
      fields: { username: '用户名已被使用' },
    });
  }
  return deps.users.createAccount({
    username: input.username,
    passwordHash: await deps.passwords.hash(input.password),
    grant: { agency: input.agency, role },
    who: input.who,
    at: deps.now(),
  });
}

export interface DisableResult {
  readonly username: string;
  /** False when the account was already disabled. */
  readonly changed: boolean;
  readonly sessionsEnded: number;
  /** Unrevoked API tokens, which do not work while the account is disabled. */
  readonly tokensSuspended: number;
}

/** `gongkai user disable USERNAME`: ends the sessions; the tokens are suspended, not revoked. */
export async function disableUser(deps: IdentityDeps, input: AdminRequest & { readonly username: string }): Promise<DisableResult> {
  const account = await accountFor(deps, input.username, input.by);
  requireManage(input.by, account, '停用该账号');
  if (input.by !== undefined && input.by.userId === account.id) {
    throw forbidden('不能停用自己的账号');
  }
  await keepOneSystemAdmin(deps, account, '停用');
  const changed = await deps.users.setDisabled({ userId: account.id, disabled: true, who: input.who, at: deps.now() });
  // Also when it was already disabled: a session opened in the meantime must not survive.
  const sessionsEnded = await deps.users.endSessions(account.id);
  return { username: account.username, changed, sessionsEnded, tokensSuspended: account.activeTokens };
}

/** `gongkai user enable USERNAME`: sign-in works again, and so do its unrevoked tokens. */
export async function enableUser(
  deps: IdentityDeps,
  input: AdminRequest & { readonly username: string },
): Promise<{ readonly username: string; readonly changed: boolean; readonly tokensRestored: number }> {
  const account = await accountFor(deps, input.username, input.by);
  requireManage(input.by, account, '启用该账号');
  const changed = await deps.users.setDisabled({ userId: account.id, disabled: false, who: input.who, at: deps.now() });
  return { username: account.username, changed, tokensRestored: changed ? account.activeTokens : 0 };
}

/** `gongkai user passwd USERNAME --password-stdin` / console 重置密码: ends the account's sessions. */
export async function setUserPassword(
  deps: IdentityDeps,
  input: AdminRequest & { readonly username: string; readonly password: string },
): Promise<{ readonly username: string; readonly sessionsEnded: number }> {
  const account = await accountFor(deps, input.username, input.by);
  requireManage(input.by, account, '重置其密码');
  checkPassword(input.password);
  const passwordHash = await deps.passwords.hash(input.password);
  await deps.users.setPasswordHash({ userId: account.id, passwordHash, who: input.who, at: deps.now() });
  return { username: account.username, sessionsEnded: await deps.users.endSessions(account.id) };
}

interface GrantInput extends AdminRequest {
  readonly username: string;
  readonly agency: string;
  readonly role: string;
}

function checkGrant(input: GrantInput): RoleGrant {
  const role = requireRole(input.role);
  if (input.by !== undefined && !mayGrantRole(input.by.grants, input.agency, role)) {
    throw forbidden(`您不能在机构“${input.agency}”授予或撤销${ROLE_LABEL[role]}角色`);
  }
  return { agency: input.agency, role };
}

/** `gongkai user grant USERNAME --agency SLUG --role ROLE`: `added` false when the account already held it. */
export async function grantUserRole(
  deps: IdentityDeps,
  input: GrantInput,
): Promise<{ readonly added: boolean; readonly grant: RoleGrant }> {
  const grant = checkGrant(input);
  const account = await deps.users.findAccount(input.username);
  if (account === undefined) {
    throw new DomainError('NOT_FOUND', `用户“${input.username}”不存在`, { fields: { username: '用户不存在' } });
  }
  const added = await deps.users.grantRole({ userId: account.id, grant, who: input.who, at: deps.now() });
  return { added, grant };
}

/** `gongkai user revoke USERNAME --agency SLUG --role ROLE`: NOT_FOUND when the account does not hold it. */
export async function revokeUserRole(
  deps: IdentityDeps,
  input: GrantInput,
): Promise<{ readonly grant: RoleGrant; readonly remaining: readonly RoleGrant[] }> {
  const grant = checkGrant(input);
  const account = await accountFor(deps, input.username, input.by);
  const held = account.grants.some((g) => g.agency === grant.agency && g.role === grant.role);
  if (!held) {
    throw new DomainError('NOT_FOUND', `用户“${account.username}”在机构“${grant.agency}”没有${ROLE_LABEL[grant.role]}角色`);
  }
  if (input.by !== undefined && input.by.userId === account.id && (grant.role === 'agency_admin' || grant.role === 'system_admin')) {
    throw forbidden('不能撤销自己的管理员角色（请由其他管理员操作）');
  }
  if (grant.role === 'system_admin' && account.grants.filter((g) => g.role === 'system_admin').length === 1) {
    await keepOneSystemAdmin(deps, account, '撤销其系统管理员角色');
  }
  await deps.users.revokeRole({ userId: account.id, grant, who: input.who, at: deps.now() });
  return { grant, remaining: account.grants.filter((g) => !(g.agency === grant.agency && g.role === grant.role)) };
}
