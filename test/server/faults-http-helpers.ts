/**
 * For the HTTP fault and double-submit tests (faults-http.test.ts, double-submit-http.test.ts):
 * the built standalone page on a fresh reference server started with its test-only fault switch,
 * in the machine's Chromium with Playwright's fake clock (so the HttpProvider's 15 s timeouts and
 * back-offs pass in a moment), and what the server's database holds for the demo account.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ROOT, requireBuilt } from '../unit/built.js';
import { startTestServer, type TestServer } from './helpers.js';
import { en, launchChromium, pickPlan, signInOnline, watch, wizard } from './page-helpers.js';

const APP = `${ROOT}dist/app/`;
/** The account `demo@example.com` signs in to. */
const ACCOUNT = 'acct-online-demo';

/** A fresh server (its own database) serving the built page, with the fault switch on. */
function faultyServer(): Promise<TestServer> {
  requireBuilt(`${APP}index.html`, 'npm run build:app');
  return startTestServer({ staticDir: APP, activation: 'immediate', testFaults: true });
}

export interface Harness {
  readonly browser: Browser;
  /** This test's server. */
  readonly t: TestServer;
  /** This test's browser context: one person, one cookie jar. */
  readonly context: BrowserContext;
}

/** Registers the hooks: one Chromium for the file; for each test a fresh server and a fresh context. */
export function useHarness(): Harness {
  const h = {} as { -readonly [K in keyof Harness]: Harness[K] };
  beforeAll(async () => void (h.browser = await launchChromium()));
  afterAll(async () => void (await h.browser?.close()));
  beforeEach(async () => {
    h.t = await faultyServer();
    h.context = await openContext(h.browser);
  });
  afterEach(async () => {
    await h.context?.close();
    await h.t?.close();
  });
  return h;
}

export interface Tab {
  readonly tab: Page;
  readonly seen: Awaited<ReturnType<typeof watch>>;
}

/** A browser context (one cookie jar: one signed-in person) on a fake clock that runs at real speed until pushed. */
async function openContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.clock.install();
  return context;
}

/** A tab on the server's page (`/`, or the same page by another path). */
export async function openTab(context: BrowserContext, t: TestServer, path = '/'): Promise<Tab> {
  const tab = await context.newPage();
  tab.setDefaultTimeout(8_000);
  const seen = await watch(tab);
  await tab.goto(`${t.server.url}${path}`);
  return { tab, seen };
}

/**
 * Pushes the page's clock on, a second at a time, until `locator` shows: the provider's timeouts,
 * back-offs and `Retry-After` waits pass without being waited for.
 */
export async function advanceUntil(tab: Page, locator: Locator, maxFakeMs = 180_000): Promise<void> {
  for (let spent = 0; !(await locator.isVisible()); spent += 1_000) {
    if (spent > maxFakeMs) throw new Error(`not shown after ${maxFakeMs} ms of the page's time: ${String(locator)}`);
    await tab.clock.fastForward(1_000);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/** What the database holds for the demo account: its orders, and its payments with whether each charged. */
function ledger(t: TestServer): { orders: string[]; payments: { order: string; status: string; charged: number }[] } {
  const db = (t.server.repository as any).db;
  return {
    orders: (db.prepare('SELECT id FROM orders WHERE account_id = ? ORDER BY created_at, rowid').all(ACCOUNT) as { id: string }[]).map((o) => o.id),
    payments: db.prepare('SELECT order_id AS "order", status, charged FROM payments WHERE account_id = ? ORDER BY created_at, rowid').all(ACCOUNT),
  };
}

/** Exactly one order, and on it exactly one payment, charged. */
export function expectOneOrderOneCharge(t: TestServer): void {
  const { orders, payments } = ledger(t);
  expect(orders).toHaveLength(1);
  expect(payments.filter((p) => p.charged === 1)).toEqual([{ order: orders[0], status: 'succeeded', charged: 1 }]);
}

export const CARD = '4242 4242 4242 4242';
export const PAYMENTS = /^\/v1\/orders\/[^/]+\/payments$/;

/** Signed in, the plan chosen, a good card typed in and the confirmation ticked: one press of Pay away. */
export async function readyToPay({ tab }: Tab): Promise<void> {
  const { w } = wizard(tab);
  await signInOnline(tab);
  await pickPlan(tab);
  await w.getByLabel(en.payment.method.card, { exact: true }).check();
  await w.getByLabel(en.payment.cardNumber, { exact: true }).fill(CARD);
  await w.getByLabel(en.payment.cardExpiry, { exact: true }).fill('12/34');
  await w.getByLabel(en.payment.cardCvc, { exact: true }).fill('123');
  await w.getByLabel(en.payment.confirm, { exact: true }).check();
}

export const payButton = ({ tab }: Tab) => wizard(tab).w.getByRole('button', { name: /^Pay / });
/** The tab's next answer to a payment request. */
export const paymentAnswer = ({ tab }: Tab) => tab.waitForResponse((r) => PAYMENTS.test(new URL(r.url()).pathname));
export const isDone = ({ tab }: Tab) => wizard(tab).heading(en.done.title).isVisible();
export const calls = ({ seen }: Tab, method: string, path: RegExp | string) =>
  seen.api.filter((a) => a.method === method && (typeof path === 'string' ? a.path === path : path.test(a.path)));

/**
 * Two tabs of one browser (one cookie jar: one session), each on the confirmation screen for the
 * same plan: the server answers both with the account's one open order. (The second tab opens
 * the page as /index.html, so it does not resume the first tab's saved progress.)
 */
export async function twoTabs(context: BrowserContext, t: TestServer): Promise<[Tab, Tab]> {
  const one = await openTab(context, t);
  await readyToPay(one);
  const two = await openTab(context, t, '/index.html');
  await readyToPay(two);
  const created = [...calls(one, 'POST', '/v1/orders'), ...calls(two, 'POST', '/v1/orders')];
  expect(
    created.map((a) => a.status),
    'one order made, then answered again',
  ).toEqual([201, 200]);
  return [one, two];
}
