// Staff sign-in (issue #8): password (argon2id) → a new database session, optionally a TOTP step,
// idle and absolute expiry, sign-out; TOTP enrolment, confirmation and removal. The session id is
// random, new at every sign-in and after the second factor (fixation), and stored only as a hash.
import { DomainError } from '#core/shared/domain-error.ts';
import type { Actor, PasswordHasher } from './identity-ports.ts';
import { authenticatePassword } from './manage-users.ts';
import type { SessionDeps, StoredSession } from './session-ports.ts';

/** A used session is written back at most this often (its idle expiry moves on); fewer writes per page. */
const TOUCH_INTERVAL_MS = 60_000;

export const TOTP_ISSUER = 'gongkai';

export interface SignedIn {
  /** The new session id for the cookie (shown once, stored as a hash). */
  readonly sessionId: string;
  readonly csrfToken: string;
  /** True when the user must still give a TOTP code (the session signs nobody in until then). */
  readonly secondFactorPending: boolean;
  readonly username: string;
}

export interface ResolvedSession {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly secondFactorPending: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

async function openSession(
  deps: SessionDeps,
  userId: string,
  secondFactorPending: boolean,
): Promise<{ sessionId: string; csrfToken: string }> {
  const at = deps.now();
  const sessionId = deps.secrets.newSessionId();
  const csrfToken = deps.secrets.newCsrfToken();
  await deps.sessions.insert({
    idHash: deps.secrets.hash(sessionId),
    userId,
    csrfToken,
    secondFactorPending,
    at,
    idleExpiresAt: new Date(at.getTime() + deps.policy.idleSeconds * 1000),
    expiresAt: new Date(at.getTime() + deps.policy.absoluteSeconds * 1000),
  });
  return { sessionId, csrfToken };
}

/** The stored session of a cookie value when it is still valid (expired ones are deleted). */
async function liveSession(deps: SessionDeps, sessionId: string | undefined): Promise<StoredSession | undefined> {
  if (sessionId === undefined || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) {
    return undefined;
  }
  const idHash = deps.secrets.hash(sessionId);
  const session = await deps.sessions.find(idHash);
  if (session === undefined) {
    return undefined;
  }
  const at = deps.now();
  if (at >= session.idleExpiresAt || at >= session.expiresAt) {
    await deps.sessions.delete(idHash);
    return undefined;
  }
  return session;
}

/** A real hash of the hasher's parameters, made once: an unknown username costs one verify too. */
const DUMMY_HASHES = new WeakMap<PasswordHasher, Promise<string>>();

function dummyHash(passwords: PasswordHasher): Promise<string> {
  let hash = DUMMY_HASHES.get(passwords);
  if (hash === undefined) {
    hash = passwords.hash('gongkai: no such user, same work');
    DUMMY_HASHES.set(passwords, hash);
  }
  return hash;
}

/**
 * Signs a staff member in with username and password. Unknown user, wrong password and a disabled
 * user all answer the same UNAUTHENTICATED, after the same argon2 work. The previous session of this
 * browser (if any) ends, and expired sessions of everyone are swept out.
 */
export async function signIn(
  deps: SessionDeps,
  input: { username: string; password: string; previousSessionId?: string },
): Promise<SignedIn> {
  if ((await deps.store.findUser(input.username))?.passwordHash == null) {
    // Unknown, disabled or token-only: spend an argon2 verify all the same, so the answer's timing
    // does not tell which usernames exist.
    await deps.passwords.verify(await dummyHash(deps.passwords), input.password);
    throw new DomainError('UNAUTHENTICATED', '用户名或密码错误');
  }
  const actor = await authenticatePassword(deps, { username: input.username, password: input.password });
  await deps.sessions.deleteExpired(deps.now());
  if (input.previousSessionId !== undefined) {
    await signOut(deps, input.previousSessionId);
  }
  const totp = await deps.sessions.totpState(actor.userId);
  const opened = await openSession(deps, actor.userId, totp.enabled);
  return { ...opened, secondFactorPending: totp.enabled, username: actor.username };
}

/** The second step: a TOTP code for a session whose password step passed; a new session id replaces it. */
export async function completeSecondFactor(deps: SessionDeps, input: { sessionId: string; code: string }): Promise<SignedIn> {
  const session = await liveSession(deps, input.sessionId);
  if (session === undefined || !session.secondFactorPending) {
    throw new DomainError('UNAUTHENTICATED', '登录已失效，请重新输入用户名和密码');
  }
  await checkTotpCode(deps, session.userId, input.code);
  await deps.sessions.delete(session.idHash);
  const opened = await openSession(deps, session.userId, false);
  return { ...opened, secondFactorPending: false, username: session.username };
}

/**
 * The signed-in staff member of a session cookie: undefined when unknown, expired, ended or the user
 * is disabled. A session still waiting for its TOTP code resolves with secondFactorPending true and
 * must not be treated as signed in.
 */
export async function resolveSession(deps: SessionDeps, sessionId: string | undefined): Promise<ResolvedSession | undefined> {
  const session = await liveSession(deps, sessionId);
  if (session === undefined) {
    return undefined;
  }
  const at = deps.now();
  if (at.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await deps.sessions.touch(session.idHash, at, new Date(at.getTime() + deps.policy.idleSeconds * 1000));
  }
  return {
    actor: { userId: session.userId, username: session.username, grants: session.grants },
    csrfToken: session.csrfToken,
    secondFactorPending: session.secondFactorPending,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
  };
}

/** Ends the session (sign-out); an unknown id is fine. */
export async function signOut(deps: SessionDeps, sessionId: string): Promise<void> {
  if (/^[A-Za-z0-9_-]{43}$/.test(sessionId)) {
    await deps.sessions.delete(deps.secrets.hash(sessionId));
  }
}

async function checkTotpCode(deps: SessionDeps, userId: string, code: string, secret?: string): Promise<void> {
  const normalized = code.replace(/\s+/g, '');
  const state = await deps.sessions.totpState(userId);
  const key = secret ?? state.secret;
  if (!/^\d{6}$/.test(normalized) || key === null) {
    throw new DomainError('UNAUTHENTICATED', '动态验证码错误，请输入验证器应用当前显示的 6 位数字', { fields: { code: '动态验证码错误' } });
  }
  const step = deps.totp.matchStep(key, normalized, deps.now());
  if (step === undefined || !(await deps.sessions.useTotpStep(userId, step))) {
    throw new DomainError('UNAUTHENTICATED', '动态验证码错误，请输入验证器应用当前显示的 6 位数字', { fields: { code: '动态验证码错误' } });
  }
}

export interface TotpEnrolment {
  readonly enabled: boolean;
  /** While enrolling (not yet enabled): the secret to type in and the otpauth URI. */
  readonly secret?: string;
  readonly uri?: string;
}

/** The user's TOTP state; when not enabled, a pending secret (created on first call) and its URI. */
export async function totpEnrolment(deps: SessionDeps, actor: Actor): Promise<TotpEnrolment> {
  const state = await deps.sessions.totpState(actor.userId);
  if (state.enabled) {
    return { enabled: true };
  }
  let secret = state.secret;
  if (secret === null) {
    secret = deps.totp.newSecret();
    await deps.sessions.setTotp(actor.userId, secret, null);
  }
  return { enabled: false, secret, uri: deps.totp.uri({ secret, account: actor.username, issuer: TOTP_ISSUER }) };
}

/** Confirms the pending enrolment with a current code: from now on sign-in asks for one. */
export async function confirmTotp(deps: SessionDeps, actor: Actor, code: string): Promise<void> {
  const state = await deps.sessions.totpState(actor.userId);
  if (state.enabled) {
    throw new DomainError('CONFLICT', '已启用动态验证码');
  }
  if (state.secret === null) {
    throw new DomainError('INVALID_INPUT', '请先打开启用页面，扫描二维码或输入密钥');
  }
  await checkTotpCode(deps, actor.userId, code, state.secret);
  await deps.sessions.setTotp(actor.userId, state.secret, deps.now());
}

/** Turns TOTP off; a current code is required (a stolen session alone cannot remove it). */
export async function disableTotp(deps: SessionDeps, actor: Actor, code: string): Promise<void> {
  const state = await deps.sessions.totpState(actor.userId);
  if (!state.enabled) {
    throw new DomainError('CONFLICT', '尚未启用动态验证码');
  }
  await checkTotpCode(deps, actor.userId, code);
  await deps.sessions.setTotp(actor.userId, null, null);
}
