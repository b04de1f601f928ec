// Every state change appends one entry to its tenant's chain in the same transaction, or the
// same statement, as the change itself, so a change without its entry (or the reverse) can
// never be committed.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { GENESIS_HASH, fieldsHash, hashObject, type EntryFields } from './hash.ts';

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

/** An entry as far as it is known before the statement runs: all but its place in the chain. */
export type PreparedAuditEntry = Omit<EntryFields, 'at'> & {
  /** ISO 8601, as the statement sends it. */
  at: string;
  /** The hash of the fields above, which the chain links (see hash.ts). */
  fields: string;
};

export function prepareAuditEntry(input: AuditInput): PreparedAuditEntry {
  const at = new Date();
  const beforeHash = hashObject(input.before);
  const afterHash = hashObject(input.after);
  const { tenantId, actorId, action, objectType, objectId } = input;
  const fields = fieldsHash({ tenantId, at, actorId, action, objectType, objectId, beforeHash, afterHash });
  return { tenantId, at: at.toISOString(), actorId, action, objectType, objectId, beforeHash, afterHash, fields };
}

/**
 * The append as common table expressions ending in `audit_head` and `audit_entry`, for the WITH
 * clause of the statement that makes the change. `entries` is a query over that statement's
 * other expressions giving one row per entry, with the columns of PreparedAuditEntry in
 * snake_case (tenant_id uuid, at timestamptz, actor_id uuid, before_hash, after_hash, fields …)
 * plus `ord`, their order within a chain. Entries of several chains may be appended at once.
 *
 * Upserting a head row locks it until commit, which serialises appends to one chain while
 * other tenants' chains proceed in parallel; heads are locked in tenant order, so two
 * statements never wait for each other's. The head keeps the hash it replaced, from which
 * `core_audit_chain` (migration core/0003) links the new entries, the first after it.
 */
export function appendAuditEntries(entries: SQL): SQL {
  const genesis = sql`${GENESIS_HASH}::text`;
  return sql`audit_new as (
      select e.*, row_number() over (partition by e.tenant_id order by e.ord) as k from (${entries}) e
    ), audit_batch as (
      select tenant_id, array_agg(fields order by k) as fields from audit_new group by tenant_id
    ), audit_head as (
      insert into core_audit_head as head (tenant_id, seq, prev_hash, hash)
      select tenant_id, cardinality(fields), ${genesis}, (core_audit_chain(${genesis}, 0, fields))[cardinality(fields)]
      from audit_batch order by tenant_id
      on conflict (tenant_id) do update set seq = head.seq + excluded.seq, prev_hash = head.hash,
        hash = (select (core_audit_chain(head.hash, head.seq, b.fields))[cardinality(b.fields)] from audit_batch b where b.tenant_id = head.tenant_id)
      returning tenant_id, seq, prev_hash
    ), audit_link as (
      select h.tenant_id, h.seq - cardinality(b.fields) as last_seq, h.prev_hash,
        core_audit_chain(h.prev_hash, h.seq - cardinality(b.fields), b.fields) as hashes
      from audit_head h join audit_batch b on b.tenant_id = h.tenant_id
    ), audit_entry as (
      insert into core_audit (tenant_id, seq, at, actor_id, action, object_type, object_id, before_hash, after_hash, prev_hash, hash, chain_version)
      select e.tenant_id, l.last_seq + e.k, e.at, e.actor_id, e.action, e.object_type, e.object_id, e.before_hash, e.after_hash,
        coalesce(l.hashes[e.k - 1], l.prev_hash), l.hashes[e.k], ${CHAIN_VERSION}
      from audit_new e join audit_link l on l.tenant_id = e.tenant_id
    )`;
}

/** One entry, appended by the statement's WITH clause; `onlyIf` (SQL over the statement's other expressions) skips it when the change did not happen. */
export function appendAudit(input: AuditInput, onlyIf: SQL = sql`true`): SQL {
  const e = prepareAuditEntry(input);
  return appendAuditEntries(sql`select ${e.tenantId}::uuid as tenant_id, 1 as ord, ${e.at}::timestamptz as at, ${e.actorId}::uuid as actor_id,
    ${e.action}::text as action, ${e.objectType}::text as object_type, ${e.objectId}::text as object_id,
    ${e.beforeHash}::text as before_hash, ${e.afterHash}::text as after_hash, ${e.fields}::text as fields where ${onlyIf}`);
}

export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.execute(sql`with ${appendAudit(input)} select 1`);
}
