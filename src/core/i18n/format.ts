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

// A page lists many dates from the same days; formatting one costs microseconds, so each
// formatter remembers its recent answers by minute (no formatter here shows seconds).
const REMEMBERED_MINUTES = 5000;
const answers = new WeakMap<Intl.DateTimeFormat, Map<number, string>>();

function formatByMinute(formatter: Intl.DateTimeFormat, date: Date): string {
  let known = answers.get(formatter);
  if (!known) {
    known = new Map();
    answers.set(formatter, known);
  }
  const minute = Math.floor(date.getTime() / 60_000);
  let text = known.get(minute);
  if (text === undefined) {
    text = formatter.format(date);
    if (known.size >= REMEMBERED_MINUTES) known.clear();
    known.set(minute, text);
  }
  return text;
}

export function formatDate(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return formatByMinute(cached(`d\0${locale}\0${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })), date);
}

export function formatDateTime(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return formatByMinute(cached(`dt\0${locale}\0${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })), date);
}

export function formatNumber(locale: Locale, value: number): string {
  return cached(`n\0${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}
