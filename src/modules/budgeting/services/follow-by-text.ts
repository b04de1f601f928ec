// A resident texts NEWS to the city's line: from then on they get a text each time staff
// report progress on a funded project of the city's current processes (voting, results or
// implementation). STOP, handled by the voices line, ends every text.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../core/db/index.ts';
import { keyedHash, seal } from '../../../core/crypto.ts';
import { translator } from '../../../core/i18n/index.ts';
import type { TextKeywordInput } from '../../../core/texts.ts';
import { normalisePhone } from '../../voices/index.ts';
import { listProcesses } from '../queries/get-process.ts';

export const NEWS_KEYWORD_KEY = 'budgeting.text.newsKeyword';
const FOLLOWED_PHASES: readonly string[] = ['voting', 'results', 'implementation'];

export const followerHash = (secret: string, phone: string) => keyedHash(secret, `budgeting-follower:${phone.replace(/\D/g, '')}`);

export async function followByText(db: Db, input: TextKeywordInput): Promise<string> {
  const t = translator(input.lang);
  const phone = normalisePhone(input.phone);
  const processes = (await listProcesses(db, input.city.id)).filter((p) => FOLLOWED_PHASES.includes(p.phase));
  if (!phone || processes.length === 0) return t('budgeting.text.nothingToFollow');
  for (const p of processes) {
    await db.execute(sql`
      insert into budgeting_text_follower (tenant_id, process_id, phone_hash, phone_sealed, lang)
      values (${input.city.id}, ${p.id}, ${followerHash(input.secret, phone)}, ${seal(input.secret, phone)}, ${input.lang})
      on conflict (tenant_id, process_id, phone_hash) do update set lang = excluded.lang`);
  }
  return t('budgeting.text.following', { processes: processes.map((p) => p.title).join(', ') });
}
