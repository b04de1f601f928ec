// The voice form works on a 2G connection: loaded and sent with JavaScript off at about
// 250 kbit/s and a 300 ms round trip. The times are printed by `npm run bench:2g`, not asserted.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { raiseVoiceOnTwoG } from './support/slow-network.ts';

describe('on a 2G connection', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads the voice form and sends it with script off', async () => {
    const run = await raiseVoiceOnTwoG(browser, server.url);
    assert.match(run.reference, /^ALP-\d{4}-\d{6}$/);
    // The throttled run really was slow: at least the round trips the page needs.
    assert.ok(run.formMs >= 600, `form loaded in ${run.formMs} ms`);
    assert.ok(run.bytes > 0);
  });
});
