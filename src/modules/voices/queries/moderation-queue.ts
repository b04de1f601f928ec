// What a moderator works through: voices awaiting publication first, then open voices, oldest
// first so nobody waits longest.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { Visibility } from '../schema.ts';
import type { VoiceStatus } from '../status.ts';
import { PAGE_SIZE } from '../schemas.ts';

export interface QueueItem {
  reference: string;
  title: string;
  status: VoiceStatus;
  visibility: Visibility;
  supportCount: number;
  createdAt: Date;
}

export type QueueView = 'pending' | 'open' | 'hidden' | 'closed';
export const QUEUE_VIEWS: readonly QueueView[] = ['pending', 'open', 'hidden', 'closed'];

export async function moderationQueue(db: Db, tenantId: string, view: QueueView, page: number) {
  const condition: Record<QueueView, SQL> = {
    pending: sql`visibility = 'pending'`,
    open: sql`visibility = 'published' and status not in ('resolved', 'declined')`,
    hidden: sql`visibility = 'hidden'`,
    closed: sql`visibility = 'published' and status in ('resolved', 'declined')`,
  };
  const rows = await queryRows<QueueItem>(
    db,
    sql`select reference, title, status, visibility, support_count as "supportCount", created_at as "createdAt"
        from voices_voice where tenant_id = ${tenantId} and merged_into_id is null and ${condition[view]}
        order by created_at, id limit ${PAGE_SIZE + 1} offset ${(page - 1) * PAGE_SIZE}`,
  );
  return { items: rows.slice(0, PAGE_SIZE).map((r) => ({ ...r, createdAt: new Date(r.createdAt) })), hasNext: rows.length > PAGE_SIZE };
}
