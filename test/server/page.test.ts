/**
 * The built standalone page (dist/app) served by the reference server, as `npm start` runs it, in
 * the machine's Chromium: the page finds the server's `esim-api-base` tag and renews through the
 * HttpProvider (the order lands in the server's database, no demo notice), under the server's
 * Content Security Policy with Trusted Types, without a single violation.
 */
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { CATALOGS } from '../../src/testing/catalogs.js';
import { ROOT, requireBuilt } from '../unit/built.js';
import { startTestServer, type TestServer } from './helpers.js';
import { signInOnline, wizard } from './page-helpers.js';

const { en } = CATALOGS;
const APP = `${ROOT}dist/app/`;

describe('the standalone page on the reference server', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    requireBuilt(`${APP}index.html`, 'npm run build:app');
    t = await startTestServer({ staticDir: APP, activation: 'immediate' });
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renews through the HttpProvider under the strict CSP, with no violation', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    tab.setDefaultTimeout(8_000);
    const problems: string[] = [];
    const api: string[] = [];
    tab.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(`console ${m.type()}: ${m.text()}`) : undefined));
    tab.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
    tab.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.status() >= 400) problems.push(`${r.status()} ${path}`);
      if (path.startsWith('/v1/') || path.startsWith('/processor/')) api.push(`${r.request().method()} ${path}`);
    });
    await tab.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      addEventListener(
        'securitypolicyviolation',
        (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
        true,
      );
    });
    try {
      await tab.goto(`${t.server.url}/`);
      const { w, heading, next } = wizard(tab);

      await heading(en.validity.title).waitFor();
      expect(await w.getByText(en.demoNotice).count()).toBe(0);
      await signInOnline(tab);
      await w.getByRole('radio', { name: /^7 days · 3 GB/ }).check();
      await next();
      await heading(en.payment.title).waitFor();
      const card = w.getByLabel(en.payment.method.card, { exact: true });
      if (!(await card.isChecked())) await card.check();
      await w.getByLabel(en.payment.cardNumber, { exact: true }).fill('4242 4242 4242 4242');
      await w.getByLabel(en.payment.cardExpiry, { exact: true }).fill('12/34');
      await w.getByLabel(en.payment.cardCvc, { exact: true }).fill('123');
      await w.getByLabel(en.payment.confirm, { exact: true }).check();
      await w.getByRole('button', { name: /^Pay / }).click();
      await heading(en.done.title).waitFor();

      // Through the server: the page's calls, and the order and its one charge in the database.
      expect(api).toEqual(expect.arrayContaining(['POST /v1/session', 'GET /v1/account', 'GET /v1/plans', 'POST /v1/orders', 'POST /processor/v1/tokens']));
      expect(api.some((a) => /^POST \/v1\/orders\/[^/]+\/payments$/.test(a))).toBe(true);
      const db = (t.server.repository as any).db;
      expect(db.prepare("SELECT count(*) AS n FROM payments WHERE charged = 1 AND card_last4 = '4242'").get().n).toBe(1);
      // The session cookie is HttpOnly: the page cannot read it.
      expect(await tab.evaluate(() => document.cookie)).toBe('');
      expect((await context.cookies()).find((c) => c.name === 'esim_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

      expect(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);
});
