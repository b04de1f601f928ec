// Drizzle descriptions of core's tables; the SQL in migrations/ is what creates them.
import { pgTable, uuid, text, integer, smallint, timestamp, jsonb, bigint, primaryKey } from 'drizzle-orm/pg-core';

export const tenants = pgTable('core_tenant', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id'),
  kind: text('kind').$type<TenantKind>().notNull(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  code: text('code'),
  defaultLocale: text('default_locale').notNull(),
  settings: jsonb('settings').$type<TenantSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type TenantKind = 'platform' | 'programme' | 'country' | 'city' | 'organisation';
export interface TenantSettings {
  /** Whether residents may raise a voice without an account. */
  allowAnonymous?: boolean;
  /** 'pre': a moderator publishes each voice; 'post': voices are public at once. */
  moderation?: 'pre' | 'post';
  /** IANA time zone for dates shown on pages. */
  timeZone?: string;
  /** [west, south, east, north] in WGS84: the city's extent, for points given without an area. */
  bbox?: [number, number, number, number];
  /** Category and area slugs for a text that names none (SMS and WhatsApp voices). */
  textCategory?: string;
  textArea?: string;
}

export const users = pgTable('core_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'core_membership',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.role] })],
);

export const ROLES = ['resident', 'facilitator', 'moderator', 'city-admin', 'programme-officer', 'platform-admin'] as const;
export type Role = (typeof ROLES)[number];

export const sessions = pgTable('core_session', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const passwordResets = pgTable('core_password_reset', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const auditEntries = pgTable(
  'core_audit',
  {
    tenantId: uuid('tenant_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    beforeHash: text('before_hash'),
    afterHash: text('after_hash'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    chainVersion: smallint('chain_version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] })],
);

export const auditHeads = pgTable('core_audit_head', {
  tenantId: uuid('tenant_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  prevHash: text('prev_hash'),
});
