// The delivery log as a city admin reads it: the latest outbound texts, never their numbers.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';

export interface TextDelivery {
  createdAt: string;
  updatedAt: string;
  gateway: string;
  purpose: string;
  status: 'queued' | 'sent' | 'failed' | 'dropped';
  attempts: number;
  lastError: string | null;
  reference: string | null;
}

export const DELIVERIES_SHOWN = 100;

export async function latestTextDeliveries(db: Db, tenantId: string): Promise<TextDelivery[]> {
  return queryRows<TextDelivery>(db, sql`
    select d.created_at::text as "createdAt", d.updated_at::text as "updatedAt", d.gateway, d.purpose, d.status, d.attempts,
      d.last_error as "lastError", v.reference
    from voices_text_delivery d left join voices_voice v on v.tenant_id = d.tenant_id and v.id = d.voice_id
    where d.tenant_id = ${tenantId}
    order by d.created_at desc, d.id desc limit ${DELIVERIES_SHOWN}`);
}
