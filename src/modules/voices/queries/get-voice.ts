// One voice as its status page shows it: content, where it stands, every public step with its
// date, and the priorities it belongs to.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { Visibility, UpdateKind } from '../schema.ts';
import type { VoiceStatus } from '../status.ts';
import { localisedName } from './list-voices.ts';

export interface VoiceDetail {
  id: string;
  reference: string;
  title: string;
  description: string;
  lang: string;
  status: VoiceStatus;
  visibility: Visibility;
  hiddenReason: string | null;
  mergedInto: string | null;
  category: string;
  categorySlug: string;
  area: string;
  areaSlug: string;
  latitude: number | null;
  longitude: number | null;
  channel: string;
  supportCount: number;
  createdAt: Date;
  updatedAt: Date;
  authorId: string | null;
}

export interface VoiceUpdate {
  kind: UpdateKind;
  status: VoiceStatus | null;
  body: string | null;
  at: Date;
}

export async function getVoice(db: Db, tenantId: string, reference: string, locale: string): Promise<VoiceDetail | null> {
  const [row] = await queryRows<VoiceDetail>(
    db,
    sql`select v.id, v.reference, v.title, v.description, v.lang, v.status, v.visibility, v.hidden_reason as "hiddenReason",
          m.reference as "mergedInto", ${localisedName(sql`c.names`, locale)} as category, c.slug as "categorySlug",
          a.name as area, a.slug as "areaSlug", v.latitude, v.longitude, v.channel, v.support_count as "supportCount",
          v.created_at as "createdAt", v.updated_at as "updatedAt", v.author_id as "authorId"
        from voices_voice v
        join voices_category c on c.tenant_id = v.tenant_id and c.id = v.category_id
        join voices_area a on a.tenant_id = v.tenant_id and a.id = v.area_id
        left join voices_voice m on m.tenant_id = v.tenant_id and m.id = v.merged_into_id
        where v.tenant_id = ${tenantId} and v.reference = ${reference}`,
  );
  return row ? { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) } : null;
}

export async function listVoiceUpdates(db: Db, tenantId: string, voiceId: string): Promise<VoiceUpdate[]> {
  const rows = await queryRows<VoiceUpdate>(
    db,
    sql`select kind, status, body, at from voices_update
        where tenant_id = ${tenantId} and voice_id = ${voiceId} and public order by at, id`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

export async function listVoicePriorities(db: Db, tenantId: string, voiceId: string): Promise<{ id: string; title: string }[]> {
  return queryRows(
    db,
    sql`select p.id, p.title from voices_priority_voice pv join voices_priority p on p.tenant_id = pv.tenant_id and p.id = pv.priority_id
        where pv.tenant_id = ${tenantId} and pv.voice_id = ${voiceId} order by p.title`,
  );
}

export async function hasSupported(db: Db, tenantId: string, voiceId: string, userId: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`select 1 from voices_support where tenant_id = ${tenantId} and voice_id = ${voiceId} and supporter = ${`user:${userId}`}`,
  );
  return rows.length > 0;
}

export async function getSealedContact(db: Db, tenantId: string, voiceId: string): Promise<string | null> {
  const [row] = await queryRows<{ sealed: string }>(
    db,
    sql`select sealed from voices_contact where tenant_id = ${tenantId} and voice_id = ${voiceId}`,
  );
  return row?.sealed ?? null;
}
