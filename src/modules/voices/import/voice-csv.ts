// Paper forms typed up into a CSV file, one voice per row. Every row is checked before anything
// is stored, and every problem is reported with its row and column, so a facilitator can fix
// the file and send it again; a file with any problem imports nothing.
import { parse } from 'csv-parse/sync';
import { fieldIssues } from '../../../core/validation.ts';
import { VoiceInput } from '../schemas.ts';

/** Columns, as named in the file's header row, and the voice field each fills. */
export const CSV_COLUMNS = {
  title: 'title', description: 'description', category: 'category', area: 'area', consent: 'consent',
  latitude: 'latitude', longitude: 'longitude', contact: 'contact', sex: 'sex', age_band: 'ageBand',
  wg_seeing: 'wgSeeing', wg_hearing: 'wgHearing', wg_walking: 'wgWalking', wg_remembering: 'wgRemembering',
  wg_self_care: 'wgSelfCare', wg_communicating: 'wgCommunicating',
} as const;
export const REQUIRED_COLUMNS = ['title', 'description', 'category', 'consent'] as const;
export const MAX_ROWS = 1000;

export interface RowProblem {
  /** The row's line in the file, the header being row 1. */
  row: number;
  column: string;
  messageKey: string;
  values: Record<string, string | number>;
}

export type ParsedVoiceCsv =
  | { ok: true; voices: (VoiceInput & { row: number })[] }
  | { ok: false; problems: RowProblem[] };

const COLUMN_OF: Record<string, string> = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([column, field]) => [field, column]));

export function parseVoiceCsv(text: string, city: { categories: readonly string[]; areas: readonly string[] }): ParsedVoiceCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ row: line, column: '', messageKey: 'error.import.unreadable', values: {} }] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ row: 1, column: '', messageKey: 'error.import.empty', values: {} }] };
  const columns = header.map((name) => name.toLowerCase());
  const problems: RowProblem[] = [];
  for (const name of columns) {
    if (!(name in CSV_COLUMNS)) problems.push({ row: 1, column: name, messageKey: 'error.import.unknownColumn', values: { column: name, columns: Object.keys(CSV_COLUMNS).join(', ') } });
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) problems.push({ row: 1, column: name, messageKey: 'error.import.missingColumn', values: { column: name } });
  }
  if (new Set(columns).size !== columns.length) problems.push({ row: 1, column: '', messageKey: 'error.import.repeatedColumn', values: {} });
  if (rows.length === 0) problems.push({ row: 2, column: '', messageKey: 'error.import.noRows', values: {} });
  if (rows.length > MAX_ROWS) problems.push({ row: MAX_ROWS + 2, column: '', messageKey: 'error.import.tooManyRows', values: { max: MAX_ROWS } });
  if (problems.length) return { ok: false, problems };

  const voices: (VoiceInput & { row: number })[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const fields: Record<string, string> = {};
    columns.forEach((name, i) => (fields[CSV_COLUMNS[name as keyof typeof CSV_COLUMNS]] = cells[i] ?? ''));
    if (cells.length > columns.length) problems.push({ row, column: '', messageKey: 'error.import.extraCells', values: { count: cells.length, expected: columns.length } });
    if (fields.consent?.toLowerCase() !== 'yes') problems.push({ row, column: 'consent', messageKey: 'error.import.consent', values: {} });
    if (fields.category && !city.categories.includes(fields.category)) problems.push({ row, column: 'category', messageKey: 'error.voice.unknownCategory', values: {} });
    if (fields.area && !city.areas.includes(fields.area)) problems.push({ row, column: 'area', messageKey: 'error.voice.unknownArea', values: {} });
    const parsed = VoiceInput.safeParse(fields);
    if (!parsed.success) {
      for (const issue of fieldIssues(parsed.error)) problems.push({ row, column: COLUMN_OF[issue.field] ?? issue.field, messageKey: issue.messageKey, values: issue.values });
      return;
    }
    const same = `${parsed.data.title}\0${parsed.data.description}\0${parsed.data.category}\0${parsed.data.area ?? ''}`;
    const earlier = seen.get(same);
    if (earlier) problems.push({ row, column: '', messageKey: 'error.import.duplicateRow', values: { row: earlier } });
    else seen.set(same, row);
    voices.push({ ...parsed.data, row });
  });
  return problems.length ? { ok: false, problems } : { ok: true, voices };
}
