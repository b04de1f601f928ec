// Sends one queued text (a job of the `voices-texts` queue) and writes the outcome to the
// delivery log. A text no longer queued (sent already, or dropped after STOP) is left alone. On
// the last failed try the text is marked failed; either way the number is wiped.
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Db, type RunningJob } from '../../../core/db/index.ts';
import type { TextsConfig } from '../../../core/config.ts';
import { unseal } from '../../../core/crypto.ts';
import { GATEWAYS, sendToLog } from '../texts/gateways/index.ts';
import type { TextJob } from '../texts/outbox.ts';

export interface DeliveryContext {
  secret: string;
  config: TextsConfig;
  logger: Logger;
}

export async function deliverText(db: Db, job: RunningJob<TextJob>, context: DeliveryContext): Promise<void> {
  const { tenantId, deliveryId } = job.data;
  const [text] = await queryRows<{ gateway: string; phone_sealed: string; body: string }>(db, sql`
    select gateway, phone_sealed, body from voices_text_delivery where tenant_id = ${tenantId} and id = ${deliveryId} and status = 'queued'`);
  if (!text) return;
  const phone = unseal(context.secret, text.phone_sealed);
  if (phone === null) {
    // Sealed under another secret: it cannot be sent, now or later.
    await finish(db, job.data, sql`status = 'failed', last_error = 'the number cannot be unsealed with this BARAZA_SECRET'`);
    return;
  }
  try {
    const sendContext = { config: context.config, logger: context.logger };
    const gateway = GATEWAYS.get(text.gateway);
    const gatewayMessageId = context.config.outbound === 'log' || !gateway
      ? await sendToLog({ to: phone, text: text.body, gateway: text.gateway }, sendContext)
      : await gateway.send({ to: phone, text: text.body }, sendContext);
    await finish(db, job.data, sql`status = 'sent', gateway_message_id = ${gatewayMessageId}, last_error = null`);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (job.lastTry) await finish(db, job.data, sql`status = 'failed', last_error = ${reason}`);
    else await db.execute(sql`update voices_text_delivery set attempts = attempts + 1, last_error = ${reason}, updated_at = now()
      where tenant_id = ${tenantId} and id = ${deliveryId} and status = 'queued'`);
    throw error;
  }
}

/** The last word on a text: its number goes with it. */
async function finish(db: Db, { tenantId, deliveryId }: TextJob, change: ReturnType<typeof sql>): Promise<void> {
  await db.execute(sql`update voices_text_delivery set ${change}, attempts = attempts + 1, phone_sealed = null, updated_at = now()
    where tenant_id = ${tenantId} and id = ${deliveryId} and status = 'queued'`);
}
