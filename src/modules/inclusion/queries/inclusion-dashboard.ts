// Everything the inclusion dashboard and its CSV show: each dimension's table (voices against
// residents, small cells withheld) and the groups heard least.
import type { Db } from '../../../core/db/index.ts';
import { AGE_BANDS, SEXES, listAreas, voiceParticipation } from '../../voices/index.ts';
import { compareGroups, leastHeard, UNANSWERED, type DimensionTable, type HeardGroup } from '../analysis/representation.ts';
import { populationSummary } from './population.ts';

export const DIMENSIONS = ['sex', 'ageBand', 'area', 'disability', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Channels in the order people meet them, so tables read the same in every city. */
const CHANNELS = ['web', 'sms', 'whatsapp', 'ussd', 'assisted', 'open311', 'api'];
const DISABILITY = ['disability', 'no-disability'];

export interface DimensionView {
  dimension: Dimension;
  table: DimensionTable;
  /** Compared with residents (the population file has this dimension). */
  compared: boolean;
  /** Display names of keys that are not from the catalogue (areas). */
  names: Record<string, string>;
}

export interface InclusionDashboard {
  population: { loadedAt: string; people: number } | null;
  dimensions: DimensionView[];
  leastHeard: (HeardGroup & { dimension: Dimension; name: string | null })[];
}

export async function inclusionDashboard(db: Db, tenantId: string): Promise<InclusionDashboard> {
  const [voices, population, areas] = [await voiceParticipation(db, tenantId), await populationSummary(db, tenantId), await listAreas(db, tenantId)];
  const areaNames = Object.fromEntries(areas.map((a) => [a.slug, a.name]));
  const order = (keys: readonly string[]) => (table: DimensionTable): DimensionTable => ({
    ...table,
    rows: [...table.rows].sort((a, b) => rank(keys, a.key) - rank(keys, b.key)),
  });
  const dimensions: DimensionView[] = [
    { dimension: 'sex', table: order(SEXES)(compareGroups(voices.sex, population?.sex ?? null)), compared: !!population, names: {} },
    { dimension: 'ageBand', table: order(AGE_BANDS)(compareGroups(voices.ageBand, population?.ageBand ?? null)), compared: !!population, names: {} },
    {
      dimension: 'area', compared: !!population, names: areaNames,
      table: order(areas.map((a) => a.slug))(compareGroups([...areas.map((a) => ({ key: a.slug, count: 0 })), ...voices.area].reduce(merge, []), population?.area ?? null)),
    },
    { dimension: 'disability', table: order(DISABILITY)(compareGroups(voices.disability, null)), compared: false, names: {} },
    { dimension: 'channel', table: order(CHANNELS)(compareGroups(voices.channel, null)), compared: false, names: {} },
  ];
  return {
    population: population ? { loadedAt: population.loadedAt, people: population.people } : null,
    dimensions,
    leastHeard: leastHeard(dimensions.filter((d) => d.compared)).map((g) => ({ ...g, dimension: g.dimension as Dimension, name: g.dimension === 'area' ? areaNames[g.key] ?? g.key : null })),
  };
}

/** Known keys in their order, then others, "did not say" last. */
function rank(keys: readonly string[], key: string): number {
  if (key === UNANSWERED) return Number.MAX_SAFE_INTEGER;
  const at = keys.indexOf(key);
  return at === -1 ? keys.length : at;
}

function merge(cells: { key: string; count: number }[], cell: { key: string; count: number }) {
  const same = cells.find((c) => c.key === cell.key);
  if (same) same.count += cell.count;
  else cells.push({ ...cell });
  return cells;
}
