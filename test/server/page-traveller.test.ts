/**
 * The traveller's flow on the reference server, as `npm start` runs it (the built standalone page,
 * the HttpProvider, the session in an HttpOnly cookie), in Chromium: what the in-browser demo
 * could not show. A reload keeps the person signed in; "I already paid: check my order" shows
 * the order asked for, and an unpaid one is paid, not bought again; `?channel=airport` skips the question;
 * the demo server (`--demo`, as `npm start` runs it) says it is one, and the page loads only the
 * HTTP provider, never the in-browser demo's chunk.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';
import { answerValidity, en, inTab, payByCard, pickPlan, servedPage, signInOnline, wizard } from './page-helpers.js';

describe('the standalone page on the reference server: a traveller', () => {
  const page = servedPage();

  it('stays signed in through a reload: the session is the cookie, not the page', async () => {
    await inTab(page, '/', async (tab, seen) => {
      await signInOnline(tab);
      await tab.reload();
      const { w, heading } = wizard(tab);
      await heading(en.plan.title).waitFor();
      await pickPlan(tab);
      expect(await w.getByText(en.errors['session-expired']).count()).toBe(0);
      expect(seen.api.filter((call) => call.path === '/v1/session').map((call) => call.method)).toEqual(['POST']);
      expect(seen.api.filter((call) => call.path === '/v1/orders').map((call) => call.status)).toEqual([201]);
    });
  }, 30_000);
});

describe('the standalone page on the demo server (npm start)', () => {
  const page = servedPage({ demo: true });

  it('says it is a demo server, and loads the HTTP provider and never the in-browser demo', async () => {
    await inTab(page, '/', async (tab, seen) => {
      const { w, heading } = wizard(tab);
      await heading(en.validity.title).waitFor();
      await w.getByRole('note').filter({ hasText: en.demoNotice }).waitFor();
      await w.getByRole('note').filter({ hasText: en.resume.demoServer }).waitFor();
      await signInOnline(tab);
      expect(seen.loaded.filter((path) => /^\/assets\/http-[\w-]+\.js$/.test(path))).toHaveLength(1);
      expect(seen.loaded.filter((path) => /^\/assets\/demo-/.test(path))).toEqual([]);
      expect(seen.problems).toEqual([]);
    });
  }, 30_000);

  it('takes ?channel=airport: the first step leads straight to the travel eSIM sign-in', async () => {
    await inTab(page, '/?channel=airport', async (tab) => {
      const { heading } = wizard(tab);
      await answerValidity(tab);
      await heading(en.login.titleTravel).waitFor();
      expect(await heading(en.channel.title).count()).toBe(0);
    });
  }, 30_000);
});

describe('refusals the wizard handles, on the reference server', () => {
  const page = servedPage();

  it('a wrong password (401), a locked account (403) and a declined card (402) log nothing of the wizard’s own: only the browser’s network line', async () => {
    await inTab(page, '/', async (tab, seen) => {
      const console: string[] = [];
      tab.on('console', (message) => void console.push(`${message.type()}: ${message.text()}`));
      const { w, heading } = wizard(tab);
      await signInOnline(tab, 'demo@example.com', 'wrong-password', en.login.titleAccount);
      await w.getByRole('alert').waitFor();
      await w.getByLabel(en.login.username, { exact: true }).fill('locked@example.com');
      await w.getByLabel(en.login.password, { exact: true }).fill('anything');
      await w.getByRole('button', { name: en.login.submit, exact: true }).click();
      await w.getByRole('alert').filter({ hasText: en.errors.locked }).waitFor();
      await w.getByLabel(en.login.username, { exact: true }).fill('demo@example.com');
      await w.getByLabel(en.login.password, { exact: true }).fill(DEMO_PASSWORD);
      await w.getByRole('button', { name: en.login.submit, exact: true }).click();
      await heading(en.plan.title).waitFor();
      await pickPlan(tab);
      await payByCard(tab, '4000 0000 0000 0002');
      await w.getByRole('alert').filter({ hasText: en.payment.decline.card_declined }).waitFor();
      expect(seen.api.map((call) => call.status)).toEqual(expect.arrayContaining([401, 403, 402]));
      // Chromium's own line for each refused request, and nothing else.
      expect(console.filter((line) => !/^error: Failed to load resource: the server responded with a status of 40[123]\b/.test(line))).toEqual([]);
    });
  }, 30_000);
});

describe('an account that cannot top up, on the reference server', () => {
  const page = servedPage();

  it('says how long ago it ended, counted in days on the calendar, with no advice that contradicts “can’t be topped up”', async () => {
    await inTab(page, '/', async (tab) => {
      await signInOnline(tab, 'expired@example.com', DEMO_PASSWORD, en.plan.ineligibleTitle);
      const { w } = wizard(tab);
      const step = (await w.locator('section.step').textContent()) ?? '';
      expect(step).toContain(en.plan.daysLeft(10, true));
      expect(step).not.toContain(en.plan.daysLeft(11, true));
      for (const advice of [en.validity.urgency.expired(-10), en.validity.urgency['within-month'](10)]) expect(step).not.toContain(advice);
    });
  }, 30_000);

  it('a plan that is not rechargeable says so without “a good time to renew”', async () => {
    await inTab(page, '/', async (tab) => {
      await signInOnline(tab, 'norecharge@example.com', DEMO_PASSWORD, en.plan.ineligibleTitle);
      const step = (await wizard(tab).w.locator('section.step').textContent()) ?? '';
      expect(step).toContain(en.plan.ineligible['not-rechargeable']);
      expect(step).toContain(en.plan.daysLeft(4, false));
      expect(step).not.toMatch(/good time to renew|no rush|Renew (now|today)/);
    });
  }, 30_000);
});

describe('the standalone page on the reference server without --demo', () => {
  const page = servedPage();

  it('shows no demo notice', async () => {
    await inTab(page, '/', async (tab) => {
      await signInOnline(tab);
      const notes = wizard(tab).w.getByRole('note');
      expect(await notes.filter({ hasText: en.demoNotice }).count()).toBe(0);
      expect(await notes.filter({ hasText: en.resume.demoServer }).count()).toBe(0);
    });
  }, 30_000);
});

describe('“I already paid: check my order” on the reference server', () => {
  const page = servedPage();

  /** The demo account with a paid older order and a newer unpaid one, made through the API. */
  async function twoOrders(): Promise<{ paid: string; unpaid: string; unpaidPlan: string }> {
    const c = page.t.client();
    await c.signIn();
    const paidId = await c.order('online-7d-3gb');
    const payment = await c.post(`/v1/orders/${paidId}/payments`, { method: 'card', cardToken: await c.token() }, { idempotencyKey: `pay-${paidId}` });
    expect(payment.body.status).toBe('succeeded');
    const unpaidId = await c.order('online-15d-10gb');
    const detail = async (id: string) => (await c.get(`/v1/orders/${id}`)).body.order;
    const unpaid = await detail(unpaidId);
    return { paid: (await detail(paidId)).reference, unpaid: unpaid.reference, unpaidPlan: unpaid.planName };
  }

  async function lookUp(tab: Page, reference: string): Promise<void> {
    const { w, heading } = wizard(tab);
    await heading(en.validity.title).waitFor();
    await w.getByRole('button', { name: en.login.checkOrder, exact: true }).click();
    await heading(en.login.titleLookup).waitFor();
    await w.getByRole('textbox', { name: en.login.orderNumber, exact: true }).fill(reference);
    await w.getByLabel(en.login.email, { exact: true }).fill('demo@example.com');
    await w.getByLabel(en.login.email, { exact: true }).press('Enter');
  }

  it('shows the older, paid order whose reference was typed, not the newest', async () => {
    const { paid, unpaid } = await twoOrders();
    await inTab(page, '/', async (tab) => {
      await lookUp(tab, paid.toLowerCase());
      const { w, heading } = wizard(tab);
      await heading(en.done.title).waitFor();
      expect(await w.getByText(paid, { exact: true }).count()).toBe(1);
      expect(await w.getByText(unpaid).count()).toBe(0);
    });
  }, 30_000);

  it('says an unpaid order is unpaid, with it chosen, and Continue pays that order: no second one is created', async () => {
    const { unpaid, unpaidPlan } = await twoOrders();
    await inTab(page, '/', async (tab, seen) => {
      await lookUp(tab, unpaid);
      const { w, heading, next } = wizard(tab);
      await heading(en.plan.title).waitFor();
      await w
        .getByRole('status')
        .filter({ hasText: en.plan.foundUnpaid(unpaid, unpaidPlan) })
        .waitFor();
      expect(await w.getByRole('radio', { name: /^15 days · 10 GB/ }).isChecked()).toBe(true);
      await next();
      await heading(en.payment.title).waitFor();
      expect(seen.api.filter((call) => call.method === 'POST' && call.path === '/v1/orders')).toEqual([]);
      expect(seen.api.some((call) => call.path === `/v1/orders/lookup`)).toBe(true);
      expect(await w.getByText(unpaidPlan).count()).toBeGreaterThan(0);
    });
  }, 30_000);
});
