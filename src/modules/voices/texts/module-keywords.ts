// Keywords other modules answer on the text line (core/texts.ts): which one a text starts with,
// in which languages, and the rest of the text. Matched like voices' own keywords (case,
// accents and punctuation aside).
import { LOCALES, loadCatalog, type Locale } from '../../../core/i18n/index.ts';
import type { TextKeyword } from '../../../core/texts.ts';
import { fold } from './commands.ts';

type Table = Map<string, { keyword: TextKeyword; langs: Locale[] }>;
const tables = new WeakMap<readonly TextKeyword[], Table>();

function tableOf(keywords: readonly TextKeyword[]): Table {
  let table = tables.get(keywords);
  if (table) return table;
  table = new Map();
  for (const keyword of keywords) {
    for (const lang of LOCALES) {
      for (const word of (loadCatalog(lang)[keyword.wordsKey] ?? '').split('|')) {
        const folded = fold(word);
        if (!folded) continue;
        const entry = table.get(folded);
        if (!entry) table.set(folded, { keyword, langs: [lang] });
        else if (entry.keyword === keyword && !entry.langs.includes(lang)) entry.langs.push(lang);
      }
    }
  }
  tables.set(keywords, table);
  return table;
}

export function moduleKeyword(text: string, keywords: readonly TextKeyword[]): { keyword: TextKeyword; langs: readonly Locale[]; words: string } | null {
  if (keywords.length === 0) return null;
  const [first = '', ...rest] = text.trim().split(/\s+/u);
  const entry = tableOf(keywords).get(fold(first));
  return entry ? { keyword: entry.keyword, langs: entry.langs, words: rest.join(' ') } : null;
}
