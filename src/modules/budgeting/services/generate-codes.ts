// A city admin generates one-time voting codes for people without an account: printed on
// sheets to hand out, or sent by SMS. Only keyed hashes are kept, so the sheet shown now is
// the only copy; a lost sheet is replaced by a new batch, never reprinted.
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { err, forbidden, notFound, ok, type Result } from '../../../core/result.ts';
import { canRunProcess } from '../permissions.ts';
import { codeHash } from './cast-ballot.ts';

export const MAX_CODES_PER_BATCH = 2000;
// No 0/O, 1/I/L: codes are read off paper and typed on phones. 31^10 ≈ 8·10^14 codes, so
// guessing one, at the rate the vote page allows, would take longer than any vote lasts.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 10;

export async function generateCodes(
  db: Db, input: { process: string; count: number; secret: string }, actor: Actor | null, city: TenantScope,
): Promise<Result<{ batch: number; codes: string[] }, 'closed'>> {
  if (!canRunProcess(actor, city)) throw forbidden();
  return db.transaction(async (tx) => {
    const [process] = await queryRows<{ id: string; phase: string }>(tx, sql`
      select id, phase from budgeting_process where tenant_id = ${city.id} and slug = ${input.process} for update`);
    if (!process) throw notFound();
    if (process.phase === 'results' || process.phase === 'implementation') return err('closed');
    const [last] = await queryRows<{ batch: number }>(tx, sql`
      select coalesce(max(batch), 0)::int as batch from budgeting_code where tenant_id = ${city.id} and process_id = ${process.id}`);
    const batch = (last?.batch ?? 0) + 1;
    const codes = new Set<string>();
    while (codes.size < input.count) codes.add(Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const hashes = [...codes].map((code) => codeHash(input.secret, process.id, code));
    await tx.execute(sql`
      insert into budgeting_code (tenant_id, process_id, code_hash, batch)
      select ${city.id}, ${process.id}, h, ${batch} from jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb) as h
      on conflict do nothing`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'budgeting.codes.generate', objectType: 'budgeting-process', objectId: process.id,
      after: { batch, count: codes.size },
    });
    return ok({ batch, codes: [...codes].map(printed) });
  });
}

/** Two groups of five, easier to read aloud and to type. */
const printed = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
