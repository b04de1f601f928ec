// A moderator moves a voice along its life (under review, planned, in progress, resolved or
// declined), optionally with a note the resident reads beside the new status. Whoever texted
// FOLLOW for the voice is told, when an outbox is given (the demo's seeding gives none).
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, ok } from '../../../core/result.ts';
import type { City } from '../permissions.ts';
import { canMoveStatus, type VoiceStatus } from '../status.ts';
import { moderateVoice } from './moderate-voice.ts';
import { notifyFollowers } from './notify-followers.ts';
import type { TextOutbox } from '../texts/outbox.ts';

export function changeVoiceStatus(
  db: Db,
  input: { reference: string; status: VoiceStatus; note?: string | undefined },
  actor: Actor | null,
  city: City,
  outbox: TextOutbox | null,
) {
  return moderateVoice(db, 'voice.status', input.reference, actor, city, async (tx, voice) => {
    if (!canMoveStatus(voice.status, input.status)) return err('invalid-transition');
    if (outbox) await notifyFollowers(tx, outbox, city.id, voice, input.status, input.note ?? null);
    return ok({ change: { status: input.status }, update: { kind: 'status' as const, status: input.status, body: input.note ?? null } });
  });
}
