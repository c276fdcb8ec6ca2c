// Staff console sessions (issue #8) and the instance's persisted secrets. A session row is found by
// the SHA-256 of the cookie's random id (the id itself is never stored: a copy of the table signs
// nobody in). Each session carries its own CSRF token for the console's forms and the API's
// `x-csrf-token` header, an idle and an absolute expiry, and whether the TOTP step is still due.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';

export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 (hex) of the session id in the cookie. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** last_seen_at + the idle timeout; moved forward as the session is used. */
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** created_at + the absolute lifetime; never moved. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** Random per session: the `_csrf` of console forms and the API's `x-csrf-token`. */
    csrfToken: text('csrf_token').notNull(),
    /** True between a correct password and a correct TOTP code: the session signs nobody in yet. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId), index('staff_sessions_expires_idx').on(t.expiresAt)],
);

/** Secrets of the whole instance (shared by every node): e.g. the key of the portal's CSRF signatures. */
export const instanceSecrets = pgTable(
  'instance_secrets',
  {
    name: text('name').primaryKey(),
    /** base64url of random bytes. */
    secret: text('secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [check('instance_secrets_name_check', sql`${t.name} ~ '^[a-z][a-z0-9_]{0,62}$'`)],
);
