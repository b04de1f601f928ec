// A person backs one of the city's priorities (from a basic phone's USSD menu). Each supporter
// counts once, however often they choose it, even at the same instant.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { appendAudit } from '../../../core/audit/index.ts';
import { err, ok, type Result } from '../../../core/result.ts';
import type { City } from '../permissions.ts';

export async function supportPriority(
  db: Db,
  input: { priorityId: string; supporter: string },
  city: City,
): Promise<Result<{ added: boolean }, 'not-found'>> {
  const audit = appendAudit(
    { tenantId: city.id, actorId: null, action: 'priority.support', objectType: 'priority', objectId: input.priorityId, after: { supporter: input.supporter } },
    sql`exists (select from added)`,
  );
  // One statement: the primary key makes a repeated choice count once, and the audit entry is
  // written only when a support was added.
  const [row] = await queryRows<{ found: boolean; added: boolean }>(
    db,
    sql`with priority as (
          select id from voices_priority where tenant_id = ${city.id} and id = ${input.priorityId}
        ), added as (
          insert into voices_priority_support (tenant_id, priority_id, supporter)
          select ${city.id}, id, ${input.supporter} from priority
          on conflict do nothing
          returning priority_id
        ), ${audit}
        select exists (select from priority) as found, exists (select from added) as added`,
  );
  if (!row?.found) return err('not-found');
  return ok({ added: row.added });
}
