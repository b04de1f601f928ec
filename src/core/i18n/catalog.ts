// User-facing text lives in locales/<code>.json as ICU MessageFormat, one flat catalogue per
// language. Messages are compiled once per process and cached.
import { readFileSync } from 'node:fs';
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';

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
const compiled = new Map<Locale, Map<string, IntlMessageFormat | string>>();

export function loadCatalog(locale: Locale): Catalog {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(new URL(`${locale}.json`, localesDir), 'utf8')) as Catalog;
    catalogs.set(locale, catalog);
  }
  return catalog;
}

/**
 * Intl formatters for messages, one per language and options. intl-messageformat's own cache
 * serialises every call's arguments to find its formatter, which costs more than formatting.
 */
function messageFormatters(): Formatters {
  const cache = new Map<string, unknown>();
  const memo = <F>(kind: string, build: (locales: string | string[] | undefined, options?: object) => F) =>
    (locales?: string | string[], options?: object): F => {
      const key = `${kind}\0${String(locales)}\0${options === undefined ? '' : JSON.stringify(options)}`;
      let formatter = cache.get(key) as F | undefined;
      if (formatter === undefined) {
        formatter = build(locales, options);
        cache.set(key, formatter);
      }
      return formatter;
    };
  return {
    getNumberFormat: memo('n', (l, o) => new Intl.NumberFormat(l, o)),
    getDateTimeFormat: memo('d', (l, o) => new Intl.DateTimeFormat(l, o)),
    getPluralRules: memo('p', (l, o) => new Intl.PluralRules(l, o)),
  };
}
const formatters = messageFormatters();

/** A message that formats without any values is the same string every time. */
function staticText(message: IntlMessageFormat): string | null {
  try {
    const text = message.format();
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

export function translator(locale: Locale): Translate {
  let messages = compiled.get(locale);
  if (!messages) {
    messages = new Map();
    compiled.set(locale, messages);
  }
  const cache = messages;
  return (key, values) => {
    let format = cache.get(key);
    if (format === undefined) {
      const message = loadCatalog(locale)[key] ?? loadCatalog(DEFAULT_LOCALE)[key];
      // A missing key shows itself rather than failing the page; a test keeps catalogues complete.
      if (message === undefined) return key;
      const compiledMessage = new IntlMessageFormat(message, locale, undefined, { formatters });
      format = staticText(compiledMessage) ?? compiledMessage;
      cache.set(key, format);
    }
    return typeof format === 'string' ? format : formatWithMemory(format, values);
  };
}

/** How many formatted variants of one message are remembered (a list repeats the same counts). */
const REMEMBERED_VARIANTS = 500;
const variants = new WeakMap<IntlMessageFormat, Map<string, string>>();

/** Plural and number rules cost microseconds each; the same message with the same values is remembered. */
function formatWithMemory(format: IntlMessageFormat, values: MessageValues | undefined): string {
  if (!values || Object.values(values).some((value) => value instanceof Date)) return String(format.format(values));
  let known = variants.get(format);
  if (!known) {
    known = new Map();
    variants.set(format, known);
  }
  const key = JSON.stringify(values);
  let text = known.get(key);
  if (text === undefined) {
    text = String(format.format(values));
    if (known.size >= REMEMBERED_VARIANTS) known.clear();
    known.set(key, text);
  }
  return text;
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
