// A phone follows a voice, or stops or starts all texts from the city: what the city keeps about
// the phone changes, with the message recorded and the answer queued, in one transaction.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import { seal } from '../../../core/crypto.ts';
import type { Locale } from '../../../core/i18n/index.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { rememberCallerLanguage } from '../queries/caller-language.ts';
import { voiceByTypedReference } from '../queries/voice-by-typed-reference.ts';
import { queueTexts, type OutboundText, type TextOutbox } from '../texts/outbox.ts';
import type { Replying, TextArrival, TextOutcome } from './receive-text.ts';

export async function changeSubscription(
  db: Db, outbox: TextOutbox,
  input: {
    arrival: TextArrival; city: Tenant; caller: string; lang: Locale; remembered: Locale | null; reply: Replying;
    kind: 'follow' | 'stop' | 'start'; reference: string | null;
  },
): Promise<TextOutcome> {
  const { arrival: { gateway, message }, city, caller, lang, kind, reply: { t, words, answer } } = input;
  return db.transaction(async (tx) => {
    const [fresh] = await queryRows<{ ok: number }>(tx, sql`
      insert into voices_text_inbound (gateway, message_id, tenant_id) values (${gateway}, ${message.messageId}, ${city.id})
      on conflict do nothing returning 1 as ok`);
    if (!fresh) return 'duplicate';
    const [contact] = await queryRows<{ opted_out: boolean }>(tx, sql`
      select opted_out_at is not null as opted_out from voices_text_contact where tenant_id = ${city.id} and phone_hash = ${caller}`);
    const optedOut = contact?.opted_out ?? false;
    if (lang !== input.remembered) await rememberCallerLanguage(tx, city.id, caller, lang);

    const replies: OutboundText[] = [];
    switch (kind) {
      case 'follow': {
        const voice = await voiceByTypedReference(tx, city, input.reference ?? '', lang);
        if (!voice) {
          replies.push(answer('help', t('text.notFound', { ...words, reference: input.reference ?? '' })));
          break;
        }
        if (optedOut) break;
        await tx.execute(sql`
          insert into voices_text_follower (tenant_id, voice_id, phone_hash, phone_sealed, gateway, lang)
          values (${city.id}, ${voice.id}, ${caller}, ${seal(outbox.secret, message.from)}, ${gateway}, ${lang})
          on conflict (tenant_id, voice_id, phone_hash) do update set phone_sealed = excluded.phone_sealed, gateway = excluded.gateway, lang = excluded.lang`);
        await recordAudit(tx, { tenantId: city.id, actorId: null, action: 'voice.follow-by-text', objectType: 'voice', objectId: voice.id, after: { gateway } });
        replies.push(answer('follow', t('text.following', { ...words, reference: voice.reference }), voice.id));
        break;
      }
      case 'stop':
        await tx.execute(sql`
          insert into voices_text_contact (tenant_id, phone_hash, opted_out_at) values (${city.id}, ${caller}, now())
          on conflict (tenant_id, phone_hash) do update set opted_out_at = coalesce(voices_text_contact.opted_out_at, now()), updated_at = now()`);
        // Nothing more is owed to this number: news it followed and texts not yet sent go.
        await tx.execute(sql`delete from voices_text_follower where tenant_id = ${city.id} and phone_hash = ${caller}`);
        await tx.execute(sql`update voices_text_delivery set status = 'dropped', phone_sealed = null, last_error = 'opted out', updated_at = now()
          where tenant_id = ${city.id} and phone_hash = ${caller} and status = 'queued' and purpose <> 'stop'`);
        await recordAudit(tx, { tenantId: city.id, actorId: null, action: 'text.opt-out', objectType: 'phone', objectId: caller, after: { gateway } });
        // The one text an opted-out number still gets: the confirmation, unless it had already stopped.
        if (!optedOut) replies.push(answer('stop', t('text.stopped', words)));
        break;
      case 'start':
        await tx.execute(sql`
          insert into voices_text_contact (tenant_id, phone_hash, opted_out_at) values (${city.id}, ${caller}, null)
          on conflict (tenant_id, phone_hash) do update set opted_out_at = null, updated_at = now()`);
        if (optedOut) await recordAudit(tx, { tenantId: city.id, actorId: null, action: 'text.opt-in', objectType: 'phone', objectId: caller, after: { gateway } });
        replies.push(answer('start', t('text.started', words)));
        break;
    }
    await queueTexts(tx, outbox, optedOut && kind !== 'start' ? replies.filter((r) => r.purpose === 'stop') : replies);
    return 'answered';
  });
}
