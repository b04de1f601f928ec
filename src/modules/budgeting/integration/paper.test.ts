import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, type Fixtures } from '../../../../test/support/fixtures.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { enterPaperBallot } from '../services/enter-paper-ballot.ts';
import { seedBudgets } from '../../../../test/support/budgets.ts';
import { testApp } from '../../../../test/support/app.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../../core/db/index.ts';

// Paper ballots are typed in twice by different people: they count when the entries agree,
// and a reviewer with the paper settles them when they differ.
for (const engine of await testEngines()) {
  describe(`paper ballots on ${engine.name}`, () => {
    let database: TestDatabase;
    let t: ReturnType<typeof testApp>;
    let f: Fixtures;
    const clients: Record<string, Client> = {};

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      await seedBudgets(database.db, f.alpha, t.config.secret);
      for (const who of ['facilitator', 'moderator', 'cityAdmin', 'resident'] as const) {
        clients[who] = new Client(t.app);
        await signIn(clients[who]!, ACCOUNTS[who].email, PASSWORD);
      }
    });
    after(() => database.dispose());

    const paperVoters = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from budgeting_voter where channel = 'paper'`))[0]!.n;
    const enter = async (who: string, fields: Record<string, string>) => {
      const c = clients[who]!;
      await c.get('/c/alpha/budgets/vote/paper');
      return c.post('/c/alpha/budgets/vote/paper', { action: 'cast', area: 'south', ...fields });
    };

    it('counts a sheet once two different people have typed it in alike', async () => {
      const first = await enter('facilitator', { sheet: 'a-001', 'p-1': 'yes', 'p-3': 'yes', sex: 'female' });
      assert.equal(first.status, 200);
      assert.match(first.html, /Sheet A001 is saved\. It counts once a second person has typed it in alike\./);
      assert.equal(await paperVoters(), 0);
      const again = await enter('facilitator', { sheet: 'A001', 'p-1': 'yes', 'p-3': 'yes', sex: 'female' });
      assert.equal(again.status, 409);
      assert.match(again.html, /a second person must type it in/);
      const second = await enter('moderator', { sheet: 'A 001', 'p-3': 'yes', 'p-1': 'yes', sex: 'female' });
      assert.match(second.html, /Sheet A001 is counted: both entries agree\./);
      assert.equal(await paperVoters(), 1);
      const third = await enter('cityAdmin', { sheet: 'A001', 'p-2': 'yes' });
      assert.equal(third.status, 409);
      assert.match(third.html, /This sheet is already counted/);
      assert.equal(await paperVoters(), 1);
    });

    it('refuses a paper ballot over the budget or without a sheet number, keeping nothing', async () => {
      const over = await enter('facilitator', { sheet: 'B001', 'p-1': 'yes', 'p-2': 'yes', 'p-3': 'yes' });
      assert.equal(over.status, 422);
      assert.match(over.html, /Your choices cost more than the budget/);
      const noSheet = await enter('facilitator', { sheet: '', 'p-1': 'yes' });
      assert.equal(noSheet.status, 400);
      assert.match(noSheet.html, /Write the sheet number as printed/);
      const [entries] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from budgeting_paper_entry where sheet = 'B001'`);
      assert.equal(entries!.n, 0);
    });

    it('sends differing entries to review, where someone who did not type the sheet counts the right one or sets it aside', async () => {
      await enter('facilitator', { sheet: 'C001', 'p-1': 'yes' });
      const differs = await enter('moderator', { sheet: 'C001', 'p-2': 'yes' });
      assert.match(differs.html, /Sheet C001: the entries differ, so it goes to review with the paper\./);
      await enter('facilitator', { sheet: 'C002', 'p-1': 'yes' });
      await enter('moderator', { sheet: 'C002', 'p-3': 'yes' });
      assert.equal(await paperVoters(), 1);

      const review = await clients.cityAdmin!.get('/c/alpha/budgets/vote/paper/review');
      assert.equal(review.status, 200);
      assert.match(review.html, /Sheet C001/);
      assert.match(review.html, /Entry 1, typed by facilitator/);
      const entries = await queryRows<{ id: string; sheet: string; choices: Record<string, { projects: string[] }> }>(database.db, sql`
        select id, sheet, choices from budgeting_paper_entry where sheet = 'C001' order by entered_at`);
      const own = await clients.moderator!.post('/c/alpha/budgets/vote/paper/C001/settle', { keep: entries[1]!.id });
      assert.equal(own.status, 409);
      assert.match(own.html, /another reviewer must settle it/);
      assert.equal((await clients.facilitator!.post('/c/alpha/budgets/vote/paper/C001/settle', { keep: entries[0]!.id })).status, 403);
      const settled = await clients.cityAdmin!.post('/c/alpha/budgets/vote/paper/C001/settle', { keep: entries[0]!.id });
      assert.match(settled.html, /The sheet is counted\./);
      const aside = await clients.cityAdmin!.post('/c/alpha/budgets/vote/paper/C002/settle', { keep: 'none' });
      assert.match(aside.html, /The sheet is set aside and not counted\./);
      assert.equal(await paperVoters(), 2);
      const [ballot] = await queryRows<{ n: number }>(database.db, sql`
        select count(*)::int as n from budgeting_ballot where choices = ${JSON.stringify(entries[0]!.choices)}::jsonb`);
      assert.equal(ballot!.n, 1, 'the kept entry is the ballot counted');
      assert.match((await clients.cityAdmin!.get('/c/alpha/budgets/vote/paper/review')).html, /No sheet waits for review/);
    });

    it('counts a sheet whose two entries arrive at the same moment', async () => {
      const before = await paperVoters();
      const budgetId = (await queryRows<{ id: string }>(database.db, sql`
        select b.id from budgeting_budget b join budgeting_process p on p.id = b.process_id where p.slug = 'vote' and b.area is null`))[0]!.id;
      const entry = async (who: 'facilitator' | 'moderator') => enterPaperBallot(database.db, {
        process: 'vote', sheet: 'D001', area: 'south', ageConfirmed: true, choices: { [budgetId]: { projects: ['3'] } }, secret: t.config.secret,
      }, await actorOf(database.db, who), f.alpha);
      const [a, b] = await Promise.all([entry('facilitator'), entry('moderator')]);
      assert.deepEqual([a.ok && a.state, b.ok && b.state].sort(), ['counted', 'waiting']);
      assert.equal(await paperVoters(), before + 1);
    });

    it('warns the admin before closing the vote while sheets are not yet counted', async () => {
      assert.doesNotMatch((await clients.cityAdmin!.get('/c/alpha/budgets/vote')).html, /not been counted yet/);
      await enter('facilitator', { sheet: 'E001', 'p-1': 'yes' });
      assert.match((await clients.cityAdmin!.get('/c/alpha/budgets/vote')).html, /1 paper sheet has not been counted yet \(waiting for a second entry or for review\)\. Closing the vote now leaves it out\./);
      assert.doesNotMatch((await clients.resident!.get('/c/alpha/budgets/vote')).html, /not been counted yet/);
    });

    it('keeps paper entry to facilitators and settling to reviewers', async () => {
      assert.equal((await clients.resident!.get('/c/alpha/budgets/vote/paper')).status, 403);
      assert.equal((await clients.facilitator!.get('/c/alpha/budgets/vote/paper/review')).status, 403);
      assert.equal((await new Client(t.app).get('/c/alpha/budgets/vote/paper')).status, 303);
    });
  });
}
