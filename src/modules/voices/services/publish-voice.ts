// A moderator makes a voice public after checking it.
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, ok } from '../../../core/result.ts';
import type { City } from '../permissions.ts';
import { moderateVoice } from './moderate-voice.ts';

export function publishVoice(db: Db, input: { reference: string }, actor: Actor | null, city: City) {
  return moderateVoice(db, 'voice.publish', input.reference, actor, city, async (_tx, voice) => {
    if (voice.visibility === 'published') return err('already-published');
    if (voice.mergedIntoId) return err('merged');
    return ok({ change: { visibility: 'published' as const, hiddenReason: null }, update: { kind: 'published' as const } });
  });
}
