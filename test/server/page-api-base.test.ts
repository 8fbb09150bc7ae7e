/**
 * `api-base` picks the HTTP provider, in Chromium: a host page served by the reference server
 * that is NOT its index.html (so the server adds no `esim-api-base` meta tag, and the standalone
 * script sets nothing) carries `<esim-renewal-wizard api-base="http://127.0.0.1:PORT">`. No demo
 * notice, and signing in opens a session on the server. The same page without the attribute is
 * the control: the demo provider, its notice, and no request to the server's API.
 *
 * The pages live in a temporary copy of dist/app given to the server as its static folder: no
 * server change, nothing written into the build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuilt } from '../unit/built.js';
import { startTestServer, type TestServer } from './helpers.js';
import { en, expectDemoNotice, launchChromium, signInOnline, watch, wizard } from './page-helpers.js';

const APP = `${ROOT}dist/app/`;

describe('the api-base attribute on a host page served by the reference server', () => {
  let t: TestServer;
  let browser: Browser;
  let site: string;
  const sessions = (): number => (t.server.repository as any).db.prepare('SELECT count(*) AS n FROM sessions').get().n;
  const signInsLogged = (): number => t.logs.filter((l) => l.includes('incoming request') && l.includes('"POST"') && l.includes('/v1/session')).length;

  beforeAll(async () => {
    requireBuilt(`${APP}index.html`, 'npm run build:app');
    site = mkdtempSync(join(tmpdir(), 'esim-host-page-'));
    cpSync(APP, site, { recursive: true });
    t = await startTestServer({ staticDir: site, activation: 'immediate' });
    // The port is known once the server listens; the server reads its files per request.
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    if (!index.includes('<esim-renewal-wizard></esim-renewal-wizard>')) throw new Error('dist/app/index.html has no bare <esim-renewal-wizard>');
    writeFileSync(join(site, 'host.html'), index.replace('<esim-renewal-wizard>', `<esim-renewal-wizard api-base="${t.server.url}">`));
    writeFileSync(join(site, 'plain.html'), index);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ tab: Page; seen: Awaited<ReturnType<typeof watch>>; close: () => Promise<void> }> {
    const context = await browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    tab.setDefaultTimeout(8_000);
    const seen = await watch(tab);
    await tab.goto(`${t.server.url}${path}`);
    return { tab, seen, close: () => context.close() };
  }

  it('with api-base (and no meta tag): no demo notice, the HTTP provider, and sign-in reaches the server', async () => {
    const { tab, seen, close } = await open('/host.html');
    try {
      // Not the meta-tag path: the server adds its tag to index.html only.
      expect(await tab.locator('meta[name="esim-api-base"]').count()).toBe(0);
      expect(await wizard(tab).w.getAttribute('api-base')).toBe(t.server.url);
      expect(await tab.evaluate(() => (document.querySelector('esim-renewal-wizard') as unknown as { provider: unknown }).provider)).toBeNull();
      await expectDemoNotice(tab, false);

      const sessionsBefore = sessions();
      const loggedBefore = signInsLogged();
      await signInOnline(tab);
      expect(await wizard(tab).w.getByText(en.demoNotice).count()).toBe(0);

      expect(seen.api.map((a) => `${a.method} ${a.path} ${a.status}`)).toEqual(
        expect.arrayContaining(['POST /v1/session 200', 'GET /v1/account 200', 'GET /v1/plans 200']),
      );
      expect(sessions()).toBe(sessionsBefore + 1);
      expect(signInsLogged()).toBe(loggedBefore + 1);
      // The HTTP provider's chunk was loaded; the session is the server's HttpOnly cookie.
      expect(seen.loaded.some((p) => /^\/assets\/http-[\w-]+\.js$/.test(p))).toBe(true);
      expect((await tab.context().cookies()).find((c) => c.name === 'esim_session')).toMatchObject({ httpOnly: true });

      expect(await seen.violations()).toEqual([]);
      expect(seen.problems).toEqual([]);
    } finally {
      await close();
    }
  }, 30_000);

  it('the same page without api-base (the control): the demo provider and its notice, nothing sent to the server', async () => {
    const { tab, seen, close } = await open('/plain.html');
    try {
      expect(await tab.locator('meta[name="esim-api-base"]').count()).toBe(0);
      await expectDemoNotice(tab, true);
      const sessionsBefore = sessions();
      const loggedBefore = signInsLogged();
      await signInOnline(tab);
      expect(seen.api).toEqual([]);
      expect(sessions()).toBe(sessionsBefore);
      expect(signInsLogged()).toBe(loggedBefore);
      expect(seen.loaded.some((p) => /^\/assets\/http-/.test(p))).toBe(false);
      expect(await seen.violations()).toEqual([]);
      expect(seen.problems).toEqual([]);
    } finally {
      await close();
    }
  }, 30_000);
});
