import { describe, expect, it } from 'vitest';
import type { Credentials, Session } from '../../src/providers/contract.js';
import { AIRPORT_PLANS, CATALOGUE_VERSION, DEMO_ACCOUNTS, ONLINE_PLANS, PLANS_BY_CHANNEL, SHOP_PLANS, demoAccounts } from '../../src/providers/catalogue.js';
import { DemoProvider } from '../../src/providers/demo.js';
import { DEMO_ICCID, DEMO_PASSWORD } from '../../src/domain/test-accounts.js';
import { IDENTIFY_METHODS, PAYMENT_METHODS, type Order, type PaymentMethod, type TopUpMode, type ValidityStart } from '../../src/domain/types.js';
import { ACTIVATION_SCENARIOS, type ActivationScenario } from '../../src/domain/codes.js';
import { ProviderError } from '../../src/providers/errors.js';
import { topUpEligibility } from '../../src/domain/rules.js';
import { luhnValid, validateIccid } from '../../src/domain/validation.js';

const NOW = Date.parse('2026-11-26T03:00:00Z');
const DAY = 86_400_000;
const signal = () => new AbortController().signal;
const provider = (scenario: ActivationScenario = 'immediate') => new DemoProvider({ latencyMs: 0, scenario, now: () => NOW });

const demo: Credentials = { method: 'account', channel: 'online', username: 'demo@example.com', password: DEMO_PASSWORD };
const carrier: Credentials = { method: 'account', channel: 'shop', username: 'carrier@example.com', password: DEMO_PASSWORD };
const traveler: Credentials = { method: 'iccid', channel: 'airport', iccid: DEMO_ICCID, email: 'traveler@example.com' };

