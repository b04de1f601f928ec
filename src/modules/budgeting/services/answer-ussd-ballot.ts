// A resident votes from a basic phone by USSD (ussd/ballot-walk.ts draws the screens). The
// phone number, vouched for by the gateway, is the voter: one ballot per number per process,
// replaced by a later one where the city allows re-voting.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../core/db/index.ts';
import { keyedHash } from '../../../core/crypto.ts';
import { formatMoney, isLocale, translator, type Locale, type Translate } from '../../../core/i18n/index.ts';
import type { Tenant } from '../../../core/tenancy/index.ts';
import { listAreas, phoneLanguage } from '../../voices/index.ts';
import { readBallotForm } from '../ballots/ballot-form.ts';
import { listProcesses } from '../queries/get-process.ts';
import { cachedProjects } from '../queries/process-cache.ts';
import { walkBallot, type WalkProcess } from '../ussd/ballot-walk.ts';
import { castBallot, type CastBallotResult } from './cast-ballot.ts';

export interface UssdBallotRequest { sessionId: string; phoneNumber: string; text: string }

export async function answerUssdBallot(db: Db, request: UssdBallotRequest, city: Tenant, secret: string): Promise<{ text: string; end: boolean }> {
  const session = keyedHash(secret, `ussd-ballot:${request.sessionId}:${request.phoneNumber}`);
  const [final] = await queryRows<{ screen: string }>(db, sql`select screen from budgeting_ussd_final where tenant_id = ${city.id} and session_hash = ${session}`);
  if (final) return { text: final.screen, end: true };

  // The language the phone chose on the city's voices line, else the city's.
  const locale: Locale = (await phoneLanguage(db, city.id, secret, request.phoneNumber)) ?? (isLocale(city.defaultLocale) ? city.defaultLocale : 'en');
  const t = translator(locale);
  const open = (await listProcesses(db, city.id)).filter((p) => p.phase === 'voting');
  const processes: WalkProcess[] = [];
  for (const p of open) {
    const projects = (await cachedProjects(db, city.id, p.id)).filter((pr) => pr.onBallot);
    processes.push({ slug: p.slug, title: p.title, currency: p.currency, design: p.design, minAge: p.minAge, budgets: p.budgets, projects });
  }
  const areas = (await listAreas(db, city.id)).map((a) => ({ slug: a.slug, name: a.name }));
  const walk = walkBallot(request.text === '' ? [] : request.text.split('*'), {
    t, processes, areas, money: (minor, currency) => formatMoney(locale, minor, currency),
  });
  if (walk.kind === 'screen') return { text: walk.text, end: false };
  if (walk.kind === 'end') return { text: walk.text, end: true };

  const process = open.find((p) => p.slug === walk.process)!;
  const budgets = process.budgets.filter((b) => b.area === null || b.area === walk.area);
  const projects = processes.find((p) => p.slug === walk.process)!.projects;
  const read = readBallotForm(walk.fields, process.design, budgets.map((b) => ({ id: b.id, codes: projects.filter((p) => p.budgetId === b.id).map((p) => p.code) })));
  const result = await castBallot(db, {
    process: process.slug, voter: { kind: 'phone', phone: request.phoneNumber }, channel: 'ussd', area: walk.area, ageConfirmed: true,
    choices: read.choices, secret,
  }, null, city);
  const screen = outcomeScreen(t, result);
  await db.execute(sql`
    insert into budgeting_ussd_final (tenant_id, session_hash, screen) values (${city.id}, ${session}, ${screen}) on conflict do nothing`);
  if (Math.random() < 0.01) await db.execute(sql`delete from budgeting_ussd_final where at < now() - interval '1 day'`);
  return { text: screen, end: true };
}

function outcomeScreen(t: Translate, result: CastBallotResult): string {
  if (result.ok) return t(result.replaced ? 'budgeting.ussd.replaced' : 'budgeting.ussd.counted');
  switch (result.refusal.error) {
    case 'closed': return t('budgeting.ussd.closed');
    case 'already-voted': return t('budgeting.ussd.already');
    default: return t('budgeting.ussd.invalid');
  }
}
