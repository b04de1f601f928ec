import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testEngines, type TestDatabase } from '../../../../test/support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, type Fixtures } from '../../../../test/support/fixtures.ts';
import { testApp } from '../../../../test/support/app.ts';
import { Client, signIn } from '../../../../test/support/client.ts';
import { queryRows } from '../../../core/db/index.ts';
import { verifyAudit } from '../../../core/audit/index.ts';
import { createSession, grantRole, loadActor, registerUser } from '../../../core/auth/index.ts';
import { parsePb, tally, castBallot, getProcess } from '../index.ts';
import { submitVoice } from '../../voices/index.ts';

/** The form a city admin fills in; fields may be overridden. */
const processForm = (fields: Record<string, string> = {}) => ({
  title: 'Budget 2027', slug: 'pb-2027', description: 'What the city will build next year.', currency: 'KES',
  budget: '1,000,000.00', 'budget-north': '300000', ballotKind: 'approval-budget', rule: 'mes', completion: 'add1', minAge: '16',
  votingFrom: '2027-03-01', votingUntil: '2099-03-31', ...fields,
});

for (const engine of await testEngines()) {
  describe(`participatory budgeting on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let adminClient: Client;
    let residentClient: Client;
    let moderatorClient: Client;

    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      adminClient = new Client(t.app);
      await signIn(adminClient, ACCOUNTS.cityAdmin.email, PASSWORD);
      residentClient = new Client(t.app);
      await signIn(residentClient, ACCOUNTS.resident.email, PASSWORD);
      moderatorClient = new Client(t.app);
      await signIn(moderatorClient, ACCOUNTS.moderator.email, PASSWORD);
    });
    after(() => database.dispose());

    const processRows = async () => (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from budgeting_process`))[0]!.n;
    const move = async (to: string) => {
      await adminClient.get('/c/alpha/budgets/pb-2027');
      const res = await adminClient.post('/c/alpha/budgets/pb-2027/phase', { to });
      assert.equal(res.status, 303);
      return res.location;
    };

    it('refuses a process with unclear money, a rule that cannot count its ballots, or a taken name, keeping nothing', async () => {
      await adminClient.get('/c/alpha/budgets/new');
      const ambiguous = await adminClient.post('/c/alpha/budgets', processForm({ budget: '1,500' }));
      assert.equal(ambiguous.status, 400);
      assert.match(ambiguous.html, /This amount can be read two ways/);
      const wrongRule = await adminClient.post('/c/alpha/budgets', processForm({ ballotKind: 'cumulative', points: '10', perProject: '5', rule: 'mes' }));
      assert.equal(wrongRule.status, 400);
      assert.match(wrongRule.html, /This rule cannot count this kind of ballot/);
      const noBudget = await adminClient.post('/c/alpha/budgets', processForm({ budget: '', 'budget-north': '' }));
      assert.match(noBudget.html, /Give at least one budget/);
      assert.equal(await processRows(), 0);
      const made = await adminClient.post('/c/alpha/budgets', processForm());
      assert.equal(made.status, 303);
      assert.equal(made.location, '/c/alpha/budgets/pb-2027');
      const again = await adminClient.post('/c/alpha/budgets', processForm());
      assert.equal(again.status, 409);
      assert.match(again.html, /Another process already has this short name/);
      const page = await adminClient.get('/c/alpha/budgets/pb-2027');
      assert.match(page.html, /KES\s1,000,000/);
      assert.match(page.html, /District: North/);
      assert.match(page.html, /KES\s300,000/);
    });

    it('lets the admin correct the process until voting opens, keeping its short name', async () => {
      const form = await adminClient.get('/c/alpha/budgets/pb-2027/edit');
      assert.equal(form.status, 200);
      assert.match(form.html, /id="budget" name="budget" type="text" value="1000000.00"/);
      assert.doesNotMatch(form.html, /name="slug"/);
      const bad = await adminClient.post('/c/alpha/budgets/pb-2027/edit', { ...processForm({ description: 'Clearer: what the city will build in 2027.', 'budget-north': '3,000' }) });
      assert.equal(bad.status, 400);
      assert.match(bad.html, /This amount can be read two ways/);
      const saved = await adminClient.post('/c/alpha/budgets/pb-2027/edit', { ...processForm({ description: 'Clearer: what the city will build in 2027.', slug: 'ignored' }) });
      assert.equal(saved.status, 303);
      assert.equal(saved.location, '/c/alpha/budgets/pb-2027?done=edit');
      const page = await adminClient.get(saved.location!);
      assert.match(page.html, /The changes are saved\./);
      assert.match(page.html, /Clearer: what the city will build in 2027\./);
      assert.equal((await residentClient.post('/c/alpha/budgets/pb-2027/edit', processForm())).status, 403);
    });

    it('collects ideas, then reviews them: accepted with a cost, merged, or rejected with a public reason', async () => {
      await residentClient.get('/c/alpha/budgets/pb-2027/ideas/new');
      assert.match((await residentClient.get('/c/alpha/budgets/pb-2027/ideas/new')).html, /not collecting ideas/);
      assert.equal(await move('ideas'), '/c/alpha/budgets/pb-2027?done=phase');
      const send = async (title: string, area = '') => {
        await residentClient.get('/c/alpha/budgets/pb-2027/ideas/new');
        return residentClient.post('/c/alpha/budgets/pb-2027/ideas', { title, description: `${title}, for everyone who lives here.`, area });
      };
      const unknownVoice = await residentClient.post('/c/alpha/budgets/pb-2027/ideas', { title: 'From a voice', description: 'An idea grown from a voice.', voiceReference: 'ALP-2020-999999' });
      assert.equal(unknownVoice.status, 422);
      assert.match(unknownVoice.html, /No voice of this city has this reference/);
      const voice = await submitVoice(database.db, { title: 'No water', description: 'The kiosk is dry.', category: 'water', area: 'north', lang: 'en', channel: 'web', secret: 's' }, null, f.alpha);
      assert.ok(voice.ok);
      await residentClient.get('/c/alpha/budgets/pb-2027/ideas/new');
      const fromVoice = await residentClient.post('/c/alpha/budgets/pb-2027/ideas', { title: 'Water kiosk', description: 'Water kiosk, for everyone who lives here.', area: 'north', voiceReference: voice.value.reference.toLowerCase() });
      assert.equal(fromVoice.status, 303);
      const [linked] = await queryRows<{ voice_reference: string }>(database.db, sql`select voice_reference from budgeting_idea`);
      assert.equal(linked!.voice_reference, voice.value.reference);
      for (const [title, area] of [['Street lights', ''], ['Clinic ramp', ''], ['More lights', ''], ['A statue of the mayor', ''], ['Market roof', '']] as const) {
        assert.equal((await send(title, area)).status, 303);
      }
      const ideas = await queryRows<{ id: string; title: string }>(database.db, sql`select id, title from budgeting_idea order by submitted_at, title`);
      const id = (title: string) => ideas.find((i) => i.title === title)!.id;
      const budgets = await queryRows<{ id: string; area: string | null }>(database.db, sql`select id, area from budgeting_budget`);
      const city = budgets.find((b) => b.area === null)!.id;
      const north = budgets.find((b) => b.area === 'north')!.id;

      const review = async (idea: string, decision: string, fields: Record<string, string>) => {
        await moderatorClient.get(`/c/alpha/budgets/pb-2027/review?idea=${idea}`);
        return moderatorClient.post(`/c/alpha/budgets/pb-2027/ideas/${idea}/${decision}`, fields);
      };
      const accept = (title: string, cost: string, budget: string) => review(id(title), 'accept', { title, description: `${title}, as the city will build it.`, cost, budget });
      const badCost = await accept('Water kiosk', '1,500', north);
      assert.equal(badCost.status, 422);
      assert.match(badCost.html, /This amount can be read two ways/);
      assert.equal((await accept('Water kiosk', '200000', north)).status, 200);
      assert.equal((await accept('Street lights', '600000', city)).status, 200);
      assert.equal((await accept('Clinic ramp', '450000', city)).status, 200);
      assert.equal((await accept('Market roof', '350000', city)).status, 200);
      const merged = await review(id('More lights'), 'merge', { project: '2' });
      assert.match(merged.html, /merged into the project/);
      const shortReason = await review(id('A statue of the mayor'), 'reject', { reason: 'No.' });
      assert.equal(shortReason.status, 400);
      assert.equal((await review(id('A statue of the mayor'), 'reject', { reason: 'Projects must serve residents, not honour officials.' })).status, 200);
      const twice = await review(id('A statue of the mayor'), 'accept', { title: 'Statue', description: 'A statue of the mayor.', cost: '5', budget: city });
      assert.equal(twice.status, 409);
      assert.match(twice.html, /already been reviewed/);

      const page = await residentClient.get('/c/alpha/budgets/pb-2027');
      assert.match(page.html, /not taken forward/);
      assert.match(page.html, /Projects must serve residents, not honour officials\./);
      assert.match(page.html, /merged into project 2/);
      assert.match(page.html, /No\. 1<\/strong> <a href="\/c\/alpha\/budgets\/pb-2027\/projects\/1">Water kiosk<\/a>/);
      // A resident cannot review.
      assert.equal((await residentClient.post(`/c/alpha/budgets/pb-2027/ideas/${id('Water kiosk')}/reject`, { reason: 'A resident tries to reject this.' })).status, 403);
    });

    it('opens the vote; the ballot keeps a running total without JavaScript and refuses a selection over the budget, storing nothing', async () => {
      await move('review');
      await move('voting');
      await adminClient.get('/c/alpha/budgets/pb-2027/edit');
      const late = await adminClient.post('/c/alpha/budgets/pb-2027/edit', processForm({ rule: 'greedy', completion: 'none' }));
      assert.equal(late.status, 409);
      assert.match(late.html, /Voting has opened: the rules of the vote can no longer change/);
      const first = await residentClient.get('/c/alpha/budgets/pb-2027/vote');
      assert.match(first.html, /Your district/, 'a process with district budgets asks for the district first');
      const ballot = await residentClient.get('/c/alpha/budgets/pb-2027/vote?area=north');
      assert.match(ballot.html, /Left: KES\s1,000,000/);
      assert.match(ballot.html, /<script src="\/static\/baraza-[0-9a-f]{12}\.js" defer>/);
      const check = await residentClient.post('/c/alpha/budgets/pb-2027/vote', { area: 'north', 'p-2': 'yes', 'p-3': 'yes', action: 'check' });
      assert.equal(check.status, 200);
      assert.match(check.html, /Over the budget by KES\s50,000/);
      assert.match(check.html, /id="p-2" name="p-2" value="yes" checked/);
      const over = await residentClient.post('/c/alpha/budgets/pb-2027/vote', { area: 'north', 'p-2': 'yes', 'p-3': 'yes', ageConfirmed: 'yes', action: 'cast' });
      assert.equal(over.status, 422);
      assert.match(over.html, /Your choices cost more than the budget/);
      const young = await residentClient.post('/c/alpha/budgets/pb-2027/vote', { area: 'north', 'p-2': 'yes', action: 'cast' });
      assert.equal(young.status, 422);
      assert.match(young.html, /Only people aged 16 or older may vote/);
      const count = await queryRows<{ n: number }>(database.db, sql`select (select count(*) from budgeting_ballot)::int + (select count(*) from budgeting_voter)::int as n`);
      assert.equal(count[0]!.n, 0);
      const cast = await residentClient.post('/c/alpha/budgets/pb-2027/vote', { area: 'north', 'p-2': 'yes', 'p-1': 'yes', ageConfirmed: 'yes', sex: 'female', ageBand: '25-34', action: 'cast' });
      assert.equal(cast.status, 200);
      assert.match(cast.html, /Your ballot is counted/);
      const again = await residentClient.post('/c/alpha/budgets/pb-2027/vote', { area: 'north', 'p-3': 'yes', ageConfirmed: 'yes', action: 'cast' });
      assert.equal(again.status, 409);
      assert.match(again.html, /You have already voted in this process/);
    });

    it('counts one ballot per person even when the same person submits many at once', async () => {
      const city = f.alpha;
      const process = (await getProcess(database.db, city.id, 'pb-2027'))!;
      const cityBudget = process.budgets.find((b) => b.area === null)!.id;
      await registerUser(database.db, { name: 'racer', email: 'racer@example.org', password: PASSWORD });
      await grantRole(database.db, { email: 'racer@example.org', tenantSlug: 'alpha', role: 'resident' }, null);
      const [user] = await queryRows<{ id: string }>(database.db, sql`select id from core_user where email = 'racer@example.org'`);
      const racer = (await loadActor(database.db, await createSession(database.db, user!.id)))!;
      const results = await Promise.all(Array.from({ length: 8 }, () => castBallot(database.db, {
        process: 'pb-2027', voter: { kind: 'account' }, channel: 'web', area: 'south', ageConfirmed: true, choices: { [cityBudget]: { projects: ['3'] } }, secret: t.config.secret,
      }, racer, city)));
      assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
      assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.refusal.error === 'already-voted'));
      const [counts] = await queryRows<{ voters: number; ballots: number }>(database.db, sql`
        select (select count(*) from budgeting_voter)::int as voters, (select count(*) from budgeting_ballot)::int as ballots`);
      assert.deepEqual(counts, { voters: 2, ballots: 2 });
    });

    it('lets people without an account vote once with a printed code, and slows down guessing', async () => {
      const codesPage = await adminClient.get('/c/alpha/budgets/pb-2027/codes');
      assert.equal(codesPage.status, 200);
      const bad = await adminClient.post('/c/alpha/budgets/pb-2027/codes', { count: '5000' });
      assert.equal(bad.status, 400, /<main[^]*<\/main>/.exec(bad.html)?.[0]);
      const sheet = await adminClient.post('/c/alpha/budgets/pb-2027/codes', { count: '8' });
      const codes = [...sheet.html.matchAll(/<code class="code">([A-Z0-9-]+)<\/code>/g)].map((m) => m[1]!);
      assert.equal(codes.length, 8);
      assert.match(sheet.html, /Print this page now/);
      const stored = await queryRows<{ code_hash: string }>(database.db, sql`select code_hash from budgeting_code`);
      assert.ok(stored.every((row) => !codes.some((code) => row.code_hash.includes(code.replace('-', '')))), 'only hashes are kept');

      const guesser = testApp(database, { BARAZA_RATE_LIMIT_LOGINS: '3' });
      const anonymous = new Client(guesser.app);
      const vote = async (fields: Record<string, string>) => {
        await anonymous.get('/c/alpha/budgets/pb-2027/vote?area=south');
        return anonymous.post('/c/alpha/budgets/pb-2027/vote', { area: 'south', ageConfirmed: 'yes', action: 'cast', ...fields });
      };
      const noCode = await vote({ 'p-3': 'yes' });
      assert.equal(noCode.status, 400);
      assert.match(noCode.html, /Write the code on your voting slip/);
      // Codes are read the way people type them: any case, spaces and dashes.
      const ok = await vote({ 'p-3': 'yes', code: ` ${codes[0]!.toLowerCase().replace('-', ' ')} ` });
      assert.equal(ok.status, 200);
      const reused = await vote({ 'p-4': 'yes', code: codes[0]! });
      assert.equal(reused.status, 409);
      assert.match(reused.html, /This code has already been used/);
      for (let i = 0; i < 3; i++) {
        const wrong = await vote({ 'p-4': 'yes', code: `ZZZZZ-ZZZZ${i}` });
        assert.equal(wrong.status, 422);
        assert.match(wrong.html, /This code is not valid for this vote/);
      }
      const limited = await vote({ 'p-4': 'yes', code: codes[1]! });
      assert.equal(limited.status, 429);
      assert.match(limited.html, /Too many wrong codes/);
      // The same code sent from ten browsers at once: one ballot counts, the others are told the code is used.
      const racers = await Promise.all(Array.from({ length: 10 }, async () => {
        const racer = new Client(t.app);
        await racer.get('/c/alpha/budgets/pb-2027/vote?area=south');
        return racer.post('/c/alpha/budgets/pb-2027/vote', { area: 'south', ageConfirmed: 'yes', action: 'cast', 'p-4': 'yes', code: codes[7]! });
      }));
      assert.deepEqual(racers.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      // Another connection is not held back.
      for (const [i, code] of codes.slice(1, 7).entries()) {
        const other = new Client(t.app);
        await other.get('/c/alpha/budgets/pb-2027/vote?area=north');
        const res = await other.post('/c/alpha/budgets/pb-2027/vote', { ageConfirmed: 'yes', action: 'cast', area: i % 2 ? 'north' : 'south', 'p-4': 'yes', ...(i < 3 ? { 'p-3': 'yes' } : {}), code, sex: 'male', ageBand: '35-49' });
        assert.equal(res.status, 200, `code ${i}`);
      }
    });

    it('publishes results that explain themselves, with anonymised ballots anyone can recount', async () => {
      const early = await residentClient.get('/c/alpha/budgets/pb-2027/results');
      assert.equal(early.status, 409);
      await move('results');
      const [links] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from budgeting_voter where ballot_id is not null`);
      assert.equal(links!.n, 0, 'closing the vote unlinks every ballot from its voter');
      const shut = await residentClient.post('/c/alpha/budgets/pb-2027/vote', { area: 'north', 'p-1': 'yes', ageConfirmed: 'yes', action: 'cast' });
      assert.equal(shut.status, 409);

      const page = await residentClient.get('/c/alpha/budgets/pb-2027/results');
      assert.equal(page.status, 200);
      assert.match(page.html, /Rule: Equal shares/);
      assert.match(page.html, /Most votes first/, 'greedy is shown beside equal shares');
      assert.match(page.html, /of voters \(\d+\) chose at least one funded project/);
      assert.match(page.html, /Who voted: 10 people/);
      assert.match(page.html, /withheld/, 'groups under five are withheld');
      const file = /href="(\/c\/alpha\/budgets\/pb-2027\/ballots\/pb-2027-city\.pb)"/.exec(page.html)![1]!;
      const published = /SHA-256: <code class="hash">([0-9a-f]{64})<\/code>/.exec(page.html)![1]!;
      const download = await residentClient.get(file);
      assert.equal(download.status, 200);
      assert.equal(createHash('sha256').update(download.html).digest('hex'), published);
      const parsed = parsePb(download.html);
      assert.ok(parsed.ok);
      assert.equal(parsed.election.ballots.length, 10);
      assert.ok(!/racer|resident@|female|male/.test(download.html), 'no identity or demographics in the published ballots');
      const outcome = tally(parsed.election, 'mes', 'add1');
      for (const code of outcome.selected) assert.match(page.html, new RegExp(`No\\. ${code}</th>|No\\. ${code} `));
      const fundedRows = [...page.html.matchAll(/<th scope="row">No\. (\d+)[^<]*<\/th><td>[^<]*<\/td><td>[^<]*<\/td><td>Funded<\/td>/g)].map((m) => m[1]);
      assert.deepEqual(fundedRows.filter((c) => c !== '1').sort(), [...outcome.selected].sort());
    });

    it('records the winners and lets staff report their progress, which anyone can follow', async () => {
      const funded = await queryRows<{ code: string; funded: boolean }>(database.db, sql`select code, funded from budgeting_project order by code`);
      assert.ok(funded.some((p) => p.funded) && funded.some((p) => !p.funded), JSON.stringify(funded));
      const winner = funded.find((p) => p.funded)!.code;
      const loser = funded.find((p) => !p.funded)!.code;
      await moderatorClient.get(`/c/alpha/budgets/pb-2027/projects/${winner}`);
      const early = await moderatorClient.post(`/c/alpha/budgets/pb-2027/projects/${winner}/progress`, { progress: 'planned', note: 'The county engineers will survey the site.' });
      assert.equal(early.status, 409);
      assert.match(early.html, /once the projects are being built/);
      await move('implementation');
      const report = (code: string, fields: Record<string, string>) => moderatorClient.post(`/c/alpha/budgets/pb-2027/projects/${code}/progress`, fields);
      assert.equal((await report(winner, { progress: 'planned', note: 'Short' })).status, 400);
      assert.equal((await report(loser, { progress: 'planned', note: 'This project did not win the vote.' })).status, 409);
      const posted = await report(winner, { progress: 'in-progress', note: 'Digging started on Monday & the pipes arrive next week.' });
      assert.equal(posted.status, 303);
      const page = await residentClient.get(posted.location!);
      assert.match(page.html, /Digging started on Monday &amp; the pipes arrive next week\./);
      assert.match(page.html, /<dd>In progress<\/dd>/);
      assert.doesNotMatch(page.html, /Publish the report/, 'residents read reports, staff write them');
      assert.equal((await residentClient.post(`/c/alpha/budgets/pb-2027/projects/${winner}/progress`, { progress: 'done', note: 'A resident claims it is done.' })).status, 403);
      const feed = await residentClient.get('/c/alpha/budgets/pb-2027/updates.atom');
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get('content-type')!, /application\/atom\+xml/);
      assert.match(feed.html, /<content type="text">Digging started on Monday &#38; the pipes arrive next week\.<\/content>/);
      assert.match(feed.html, /<title>No\. \d+ [^<]+: In progress<\/title>/);
    });

    it('audits every change in an unbroken chain that names no ballot', async () => {
      const verdict = await verifyAudit(database.db);
      assert.equal(verdict.ok, true);
      const actions = await queryRows<{ action: string; n: number }>(database.db, sql`
        select action, count(*)::int as n from core_audit where tenant_id = ${f.alpha.id} and action like 'budgeting.%' group by action order by action`);
      assert.deepEqual(Object.fromEntries(actions.map((a) => [a.action, a.n])), {
        'budgeting.ballot.cast': 10, 'budgeting.codes.generate': 1, 'budgeting.idea.accept': 4, 'budgeting.idea.merge': 1,
        'budgeting.idea.reject': 1, 'budgeting.idea.submit': 6, 'budgeting.process.create': 1, 'budgeting.process.phase': 5, 'budgeting.process.update': 1, 'budgeting.project.progress': 1,
      });
    });
  });
}