/** The rejection of a promise, asserted to be a ProviderError. */
async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    () => expect.unreachable('expected a rejection'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

async function card(p: DemoProvider, number: string) {
  return p.tokenizeCard({ number, expiry: '12/30', cvc: '123' }, signal());
}

/** Signs in as `credentials` and creates an order for the channel's first plan. */
async function ordered(p: DemoProvider, credentials: Credentials = demo, planId?: string): Promise<{ session: Session; order: Order }> {
  const session = await p.identify(credentials, signal());
  const plans = await p.plans(session, signal());
  const order = await p.createOrder(session, { planId: planId ?? plans[0]!.id, quantity: 1 }, signal());
  return { session, order };
}

async function paid(p: DemoProvider, credentials: Credentials = demo) {
  const { session, order } = await ordered(p, credentials);
  const tok = await card(p, '4242424242424242');
  await p.pay(session, { orderId: order.orderId, method: 'card', cardToken: tok.token, idempotencyKey: `${order.orderId}:0` }, signal());
  return { session, order };
}

describe('catalogue', () => {
  it('has a version and stable, unique plan ids with JPY prices', () => {
    expect(CATALOGUE_VERSION).toMatch(/\S/);
    const all = [...ONLINE_PLANS, ...SHOP_PLANS, ...AIRPORT_PLANS];
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const p of all) {
      expect(p.price.currency).toBe('JPY');
      expect(Number.isInteger(p.price.amount) && p.price.amount > 0).toBe(true);
    }
    expect(ONLINE_PLANS.find((p) => p.id === 'online-1d-1gb')).toMatchObject({ price: { amount: 500 }, throttle: '128 kbps', days: 1 });
    expect(ONLINE_PLANS.find((p) => p.id === 'online-30d-unlimited')).toMatchObject({ price: { amount: 7480 }, dataMb: null });
    expect(AIRPORT_PLANS.find((p) => p.id === 'airport-1d-unlimited')).toMatchObject({ price: { amount: 580 }, dataMb: null, days: 1 });
  });

  it('the airport ICCID is a valid ICCID', () => {
    expect(DEMO_ICCID).toHaveLength(19);
    expect(DEMO_ICCID.startsWith('89')).toBe(true);
    expect(luhnValid(DEMO_ICCID)).toBe(true);
    expect(validateIccid(DEMO_ICCID)).toBeNull();
    for (const a of DEMO_ACCOUNTS) if (a.iccid) expect(validateIccid(a.iccid)).toBeNull();
  });

  it('uses every value of every capability field in some account', () => {
    const caps = demoAccounts(NOW).map((a) => a.capabilities);
    const used = <T>(pick: (c: (typeof caps)[number]) => T | readonly T[]) => new Set(caps.flatMap((c) => pick(c)));
    const TOP_UP_MODES = ['extend', 'queue', 'stack'] as const satisfies readonly TopUpMode[];
    const VALIDITY_STARTS = ['install', 'first-connection'] as const satisfies readonly ValidityStart[];
    // Fails to compile if a mode or start is added to types.ts and not listed here.
    const modesComplete: [Exclude<TopUpMode, (typeof TOP_UP_MODES)[number]>] extends [never] ? true : false = true;
    const startsComplete: [Exclude<ValidityStart, (typeof VALIDITY_STARTS)[number]>] extends [never] ? true : false = true;
    expect(modesComplete && startsComplete).toBe(true);

    expect(used((c) => c.rechargeable)).toEqual(new Set([true, false]));
    expect(used((c) => c.topUpWindow.inJapanOnly)).toEqual(new Set([true, false]));
    const before = [...used((c) => c.topUpWindow.daysBeforeExpiry)];
    expect(before).toContain(null);
    expect(before.some((d) => typeof d === 'number' && d > 0)).toBe(true);
    const grace = [...used((c) => c.topUpWindow.graceDaysAfterExpiry)];
    expect(grace).toContain(0);
    expect(grace.some((d) => d > 0)).toBe(true);
    expect(used((c) => c.topUpMode)).toEqual(new Set(TOP_UP_MODES));
    expect(used((c) => c.validityStarts)).toEqual(new Set(VALIDITY_STARTS));
    expect(used((c) => c.paymentMethods)).toEqual(new Set(PAYMENT_METHODS));
    expect(used((c) => c.identifyMethods)).toEqual(new Set(IDENTIFY_METHODS));
    for (const c of caps) {
      expect(c.paymentMethods.length).toBeGreaterThan(0);
      for (const url of Object.values(c.links)) expect(new URL(url).hostname).toBe('example.com');
    }
  });

  it('expiries are relative to now and give each account its renewal situation', () => {
    const byId = new Map(demoAccounts(NOW).map((a) => [a.accountId, a]));
    const get = (id: string) => byId.get(id) ?? expect.unreachable(`no account ${id}`);
    for (const a of byId.values()) expect(a.asOf).toBe(new Date(NOW).toISOString());
    expect(Date.parse(get('acct-online-demo').expiresAt) - NOW).toBe(2 * DAY);
    expect(topUpEligibility(get('acct-online-demo'))).toEqual({ ok: true, inGrace: false });
    expect(topUpEligibility(get('acct-online-expired'))).toEqual({ ok: false, reason: 'expired-past-grace' });
    expect(topUpEligibility(get('acct-online-norecharge'))).toEqual({ ok: false, reason: 'not-rechargeable' });
    expect(topUpEligibility(get('acct-online-early'))).toMatchObject({ ok: false, reason: 'too-early' });
    expect(topUpEligibility(get('acct-shop-carrier'))).toEqual({ ok: true, inGrace: false });
    expect(topUpEligibility(get('acct-airport-traveler'))).toMatchObject({ ok: true, inGrace: true });
    // Another date, same situations.
    const later = demoAccounts(NOW + 400 * DAY).find((a) => a.accountId === 'acct-airport-traveler')!;
    expect(topUpEligibility(later)).toMatchObject({ ok: true, inGrace: true });
  });
});

