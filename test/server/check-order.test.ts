/**
 * "I already paid: check my order" on the reference server, as the demo provider does it
 * (src/providers/demo.ts): an ICCID or an order number signs in whatever channel is sent; a
 * renewal order's reference, with an e-mail of the account that placed it, signs in to that
 * account; `GET /v1/orders/lookup` answers the account's most recent order. Orders belong to
 * accounts, not sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ICCID, DEMO_PASSWORD } from '../../src/domain/test-accounts.js';
import { CHANNELS } from '../../src/domain/types.js';
import { DEMO_SIGN_IN, manualClock, startTestServer, type Client, type TestServer } from './helpers.js';

const CARRIER = { method: 'account', channel: 'shop', username: 'carrier@example.com', password: DEMO_PASSWORD } as const;
const TRAVELER = 'traveler@example.com';
const NOT_FOUND = { code: 'not-found', message: expect.any(String), retryable: false };

describe('ICCID and order-number sign-in in any channel', () => {
  let t: TestServer;
  beforeAll(async () => void (t = await startTestServer()));
  afterAll(() => t.close());

  it.each(CHANNELS)('finds the airport eSIM by ICCID and by order number with channel %s', async (channel) => {
    for (const credentials of [
      { method: 'iccid', channel, iccid: DEMO_ICCID, email: TRAVELER },
      { method: 'order', channel, orderNumber: ' nrt-240001 ', email: TRAVELER.toUpperCase() },
    ]) {
      const c = t.client();
      expect((await c.post('/v1/session', credentials)).status).toBe(200);
      // The eSIM's own channel, whatever the sign-in said.
      expect((await c.get('/v1/account')).body).toMatchObject({ accountId: 'acct-airport-traveler', channel: 'airport' });
    }
  });

  it('still looks an account up within its channel only', async () => {
    expect((await t.client().post('/v1/session', { ...DEMO_SIGN_IN, channel: 'airport' })).status).toBe(401);
  });

  it('counts failures for one order number together, whatever channel is sent', async () => {
    const c = t.client();
    for (const [i, channel] of ['online', 'shop', 'airport', 'online', 'shop'].entries()) {
      expect((await c.post('/v1/session', { method: 'order', channel, orderNumber: 'NRT-999998', email: `x${i}@example.com` })).status).toBe(404);
    }
    expect((await c.post('/v1/session', { method: 'order', channel: 'airport', orderNumber: 'NRT-999998', email: TRAVELER })).status).toBe(429);
  });
});

describe('GET /v1/orders/lookup', () => {
  const clock = manualClock();
  let t: TestServer;
  let c: Client;
  let first: string;
  let second: string;
  beforeAll(async () => {
    t = await startTestServer({ activation: 'immediate' }, { now: clock.now });
    c = t.client();
    await c.signIn();
  });
  afterAll(() => t.close());

  it('needs a session (401) and is 404 not-found before the account has an order', async () => {
    expect((await t.client().get('/v1/orders/lookup')).status).toBe(401);
    const none = await c.get('/v1/orders/lookup');
    expect(none.status).toBe(404);
    expect(none.body).toEqual(NOT_FOUND);
  });

  it('answers the most recently created order as GET /v1/orders/{orderId} does, with payment null before one', async () => {
    first = await c.order('online-7d-3gb');
    clock.advance(1_000);
    second = await c.order('online-1d-1gb', 2);
    const latest = await c.get('/v1/orders/lookup');
    expect(latest.status).toBe(200);
    expect(latest.body).toEqual((await c.get(`/v1/orders/${second}`)).body);
    expect(latest.body).toMatchObject({ order: { orderId: second, planId: 'online-1d-1gb', quantity: 2 }, payment: null, activation: { state: 'pending' } });
    // Answering an open order again does not make it the latest.
    expect(await c.order('online-7d-3gb')).toBe(first);
    expect((await c.get('/v1/orders/lookup')).body.order.orderId).toBe(second);
  });

  it('follows the payment: a konbini voucher pending, then paid at the shop (and the plan live)', async () => {
    const pending = await c.post(`/v1/orders/${second}/payments`, { method: 'konbini' }, { idempotencyKey: 'latest-konbini' });
    expect(pending.body.status).toBe('pending-cash');
    expect((await c.get('/v1/orders/lookup')).body).toMatchObject({ order: { orderId: second }, payment: pending.body, activation: { state: 'pending' } });

    expect((await t.admin('POST', `/admin/vouchers/${pending.body.voucher.number}/pay`)).body.result).toBe('paid');
    const paid = await c.get('/v1/orders/lookup');
    expect(paid.body).toMatchObject({
      order: { orderId: second },
      payment: { status: 'succeeded', paymentId: pending.body.paymentId },
      activation: { state: 'active', expiresAt: paid.body.order.newExpiresAt },
    });
  });

  it('belongs to the account: a new session of it sees its orders', async () => {
    const again = t.client();
    await again.signIn();
    expect((await again.get('/v1/orders/lookup')).body.order.orderId).toBe(second);
    expect((await again.get(`/v1/orders/${first}`)).status).toBe(200);
  });

  it('is not another account’s: 404 for its order id, and its own latest is 404 until it orders', async () => {
    const other = t.client();
    await other.signIn(CARRIER);
    for (const path of [`/v1/orders/${second}`, `/v1/orders/${first}`, '/v1/orders/lookup']) {
      const answer = await other.get(path);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(NOT_FOUND);
    }
    const own = await other.order('shop-30d-5gb');
    expect((await other.get('/v1/orders/lookup')).body.order.orderId).toBe(own);
    expect((await c.get('/v1/orders/lookup')).body.order.orderId).toBe(second);
  });

  it('answers the order whose reference is asked for, not the newest; another reference (the eSIM’s order number) gets the newest', async () => {
    const referenceOf = async (orderId: string): Promise<string> => (await c.get(`/v1/orders/${orderId}`)).body.order.reference;
    const older = await referenceOf(first);
    expect((await c.get(`/v1/orders/lookup?reference=${encodeURIComponent(` ${older.toLowerCase()} `)}`)).body.order.orderId).toBe(first);
    expect((await c.get(`/v1/orders/lookup?reference=${await referenceOf(second)}`)).body.order.orderId).toBe(second);
    expect((await c.get('/v1/orders/lookup?reference=NRT-240001')).body.order.orderId).toBe(second);
    // Another account's reference is not this account's order.
    const other = t.client();
    await other.signIn(CARRIER);
    expect((await other.get(`/v1/orders/lookup?reference=${older}`)).body.order.orderId).not.toBe(first);
  });

  it('refuses an empty or overlong reference with the contract’s 400', async () => {
    for (const reference of ['', 'X'.repeat(65)]) {
      const answer = await c.get(`/v1/orders/lookup?reference=${reference}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'invalid-input', retryable: false });
    }
  });
});

describe('sign-in by a renewal order’s reference', () => {
  const clock = manualClock();
  let t: TestServer;
  let owner: Client;
  let orderId: string;
  let reference: string;
  beforeAll(async () => {
    t = await startTestServer({ signInLockoutSeconds: 60 }, { now: clock.now });
    owner = t.client();
    await owner.signIn();
    orderId = await owner.order('online-15d-10gb');
    reference = (await owner.get(`/v1/orders/${orderId}`)).body.order.reference;
    expect(reference).toMatch(/^ESIM-[A-Z0-9]{8}$/);
  });
  afterAll(() => t.close());

  it('signs in to the account that placed it, with its e-mail, case-insensitive (the reference trimmed), in any channel', async () => {
    for (const [channel, orderNumber, email] of [
      ['online', reference, 'demo@example.com'],
      ['airport', ` ${reference.toLowerCase()} `, 'DEMO@Example.com'],
    ] as const) {
      const c = t.client();
      expect((await c.post('/v1/session', { method: 'order', channel, orderNumber, email })).status).toBe(200);
      expect((await c.get('/v1/account')).body.accountId).toBe('acct-online-demo');
      expect((await c.get('/v1/orders/lookup')).body.order).toMatchObject({ orderId, reference });
    }
  });

  it('answers a wrong e-mail exactly as an unknown reference: 404 not-found', async () => {
    const wrongEmail = await t.client().post('/v1/session', { method: 'order', channel: 'online', orderNumber: reference, email: TRAVELER });
    const unknown = await t.client().post('/v1/session', { method: 'order', channel: 'online', orderNumber: 'ESIM-ZZZZZZZZ', email: 'demo@example.com' });
    expect(wrongEmail.status).toBe(404);
    expect(wrongEmail.body).toEqual(NOT_FOUND);
    expect(unknown.status).toBe(404);
    expect(wrongEmail.body).toEqual(unknown.body);
  });

  it('takes the e-mail of an eSIM too: the airport traveler’s order, by the e-mail it signs in with', async () => {
    const traveler = t.client();
    await traveler.signIn({ method: 'iccid', channel: 'airport', iccid: DEMO_ICCID, email: TRAVELER });
    const travelerOrder = await traveler.order('airport-1d-1gb');
    const travelerReference = (await traveler.get('/v1/orders/lookup')).body.order.reference;
    const c = t.client();
    expect((await c.post('/v1/session', { method: 'order', channel: 'online', orderNumber: travelerReference, email: TRAVELER })).status).toBe(200);
    expect((await c.get('/v1/account')).body.accountId).toBe('acct-airport-traveler');
    expect((await c.get('/v1/orders/lookup')).body.order.orderId).toBe(travelerOrder);
    expect(
      (await t.client().post('/v1/session', { method: 'order', channel: 'airport', orderNumber: travelerReference, email: 'demo@example.com' })).status,
    ).toBe(404);
  });

  it('is throttled like any sign-in: 5 wrong e-mails in a row, then 429 even with the right one', async () => {
    const c = t.client();
    const right = { method: 'order', channel: 'online', orderNumber: reference, email: 'demo@example.com' };
    expect((await c.post('/v1/session', right)).status).toBe(200); // a success starts the count afresh
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/v1/session', { method: 'order', channel: 'online', orderNumber: reference, email: `guess-${i}@example.com` })).status).toBe(404);
    }
    const locked = await c.post('/v1/session', { ...right, orderNumber: reference.toLowerCase() });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'rate-limited', retryable: true });
    clock.advance(60_001);
    expect((await c.post('/v1/session', right)).status).toBe(200);
  });
});
