// A moderator merges a duplicate into the voice that is kept: the duplicate's supporters and
// priorities move to the kept voice (each supporter still counts once), and the duplicate's page
// points to the kept one.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { err, ok } from '../../../core/result.ts';
import type { City } from '../permissions.ts';
import { lockVoice } from '../queries/lock-voice.ts';
import { moderateVoice } from './moderate-voice.ts';

export function mergeVoices(db: Db, input: { reference: string; into: string }, actor: Actor | null, city: City) {
  return moderateVoice(db, 'voice.merge', input.reference, actor, city, async (tx, duplicate) => {
    if (input.into === duplicate.reference) return err('same-voice');
    if (duplicate.mergedIntoId) return err('already-merged');
    const kept = await lockVoice(tx, city.id, input.into);
    if (!kept) return err('target-not-found');
    if (kept.mergedIntoId) return err('target-merged');
    const t = city.id;
    await tx.execute(sql`
      insert into voices_support (tenant_id, voice_id, supporter, at)
      select tenant_id, ${kept.id}, supporter, at from voices_support where tenant_id = ${t} and voice_id = ${duplicate.id}
      on conflict do nothing`);
    await tx.execute(sql`delete from voices_support where tenant_id = ${t} and voice_id = ${duplicate.id}`);
    await tx.execute(sql`
      insert into voices_priority_voice (tenant_id, priority_id, voice_id, added_at)
      select tenant_id, priority_id, ${kept.id}, added_at from voices_priority_voice where tenant_id = ${t} and voice_id = ${duplicate.id}
      on conflict do nothing`);
    await tx.execute(sql`delete from voices_priority_voice where tenant_id = ${t} and voice_id = ${duplicate.id}`);
    await tx.execute(sql`
      update voices_voice set support_count = (select count(*) from voices_support where tenant_id = ${t} and voice_id = ${kept.id}),
        updated_at = now()
      where tenant_id = ${t} and id = ${kept.id}`);
    return ok({
      change: { mergedIntoId: kept.id, supportCount: 0 },
      update: { kind: 'merged' as const, body: kept.reference },
    });
  });
}
