// User-facing text lives in locales/<code>.json as ICU MessageFormat, one flat catalogue per
// language. Messages are compiled once per process and cached.
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';

/** Languages with a complete catalogue; the switcher offers exactly these. */
export const LOCALES = ['en', 'fr', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', ar: 'العربية' };
const RTL: ReadonlySet<Locale> = new Set(['ar']);

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

export type Catalog = Readonly<Record<string, string>>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

const localesDir = new URL('../../../locales/', import.meta.url);
const catalogs = new Map<Locale, Catalog>();
const compiled = new Map<string, IntlMessageFormat>();

export function loadCatalog(locale: Locale): Catalog {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(new URL(`${locale}.json`, localesDir), 'utf8')) as Catalog;
    catalogs.set(locale, catalog);
  }
  return catalog;
}

export function translator(locale: Locale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}\0${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      const message = loadCatalog(locale)[key] ?? loadCatalog(DEFAULT_LOCALE)[key];
      // A missing key shows itself rather than failing the page; a test keeps catalogues complete.
      if (message === undefined) return key;
      format = new IntlMessageFormat(message, locale);
      compiled.set(cacheKey, format);
    }
    return String(format.format(values));
  };
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0 };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}
