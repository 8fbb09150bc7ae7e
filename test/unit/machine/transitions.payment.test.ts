import { describe, expect, it } from 'vitest';
import type { PayInput } from '../../../src/machine/context.js';
import { CASH_POLL_MS, initialContext } from '../../../src/machine/setup.js';
import { idempotencyKey } from '../../../src/machine/steps/payment.js';
import type { CashVoucher } from '../../../src/domain/types.js';
import { CARD, TODAY, Wizard, account, atChoosing, atReview, capabilities, err, order, outcome, readyToPay, type ProviderAnswer } from './harness.js';

const next = { type: 'user.next' } as const;
const back = { type: 'user.back' } as const;
const pay = { type: 'user.payment.pay' } as const;
const retry = { type: 'user.retry' } as const;
const tokenized: ProviderAnswer = { type: 'provider.cardTokenized', card: CARD };
const VOUCHER: CashVoucher = { number: '1234-5678', payBy: '2026-11-29T14:59:59.000Z', total: { amount: 1500, currency: 'JPY' } };

/** The input the last step gave the `pay` actor. */
const payInput = (w: Wizard) => w.spawnedInput<PayInput>('pay');

/** At review, card filled and confirmed, then through tokenization into paying. */
const payingByCard = () => {
  const w = readyToPay(atReview(), 'card').send(pay);
  expect(w.state).toBe('payment.tokenizing');
  return w.send(tokenized);
};

describe('payment: the order', () => {
  it('creates an order for the chosen plan, then shows the confirmation screen', () => {
    const w = atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(next);
    expect(w.state).toBe('payment.ordering');
    expect(w.hasTag('busy')).toBe(true);
    expect(w.spawnedInput('createOrder')).toEqual({ planId: 'week-3gb', quantity: 1 });
    w.send({ type: 'provider.orderCreated', order: order('week-3gb') });
    expect(w.state).toBe('payment.review');
    expect(w.ctx.order).toEqual(order('week-3gb'));
    expect(w.ctx.payment).toMatchObject({ confirmed: false, attempt: 0 });
  });

  it('reuses the order when coming back with the same plan, and keeps the confirmation', () => {
    const w = readyToPay(atReview('week-3gb'), 'paypal').send(back);
    expect(w.state).toBe('plan.choosing');
    w.send(next);
    expect(w.state).toBe('payment.review');
    expect(w.spawned('createOrder')).toHaveLength(0);
    expect(w.ctx.order?.orderId).toBe('ord-week-3gb');
    expect(w.ctx.payment).toMatchObject({ method: 'paypal', confirmed: true });
    expect(w.can(pay)).toBe(true);
  });

  it('creates a new order when the plan changes: confirm again, attempts from zero', () => {
    const w = readyToPay(atReview('week-3gb'), 'card')
      .send(pay)
      .send(tokenized)
      .send(outcome({ status: 'declined', paymentId: 'p1', declineCode: 'card_declined' }));
    expect(w.ctx.payment.attempt).toBe(1);
    const firstKey = idempotencyKey(w.ctx);
    w.send(back).send({ type: 'user.plan.select', planId: 'month-10gb' }).send(next);
    expect(w.state).toBe('payment.ordering');
    expect(w.spawnedInput('createOrder')).toEqual({ planId: 'month-10gb', quantity: 1 });
    w.send({ type: 'provider.orderCreated', order: order('month-10gb') });
    expect(w.ctx.order?.planId).toBe('month-10gb');
    expect(w.ctx.payment).toMatchObject({ confirmed: false, attempt: 0, decline: null, card: null, method: 'card' });
    expect(w.can(pay)).toBe(false);
    expect(idempotencyKey(w.ctx)).toBe('ord-month-10gb:0');
    expect(idempotencyKey(w.ctx)).not.toBe(firstKey);
  });

  it('an order error offers a retry, or Back to the plans', () => {
    const w = atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(next).send(err('server', true));
    expect(w.state).toBe('payment.orderError');
    expect(w.hasTag('error')).toBe(true);
    expect(w.ctx.error?.code).toBe('server');
    w.send(retry);
    expect(w.state).toBe('payment.ordering');
    expect(w.ctx.error).toBeNull();
    expect(w.spawnedInput('createOrder')).toEqual({ planId: 'week-3gb', quantity: 1 });
    w.send(err('network', true)).send(back);
    expect(w.state).toBe('plan.choosing');
  });

  it('Back while ordering returns to the plans and stops the request', () => {
    const w = atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(next).send(back);
    expect(w.state).toBe('plan.choosing');
    expect(w.running).toEqual([]);
  });
});

