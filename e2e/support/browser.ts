// Debian chromium driven by playwright-core, and axe-core injected into every page checked.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

interface AxeViolation { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }

/** A person's browser with JavaScript turned off, speaking this language. */
export async function browserWithoutScript(browser: Browser, locale: string, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale, baseURL });
  // Outside Playwright's own runner nothing times out by default: a missing element would hang.
  context.setDefaultTimeout(10_000);
  return context;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const checkers = new WeakMap<Browser, Promise<Page>>();

/** A page with JavaScript on, for axe: the pages under test run with it off, and axe needs timers. */
function checkerFor(browser: Browser): Promise<Page> {
  let checker = checkers.get(browser);
  if (!checker) {
    checker = browser.newContext({ bypassCSP: true }).then((c) => c.newPage());
    checkers.set(browser, checker);
  }
  return checker;
}

/**
 * Runs axe-core with the WCAG 2.0–2.2 A/AA and best-practice rules on the page as the person sees
 * it (its HTML copied into a same-origin page with script on, stylesheet included) and fails on
 * any violation.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const html = await page.content();
  const url = new URL(page.url());
  const checker = await checkerFor(page.context().browser()!);
  await checker.goto(`${url.origin}/healthz`);
  await checker.setContent(html, { waitUntil: 'load' });
  await checker.evaluate(axeSource);
  // A string, not a function: this program is type-checked without the DOM library.
  const violations = (await checker.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })
    .then((result) => result.violations)`)) as AxeViolation[];
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} – ${n.failureSummary}`).join('\n  ')}`);
  assert.deepEqual(summary, [], `axe violations on ${page.url()}`);
}
