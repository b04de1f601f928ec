// The set-up browser suites share: the app on a fresh database, one browser, and every browser
// context a test opens, all closed after the suite. Call inside a describe.
import { before, after } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Closes the context with the suite. */
  track(context: BrowserContext): BrowserContext;
}

export function browserSuite(): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() { return server!; },
    get browser() { return browser!; },
    track(context) {
      contexts.push(context);
      return context;
    },
  };
}
