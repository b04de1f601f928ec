// A resident votes in a real browser: the running total of what is left follows their choices
// as they tick (JavaScript on) and after "Update the total" (JavaScript off), and the ballot is
// counted either way. Every page visited is checked with axe-core.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expectAccessible, browserWithoutScript } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';
import { ACCOUNTS, PASSWORD } from '../test/support/fixtures.ts';
import { seedBudgets } from '../test/support/budgets.ts';
import { findTenantBySlug } from '../src/core/tenancy/index.ts';

describe('a ballot in a browser', () => {
  const suite = browserSuite();
  before(async () => {
    const db = suite.server.database.db;
    await seedBudgets(db, (await findTenantBySlug(db, 'alpha'))!, suite.server.secret);
  });

  async function signedIn(page: Page, email: string) {
    await page.goto('/account/login');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('form[action="/account/login"] button').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/account/login'));
  }

  const left = (page: Page) => page.locator('output[data-left]').first().textContent();

  it('updates what is left as the voter ticks, with JavaScript', async () => {
    const context = suite.track(await suite.browser.newContext({ locale: 'en-GB', baseURL: suite.server.url }));
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signedIn(page, ACCOUNTS.cityAdmin.email);
    await page.goto('/c/alpha/budgets/vote/vote?area=south');
    assert.match((await left(page))!, /Left: KES\s1,000,000/);
    await page.locator('#p-2').check();
    assert.match((await left(page))!, /Left: KES\s400,000/);
    await page.locator('#p-3').check();
    assert.match((await left(page))!, /Over the budget by KES\s50,000/);
    await page.locator('#p-2').uncheck();
    assert.match((await left(page))!, /Left: KES\s550,000/);
    await expectAccessible(page);
    await page.locator('button[value=cast]').click();
    await page.waitForSelector('text=Your ballot is counted.');
    await expectAccessible(page);
  });

  it('shows what is left after "Update the total", without JavaScript', async () => {
    const context = suite.track(await browserWithoutScript(suite.browser, 'fr-FR', suite.server.url));
    const page = await context.newPage();
    await signedIn(page, ACCOUNTS.platformAdmin.email);
    await page.goto('/c/alpha/budgets/vote/vote');
    await page.locator('#area').selectOption('north');
    await page.locator('form[method=get] button').click();
    await page.locator('#p-2').check();
    await page.locator('#p-3').check();
    await page.locator('button[value=check]').first().click();
    await page.waitForLoadState();
    assert.match((await left(page))!, /Dépassement du budget de 50\s000\sKES/);
    assert.equal(await page.locator('#p-3').isChecked(), true, 'the choices are kept');
    await expectAccessible(page);
    await page.locator('#p-3').uncheck();
    await page.locator('button[value=cast]').click();
    await page.waitForSelector('text=Votre bulletin est compté.');
  });
});
