// Residents and moderators in a real browser with JavaScript turned off: a voice raised in
// French and found by its reference, answered by a moderator, and the same in Arabic laid out
// right to left. Every page visited is checked with axe-core.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expectAccessible, browserWithoutScript } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';
import { ACCOUNTS, PASSWORD } from '../test/support/fixtures.ts';

describe('voices in a browser without JavaScript', () => {
  const suite = browserSuite();

  async function person(locale: string): Promise<Page> {
    const context = await browserWithoutScript(suite.browser, locale, suite.server.url);
    suite.track(context);
    return context.newPage();
  }

  async function visit(page: Page, path: string) {
    const res = await page.goto(path);
    assert.ok(res && res.status() < 400, `${path} answered ${res?.status()}`);
    await expectAccessible(page);
  }

  async function raiseVoice(page: Page, texts: { title: string; description: string }) {
    await visit(page, '/c/alpha/voices/new');
    await page.getByLabel(/^(De quoi s’agit-il|ما الموضوع)/).fill(texts.title);
    await page.locator('#description').fill(texts.description);
    await page.locator('#category').selectOption('water');
    await page.locator('#area').selectOption('north');
    await page.locator('#sex').check();
    await page.locator('form[action="/c/alpha/voices"] button[type=submit]').click();
    await page.waitForURL(/\/c\/alpha\/voices\/ALP-\d{4}-\d{6}/);
    await expectAccessible(page);
    const reference = /ALP-\d{4}-\d{6}/.exec(page.url())![0];
    return reference;
  }

  async function moderate(reference: string, reply: string, status: string) {
    const page = await person('en-GB');
    await visit(page, '/account/login');
    await page.locator('#email').fill(ACCOUNTS.moderator.email);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('form[action="/account/login"] button').click();
    await visit(page, '/c/alpha/moderate');
    await page.getByRole('link', { name: reference }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/done=publish/);
    await expectAccessible(page);
    await page.locator('#body').fill(reply);
    await page.getByRole('button', { name: 'Send the reply' }).click();
    await page.waitForURL(/done=reply/);
    await page.locator('#status').selectOption(status);
    await page.getByRole('button', { name: 'Change the status' }).click();
    await page.waitForURL(/done=status/);
    await expectAccessible(page);
  }

  it('a resident raises a voice in French and finds it again by its reference', async () => {
    const page = await person('fr-FR');
    await visit(page, '/');
    await page.getByRole('link', { name: 'Alpha' }).click();
    await expectAccessible(page);
    const reference = await raiseVoice(page, { title: 'Plus d’eau à la borne du marché', description: 'La borne fontaine est à sec depuis lundi, les familles marchent une heure.' });
    assert.match(await page.locator('main').innerText(), new RegExp(`Gardez sa référence pour le suivre : ${reference}`));

    await visit(page, '/c/alpha/voices');
    await page.getByLabel('Référence', { exact: true }).fill(reference.toLowerCase());
    await page.getByRole('button', { name: 'Retrouver' }).click();
    await page.waitForURL(new RegExp(`/voices/${reference}$`));
    await expectAccessible(page);
    assert.equal(await page.locator('h1').innerText(), 'Plus d’eau à la borne du marché');

    await moderate(reference, 'Une équipe passe mardi.', 'in_progress');
    await page.reload();
    await expectAccessible(page);
    const main = await page.locator('main').innerText();
    assert.match(main, /Une équipe passe mardi\./);
    assert.match(main, /État : En cours/);
    assert.match(main, /La ville a répondu/);
  });

  it('shows a failed form with its errors, in French, keeping what was typed', async () => {
    const page = await person('fr-FR');
    await visit(page, '/c/alpha/voices/new');
    await page.locator('#title').fill('Eau');
    await page.locator('form[action="/c/alpha/voices"] button[type=submit]').click();
    await expectAccessible(page);
    assert.match(await page.title(), /^Erreur: /);
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /Il y a un problème/);
    assert.equal(await page.evaluate("document.activeElement?.classList.contains('error-summary')"), true, 'the summary has focus');
    assert.equal(await page.locator('#title').inputValue(), 'Eau');
    await summary.getByRole('link').first().click();
    assert.match(page.url(), /#title$/);
  });

  it('the same journey in Arabic is laid out right to left', async () => {
    const page = await person('ar');
    await visit(page, '/c/alpha/voices');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    const reference = await raiseVoice(page, { title: 'لا ماء في نقطة التوزيع', description: 'نقطة توزيع المياه قرب السوق جافة منذ يوم الاثنين.' });
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await moderate(reference, 'سيزور فريق الموقع يوم الثلاثاء.', 'planned');
    await page.reload();
    await expectAccessible(page);
    const main = await page.locator('main').innerText();
    assert.match(main, /سيزور فريق الموقع يوم الثلاثاء\./);
    assert.match(main, /الحالة: مخطط له/);
    const box = await page.locator('h1').boundingBox();
    const width = page.viewportSize()!.width;
    assert.ok(box && box.x + box.width > width / 2, 'the heading starts on the right');
  });

  it('can be used from the keyboard: the skip link comes first and leads to the content', async () => {
    const page = await person('en-GB');
    await visit(page, '/c/alpha/voices');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate("document.activeElement?.getAttribute('href')"), '#main');
    await page.keyboard.press('Enter');
    assert.match(page.url(), /#main$/);
    await visit(page, '/account/login');
    await page.locator('#email').focus();
    await page.keyboard.type(ACCOUNTS.resident.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/account/login'));
    assert.match(await page.locator('header').innerText(), /Sign out/);
  });
});
