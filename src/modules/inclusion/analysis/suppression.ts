// Small-cell suppression of a one-way table whose total is published. A count of 1 to 4 people
// could point at someone, so it is not shown (primary suppression). Subtraction from the total
// must not bring it back, so more cells are withheld, smallest first, until the withheld cells
// hold at least two non-empty groups and at least five people between them (secondary
// suppression); where the table has no such cells left, the total is withheld too.
export const MIN_CELL = 5;

export interface Cell {
  key: string;
  count: number;
}

export interface PublishedCell {
  key: string;
  /** null when withheld. */
  count: number | null;
  withheld: 'small' | 'complement' | null;
}

export interface PublishedTable {
  cells: PublishedCell[];
  /** null when withheld. */
  total: number | null;
}

export function suppress(cells: readonly Cell[]): PublishedTable {
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const withheld = new Map<string, 'small' | 'complement'>();
  for (const c of cells) if (c.count > 0 && c.count < MIN_CELL) withheld.set(c.key, 'small');
  const safe = () => {
    const hidden = cells.filter((c) => withheld.has(c.key));
    const people = hidden.reduce((sum, c) => sum + c.count, 0);
    return hidden.length === 0 || (hidden.filter((c) => c.count > 0).length >= 2 && people >= MIN_CELL);
  };
  // Smallest first, so as little as possible is withheld; ties in table order, for stable pages.
  const candidates = cells.map((c, i) => ({ c, i })).filter(({ c }) => c.count > 0).sort((a, b) => a.c.count - b.c.count || a.i - b.i);
  for (const { c } of candidates) {
    if (safe()) break;
    if (!withheld.has(c.key)) withheld.set(c.key, 'complement');
  }
  return {
    cells: cells.map((c) => ({ key: c.key, count: withheld.has(c.key) ? null : c.count, withheld: withheld.get(c.key) ?? null })),
    total: safe() ? total : null,
  };
}
