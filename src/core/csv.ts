// CSV files in and out. In: a header row naming the columns, checked before any row is read, and
// problems reported by row (the header is row 1) and column, with catalogue keys so pages can
// say them in the reader's language. Out: a spreadsheet opening an exported file must never run
// a cell as a formula, so cells starting with = + - @ or a tab or carriage return are prefixed
// with an apostrophe (the OWASP advice for CSV injection).
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface RowProblem {
  /** The row's line in the file, the header being row 1. */
  row: number;
  column: string;
  messageKey: string;
  values: Record<string, string | number>;
}

export interface TableShape {
  /** Every column the file may have, as named in its header (compared in lower case). */
  columns: readonly string[];
  required: readonly string[];
  maxRows: number;
}

/**
 * A file whose header is right gives its rows, with the problems found in rows so far (a row
 * longer than the header); callers add their own and refuse the file if there are any.
 */
export type CsvTable =
  | { ok: true; rows: { row: number; cells: Record<string, string> }[]; problems: RowProblem[] }
  | { ok: false; problems: RowProblem[] };

export function readCsvTable(text: string, shape: TableShape): CsvTable {
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
    if (!shape.columns.includes(name)) problems.push({ row: 1, column: name, messageKey: 'error.import.unknownColumn', values: { column: name, columns: shape.columns.join(', ') } });
  }
  for (const name of shape.required) {
    if (!columns.includes(name)) problems.push({ row: 1, column: name, messageKey: 'error.import.missingColumn', values: { column: name } });
  }
  if (new Set(columns).size !== columns.length) problems.push({ row: 1, column: '', messageKey: 'error.import.repeatedColumn', values: {} });
  if (rows.length === 0) problems.push({ row: 2, column: '', messageKey: 'error.import.noRows', values: {} });
  if (rows.length > shape.maxRows) problems.push({ row: shape.maxRows + 2, column: '', messageKey: 'error.import.tooManyRows', values: { max: shape.maxRows } });
  if (problems.length) return { ok: false, problems };
  const table = rows.map((cells, index) => {
    const row = index + 2;
    if (cells.length > columns.length) problems.push({ row, column: '', messageKey: 'error.import.extraCells', values: { count: cells.length, expected: columns.length } });
    return { row, cells: Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? ''])) };
  });
  return { ok: true, rows: table, problems };
}

/** A cell a spreadsheet would take for a formula gets an apostrophe in front. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV text (RFC 4180, CRLF line ends) with every text cell neutralised; numbers stay numbers. */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const safe = (cell: string | number | null) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell === null ? '' : cell);
  return stringify([header.map(safe), ...rows.map((row) => row.map(safe))], { record_delimiter: 'windows' });
}
