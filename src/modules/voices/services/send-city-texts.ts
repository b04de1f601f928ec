// Texts a city starts rather than answers (voting codes handed out by SMS, for instance), for
// other modules to send through the city's line. Numbers that texted STOP are left out, and
// said so; the rest are queued in one transaction, through the gateway this server sends with.
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type JobQueue } from '../../../core/db/index.ts';
import type { TextsConfig } from '../../../core/config.ts';
import { phoneHash } from '../texts/phone.ts';
import { queueTexts, textOutbox } from '../texts/outbox.ts';

export interface CityTextServices { jobs: JobQueue; config: { secret: string; texts: TextsConfig } }

/** The numbers (E.164) that told this city STOP. */
export async function optedOutPhones(db: Db, services: CityTextServices, tenantId: string, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const hashes = new Map(phones.map((p) => [phoneHash(services.config.secret, p), p]));
  const rows = await queryRows<{ phone_hash: string }>(db, sql`
    select phone_hash from voices_text_contact where tenant_id = ${tenantId} and opted_out_at is not null
      and phone_hash in (select jsonb_array_elements_text(${JSON.stringify([...hashes.keys()])}::jsonb))`);
  return new Set(rows.map((r) => hashes.get(r.phone_hash)!));
}

/** Queues the texts (numbers in E.164) that are not opted out; answers how many were queued. */
export async function sendCityTexts(db: Db, services: CityTextServices, tenantId: string, texts: readonly { phone: string; body: string }[]): Promise<number> {
  const blocked = await optedOutPhones(db, services, tenantId, texts.map((t) => t.phone));
  const sendable = texts.filter((t) => !blocked.has(t.phone));
  // A city's own texts go through the SMS gateway this server has credentials for.
  const gateway = services.config.texts.twilio.accountSid && !services.config.texts.africasTalking.apiKey ? 'twilio' : 'africas-talking';
  const outbox = textOutbox(services);
  await db.transaction((tx) => queueTexts(tx, outbox, sendable.map((t) => ({
    tenantId, gateway, phone: t.phone, phoneHash: phoneHash(services.config.secret, t.phone), purpose: 'notice' as const, body: t.body,
  }))));
  return sendable.length;
}
