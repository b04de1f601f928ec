// Walks every tenant's chain and reports the first entry that was altered, removed or
// inserted out of order. The head row anchors the end of each chain, so removing the newest
// entries is caught too.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/index.ts';
import { GENESIS_HASH, entryHash, fieldsHash, linkHash } from './hash.ts';

export type AuditProblem = 'altered' | 'missing' | 'head-mismatch';
export type AuditVerdict =
  | { ok: true; entries: number; chains: number }
  | { ok: false; tenantId: string; seq: number; problem: AuditProblem };

interface Row {
  tenant_id: string; seq: number; at: Date | string; actor_id: string | null; action: string;
  object_type: string; object_id: string; before_hash: string | null; after_hash: string | null;
  prev_hash: string; hash: string; chain_version: number;
}

const BATCH = 2000;

export async function verifyAudit(db: Db): Promise<AuditVerdict> {
  const heads = await queryRows<{ tenant_id: string; seq: number; hash: string }>(
    db,
    sql`select tenant_id, seq::int as seq, hash from core_audit_head
        union select distinct tenant_id, -1, '' from core_audit where tenant_id not in (select tenant_id from core_audit_head)
        order by tenant_id`,
  );
  let entries = 0;
  for (const head of heads) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const rows = await queryRows<Row>(
        db,
        sql`select tenant_id, seq::int as seq, at, actor_id, action, object_type, object_id, before_hash, after_hash, prev_hash, hash, chain_version
            from core_audit where tenant_id = ${head.tenant_id} and seq >= ${expectedSeq} order by seq limit ${BATCH}`,
      );
      for (const row of rows) {
        if (row.seq !== expectedSeq) return { ok: false, tenantId: head.tenant_id, seq: expectedSeq, problem: 'missing' };
        const fields = {
          tenantId: row.tenant_id, at: new Date(row.at), actorId: row.actor_id, action: row.action,
          objectType: row.object_type, objectId: row.object_id, beforeHash: row.before_hash, afterHash: row.after_hash,
        };
        const recomputed = row.chain_version === 1
          ? entryHash({ ...fields, seq: row.seq, prevHash: row.prev_hash })
          : linkHash(row.prev_hash, row.seq, fieldsHash(fields));
        if (row.prev_hash !== prevHash || recomputed !== row.hash) {
          return { ok: false, tenantId: head.tenant_id, seq: row.seq, problem: 'altered' };
        }
        prevHash = row.hash;
        expectedSeq += 1;
        entries += 1;
      }
      if (rows.length < BATCH) break;
    }
    if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
      const problem: AuditProblem = head.seq > expectedSeq - 1 ? 'missing' : 'head-mismatch';
      return { ok: false, tenantId: head.tenant_id, seq: expectedSeq, problem };
    }
  }
  return { ok: true, entries, chains: heads.length };
}
