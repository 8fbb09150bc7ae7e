/**
 * Payments on the reference server: idempotency by key (replay, conflict, concurrency), one charge
 * per order, storage that survives a restart, and a voucher paid from a second process (the CLI).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, Service, openSqliteRepository } from '../../server/src/index.js';
import { manualClock, startTestServer, type Client, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

const charges = (t: TestServer, orderId: string) =>
  (t.server.repository as any).db
    .prepare('SELECT count(*) AS payments, coalesce(sum(charged), 0) AS charged FROM payments WHERE order_id = ?')
    .get(orderId) as {
    payments: number;
    charged: number;
  };

describe('idempotency', () => {
  let t: TestServer;
  let c: Client;
  beforeAll(async () => {
    t = await startTestServer();
    c = t.client();
    await c.signIn();
  });
  afterAll(() => t.close());

  it('replays the stored answer for the same key and body, without a second charge', async () => {
    const orderId = await c.order('online-7d-3gb');
    const body = { method: 'card', cardToken: await c.token() };
    const first = await c.post(`/v1/orders/${orderId}/payments`, body, { idempotencyKey: 'replay-1' });
    const again = await c.post(`/v1/orders/${orderId}/payments`, { cardToken: body.cardToken, method: 'card' }, { idempotencyKey: 'replay-1' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(charges(t, orderId)).toEqual({ payments: 1, charged: 1 });
  });

  it('replays a decline (402, same paymentId) too', async () => {
    const orderId = await c.order('online-15d-10gb');
    const body = { method: 'card', cardToken: await c.token('4000 0000 0000 0002') };
    const first = await c.post(`/v1/orders/${orderId}/payments`, body, { idempotencyKey: 'decline-1' });
    const again = await c.post(`/v1/orders/${orderId}/payments`, body, { idempotencyKey: 'decline-1' });
    expect([first.status, again.status]).toEqual([402, 402]);
    expect(again.body.paymentId).toBe(first.body.paymentId);
    expect(charges(t, orderId)).toEqual({ payments: 1, charged: 0 });
  });

  it('answers 409 conflict for the same key with another body or another order', async () => {
    const orderId = await c.order('online-30d-20gb');
    await c.post(`/v1/orders/${orderId}/payments`, { method: 'paypal' }, { idempotencyKey: 'conflict-1' });
    const otherBody = await c.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'conflict-1' });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body).toEqual({ code: 'conflict', message: expect.any(String), retryable: false });
    const otherOrder = await c.order('online-30d-50gb');
    expect((await c.post(`/v1/orders/${otherOrder}/payments`, { method: 'paypal' }, { idempotencyKey: 'conflict-1' })).status).toBe(409);
    expect(charges(t, otherOrder)).toEqual({ payments: 0, charged: 0 });
  });

  it('answers already-paid, not conflict, for the same key with another body once the order is paid (a second tab)', async () => {
    const orderId = await c.order('online-7d-3gb', 2);
    const first = await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: await c.token() }, { idempotencyKey: 'tab-0' });
    expect(first.status).toBe(200);
    const second = await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: await c.token() }, { idempotencyKey: 'tab-0' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'already-paid', retryable: false });
    expect(charges(t, orderId)).toEqual({ payments: 1, charged: 1 });
  });

  it('scopes keys to the account: another account may use the same key', async () => {
    const other = t.client();
    await other.signIn({ method: 'account', channel: 'shop', username: 'carrier@example.com', password: DEMO_PASSWORD });
    const orderId = await other.order('shop-30d-5gb');
    expect((await other.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'replay-1' })).body.status).toBe('pending-cash');
  });

  it('charges once for concurrent requests with one key: all get the same answer', async () => {
    const orderId = await c.order('online-30d-unlimited');
    const body = { method: 'card', cardToken: await c.token() };
    const answers = await Promise.all(Array.from({ length: 8 }, () => c.post(`/v1/orders/${orderId}/payments`, body, { idempotencyKey: 'race-1' })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body.paymentId)).size).toBe(1);
    expect(charges(t, orderId)).toEqual({ payments: 1, charged: 1 });
  });

  it('charges an order once whatever the keys: a paid order is 409 already-paid', async () => {
    const orderId = await c.order('online-1d-1gb');
    const tokens = await Promise.all(Array.from({ length: 6 }, () => c.token()));
    const answers = await Promise.all(
      tokens.map((cardToken, i) => c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken }, { idempotencyKey: `many-${i}` })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'already-paid')).toBe(true);
    expect(charges(t, orderId).charged).toBe(1);

    const late = await c.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'late' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('already-paid');
    // An approval for an older attempt cannot charge it again either.
    const order2 = await c.order('online-1d-1gb', 2);
    const paypal = await c.post(`/v1/orders/${order2}/payments`, { method: 'paypal' }, { idempotencyKey: 'pp' });
    await c.post(`/v1/orders/${order2}/payments`, { method: 'card', cardToken: await c.token() }, { idempotencyKey: 'card' });
    const approval = await c.post(`/v1/payments/${paypal.body.paymentId}/authentication`, { approved: true });
    expect(approval.status).toBe(409);
    expect(approval.body.code).toBe('already-paid');
    expect(charges(t, order2)).toEqual({ payments: 2, charged: 1 });
  });

  it('keeps a unique index that refuses a second charge even if the code did not', () => {
    const db = (t.server.repository as any).db;
    const paid = db.prepare('SELECT order_id FROM payments WHERE charged = 1 LIMIT 1').get();
    const other = db.prepare('SELECT id FROM payments WHERE order_id = ? AND charged = 0 LIMIT 1').get(paid.order_id);
    if (other) expect(() => db.prepare('UPDATE payments SET charged = 1 WHERE id = ?').run(other.id)).toThrow(/UNIQUE/);
  });
});

describe('storage', () => {
  it('runs its migrations, and keeps orders and payments across a restart', async () => {
    const first = await startTestServer({}, { keepData: true });
    const c = first.client();
    await c.signIn();
    const orderId = await c.order();
    const paid = await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: await c.token() }, { idempotencyKey: 'before-restart' });
    const db = (first.server.repository as any).db;
    expect(db.prepare('SELECT version FROM schema_version').get().version).toBe(SCHEMA_VERSION);
    const accounts = db.prepare('SELECT count(*) AS n FROM accounts').get().n;
    await first.close();

    const second = await startTestServer({}, { dataDir: first.dataDir });
    const again = second.client();
    await again.signIn();
    expect((await again.get(`/v1/orders/${orderId}`)).body.payment).toEqual(paid.body);
    // The same key after the restart still replays.
    expect((await again.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'before-restart' })).status).toBe(409);
    expect((second.server.repository as any).db.prepare('SELECT count(*) AS n FROM accounts').get().n).toBe(accounts);
    await second.close();
  });

  it('lets a second process (the CLI) pay a voucher while the server runs', async () => {
    const t = await startTestServer({}, { keepData: true });
    const c = t.client();
    await c.signIn();
    const orderId = await c.order();
    const pending = await c.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'k' });

    // What `npm run voucher:pay -w server -- <number>` does: its own connection to the same file.
    const repo = await openSqliteRepository(join(t.dataDir, 'esim.db'));
    const cli = new Service({
      repo,
      secret: Buffer.alloc(32),
      sessionTtlMs: 1,
      activation: { mode: 'never', delayMs: 0 },
      signIn: { maxFailures: 5, maxFailuresPerAddress: 20, lockoutMs: 1 },
    });
    expect(await cli.payVoucher(pending.body.voucher.number)).toEqual({ paymentId: pending.body.paymentId, result: 'paid' });
    await repo.close();

    expect((await c.get(`/v1/payments/${pending.body.paymentId}`)).body.status).toBe('succeeded');
    // The activation follows the server's setting at payment time (immediate here), not the CLI's.
    expect((await c.get(`/v1/orders/${orderId}/activation?recheck=false`)).body.state).toBe('active');
    await t.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });
});

describe('the demo till (--demo)', () => {
  it('pays a voucher once its delay has passed, when its status is next read; without --demo only the shop does', async () => {
    const clock = manualClock();
    for (const [demo, paidAfter] of [
      [true, 'succeeded'],
      [false, 'pending-cash'],
    ] as const) {
      const t = await startTestServer({ demo, voucherDelaySeconds: 20 }, { now: clock.now });
      const c = t.client();
      await c.signIn();
      const orderId = await c.order();
      const pending = await c.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'k' });
      expect(pending.body.status).toBe('pending-cash');
      clock.advance(19_999);
      expect((await c.get(`/v1/payments/${pending.body.paymentId}`)).body.status).toBe('pending-cash');
      clock.advance(1);
      expect((await c.get(`/v1/payments/${pending.body.paymentId}`)).body.status).toBe(paidAfter);
      expect((await c.get(`/v1/orders/${orderId}`)).body.payment.status).toBe(paidAfter);
      await t.close();
    }
  });

  it('leaves vouchers to the shop with --voucher-delay=-1', async () => {
    const clock = manualClock();
    const t = await startTestServer({ demo: true, voucherDelaySeconds: -1 }, { now: clock.now });
    const c = t.client();
    await c.signIn();
    const orderId = await c.order();
    const pending = await c.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'k' });
    clock.advance(300_000);
    expect((await c.get(`/v1/payments/${pending.body.paymentId}`)).body.status).toBe('pending-cash');
    await t.close();
  });
});
