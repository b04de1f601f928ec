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

export function entryHash(e: ChainedFields): string {
  return sha256(
    canonicalJson([
      e.tenantId, e.seq, e.at.toISOString(), e.actorId, e.action, e.objectType, e.objectId,
      e.beforeHash, e.afterHash, e.prevHash,
    ]),
  );
}
