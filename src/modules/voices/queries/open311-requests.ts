// Public voices as GeoReport v2 service requests: a category is a service, a reference is a
// service_request_id, and a voice is `closed` once resolved, declined or merged into another.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { VoiceStatus } from '../status.ts';

export const CLOSED_STATUSES: readonly VoiceStatus[] = ['resolved', 'declined'];
/** GeoReport's default window and its cap on one answer. */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

export interface RequestFilters {
  references?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: ('open' | 'closed')[];
}

export interface ServiceRequestRow {
  reference: string;
  status: VoiceStatus;
  merged: boolean;
  statusNotes: string | null;
  serviceCode: string;
  serviceNames: Record<string, string>;
  description: string;
  requestedAt: Date;
  updatedAt: Date;
  area: string;
  areaSlug: string;
  latitude: number | null;
  longitude: number | null;
}

export async function listServiceRequests(db: Db, tenantId: string, filters: RequestFilters): Promise<ServiceRequestRow[]> {
  const conditions: SQL[] = [sql`v.tenant_id = ${tenantId}`, sql`v.visibility = 'published'`];
  if (filters.references) {
    // Asked for by id, a request is found whatever its date (the spec: ids override the rest).
    conditions.push(sql`v.reference in (select jsonb_array_elements_text(${JSON.stringify(filters.references)}::jsonb))`);
  } else {
    if (filters.serviceCodes) conditions.push(sql`c.slug in (select jsonb_array_elements_text(${JSON.stringify(filters.serviceCodes)}::jsonb))`);
    if (filters.start) conditions.push(sql`v.created_at >= ${filters.start.toISOString()}::timestamptz`);
    if (filters.end) conditions.push(sql`v.created_at <= ${filters.end.toISOString()}::timestamptz`);
    const statuses = new Set(filters.statuses ?? []);
    const closed = sql`(v.status in ('resolved', 'declined') or v.merged_into_id is not null)`;
    if (statuses.size === 1) conditions.push(statuses.has('closed') ? closed : sql`not ${closed}`);
  }
  return queryRows<ServiceRequestRow>(
    db,
    sql`select v.reference, v.status, v.merged_into_id is not null as merged,
          (select u.body from voices_update u where u.tenant_id = v.tenant_id and u.voice_id = v.id and u.kind = 'reply' and u.public
            order by u.at desc limit 1) as "statusNotes",
          c.slug as "serviceCode", c.names as "serviceNames", v.description, v.created_at as "requestedAt", v.updated_at as "updatedAt",
          a.name as area, a.slug as "areaSlug", v.latitude, v.longitude
        from voices_voice v
        join voices_category c on c.tenant_id = v.tenant_id and c.id = v.category_id
        join voices_area a on a.tenant_id = v.tenant_id and a.id = v.area_id
        where ${sql.join(conditions, sql` and `)}
        order by v.created_at desc limit ${MAX_REQUESTS}`,
  );
}
