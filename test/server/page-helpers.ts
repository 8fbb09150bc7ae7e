/**
 * Driving the built standalone page in the machine's Chromium (Playwright), for the tests that
 * serve it from the reference server: launching, watching the page's requests and complaints,
 * and walking the wizard's steps as a person would.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ServerConfig } from '../../server/src/index.js';
import { ROOT, requireBuilt } from '../unit/built.js';
import { startTestServer, type TestServer } from './helpers.js';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { CATALOGS } from '../../src/testing/catalogs.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

export const { en } = CATALOGS;

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** The built standalone page, as `npm start` serves it. */
export const APP = `${ROOT}dist/app/`;

/**
 * The reference server serving the built page, and a Chromium, for the tests of one `describe`
 * (started before them, closed after). Read `t` and `browser` inside the tests.
 */
export function servedPage(config: Partial<ServerConfig> = {}): { readonly t: TestServer; readonly browser: Browser } {
  let t: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireBuilt(`${APP}index.html`, 'npm run build:app');
    t = await startTestServer({ staticDir: APP, activation: 'immediate', ...config });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  return {
    get t() {
      if (!t) throw new Error('the server starts before the tests');
      return t;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts before the tests');
      return browser;
    },
  };
}

/**
 * A fresh browser context (English, as the tests' words are; in Tokyo) and tab at `path` on the served
 * page, watched (see {@link watch}); closed after `run`, whatever happens.
 */
export async function inTab(
  page: { readonly t: TestServer; readonly browser: Browser },
  path: string,
  run: (tab: Page, seen: Awaited<ReturnType<typeof watch>>) => Promise<void>,
): Promise<void> {
  // The person's calendar is Tokyo's, whatever the machine's time zone.
  const context = await page.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo' });
  try {
    const tab = await context.newPage();
    tab.setDefaultTimeout(8_000);
    const seen = await watch(tab);
    await tab.goto(`${page.t.server.url}${path}`);
    await run(tab, seen);
  } finally {
    await context.close();
  }
}

export interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly idempotencyKey: string | undefined;
}

/** What a tab did: its API calls (`/v1`, `/processor`), every path it loaded, and its errors, warnings and CSP violations. */
export async function watch(tab: Page): Promise<{ api: ApiCall[]; loaded: string[]; problems: string[]; violations: () => Promise<string[]> }> {
  const api: ApiCall[] = [];
  const loaded: string[] = [];
  const problems: string[] = [];
  tab.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(`console ${m.type()}: ${m.text()}`) : undefined));
  tab.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
  tab.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    loaded.push(path);
    if (r.status() >= 400) problems.push(`${r.status()} ${path}`);
    if (path.startsWith('/v1/') || path.startsWith('/processor/')) {
      api.push({ method: r.request().method(), path, status: r.status(), idempotencyKey: r.request().headers()['idempotency-key'] });
    }
  });
  await tab.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    addEventListener(
      'securitypolicyviolation',
      (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      true,
    );
  });
  return { api, loaded, problems, violations: () => tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
}

export function wizard(tab: Page) {
  const w = tab.locator('esim-renewal-wizard');
  return {
    w,
    heading: (name: string): Locator => w.getByRole('heading', { name, exact: true, level: 2 }),
    next: () => w.getByRole('button', { name: en.nav.next, exact: true }).click(),
  };
}

/** The first step, answered with 2 days left, then Next. */
export async function answerValidity(tab: Page): Promise<void> {
  const { w, heading, next } = wizard(tab);
  await heading(en.validity.title).waitFor();
  await w.getByLabel(en.validity.modeDays, { exact: true }).check();
  await w.getByLabel(en.validity.daysLabel, { exact: true }).fill('2');
  await next();
}

/**
 * Time left, where it was bought (online), and the account sign-in, up to the plan step (its
 * heading: `expect`, or the plans' title).
 */
export async function signInOnline(tab: Page, username = 'demo@example.com', password = DEMO_PASSWORD, expect = en.plan.title): Promise<void> {
  const { w, heading, next } = wizard(tab);
  await answerValidity(tab);
  await heading(en.channel.title).waitFor();
  await w.getByRole('radio', { name: new RegExp(`^${en.channel.online}`) }).check();
  await next();
  await heading(en.login.titleAccount).waitFor();
  await w.getByLabel(en.login.username, { exact: true }).fill(username);
  await w.getByLabel(en.login.password, { exact: true }).fill(password);
  await w.getByRole('button', { name: en.login.submit, exact: true }).click();
  await heading(expect).waitFor();
}

/** Picks a plan and goes on to the payment step. */
export async function pickPlan(tab: Page, name: RegExp = /^7 days · 3 GB/): Promise<void> {
  const { w, heading, next } = wizard(tab);
  await w.getByRole('radio', { name }).check();
  await next();
  await heading(en.payment.title).waitFor();
}

/** Fills the card form (the card method, the number, expiry and code, the confirmation) and pays. */
export async function payByCard(tab: Page, number: string, expiry = '12/34', cvc = '123'): Promise<void> {
  const { w } = wizard(tab);
  const card = w.getByLabel(en.payment.method.card, { exact: true });
  if (!(await card.isChecked())) await card.check();
  await w.getByLabel(en.payment.cardNumber, { exact: true }).fill(number);
  await w.getByLabel(en.payment.cardExpiry, { exact: true }).fill(expiry);
  await w.getByLabel(en.payment.cardCvc, { exact: true }).fill(cvc);
  const confirm = w.getByLabel(en.payment.confirm, { exact: true });
  if (!(await confirm.isChecked())) await confirm.check();
  await w.getByRole('button', { name: /^Pay / }).click();
}

/** The demo notice, asserted shown or not once the first step is up. */
export async function expectDemoNotice(tab: Page, shown: boolean): Promise<void> {
  const { w, heading } = wizard(tab);
  await heading(en.validity.title).waitFor();
  const notice = w.getByRole('note').filter({ hasText: en.demoNotice });
  if (shown) await notice.waitFor();
  expect(await notice.count()).toBe(shown ? 1 : 0);
}
