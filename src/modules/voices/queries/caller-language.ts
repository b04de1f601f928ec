// The language a phone last chose (a USSD menu choice, or a keyword texted in it), so the next
// screen or reply starts in it. Phones are known by their keyed hash only.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { isLocale, type Locale } from '../../../core/i18n/index.ts';
import { phoneHash } from '../texts/phone.ts';

export async function callerLanguage(db: Db, tenantId: string, caller: string): Promise<Locale | null> {
  const [row] = await queryRows<{ lang: string }>(db, sql`select lang from voices_ussd_caller where tenant_id = ${tenantId} and caller = ${caller}`);
  return row && isLocale(row.lang) ? row.lang : null;
}

export async function rememberCallerLanguage(db: Db, tenantId: string, caller: string, lang: Locale): Promise<void> {
  await db.execute(sql`insert into voices_ussd_caller (tenant_id, caller, lang) values (${tenantId}, ${caller}, ${lang})
    on conflict (tenant_id, caller) do update set lang = excluded.lang, updated_at = now()`);
}

/** The language a phone last chose with this city (by USSD or a keyword), for other modules' screens and texts. */
export const phoneLanguage = (db: Db, tenantId: string, secret: string, phone: string) => callerLanguage(db, tenantId, phoneHash(secret, phone));