describe('DemoProvider sign-in', () => {
  const accountCases: [string, Credentials, string][] = [
    ['demo', demo, 'acct-online-demo'],
    ['expired', { ...demo, username: 'expired@example.com' }, 'acct-online-expired'],
    ['norecharge', { ...demo, username: 'norecharge@example.com' }, 'acct-online-norecharge'],
    ['early', { ...demo, username: 'Early@Example.com ' }, 'acct-online-early'],
    ['carrier', carrier, 'acct-shop-carrier'],
    ['traveler by ICCID (typed with spaces)', { ...traveler, iccid: '8981 1000 0000 0000 002' }, 'acct-airport-traveler'],
    ['traveler by order', { method: 'order', channel: 'airport', orderNumber: 'NRT-240001', email: 'traveler@example.com' }, 'acct-airport-traveler'],
  ];
  it.each(accountCases)('%s signs in', async (_name, credentials, accountId) => {
    const p = provider();
    const session = await p.identify(credentials, signal());
    expect(session.id).toMatch(/^demo-session-[a-z0-9]+$/);
    const status = await p.accountStatus(session, signal());
    expect(status.accountId).toBe(accountId);
    expect(status.channel).toBe(credentials.channel);
    expect(status.asOf).toBe(new Date(NOW).toISOString());
  });

  it('each session gets its own id', async () => {
    const p = provider();
    const [a, b] = await Promise.all([p.identify(demo, signal()), p.identify(demo, signal())]);
    expect(a.id).not.toBe(b.id);
  });

  const failures: [string, Credentials, string, boolean][] = [
    ['wrong password', { ...demo, password: 'nope' }, 'invalid-credentials', false],
    ['unknown user', { ...demo, username: 'nobody@example.com' }, 'invalid-credentials', false],
    ['locked, any password', { ...demo, username: 'locked@example.com', password: 'whatever' }, 'locked', false],
    ['locked, demo password', { ...demo, username: 'locked@example.com' }, 'locked', false],
    ['unknown ICCID', { ...traveler, iccid: '8981100000000000010' }, 'not-found', false],
    ['ICCID with another e-mail', { ...traveler, email: 'someone@example.com' }, 'not-found', false],
    ['unknown order', { method: 'order', channel: 'airport', orderNumber: 'NRT-999999', email: 'traveler@example.com' }, 'not-found', false],
    ['account in another channel', { ...carrier, channel: 'online' }, 'invalid-credentials', false],
  ];
  it.each(failures)('%s is refused', async (_name, credentials, code, retryable) => {
    const e = await providerError(provider().identify(credentials, signal()));
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
  });

  it('an unknown session has expired', async () => {
    const p = provider();
    for (const call of [p.accountStatus({ id: 'demo-session-x' }, signal()), p.plans({ id: 'nope' }, signal())]) {
      const e = await providerError(call);
      expect(e.code).toBe('session-expired');
      expect(e.retryable).toBe(false);
    }
  });

  it('lists the channel plans', async () => {
    const p = provider();
    expect(await p.plans(await p.identify(demo, signal()), signal())).toEqual(PLANS_BY_CHANNEL.online);
    expect(await p.plans(await p.identify(carrier, signal()), signal())).toEqual(SHOP_PLANS);
    expect(await p.plans(await p.identify(traveler, signal()), signal())).toEqual(AIRPORT_PLANS);
  });
});

