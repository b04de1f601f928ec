export {
  LOCALES, DEFAULT_LOCALE, LOCALE_NAMES, isLocale, directionOf, loadCatalog, translator, negotiateLocale,
  type Locale, type Catalog, type Translate, type MessageValues,
} from './catalog.ts';
export { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, formatRatio } from './format.ts';
