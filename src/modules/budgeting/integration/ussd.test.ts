import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, type Fixtures } from '../../../../test/support/fixtures.ts';
import { seedBudgets } from '../../../../test/support/budgets.ts';
import { testApp } from '../../../../test/support/app.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../../core/db/index.ts';
import { hookToken } from '../../voices/index.ts';

// A vote from a basic phone: the USSD ballot's own callback address, one ballot per phone.
for (const engine of await testEngines()) {
  describe(`USSD ballots on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let address = '';

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      await seedBudgets(database.db, f.alpha, t.config.secret);
      address = `/hooks/ussd-ballot/africas-talking/alpha?token=${encodeURIComponent(hookToken(t.config.secret, f.alpha.id, 'africas-talking-ballot'))}`;
    });
    after(() => database.dispose());

    const dial = async (sessionId: string, text: string, phoneNumber = '+254711000001', path = address) => {
      const res = await t.app.request(path, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ sessionId, phoneNumber, serviceCode: '*384*2#', text }).toString(),
      });
      return { status: res.status, text: await res.text() };
    };
    const ussdVoters = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from budgeting_voter where channel = 'ussd'`))[0]!.n;

    it('shows its address to city admins on the process page, and refuses a wrong token', async () => {
      const admin = new Client(t.app);
      await signIn(admin, ACCOUNTS.cityAdmin.email, PASSWORD);
      const page = await admin.get('/c/alpha/budgets/vote');
      assert.ok(page.html.includes(address.replace(/&/g, '&amp;').split('?')[0]!), 'the address is shown');
      assert.doesNotMatch((await new Client(t.app).get('/c/alpha/budgets/vote')).html, /hooks\/ussd-ballot/, 'and only to admins');
      assert.equal((await dial('s0', '', '+254711000001', '/hooks/ussd-ballot/africas-talking/alpha?token=wrong')).status, 403);
      // The token of the city's voices line does not open its ballot line.
      const voicesToken = encodeURIComponent(hookToken(t.config.secret, f.alpha.id, 'africas-talking'));
      assert.equal((await dial('s0', '', '+254711000001', `/hooks/ussd-ballot/africas-talking/alpha?token=${voicesToken}`)).status, 403);
    });

    it('walks a caller through the projects and counts their vote once, even when the gateway repeats the last press', async () => {
      assert.equal((await dial('s1', '')).text, 'CON Where do you live?\n1. North\n2. South');
      assert.match((await dial('s1', '2')).text, /^CON No\. 1 Water kiosk, KES 200,000\nLeft: KES 1,000,000\n1\. Yes\n2\. No$/);
      assert.match((await dial('s1', '2*1*2*1')).text, /^CON You chose: 1, 3\n1\. Vote\n2\. Start again$/);
      assert.equal((await dial('s1', '2*1*2*1*1')).text, 'END Thank you: your vote is counted.');
      assert.equal((await dial('s1', '2*1*2*1*1')).text, 'END Thank you: your vote is counted.', 'a repeated press gets the same answer');
      assert.equal(await ussdVoters(), 1);
      assert.equal((await dial('s2', '1*2*2*1*1')).text, 'END This phone has already voted.');
      assert.equal((await dial('s3', '1*2*2*1*1', '+254711000002')).text, 'END Thank you: your vote is counted.');
      assert.equal(await ussdVoters(), 2);
      const [ballot] = await queryRows<{ choices: Record<string, { projects: string[] }> }>(database.db, sql`
        select b.choices from budgeting_ballot b join budgeting_voter v on v.ballot_id = b.id where v.channel = 'ussd' and v.area = 'south'`);
      assert.deepEqual(Object.values(ballot!.choices)[0]!.projects, ['1', '3']);
    });

    it('speaks the language the phone chose on the voices line of the city', async () => {
      const voicesLine = `/hooks/ussd/africas-talking/alpha?token=${encodeURIComponent(hookToken(t.config.secret, f.alpha.id, 'africas-talking'))}`;
      await dial('v1', '', '+254711000009', voicesLine);
      await dial('v1', '2', '+254711000009', voicesLine);
      assert.equal((await dial('s5', '', '+254711000009')).text, 'CON Où habitez-vous ?\n1. North\n2. South');
    });

    it('says so when no vote is open, and answers a malformed callback with what is wrong', async () => {
      const beta = `/hooks/ussd-ballot/africas-talking/beta?token=${encodeURIComponent(hookToken(t.config.secret, f.beta.id, 'africas-talking-ballot'))}`;
      assert.equal((await dial('s4', '', '+254711000003', beta)).text, 'END No vote is open in this city now.');
      const bad = await t.app.request(address, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=1' });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /sessionId, phoneNumber/);
    });
  });
}
