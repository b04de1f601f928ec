// Sorting a text into the city's taxonomy without a form: a first word that names a category
// (its code or its name's first word, in any language) chooses the category; an area named
// anywhere in the text, and only one, chooses the area. What is missing comes from the city's
// defaults for texts, when it set them.
import { fold } from './commands.ts';

export interface Classified {
  category: string | null;
  area: string | null;
  /** The text without the category word. */
  description: string;
}

interface Category { slug: string; names: Record<string, string> }
interface Area { slug: string; name: string }

const words = (text: string) => text.split(/[\s,.;:!?()«»"“”]+/u).map(fold).filter((w) => w !== '');

export function classifyText(
  text: string,
  taxonomy: { categories: readonly Category[]; areas: readonly Area[] },
  defaults: { category?: string | undefined; area?: string | undefined },
): Classified {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/u);
  const firstWord = fold(first);
  const named = firstWord === '' ? undefined : taxonomy.categories.find((c) =>
    fold(c.slug) === firstWord || Object.values(c.names).some((name) => words(name)[0] === firstWord));
  const description = named && rest.length > 0 ? rest.join(' ') : trimmed;

  const textWords = words(trimmed);
  const mentioned = taxonomy.areas.filter((a) => containsPhrase(textWords, words(a.name)) || textWords.includes(fold(a.slug)));
  const area = mentioned.length === 1 ? mentioned[0]!.slug : null;
  return {
    category: named?.slug ?? defaults.category ?? null,
    area: area ?? defaults.area ?? null,
    description,
  };
}

function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= haystack.length; i++) {
    if (phrase.every((w, k) => haystack[i + k] === w)) return true;
  }
  return false;
}
