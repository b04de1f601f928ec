// Who is heard compared with who lives there, one dimension at a time (sex, age band, area …).
// Voice counts are published only through small-cell suppression; a share is shown only when
// it reveals nothing the published counts do not (so not when "did not say" is withheld); the
// representation ratio is a group's share of voices over its share of residents: 1 is a fair
// hearing, 0.5 half of it.
import { suppress, type Cell } from './suppression.ts';

/** The cell for voices whose author did not answer this question. */
export const UNANSWERED = 'unanswered';

export interface GroupRow {
  key: string;
  /** Published count of voices; null when withheld. */
  voices: number | null;
  withheld: 'small' | 'complement' | null;
  /** Share of the voices that answered; null when withheld or not safe to show. */
  voiceShare: number | null;
  /** Residents in the group, when the city's population file counts it. */
  population: number | null;
  populationShare: number | null;
  ratio: number | null;
}

export interface DimensionTable {
  rows: GroupRow[];
  /** Voices counted in the table (all of them, answered or not); null when withheld. */
  total: number | null;
}

export function compareGroups(voiceCells: readonly Cell[], population: readonly Cell[] | null): DimensionTable {
  // Every group with residents gets a row, with 0 voices when none came from it: the least heard of all.
  const keys = [...new Set([...voiceCells.filter((c) => c.key !== UNANSWERED).map((c) => c.key), ...(population ?? []).map((c) => c.key)])];
  const countOf = (key: string) => voiceCells.find((c) => c.key === key)?.count ?? 0;
  const unanswered = countOf(UNANSWERED);
  const cells: Cell[] = [...keys.map((key) => ({ key, count: countOf(key) })), ...(unanswered > 0 ? [{ key: UNANSWERED, count: unanswered }] : [])];
  const published = suppress(cells);
  const unansweredCell = published.cells.find((c) => c.key === UNANSWERED);
  const answered = published.total === null || (unansweredCell && unansweredCell.count === null) ? null : published.total - (unansweredCell?.count ?? 0);
  const residents = population ? population.reduce((sum, c) => sum + c.count, 0) : 0;
  return {
    total: published.total,
    rows: published.cells.map((cell) => {
      // A group the population file does not count ("another way" for sex) has no residents figure, not 0.
      const people = cell.key === UNANSWERED ? null : population?.find((c) => c.key === cell.key)?.count ?? null;
      const voiceShare = cell.key !== UNANSWERED && cell.count !== null && answered ? cell.count / answered : null;
      const populationShare = people !== null && residents > 0 ? people / residents : null;
      return {
        key: cell.key, voices: cell.count, withheld: cell.withheld, voiceShare, population: people, populationShare,
        ratio: voiceShare !== null && populationShare ? voiceShare / populationShare : null,
      };
    }),
  };
}

export interface HeardGroup {
  dimension: string;
  key: string;
  voiceShare: number;
  populationShare: number;
  ratio: number;
}

/** The groups heard least compared with their number, below a fair hearing, lowest first. */
export function leastHeard(dimensions: readonly { dimension: string; table: DimensionTable }[], limit = 3): HeardGroup[] {
  return dimensions
    .flatMap(({ dimension, table }) => table.rows.flatMap((row) =>
      row.ratio !== null && row.ratio < 1 && row.voiceShare !== null && row.populationShare !== null
        ? [{ dimension, key: row.key, voiceShare: row.voiceShare, populationShare: row.populationShare, ratio: row.ratio }]
        : []))
    .sort((a, b) => a.ratio - b.ratio || a.dimension.localeCompare(b.dimension) || a.key.localeCompare(b.key))
    .slice(0, limit);
}
