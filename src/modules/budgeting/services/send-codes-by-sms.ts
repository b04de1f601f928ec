// A city admin sends one-time voting codes by SMS to a list of numbers (residents who signed up
// at a meeting, say): one fresh code each, in a text saying how to vote on the web or by SMS.
// The pairing of number and code is not kept; numbers that told the city STOP get nothing.
import type { Db } from '../../../core/db/index.ts';
import { recordAudit } from '../../../core/audit/index.ts';
import type { Actor, TenantScope } from '../../../core/auth/index.ts';
import { isLocale, loadCatalog, translator } from '../../../core/i18n/index.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { err, forbidden, ok, type Result } from '../../../core/result.ts';
import { optedOutPhones, sendCityTexts, type CityTextServices } from '../../voices/index.ts';
import { canRunProcess } from '../permissions.ts';
import { generateCodes } from './generate-codes.ts';
import { SMS_KEYWORD_KEY } from './answer-sms-ballot.ts';

export async function sendCodesBySms(
  db: Db, input: { process: { id: string; slug: string; title: string }; phones: readonly string[]; voteUrl: string; services: CityTextServices },
  actor: Actor | null, city: Tenant & TenantScope,
): Promise<Result<{ sent: number; optedOut: number }, 'closed'>> {
  if (!canRunProcess(actor, city)) throw forbidden();
  const blocked = await optedOutPhones(db, input.services, city.id, input.phones);
  const phones = input.phones.filter((p) => !blocked.has(p));
  if (phones.length === 0) return ok({ sent: 0, optedOut: blocked.size });
  const made = await generateCodes(db, { process: input.process.slug, count: phones.length, secret: input.services.config.secret }, actor, city);
  if (!made.ok) return err(made.error);
  const lang = isLocale(city.defaultLocale) ? city.defaultLocale : 'en';
  const t = translator(lang);
  const keyword = (loadCatalog(lang)[SMS_KEYWORD_KEY] ?? 'VOTE').split('|')[0]!;
  const sent = await sendCityTexts(db, input.services, city.id, phones.map((phone, i) => ({
    phone, body: t('budgeting.codesSms', { process: input.process.title, code: made.value.codes[i]!, url: input.voteUrl, keyword }),
  })));
  await recordAudit(db, {
    tenantId: city.id, actorId: actor!.userId, action: 'budgeting.codes.sms', objectType: 'budgeting-process', objectId: input.process.id,
    after: { batch: made.value.batch, sent, optedOut: blocked.size },
  });
  return ok({ sent, optedOut: blocked.size });
}
