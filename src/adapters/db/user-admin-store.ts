// UserAdminStore on drizzle (both engines): accounts with their grants and token counts, disabling,
// password hashes and grants. Each change is written with its audit rows in one transaction: one row
// per agency it concerns (the grant's agency, or every agency where the account holds a role), with
// actor, action, subject `user:<username>`, before and after — never a password hash.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ChangeStamp, UserAccount, UserAdminStore } from '#app/identity/user-admin-ports.ts';
import { isRole, type RoleGrant } from '#core/identity/access-policy.ts';
import { DomainError } from '#core/shared/domain-error.ts';
import type { Db } from './open-database.ts';
import { agencies } from './schema/agencies.ts';
import { auditLog } from './schema/cases.ts';
import { userRoles, users } from './schema/identity.ts';
import { staffSessions } from './schema/sessions.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function agencyIdOf(tx: Db | Tx, slug: string): Promise<number> {
  const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug));
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', `机构“${slug}”不存在`, { fields: { agency: '机构不存在' } });
  }
  return agency.id;
}

async function audit(
  tx: Tx,
  stamp: ChangeStamp,
  input: { agencyIds: readonly number[]; username: string; action: string; before: unknown; after: unknown },
): Promise<void> {
  // In agency order: each row takes its agency's audit-chain lock (migration 0006), so two writers never wait on each other crosswise.
  const ids = [...new Set(input.agencyIds)].sort((a, b) => a - b);
  if (ids.length === 0) {
    return;
  }
  await tx.insert(auditLog).values(
    ids.map((agencyId) => ({
      agencyId,
      at: stamp.at.toISOString(),
      actor: stamp.who,
      action: input.action,
      subject: `user:${input.username}`,
      before: input.before,
      after: input.after,
    })),
  );
}

/** The agencies where the account holds a role (the audit rows of an account-wide change). */
async function grantAgencyIds(tx: Tx, userId: number): Promise<number[]> {
  const rows = await tx.selectDistinct({ id: userRoles.agencyId }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((row) => row.id);
}

async function accounts(db: Db | Tx, where: { username?: string; agency?: string }): Promise<UserAccount[]> {
  const conditions = [];
  if (where.username !== undefined) {
    conditions.push(eq(users.username, where.username));
  }
  if (where.agency !== undefined) {
    conditions.push(
      // Qualified by hand: drizzle leaves column names bare in a select's sql fragments.
      sql`exists (select 1 from user_roles r join agencies a on a.id = r.agency_id
        where r.user_id = "users"."id" and a.slug = ${where.agency})`,
    );
  }
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
      activeTokens: sql<number>`(select count(*)::int from api_tokens t where t.user_id = "users"."id" and t.revoked_at is null)`,
    })
    .from(users)
    .where(conditions.length === 0 ? undefined : and(...conditions))
    .orderBy(asc(users.username));
  if (rows.length === 0) {
    return [];
  }
  const grantRows = await db
    .select({ userId: userRoles.userId, agency: agencies.slug, role: userRoles.role })
    .from(userRoles)
    .innerJoin(agencies, eq(agencies.id, userRoles.agencyId))
    .where(
      inArray(
        userRoles.userId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(agencies.slug), asc(userRoles.role));
  const grants = new Map<number, RoleGrant[]>();
  for (const row of grantRows) {
    if (isRole(row.role)) {
      grants.set(row.userId, [...(grants.get(row.userId) ?? []), { agency: row.agency, role: row.role }]);
    }
  }
  return rows.map((row) => ({
    id: String(row.id),
    username: row.username,
    hasPassword: row.hasPassword,
    createdAt: new Date(row.createdAt).toISOString(),
    disabledAt: row.disabledAt === null ? null : new Date(row.disabledAt).toISOString(),
    grants: grants.get(row.id) ?? [],
    activeTokens: row.activeTokens,
  }));
}

/** Deletes the console sessions of a user (staff_sessions of the console's sign-in); how many. */
async function endSessions(db: Db, userId: number): Promise<number> {
  const ended = await db.delete(staffSessions).where(eq(staffSessions.userId, userId)).returning({ idHash: staffSessions.idHash });
  return ended.length;
}

