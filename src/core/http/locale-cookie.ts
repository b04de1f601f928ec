export const LOCALE_COOKIE = 'baraza_lang';
