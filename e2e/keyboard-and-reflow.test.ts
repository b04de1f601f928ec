// WCAG 2.2 checks a person would notice: raising a voice with the keyboard alone, with each
// focused control visibly marked (2.1.1, 2.4.7), and pages that hold together on a 320 px wide
// screen and with text at 200 % (1.4.10 reflow, 1.4.4 resize text), without sideways scrolling.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/suite.ts';

// Strings, not functions: this program is type-checked without the DOM library.
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
  return { tag: el.tagName.toLowerCase(), id: el.id, type: el.getAttribute('type'), cls: el.className, marked };
})()`;
const OVERFLOW = `(() => {
  const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
  return { scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, wide: wide.slice(0, 3).map((el) => el.tagName + '.' + el.className) };
})()`;

interface Focused { tag: string; id: string; type: string | null; cls: string; marked: boolean }

describe('keyboard only, narrow screens and large text', () => {
  const suite = browserSuite();

  async function open(options: { width: number; height?: number }): Promise<Page> {
    // Script stays on so the test can read focus and layout; the pages themselves use none.
    const context = await suite.browser.newContext({ locale: 'en-GB', baseURL: suite.server.url, viewport: { width: options.width, height: options.height ?? 800 }, bypassCSP: true });
    context.setDefaultTimeout(10_000);
    suite.track(context);
    return context.newPage();
  }

  /** Presses Tab until `until` holds for the focused element, checking every stop is visibly marked. */
  async function tabTo(page: Page, until: (f: Focused) => boolean, limit = 40): Promise<Focused> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(FOCUSED)) as Focused | null;
      assert.ok(focused, 'focus stays on the page');
      assert.ok(focused.marked, `focus is visible on ${focused.tag}#${focused.id}.${focused.cls}`);
      if (until(focused)) return focused;
    }
    assert.fail('never reached the control with Tab');
  }

  it('raises a voice with the keyboard alone, every focused control visibly marked', async () => {
    const page = await open({ width: 1024 });
    await page.goto('/c/alpha/voices/new');
    const first = await tabTo(page, () => true);
    assert.match(first.cls, /skip-link/, 'the first Tab reaches the skip link');
    await tabTo(page, (f) => f.id === 'title');
    await page.keyboard.type('Streetlight out by the school');
    await tabTo(page, (f) => f.id === 'description');
    await page.keyboard.type('The streetlight by the school gate has been dark for a week.');
    await tabTo(page, (f) => f.id === 'category');
    await page.keyboard.type('Water');
    await tabTo(page, (f) => f.id === 'area');
    await page.keyboard.type('North');
    await tabTo(page, (f) => f.tag === 'button' && f.type === 'submit');
    await Promise.all([page.waitForURL(/\/c\/alpha\/voices\/ALP-\d{4}-\d{6}/), page.keyboard.press('Enter')]);
    assert.match(await page.locator('h1').innerText(), /Streetlight out by the school|Awaiting moderation/);
  });

  it('prints the paper form without the site\'s menus', async () => {
    const page = await open({ width: 800 });
    await page.goto('/c/alpha/paper-form');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('.site-footer').isVisible(), false);
    assert.equal(await page.locator('h1').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.site-header').isVisible(), true);
  });

  const PAGES = ['/', '/c/alpha/voices', '/c/alpha/voices/new', '/c/alpha/priorities', '/c/alpha/paper-form', '/account/login', '/account/register'];

  it('needs no sideways scrolling on a 320 px wide screen', async () => {
    const page = await open({ width: 320, height: 640 });
    for (const path of PAGES) {
      await page.goto(path);
      const layout = (await page.evaluate(OVERFLOW)) as { scroll: number; width: number; wide: string[] };
      assert.ok(layout.scroll <= layout.width, `${path} is ${layout.scroll} px wide in ${layout.width}: ${layout.wide.join(', ')}`);
    }
  });

  it('holds together with text at 200 %', async () => {
    // 200 % zoom on a 1280 px window leaves 640 CSS pixels; the text is doubled on top of that.
    const page = await open({ width: 640 });
    for (const path of PAGES) {
      await page.goto(path);
      await page.addStyleTag({ content: 'html { font-size: 200% !important }' });
      const layout = (await page.evaluate(OVERFLOW)) as { scroll: number; width: number; wide: string[] };
      assert.ok(layout.scroll <= layout.width, `${path} at 200 % text is ${layout.scroll} px wide in ${layout.width}: ${layout.wide.join(', ')}`);
    }
  });
});
