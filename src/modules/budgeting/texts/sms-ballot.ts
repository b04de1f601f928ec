// A ballot by SMS: "VOTE <voting code> [district] <project numbers>", for example
// "VOTE K7M2P-QX9RT 3 7 12". Numbers are the projects' short numbers; on a ranking, in order
// of preference; on a points ballot, "3:5" gives project 3 five points. Pure reading here; the
// vote itself is cast like any other (services/answer-sms-ballot.ts).
import { fold } from '../../voices/index.ts';

export type SmsBallot =
  | { ok: true; code: string; area: string | null; picks: { code: string; points: number | null }[] }
  | { ok: false; problem: 'no-code' | 'no-projects' | 'unreadable'; token?: string };

const CODE = /^([A-Za-z0-9]{5})[-\s]?([A-Za-z0-9]{5})(?:\s+|$)/u;

export function readSmsBallot(words: string, areas: readonly { slug: string; name: string }[]): SmsBallot {
  const text = words.trim();
  const code = CODE.exec(text);
  if (!code) return { ok: false, problem: 'no-code' };
  let area: string | null = null;
  const picks: { code: string; points: number | null }[] = [];
  for (const token of text.slice(code[0].length).split(/[\s,;]+/u).filter(Boolean)) {
    const pick = /^(\d{1,4})(?::(\d{1,4}))?$/.exec(token);
    if (pick) {
      picks.push({ code: String(Number(pick[1])), points: pick[2] === undefined ? null : Number(pick[2]) });
      continue;
    }
    const named = areas.find((a) => fold(a.slug) === fold(token) || fold(a.name) === fold(token));
    if (named && area === null) area = named.slug;
    else return { ok: false, problem: 'unreadable', token };
  }
  if (picks.length === 0) return { ok: false, problem: 'no-projects' };
  return { ok: true, code: `${code[1]}${code[2]}`.toUpperCase(), area, picks };
}
