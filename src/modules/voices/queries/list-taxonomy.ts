// A city's categories and areas: read on nearly every page and every submission, changed
// rarely, so read through the short-lived cache (see core/db/read-cache.ts).
import { sql } from 'drizzle-orm';
import { cachedRead, forgetReads, queryRows, type Db } from '../../../core/db/index.ts';
import type { AreaBoundary } from '../schema.ts';

export interface CategoryOption { slug: string; name: string }
export interface AreaOption { slug: string; name: string; boundary: AreaBoundary | null }

interface Taxonomy {
  categories: { id: string; slug: string; names: Record<string, string> }[];
  areas: (AreaOption & { id: string })[];
}

const cacheKey = (tenantId: string) => `voices:taxonomy:${tenantId}`;

export function loadTaxonomy(db: Db, tenantId: string): Promise<Taxonomy> {
  return cachedRead(db, cacheKey(tenantId), async () => ({
    categories: await queryRows<Taxonomy['categories'][number]>(
      db, sql`select id, slug, names from voices_category where tenant_id = ${tenantId} order by position, slug`),
    areas: await queryRows<Taxonomy['areas'][number]>(
      db, sql`select id, slug, name, boundary from voices_area where tenant_id = ${tenantId} order by name`),
  }));
}

/** Called after this process changed a city's categories or areas. */
export const forgetTaxonomy = (db: Db, tenantId: string) => forgetReads(db, cacheKey(tenantId));

/** A category's name in the page's language, else in English, else its short name. */
export const categoryName = (category: Pick<Taxonomy['categories'][number], 'slug' | 'names'>, locale: string): string =>
  category.names[locale] ?? category.names.en ?? category.slug;

export async function listCategories(db: Db, tenantId: string, locale: string): Promise<CategoryOption[]> {
  const { categories } = await loadTaxonomy(db, tenantId);
  return categories.map((c) => ({ slug: c.slug, name: categoryName(c, locale) }));
}

export async function listAreas(db: Db, tenantId: string): Promise<AreaOption[]> {
  return (await loadTaxonomy(db, tenantId)).areas.map(({ slug, name, boundary }) => ({ slug, name, boundary }));
}
