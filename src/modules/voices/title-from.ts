// Channels with no title field (a phone keypad, an Open311 request) get a title made from the
// first words of the description.
const TITLE_FROM_WORDS = 60;

export function titleFrom(description: string): string {
  const chars = [...description.replace(/\s+/g, ' ').trim()];
  if (chars.length <= TITLE_FROM_WORDS) return chars.join('');
  const cut = chars.slice(0, TITLE_FROM_WORDS).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}
