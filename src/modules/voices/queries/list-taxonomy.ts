import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { AreaBoundary } from '../schema.ts';
import { localisedName } from './list-voices.ts';

export interface CategoryOption { slug: string; name: string }
export interface AreaOption { slug: string; name: string; boundary: AreaBoundary | null }

export function listCategories(db: Db, tenantId: string, locale: string): Promise<CategoryOption[]> {
  return queryRows(
    db,
    sql`select slug, ${localisedName(sql`names`, locale)} as name from voices_category where tenant_id = ${tenantId} order by position, slug`,
  );
}

export function listAreas(db: Db, tenantId: string): Promise<AreaOption[]> {
  return queryRows(db, sql`select slug, name, boundary from voices_area where tenant_id = ${tenantId} order by name`);
}
