/**
 * Resuming: a wizard restored from saved progress (a reload, a tab closed to restart the phone)
 * is sent `host.resumed`. Calls in flight and timers were not kept, so each state says how it
 * goes on; a payment whose answer was lost is reconciled with the provider, never paid again.
 * And "I already paid: check my order", which finds an order from the first step.
 */
import { describe, expect, it } from 'vitest';
import type { WizardEvent } from '../../../src/machine/context.js';
import type { PaymentOutcome } from '../../../src/domain/types.js';
import {
  CARD,
  ICCID_19,
  PLANS,
  TODAY,
  Wizard,
  account,
  activationEvent,
  atActivation,
  atChoosing,
  atLogin,
  atPlanLoading,
  atReview,
  atTroubleshooting,
  err,
  fillAccount,
  inDays,
  order,
  outcome,
  readyToPay,
  type ProviderAnswer,
} from './harness.js';

const resumed: WizardEvent = { type: 'host.resumed' };
const voucher = { number: '1', payBy: TODAY, total: { amount: 1, currency: 'JPY' } };

const found = (payment: PaymentOutcome | null, activation: 'pending' | 'active' | 'failed' = 'pending', planId = 'week-3gb'): ProviderAnswer => ({
  type: 'provider.orderStatus',
  status: {
    order: order(planId),
    payment,
    activation: activation === 'active' ? { state: 'active', expiresAt: inDays(40) } : { state: activation },
  },
});

/** Each state that waits on a call or a timer, how the wizard gets there, and where a resume takes it. */
const cases: [state: string, reach: () => Wizard, after: string, restarts: string | null][] = [
  ['login.submitting', () => fillAccount(atLogin()).send({ type: 'user.next' }), 'login.form', null],
  ['plan.loading', atPlanLoading, 'plan.loading', 'loadAccount'],
  ['payment.ordering', () => atChoosing().send({ type: 'user.plan.select', planId: 'day-1gb' }).send({ type: 'user.next' }), 'payment.ordering', 'createOrder'],
  ['payment.tokenizing', () => readyToPay(atReview(), 'card').send({ type: 'user.payment.pay' }), 'payment.review', null],
  ['payment.paying', () => readyToPay(atReview(), 'konbini').send({ type: 'user.payment.pay' }), 'payment.reconciling', 'findOrder'],
  [
    'payment.payError',
    () => readyToPay(atReview(), 'konbini').send({ type: 'user.payment.pay' }).send(err('network', true)),
    'payment.reconciling',
    'findOrder',
  ],
  [
    'payment.confirmingAuth',
    () =>
      readyToPay(atReview(), 'paypal')
        .send({ type: 'user.payment.pay' })
        .send(outcome({ status: 'requires-action', paymentId: 'p', action: 'paypal-approval' }))
        .send({ type: 'user.payment.authenticate', approved: true }),
    'payment.reconciling',
    'findOrder',
  ],
  [
    'payment.verifyingHostPayment',
    () => readyToPay(atReview(), 'paypal').send({ type: 'host.payment.reported', paymentId: 'host-1' }),
    'payment.reconciling',
    'findOrder',
  ],
  [
    'payment.awaitingCash',
    () =>
      readyToPay(atReview(), 'konbini')
        .send({ type: 'user.payment.pay' })
        .send(outcome({ status: 'pending-cash', paymentId: 'p', voucher })),
    'payment.checkingCash',
    'paymentStatus',
  ],
  ['activation.checking', atActivation, 'activation.checking', 'activationStatus'],
  ['activation.waiting', () => atActivation().send(activationEvent('pending')), 'activation.checking', 'activationStatus'],
  ['troubleshooting.verifying', () => atTroubleshooting().send({ type: 'user.trouble.fixed' }), 'troubleshooting.verifying', 'activationStatus'],
  [
    'troubleshooting.sending',
    () => atTroubleshooting().send({ type: 'user.trouble.escalate' }).send({ type: 'user.trouble.send', ok: true }),
    'troubleshooting.escalate',
    null,
  ],
];

