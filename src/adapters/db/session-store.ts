// SessionStore on drizzle (both engines): staff sessions by id hash, TOTP state on users, and the
// instance secrets every node shares.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { SessionStore, StoredSession } from '#app/identity/session-ports.ts';
import { grantsOf } from './identity-store.ts';
import type { Db } from './open-database.ts';
import { users } from './schema/identity.ts';
import { instanceSecrets, staffSessions } from './schema/sessions.ts';

export function createSessionStore(db: Db): SessionStore {
  return {
    async insert(session) {
      await db.insert(staffSessions).values({
        idHash: session.idHash,
        userId: Number(session.userId),
        createdAt: session.at.toISOString(),
        lastSeenAt: session.at.toISOString(),
        idleExpiresAt: session.idleExpiresAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        csrfToken: session.csrfToken,
        secondFactorPending: session.secondFactorPending,
      });
    },

    async find(idHash): Promise<StoredSession | undefined> {
      const [row] = await db
        .select({
          idHash: staffSessions.idHash,
          userId: users.id,
          username: users.username,
          csrfToken: staffSessions.csrfToken,
          secondFactorPending: staffSessions.secondFactorPending,
          createdAt: staffSessions.createdAt,
          lastSeenAt: staffSessions.lastSeenAt,
          idleExpiresAt: staffSessions.idleExpiresAt,
          expiresAt: staffSessions.expiresAt,
        })
        .from(staffSessions)
        .innerJoin(users, eq(users.id, staffSessions.userId))
        .where(and(eq(staffSessions.idHash, idHash), isNull(users.disabledAt)));
      if (row === undefined) {
        return undefined;
      }
      return {
        idHash: row.idHash,
        userId: String(row.userId),
        username: row.username,
        grants: await grantsOf(db, row.userId),
        csrfToken: row.csrfToken,
        secondFactorPending: row.secondFactorPending,
        createdAt: new Date(row.createdAt),
        lastSeenAt: new Date(row.lastSeenAt),
        idleExpiresAt: new Date(row.idleExpiresAt),
        expiresAt: new Date(row.expiresAt),
      };
    },

    async touch(idHash, at, idleExpiresAt) {
      await db
        .update(staffSessions)
        .set({ lastSeenAt: at.toISOString(), idleExpiresAt: idleExpiresAt.toISOString() })
        .where(eq(staffSessions.idHash, idHash));
    },

    async delete(idHash) {
      await db.delete(staffSessions).where(eq(staffSessions.idHash, idHash));
    },

    async deleteExpired(at) {
      const iso = at.toISOString();
      const rows = await db
        .delete(staffSessions)
        .where(or(lt(staffSessions.expiresAt, iso), lt(staffSessions.idleExpiresAt, iso)))
        .returning({ idHash: staffSessions.idHash });
      return rows.length;
    },

    async totpState(userId) {
      const [row] = await db
        .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt })
        .from(users)
        .where(eq(users.id, Number(userId)));
      return { secret: row?.secret ?? null, enabled: row?.secret != null && row.enabledAt !== null };
    },

    async setTotp(userId, secret, enabledAt) {
      await db
        .update(users)
        .set({
          totpSecret: secret,
          totpEnabledAt: enabledAt === null ? null : enabledAt.toISOString(),
          ...(secret === null ? { totpLastStep: null } : {}),
        })
        .where(eq(users.id, Number(userId)));
    },

    async useTotpStep(userId, step) {
      const rows = await db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, Number(userId)), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      return rows.length === 1;
    },
  };
}

/**
 * The instance secret `name` (32 random bytes), created by whichever node asks first: every node and
 * every restart gets the same bytes (the portal's CSRF signatures stay valid across both).
 */
export async function loadInstanceSecret(db: Db, name: string): Promise<Uint8Array> {
  await db
    .insert(instanceSecrets)
    .values({ name, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: instanceSecrets.name });
  const [row] = await db.select({ secret: instanceSecrets.secret }).from(instanceSecrets).where(eq(instanceSecrets.name, name));
  if (row === undefined) {
    throw new Error(`instance secret ${name} vanished`);
  }
  return new Uint8Array(Buffer.from(row.secret, 'base64url'));
}