describe('DemoProvider orders', () => {
  it('extend: total and new expiry follow the plan', async () => {
    const p = provider();
    const session = await p.identify(demo, signal());
    const order = await p.createOrder(session, { planId: 'online-7d-3gb', quantity: 2 }, signal());
    expect(order.orderId).toMatch(/^ord_\d+$/);
    expect(order.reference).toMatch(/^DEMO-[A-Z0-9]{6}$/);
    expect(order.total).toEqual({ amount: 2960, currency: 'JPY' });
    expect(order.planName).toBe('7 days · 3 GB');
    expect(Date.parse(order.newExpiresAt)).toBe(NOW + (2 + 14) * DAY);
    expect(order.startsAt).toBeUndefined();
  });

  it('queue: starts when the current plan ends', async () => {
    const { order } = await ordered(provider(), carrier, 'shop-30d-5gb');
    expect(Date.parse(order.startsAt!)).toBe(NOW + 12 * DAY);
    expect(Date.parse(order.newExpiresAt)).toBe(NOW + 42 * DAY);
  });

  it('stack: runs from purchase, even inside the grace period', async () => {
    const { order } = await ordered(provider(), traveler, 'airport-7d-3gb');
    expect(order.startsAt).toBeUndefined();
    expect(Date.parse(order.newExpiresAt)).toBe(NOW + 7 * DAY);
  });

  it('returns the unpaid order again for the same plan', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    expect(await p.createOrder(session, { planId: order.planId, quantity: 1 }, signal())).toEqual(order);
  });

  it('refuses unknown plans, plans of another channel and bad quantities', async () => {
    const p = provider();
    const session = await p.identify(demo, signal());
    for (const req of [
      { planId: 'nope', quantity: 1 },
      { planId: 'airport-1d-1gb', quantity: 1 },
      { planId: 'online-1d-1gb', quantity: 0 },
      { planId: 'online-1d-1gb', quantity: 1.5 },
    ]) {
      const e = await providerError(p.createOrder(session, req, signal()));
      expect(e.code).toBe('invalid-input');
      expect(e.retryable).toBe(false);
    }
  });

  it('refuses orders when the account cannot top up', async () => {
    const p = provider();
    for (const username of ['expired@example.com', 'norecharge@example.com', 'early@example.com']) {
      const session = await p.identify({ ...demo, username }, signal());
      const e = await providerError(p.createOrder(session, { planId: 'online-1d-1gb', quantity: 1 }, signal()));
      expect(e.code).toBe('invalid-input');
    }
  });
});

