// axe-core on every page a person can reach, signed out and signed in, in every language the app
// has, with JavaScript off: the pages the journeys in voices.test.ts do not pass through.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, expectAccessible, browserWithoutScript } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { ACCOUNTS, PASSWORD } from '../test/support/fixtures.ts';
import { actorOf } from '../test/support/actors.ts';
import { submitVoice, publishVoice, hideVoice, createPriority, addVoiceToPriority, TEXT_HOOK_PATH, hookToken } from '../src/modules/voices/index.ts';
import { findTenantBySlug } from '../src/core/tenancy/index.ts';
import { LOCALES } from '../src/core/i18n/index.ts';
import { seedBudgets } from '../test/support/budgets.ts';

describe('every page passes axe-core', () => {
  let server: RunningServer;
  let browser: Browser;
  const refs: Record<string, string> = {};
  let priorityId = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const alpha = (await findTenantBySlug(db, 'alpha'))!;
    const moderator = await actorOf(db, 'moderator');
    const make = async (title: string) => {
      const r = await submitVoice(db, { title, description: 'A voice for the accessibility sweep.', category: 'water', area: 'north', lang: 'en', channel: 'web', secret: 's' }, null, alpha);
      assert.ok(r.ok);
      return r.value.reference;
    };
    refs.published = await make('Published voice for the sweep');
    refs.hidden = await make('Hidden voice for the sweep');
    refs.pending = await make('Pending voice for the sweep');
    await publishVoice(db, { reference: refs.published }, moderator, alpha);
    await hideVoice(db, { reference: refs.hidden, reason: 'Personal data' }, moderator, alpha);
    const p = await createPriority(db, { title: 'Water for all', description: 'Kiosks near every home', lang: 'en' }, moderator, alpha);
    priorityId = p.ok ? p.value.id : '';
    await addVoiceToPriority(db, { reference: refs.published, priorityId }, moderator, alpha);
    // A text and its reply, so the delivery log has a row to show.
    const sms = await fetch(`${server.url}${TEXT_HOOK_PATH}/africas-talking/alpha?token=${hookToken(server.secret, alpha.id, 'africas-talking')}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ from: '+254711000099', text: 'WATER the North kiosk is dry again', id: 'ATXid_sweep' }).toString(),
    });
    assert.equal(sms.status, 200);
    await seedBudgets(db, alpha, server.secret);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** An upload page, then the same page listing the problems of a CSV file sent to it: both checked. */
  async function uploadWithProblems(page: Page, path: string, csv: string): Promise<void> {
    await page.goto(path);
    await expectAccessible(page);
    await page.locator('#file').setInputFiles({ name: 'file.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator(`form[action="${path}"] button[type=submit]`).click();
    await page.waitForSelector('table');
    await expectAccessible(page);
  }

  /** The language each browser context asks for, so every page checked is checked in it. */
  const languageOf = new WeakMap<BrowserContext, string>();

  async function check(page: Page, paths: string[], expectStatus = (path: string) => (path.includes('nowhere') ? 404 : 200)) {
    for (const path of paths) {
      const res = await page.goto(path);
      assert.equal(res?.status(), expectStatus(path), path);
      const lang = languageOf.get(page.context());
      if (lang) assert.equal(await page.locator('html').getAttribute('lang'), lang, `${path} is in the browser's language`);
      await expectAccessible(page);
    }
  }

  for (const locale of LOCALES) {
    it(`signed out, ${locale}`, async () => {
      const context = await browserWithoutScript(browser, locale, server.url);
      languageOf.set(context, locale);
      const page = await context.newPage();
      await check(page, [
        '/c/alpha/priorities', `/c/alpha/priorities/${priorityId}`, `/c/alpha/voices/${refs.published}`,
        `/c/alpha/voices/${refs.hidden}`, `/c/alpha/voices/${refs.pending}`, '/c/alpha/voices?q=sweep&status=received',
        '/account/register', '/account/forgot', '/account/reset?token=x', '/c/alpha/paper-form', '/c/alpha/inclusion', '/c/alpha/nowhere',
        '/c/alpha/budgets', '/c/alpha/budgets/vote', '/c/alpha/budgets/collect', '/c/alpha/budgets/vote/vote', '/c/alpha/budgets/vote/vote?area=north',
        '/c/alpha/budgets/done/results', '/c/alpha/budgets/done/projects/1',
      ]);
      // A ballot over the budget, checked without JavaScript: the running total and the error.
      await page.goto('/c/alpha/budgets/vote/vote?area=south');
      for (const code of ['1', '2', '3']) await page.locator(`#p-${code}`).check();
      await page.locator('button[value=cast]').click();
      await page.waitForSelector('.error-summary');
      await expectAccessible(page);
      await context.close();
    });

    it(`signed in as a city admin, ${locale}`, async () => {
      const context = await browserWithoutScript(browser, locale, server.url);
      languageOf.set(context, locale);
      const page = await context.newPage();
      await page.goto('/account/login');
      await page.locator('#email').fill(ACCOUNTS.cityAdmin.email);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('form[action="/account/login"] button').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/account/login'));
      await check(page, [
        '/account', '/c/alpha/settings', '/c/alpha/settings/texts', '/c/alpha/moderate?view=open', '/c/alpha/moderate?view=hidden',
        '/c/alpha/moderate?view=closed', `/c/alpha/moderate/voices/${refs.hidden}`, `/c/alpha/voices/${refs.published}`, '/c/alpha/assist',
        '/c/alpha/inclusion', '/c/alpha/inclusion/population', '/c/alpha/budgets/new', '/c/alpha/budgets/collect',
        '/c/alpha/budgets/collect/review', '/c/alpha/budgets/vote/codes', '/c/alpha/budgets/done', '/c/alpha/budgets/done/projects/2',
        '/c/alpha/budgets/vote/paper', '/c/alpha/budgets/vote/paper/review', '/c/alpha/budgets/collect/edit',
      ]);
      // A paper sheet typed in with a choice over the budget, with its error summary.
      await page.goto('/c/alpha/budgets/vote/paper');
      await page.locator('#sheet').fill('E2E1');
      for (const code of ['1', '2', '3']) await page.locator(`#p-${code}`).check();
      await page.locator('button[value=cast]').click();
      await page.waitForSelector('.error-summary');
      await expectAccessible(page);
      // A process form sent empty, with its error summary; a sheet of voting codes.
      await page.goto('/c/alpha/budgets/new');
      await page.locator('form[action="/c/alpha/budgets"] button').click();
      await page.waitForSelector('.error-summary');
      await expectAccessible(page);
      await page.goto('/c/alpha/budgets/vote/codes');
      await page.locator('#count').fill('3');
      await page.locator('form[action="/c/alpha/budgets/vote/codes"] button').click();
      await page.waitForSelector('.slip');
      await expectAccessible(page);
      // A population file with problems, listed by row.
      await uploadWithProblems(page, '/c/alpha/inclusion/population', 'area,sex,age_band,people\neast,woman,teen,many\n');
      // An assisted voice sent without the person's consent, with its error summary.
      await page.goto('/c/alpha/assist');
      await page.locator('form[action="/c/alpha/assist"] button[type=submit]').click();
      await expectAccessible(page);
      // A file of paper forms with problems, listed by row.
      await uploadWithProblems(page, '/c/alpha/assist/import', 'title,description,category,consent\nHi,short,nothing,no\n');
      // A failed settings form, with its error summary.
      await page.goto('/c/alpha/settings');
      await page.locator('form[action="/c/alpha/settings/areas"] button').click();
      await expectAccessible(page);
      await context.close();
    });
  }
});