describe('payment: the confirmation screen', () => {
  it('cannot pay without the confirmation', () => {
    const w = atReview().send({ type: 'user.payment.method', method: 'paypal' });
    expect(w.can(pay)).toBe(false);
    expect(w.send(pay).state).toBe('payment.review');
    w.send({ type: 'user.payment.confirm', confirmed: true });
    expect(w.can(pay)).toBe(true);
    w.send({ type: 'user.payment.confirm', confirmed: false });
    expect(w.can(pay)).toBe(false);
  });

  it('cannot pay without a method', () => {
    const w = atReview().send({ type: 'user.payment.confirm', confirmed: true });
    expect(w.send(pay).state).toBe('payment.review');
  });

  it('cannot pay by card until the card form is valid', () => {
    const w = atReview().send({ type: 'user.payment.method', method: 'card' }).send({ type: 'user.payment.confirm', confirmed: true });
    expect(w.send(pay).state).toBe('payment.review');
    w.send({ type: 'user.payment.card', valid: true });
    expect(w.can(pay)).toBe(true);
    w.send({ type: 'user.payment.card', valid: false });
    expect(w.send(pay).state).toBe('payment.review');
  });

  it('only methods the account offers can be chosen', () => {
    const w = atReview('week-3gb', account({ capabilities: capabilities({ paymentMethods: ['card'] }) }));
    expect(w.can({ type: 'user.payment.method', method: 'konbini' })).toBe(false);
    w.send({ type: 'user.payment.method', method: 'konbini' });
    expect(w.ctx.payment.method).toBeNull();
    w.send({ type: 'user.payment.method', method: 'card' });
    expect(w.ctx.payment.method).toBe('card');
  });

  it('Back returns to the plan list', () => {
    expect(atReview().send(back).state).toBe('plan.choosing');
  });
});

