// Walks every route × every role and checks the answer, so that a moderator of one city can do
// nothing in another and no write is open to the wrong people. A route added to the app without
// a row here fails the coverage check.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testEngines, type TestDatabase } from './support/databases.ts';
import { seedFixtures, ACCOUNTS, PASSWORD, type Fixtures } from './support/fixtures.ts';
import { testApp } from './support/app.ts';
import { Client, signIn } from './support/client.ts';
import { submitVoice, createPriority } from '../src/modules/voices/index.ts';
import { actorOf } from './support/actors.ts';
import { seedBudgets } from './support/budgets.ts';

type Who = 'anonymous' | keyof typeof ACCOUNTS;
const EVERYONE: Who[] = ['anonymous', ...(Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[])];
const SIGNED_IN = EVERYONE.filter((w) => w !== 'anonymous');
const ALPHA_MODERATORS: Who[] = ['moderator', 'cityAdmin'];
const ALPHA_ADMINS: Who[] = ['cityAdmin', 'platformAdmin'];
const ALPHA_HELPERS: Who[] = ['facilitator', 'moderator', 'cityAdmin'];
const ALPHA_REVIEWERS: Who[] = ['moderator', 'cityAdmin', 'platformAdmin'];

interface Row {
  method: 'GET' | 'POST';
  /** The route as the app declares it. */
  route: string;
  /** The concrete path; `{ref}` is a fresh voice of alpha, `{betaRef}` one of beta, `{n}` unique per request. */
  path: string;
  fields?: Record<string, string>;
  /** Expected status for those allowed, and for everyone else. */
  allowed: Who[];
  ok: number;
  denied: number | ((who: Who) => number);
  /** Sent from a fresh, signed-out browser (registering signs the browser in as someone new). */
  fresh?: boolean;
}

const anonymousRedirects = (who: Who) => (who === 'anonymous' ? 303 : 403);

