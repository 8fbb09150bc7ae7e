/**
 * The reference server speaks the contract: the OpenAPI document it serves is the committed
 * server/openapi.json, built from the schemas the routes validate with; every endpoint answers
 * what the document says (each answer in these tests is checked against it by the client); the
 * behaviour mirrors the demo provider on the shared catalogue.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, PLANS_BY_CHANNEL, findDemoAccount } from '../../src/providers/catalogue.js';
import type { Credentials } from '../../src/providers/contract.js';
import { CHANNELS } from '../../src/domain/types.js';
import { buildOpenApi } from '../../server/src/index.js';
import { OPENAPI_FILE, manualClock, startTestServer, type Client, type TestServer } from './helpers.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

describe('the OpenAPI document', () => {
  let t: TestServer;
  beforeAll(async () => void (t = await startTestServer()));
  afterAll(() => t.close());

  it('is served at /openapi.json, is the committed server/openapi.json, and is built from the route schemas', async () => {
    const response = await fetch(`${t.server.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const served = await response.json();
    expect(served).toEqual(buildOpenApi());
    // Regenerate with `npm run build:openapi -w server` when this fails.
    expect(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'))).toEqual(served);
  });

  it('covers every endpoint of the contract, the one error shape and every status code', () => {
    const doc = t.contract.doc as any;
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        'POST /v1/session',
        'DELETE /v1/session',
        'GET /v1/account',
        'GET /v1/plans',
        'POST /v1/orders',
        'GET /v1/orders/lookup',
        'GET /v1/orders/{orderId}',
        'POST /v1/orders/{orderId}/payments',
        'POST /v1/payments/{paymentId}/authentication',
        'GET /v1/payments/{paymentId}',
        'GET /v1/orders/{orderId}/activation',
        'POST /v1/support',
        'POST /processor/v1/tokens',
        'GET /v1/health',
      ].sort(),
    );
    const statuses = new Set(Object.values(doc.paths).flatMap((ops: any) => Object.values(ops).flatMap((op: any) => Object.keys(op.responses))));
    for (const status of ['200', '201', '204', '400', '401', '402', '403', '404', '409', '422', '429', '500', '503']) expect(statuses).toContain(status);
    expect(doc.components.schemas.Error.required).toEqual(['code', 'message', 'retryable']);
    const pay = doc.paths['/v1/orders/{orderId}/payments'].post;
    expect(pay.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
    expect(pay.parameters).toContainEqual(expect.objectContaining({ name: 'X-ESIM-CSRF', in: 'header', required: true }));
    expect(doc.paths['/v1/session'].post.responses['429'].headers).toHaveProperty('Retry-After');
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'esim_session' });
    // A static segment wins over a parameter, as in the server's router.
    expect(t.contract.template('/v1/orders/lookup')).toBe('/v1/orders/lookup');
    expect(t.contract.template('/v1/orders/ord_123')).toBe('/v1/orders/{orderId}');
    expect(t.contract.template('/v1/orders/lookup/payments')).toBe('/v1/orders/{orderId}/payments');
  });
});

describe('sign-in mirrors the demo catalogue', () => {
  let t: TestServer;
  beforeAll(async () => void (t = await startTestServer()));
  afterAll(() => t.close());

  /**
   * Every documented sign-in, and a wrong password, an unknown user and another channel (which
   * refuses an account, and finds an ICCID or an order number all the same).
   */
  const cases: Credentials[] = DEMO_ACCOUNTS.flatMap((a) =>
    a.signIns.flatMap((s): Credentials[] =>
      s.method === 'account'
        ? [
            { method: 'account', channel: a.channel, username: s.username, password: s.password ?? 'anything' },
            { method: 'account', channel: a.channel, username: ` ${s.username.toUpperCase()} `, password: 'wrong-password' },
            { method: 'account', channel: a.channel === 'online' ? 'shop' : 'online', username: s.username, password: s.password ?? 'x' },
          ]
        : s.method === 'iccid'
          ? [
              { method: 'iccid', channel: a.channel, iccid: s.iccid.replace(/(\d{4})/g, '$1 ').trim(), email: s.email.toUpperCase() },
              { method: 'iccid', channel: a.channel, iccid: s.iccid, email: 'someone@example.com' },
              ...CHANNELS.filter((c) => c !== a.channel).map((channel): Credentials => ({ method: 'iccid', channel, iccid: s.iccid, email: s.email })),
            ]
          : [
              { method: 'order', channel: a.channel, orderNumber: s.orderNumber.toLowerCase(), email: s.email },
              { method: 'order', channel: a.channel, orderNumber: s.orderNumber, email: 'someone@example.com' },
              ...CHANNELS.filter((c) => c !== a.channel).map((channel): Credentials => ({
                method: 'order',
                channel,
                orderNumber: s.orderNumber,
                email: s.email,
              })),
            ],
    ),
  );
  cases.push({ method: 'account', channel: 'online', username: 'nobody@example.com', password: DEMO_PASSWORD });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, credentials) => {
    const expected = findDemoAccount(credentials);
    const answer = await t.client().post('/v1/session', credentials);
    const status = expected.ok ? 200 : { 'invalid-credentials': 401, locked: 403, 'not-found': 404 }[expected.code];
    expect(answer.status).toBe(status);
    if (!expected.ok) expect(answer.body.code).toBe(expected.code);
  });
});

