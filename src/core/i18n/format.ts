// Dates and numbers are formatted per language with the platform's Intl, in the city's zone.
// Building an Intl formatter costs far more than using one, so each is built once and reused.
import type { Locale } from './catalog.ts';
import { remembering } from './remember.ts';

// A page lists many dates from the same days; formatting one costs microseconds, so each date
// format remembers its recent answers by minute (none shows seconds).
const REMEMBERED_MINUTES = 5000;
const dateFormats = remembering<string, (date: Date) => string>();
const numberFormats = remembering<string, Intl.NumberFormat>();

function dateFormat(key: string, build: () => Intl.DateTimeFormat): (date: Date) => string {
  return dateFormats(key, () => {
    const formatter = build();
    const byMinute = remembering<number, string>(REMEMBERED_MINUTES);
    return (date) => byMinute(Math.floor(date.getTime() / 60_000), () => formatter.format(date));
  });
}

export function formatDate(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return dateFormat(`${locale}\0${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }))(date);
}

export function formatDateTime(locale: Locale, date: Date, timeZone = 'UTC'): string {
  return dateFormat(`${locale}\0${timeZone}\0time`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }))(date);
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormats(locale, () => new Intl.NumberFormat(locale)).format(value);
}

/** A share (0.25) as a whole percentage in the language's style: "25 %", "25%", "٢٥٪". */
export function formatPercent(locale: Locale, share: number): string {
  return numberFormats(`${locale}\0percent`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

/** A ratio to two decimals: 0.63. */
export function formatRatio(locale: Locale, ratio: number): string {
  return numberFormats(`${locale}\0ratio`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(ratio);
}

/**
 * Money from integer minor units, in the language's style: "KES 1,500,000", "KES 12.50",
 * "1 500 000 KES". Whole amounts leave out the zero cents that budgets would repeat on every line.
 */
export function formatMoney(locale: Locale, minor: number, currency: string): string {
  const format = (whole: boolean) => numberFormats(`${locale}\0money\0${currency}\0${whole}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) }));
  const digits = format(false).resolvedOptions().maximumFractionDigits ?? 2;
  const unit = 10 ** digits;
  // Minor units stay exact up to 2^53; dividing only here keeps the arithmetic in integers.
  return format(minor % unit === 0).format(minor / unit);
}