describe('payment: paying', () => {
  it('card: tokenizing → paying, with the token and the attempt key', () => {
    const w = readyToPay(atReview(), 'card').send(pay);
    expect(w.state).toBe('payment.tokenizing');
    expect(w.hasTag('busy')).toBe(true);
    expect(w.hasTag('charging')).toBe(false);
    expect(w.spawned('tokenizeCard')).toHaveLength(1);
    w.send(tokenized);
    expect(w.state).toBe('payment.paying');
    expect(w.hasTag('charging')).toBe(true);
    expect(w.ctx.payment.card).toEqual(CARD);
    expect(payInput(w)).toEqual({ orderId: 'ord-week-3gb', method: 'card', cardToken: 'tok_visa', idempotencyKey: 'ord-week-3gb:0' });
  });

  it('card: a tokenization error returns to the confirmation screen; Back too', () => {
    const w = readyToPay(atReview(), 'card').send(pay).send(err('invalid-input'));
    expect(w.state).toBe('payment.review');
    expect(w.ctx.error?.code).toBe('invalid-input');
    expect(w.ctx.payment.attempt).toBe(0);
    expect(w.send(pay).send(back).state).toBe('payment.review');
  });

  it.each(['paypal', 'konbini'] as const)('%s pays without tokenizing or a card token', (method) => {
    const w = readyToPay(atReview(), method).send(pay);
    expect(w.state).toBe('payment.paying');
    expect(payInput(w)).toEqual({ orderId: 'ord-week-3gb', method, idempotencyKey: 'ord-week-3gb:0' });
  });

  it('succeeded → activation, remembering what paid but not the token', () => {
    const w = payingByCard().send(outcome({ status: 'succeeded', paymentId: 'pay-9' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.paymentId).toBe('pay-9');
    expect(w.ctx.payment.paidWith).toEqual({ method: 'card', card: { brand: 'visa', last4: '4242' } });
    expect(w.ctx.payment.card?.token).toBe('');
    expect(w.ctx.error).toBeNull();
  });

  it('PayPal success records the method without a card', () => {
    const w = readyToPay(atReview(), 'paypal')
      .send(pay)
      .send(outcome({ status: 'succeeded', paymentId: 'pay-1' }));
    expect(w.ctx.payment.paidWith).toEqual({ method: 'paypal' });
  });

  it.each([
    ['card_declined', 'card_declined'],
    ['insufficient_funds', 'insufficient_funds'],
  ] as const)('declined (%s) → back to the confirmation screen, new attempt', (code, decline) => {
    const w = payingByCard().send(outcome({ status: 'declined', paymentId: 'p', declineCode: code }));
    expect(w.state).toBe('payment.review');
    expect(w.ctx.payment).toMatchObject({ decline, attempt: 1, card: null, confirmed: true, method: 'card' });
    expect(w.can(pay)).toBe(true);
  });

  it('failed → back to the confirmation screen, new attempt', () => {
    const w = payingByCard().send(outcome({ status: 'failed', paymentId: 'p' }));
    expect(w.state).toBe('payment.review');
    expect(w.ctx.payment).toMatchObject({ decline: 'failed', attempt: 1 });
  });

  it('a success after a decline clears the decline', () => {
    const w = payingByCard()
      .send(outcome({ status: 'declined', paymentId: 'p1', declineCode: 'expired_card' }))
      .send(pay)
      .send(tokenized);
    w.send(outcome({ status: 'succeeded', paymentId: 'p2' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.decline).toBeNull();
  });

  it('already paid (a reload, a second tab) → activation without another charge', () => {
    const w = payingByCard().send(err('already-paid'));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.error).toBeNull();
    expect(w.spawned('pay')).toHaveLength(0);
  });

  it('a definitive error → the confirmation screen with the error, attempt + 1', () => {
    const w = payingByCard().send(err('conflict', false));
    expect(w.state).toBe('payment.review');
    expect(w.ctx.error).toEqual({ code: 'conflict', retryable: false });
    expect(w.ctx.payment).toMatchObject({ attempt: 1, card: null });
  });

  it('a retryable error waits for Retry only; Back is not offered', () => {
    const w = payingByCard().send(err('timeout', true));
    expect(w.state).toBe('payment.payError');
    expect(w.hasTag('error')).toBe(true);
    expect(w.can(back)).toBe(false);
    expect(w.send(back).state).toBe('payment.payError');
    expect(w.send(retry).state).toBe('payment.paying');
  });
});

describe('payment: idempotency key', () => {
  it('is <orderId>:<attempt>', () => {
    expect(idempotencyKey(initialContext({ today: TODAY }))).toBe('no-order:0');
    expect(idempotencyKey(atReview().ctx)).toBe('ord-week-3gb:0');
  });

  it('is reused on every retry after a retryable error', () => {
    const w = payingByCard();
    const key = payInput(w).idempotencyKey;
    for (const code of ['network', 'timeout', 'server'] as const) {
      w.send(err(code, true)).send(retry);
      expect(w.state).toBe('payment.paying');
      expect(payInput(w)).toEqual({ orderId: 'ord-week-3gb', method: 'card', cardToken: 'tok_visa', idempotencyKey: key });
    }
  });

  it('changes after a decline, and again after a failure', () => {
    const w = payingByCard();
    const first = payInput(w).idempotencyKey;
    w.send(outcome({ status: 'declined', paymentId: 'p1', declineCode: 'card_declined' }))
      .send(pay)
      .send(tokenized);
    const second = payInput(w).idempotencyKey;
    expect(second).not.toBe(first);
    expect(second).toBe('ord-week-3gb:1');
    w.send(outcome({ status: 'failed', paymentId: 'p2' }))
      .send(pay)
      .send({ type: 'provider.cardTokenized', card: { ...CARD, token: 'tok_2' } });
    expect(payInput(w)).toMatchObject({ idempotencyKey: 'ord-week-3gb:2', cardToken: 'tok_2' });
  });

  it('changes after a definitive error', () => {
    const w = readyToPay(atReview(), 'paypal').send(pay).send(err('invalid-input', false)).send(pay);
    expect(payInput(w).idempotencyKey).toBe('ord-week-3gb:1');
  });

  it('stays the same when switching method on the confirmation screen (nothing was attempted)', () => {
    const w = readyToPay(atReview(), 'card').send(pay).send(err('network', true));
    expect(w.state).toBe('payment.review');
    w.send({ type: 'user.payment.method', method: 'paypal' }).send(pay);
    expect(payInput(w).idempotencyKey).toBe('ord-week-3gb:0');
  });
});

describe('payment: extra steps', () => {
  const needsAction = (action: 'authenticate' | 'paypal-approval' = 'authenticate') =>
    payingByCard().send(outcome({ status: 'requires-action', paymentId: 'pay-3ds', action }));

  it('requires-action → authenticating, with what the provider asked', () => {
    const w = needsAction('paypal-approval');
    expect(w.state).toBe('payment.authenticating');
    expect(w.ctx.payment).toMatchObject({ paymentId: 'pay-3ds', action: 'paypal-approval', approved: null });
    expect(w.can(back)).toBe(false);
  });

  it('approve → confirmingAuth → succeeded → activation', () => {
    const w = needsAction().send({ type: 'user.payment.authenticate', approved: true });
    expect(w.state).toBe('payment.confirmingAuth');
    expect(w.hasTag('charging')).toBe(true);
    expect(w.spawnedInput('authenticate')).toEqual({ paymentId: 'pay-3ds', approved: true });
    expect(w.can(back)).toBe(false);
    w.send(outcome({ status: 'succeeded', paymentId: 'pay-3ds' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.action).toBeNull();
  });

  it('reject → confirmingAuth → declined → the confirmation screen with a new attempt', () => {
    const w = needsAction().send({ type: 'user.payment.authenticate', approved: false });
    expect(w.spawnedInput('authenticate')).toEqual({ paymentId: 'pay-3ds', approved: false });
    w.send(outcome({ status: 'declined', paymentId: 'pay-3ds', declineCode: 'authentication_failed' }));
    expect(w.state).toBe('payment.review');
    expect(w.ctx.payment).toMatchObject({ decline: 'authentication_failed', attempt: 1, action: null });
  });

  it('an authentication error retries with the same answer', () => {
    const w = needsAction().send({ type: 'user.payment.authenticate', approved: true }).send(err('network', true));
    expect(w.state).toBe('payment.authError');
    expect(w.can(back)).toBe(false);
    w.send(retry);
    expect(w.state).toBe('payment.confirmingAuth');
    expect(w.spawnedInput('authenticate')).toEqual({ paymentId: 'pay-3ds', approved: true });
  });

  it('already paid while confirming → activation', () => {
    const w = needsAction().send({ type: 'user.payment.authenticate', approved: true }).send(err('already-paid'));
    expect(w.state).toBe('activation.checking');
  });

  describe('konbini cash', () => {
    const awaiting = () => {
      const w = readyToPay(atReview(), 'konbini')
        .send(pay)
        .send(outcome({ status: 'pending-cash', paymentId: 'pay-cash', voucher: VOUCHER }));
      expect(w.state).toBe('payment.awaitingCash');
      return w;
    };

    it('pending-cash → awaitingCash with the voucher, checked every 15 s', () => {
      const w = awaiting();
      expect(w.ctx.payment).toMatchObject({ paymentId: 'pay-cash', voucher: VOUCHER });
      expect(w.scheduled()).toEqual([{ type: 'xstate.after.cashPoll.wizard.payment.awaitingCash', delay: CASH_POLL_MS }]);
      expect(CASH_POLL_MS).toBe(15_000);
      expect(w.elapse()).toBe(15_000);
      expect(w.state).toBe('payment.checkingCash');
      expect(w.spawnedInput('paymentStatus')).toEqual({ paymentId: 'pay-cash' });
    });

    it('"check now" checks at once; still pending → waiting again', () => {
      const w = awaiting().send({ type: 'user.payment.checkCash' });
      expect(w.state).toBe('payment.checkingCash');
      w.send(outcome({ status: 'pending-cash', paymentId: 'pay-cash', voucher: VOUCHER }));
      expect(w.state).toBe('payment.awaitingCash');
      expect(w.scheduled()).toHaveLength(1);
    });

    it('paid at the store → activation', () => {
      const w = awaiting()
        .send({ type: 'user.payment.checkCash' })
        .send(outcome({ status: 'succeeded', paymentId: 'pay-cash' }));
      expect(w.state).toBe('activation.checking');
      expect(w.ctx.payment.paidWith).toEqual({ method: 'konbini' });
    });

    it('a failed check keeps waiting and says so; the next good check clears it', () => {
      const w = awaiting().send({ type: 'user.payment.checkCash' }).send(err('network', true));
      expect(w.state).toBe('payment.awaitingCash');
      expect(w.ctx.error?.code).toBe('network');
      w.send({ type: 'user.payment.checkCash' }).send(outcome({ status: 'pending-cash', paymentId: 'pay-cash', voucher: VOUCHER }));
      expect(w.ctx.error).toBeNull();
    });

    it('an expired voucher → the confirmation screen with a new attempt', () => {
      const w = awaiting()
        .send({ type: 'user.payment.checkCash' })
        .send(outcome({ status: 'declined', paymentId: 'pay-cash', declineCode: 'voucher_expired' }));
      expect(w.state).toBe('payment.review');
      expect(w.ctx.payment).toMatchObject({ decline: 'voucher_expired', attempt: 1, voucher: null });
    });

    it('Back is not possible while waiting for or checking the cash payment', () => {
      const w = awaiting();
      expect(w.can(back)).toBe(false);
      expect(w.send(back).state).toBe('payment.awaitingCash');
      w.send({ type: 'user.payment.checkCash' });
      expect(w.can(back)).toBe(false);
      expect(w.send(back).state).toBe('payment.checkingCash');
    });
  });

  it('Back is not possible while paying', () => {
    const w = payingByCard();
    expect(w.can(back)).toBe(false);
    expect(w.send(back).state).toBe('payment.paying');
    expect(w.running).toEqual(['pay']);
  });
});
