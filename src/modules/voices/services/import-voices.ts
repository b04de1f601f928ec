// A facilitator sends the paper forms of people offline, typed up into a CSV file. Every row is
// checked first; then all voices are stored in one transaction, so a file imports entirely or
// not at all. Sending the same file again stores nothing new: each row's submission key comes
// from the file's content and the row.
import { createHash } from 'node:crypto';
import type { Db } from '../../../core/db/index.ts';
import type { Actor } from '../../../core/auth/index.ts';
import { nameBasedUuid } from '../../../core/crypto.ts';
import { forbidden } from '../../../core/result.ts';
import { canAssist, type City } from '../permissions.ts';
import { loadTaxonomy } from '../queries/list-taxonomy.ts';
import { parseVoiceCsv, type RowProblem } from '../import/voice-csv.ts';
import { SUBMIT_ERROR_ISSUES } from '../submit-errors.ts';
import { submitVoice } from './submit-voice.ts';

class RowRefused extends Error {
  constructor(readonly problem: RowProblem) {
    super(`row ${problem.row} refused`);
  }
}

export async function importVoices(
  db: Db,
  input: { csv: string; lang: string; secret: string },
  actor: Actor | null,
  city: City & { code: string | null },
): Promise<{ ok: true; references: string[]; created: number } | { ok: false; problems: RowProblem[] }> {
  if (!canAssist(actor, city)) throw forbidden();
  const { categories, areas } = await loadTaxonomy(db, city.id);
  const parsed = parseVoiceCsv(input.csv, { categories: categories.map((c) => c.slug), areas: areas.map((a) => a.slug) });
  if (!parsed.ok) return parsed;
  const file = createHash('sha256').update(input.csv).digest('hex');
  try {
    return { ok: true, ...(await db.transaction(async (tx) => {
      const references: string[] = [];
      let created = 0;
      for (const { row, ...voice } of parsed.voices) {
        const result = await submitVoice(tx, {
          ...voice, submissionKey: nameBasedUuid(`import\0${city.id}\0${file}\0${row}`), lang: input.lang, channel: 'assisted', secret: input.secret, consent: true,
        }, actor, city);
        if (!result.ok) {
          const issue = result.error === 'sign-in-required' ? null : SUBMIT_ERROR_ISSUES[result.error];
          throw new RowRefused({ row, column: issue?.field ?? '', messageKey: issue?.messageKey ?? 'error.signInRequired', values: {} });
        }
        references.push(result.value.reference);
        if (result.value.created) created++;
      }
      return { references, created };
    })) };
  } catch (error) {
    if (error instanceof RowRefused) return { ok: false, problems: [error.problem] };
    throw error;
  }
}
