// A resident votes by SMS with a one-time voting code (texts/sms-ballot.ts reads the message).
// The code is the voter, as on the web: it works once. The reply says what was counted, or
// what to fix, in the language of the keyword used.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { loadCatalog, translator } from '../../../core/i18n/index.ts';
import type { TextKeywordInput } from '../../../core/texts.ts';
import { listAreas } from '../../voices/index.ts';
import { readBallotForm } from '../ballots/ballot-form.ts';
import { listProcesses } from '../queries/get-process.ts';
import { cachedProjects } from '../queries/process-cache.ts';
import { readSmsBallot } from '../texts/sms-ballot.ts';
import { refusalIssue } from '../routes/refusals.ts';
import { castBallot, codeHash } from './cast-ballot.ts';
import { NEWS_KEYWORD_KEY } from './follow-by-text.ts';

export const SMS_KEYWORD_KEY = 'budgeting.text.keyword';

export async function answerSmsBallot(db: Db, input: TextKeywordInput): Promise<string> {
  const { city, lang, secret } = input;
  const t = translator(lang);
  const keyword = (loadCatalog(lang)[SMS_KEYWORD_KEY] ?? 'VOTE').split('|')[0]!;
  const areas = await listAreas(db, city.id);
  const read = readSmsBallot(input.words, areas);
  if (!read.ok) {
    if (read.problem === 'unreadable') return t('budgeting.text.unreadable', { token: read.token ?? '', keyword });
    return t('budgeting.text.how', { keyword });
  }
  // The code says which vote it is for: codes are made per process.
  const open = (await listProcesses(db, city.id)).filter((p) => p.phase === 'voting');
  let process = null;
  for (const p of open) {
    const [known] = await queryRows<{ used: boolean }>(db, sql`
      select used from budgeting_code where tenant_id = ${city.id} and process_id = ${p.id} and code_hash = ${codeHash(secret, p.id, read.code)}`);
    if (known?.used) return t('error.budgeting.codeUsed');
    if (known) { process = p; break; }
  }
  if (!process) return open.length === 0 ? t('budgeting.ussd.noVote') : t('error.budgeting.codeUnknown');

  const projects = (await cachedProjects(db, city.id, process.id)).filter((p) => p.onBallot);
  // Where districts have budgets, a district project says where the voter lives, unless they named it.
  const districtOf = (code: string) => process.budgets.find((b) => b.id === projects.find((p) => p.code === code)?.budgetId)?.area ?? null;
  const area = read.area ?? read.picks.map((p) => districtOf(p.code)).find((a) => a !== null) ?? undefined;
  const budgets = process.budgets.filter((b) => b.area === null || b.area === area);
  const fields: Record<string, string> = {};
  read.picks.forEach((pick, i) => {
    if (process.design.kind === 'ranking') fields[`rank-${pick.code}`] = String(i + 1);
    else if (process.design.kind === 'cumulative') fields[`points-${pick.code}`] = String(pick.points ?? 1);
    else fields[`p-${pick.code}`] = 'yes';
  });
  const unknown = read.picks.find((pick) => !budgets.some((b) => projects.some((p) => p.code === pick.code && p.budgetId === b.id)));
  if (unknown) return t('budgeting.text.unknownProject', { code: unknown.code });
  const form = readBallotForm(fields, process.design, budgets.map((b) => ({ id: b.id, codes: projects.filter((p) => p.budgetId === b.id).map((p) => p.code) })));
  if (form.issues.length) return t(form.issues[0]!.messageKey, form.issues[0]!.values);
  const result = await castBallot(db, {
    process: process.slug, voter: { kind: 'code', code: read.code }, channel: 'sms', area, ageConfirmed: true, choices: form.choices, secret,
  }, null, city);
  if (result.ok) {
    const news = (loadCatalog(lang)[NEWS_KEYWORD_KEY] ?? 'NEWS').split('|')[0]!;
    return t('budgeting.text.counted', { projects: read.picks.map((p) => p.code).join(', '), news });
  }
  if (result.refusal.error === 'area-required' || result.refusal.error === 'wrong-budget') {
    return t('budgeting.text.area', { keyword, areas: areas.map((a) => a.name.toUpperCase()).join(', ') });
  }
  const { issue } = refusalIssue(result.refusal, process);
  return t(issue.messageKey, issue.values);
}
