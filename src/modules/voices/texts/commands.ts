// What an inbound text asks for. A few keywords, in any of the app's languages, work alone or
// with a reference; anything else is a voice. Keywords are matched on the whole message (STOP,
// START, HELP) or on a keyword and one reference (STATUS 123, FOLLOW 123), so a voice that
// happens to begin with "Stop …" is never taken for an opt-out.
import type { Locale } from '../../../core/i18n/index.ts';

export const COMMANDS = ['status', 'follow', 'stop', 'start', 'help'] as const;
export type CommandKind = (typeof COMMANDS)[number];

export type TextCommand =
  | { kind: 'status' | 'follow'; reference: string | null; langs: readonly Locale[] }
  | { kind: 'stop' | 'start' | 'help'; langs: readonly Locale[] }
  | { kind: 'voice'; text: string };

/** Folded keyword → what it asks, and the languages that use it (STOP is French too). */
export type Keywords = ReadonlyMap<string, { kind: CommandKind; langs: readonly Locale[] }>;

/** Case, accents and surrounding punctuation do not matter: "statut", "Statut!" and "STATUT" are one keyword. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
}

/** A reference as people text it: a number, or CITY-YEAR-NUMBER with dashes or spaces. */
const REFERENCE_LIKE = /^(?:\d{1,12}|[A-Za-z]{2,5}[-\s]?\d{4}[-\s]?\d{1,12})$/;

export function parseText(text: string, keywords: Keywords): TextCommand {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/u);
  const keyword = keywords.get(fold(first));
  if (keyword) {
    const argument = rest.join(' ').trim().replace(/[.!?]+$/u, '');
    if (keyword.kind === 'status' || keyword.kind === 'follow') {
      if (argument === '') return { kind: keyword.kind, reference: null, langs: keyword.langs };
      if (REFERENCE_LIKE.test(argument)) return { kind: keyword.kind, reference: argument, langs: keyword.langs };
    } else if (argument === '') {
      return { kind: keyword.kind, langs: keyword.langs };
    }
  }
  return { kind: 'voice', text: trimmed };
}

/** The keyword table from each language's list ("STATUS|CHECK"); a word two commands claim keeps the first. */
export function keywordTable(lists: readonly { lang: Locale; kind: CommandKind; words: string }[]): Keywords {
  const table = new Map<string, { kind: CommandKind; langs: Locale[] }>();
  for (const { lang, kind, words } of lists) {
    for (const word of words.split('|')) {
      const folded = fold(word);
      if (!folded) continue;
      const entry = table.get(folded);
      if (!entry) table.set(folded, { kind, langs: [lang] });
      else if (entry.kind === kind && !entry.langs.includes(lang)) entry.langs.push(lang);
    }
  }
  return table;
}
