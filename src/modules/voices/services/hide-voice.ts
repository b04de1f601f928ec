// A moderator hides a voice (abuse, personal data, off-topic) and says why; the resident sees
// the reason on the voice's page.
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, ok } from '../../../core/result.ts';
import type { City } from '../permissions.ts';
import { moderateVoice } from './moderate-voice.ts';

export function hideVoice(db: Db, input: { reference: string; reason: string }, actor: Actor | null, city: City) {
  return moderateVoice(db, 'voice.hide', input.reference, actor, city, async (_tx, voice) => {
    if (voice.visibility === 'hidden') return err('already-hidden');
    return ok({
      change: { visibility: 'hidden' as const, hiddenReason: input.reason },
      update: { kind: 'hidden' as const, body: input.reason },
    });
  });
}
