// User-facing text lives in locales/<code>.json as ICU MessageFormat, one flat catalogue per
// language. Messages are compiled once per process and cached.
import { readFileSync } from 'node:fs';
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { remembering, type Memory } from './remember.ts';

/** Languages with a complete catalogue; the switcher offers exactly these. */
export const LOCALES = ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'sw'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language in itself, as the switcher and the USSD menu show it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English', fr: 'Français', es: 'Español', ar: 'العربية', zh: '中文', ru: 'Русский', pt: 'Português', sw: 'Kiswahili',
};
const RTL: ReadonlySet<Locale> = new Set(['ar']);

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

export type Catalog = Readonly<Record<string, string>>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: string, values?: MessageValues) => string;

const localesDir = new URL('../../../locales/', import.meta.url);
const catalogs = remembering<Locale, Catalog>();

export function loadCatalog(locale: Locale): Catalog {
  return catalogs(locale, () => JSON.parse(readFileSync(new URL(`${locale}.json`, localesDir), 'utf8')) as Catalog);
}

/**
 * Intl formatters for messages, one per language and options. intl-messageformat's own cache
 * serialises every call's arguments to find its formatter, which costs more than formatting.
 */
function messageFormatters(): Formatters {
  const built = remembering<string, unknown>();
  const memo = <F>(kind: string, build: (locales: string | string[] | undefined, options?: object) => F) =>
    (locales?: string | string[], options?: object): F =>
      built(`${kind}\0${String(locales)}\0${options === undefined ? '' : JSON.stringify(options)}`, () => build(locales, options)) as F;
  return {
    getNumberFormat: memo('n', (l, o) => new Intl.NumberFormat(l, o)),
    getDateTimeFormat: memo('d', (l, o) => new Intl.DateTimeFormat(l, o)),
    getPluralRules: memo('p', (l, o) => new Intl.PluralRules(l, o)),
  };
}
const formatters = messageFormatters();

/** How many formatted variants of one message are remembered (a list repeats the same counts). */
const REMEMBERED_VARIANTS = 500;

type Format = (values: MessageValues | undefined) => string;

/**
 * A message compiled once per language. One that formats without values is the same string
 * every time; otherwise plural and number rules cost microseconds each, so the same message
 * with the same values (dates aside) is remembered.
 */
function compile(message: string, locale: Locale): Format {
  const format = new IntlMessageFormat(message, locale, undefined, { formatters });
  try {
    const text = format.format();
    if (typeof text === 'string') return () => text;
  } catch {
    /* it needs values */
  }
  const variants = remembering<string, string>(REMEMBERED_VARIANTS);
  return (values) =>
    !values || Object.values(values).some((value) => value instanceof Date)
      ? String(format.format(values))
      : variants(JSON.stringify(values), () => String(format.format(values)));
}

const compiledByLocale = remembering<Locale, Memory<string, Format | null>>();

export function translator(locale: Locale): Translate {
  const compiled = compiledByLocale(locale, () => remembering());
  return (key, values) => {
    const format = compiled(key, () => {
      const message = loadCatalog(locale)[key] ?? loadCatalog(DEFAULT_LOCALE)[key];
      return message === undefined ? null : compile(message, locale);
    });
    // A missing key shows itself rather than failing the page; a test keeps catalogues complete.
    return format ? format(values) : key;
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