describe('host.resumed: each waiting state goes on', () => {
  it.each(cases)('%s → %s', (state, reach, after, restarts) => {
    const w = reach();
    expect(w.state).toBe(state);
    w.send(resumed);
    expect(w.state).toBe(after);
    if (restarts) expect(w.spawned(restarts)).toHaveLength(1);
    // Never a payment again: only the provider's record of it.
    expect(w.spawned('pay')).toEqual([]);
    expect(w.spawned('tokenizeCard')).toEqual([]);
  });

  it('the sign-in pause starts its ticking again', () => {
    const w = fillAccount(atLogin());
    for (let i = 0; i < 5; i++) w.send({ type: 'user.next' }).send(err('invalid-credentials'));
    expect(w.state).toBe('login.cooldown');
    w.send(resumed);
    expect(w.state).toBe('login.cooldown');
    expect(w.scheduled()).toEqual([{ type: expect.stringContaining('xstate.after'), delay: 1_000 }]);
  });

  it('settled states stay as they are, with their data', () => {
    const review = readyToPay(atReview(), 'konbini');
    const before = review.ctx;
    expect(review.send(resumed).state).toBe('payment.review');
    expect(review.ctx).toEqual(before);
    expect(new Wizard().send(resumed).state).toBe('validity');
    expect(atChoosing().send(resumed).state).toBe('plan.choosing');
  });

  it('reconciling is a charge in flight: no Start over, no Back, tagged charging', () => {
    const w = readyToPay(atReview(), 'konbini').send({ type: 'user.payment.pay' }).send(resumed);
    expect(w.hasTag('charging')).toBe(true);
    expect(w.can({ type: 'user.restart' })).toBe(false);
    expect(w.can({ type: 'user.back' })).toBe(false);
    expect(w.spawnedInput('findOrder')).toEqual({ orderId: 'ord-week-3gb', reference: null });
  });
});

