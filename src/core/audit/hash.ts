// Canonical hashing for the audit chain. Keys are sorted so the same object always hashes the
// same, whichever order its fields were built in.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = normalise((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function hashObject(value: unknown): string | null {
  return value === undefined || value === null ? null : sha256(canonicalJson(value));
}

export interface ChainedFields {
  tenantId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  beforeHash: string | null;
  afterHash: string | null;
  prevHash: string;
}

/** Chain version 1: the hash of all fields, the previous entry's hash among them. */
export function entryHash(e: ChainedFields): string {
  return sha256(
    canonicalJson([
      e.tenantId, e.seq, e.at.toISOString(), e.actorId, e.action, e.objectType, e.objectId,
      e.beforeHash, e.afterHash, e.prevHash,
    ]),
  );
}

export type EntryFields = Omit<ChainedFields, 'seq' | 'prevHash'>;

/**
 * Chain version 2 hashes an entry in two parts so that PostgreSQL can chain it in the same
 * statement that appends it: the entry's own fields are hashed here, and the link
 * `sha256("<previous hash>:<seq>:<fields hash>")` is computed by the statement (see
 * appendAudit), which learns the previous hash only when it locks the chain's head.
 */
export function fieldsHash(e: EntryFields): string {
  return sha256(canonicalJson([e.tenantId, e.at.toISOString(), e.actorId, e.action, e.objectType, e.objectId, e.beforeHash, e.afterHash]));
}

export function linkHash(prevHash: string, seq: number, fields: string): string {
  return sha256(`${prevHash}:${seq}:${fields}`);
}