describe('a renewal through every endpoint', () => {
  let t: TestServer;
  let c: Client;
  const clock = manualClock();
  beforeAll(async () => {
    t = await startTestServer({ activation: 'delayed', activationDelaySeconds: 5 }, { now: clock.now });
    c = t.client();
  });
  afterAll(() => t.close());

  it('signs in with an HttpOnly, SameSite=Strict session cookie and answers the account and its plans', async () => {
    const signIn = await c.signIn();
    const cookie = signIn.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^esim_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP on loopback
    expect(Date.parse(signIn.body.expiresAt)).toBe(clock.now() + 1800_000);

    const account = await c.get('/v1/account');
    expect(account.body).toMatchObject({ accountId: 'acct-online-demo', channel: 'online', asOf: new Date(clock.now()).toISOString() });
    expect(Date.parse(account.body.expiresAt)).toBe(clock.now() + 2 * 86_400_000);
    expect((await c.get('/v1/plans')).body.plans).toEqual(PLANS_BY_CHANNEL.online);
  });

  it('creates an order once and answers the open order again for the same plan and quantity', async () => {
    const first = await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 2 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ planId: 'online-7d-3gb', quantity: 2, total: { amount: 2960, currency: 'JPY' } });
    expect(Date.parse(first.body.newExpiresAt)).toBe(clock.now() + 16 * 86_400_000); // 2 days left + 2 × 7
    const again = await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 2 }, { idempotencyKey: 'order:online-7d-3gb:2' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await c.post('/v1/orders', { planId: 'shop-30d-5gb', quantity: 1 })).status).toBe(422);
    expect((await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 11 })).status).toBe(400);
    expect((await c.post('/v1/orders', { planId: 'online-7d-3gb', quantity: 1, extra: true })).status).toBe(400);
    expect((await c.post('/v1/orders', undefined, { rawBody: '{"planId":' })).status).toBe(400);
  });

  it('pays by card, then activates on the schedule and moves the account’s expiry', async () => {
    const orderId = await c.order('online-30d-20gb');
    const detail = await c.get(`/v1/orders/${orderId}`);
    expect(detail.body).toMatchObject({ payment: null, activation: { state: 'pending' } });
    expect((await c.get(`/v1/orders/${orderId}/activation?recheck=false`)).status).toBe(404); // not paid yet

    const token = await c.token();
    const paid = await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: token }, { idempotencyKey: 'pay-1' });
    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({ status: 'succeeded', paymentId: expect.stringMatching(/^pay_/) });
    expect((await c.get(`/v1/payments/${paid.body.paymentId}`)).body).toEqual(paid.body);

    expect((await c.get(`/v1/orders/${orderId}/activation?recheck=false`)).body).toEqual({ state: 'pending' });
    clock.advance(5_000);
    const active = await c.get(`/v1/orders/${orderId}/activation?recheck=false`);
    expect(active.body).toEqual({ state: 'active', expiresAt: expect.any(String) });
    expect((await c.get('/v1/account')).body.expiresAt).toBe(active.body.expiresAt);
    expect((await c.get(`/v1/orders/${orderId}`)).body).toMatchObject({ payment: paid.body, activation: active.body });
  });

  it('asks PayPal for approval, and a card for authentication (refused: 402 authentication_failed)', async () => {
    const paypalOrder = await c.order('online-1d-1gb');
    const pending = await c.post(`/v1/orders/${paypalOrder}/payments`, { method: 'paypal' }, { idempotencyKey: 'pp-1' });
    expect(pending.body).toMatchObject({ status: 'requires-action', action: 'paypal-approval' });
    const approved = await c.post(
      `/v1/payments/${pending.body.paymentId}/authentication`,
      { approved: true },
      { idempotencyKey: `auth:${pending.body.paymentId}:true` },
    );
    expect(approved.body).toEqual({ status: 'succeeded', paymentId: pending.body.paymentId });

    const cardOrder = await c.order('online-15d-10gb');
    const token = await c.token('4000 0027 6000 3184');
    const challenge = await c.post(`/v1/orders/${cardOrder}/payments`, { method: 'card', cardToken: token }, { idempotencyKey: '3ds-1' });
    expect(challenge.body).toMatchObject({ status: 'requires-action', action: 'authenticate' });
    const refused = await c.post(`/v1/payments/${challenge.body.paymentId}/authentication`, { approved: false });
    expect(refused.status).toBe(402);
    expect(refused.body).toEqual({
      code: 'declined',
      message: expect.any(String),
      retryable: false,
      declineCode: 'authentication_failed',
      paymentId: challenge.body.paymentId,
    });
    expect((await c.get(`/v1/payments/${challenge.body.paymentId}`)).body).toMatchObject({ status: 'declined', declineCode: 'authentication_failed' });
  });

  it('declines Stripe’s decline test cards with 402, paymentId and declineCode', async () => {
    const orderId = await c.order('online-30d-50gb');
    for (const [number, declineCode] of [
      ['4000 0000 0000 0002', 'card_declined'],
      ['4000 0000 0000 9995', 'insufficient_funds'],
    ] as const) {
      const answer = await c.post(
        `/v1/orders/${orderId}/payments`,
        { method: 'card', cardToken: await c.token(number) },
        { idempotencyKey: `decline-${declineCode}` },
      );
      expect(answer.status).toBe(402);
      expect(answer.body).toMatchObject({ code: 'declined', retryable: false, declineCode, paymentId: expect.stringMatching(/^pay_/) });
    }
    expect((await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: 'tok_forged.abc' }, { idempotencyKey: 'forged' })).status).toBe(422);
    expect((await c.post(`/v1/orders/${orderId}/payments`, { method: 'card' }, { idempotencyKey: 'no-token' })).status).toBe(422);
    expect((await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: await c.token() })).status).toBe(400); // no Idempotency-Key
    expect((await c.post('/processor/v1/tokens', { number: '4242 4242 4242 4241', expiry: '12/34', cvc: '123' })).status).toBe(422);
    expect((await c.post('/processor/v1/tokens', { number: '4242 4242 4242 4242', expiry: '01/20', cvc: '123' })).status).toBe(422);
  });

  it('gives a konbini voucher that the shop pays (admin endpoint on loopback); then the payment succeeds', async () => {
    const orderId = await c.order('online-30d-unlimited');
    const pending = await c.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'konbini-1' });
    expect(pending.body).toMatchObject({
      status: 'pending-cash',
      voucher: { number: expect.stringMatching(/^\d{12}$/), total: { amount: 7480, currency: 'JPY' } },
    });
    // Unlike the demo, checking does not pay it: the shop does.
    for (let i = 0; i < 3; i++) expect((await c.get(`/v1/payments/${pending.body.paymentId}`)).body.status).toBe('pending-cash');
    const paid = await t.admin('POST', `/admin/vouchers/${pending.body.voucher.number}/pay`);
    expect(paid).toEqual({ status: 200, body: { paymentId: pending.body.paymentId, result: 'paid' } });
    expect((await t.admin('POST', `/admin/vouchers/${pending.body.voucher.number}/pay`)).body.result).toBe('already-paid');
    expect((await t.admin('POST', '/admin/vouchers/000000000000/pay')).status).toBe(404);
    expect((await c.get(`/v1/payments/${pending.body.paymentId}`)).body).toEqual({ status: 'succeeded', paymentId: pending.body.paymentId });
  });

  it('lets a voucher lapse after its pay-by time (402 voucher_expired on the way in, declined on status)', async () => {
    const orderId = await c.order('online-1d-1gb', 3);
    const pending = await c.post(`/v1/orders/${orderId}/payments`, { method: 'konbini' }, { idempotencyKey: 'konbini-late' });
    clock.advance(3 * 86_400_000 + 1);
    await c.signIn(); // the session ran out meanwhile
    expect((await c.get(`/v1/payments/${pending.body.paymentId}`)).body).toEqual({
      status: 'declined',
      paymentId: pending.body.paymentId,
      declineCode: 'voucher_expired',
    });
    expect((await t.admin('POST', `/admin/vouchers/${pending.body.voucher.number}/pay`)).status).toBe(422);
  });

  it('answers 404 for another account’s or an unknown order or payment', async () => {
    const other = t.client();
    await other.signIn({ method: 'account', channel: 'shop', username: 'carrier@example.com', password: DEMO_PASSWORD });
    const mine = await c.order('online-1d-1gb', 2);
    expect((await other.get(`/v1/orders/${mine}`)).status).toBe(404);
    expect((await other.post(`/v1/orders/${mine}/payments`, { method: 'konbini' }, { idempotencyKey: 'x' })).status).toBe(404);
    expect((await c.get('/v1/payments/pay_unknown')).status).toBe(404);
    expect((await c.get('/v1/orders/ord_unknown/activation')).status).toBe(404);
  });

  it('opens support tickets with or without a session, masking card numbers typed into them', async () => {
    const ticket = await c.post('/v1/support', {
      orderReference: 'ESIM-XXXX',
      triedChecks: ['restart', 'apn'],
      message: 'my card 4242 4242 4242 4242 was charged',
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body.ticketId).toMatch(/^SUP-/);
    const anonymous = await t.client().post('/v1/support', { triedChecks: [], message: '' });
    expect(anonymous.status).toBe(201);
    const row = (t.server.repository as any).db.prepare('SELECT message FROM tickets WHERE id = ?').get(ticket.body.ticketId);
    expect(row.message).toBe('my card [card number removed] was charged');
  });

  it('signs out: the cookie is cleared and the session is gone (401 session-expired)', async () => {
    const out = await c.request('DELETE', '/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/esim_session=;/);
    expect((await c.get('/v1/account')).body.code).toBe('session-expired');
    expect((await t.client().get('/v1/plans')).status).toBe(401);
  });

  it('answers the health check', async () => {
    expect((await c.get('/v1/health')).body).toEqual({ status: 'ok', catalogueVersion: expect.any(String) });
  });
});