describe('reconciling: the provider’s record decides', () => {
  const reconciling = () =>
    readyToPay(atReview(), 'card').send({ type: 'user.payment.pay' }).send({ type: 'provider.cardTokenized', card: CARD }).send(resumed);

  it('paid and active: done, with the new expiry', () => {
    const w = reconciling().send(found({ status: 'succeeded', paymentId: 'p' }, 'active'));
    expect(w.state).toBe('done');
    expect(w.ctx.activation.expiresAt).toBe(inDays(40));
  });

  it('paid, not yet active: activation, with the payment recorded', () => {
    const w = reconciling().send(found({ status: 'succeeded', paymentId: 'p' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.paymentId).toBe('p');
  });

  it('never paid, or declined: back to the plans with the order kept, and a new attempt key', () => {
    const before = reconciling();
    const none = before.send(found(null));
    expect(none.state).toBe('plan.loading');
    expect(none.ctx.order?.orderId).toBe('ord-week-3gb');
    expect(none.ctx.selectedPlanId).toBe('week-3gb');
    const declined = reconciling().send(found({ status: 'declined', paymentId: 'p', declineCode: 'card_declined' }));
    expect(declined.state).toBe('plan.loading');
    expect(declined.ctx.payment.attempt).toBe(1);
    // The plans again, the same plan chosen: on to the confirmation screen with this order.
    declined.send({ type: 'provider.accountLoaded', account: atReview().ctx.account!, plans: atReview().ctx.plans }).send({ type: 'user.next' });
    expect(declined.state).toBe('payment.review');
    expect(declined.ctx.order?.orderId).toBe('ord-week-3gb');
  });

  it('a cash voucher: waiting for it; a 3-D Secure step: authenticating', () => {
    expect(reconciling().send(found({ status: 'pending-cash', paymentId: 'p', voucher })).state).toBe('payment.awaitingCash');
    const auth = reconciling().send(found({ status: 'requires-action', paymentId: 'p', action: 'authenticate' }));
    expect(auth.state).toBe('payment.authenticating');
    expect(auth.ctx.payment.action).toBe('authenticate');
  });

  it('a failed look-up can be retried, and reconciles again', () => {
    const w = reconciling().send(err('network', true));
    expect(w.state).toBe('payment.reconcileError');
    expect(w.ctx.error).toEqual({ code: 'network', retryable: true });
    expect(w.can({ type: 'user.back' })).toBe(false);
    w.send({ type: 'user.retry' });
    expect(w.state).toBe('payment.reconciling');
    expect(w.spawned('findOrder')).toHaveLength(1);
  });

  it('an expired session: sign in again, then reconcile', () => {
    const w = reconciling().send(err('session-expired'));
    expect(w.state).toBe('login.form');
    fillAccount(w).send({ type: 'user.next' }).send({ type: 'provider.identified' });
    expect(w.state).toBe('payment.reconciling');
    expect(w.spawnedInput('findOrder')).toEqual({ orderId: 'ord-week-3gb', reference: null });
  });
});

describe('"I already paid: check my order"', () => {
  const lookup = () => new Wizard().send({ type: 'user.checkOrder' });
  /** The look-up by order reference and e-mail, sent. */
  const byReference = () =>
    lookup()
      .send({ type: 'user.login.field', field: 'orderNumber', value: 'REN-ABC123' })
      .send({ type: 'user.login.field', field: 'email', value: 'mika@example.com' })
      .send({ type: 'user.next' });

  it('from the first step, signs in by order (or ICCID), never by password', () => {
    const w = lookup();
    expect(w.state).toBe('login.form');
    expect(w.ctx.lookup).toBe(true);
    expect(w.ctx.login.method).toBe('order');
    expect(w.can({ type: 'user.login.method', method: 'iccid' })).toBe(true);
    expect(w.can({ type: 'user.login.method', method: 'account' })).toBe(false);
  });

  it('finds the latest order of whoever signed in, then goes where it stands', () => {
    const w = byReference();
    expect(w.state).toBe('login.submitting');
    w.send({ type: 'provider.identified' });
    expect(w.state).toBe('payment.reconciling');
    // No order is known here: the provider finds the one with the reference typed.
    expect(w.spawnedInput('findOrder')).toEqual({ orderId: null, reference: 'REN-ABC123' });
    w.send(found({ status: 'succeeded', paymentId: 'p' }, 'active'));
    expect(w.state).toBe('done');
    expect(w.ctx.lookup).toBe(false);
  });

  it('an unpaid order found: the plans say so, with that order chosen, and Continue pays that order, not a new one', () => {
    const w = byReference().send({ type: 'provider.identified' }).send(found(null));
    expect(w.state).toBe('plan.loading');
    expect(w.ctx.foundUnpaid).toBe(true);
    expect(w.ctx.selectedPlanId).toBe('week-3gb');
    w.send({ type: 'provider.accountLoaded', account: account(), plans: PLANS });
    expect(w.state).toBe('plan.choosing');
    expect(w.ctx.foundUnpaid).toBe(true);
    w.send({ type: 'user.next' });
    expect(w.state).toBe('payment.review');
    expect(w.spawned('createOrder')).toEqual([]);
    expect(w.ctx.foundUnpaid).toBe(false);
  });

  it('by ICCID too, with no reference: the provider answers the eSIM’s latest order', () => {
    const w = lookup()
      .send({ type: 'user.login.method', method: 'iccid' })
      .send({ type: 'user.login.field', field: 'iccid', value: ICCID_19 })
      .send({ type: 'user.login.field', field: 'email', value: 'mika@example.com' })
      .send({ type: 'user.next' })
      .send({ type: 'provider.identified' });
    expect(w.state).toBe('payment.reconciling');
    expect(w.spawnedInput('findOrder')).toEqual({ orderId: null, reference: null });
  });

  it('nothing found: said, and Back leads to the start, where renewing is open', () => {
    const w = byReference().send({ type: 'provider.identified' }).send(err('not-found'));
    expect(w.state).toBe('payment.reconcileError');
    expect(w.ctx.error?.code).toBe('not-found');
    w.send({ type: 'user.back' });
    expect(w.state).toBe('validity');
    expect(w.ctx.lookup).toBe(false);
  });

  it('Back from the look-up sign-in is back to the start, with sign-in by account again', () => {
    const w = lookup().send({ type: 'user.back' });
    expect(w.state).toBe('validity');
    expect(w.ctx.lookup).toBe(false);
    expect(w.ctx.login.method).toBe('account');
  });
});
