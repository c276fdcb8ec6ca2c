// Identity (issue #7): staff users, their role in each agency, and API tokens for programs. Users are
// instance-wide (one person may work for several agencies), so `users` and `api_tokens` carry no
// agency_id; every grant (`user_roles`) does, and its keys include it.
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';

export const USER_ROLES = ['officer', 'reviewer', 'agency_admin', 'supervisor', 'system_admin'] as const;

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull(),
    /** argon2id PHC string; null: no password sign-in (token only). */
    passwordHash: text('password_hash'),
    /** Where the daily job's reminders for the cases this user is 承办人 of go (null: the agency mailbox). */
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'string' }),
    /** TOTP (RFC 6238) secret, base32; set at enrolment, in force once totp_enabled_at is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, mode: 'string' }),
    /** The last accepted TOTP time step: a code is accepted once (no replay within its window). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('users_username_key').on(t.username),
    check('users_username_check', sql`${t.username} ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'`),
    check(
      'users_email_check',
      sql`${t.email} is null or (length(${t.email}) <= 254 and ${t.email} ~ '^[^[:space:]@]+@[^[:space:]@]+[.][^[:space:]@]+$')`,
    ),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: USER_ROLES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'user_roles_pkey', columns: [t.agencyId, t.userId, t.role] }),
    index('user_roles_user_idx').on(t.userId),
    check('user_roles_role_check', sql`${t.role} in ('officer', 'reviewer', 'agency_admin', 'supervisor', 'system_admin')`),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);
