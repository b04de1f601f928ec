// Until a moderator publishes it, a voice's words are shown only to the person who raised it and
// to the city's moderators: references are sequential, and unchecked text may hold abuse or
// personal data. An anonymous resident's browser remembers the references it submitted in a
// signed cookie, so they can still read their own voice.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../core/http/index.ts';
import { cookieOptions } from '../../../core/http/index.ts';
import { keyedHash } from '../../../core/crypto.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { canModerate, type City } from '../permissions.ts';
import { REFERENCE_PATTERN } from '../reference.ts';
import type { Visibility } from '../schema.ts';

const COOKIE = 'baraza_mine';
const REMEMBERED = 20;

function readOwn(c: Context<AppEnv>): string[] {
  const value = getCookie(c, COOKIE);
  if (!value) return [];
  const dot = value.lastIndexOf('.');
  const list = value.slice(0, dot);
  if (dot < 1 || keyedHash(c.get('services').config.secret, list) !== value.slice(dot + 1)) return [];
  return list.split('~').filter((r) => REFERENCE_PATTERN.test(r));
}

export function rememberSubmission(c: Context<AppEnv>, reference: string): void {
  const list = [reference, ...readOwn(c).filter((r) => r !== reference)].slice(0, REMEMBERED).join('~');
  const signature = keyedHash(c.get('services').config.secret, list);
  setCookie(c, COOKIE, `${list}.${signature}`, cookieOptions(c, { maxAge: 60 * 60 * 24 * 365 }));
}

/**
 * Whether this request may read a voice's words: everyone once it is published, its author and
 * the moderators while it awaits moderation, nobody once it is hidden (only the reason shows).
 */
export function mayReadWords(
  c: Context<AppEnv>,
  voice: { reference: string; authorId: string | null; visibility: Visibility },
  actor: Actor | null,
  city: City,
): boolean {
  if (voice.visibility !== 'pending') return voice.visibility === 'published';
  return canModerate(actor, city) || (!!actor && actor.userId === voice.authorId) || readOwn(c).includes(voice.reference);
}
