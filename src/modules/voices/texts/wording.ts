// The words of the text channel, from the catalogues: each language's keywords (so "STATUT 12"
// works as well as "STATUS 12") and the keyword a reply in that language tells people to send.
import { LOCALES, loadCatalog, type Locale } from '../../../core/i18n/index.ts';
import { COMMANDS, keywordTable, type CommandKind, type Keywords } from './commands.ts';

let table: Keywords | undefined;

export function textKeywords(): Keywords {
  table ??= keywordTable(LOCALES.flatMap((lang) => COMMANDS.map((kind) => ({ lang, kind, words: loadCatalog(lang)[`text.keyword.${kind}`] ?? '' }))));
  return table;
}

/** The keyword a reply in this language names: the first of its list. */
export function keywordIn(lang: Locale, kind: CommandKind): string {
  return (loadCatalog(lang)[`text.keyword.${kind}`] ?? loadCatalog('en')[`text.keyword.${kind}`] ?? kind).split('|')[0]!;
}

/** The usual keywords as message values: {status}, {follow}, {stop}, {start}, {help}. */
export const keywordValues = (lang: Locale) => Object.fromEntries(COMMANDS.map((kind) => [kind, keywordIn(lang, kind)])) as Record<CommandKind, string>;
