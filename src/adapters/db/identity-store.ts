// IdentityStore on drizzle (both engines): users, role grants per agency, API tokens by hash.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor, IdentityStore, StoredUser } from '#app/identity/identity-ports.ts';
import { type AgencyTree, isRole, type RoleGrant } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { Db } from './open-database.ts';
import { agencies } from './schema/agencies.ts';
import { apiTokens, userRoles, users } from './schema/identity.ts';

/** A user's role grants, by agency slug (shared by the identity and session stores). */
export async function grantsOf(db: Db, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .select({ agency: agencies.slug, role: userRoles.role })
    .from(userRoles)
    .innerJoin(agencies, eq(agencies.id, userRoles.agencyId))
    .where(eq(userRoles.userId, userId))
    .orderBy(agencies.slug, userRoles.role);
  return rows.filter((row) => isRole(row.role)).map((row) => ({ agency: row.agency, role: row.role }));
}

export function createIdentityStore(db: Db): IdentityStore {
  return {
    async addUser({ username, passwordHash, grant, at }) {
      return db.transaction(async (tx) => {
        const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, grant.agency));
        if (agency === undefined) {
          throw new DomainError('NOT_FOUND', `机构“${grant.agency}”不存在（先运行 gongkai agency add）`, {
            fields: { agency: '机构不存在' },
          });
        }
        const inserted = await tx
          .insert(users)
          .values({ username, passwordHash, createdAt: at.toISOString() })
          .onConflictDoNothing({ target: users.username })
          .returning({ id: users.id });
        let userId = inserted[0]?.id;
        if (userId === undefined) {
          const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
          if (existing === undefined) {
            throw new Error('user vanished during addUser');
          }
          userId = existing.id;
        }
        await tx
          .insert(userRoles)
          .values({ agencyId: agency.id, userId, role: grant.role, createdAt: at.toISOString() })
          .onConflictDoNothing();
        return { userId: String(userId), created: inserted.length > 0 };
      });
    },

    async findUser(username): Promise<StoredUser | undefined> {
      const [user] = await db
        .select({ id: users.id, username: users.username, passwordHash: users.passwordHash, email: users.email })
        .from(users)
        .where(and(eq(users.username, username), isNull(users.disabledAt)));
      if (user === undefined) {
        return undefined;
      }
      return {
        id: String(user.id),
        username: user.username,
        passwordHash: user.passwordHash,
        email: user.email,
        grants: await grantsOf(db, user.id),
      };
    },

    async setEmail(userId, email) {
      await db
        .update(users)
        .set({ email })
        .where(eq(users.id, Number(userId)));
    },

    async insertToken({ userId, tokenHash, label, at }) {
      const [row] = await db
        .insert(apiTokens)
        .values({ userId: Number(userId), tokenHash, label, createdAt: at.toISOString() })
        .returning({ id: apiTokens.id });
      if (row === undefined) {
        throw new Error('token insert returned no row');
      }
      return { tokenId: String(row.id) };
    },

    async findActorByTokenHash(tokenHash): Promise<Actor | undefined> {
      const [user] = await db
        .select({ id: users.id, username: users.username })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
      if (user === undefined) {
        return undefined;
      }
      return { userId: String(user.id), username: user.username, grants: await grantsOf(db, user.id) };
    },

    async revokeTokens({ userId, tokenId, at }) {
      const conditions = [eq(apiTokens.userId, Number(userId)), isNull(apiTokens.revokedAt)];
      if (tokenId !== undefined) {
        if (!/^\d{1,15}$/.test(tokenId)) {
          return 0;
        }
        conditions.push(eq(apiTokens.id, Number(tokenId)));
      }
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: at.toISOString() })
        .where(and(...conditions))
        .returning({ id: apiTokens.id });
      return rows.length;
    },

    async listTokens(userId) {
      const rows = await db
        .select({ id: apiTokens.id, label: apiTokens.label, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
        .from(apiTokens)
        .where(eq(apiTokens.userId, Number(userId)))
        .orderBy(apiTokens.id);
      return rows.map((row) => ({
        tokenId: String(row.id),
        label: row.label,
        createdAt: new Date(row.createdAt),
        revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
      }));
    },

    async agencyTree(): Promise<AgencyTree> {
      const parent = alias(agencies, 'parent');
      const rows = await db
        .select({ slug: agencies.slug, parent: sql<string | null>`${parent.slug}` })
        .from(agencies)
        .leftJoin(parent, eq(parent.id, agencies.parentId));
      return new Map(rows.map((row) => [row.slug, row.parent]));
    },
  };
}
