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