describe('DemoProvider cards and payments', () => {
  it('tokenizes without exposing the number', async () => {
    const tok = await card(provider(), '4242 4242 4242 4242');
    expect(tok).toEqual({ token: expect.stringMatching(/^tok_demo_[a-z0-9]+$/), brand: 'visa', last4: '4242' });
  });

  it.each([
    ['4242424242424241', '12/30', '123'],
    ['4242424242424242', '10/26', '123'],
    ['4242424242424242', '13/30', '123'],
    ['4242424242424242', '12/30', '12'],
    ['378282246310005', '12/30', '123'],
  ])('refuses invalid card %s %s %s', async (number, expiry, cvc) => {
    const e = await providerError(provider().tokenizeCard({ number, expiry, cvc }, signal()));
    expect(e.code).toBe('invalid-input');
    expect(e.retryable).toBe(false);
  });

  it.each([
    ['4242 4242 4242 4242', { status: 'succeeded' }, 1],
    ['4000 0000 0000 0002', { status: 'declined', declineCode: 'card_declined' }, 0],
    ['4000 0000 0000 9995', { status: 'declined', declineCode: 'insufficient_funds' }, 0],
    ['4000 0027 6000 3184', { status: 'requires-action', action: 'authenticate' }, 0],
    ['5555 5555 5555 4444', { status: 'succeeded' }, 1],
  ])('test card %s', async (number, expected, charges) => {
    const p = provider();
    const { session, order } = await ordered(p);
    const tok = await card(p, number);
    const outcome = await p.pay(session, { orderId: order.orderId, method: 'card', cardToken: tok.token, idempotencyKey: 'k1' }, signal());
    expect(outcome).toMatchObject(expected);
    expect(outcome.paymentId).toMatch(/^pay_\d+$/);
    expect(p.chargeCount(order.orderId)).toBe(charges);
    expect(await p.paymentStatus(session, outcome.paymentId, signal())).toEqual(outcome);
  });

  it('replays the first outcome for the same key and charges once', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const tok = await card(p, '4242424242424242');
    const req = { orderId: order.orderId, method: 'card', cardToken: tok.token, idempotencyKey: 'attempt-0' } as const;
    const first = await p.pay(session, req, signal());
    const again = await p.pay(session, req, signal());
    expect(again).toEqual(first);
    expect(first.status).toBe('succeeded');
    expect(p.chargeCount(order.orderId)).toBe(1);
  });

  it('replays a decline too, and a new key may then succeed', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const bad = await card(p, '4000000000000002');
    const req = { orderId: order.orderId, method: 'card', cardToken: bad.token, idempotencyKey: 'a0' } as const;
    const first = await p.pay(session, req, signal());
    expect(await p.pay(session, req, signal())).toEqual(first);
    const good = await card(p, '4242424242424242');
    expect(await p.pay(session, { ...req, cardToken: good.token, idempotencyKey: 'a1' }, signal())).toMatchObject({ status: 'succeeded' });
    expect(p.chargeCount(order.orderId)).toBe(1);
  });

  it('the same key with another body is a conflict', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const t1 = await card(p, '4000000000000002');
    const t2 = await card(p, '4242424242424242');
    await p.pay(session, { orderId: order.orderId, method: 'card', cardToken: t1.token, idempotencyKey: 'k' }, signal());
    for (const changed of [
      { orderId: order.orderId, method: 'card', cardToken: t2.token, idempotencyKey: 'k' },
      { orderId: order.orderId, method: 'konbini', idempotencyKey: 'k' },
      { orderId: 'ord_999', method: 'card', cardToken: t1.token, idempotencyKey: 'k' },
    ] as const) {
      const e = await providerError(p.pay(session, changed, signal()));
      expect(e.code).toBe('conflict');
      expect(e.retryable).toBe(false);
    }
    expect(p.chargeCount(order.orderId)).toBe(0);
  });

  it('the same key with another body for an order paid meanwhile (another tab) is already-paid, not a conflict', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const t1 = await card(p, '4242424242424242');
    const t2 = await card(p, '4242424242424242');
    expect((await p.pay(session, { orderId: order.orderId, method: 'card', cardToken: t1.token, idempotencyKey: 'k' }, signal())).status).toBe('succeeded');
    const e = await providerError(p.pay(session, { orderId: order.orderId, method: 'card', cardToken: t2.token, idempotencyKey: 'k' }, signal()));
    expect(e.code).toBe('already-paid');
    expect(p.chargeCount(order.orderId)).toBe(1);
  });

  it('a paid order refuses a new key with already-paid', async () => {
    const p = provider();
    const { session, order } = await paid(p);
    const tok = await card(p, '4242424242424242');
    const e = await providerError(p.pay(session, { orderId: order.orderId, method: 'card', cardToken: tok.token, idempotencyKey: 'new' }, signal()));
    expect(e.code).toBe('already-paid');
    expect(e.retryable).toBe(false);
    const e2 = await providerError(p.pay(session, { orderId: order.orderId, method: 'konbini', idempotencyKey: 'newer' }, signal()));
    expect(e2.code).toBe('already-paid');
    expect(p.chargeCount(order.orderId)).toBe(1);
  });

  it('refuses a card payment without a known token, and methods the account lacks', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const base = { orderId: order.orderId, method: 'card' as PaymentMethod };
    expect((await providerError(p.pay(session, { ...base, idempotencyKey: 'a' }, signal()))).code).toBe('invalid-input');
    expect((await providerError(p.pay(session, { ...base, cardToken: 'tok_demo_forged', idempotencyKey: 'b' }, signal()))).code).toBe('invalid-input');
    const shop = await ordered(p, carrier);
    const e = await providerError(p.pay(shop.session, { orderId: shop.order.orderId, method: 'paypal', idempotencyKey: 'c' }, signal()));
    expect(e.code).toBe('invalid-input');
  });

  it("another account's order is not found; the same account's, from a new session, is", async () => {
    const p = provider();
    const { order } = await ordered(p);
    const other = await p.identify({ ...demo, username: 'early@example.com' }, signal());
    const e = await providerError(p.pay(other, { orderId: order.orderId, method: 'konbini', idempotencyKey: 'x' }, signal()));
    expect(e.code).toBe('not-found');
    expect((await providerError(p.orderStatus(other, { orderId: order.orderId }, signal()))).code).toBe('not-found');
    // A person who lost the tab signs in again: their order is theirs still.
    const again = await p.identify(demo, signal());
    expect((await p.orderStatus(again, { orderId: order.orderId }, signal())).order.orderId).toBe(order.orderId);
  });

  it('card authentication: approved succeeds once, refused declines', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const tok = await card(p, '4000002760003184');
    const pending = await p.pay(session, { orderId: order.orderId, method: 'card', cardToken: tok.token, idempotencyKey: 'k0' }, signal());
    expect(pending).toMatchObject({ status: 'requires-action', action: 'authenticate' });
    const done = await p.authenticatePayment(session, { paymentId: pending.paymentId, approved: true }, signal());
    expect(done).toEqual({ status: 'succeeded', paymentId: pending.paymentId });
    expect(await p.authenticatePayment(session, { paymentId: pending.paymentId, approved: true }, signal())).toEqual(done);
    expect(p.chargeCount(order.orderId)).toBe(1);

    const second = await ordered(p, demo, 'online-30d-20gb');
    const tok2 = await card(p, '4000002760003184');
    const p2 = await p.pay(second.session, { orderId: second.order.orderId, method: 'card', cardToken: tok2.token, idempotencyKey: 'k1' }, signal());
    expect(await p.authenticatePayment(second.session, { paymentId: p2.paymentId, approved: false }, signal())).toEqual({
      status: 'declined',
      paymentId: p2.paymentId,
      declineCode: 'authentication_failed',
    });
    expect(p.chargeCount(second.order.orderId)).toBe(0);
  });

  it('PayPal asks for approval, then succeeds', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const out = await p.pay(session, { orderId: order.orderId, method: 'paypal', idempotencyKey: 'pp' }, signal());
    expect(out).toMatchObject({ status: 'requires-action', action: 'paypal-approval' });
    expect(await p.authenticatePayment(session, { paymentId: out.paymentId, approved: true }, signal())).toMatchObject({ status: 'succeeded' });
    expect(p.chargeCount(order.orderId)).toBe(1);
  });

  it('konbini: a voucher that counts as paid at the second status check', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const out = await p.pay(session, { orderId: order.orderId, method: 'konbini', idempotencyKey: 'kb' }, signal());
    if (out.status !== 'pending-cash') return expect.unreachable(`got ${out.status}`);
    expect(out.voucher.number).toMatch(/^\d{12}$/);
    expect(Date.parse(out.voucher.payBy)).toBe(NOW + 3 * DAY);
    expect(out.voucher.total).toEqual(order.total);
    expect(p.chargeCount(order.orderId)).toBe(0);
    expect((await p.paymentStatus(session, out.paymentId, signal())).status).toBe('pending-cash');
    expect(p.chargeCount(order.orderId)).toBe(0);
    expect(await p.paymentStatus(session, out.paymentId, signal())).toEqual({ status: 'succeeded', paymentId: out.paymentId });
    expect((await p.paymentStatus(session, out.paymentId, signal())).status).toBe('succeeded');
    expect(p.chargeCount(order.orderId)).toBe(1);
  });

  it('konbini: a voucher not paid in time lapses', async () => {
    let now = NOW;
    const p = new DemoProvider({ latencyMs: 0, now: () => now });
    const { session, order } = await ordered(p);
    const out = await p.pay(session, { orderId: order.orderId, method: 'konbini', idempotencyKey: 'kb' }, signal());
    now += 4 * DAY;
    expect(await p.paymentStatus(session, out.paymentId, signal())).toMatchObject({ status: 'declined', declineCode: 'voucher_expired' });
    expect(p.chargeCount(order.orderId)).toBe(0);
  });

  it('an unknown payment is not found', async () => {
    const p = provider();
    const session = await p.identify(demo, signal());
    expect((await providerError(p.paymentStatus(session, 'pay_404', signal()))).code).toBe('not-found');
  });
});

