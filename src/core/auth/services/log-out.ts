// A person signs out: this session ends (others on their other devices stay).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { platformTenantId } from '../../tenancy/index.ts';
import { tokenHash } from '../sessions.ts';

export async function logOut(db: Db, input: { token: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await queryRows<{ user_id: string }>(tx, sql`delete from core_session where token_hash = ${tokenHash(input.token)} returning user_id`);
    if (!ended) return;
    await recordAudit(tx, {
      tenantId: await platformTenantId(tx), actorId: ended.user_id, action: 'account.logout', objectType: 'user', objectId: ended.user_id,
    });
  });
}
