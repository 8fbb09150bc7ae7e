/**
 * The traveller's flow on the reference server, as `npm start` runs it (the built standalone page,
 * the HttpProvider, the session in an HttpOnly cookie), in Chromium: what the in-browser demo
 * could not show. A reload keeps the person signed in.
 */
import { describe, expect, it } from 'vitest';
import { en, pickPlan, servedPage, signInOnline, watch, wizard } from './page-helpers.js';

describe('the standalone page on the reference server: a traveller', () => {
  const page = servedPage();

  it('stays signed in through a reload: the session is the cookie, not the page', async () => {
    const context = await page.browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    tab.setDefaultTimeout(8_000);
    const seen = await watch(tab);
    try {
      await tab.goto(`${page.t.server.url}/`);
      await signInOnline(tab);
      await tab.reload();
      const { w, heading } = wizard(tab);
      await heading(en.plan.title).waitFor();
      await pickPlan(tab);
      expect(await w.getByText(en.errors['session-expired']).count()).toBe(0);
      expect(seen.api.filter((call) => call.path === '/v1/session').map((call) => call.method)).toEqual(['POST']);
      expect(seen.api.filter((call) => call.path === '/v1/orders').map((call) => call.status)).toEqual([201]);
    } finally {
      await context.close();
    }
  }, 30_000);
});