describe('DemoProvider activation', () => {
  it('lists the scenarios', () => {
    expect([...ACTIVATION_SCENARIOS]).toEqual(['immediate', 'delayed', 'never', 'failed']);
  });

  async function states(scenario: ActivationScenario, rechecks: boolean[]) {
    const p = provider(scenario);
    const { session, order } = await paid(p);
    const out = [];
    for (const recheck of rechecks) out.push(await p.activationStatus(session, { orderId: order.orderId, recheck }, signal()));
    return { out, order };
  }

  it('immediate: active at the first check, with the new expiry', async () => {
    const { out, order } = await states('immediate', [false]);
    expect(out).toEqual([{ state: 'active', expiresAt: order.newExpiresAt }]);
  });

  it('delayed: pending twice, then active', async () => {
    const { out } = await states('delayed', [false, false, false, false]);
    expect(out.map((s) => s.state)).toEqual(['pending', 'pending', 'active', 'active']);
  });

  it('never: pending until a recheck, then stays active', async () => {
    const { out } = await states('never', [false, false, false, false, true, false]);
    expect(out.map((s) => s.state)).toEqual(['pending', 'pending', 'pending', 'pending', 'active', 'active']);
  });

  it('failed: failed, even on recheck', async () => {
    const { out } = await states('failed', [false, true, false]);
    expect(out.map((s) => s.state)).toEqual(['failed', 'failed', 'failed']);
  });

  it('follows a scenario changed on the fly', async () => {
    const p = provider('never');
    const { session, order } = await paid(p);
    expect((await p.activationStatus(session, { orderId: order.orderId, recheck: false }, signal())).state).toBe('pending');
    p.scenario = 'immediate';
    expect((await p.activationStatus(session, { orderId: order.orderId, recheck: false }, signal())).state).toBe('active');
  });

  it('the account shows the new expiry once the plan is live', async () => {
    const p = provider();
    const { session, order } = await paid(p);
    await p.activationStatus(session, { orderId: order.orderId, recheck: false }, signal());
    expect((await p.accountStatus(session, signal())).expiresAt).toBe(order.newExpiresAt);
  });

  it('an unpaid order is not found', async () => {
    const p = provider();
    const { session, order } = await ordered(p);
    const e = await providerError(p.activationStatus(session, { orderId: order.orderId, recheck: false }, signal()));
    expect(e.code).toBe('not-found');
  });
});

