// A resident on a 2G connection (about 250 kbit/s each way, 300 ms round trip), with JavaScript
// off, loads the voice form and sends it. Used by the browser test and by `npm run bench:2g`.
import type { Browser } from 'playwright-core';

export const TWO_G = { latency: 300, downloadThroughput: 250_000 / 8, uploadThroughput: 250_000 / 8 };

export interface SlowNetworkRun {
  /** From asking for the form to its page being loaded (stylesheet included). */
  formMs: number;
  /** From pressing send to the voice's page being loaded. */
  submitMs: number;
  /** Bytes that crossed the network, compressed as sent. */
  bytes: number;
  reference: string;
}

export async function raiseVoiceOnTwoG(browser: Browser, baseURL: string): Promise<SlowNetworkRun> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB', baseURL });
  context.setDefaultTimeout(60_000);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...TWO_G });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));

    let started = performance.now();
    await page.goto('/c/alpha/voices/new', { waitUntil: 'load' });
    const formMs = performance.now() - started;
    await page.locator('#title').fill('No water at the kiosk');
    await page.locator('#description').fill('The kiosk by the market has had no water since Monday.');
    await page.locator('#category').selectOption('water');
    await page.locator('#area').selectOption('north');
    started = performance.now();
    await Promise.all([
      page.waitForURL(/\/c\/alpha\/voices\/ALP-\d{4}-\d{6}/, { waitUntil: 'load' }),
      page.locator('form[action="/c/alpha/voices"] button[type=submit]').click(),
    ]);
    const submitMs = performance.now() - started;
    return { formMs, submitMs, bytes, reference: /ALP-\d{4}-\d{6}/.exec(page.url())![0] };
  } finally {
    await context.close();
  }
}
