// Every outbound text is written to the delivery log and handed to the `voices-texts` queue in
// the same transaction as the change that called for it, so a reply exists exactly when what it
// answers was stored. The number travels sealed and is wiped once the text is sent or given up.
import { sql } from 'drizzle-orm';
import type { Db, JobQueue, QueueSpec } from '../../../core/db/index.ts';
import { seal, timeOrderedUuid } from '../../../core/crypto.ts';

export type TextPurpose = 'receipt' | 'status' | 'follow' | 'notice' | 'stop' | 'start' | 'help';

export interface OutboundText {
  tenantId: string;
  voiceId?: string | null;
  gateway: string;
  phone: string;
  phoneHash: string;
  purpose: TextPurpose;
  body: string;
}

/** What a service needs to queue texts. */
export interface TextOutbox {
  jobs: JobQueue;
  secret: string;
  retryDelaySeconds: number;
}

export const textOutbox = (services: { jobs: JobQueue; config: { secret: string; texts: { retryDelaySeconds: number } } }): TextOutbox =>
  ({ jobs: services.jobs, secret: services.config.secret, retryDelaySeconds: services.config.texts.retryDelaySeconds });

export interface TextJob {
  tenantId: string;
  deliveryId: string;
}

/** Five tries after the first, spread over about half an hour with the default delay. */
export const textsQueue = (retryDelaySeconds: number): QueueSpec => ({ name: 'voices-texts', retryLimit: 5, retryDelaySeconds });

/** Texts of any cities, in one statement for the log and one for the queue. */
export async function queueTexts(tx: Db, outbox: TextOutbox, texts: readonly OutboundText[]): Promise<void> {
  if (texts.length === 0) return;
  const rows = texts.map((t) => ({ ...t, id: timeOrderedUuid() }));
  await tx.execute(sql`
    insert into voices_text_delivery (tenant_id, id, voice_id, gateway, phone_hash, phone_sealed, purpose, body)
    values ${sql.join(rows.map((r) => sql`(${r.tenantId}, ${r.id}, ${r.voiceId ?? null}, ${r.gateway}, ${r.phoneHash}, ${seal(outbox.secret, r.phone)}, ${r.purpose}, ${r.body})`), sql`, `)}`);
  await outbox.jobs.enqueue<TextJob>(tx, textsQueue(outbox.retryDelaySeconds), rows.map((r) => ({ tenantId: r.tenantId, deliveryId: r.id })));
}
