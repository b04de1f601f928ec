import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, type Fixtures } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../../core/db/index.ts';
import { acceptIdea, castBallot, createProcess, getProcess, movePhase, parsePb, submitIdea, tally } from '../index.ts';

// Points ballots with re-voting: the last ballot counts, however many arrive at once.
for (const engine of await testEngines()) {
  describe(`points ballots and re-voting on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let budgetId = '';

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      const admin = await actorOf(database.db, 'cityAdmin');
      const resident = await actorOf(database.db, 'resident');
      assert.ok((await createProcess(database.db, {
        title: 'Points', slug: 'points', description: 'Share your points.', currency: 'UGX', ballotKind: 'cumulative', k: undefined, points: 10, perProject: 6,
        minAge: 0, revote: true, rule: 'mes-points', completion: 'none', votingFrom: undefined, votingUntil: undefined, budgets: [{ area: null, amount: 1_000_000 }],
      }, admin, f.alpha)).ok);
      await movePhase(database.db, { process: 'points', to: 'ideas' }, admin, f.alpha);
      budgetId = (await getProcess(database.db, f.alpha.id, 'points'))!.budgets[0]!.id;
      for (const [title, cost] of [['Borehole', '600,000'], ['Footbridge', '500000'], ['Library corner', '300000']] as const) {
        const idea = await submitIdea(database.db, { title, description: `${title} for the neighbourhood.`, process: 'points', areas: [] }, resident, f.alpha);
        assert.ok(idea.ok);
        assert.ok((await acceptIdea(database.db, { process: 'points', idea: idea.value.id, title, description: title, cost, budget: budgetId }, admin, f.alpha)).ok);
      }
      await movePhase(database.db, { process: 'points', to: 'review' }, admin, f.alpha);
      await movePhase(database.db, { process: 'points', to: 'voting' }, admin, f.alpha);
    });
    after(() => database.dispose());

    const ballots = async () => (await queryRows<{ voters: number; ballots: number }>(database.db, sql`
      select (select count(*) from budgeting_voter)::int as voters, (select count(*) from budgeting_ballot)::int as ballots`))[0];

    it('shows the points left, refuses too many, and lets the voter change their mind', async () => {
      const c = new Client(t.app);
      await signIn(c, ACCOUNTS.resident.email, PASSWORD);
      const page = await c.get('/c/alpha/budgets/points/vote');
      assert.match(page.html, /Points left: 10/);
      assert.match(page.html, /Share up to 10 points between projects, at most 6 on one/);
      const check = await c.post('/c/alpha/budgets/points/vote', { 'points-1': '6', 'points-2': '5', action: 'check' });
      assert.match(check.html, /Too many points, by 1/);
      const over = await c.post('/c/alpha/budgets/points/vote', { 'points-1': '6', 'points-2': '5', action: 'cast' });
      assert.equal(over.status, 422);
      assert.match(over.html, /Give at most 10 points in all/);
      const capped = await c.post('/c/alpha/budgets/points/vote', { 'points-1': '7', action: 'cast' });
      assert.equal(capped.status, 400);
      assert.match(capped.html, /Write a whole number of points from 0 to 6/);
      assert.deepEqual(await ballots(), { voters: 0, ballots: 0 });
      assert.match((await c.post('/c/alpha/budgets/points/vote', { 'points-1': '6', 'points-2': '4', action: 'cast' })).html, /Your ballot is counted/);
      const again = await c.post('/c/alpha/budgets/points/vote', { 'points-3': '6', 'points-2': '4', action: 'cast' });
      assert.match(again.html, /Your new ballot replaces your earlier one/);
      assert.deepEqual(await ballots(), { voters: 1, ballots: 1 });
      const [stored] = await queryRows<{ choices: Record<string, { projects: string[]; points: number[] }> }>(database.db, sql`select choices from budgeting_ballot`);
      assert.deepEqual(stored!.choices[budgetId], { projects: ['2', '3'], points: [4, 6] });
    });

    it('keeps exactly one ballot per voter when re-votes race', async () => {
      const moderator = await actorOf(database.db, 'moderator');
      const outcomes = await Promise.all(['1', '2', '3', '1', '2', '3'].map((code) => castBallot(database.db, {
        process: 'points', voter: { kind: 'account' }, channel: 'web', ageConfirmed: false, choices: { [budgetId]: { projects: [code], points: [5] } }, secret: t.config.secret,
      }, moderator, f.alpha)));
      assert.ok(outcomes.every((o) => o.ok), JSON.stringify(outcomes));
      assert.equal(outcomes.filter((o) => o.ok && !o.replaced).length, 1, 'one first ballot, the rest replace it');
      assert.deepEqual(await ballots(), { voters: 2, ballots: 2 });
    });

    it('counts the points with equal shares, and the published file recounts to the same outcome', async () => {
      const admin = await actorOf(database.db, 'cityAdmin');
      assert.ok((await movePhase(database.db, { process: 'points', to: 'results' }, admin, f.alpha)).ok);
      const c = new Client(t.app);
      const page = await c.get('/c/alpha/budgets/points/results');
      assert.equal(page.status, 200);
      assert.match(page.html, /Rule: Equal shares, by points/);
      assert.match(page.html, /<th scope="col">Points<\/th>/);
      assert.match(page.html, /UGX\s1,000,000/);
      const pb = await c.get('/c/alpha/budgets/points/ballots/points-city.pb');
      const parsed = parsePb(pb.html);
      assert.ok(parsed.ok);
      assert.equal(parsed.election.voteType, 'cumulative');
      const outcome = tally(parsed.election, 'mes-points');
      for (const code of outcome.selected) assert.match(page.html, new RegExp(`No\\. ${code} [^<]*</th><td>[^<]*</td><td>[^<]*</td><td>Funded</td>`));
    });
  });
}
