// Who raised the city's voices, counted by channel, sex, age band, disability and area, for the
// inclusion dashboard. Counts only: the answers behind them are never read out one by one.
// Hidden voices (spam, personal data) are left out; a merged duplicate still counts as a person
// who spoke.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';

export interface ParticipationCell {
  key: string;
  count: number;
}

export interface Participation {
  channel: ParticipationCell[];
  /** 'unanswered' counts voices whose author did not say. */
  sex: ParticipationCell[];
  ageBand: ParticipationCell[];
  /**
   * Washington Group short set: 'disability' when any answer is "a lot of difficulty" or
   * "cannot do at all", 'no-disability' when some were answered and none is, else 'unanswered'.
   */
  disability: ParticipationCell[];
  /** By area slug. */
  area: ParticipationCell[];
}

export async function voiceParticipation(db: Db, tenantId: string): Promise<Participation> {
  const rows = await queryRows<{ channel: string; sex: string; age_band: string; disability: string; area: string; n: number }>(db, sql`
    select v.channel, coalesce(r.sex, 'unanswered') as sex, coalesce(r.age_band, 'unanswered') as age_band, a.slug as area,
      case
        when greatest(r.wg_seeing, r.wg_hearing, r.wg_walking, r.wg_remembering, r.wg_self_care, r.wg_communicating) >= 3 then 'disability'
        when coalesce(r.wg_seeing, r.wg_hearing, r.wg_walking, r.wg_remembering, r.wg_self_care, r.wg_communicating) is not null then 'no-disability'
        else 'unanswered'
      end as disability,
      count(*)::int as n
    from voices_voice v
    join voices_area a on a.tenant_id = v.tenant_id and a.id = v.area_id
    left join voices_respondent r on r.tenant_id = v.tenant_id and r.voice_id = v.id
    where v.tenant_id = ${tenantId} and v.visibility <> 'hidden'
    group by 1, 2, 3, 4, 5`);
  const by = (pick: (row: (typeof rows)[number]) => string): ParticipationCell[] => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + row.n);
    return [...counts].map(([key, count]) => ({ key, count }));
  };
  return { channel: by((r) => r.channel), sex: by((r) => r.sex), ageBand: by((r) => r.age_band), disability: by((r) => r.disability), area: by((r) => r.area) };
}