const ROWS: Row[] = [
  { method: 'GET', route: '/', path: '/', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/healthz', path: '/healthz', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/lang/:code', path: '/lang/fr?next=/', allowed: EVERYONE, ok: 303, denied: 0 },
  { method: 'GET', route: '/account/login', path: '/account/login', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/account/register', path: '/account/register', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/account/forgot', path: '/account/forgot', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/account/reset', path: '/account/reset?token=x', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/account', path: '/account', allowed: SIGNED_IN, ok: 200, denied: 303 },
  { method: 'POST', route: '/account/password', path: '/account/password', fields: { currentPassword: 'wrong one here', newPassword: 'irrelevant password' }, allowed: SIGNED_IN, ok: 400, denied: 401 },
  { method: 'POST', route: '/account/login', path: '/account/login', fields: { email: 'nobody@example.org', password: 'nothing at all' }, allowed: EVERYONE, ok: 401, denied: 0 },
  { method: 'POST', route: '/account/register', path: '/account/register', fields: { name: 'N', email: 'new{n}@example.org', password: 'long enough password' }, allowed: EVERYONE, ok: 303, denied: 0, fresh: true },
  { method: 'POST', route: '/account/forgot', path: '/account/forgot', fields: { email: 'nobody@example.org' }, allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'POST', route: '/account/reset', path: '/account/reset', fields: { token: 'not-a-real-token', newPassword: 'long enough password' }, allowed: EVERYONE, ok: 400, denied: 0 },
  { method: 'GET', route: '/c/:city', path: '/c/alpha', allowed: EVERYONE, ok: 303, denied: 0 },
  { method: 'GET', route: '/c/:city/voices', path: '/c/alpha/voices', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/voices/new', path: '/c/alpha/voices/new', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/voices/new', path: '/c/beta/voices/new', allowed: SIGNED_IN, ok: 200, denied: 303 },
  { method: 'POST', route: '/c/:city/voices', path: '/c/alpha/voices', fields: { title: 'Matrix voice', description: 'Made by the matrix test.', category: 'water', area: 'north' }, allowed: EVERYONE, ok: 303, denied: 0 },
  { method: 'POST', route: '/c/:city/voices', path: '/c/beta/voices', fields: { title: 'Matrix voice', description: 'Made by the matrix test.', category: 'water', area: 'north' }, allowed: SIGNED_IN, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/assist', path: '/c/alpha/assist', allowed: ALPHA_HELPERS, ok: 200, denied: anonymousRedirects },
  { method: 'GET', route: '/c/:city/assist', path: '/c/beta/assist', allowed: ['betaModerator'], ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/assist', path: '/c/alpha/assist', fields: { consent: 'yes', title: 'Matrix voice', description: 'Entered by the matrix test.', category: 'water', area: 'north' }, allowed: ALPHA_HELPERS, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/assist/import', path: '/c/alpha/assist/import', allowed: ALPHA_HELPERS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/assist/import', path: '/c/alpha/assist/import', allowed: ALPHA_HELPERS, ok: 400, denied: 403 },
  { method: 'GET', route: '/c/:city/paper-form', path: '/c/alpha/paper-form', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/find', path: '/c/alpha/find?ref={ref}', allowed: EVERYONE, ok: 303, denied: 0 },
  { method: 'GET', route: '/c/:city/voices/:reference', path: '/c/alpha/voices/{ref}', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'POST', route: '/c/:city/voices/:reference/support', path: '/c/beta/voices/{betaRef}/support', allowed: SIGNED_IN, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/priorities', path: '/c/alpha/priorities', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/priorities/:id', path: '/c/alpha/priorities/{priority}', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/moderate', path: '/c/alpha/moderate', allowed: ALPHA_MODERATORS, ok: 200, denied: anonymousRedirects },
  { method: 'GET', route: '/c/:city/moderate', path: '/c/beta/moderate', allowed: ['betaModerator'], ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/moderate/priorities', path: '/c/alpha/moderate/priorities', fields: { title: 'Matrix priority', description: 'From the matrix' }, allowed: ALPHA_MODERATORS, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/moderate/voices/:reference', path: '/c/alpha/moderate/voices/{ref}', allowed: ALPHA_MODERATORS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/moderate/voices/:reference/publish', path: '/c/alpha/moderate/voices/{ref}/publish', allowed: ALPHA_MODERATORS, ok: 303, denied: 403 },
  { method: 'POST', route: '/c/:city/moderate/voices/:reference/hide', path: '/c/alpha/moderate/voices/{ref}/hide', fields: { reason: 'Matrix reason' }, allowed: ALPHA_MODERATORS, ok: 303, denied: 403 },
  { method: 'POST', route: '/c/:city/moderate/voices/:reference/reply', path: '/c/alpha/moderate/voices/{ref}/reply', fields: { body: 'Matrix reply' }, allowed: ALPHA_MODERATORS, ok: 303, denied: 403 },
  { method: 'POST', route: '/c/:city/moderate/voices/:reference/status', path: '/c/alpha/moderate/voices/{ref}/status', fields: { status: 'under_review' }, allowed: ALPHA_MODERATORS, ok: 303, denied: 403 },
  { method: 'POST', route: '/c/:city/moderate/voices/:reference/merge', path: '/c/alpha/moderate/voices/{ref}/merge', fields: { into: '{ref2}' }, allowed: ALPHA_MODERATORS, ok: 303, denied: 403 },
  { method: 'POST', route: '/c/:city/moderate/voices/:reference/priority', path: '/c/alpha/moderate/voices/{ref}/priority', fields: { priority: '{priority}' }, allowed: ALPHA_MODERATORS, ok: 303, denied: 403 },
  { method: 'POST', route: '/c/:city/moderate/voices/:reference/hide', path: '/c/beta/moderate/voices/{betaPending}/hide', fields: { reason: 'Cross-city attempt' }, allowed: ['betaModerator'], ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/settings', path: '/c/alpha/settings', allowed: ALPHA_ADMINS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/settings/categories', path: '/c/alpha/settings/categories', fields: { slug: 'cat-{n}', name_en: 'Matrix category' }, allowed: ALPHA_ADMINS, ok: 303, denied: 403 },
  { method: 'POST', route: '/c/:city/settings/areas', path: '/c/alpha/settings/areas', fields: { slug: 'area-{n}', name: 'Matrix area' }, allowed: ALPHA_ADMINS, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/settings/texts', path: '/c/alpha/settings/texts', allowed: ALPHA_ADMINS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/settings/texts', path: '/c/alpha/settings/texts', fields: { category: 'water', area: '' }, allowed: ALPHA_ADMINS, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/inclusion', path: '/c/alpha/inclusion', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/inclusion.csv', path: '/c/alpha/inclusion.csv', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/inclusion/population', path: '/c/alpha/inclusion/population', allowed: ALPHA_ADMINS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/inclusion/population', path: '/c/alpha/inclusion/population', allowed: ALPHA_ADMINS, ok: 400, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets', path: '/c/alpha/budgets', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/budgets/new', path: '/c/alpha/budgets/new', allowed: ALPHA_ADMINS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/budgets', path: '/c/alpha/budgets', fields: { title: 'Matrix budget', slug: 'matrix-{n}', description: 'Made by the matrix test.', currency: 'KES', budget: '1000', ballotKind: 'approval-budget', rule: 'mes' }, allowed: ALPHA_ADMINS, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets/:process', path: '/c/alpha/budgets/vote', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'POST', route: '/c/:city/budgets/:process/phase', path: '/c/alpha/budgets/collect/phase', fields: { to: 'results' }, allowed: ALPHA_ADMINS, ok: 303, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets/:process/ideas/new', path: '/c/alpha/budgets/collect/ideas/new', allowed: SIGNED_IN, ok: 200, denied: 303 },
  { method: 'POST', route: '/c/:city/budgets/:process/ideas', path: '/c/alpha/budgets/collect/ideas', fields: { title: 'Matrix idea', description: 'An idea from the matrix test.' }, allowed: SIGNED_IN, ok: 303, denied: 303 },
  { method: 'GET', route: '/c/:city/budgets/:process/review', path: '/c/alpha/budgets/collect/review', allowed: ALPHA_REVIEWERS, ok: 200, denied: anonymousRedirects },
  { method: 'GET', route: '/c/:city/budgets/:process/review', path: '/c/beta/budgets/collect/review', allowed: [], ok: 200, denied: 404 },
  { method: 'POST', route: '/c/:city/budgets/:process/ideas/:idea/accept', path: '/c/alpha/budgets/collect/ideas/00000000-0000-4000-8000-000000000001/accept', allowed: ALPHA_REVIEWERS, ok: 400, denied: 403 },
  { method: 'POST', route: '/c/:city/budgets/:process/ideas/:idea/merge', path: '/c/alpha/budgets/collect/ideas/00000000-0000-4000-8000-000000000001/merge', allowed: ALPHA_REVIEWERS, ok: 400, denied: 403 },
  { method: 'POST', route: '/c/:city/budgets/:process/ideas/:idea/reject', path: '/c/alpha/budgets/collect/ideas/00000000-0000-4000-8000-000000000001/reject', fields: { reason: 'x' }, allowed: ALPHA_REVIEWERS, ok: 400, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets/:process/vote', path: '/c/alpha/budgets/vote/vote', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'POST', route: '/c/:city/budgets/:process/vote', path: '/c/alpha/budgets/vote/vote', fields: { action: 'check', 'p-1': 'yes' }, allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/budgets/:process/results', path: '/c/alpha/budgets/done/results', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/budgets/:process/ballots/:file', path: '/c/alpha/budgets/done/ballots/done-city.pb', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/budgets/:process/codes', path: '/c/alpha/budgets/vote/codes', allowed: ALPHA_ADMINS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/budgets/:process/codes', path: '/c/alpha/budgets/vote/codes', fields: { count: 'many' }, allowed: ALPHA_ADMINS, ok: 400, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets/:process/projects/:code', path: '/c/alpha/budgets/done/projects/1', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'POST', route: '/c/:city/budgets/:process/projects/:code/progress', path: '/c/alpha/budgets/done/projects/1/progress', allowed: ALPHA_REVIEWERS, ok: 400, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets/:process/updates.atom', path: '/c/alpha/budgets/done/updates.atom', allowed: EVERYONE, ok: 200, denied: 0 },
  { method: 'GET', route: '/c/:city/budgets/:process/paper', path: '/c/alpha/budgets/vote/paper', allowed: ALPHA_HELPERS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/budgets/:process/paper', path: '/c/alpha/budgets/vote/paper', fields: { action: 'check' }, allowed: ALPHA_HELPERS, ok: 200, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets/:process/paper/review', path: '/c/alpha/budgets/vote/paper/review', allowed: ALPHA_REVIEWERS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/budgets/:process/paper/:sheet/settle', path: '/c/alpha/budgets/vote/paper/NOSUCH/settle', fields: { keep: 'none' }, allowed: ALPHA_REVIEWERS, ok: 404, denied: 403 },
  { method: 'POST', route: '/c/:city/budgets/:process/codes/sms', path: '/c/alpha/budgets/vote/codes/sms', fields: { phones: '' }, allowed: ALPHA_ADMINS, ok: 400, denied: 403 },
  { method: 'GET', route: '/c/:city/budgets/:process/edit', path: '/c/alpha/budgets/collect/edit', allowed: ALPHA_ADMINS, ok: 200, denied: anonymousRedirects },
  { method: 'POST', route: '/c/:city/budgets/:process/edit', path: '/c/alpha/budgets/collect/edit', fields: { title: '' }, allowed: ALPHA_ADMINS, ok: 400, denied: 403 },
  { method: 'POST', route: '/account/logout', path: '/account/logout', allowed: EVERYONE, ok: 303, denied: 0 },
];

// Routes answered by the JSON API, the stylesheet, gateways' callbacks and Open311 (which authenticate
// by token or API key, not by role) are covered by their own tests.
const COVERED_ELSEWHERE = [/^\/api\/v1\//, /^\/static\//, /^\/hooks\//, /^\/open311\//];

for (const engine of await testEngines()) {
  describe(`authorisation matrix on ${engine.name}`, () => {
    let database: TestDatabase;
    let f: Fixtures;
    let t: ReturnType<typeof testApp>;
    let priorityId = '';
    let n = 0;
    before(async () => {
      database = await engine.open();
      f = await seedFixtures(database.db);
      t = testApp(database);
      const moderator = await actorOf(database.db, 'moderator');
      const p = await createPriority(database.db, { title: 'P', description: 'D', lang: 'en' }, moderator, f.alpha);
      if (p.ok) priorityId = p.value.id;
      await seedBudgets(database.db, f.alpha, t.config.secret);
    });
    after(() => database.dispose());

    const freshVoice = async (city: 'alpha' | 'beta') => {
      const resident = await actorOf(database.db, 'resident');
      const r = await submitVoice(database.db, {
        title: `Matrix voice ${++n}`, description: 'A voice for the matrix test.', category: 'water', area: 'north',
        lang: 'en', channel: 'web', secret: t.config.secret,
      }, resident, city === 'alpha' ? f.alpha : f.beta);
      assert.ok(r.ok);
      return r.value.reference;
    };

    it('covers every route the app serves', () => {
      const served = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
      const covered = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
      const missing = [...served].filter((s) => !covered.has(s) && !COVERED_ELSEWHERE.some((re) => re.test(s.split(' ')[1]!)));
      assert.deepEqual(missing, []);
    });

    for (const who of EVERYONE) {
      it(`answers ${who} as expected on every route`, async () => {
        const client = new Client(t.app);
        if (who !== 'anonymous') await signIn(client, ACCOUNTS[who].email, PASSWORD);
        const failures: string[] = [];
        for (const row of ROWS) {
          const allowed = row.allowed.includes(who);
          const expected = allowed ? row.ok : typeof row.denied === 'function' ? row.denied(who) : row.denied;
          const fill = async (s: string) => {
            let out = s.replaceAll('{n}', String(++n)).replaceAll('{priority}', priorityId);
            if (out.includes('{ref2}')) out = out.replaceAll('{ref2}', await freshVoice('alpha'));
            if (out.includes('{ref}')) out = out.replaceAll('{ref}', await freshVoice('alpha'));
            if (out.includes('{betaRef}')) out = out.replaceAll('{betaRef}', await freshVoice('beta'));
            if (out.includes('{betaPending}')) out = out.replaceAll('{betaPending}', await freshVoice('beta'));
            return out;
          };
          const path = await fill(row.path);
          if (row.path === '/account/logout') continue; // run last, below
          const browser = row.fresh ? new Client(t.app) : client;
          await browser.get('/account/login');
          let status: number;
          if (row.method === 'GET') status = (await browser.get(path)).status;
          else {
            const fields: Record<string, string> = {};
            for (const [k, v] of Object.entries(row.fields ?? {})) fields[k] = await fill(v);
            status = (await browser.post(path, fields)).status;
          }
          if (status !== expected) failures.push(`${row.method} ${path}: ${status}, expected ${expected}`);
        }
        await client.get('/');
        const logout = await client.post('/account/logout', {});
        if (logout.status !== 303) failures.push(`POST /account/logout: ${logout.status}`);
        assert.deepEqual(failures, []);
      });
    }
  });
}
