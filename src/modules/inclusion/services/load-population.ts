// A city admin loads the city's population from a CSV file. Every row is checked first; the new
// figures then replace the old ones in one transaction, audited with the file's hash, so the
// dashboard never mixes two files.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { RowProblem } from '../../../core/csv.ts';
import { forbidden } from '../../../core/result.ts';
import { AGE_BANDS, listAreas } from '../../voices/index.ts';
import { parsePopulationCsv } from '../import/population-csv.ts';
import { canLoadPopulation } from '../permissions.ts';

export async function loadPopulation(
  db: Db, input: { csv: string }, actor: Actor | null, city: TenantScope,
): Promise<{ ok: true; rows: number; people: number } | { ok: false; problems: RowProblem[] }> {
  if (!canLoadPopulation(actor, city)) throw forbidden();
  const areas = (await listAreas(db, city.id)).map((a) => a.slug);
  const parsed = parsePopulationCsv(input.csv, { areas, ageBands: AGE_BANDS });
  if (!parsed.ok) return parsed;
  const people = parsed.rows.reduce((sum, r) => sum + r.people, 0);
  const fileHash = createHash('sha256').update(input.csv).digest('hex');
  await db.transaction(async (tx) => {
    const [before] = await queryRows(tx, sql`select rows, people, file_sha256 from inclusion_population_source where tenant_id = ${city.id} for update`);
    await tx.execute(sql`delete from inclusion_population where tenant_id = ${city.id}`);
    await tx.execute(sql`
      insert into inclusion_population (tenant_id, area, sex, age_band, people)
      select ${city.id}, r.area, r.sex, r.age_band, r.people
      from jsonb_to_recordset(${JSON.stringify(parsed.rows.map((r) => ({ area: r.area, sex: r.sex, age_band: r.ageBand, people: r.people })))}::jsonb)
        as r (area text, sex text, age_band text, people integer)`);
    await tx.execute(sql`
      insert into inclusion_population_source (tenant_id, loaded_by, rows, people, file_sha256)
      values (${city.id}, ${actor!.userId}, ${parsed.rows.length}, ${people}, ${fileHash})
      on conflict (tenant_id) do update set loaded_at = now(), loaded_by = excluded.loaded_by, rows = excluded.rows,
        people = excluded.people, file_sha256 = excluded.file_sha256`);
    await recordAudit(tx, {
      tenantId: city.id, actorId: actor!.userId, action: 'population.load', objectType: 'population', objectId: city.id,
      before: before ?? null, after: { rows: parsed.rows.length, people, file_sha256: fileHash },
    });
  });
  return { ok: true, rows: parsed.rows.length, people };
}
