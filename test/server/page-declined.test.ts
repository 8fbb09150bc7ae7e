/**
 * The built standalone page on the reference server, in Chromium: a declined card
 * (4000 0000 0000 0002), then a good one. The person sees the decline, pays again, reaches the
 * end; the server has one order with two payment attempts and exactly one charge.
 */
import { describe, expect, it } from 'vitest';
import { en, payByCard, pickPlan, servedPage, signInOnline, watch, wizard } from './page-helpers.js';

describe('the standalone page on the reference server: a declined card, then a good one', () => {
  const page = servedPage();

  it('shows the decline, then pays with the next card: done, and the order charged exactly once', async () => {
    const context = await page.browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    tab.setDefaultTimeout(8_000);
    const seen = await watch(tab);
    try {
      await tab.goto(`${page.t.server.url}/`);
      const { w, heading } = wizard(tab);
      await heading(en.validity.title).waitFor();
      expect(await w.getByText(en.demoNotice).count()).toBe(0);
      await signInOnline(tab);
      await pickPlan(tab);

      await payByCard(tab, '4000 0000 0000 0002');
      const declined = w.getByRole('alert').filter({ hasText: en.payment.decline.card_declined });
      await declined.waitFor();
      // Still on the payment step, with the plan and the confirmation kept; not at the end.
      expect(await heading(en.payment.title).count()).toBe(1);
      expect(await heading(en.done.title).count()).toBe(0);
      expect(await w.getByLabel(en.payment.confirm, { exact: true }).isChecked()).toBe(true);

      await payByCard(tab, '4242 4242 4242 4242');
      await heading(en.done.title).waitFor();
      expect(await w.getByText(en.payment.decline.card_declined).count()).toBe(0);

      // Over HTTP: two payment attempts, a 402 then a 200, each with its own idempotency key.
      const payments = seen.api.filter((a) => a.method === 'POST' && /^\/v1\/orders\/[^/]+\/payments$/.test(a.path));
      expect(payments.map((a) => a.status)).toEqual([402, 200]);
      expect(payments[0]!.idempotencyKey).toBeTruthy();
      expect(payments[1]!.idempotencyKey).toBeTruthy();
      expect(payments[0]!.idempotencyKey).not.toBe(payments[1]!.idempotencyKey);
      expect(new Set(payments.map((a) => a.path)).size).toBe(1);
      expect(seen.api.filter((a) => a.method === 'POST' && a.path === '/v1/orders')).toHaveLength(1);
      expect(seen.api.filter((a) => a.path === '/processor/v1/tokens').map((a) => a.status)).toEqual([200, 200]);

      // In the database: one order, both attempts on it, one charge — the good card's.
      const db = (page.t.server.repository as any).db;
      const orders = db.prepare("SELECT id FROM orders WHERE account_id = 'acct-online-demo'").all() as { id: string }[];
      expect(orders).toHaveLength(1);
      const orderId = orders[0]!.id;
      expect(payments[0]!.path).toBe(`/v1/orders/${orderId}/payments`);
      expect(db.prepare('SELECT status, decline_code, card_last4, charged FROM payments WHERE order_id = ? ORDER BY created_at, rowid').all(orderId)).toEqual([
        { status: 'declined', decline_code: 'card_declined', card_last4: '0002', charged: 0 },
        { status: 'succeeded', decline_code: null, card_last4: '4242', charged: 1 },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM payments WHERE order_id = ? AND charged = 1').get(orderId).n).toBe(1);
      expect(db.prepare('SELECT paid_by FROM orders WHERE id = ?').get(orderId).paid_by).toBeTruthy();

      expect(await seen.violations()).toEqual([]);
      // The decline's 402, and Chromium's console line for it, are the only complaints.
      const expected = (p: string) => p === `402 ${payments[0]!.path}` || /^console error: Failed to load resource: .*status of 402/.test(p);
      expect(seen.problems.filter((p) => !expected(p))).toEqual([]);
      expect(seen.problems.filter(expected).length).toBeGreaterThanOrEqual(1);
    } finally {
      await context.close();
    }
  }, 30_000);
});