export function createUserAdminStore(db: Db): UserAdminStore {
  return {
    async listAccounts(filter) {
      if (filter.agency !== undefined) {
        await agencyIdOf(db, filter.agency);
      }
      return accounts(db, filter.agency === undefined ? {} : { agency: filter.agency });
    },

    async findAccount(username) {
      const [account] = await accounts(db, { username });
      return account;
    },

    async createAccount({ username, passwordHash, grant, who, at }) {
      return db.transaction(async (tx) => {
        const agencyId = await agencyIdOf(tx, grant.agency);
        const inserted = await tx
          .insert(users)
          .values({ username, passwordHash, createdAt: at.toISOString() })
          .onConflictDoNothing({ target: users.username })
          .returning({ id: users.id });
        const userId = inserted[0]?.id;
        if (userId === undefined) {
          throw new DomainError('CONFLICT', `用户名“${username}”已被使用`, { fields: { username: '用户名已被使用' } });
        }
        await tx.insert(userRoles).values({ agencyId, userId, role: grant.role, createdAt: at.toISOString() });
        await audit(tx, { who, at }, { agencyIds: [agencyId], username, action: 'user.create', before: null, after: { grant } });
        const [account] = await accounts(tx, { username });
        if (account === undefined) {
          throw new Error('account vanished after insert');
        }
        return account;
      });
    },

    async setDisabled({ userId, disabled, who, at }) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(users)
          .set({ disabledAt: disabled ? at.toISOString() : null })
          .where(and(eq(users.id, Number(userId)), disabled ? isNull(users.disabledAt) : sql`${users.disabledAt} is not null`))
          .returning({ username: users.username });
        const changed = rows[0];
        if (changed === undefined) {
          return false;
        }
        await audit(
          tx,
          { who, at },
          {
            agencyIds: await grantAgencyIds(tx, Number(userId)),
            username: changed.username,
            action: disabled ? 'user.disable' : 'user.enable',
            before: { disabled: !disabled },
            after: { disabled },
          },
        );
        return true;
      });
    },

    async setPasswordHash({ userId, passwordHash, who, at }) {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ passwordHash })
          .where(eq(users.id, Number(userId)))
          .returning({ username: users.username });
        if (row !== undefined) {
          await audit(
            tx,
            { who, at },
            {
              agencyIds: await grantAgencyIds(tx, Number(userId)),
              username: row.username,
              action: 'user.password',
              before: null,
              after: { passwordChanged: true },
            },
          );
        }
      });
    },

    async grantRole({ userId, grant, who, at }) {
      return db.transaction(async (tx) => {
        const agencyId = await agencyIdOf(tx, grant.agency);
        const inserted = await tx
          .insert(userRoles)
          .values({ agencyId, userId: Number(userId), role: grant.role, createdAt: at.toISOString() })
          .onConflictDoNothing()
          .returning({ role: userRoles.role });
        if (inserted.length === 0) {
          return false;
        }
        const [user] = await tx
          .select({ username: users.username })
          .from(users)
          .where(eq(users.id, Number(userId)));
        await audit(
          tx,
          { who, at },
          { agencyIds: [agencyId], username: user?.username ?? userId, action: 'user.grant', before: null, after: { grant } },
        );
        return true;
      });
    },

    async revokeRole({ userId, grant, who, at }) {
      return db.transaction(async (tx) => {
        const agencyId = await agencyIdOf(tx, grant.agency);
        const removed = await tx
          .delete(userRoles)
          .where(and(eq(userRoles.agencyId, agencyId), eq(userRoles.userId, Number(userId)), eq(userRoles.role, grant.role)))
          .returning({ role: userRoles.role });
        if (removed.length === 0) {
          return false;
        }
        const [user] = await tx
          .select({ username: users.username })
          .from(users)
          .where(eq(users.id, Number(userId)));
        await audit(
          tx,
          { who, at },
          { agencyIds: [agencyId], username: user?.username ?? userId, action: 'user.revoke', before: { grant }, after: null },
        );
        return true;
      });
    },

    endSessions: (userId) => endSessions(db, Number(userId)),
  };
}
