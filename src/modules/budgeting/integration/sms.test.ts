import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, type Fixtures } from '../../../../test/support/fixtures.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { seedBudgets } from '../../../../test/support/budgets.ts';
import { testApp } from '../../../../test/support/app.ts';
import { actorOf } from '../../../../test/support/actors.ts';
import { queryRows } from '../../../core/db/index.ts';
import { TEXT_HOOK_PATH, hookToken } from '../../voices/index.ts';
import { generateCodes, movePhase } from '../index.ts';
import { postProgress } from '../services/post-progress.ts';

// Voting by SMS with a one-time code, on the city's ordinary text line.
for (const engine of await testEngines()) {
  describe(`SMS ballots on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let codes: string[] = [];
    let n = 0;

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      await seedBudgets(database.db, f.alpha, t.config.secret);
      const made = await generateCodes(database.db, { process: 'vote', count: 3, secret: t.config.secret }, await actorOf(database.db, 'cityAdmin'), f.alpha);
      assert.ok(made.ok);
      codes = made.value.codes;
    });
    after(() => database.dispose());

    /** Sends a text and returns the reply queued for it. */
    const text = async (body: string, from = '+254722000001') => {
      const res = await t.app.request(`${TEXT_HOOK_PATH}/africas-talking/alpha?token=${encodeURIComponent(hookToken(t.config.secret, f.alpha.id, 'africas-talking'))}`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ from, to: '22384', text: body, date: '2026-12-04 10:00:00', id: `sms-ballot-${++n}` }).toString(),
      });
      assert.equal(res.status, 200);
      const [reply] = await queryRows<{ body: string }>(database.db, sql`select body from voices_text_delivery order by created_at desc, id desc limit 1`);
      return reply!.body;
    };
    const smsVoters = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from budgeting_voter where channel = 'sms'`))[0]!.n;

    it('counts a ballot sent with a code, once, and says what to fix otherwise', async () => {
      assert.match(await text('VOTE'), /^To vote, send VOTE, your voting code and your projects' numbers/);
      assert.equal(await text(`vote ${codes[0]} 9`), 'There is no project 9 on your ballot.');
      assert.equal(await text(`VOTE ${codes[0]} 1 2 3`), 'Add your district: VOTE code DISTRICT numbers. Districts: NORTH, SOUTH');
      assert.equal(await text(`VOTE ${codes[0]} south 1 2 3`), 'Your choices cost more than the budget: remove a project');
      assert.equal(await text('VOTE ZZZZZ-ZZZZZ 1'), 'This code is not valid for this vote: check it against your slip');
      assert.equal(await smsVoters(), 0);
      assert.equal(await text(`VOTE ${codes[0]!.toLowerCase()} SOUTH 3 1`), 'Thank you: your vote is counted (projects 3, 1). Text NEWS for news of the projects.');
      assert.equal(await text(`VOTE ${codes[0]} 2`), 'This code has already been used to vote');
      assert.equal(await smsVoters(), 1);
      // In French, with the French keyword; the district named.
      assert.equal(await text(`VOTER ${codes[1]} nord 2`, '+33612345678'), '« nord » n’est ni un numéro de projet ni un quartier. Envoyez VOTER, votre code et les numéros de vos projets.');
      assert.equal(await text(`VOTER ${codes[1]} north 2`, '+33612345678'), 'Merci : votre vote est compté (projets 2). Envoyez NOUVELLES pour suivre les projets.');
      assert.equal(await smsVoters(), 2);
    });

    it('sends codes by SMS to a list of numbers, skipping those that said STOP, and each code then votes', async () => {
      const admin = new Client(t.app);
      await signIn(admin, ACCOUNTS.cityAdmin.email, PASSWORD);
      await admin.get('/c/alpha/budgets/vote/codes');
      const bad = await admin.post('/c/alpha/budgets/vote/codes/sms', { phones: '+254733000001\n0733 000 002\nhello' });
      assert.equal(bad.status, 400);
      assert.match(bad.html, /2 numbers are not in international format \(\+ country code and number\): 0733 000 002, hello/);
      await text('STOP', '+254733000003');
      const before = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_text_delivery`))[0]!.n;
      const sent = await admin.post('/c/alpha/budgets/vote/codes/sms', { phones: '+254733000001, +254 733 000 002\n+254733000003\n+254733000001' });
      assert.equal(sent.status, 200);
      assert.match(sent.html, /2 codes are on the way by SMS\. 1 number had asked the city for no texts and got none\./);
      const texts = await queryRows<{ body: string }>(database.db, sql`select body from voices_text_delivery order by created_at desc, id desc limit 2`);
      assert.equal((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_text_delivery`))[0]!.n, before + 2);
      const code = /your voting code is ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(texts[0]!.body)![1]!;
      assert.match(texts[0]!.body, /Vote at http:\/\/localhost\/c\/alpha\/budgets\/vote\/vote or text VOTE/);
      assert.equal(await text(`VOTE ${code} south 1`, '+254733000001'), 'Thank you: your vote is counted (projects 1). Text NEWS for news of the projects.');
    });

    it('texts news of funded projects to those who asked for it, unless they said STOP', async () => {
      const admin = await actorOf(database.db, 'cityAdmin');
      assert.ok((await movePhase(database.db, { process: 'done', to: 'implementation' }, admin, f.alpha)).ok);
      assert.equal(await text('NEWS', '+254744000001'), 'You will get a text when the projects of Budget done, Budget vote make progress. Text STOP to stop.');
      assert.match(await text('news', '+254744000002'), /^You will get a text/);
      await text('STOP', '+254744000002');
      const [funded] = await queryRows<{ code: string }>(database.db, sql`
        select pr.code from budgeting_project pr join budgeting_process p on p.id = pr.process_id where p.slug = 'done' and pr.funded order by pr.code limit 1`);
      const before = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_text_delivery`))[0]!.n;
      assert.ok((await postProgress(database.db, {
        process: 'done', project: funded!.code, progress: 'in-progress', note: 'Work started on Monday.', texts: t.services,
      }, await actorOf(database.db, 'moderator'), f.alpha)).ok);
      const queued = await queryRows<{ body: string }>(database.db, sql`select body from voices_text_delivery order by created_at desc, id desc limit 1`);
      assert.equal((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from voices_text_delivery`))[0]!.n, before + 1, 'one text: the phone that said STOP gets none');
      assert.match(queued[0]!.body, new RegExp(`^Budget done: No\\. ${funded!.code} .+ is In progress\\. Work started on Monday\\.$`));
    });

    it('leaves every other text to the voices line', async () => {
      const reply = await text('WATER the North kiosk is dry again, the VOTE can wait');
      assert.match(reply, /reference/i);
    });
  });
}
