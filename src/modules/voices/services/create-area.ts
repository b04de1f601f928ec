// A city admin adds an area (a ward), optionally with its GeoJSON boundary so that residents
// can give a point instead of choosing the area.
import type { Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { areas, type AreaBoundary } from '../schema.ts';
import { canConfigureCity, type City } from '../permissions.ts';
import { forgetTaxonomy } from '../queries/list-taxonomy.ts';

export async function createArea(
  db: Db,
  input: { slug: string; name: string; boundary: AreaBoundary | null },
  actor: Actor | null,
  city: City,
): Promise<Result<{ id: string }, 'slug-taken'>> {
  if (!canConfigureCity(actor, city)) throw forbidden();
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(areas)
      .values({ tenantId: city.id, slug: input.slug, name: input.name, boundary: input.boundary })
      .onConflictDoNothing()
      .returning();
    if (!row) return err('slug-taken');
    await recordAudit(tx, { tenantId: city.id, actorId: actor?.userId ?? null, action: 'area.create', objectType: 'area', objectId: row.id, after: row });
    return ok({ id: row.id });
  });
  forgetTaxonomy(db, city.id);
  return result;
}
