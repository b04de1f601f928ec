// Answers to texts, recorded in groups: every message arriving while a group is being stored
// goes in the next one, in one transaction, so a burst costs a few round trips, not a few each.
import { sql } from 'drizzle-orm';
import { groupCommit, queryRows, type Db } from '../../../core/db/index.ts';
import { queueTexts, type OutboundText, type TextOutbox } from './outbox.ts';

/** A message answered: recorded by its id, with its replies unless the phone opted out. */
interface Answer {
  outbox: TextOutbox;
  gateway: string;
  messageId: string;
  tenantId: string;
  caller: string;
  replies: OutboundText[];
}

// One writer per database: answers to texts arriving while others are being stored go together.
const answerWriters = new WeakMap<Db, (answer: Answer) => Promise<boolean>>();
export function answerWriter(db: Db) {
  let writer = answerWriters.get(db);
  if (!writer) answerWriters.set(db, (writer = groupCommit((batch: Answer[]) => recordAnswers(db, batch))));
  return writer;
}

/**
 * Records a batch of answered messages in one transaction: their ids (a message already seen is
 * a gateway's retry and gets nothing), then the replies owed to phones that did not opt out.
 * Answers, per message, whether it was new.
 */
async function recordAnswers(db: Db, batch: Answer[]): Promise<boolean[]> {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ gateway: string; message_id: string; opted_out: boolean }>(tx, sql`
      with arrived as (
        select * from jsonb_to_recordset(${JSON.stringify(batch.map((a) => ({ gateway: a.gateway, message_id: a.messageId, tenant_id: a.tenantId, phone_hash: a.caller })))}::jsonb)
          as r (gateway text, message_id text, tenant_id uuid, phone_hash text)
      ), recorded as (
        insert into voices_text_inbound (gateway, message_id, tenant_id)
        select gateway, message_id, tenant_id from arrived
        on conflict do nothing
        returning gateway, message_id
      )
      select r.gateway, r.message_id, exists (
        select from voices_text_contact c where c.tenant_id = a.tenant_id and c.phone_hash = a.phone_hash and c.opted_out_at is not null
      ) as opted_out
      from recorded r join arrived a on a.gateway = r.gateway and a.message_id = r.message_id`);
    const keyOf = (gateway: string, messageId: string) => `${gateway}\0${messageId}`;
    const optedOut = new Map(rows.map((r) => [keyOf(r.gateway, r.message_id), r.opted_out]));
    // The same message twice in one batch: the first is the message, the second its retry.
    const claimed = new Set<string>();
    const fresh = batch.map((a) => {
      const key = keyOf(a.gateway, a.messageId);
      if (!optedOut.has(key) || claimed.has(key)) return false;
      claimed.add(key);
      return true;
    });
    const owed = batch.filter((a, i) => fresh[i] && !optedOut.get(keyOf(a.gateway, a.messageId)));
    for (const outbox of new Set(owed.map((a) => a.outbox))) {
      await queueTexts(tx, outbox, owed.filter((a) => a.outbox === outbox).flatMap((a) => a.replies));
    }
    return fresh;
  });
}
