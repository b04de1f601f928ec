// A city issues an Open311 partner (an app, a civil-society tool) the key it posts requests
// with. The key is shown once; only its keyed hash is kept.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { appendAudit } from '../../../core/audit/index.ts';
import { keyedHash } from '../../../core/crypto.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { forbidden } from '../../../core/result.ts';
import { canConfigureCity, type City } from '../permissions.ts';

export const partnerKeyHash = (secret: string, key: string) => keyedHash(secret, `open311-key\0${key}`);

/** `actor` null is the operator at the command line, who may act for any city. */
export async function issuePartnerKey(db: Db, input: { name: string }, actor: Actor | null, city: City, secret: string): Promise<{ id: string; key: string }> {
  if (actor && !canConfigureCity(actor, city)) throw forbidden();
  const key = randomBytes(24).toString('base64url');
  const id = crypto.randomUUID();
  const audit = appendAudit({ tenantId: city.id, actorId: actor?.userId ?? null, action: 'partner-key.issue', objectType: 'partner-key', objectId: id, after: { name: input.name } });
  await queryRows(db, sql`with issued as (
      insert into voices_partner_key (tenant_id, id, name, key_hash) values (${city.id}, ${id}, ${input.name}, ${partnerKeyHash(secret, key)})
    ), ${audit} select 1`);
  return { id, key };
}

/** The partner a key belongs to in this city, unless it is unknown or revoked. */
export async function findPartner(db: Db, tenantId: string, key: string, secret: string): Promise<{ id: string; name: string } | null> {
  const [row] = await queryRows<{ id: string; name: string }>(db,
    sql`select id, name from voices_partner_key where tenant_id = ${tenantId} and key_hash = ${partnerKeyHash(secret, key)} and revoked_at is null`);
  return row ?? null;
}

export interface PartnerKeySummary { id: string; name: string; createdAt: Date; revokedAt: Date | null }

export async function listPartnerKeys(db: Db, tenantId: string): Promise<PartnerKeySummary[]> {
  return queryRows<PartnerKeySummary>(db,
    sql`select id, name, created_at as "createdAt", revoked_at as "revokedAt" from voices_partner_key where tenant_id = ${tenantId} order by created_at`);
}

/** Stops a key from working; its row stays, so the audit log keeps pointing at something. */
export async function revokePartnerKey(db: Db, input: { id: string }, actor: Actor | null, city: City): Promise<boolean> {
  if (actor && !canConfigureCity(actor, city)) throw forbidden();
  const audit = appendAudit({ tenantId: city.id, actorId: actor?.userId ?? null, action: 'partner-key.revoke', objectType: 'partner-key', objectId: input.id }, sql`exists (select from revoked)`);
  const [row] = await queryRows<{ revoked: boolean }>(db, sql`with revoked as (
      update voices_partner_key set revoked_at = now() where tenant_id = ${city.id} and id = ${input.id} and revoked_at is null returning id
    ), ${audit} select exists (select from revoked) as revoked`);
  return row?.revoked ?? false;
}