describe('activation schedules (--activation)', () => {
  const pay = async (t: TestServer) => {
    const c = t.client();
    await c.signIn();
    const orderId = await c.order();
    await c.post(`/v1/orders/${orderId}/payments`, { method: 'card', cardToken: await c.token() }, { idempotencyKey: 'k' });
    return { c, orderId };
  };

  it('immediate: active at once', async () => {
    const t = await startTestServer({ activation: 'immediate' });
    const { c, orderId } = await pay(t);
    expect((await c.get(`/v1/orders/${orderId}/activation?recheck=false`)).body.state).toBe('active');
    await t.close();
  });

  it('never: pending until a recheck, which activates it (as the demo does)', async () => {
    const t = await startTestServer({ activation: 'never' });
    const { c, orderId } = await pay(t);
    expect((await c.get(`/v1/orders/${orderId}/activation?recheck=false`)).body.state).toBe('pending');
    expect((await c.get(`/v1/orders/${orderId}/activation?recheck=true`)).body.state).toBe('active');
    expect((await c.get(`/v1/orders/${orderId}/activation`)).body.state).toBe('active');
    await t.close();
  });

  it('failed: always failed', async () => {
    const t = await startTestServer({ activation: 'failed' });
    const { c, orderId } = await pay(t);
    expect((await c.get(`/v1/orders/${orderId}/activation?recheck=true`)).body).toEqual({ state: 'failed' });
    await t.close();
  });
});
