// USSD screens: what a basic phone shows between two key presses. Gateways cut a screen at 182
// characters, so every screen is laid out to fit: long titles and option names are shortened,
// and a list that does not fit is shown a page at a time, with a last option for the rest.

export const USSD_SCREEN_LIMIT = 182;
/** The number a caller presses for the next page of a long list. */
export const MORE_CHOICE = 98;
const LABEL_LIMIT = 40;
// A title, one option and the "more" line always fit together: 80 + 46 + 45 < 182.
const TITLE_LIMIT = 80;

/** Cuts text to at most `max` characters (whole code points), marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/[^\S\n]+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export const screenLength = (text: string) => [...text].length;

export interface MenuPage {
  text: string;
  /** The list indexes shown on this page, in the order of their numbers (1, 2, …). */
  shown: number[];
  /** Where the next page starts, or null on the last page. */
  next: number | null;
}

const moreLine = (more: string) => `\n${MORE_CHOICE}. ${shorten(more, LABEL_LIMIT)}`;
const optionLine = (n: number, label: string) => `\n${n}. ${shorten(label, LABEL_LIMIT)}`;
/** Room for the options of a page: what a title and the "more" line may take is set aside. */
const MORE_ROOM = screenLength(moreLine('x'.repeat(LABEL_LIMIT)));
const OPTIONS_ROOM = USSD_SCREEN_LIMIT - TITLE_LIMIT - MORE_ROOM;

/**
 * Which options a page starting at list index `start` shows. It depends on the options only,
 * never on the title or the language of "more", so the page a caller saw and the page their
 * answer is read against are always the same, notice or not.
 */
export function pageLayout(labels: readonly string[], start: number): Omit<MenuPage, 'text'> {
  // The last page needs no "more" line, so its room holds options too.
  const rest = labels.slice(start).reduce((sum, label, k) => sum + screenLength(optionLine(k + 1, label)), 0);
  const room = rest <= OPTIONS_ROOM + MORE_ROOM ? OPTIONS_ROOM + MORE_ROOM : OPTIONS_ROOM;
  const shown: number[] = [];
  let used = 0;
  for (let i = start; i < labels.length; i++) {
    const length = screenLength(optionLine(shown.length + 1, labels[i]!));
    if (shown.length > 0 && used + length > room) break;
    used += length;
    shown.push(i);
  }
  return { shown, next: start + shown.length < labels.length ? start + shown.length : null };
}

/**
 * One page of a numbered list under a title, starting at list index `start`: the options
 * pageLayout picks, numbered from 1, and `98 <more>` when some are left for the next page.
 */
export function menuPage(title: string, labels: readonly string[], start: number, more: string): MenuPage {
  const { shown, next } = pageLayout(labels, start);
  let text = shorten(title, TITLE_LIMIT);
  shown.forEach((index, n) => (text += optionLine(n + 1, labels[index]!)));
  if (next !== null) text += moreLine(more);
  return { text, shown, next };
}

/** A prompt, with an optional short notice above it (what went wrong with the last answer). */
export function promptScreen(prompt: string, notice?: string): string {
  const body = shorten(prompt, TITLE_LIMIT);
  return notice ? `${shorten(notice, USSD_SCREEN_LIMIT - screenLength(body) - 1)}\n${body}` : body;
}

/** The option number a caller pressed, or null for anything else. */
export function choiceNumber(input: string): number | null {
  const trimmed = input.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : null;
}
