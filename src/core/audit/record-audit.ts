// Every state change appends one entry to its tenant's chain in the same transaction, or the
// same statement, as the change itself, so a change without its entry (or the reverse) can
// never be committed.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { GENESIS_HASH, fieldsHash, hashObject } from './hash.ts';

export interface AuditInput {
  tenantId: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
}

/** The chain rule this code writes; verifyAudit knows every rule ever written. */
export const CHAIN_VERSION = 2;

/**
 * The append as two common table expressions, `audit_head` and `audit_entry`, for the WITH
 * clause of the statement that makes the change. `onlyIf` (SQL over that statement's other
 * expressions) skips the entry when the change did not happen.
 *
 * Upserting the head row locks it until commit, which serialises appends to one chain while
 * other tenants' chains proceed in parallel; the head keeps the hash it replaced, which
 * becomes the entry's previous hash.
 */
export function appendAudit(input: AuditInput, onlyIf: SQL = sql`true`): SQL {
  const at = new Date();
  const beforeHash = hashObject(input.before);
  const afterHash = hashObject(input.after);
  const fields = fieldsHash({ tenantId: input.tenantId, at, actorId: input.actorId, action: input.action, objectType: input.objectType, objectId: input.objectId, beforeHash, afterHash });
  // linkHash, in SQL: the previous hash is known only here, once the head row is locked.
  const link = (prev: SQL, seq: SQL) => sql`encode(sha256(convert_to(${prev} || ':' || (${seq})::text || ':' || ${fields}, 'UTF8')), 'hex')`;
  return sql`audit_head as (
      insert into core_audit_head as head (tenant_id, seq, prev_hash, hash)
      select ${input.tenantId}, 1, ${GENESIS_HASH}, ${link(sql`${GENESIS_HASH}::text`, sql`1`)} where ${onlyIf}
      on conflict (tenant_id) do update set seq = head.seq + 1, prev_hash = head.hash, hash = ${link(sql`head.hash`, sql`head.seq + 1`)}
      returning seq, prev_hash, hash
    ), audit_entry as (
      insert into core_audit (tenant_id, seq, at, actor_id, action, object_type, object_id, before_hash, after_hash, prev_hash, hash, chain_version)
      select ${input.tenantId}, seq, ${at.toISOString()}, ${input.actorId}, ${input.action}, ${input.objectType}, ${input.objectId},
        ${beforeHash}, ${afterHash}, prev_hash, hash, ${CHAIN_VERSION}
      from audit_head
    )`;
}

export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.execute(sql`with ${appendAudit(input)} select 1`);
}
