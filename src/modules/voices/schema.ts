// Drizzle descriptions of this module's tables (created by migrations/).
import { pgTable, uuid, text, integer, jsonb, doublePrecision, timestamp, boolean, smallint, primaryKey } from 'drizzle-orm/pg-core';
import type { VoiceStatus } from './status.ts';

export const categories = pgTable('voices_category', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  slug: text('slug').notNull(),
  names: jsonb('names').$type<Record<string, string>>().notNull(),
  position: integer('position').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

export const areas = pgTable('voices_area', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  boundary: jsonb('boundary').$type<AreaBoundary | null>(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

export type AreaBoundary =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export type Visibility = 'pending' | 'published' | 'hidden';
export type Channel = 'web' | 'api' | 'sms' | 'ussd' | 'whatsapp' | 'assisted' | 'open311';

export const voices = pgTable('voices_voice', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  reference: text('reference').notNull(),
  submissionKey: uuid('submission_key'),
  title: text('title').notNull(),
  description: text('description').notNull(),
  lang: text('lang').notNull(),
  categoryId: uuid('category_id').notNull(),
  areaId: uuid('area_id').notNull(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  channel: text('channel').$type<Channel>().notNull().default('web'),
  status: text('status').$type<VoiceStatus>().notNull().default('received'),
  visibility: text('visibility').$type<Visibility>().notNull().default('pending'),
  hiddenReason: text('hidden_reason'),
  mergedIntoId: uuid('merged_into_id'),
  authorId: uuid('author_id'),
  supportCount: integer('support_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

export const contacts = pgTable('voices_contact', {
  tenantId: uuid('tenant_id').notNull(),
  voiceId: uuid('voice_id').notNull(),
  sealed: text('sealed').notNull(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.voiceId] })]);

export const respondents = pgTable('voices_respondent', {
  tenantId: uuid('tenant_id').notNull(),
  voiceId: uuid('voice_id').notNull(),
  sex: text('sex'),
  ageBand: text('age_band'),
  wgSeeing: smallint('wg_seeing'),
  wgHearing: smallint('wg_hearing'),
  wgWalking: smallint('wg_walking'),
  wgRemembering: smallint('wg_remembering'),
  wgSelfCare: smallint('wg_self_care'),
  wgCommunicating: smallint('wg_communicating'),
}, (t) => [primaryKey({ columns: [t.tenantId, t.voiceId] })]);

export type UpdateKind = 'submitted' | 'published' | 'hidden' | 'status' | 'reply' | 'merged';

export const updates = pgTable('voices_update', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  voiceId: uuid('voice_id').notNull(),
  kind: text('kind').$type<UpdateKind>().notNull(),
  status: text('status').$type<VoiceStatus | null>(),
  body: text('body'),
  public: boolean('public').notNull().default(true),
  actorId: uuid('actor_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

export const supports = pgTable('voices_support', {
  tenantId: uuid('tenant_id').notNull(),
  voiceId: uuid('voice_id').notNull(),
  supporter: text('supporter').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.voiceId, t.supporter] })]);

export const priorities = pgTable('voices_priority', {
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  lang: text('lang').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.id] })]);

export const priorityVoices = pgTable('voices_priority_voice', {
  tenantId: uuid('tenant_id').notNull(),
  priorityId: uuid('priority_id').notNull(),
  voiceId: uuid('voice_id').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.tenantId, t.priorityId, t.voiceId] })]);
