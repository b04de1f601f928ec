// Every state change appends one entry to its tenant's chain, inside the same transaction as
// the change itself, so a change without its entry (or the reverse) can never be committed.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/index.ts';
import { GENESIS_HASH, entryHash, hashObject } from './hash.ts';

export interface AuditInput {
  tenantId: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  // The no-op update locks this tenant's head row until commit, which serialises appends to
  // one chain while other tenants' chains proceed in parallel.
  const [head] = await queryRows<{ seq: number; hash: string }>(
    db,
    sql`insert into core_audit_head (tenant_id, seq, hash) values (${input.tenantId}, 0, ${GENESIS_HASH})
        on conflict (tenant_id) do update set seq = core_audit_head.seq
        returning seq::int as seq, hash`,
  );
  if (!head) throw new Error('audit head missing');
  const fields = {
    tenantId: input.tenantId,
    seq: head.seq + 1,
    at: new Date(),
    actorId: input.actorId,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    beforeHash: hashObject(input.before),
    afterHash: hashObject(input.after),
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  await db.execute(sql`
    with entry as (
      insert into core_audit (tenant_id, seq, at, actor_id, action, object_type, object_id, before_hash, after_hash, prev_hash, hash)
      values (${fields.tenantId}, ${fields.seq}, ${fields.at.toISOString()}, ${fields.actorId}, ${fields.action},
              ${fields.objectType}, ${fields.objectId}, ${fields.beforeHash}, ${fields.afterHash}, ${fields.prevHash}, ${hash})
    )
    update core_audit_head set seq = ${fields.seq}, hash = ${hash} where tenant_id = ${fields.tenantId}`);
}
