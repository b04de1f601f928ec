// The public list of a city's voices: filters, full-text search and paging. Only published
// voices that were not merged away are listed.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { VoiceStatus } from '../status.ts';
import { PAGE_SIZE, type VoiceFilters } from '../schemas.ts';
import { categoryName, loadTaxonomy } from './list-taxonomy.ts';

export interface VoiceSummary {
  id: string;
  reference: string;
  title: string;
  excerpt: string;
  lang: string;
  status: VoiceStatus;
  category: string;
  categorySlug: string;
  area: string;
  areaSlug: string;
  supportCount: number;
  createdAt: Date;
}

type Row = Omit<VoiceSummary, 'category' | 'categorySlug' | 'area' | 'areaSlug'> & { categoryId: string; areaId: string };

/** Up to this many matches in a city, reading every match beats scanning by date. */
export const RARE_SEARCH_MATCHES = 1500;

export const localisedName = (column: SQL, locale: string) => sql`coalesce(${column}->>${locale}, ${column}->>'en')`;

export async function listVoices(
  db: Db,
  tenantId: string,
  filters: VoiceFilters,
  locale: string,
): Promise<{ items: VoiceSummary[]; hasNext: boolean }> {
  // Names of categories and areas come from the cached taxonomy, which keeps this hot query on
  // one table (cheaper to plan and to run than with the joins).
  const taxonomy = await loadTaxonomy(db, tenantId);
  const conditions: SQL[] = [sql`v.tenant_id = ${tenantId}`, sql`v.visibility = 'published'`, sql`v.merged_into_id is null`];
  if (filters.status) conditions.push(sql`v.status = ${filters.status}`);
  if (filters.category) {
    const category = taxonomy.categories.find((c) => c.slug === filters.category);
    if (!category) return { items: [], hasNext: false };
    conditions.push(sql`v.category_id = ${category.id}`);
  }
  if (filters.area) {
    const area = taxonomy.areas.find((a) => a.slug === filters.area);
    if (!area) return { items: [], hasNext: false };
    conditions.push(sql`v.area_id = ${area.id}`);
  }
  // websearch_to_tsquery accepts anything a person types (quotes, minus, or) without syntax errors.
  // Words are stored keyed by city (voices/0002), so the query is keyed the same way.
  const matches = filters.q ? sql`search @@ voices_city_query(${tenantId}, websearch_to_tsquery('simple', ${filters.q}))` : null;
  if (matches) conditions.push(sql`v.${matches}`);
  const columns = sql`v.id, v.reference, v.title, left(v.description, 200) as excerpt, v.lang, v.status,
    v.category_id as "categoryId", v.area_id as "areaId", v.support_count as "supportCount", v.created_at as "createdAt"`;
  const page = sql`order by v.created_at desc, v.id limit ${PAGE_SIZE + 1} offset ${(filters.page - 1) * PAGE_SIZE}`;
  const where = sql.join(conditions, sql` and `);
  let rows: Row[] | null = null;
  if (matches) {
    // Few matches: read them all through the (tenant, words) index and sort them; this one
    // statement also counts them, up to a bound. Many matches: walk the newest voices and stop
    // at the first page (below). PostgreSQL's estimates for combinations of words cannot tell
    // the two cases apart, so the bounded count decides.
    const [sparse] = await queryRows<{ total: number; rows: Row[] | null }>(
      db,
      sql`with m as materialized (select id from voices_voice where tenant_id = ${tenantId} and ${matches} limit ${RARE_SEARCH_MATCHES + 1})
          select (select count(*) from m)::int as total,
            (select json_agg(found order by found."createdAt" desc, found.id) from (select ${columns} from m join voices_voice v on v.tenant_id = ${tenantId} and v.id = m.id
              where ${where} and (select count(*) from m) <= ${RARE_SEARCH_MATCHES} ${page}) found) as rows`,
    );
    if (sparse && sparse.total <= RARE_SEARCH_MATCHES) rows = sparse.rows ?? [];
  }
  rows ??= await queryRows<Row>(db, sql`select ${columns} from voices_voice v where ${where} ${page}`);
  const categories = new Map(taxonomy.categories.map((c) => [c.id, c]));
  const areas = new Map(taxonomy.areas.map((a) => [a.id, a]));
  const items = rows.slice(0, PAGE_SIZE).map(({ categoryId, areaId, ...row }) => {
    const category = categories.get(categoryId);
    const area = areas.get(areaId);
    return {
      ...row,
      createdAt: new Date(row.createdAt),
      category: category ? categoryName(category, locale) : '',
      categorySlug: category?.slug ?? '',
      area: area?.name ?? '',
      areaSlug: area?.slug ?? '',
    };
  });
  return { items, hasNext: rows.length > PAGE_SIZE };
}
