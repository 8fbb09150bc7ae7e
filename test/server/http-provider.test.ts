/**
 * The browser's HttpProvider (src/providers/http.ts) against the reference server, in Node: a
 * whole renewal, then the test-only fault switch (`--test-faults`) to show what each fault does
 * to the provider — retried where the contract makes it safe, typed errors otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProvider } from '../../src/providers/http.js';
import { ProviderError } from '../../src/providers/errors.js';
import type { Session } from '../../src/providers/contract.js';
import { DEMO_SIGN_IN, startTestServer, type TestServer } from './helpers.js';

/** fetch with a cookie jar, as a browser does with `credentials: 'include'`. */
function browserFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [name, ...value] = line.split(';')[0]!.split('=');
      jar.set(name!, value.join('='));
    }
    return response;
  };
}

const signal = () => AbortSignal.timeout(20_000);

describe('HttpProvider ↔ reference server', () => {
  let t: TestServer;
  let provider: HttpProvider;
  let session: Session;
  const fault = (route: string, f: string, times = 1, after = false) =>
    t.admin('POST', '/admin/faults', { route, fault: f, times, ...(after ? { after } : {}) });

  beforeAll(async () => {
    t = await startTestServer({ testFaults: true, activation: 'immediate' });
    provider = new HttpProvider({ apiBase: t.server.url, fetch: browserFetch(), backoffMs: 5, timeoutMs: 1_000, random: () => 0.5 });
    session = await provider.identify({ ...DEMO_SIGN_IN }, signal());
  });
  afterAll(() => t.close());

  it('renews end to end: status, plans, order, token, payment, activation, support', async () => {
    const account = await provider.accountStatus(session, signal());
    expect(account.accountId).toBe('acct-online-demo');
    const plans = await provider.plans(session, signal());
    const order = await provider.createOrder(session, { planId: plans[1]!.id, quantity: 1 }, signal());
    expect(await provider.createOrder(session, { planId: plans[1]!.id, quantity: 1 }, signal())).toEqual(order);
    const card = await provider.tokenizeCard({ number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' }, signal());
    expect(card).toMatchObject({ brand: 'visa', last4: '4242' });
    const outcome = await provider.pay(session, { orderId: order.orderId, method: 'card', cardToken: card.token, idempotencyKey: 'e2e-1' }, signal());
    expect(outcome.status).toBe('succeeded');
    expect(await provider.paymentStatus(session, outcome.paymentId, signal())).toEqual(outcome);
    expect(await provider.activationStatus(session, { orderId: order.orderId, recheck: false }, signal())).toEqual({
      state: 'active',
      expiresAt: order.newExpiresAt,
    });
    expect((await provider.supportRequest(session, { triedChecks: ['restart'], message: 'hello' }, signal())).ticketId).toMatch(/^SUP-/);
    // A paid order, a new key: already-paid.
    await expect(provider.pay(session, { orderId: order.orderId, method: 'konbini', idempotencyKey: 'e2e-2' }, signal())).rejects.toMatchObject({
      code: 'already-paid',
    });
  });

  it('gets declines as outcomes (402 with paymentId) and authentication refusals too', async () => {
    const order = await provider.createOrder(session, { planId: 'online-30d-20gb', quantity: 1 }, signal());
    const declined = await provider.tokenizeCard({ number: '4000 0000 0000 9995', expiry: '12/34', cvc: '123' }, signal());
    expect(await provider.pay(session, { orderId: order.orderId, method: 'card', cardToken: declined.token, idempotencyKey: 'd-1' }, signal())).toMatchObject({
      status: 'declined',
      declineCode: 'insufficient_funds',
    });
    const threeDs = await provider.tokenizeCard({ number: '4000 0027 6000 3184', expiry: '12/34', cvc: '123' }, signal());
    const action = await provider.pay(session, { orderId: order.orderId, method: 'card', cardToken: threeDs.token, idempotencyKey: 'd-2' }, signal());
    expect(action).toMatchObject({ status: 'requires-action', action: 'authenticate' });
    expect(await provider.authenticatePayment(session, { paymentId: action.paymentId, approved: false }, signal())).toMatchObject({
      status: 'declined',
      declineCode: 'authentication_failed',
    });
  });

  it('retries GETs through 500, 503 (Retry-After: 1), a dropped connection and a timeout', async () => {
    await fault('GET /v1/plans', '500', 2);
    expect(await provider.plans(session, signal())).toHaveLength(6);
    await fault('GET /v1/plans', 'network');
    expect(await provider.plans(session, signal())).toHaveLength(6);
    await fault('GET /v1/account', 'timeout');
    expect((await provider.accountStatus(session, signal())).accountId).toBe('acct-online-demo');
    await fault('GET /v1/plans', '503');
    const started = performance.now();
    expect(await provider.plans(session, signal())).toHaveLength(6);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect((await t.admin('GET', '/admin/faults')).body).toEqual({ faults: {} });
  });

  it('retries a payment whose connection dropped with the same key: one charge', async () => {
    const order = await provider.createOrder(session, { planId: 'online-30d-unlimited', quantity: 1 }, signal());
    const card = await provider.tokenizeCard({ number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' }, signal());
    await fault('POST /v1/orders/{orderId}/payments', 'network');
    const outcome = await provider.pay(session, { orderId: order.orderId, method: 'card', cardToken: card.token, idempotencyKey: 'drop-1' }, signal());
    expect(outcome.status).toBe('succeeded');
    const db = (t.server.repository as any).db;
    expect(db.prepare('SELECT count(*) AS n, sum(charged) AS charged FROM payments WHERE order_id = ?').get(order.orderId)).toEqual({ n: 1, charged: 1 });
  });

  it('retries a payment whose answer was lost after the charge: the retry gets the stored answer, one charge', async () => {
    const order = await provider.createOrder(session, { planId: 'online-30d-50gb', quantity: 1 }, signal());
    const card = await provider.tokenizeCard({ number: '4242 4242 4242 4242', expiry: '12/34', cvc: '123' }, signal());
    await fault('POST /v1/orders/{orderId}/payments', 'network', 1, true);
    const outcome = await provider.pay(session, { orderId: order.orderId, method: 'card', cardToken: card.token, idempotencyKey: 'lost-1' }, signal());
    expect(outcome.status).toBe('succeeded');
    const db = (t.server.repository as any).db;
    expect(db.prepare('SELECT count(*) AS n, sum(charged) AS charged FROM payments WHERE order_id = ?').get(order.orderId)).toEqual({ n: 1, charged: 1 });
    expect(t.logs.join('\n')).toMatch(/"after":true/);
    // Two requests reached the server: the one whose answer was lost, and the retry.
    const requests = t.logs.filter((l) => l.includes('incoming request') && l.includes(`/v1/orders/${order.orderId}/payments`));
    expect(requests).toHaveLength(2);
  });

  it('turns a malformed body and a 401 into typed errors; does not retry a POST without a key', async () => {
    await fault('GET /v1/plans', 'malformed', 4);
    await expect(provider.plans(session, signal())).rejects.toMatchObject({ code: 'malformed-response' });
    await fault('GET /v1/account', '401');
    const expired = await provider.accountStatus(session, signal()).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(ProviderError);
    expect(expired).toMatchObject({ code: 'session-expired', retryable: false });
    await fault('POST /v1/support', '500');
    await expect(provider.supportRequest(session, { triedChecks: [], message: 'x' }, signal())).rejects.toMatchObject({ code: 'server' });
    await fault('POST /v1/session', '503', 10);
    await expect(provider.identify({ ...DEMO_SIGN_IN }, signal())).rejects.toMatchObject({ code: 'server', retryAfterMs: 1000 });
  });

  it('rejects unknown routes and faults', async () => {
    expect((await fault('GET /v1/nothing', '500')).status).toBe(400);
    expect((await fault('GET /v1/plans', 'explode')).status).toBe(400);
    expect((await t.admin('DELETE', '/admin/faults')).status).toBe(204);
  });
});
