// Dates and numbers are formatted per language with the platform's Intl, in the city's zone.
// Building an Intl formatter costs far more than using one, so each is built once and reused.
import type { Locale } from './catalog.ts';

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return cached(`d\0${locale}\0${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })).format(date);
}

export function formatDateTime(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return cached(`dt\0${locale}\0${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })).format(date);
}

export function formatNumber(locale: Locale, value: number): string {
  return cached(`n\0${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}
