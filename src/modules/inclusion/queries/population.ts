// A city's loaded population, summed along each dimension the dashboard compares.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';

export interface PopulationSummary {
  sex: { key: string; count: number }[];
  ageBand: { key: string; count: number }[];
  area: { key: string; count: number }[];
  loadedAt: string;
  people: number;
}

export async function populationSummary(db: Db, tenantId: string): Promise<PopulationSummary | null> {
  const [source] = await queryRows<{ loaded_at: string; people: number }>(db, sql`
    select loaded_at::text, people::bigint as people from inclusion_population_source where tenant_id = ${tenantId}`);
  if (!source) return null;
  const rows = await queryRows<{ area: string; sex: string; age_band: string; people: number }>(db, sql`
    select area, sex, age_band, people from inclusion_population where tenant_id = ${tenantId}`);
  const sum = (pick: (r: (typeof rows)[number]) => string) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(pick(r), (totals.get(pick(r)) ?? 0) + r.people);
    return [...totals].map(([key, count]) => ({ key, count }));
  };
  return { sex: sum((r) => r.sex), ageBand: sum((r) => r.age_band), area: sum((r) => r.area), loadedAt: source.loaded_at, people: Number(source.people) };
}
