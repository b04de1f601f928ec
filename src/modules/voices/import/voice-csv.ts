// Paper forms typed up into a CSV file, one voice per row. Every row is checked before anything
// is stored, and every problem is reported with its row and column, so a facilitator can fix
// the file and send it again; a file with any problem imports nothing.
import { readCsvTable, type RowProblem } from '../../../core/csv.ts';
import { fieldIssues } from '../../../core/validation.ts';
import { VoiceInput } from '../schemas.ts';

export type { RowProblem };

/** Columns, as named in the file's header row, and the voice field each fills. */
export const CSV_COLUMNS = {
  title: 'title', description: 'description', category: 'category', area: 'area', consent: 'consent',
  latitude: 'latitude', longitude: 'longitude', contact: 'contact', sex: 'sex', age_band: 'ageBand',
  wg_seeing: 'wgSeeing', wg_hearing: 'wgHearing', wg_walking: 'wgWalking', wg_remembering: 'wgRemembering',
  wg_self_care: 'wgSelfCare', wg_communicating: 'wgCommunicating',
} as const;
export const REQUIRED_COLUMNS = ['title', 'description', 'category', 'consent'] as const;
export const MAX_ROWS = 1000;

export type ParsedVoiceCsv =
  | { ok: true; voices: (VoiceInput & { row: number })[] }
  | { ok: false; problems: RowProblem[] };

const COLUMN_OF: Record<string, string> = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([column, field]) => [field, column]));

export function parseVoiceCsv(text: string, city: { categories: readonly string[]; areas: readonly string[] }): ParsedVoiceCsv {
  const table = readCsvTable(text, { columns: Object.keys(CSV_COLUMNS), required: REQUIRED_COLUMNS, maxRows: MAX_ROWS });
  if (!table.ok) return table;
  const problems = table.problems;
  const voices: (VoiceInput & { row: number })[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach(({ row, cells }) => {
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(cells)) fields[CSV_COLUMNS[name as keyof typeof CSV_COLUMNS]] = value;
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
