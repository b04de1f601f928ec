// Human-friendly references residents can read out over the phone: CITY-YEAR-NUMBER, e.g.
// KSM-2026-000123.
import { sql, type SQL } from 'drizzle-orm';
export const REFERENCE_PATTERN = /^([A-Z]{2,5})-(\d{4})-(\d{6,})$/;

export function formatReference(cityCode: string, year: number, number: number): string {
  return `${cityCode}-${year}-${String(number).padStart(6, '0')}`;
}

/** formatReference written in SQL, for the statement that draws the number (a test keeps them equal). */
export function referenceSql(cityCode: string | SQL, year: number | SQL, number: SQL): SQL {
  return sql`${cityCode}::text || '-' || ${year}::text || '-' || lpad((${number})::text, greatest(6, length((${number})::text)), '0')`;
}

/** Accepts what people actually type: any case, spaces around, and spaces instead of dashes. */
export function normaliseReference(input: string): string | null {
  const candidate = input.trim().toUpperCase().replace(/[\s_]+/g, '-');
  return REFERENCE_PATTERN.test(candidate) ? candidate : null;
}

/**
 * A reference typed on a phone keypad, where letters and dashes are hard: the number alone
 * (this year's), the year and number run together (`2026000123`), or the whole reference.
 */
export function referenceFromKeypad(input: string, cityCode: string, year: number): string | null {
  const typed = input.trim();
  if (/^\d{1,7}$/.test(typed) && Number(typed) > 0) return formatReference(cityCode, year, Number(typed));
  const joined = /^(\d{4})(\d{6,})$/.exec(typed);
  if (joined) return formatReference(cityCode, Number(joined[1]), Number(joined[2]));
  return normaliseReference(typed);
}
