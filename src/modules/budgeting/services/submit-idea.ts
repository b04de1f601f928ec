// A resident sends an idea for a project while the process collects ideas, perhaps grown from
// a voice they or others raised. Staff will review it and say publicly what became of it.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { voiceByTypedReference } from '../../voices/index.ts';
import { err, forbidden, notFound, ok, type Result } from '../../../core/result.ts';
import { canSubmitIdea } from '../permissions.ts';
import type { IdeaInput } from '../schemas.ts';

export async function submitIdea(
  db: Db, input: IdeaInput & { process: string; areas: readonly string[] }, actor: Actor | null, city: Tenant,
): Promise<Result<{ id: string }, 'not-collecting' | 'unknown-area' | 'unknown-voice'>> {
  if (!canSubmitIdea(actor)) throw forbidden();
  if (input.area && !input.areas.includes(input.area)) return err('unknown-area');
  // An idea grown from a voice names it by its reference (a number alone is this year's).
  const voice = input.voiceReference ? await voiceByTypedReference(db, city, input.voiceReference, 'en') : null;
  if (input.voiceReference && !voice) return err('unknown-voice');
  return db.transaction(async (tx) => {
    const [process] = await queryRows<{ id: string; phase: string }>(tx, sql`
      select id, phase from budgeting_process where tenant_id = ${city.id} and slug = ${input.process}`);
    if (!process) throw notFound();
    if (process.phase !== 'ideas') return err('not-collecting');
    const [idea] = await queryRows<{ id: string }>(tx, sql`
      insert into budgeting_idea (tenant_id, process_id, title, description, area, voice_reference, submitted_by)
      values (${city.id}, ${process.id}, ${input.title}, ${input.description}, ${input.area ?? null}, ${voice?.reference ?? null}, ${actor!.userId})
      returning id`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.idea.submit', objectType: 'budgeting-idea', objectId: idea!.id,
      after: { title: input.title, area: input.area ?? null, voiceReference: voice?.reference ?? null },
    });
    return ok({ id: idea!.id });
  });
}
