// Identity use cases: add a user with a role in an agency, create / revoke API tokens, and resolve a
// bearer token to the actor behind it.

import { isRole, ROLES } from '#core/identity/access-policy.ts';
import { isApiTokenShape } from '#core/identity/api-token.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { Actor, IdentityDeps } from './identity-ports.ts';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 10;

export function checkUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw new DomainError('INVALID_INPUT', `用户名“${username}”无效：应为 1–64 个字母、数字或 . _ @ -，以字母或数字开头`, {
      fields: { username: '用户名无效' },
    });
  }
}

/** `gongkai user add USERNAME --agency SLUG --role ROLE --password-stdin`. */
export async function addUser(
  deps: IdentityDeps,
  input: { username: string; agency: string; role: string; password: string | null },
): Promise<{ userId: string; created: boolean }> {
  checkUsername(input.username);
  if (!isRole(input.role)) {
    throw new DomainError('INVALID_INPUT', `角色“${input.role}”无效，应为 ${ROLES.join('|')}`, { fields: { role: '角色无效' } });
  }
  if (input.password !== null && [...input.password].length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('INVALID_INPUT', `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`, { fields: { password: '密码太短' } });
  }
  const existing = await deps.store.findUser(input.username);
  if (existing !== undefined && input.password !== null) {
    const same = existing.passwordHash !== null && (await deps.passwords.verify(existing.passwordHash, input.password));
    if (!same) {
      throw new DomainError('CONFLICT', `用户“${input.username}”已存在；如需为其增加角色，请提供与原密码相同的密码`);
    }
  }
  const passwordHash = input.password === null ? null : await deps.passwords.hash(input.password);
  return deps.store.addUser({
    username: input.username,
    passwordHash: existing?.passwordHash ?? passwordHash,
    grant: { agency: input.agency, role: input.role },
    at: deps.now(),
  });
}

/** The same shape the database checks (users_email_check): one @, a dot in the domain, no spaces, at most 254 characters. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** The address trimmed, or INVALID_INPUT with a Chinese message. */
export function checkEmail(text: string): string {
  const email = text.trim();
  if (email.length > 254 || !EMAIL.test(email)) {
    throw new DomainError('INVALID_INPUT', `电子邮箱“${text}”格式不正确`, { fields: { email: '电子邮箱格式不正确' } });
  }
  return email;
}

/**
 * `gongkai user email USERNAME ADDRESS|--clear` (and `user add --email`): the address the daily job's
 * reminders for the user's cases (承办人) go to; null clears it, and reminders go to the agency mailbox.
 */
export async function setUserEmail(
  deps: IdentityDeps,
  input: { username: string; email: string | null },
): Promise<{ email: string | null }> {
  const email = input.email === null ? null : checkEmail(input.email);
  const user = await requireUser(deps, input.username);
  await deps.store.setEmail(user.id, email);
  return { email };
}

async function requireUser(deps: IdentityDeps, username: string) {
  const user = await deps.store.findUser(username);
  if (user === undefined) {
    throw new DomainError('NOT_FOUND', `用户“${username}”不存在`);
  }
  return user;
}

/** `gongkai token create USERNAME`: the token is returned once; only its hash is stored. */
export async function createApiToken(
  deps: IdentityDeps,
  input: { username: string; label?: string },
): Promise<{ token: string; tokenId: string }> {
  const user = await requireUser(deps, input.username);
  const token = deps.tokens.mint();
  const { tokenId } = await deps.store.insertToken({
    userId: user.id,
    tokenHash: deps.tokens.hash(token),
    label: input.label ?? '',
    at: deps.now(),
  });
  return { token, tokenId };
}

/** `gongkai token revoke USERNAME [--id TOKEN_ID]`: revokes one token or all of the user's. */
export async function revokeApiTokens(deps: IdentityDeps, input: { username: string; tokenId?: string }): Promise<{ revoked: number }> {
  const user = await requireUser(deps, input.username);
  const revoked = await deps.store.revokeTokens({
    userId: user.id,
    ...(input.tokenId === undefined ? {} : { tokenId: input.tokenId }),
    at: deps.now(),
  });
  if (input.tokenId !== undefined && revoked === 0) {
    throw new DomainError('NOT_FOUND', `用户“${input.username}”没有编号为 ${input.tokenId} 的有效令牌`);
  }
  return { revoked };
}

/** The actor of a bearer token; UNAUTHENTICATED for a malformed, unknown or revoked one. */
export async function authenticateToken(deps: Pick<IdentityDeps, 'store' | 'tokens'>, token: string | undefined): Promise<Actor> {
  if (token === undefined) {
    throw new DomainError('UNAUTHENTICATED', '需要登录：请在 Authorization 头中提供 Bearer 令牌');
  }
  const actor = isApiTokenShape(token) ? await deps.store.findActorByTokenHash(deps.tokens.hash(token)) : undefined;
  if (actor === undefined) {
    throw new DomainError('UNAUTHENTICATED', '令牌无效或已撤销');
  }
  return actor;
}

/** Checks a password (sign-in): the actor, or UNAUTHENTICATED alike for an unknown user or a wrong password. */
export async function authenticatePassword(deps: IdentityDeps, input: { username: string; password: string }): Promise<Actor> {
  const user = await deps.store.findUser(input.username);
  const ok = user?.passwordHash != null && (await deps.passwords.verify(user.passwordHash, input.password));
  if (user === undefined || !ok) {
    throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
  }
  return { userId: user.id, username: user.username, grants: user.grants };
}
