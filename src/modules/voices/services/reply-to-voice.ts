// A moderator answers a voice publicly; the answer appears on the voice's page.
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { ok } from '../../../core/result.ts';
import type { City } from '../permissions.ts';
import { moderateVoice } from './moderate-voice.ts';

export function replyToVoice(db: Db, input: { reference: string; body: string }, actor: Actor | null, city: City) {
  return moderateVoice<never>(db, 'voice.reply', input.reference, actor, city, async () =>
    ok({ change: {}, update: { kind: 'reply' as const, body: input.body } }),
  );
}
