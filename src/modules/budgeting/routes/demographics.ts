// The optional questions about the voter, as a ballot form posts them: anything else is "not said".
import { AGE_BANDS, SEXES } from '../../voices/index.ts';

export function readDemographics(raw: Record<string, string>): { sex: (typeof SEXES)[number] | undefined; ageBand: string | undefined } {
  return {
    sex: (SEXES as readonly string[]).includes(raw.sex ?? '') ? raw.sex as (typeof SEXES)[number] : undefined,
    ageBand: (AGE_BANDS as readonly string[]).includes(raw.ageBand ?? '') ? raw.ageBand : undefined,
  };
}
