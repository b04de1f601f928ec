// A city admin chooses the category and area a text gets when it names none, so residents can
// text in their own words. Leaving both empty means such a text is answered with the topics to use.
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { updateTenantSettings } from '../../../core/tenancy/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { loadTaxonomy } from '../queries/list-taxonomy.ts';
import { canConfigureCity, type City } from '../permissions.ts';

export async function setTextDefaults(
  db: Db, input: { category?: string | undefined; area?: string | undefined }, actor: Actor | null, city: City,
): Promise<Result<null, 'unknown-category' | 'unknown-area'>> {
  if (!canConfigureCity(actor, city)) throw forbidden();
  const { categories, areas } = await loadTaxonomy(db, city.id);
  if (input.category && !categories.some((c) => c.slug === input.category)) return err('unknown-category');
  if (input.area && !areas.some((a) => a.slug === input.area)) return err('unknown-area');
  await updateTenantSettings(db, city.id, { textCategory: input.category, textArea: input.area }, actor!.userId);
  return ok(null);
}
