// Arabic is laid out right to left, checked on screenshots: the ink of the page's heading sits
// against the right edge in Arabic and against the left in English, the same page otherwise.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, browserWithoutScript } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

interface Ink { width: number; left: number; right: number }

/** Where the dark pixels of a PNG start and end, measured in a page with script on. */
async function inkOf(checker: Page, png: Buffer): Promise<Ink> {
  // A string, not a function: this program is type-checked without the DOM library.
  return (await checker.evaluate(`new Promise((resolve) => {
    const img = new Image();
    img.onload = () => {
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let left = c.width, right = -1;
      for (let y = 0; y < c.height; y++) for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (d[i] + d[i + 1] + d[i + 2] < 300) { if (x < left) left = x; if (x > right) right = x; }
      }
      resolve({ width: c.width, left, right });
    };
    img.src = 'data:image/png;base64,${png.toString('base64')}';
  })`)) as Ink;
}

describe('right-to-left layout', () => {
  let server: RunningServer;
  let browser: Browser;
  let checker: Page;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    checker = await (await browser.newContext({ bypassCSP: true })).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function headingInk(locale: string, path: string): Promise<Ink & { dir: string | null }> {
    const context = await browserWithoutScript(browser, locale, server.url);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(`/lang/${locale}?next=${encodeURIComponent(path)}`);
      const dir = await page.locator('html').getAttribute('dir');
      return { ...(await inkOf(checker, await page.locator('main h1').first().screenshot())), dir };
    } finally {
      await context.close();
    }
  }

  for (const path of ['/c/alpha/voices/new', '/c/alpha/voices']) {
    it(`puts the heading of ${path} against the right edge in Arabic and the left in English`, async () => {
      const ar = await headingInk('ar', path);
      const en = await headingInk('en', path);
      assert.equal(ar.dir, 'rtl');
      assert.equal(en.dir, 'ltr');
      for (const ink of [ar, en]) assert.ok(ink.right > ink.left, `the heading has ink: ${JSON.stringify(ink)}`);
      assert.ok(ar.width - ar.right < ar.left, `Arabic ink hugs the right: ${JSON.stringify(ar)}`);
      assert.ok(ar.width - ar.right < 20, `Arabic ink starts at the right edge: ${JSON.stringify(ar)}`);
      assert.ok(en.left < en.width - en.right, `English ink hugs the left: ${JSON.stringify(en)}`);
      assert.ok(en.left < 20, `English ink starts at the left edge: ${JSON.stringify(en)}`);
    });
  }
});
