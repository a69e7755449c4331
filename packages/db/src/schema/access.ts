import { ROLE_IDS } from '@dispatch/core';
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { regions } from './regions.ts';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Accounts: a post (role) and a home region. Passwords only as scrypt hashes. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLE_IDS }).notNull(),
  regionCode: text('region_code').notNull().references(() => regions.code),
  passwordHash: text('password_hash').notNull(),
  /** a demo account, flagged as such in the UI */
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(now),
  passwordChangedAt: text('password_changed_at').notNull().default(now),
  /** set when an administrator stops the account: it can no longer sign in, and its sessions are ended */
  disabledAt: text('disabled_at'),
});

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256, so a leak cannot sign in. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull().default(now),
    expiresAt: text('expires_at').notNull(),
    address: text('address'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * 审计日志: who, when, from where, what, which region. Append-only: the migration adds triggers that refuse
 * UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    actorId: integer('actor_id'),
    /** the login as typed (also for failed sign-ins of unknown accounts), or 'cli' */
    actorLogin: text('actor_login'),
    address: text('address'),
    action: text('action').notNull(),
    regionCode: text('region_code'),
    /** JSON with what changed; never a password or a hash */
    detail: text('detail'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_action_idx').on(t.action)],
);

/**
 * Failed sign-ins still counted, one row per failure and key (`login:<name>`, `address:<ip>`), shared by every
 * server process on the database: the limit holds across processes. A row is written before the password is
 * checked and deleted again when it turns out right; rows older than the window are pruned as new ones arrive.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    /** milliseconds since 1970 (the server's clock) */
    at: integer('at').notNull(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.key, t.at), index('sign_in_failures_at_idx').on(t.at)],
);

export type UserRow = typeof users.$inferSelect;
