// When a voice changes status, everyone who texted FOLLOW for it gets a text in their language.
// Once the voice is closed nothing more is owed to them, so their sealed numbers go.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { isLocale, translator } from '../../../core/i18n/index.ts';
import { FINAL, type VoiceStatus } from '../status.ts';
import { queueTexts, type TextOutbox } from '../texts/outbox.ts';
import { unseal } from '../../../core/crypto.ts';
import { shorten } from '../../../core/ussd/screens.ts';

/** A note longer than this is cut: the text is news, the page has the rest. */
const NOTE_CHARACTERS = 120;

export async function notifyFollowers(
  tx: Db, outbox: TextOutbox, tenantId: string, voice: { id: string; reference: string }, status: VoiceStatus, note: string | null,
): Promise<void> {
  const followers = await queryRows<{ phone_hash: string; phone_sealed: string; gateway: string; lang: string }>(tx, sql`
    select phone_hash, phone_sealed, gateway, lang from voices_text_follower where tenant_id = ${tenantId} and voice_id = ${voice.id}`);
  const shortNote = note?.trim() ? shorten(note, NOTE_CHARACTERS) : null;
  const texts = followers.flatMap((f) => {
    const phone = unseal(outbox.secret, f.phone_sealed);
    if (phone === null) return [];
    const t = translator(isLocale(f.lang) ? f.lang : 'en');
    const values = { reference: voice.reference, status: t(`status.${status}`) };
    const body = shortNote ? t('text.noticeWithNote', { ...values, note: shortNote }) : t('text.notice', values);
    return [{ tenantId, voiceId: voice.id, gateway: f.gateway, phone, phoneHash: f.phone_hash, purpose: 'notice' as const, body }];
  });
  await queueTexts(tx, outbox, texts);
  if (FINAL.has(status)) await tx.execute(sql`delete from voices_text_follower where tenant_id = ${tenantId} and voice_id = ${voice.id}`);
}
