// Priorities and what stands behind each: its voices, how many people support them, and where
// in the city they come from.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { VoiceStatus } from '../status.ts';

export interface PrioritySummary { id: string; title: string; description: string; voiceCount: number; createdAt: Date }

export async function listPriorities(db: Db, tenantId: string): Promise<PrioritySummary[]> {
  return queryRows(
    db,
    sql`select p.id, p.title, p.description, p.created_at as "createdAt",
          (select count(*)::int from voices_priority_voice pv where pv.tenant_id = p.tenant_id and pv.priority_id = p.id) as "voiceCount"
        from voices_priority p where p.tenant_id = ${tenantId} order by p.created_at desc`,
  );
}

export interface PriorityDetail {
  id: string;
  title: string;
  description: string;
  lang: string;
  createdAt: Date;
  voices: { reference: string; title: string; status: VoiceStatus; area: string; supportCount: number }[];
  /** Distinct people behind the priority: its own supporters, its voices' supporters and their signed-in authors. */
  supporters: number;
  byArea: { area: string; voices: number; supports: number }[];
}

export async function getPriority(db: Db, tenantId: string, id: string): Promise<PriorityDetail | null> {
  const [priority] = await queryRows<{ id: string; title: string; description: string; lang: string; createdAt: Date }>(
    db,
    sql`select id, title, description, lang, created_at as "createdAt" from voices_priority where tenant_id = ${tenantId} and id = ${id}`,
  );
  if (!priority) return null;
  const voices = await queryRows<PriorityDetail['voices'][number]>(
    db,
    sql`select v.reference, v.title, v.status, a.name as area, v.support_count as "supportCount"
        from voices_priority_voice pv
        join voices_voice v on v.tenant_id = pv.tenant_id and v.id = pv.voice_id
        join voices_area a on a.tenant_id = v.tenant_id and a.id = v.area_id
        where pv.tenant_id = ${tenantId} and pv.priority_id = ${id} and v.visibility = 'published'
        order by v.support_count desc, v.created_at`,
  );
  const [people] = await queryRows<{ supporters: number }>(
    db,
    sql`select count(distinct person)::int as supporters from (
          select s.supporter as person from voices_priority_voice pv
          join voices_voice v on v.tenant_id = pv.tenant_id and v.id = pv.voice_id and v.visibility = 'published'
          join voices_support s on s.tenant_id = pv.tenant_id and s.voice_id = pv.voice_id
          where pv.tenant_id = ${tenantId} and pv.priority_id = ${id}
          union all
          select supporter from voices_priority_support where tenant_id = ${tenantId} and priority_id = ${id}
          union all
          select 'user:' || v.author_id from voices_priority_voice pv
          join voices_voice v on v.tenant_id = pv.tenant_id and v.id = pv.voice_id
          where pv.tenant_id = ${tenantId} and pv.priority_id = ${id} and v.author_id is not null and v.visibility = 'published'
        ) people`,
  );
  const byArea = await queryRows<PriorityDetail['byArea'][number]>(
    db,
    sql`select a.name as area, count(*)::int as voices, coalesce(sum(v.support_count), 0)::int as supports
        from voices_priority_voice pv
        join voices_voice v on v.tenant_id = pv.tenant_id and v.id = pv.voice_id
        join voices_area a on a.tenant_id = v.tenant_id and a.id = v.area_id
        where pv.tenant_id = ${tenantId} and pv.priority_id = ${id} and v.visibility = 'published'
        group by a.name order by voices desc, a.name`,
  );
  return { ...priority, createdAt: new Date(priority.createdAt), voices, supporters: people?.supporters ?? 0, byArea };
}
