// A city admin adds a category residents can file voices under, named in each language.
import type { Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { categories } from '../schema.ts';
import { canConfigureCity, type City } from '../permissions.ts';
import { forgetTaxonomy } from '../queries/list-taxonomy.ts';

export async function createCategory(
  db: Db,
  input: { slug: string; names: Record<string, string>; position?: number },
  actor: Actor | null,
  city: City,
): Promise<Result<{ id: string }, 'slug-taken'>> {
  if (!canConfigureCity(actor, city)) throw forbidden();
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(categories)
      .values({ tenantId: city.id, slug: input.slug, names: input.names, position: input.position ?? 0 })
      .onConflictDoNothing()
      .returning();
    if (!row) return err('slug-taken');
    await recordAudit(tx, { tenantId: city.id, actorId: actor?.userId ?? null, action: 'category.create', objectType: 'category', objectId: row.id, after: row });
    return ok({ id: row.id });
  });
  forgetTaxonomy(db, city.id);
  return result;
}
