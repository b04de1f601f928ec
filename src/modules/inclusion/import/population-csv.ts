// A city's population as its statistics office publishes it, one row per area, sex and age band:
// `area,sex,age_band,people`. Every row is checked before anything is stored, and each problem
// is reported with its row and column.
import { readCsvTable, type RowProblem } from '../../../core/csv.ts';

export const POPULATION_COLUMNS = ['area', 'sex', 'age_band', 'people'] as const;
export const POPULATION_SEXES = ['female', 'male'] as const;
export const MAX_POPULATION_ROWS = 2000;
/** More people than any city has in one cell: a typo, not a census. */
const MAX_PEOPLE = 50_000_000;

export interface PopulationRow {
  area: string;
  sex: (typeof POPULATION_SEXES)[number];
  ageBand: string;
  people: number;
}

export type ParsedPopulation = { ok: true; rows: PopulationRow[] } | { ok: false; problems: RowProblem[] };

export function parsePopulationCsv(text: string, city: { areas: readonly string[]; ageBands: readonly string[] }): ParsedPopulation {
  const table = readCsvTable(text, { columns: POPULATION_COLUMNS, required: POPULATION_COLUMNS, maxRows: MAX_POPULATION_ROWS });
  if (!table.ok) return table;
  const problems = [...table.problems];
  const rows: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const { area = '', sex = '', age_band: ageBand = '', people = '' } = cells;
    const before = problems.length;
    if (!city.areas.includes(area)) problems.push({ row, column: 'area', messageKey: 'error.population.area', values: { area, areas: city.areas.join(', ') } });
    if (!(POPULATION_SEXES as readonly string[]).includes(sex)) problems.push({ row, column: 'sex', messageKey: 'error.population.sex', values: {} });
    if (!city.ageBands.includes(ageBand)) problems.push({ row, column: 'age_band', messageKey: 'error.population.ageBand', values: { bands: city.ageBands.join(', ') } });
    if (!/^\d{1,9}$/.test(people) || Number(people) > MAX_PEOPLE) problems.push({ row, column: 'people', messageKey: 'error.population.people', values: {} });
    if (problems.length > before) continue;
    const key = `${area}\0${sex}\0${ageBand}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({ row, column: '', messageKey: 'error.import.duplicateRow', values: { row: earlier } });
      continue;
    }
    seen.set(key, row);
    rows.push({ area, sex: sex as PopulationRow['sex'], ageBand, people: Number(people) });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
