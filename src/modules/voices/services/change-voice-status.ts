// A moderator moves a voice along its life (under review, planned, in progress, resolved or
// declined), optionally with a note the resident reads beside the new status.
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, ok } from '../../../core/result.ts';
import type { City } from '../permissions.ts';
import { canMoveStatus, type VoiceStatus } from '../status.ts';
import { moderateVoice } from './moderate-voice.ts';

export function changeVoiceStatus(
  db: Db,
  input: { reference: string; status: VoiceStatus; note?: string | undefined },
  actor: Actor | null,
  city: City,
) {
  return moderateVoice(db, 'voice.status', input.reference, actor, city, async (_tx, voice) => {
    if (!canMoveStatus(voice.status, input.status)) return err('invalid-transition');
    return ok({ change: { status: input.status }, update: { kind: 'status' as const, status: input.status, body: input.note ?? null } });
  });
}