describe('DemoProvider support, latency and abort', () => {
  it('opens support tickets with or without a session', async () => {
    const p = provider();
    const a = await p.supportRequest(null, { triedChecks: ['restart'], message: 'still offline' }, signal());
    const b = await p.supportRequest(await p.identify(demo, signal()), { triedChecks: [], message: '' }, signal());
    expect(a.ticketId).toMatch(/^SUP-\d+$/);
    expect(b.ticketId).not.toBe(a.ticketId);
  });

  it('identifies as a demo', () => {
    const p = new DemoProvider();
    expect(p.info).toMatchObject({ name: 'Demo eSIM', demo: true });
    expect(p.scenario).toBe('immediate');
  });

  it('latency 0 still answers asynchronously', async () => {
    const p = provider();
    let settled = false;
    const pending = p.identify(demo, signal()).then((s) => ((settled = true), s));
    expect(settled).toBe(false);
    expect((await pending).id).toMatch(/^demo-session-/);
  });

  it('waits the latency', async () => {
    const p = new DemoProvider({ latencyMs: 30, now: () => NOW });
    const t0 = performance.now();
    await p.identify(demo, signal());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('rejects with the abort reason when aborted before the call', async () => {
    const c = new AbortController();
    const reason = new Error('gone');
    c.abort(reason);
    await expect(provider().identify(demo, c.signal)).rejects.toBe(reason);
  });

  it('rejects with an AbortError when aborted during the wait, and does nothing', async () => {
    const p = new DemoProvider({ latencyMs: 50, now: () => NOW });
    const c = new AbortController();
    const call = p.identify(demo, c.signal);
    setTimeout(() => c.abort(), 5);
    const e = await call.then(
      () => expect.unreachable('expected an abort'),
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DOMException);
    expect((e as DOMException).name).toBe('AbortError');
  });

  it('an aborted payment takes no charge', async () => {
    const p = new DemoProvider({ latencyMs: 20, now: () => NOW });
    const { session, order } = await ordered(p);
    const tok = await card(p, '4242424242424242');
    const c = new AbortController();
    const call = p.pay(session, { orderId: order.orderId, method: 'card', cardToken: tok.token, idempotencyKey: 'k' }, c.signal);
    c.abort();
    await expect(call).rejects.toBeDefined();
    expect(p.chargeCount(order.orderId)).toBe(0);
  });
});
