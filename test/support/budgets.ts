// Participatory budgeting processes in each phase a page needs, built through the real
// services: "collect" takes ideas, "vote" is open for voting, "done" has results.
import type { Db } from '../../src/core/db/index.ts';
import type { Tenant } from '../../src/core/tenancy/index.ts';
import { acceptIdea, castBallot, createProcess, getProcess, movePhase, submitIdea } from '../../src/modules/budgeting/index.ts';
import { actorOf } from './actors.ts';
import type { ACCOUNTS } from './fixtures.ts';

const must = (r: { ok: boolean }) => {
  if (!r.ok) throw new Error(`budget fixture failed: ${JSON.stringify(r)}`);
};

const PROJECTS = [['Water kiosk', '200000'], ['Street lights', '600000'], ['Clinic ramp', '450000']] as const;
const VOTERS: { who: keyof typeof ACCOUNTS; choice: string[] }[] = [
  { who: 'resident', choice: ['1', '3'] }, { who: 'facilitator', choice: ['2'] }, { who: 'moderator', choice: ['1', '3'] }, { who: 'officer', choice: ['3'] },
];

export async function seedBudgets(db: Db, city: Tenant, secret: string): Promise<void> {
  const admin = await actorOf(db, 'cityAdmin');
  const resident = await actorOf(db, 'resident');
  const base = {
    description: 'What the city builds next.', currency: 'KES', ballotKind: 'approval-budget' as const, k: undefined, points: undefined, perProject: undefined,
    minAge: 0, revote: false, rule: 'mes' as const, completion: 'add1' as const, votingFrom: undefined, votingUntil: undefined,
  };
  for (const [slug, phases] of [['collect', ['ideas']], ['vote', ['ideas', 'review', 'voting']], ['done', ['ideas', 'review', 'voting', 'results']]] as const) {
    must(await createProcess(db, { ...base, title: `Budget ${slug}`, slug, budgets: [{ area: null, amount: 100_000_000 }, { area: 'north', amount: 30_000_000 }] }, admin, city));
    for (const phase of phases) {
      must(await movePhase(db, { process: slug, to: phase }, admin, city));
      const budgets = (await getProcess(db, city.id, slug))!.budgets;
      if (phase === 'ideas') {
        for (const [title, cost] of PROJECTS) {
          const idea = await submitIdea(db, { title, description: `${title} for the whole city.`, process: slug, areas: [] }, resident, city);
          if (!idea.ok) throw new Error(idea.error);
          must(await acceptIdea(db, { process: slug, idea: idea.value.id, title, description: `${title}, as the city will build it.`, cost, budget: budgets[0]!.id }, admin, city));
        }
        must(await submitIdea(db, { title: 'Waiting idea', description: 'An idea nobody has reviewed yet.', process: slug, areas: [] }, resident, city));
      }
      if (phase === 'voting') {
        for (const { who, choice } of VOTERS) {
          must(await castBallot(db, {
            process: slug, voter: { kind: 'account' }, channel: 'web', area: 'north', ageConfirmed: true, choices: { [budgets[0]!.id]: { projects: choice } }, secret,
          }, await actorOf(db, who), city));
        }
      }
    }
  }
}
