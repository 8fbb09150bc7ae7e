import { describe, expect, it } from 'vitest';
import type { WizardContext } from '../../../src/machine/context.js';
import * as g from '../../../src/machine/guards.js';
import { initialContext } from '../../../src/machine/setup.js';
import { TROUBLE_CHECKS } from '../../../src/domain/troubleshooting-checks.js';
import { ICCID_19, TODAY, account, capabilities, ctxWith, failure, order, PLANS } from './harness.js';
import type { OrderStatus, PaymentOutcome } from '../../../src/domain/types.js';
import { datePartsOf } from '../../../src/testing/dates.js';

const withValidity = (v: Partial<WizardContext['validity']>): WizardContext => {
  const c = ctxWith();
  return { ...c, validity: { ...c.validity, ...v } };
};
const withLogin = (l: Partial<WizardContext['login']>): WizardContext => {
  const c = ctxWith();
  return { ...c, login: { ...c.login, ...l } };
};
const withPayment = (p: Partial<WizardContext['payment']>, over: Partial<WizardContext> = {}): WizardContext => {
  const c = ctxWith({ account: account(), order: order('week-3gb'), ...over });
  return { ...c, payment: { ...c.payment, ...p } };
};
const withTrouble = (t: Partial<WizardContext['trouble']>): WizardContext => {
  const c = ctxWith();
  return { ...c, trouble: { ...c.trouble, ...t } };
};
const withActivation = (a: Partial<WizardContext['activation']>): WizardContext => {
  const c = ctxWith();
  return { ...c, activation: { ...c.activation, ...a } };
};

describe('initialContext', () => {
  it('starts empty with the host settings', () => {
    const c = initialContext({ today: TODAY });
    expect(c.platform).toBe('ios');
    expect(c.presetChannel).toBeNull();
    expect(c.channel).toBeNull();
    expect(c.validity).toEqual({ mode: null, date: datePartsOf(''), daysLeft: '', today: TODAY });
    expect(c.login.method).toBe('account');
    expect(c.activation).toEqual({ delayMs: 2_000, elapsedMs: 0, polls: 0, expiresAt: null });
  });
  it('takes the platform and preset channel; airport starts with ICCID', () => {
    const c = initialContext({ today: TODAY, platform: 'android', channel: 'airport' });
    expect(c.platform).toBe('android');
    expect(c.presetChannel).toBe('airport');
    expect(c.channel).toBe('airport');
    expect(c.login.method).toBe('iccid');
    expect(initialContext({ today: TODAY, channel: 'shop' }).login.method).toBe('account');
  });
});

describe('validityError / validityComplete', () => {
  it('asks for a mode first', () => {
    expect(g.validityError(ctxWith())).toEqual({ field: 'mode', error: 'required' });
    expect(g.validityComplete(ctxWith())).toBe(false);
  });
  it('date mode validates the date against today', () => {
    expect(g.validityError(withValidity({ mode: 'date', date: datePartsOf('') }))).toEqual({ field: 'date', error: 'required' });
    expect(g.validityError(withValidity({ mode: 'date', date: datePartsOf('2026-02-30') }))).toEqual({ field: 'date', error: 'date-invalid' });
    expect(g.validityError(withValidity({ mode: 'date', date: datePartsOf('soon') }))).toEqual({ field: 'date', error: 'date-invalid' });
    expect(g.validityError(withValidity({ mode: 'date', date: datePartsOf('2040-01-01') }))).toEqual({ field: 'date', error: 'date-too-far' });
    expect(g.validityComplete(withValidity({ mode: 'date', date: datePartsOf('2026-11-29') }))).toBe(true);
  });
  it('days mode validates the number of days, ignoring the date', () => {
    expect(g.validityError(withValidity({ mode: 'days', daysLeft: '', date: datePartsOf('2026-11-29') }))).toEqual({ field: 'daysLeft', error: 'required' });
    expect(g.validityError(withValidity({ mode: 'days', daysLeft: '3651' }))).toEqual({ field: 'daysLeft', error: 'days-invalid' });
    expect(g.validityComplete(withValidity({ mode: 'days', daysLeft: '0', date: datePartsOf('garbage') }))).toBe(true);
  });
  it('"I don\'t know" needs nothing else', () => {
    expect(g.validityComplete(withValidity({ mode: 'unknown', date: datePartsOf('garbage'), daysLeft: 'x' }))).toBe(true);
  });
});

describe('channel guards', () => {
  it('channelComplete wants a channel, and for a shop an online-or-visit answer', () => {
    expect(g.channelComplete(ctxWith())).toBe(false);
    expect(g.channelComplete(ctxWith({ channel: 'online' }))).toBe(true);
    expect(g.channelComplete(ctxWith({ channel: 'airport' }))).toBe(true);
    expect(g.channelComplete(ctxWith({ channel: 'shop' }))).toBe(false);
    expect(g.channelComplete(ctxWith({ channel: 'shop', shopPath: 'online' }))).toBe(true);
  });
  it('isShopVisit only for shop + visit', () => {
    expect(g.isShopVisit(ctxWith({ channel: 'shop', shopPath: 'visit' }))).toBe(true);
    expect(g.isShopVisit(ctxWith({ channel: 'shop', shopPath: 'online' }))).toBe(false);
    expect(g.isShopVisit(ctxWith({ channel: 'online', shopPath: 'visit' }))).toBe(false);
  });
  it('hasPresetChannel follows the host', () => {
    expect(g.hasPresetChannel(ctxWith())).toBe(false);
    expect(g.hasPresetChannel(initialContext({ today: TODAY, channel: 'online' }))).toBe(true);
  });
});

describe('loginErrors / loginComplete', () => {
  it('account: user name and a filled password', () => {
    expect(g.loginErrors(withLogin({ method: 'account' }))).toEqual({ username: 'required', password: 'required' });
    expect(g.loginErrors(withLogin({ method: 'account', username: '  ', passwordFilled: true }))).toEqual({ username: 'required' });
    expect(g.loginComplete(withLogin({ method: 'account', username: 'mika', passwordFilled: true }))).toBe(true);
  });
  it('iccid: a Luhn-valid ICCID and an e-mail', () => {
    expect(g.loginErrors(withLogin({ method: 'iccid', iccid: '8981100000000000003', email: 'mika@' }))).toEqual({
      iccid: 'iccid-checksum',
      email: 'email-invalid',
    });
    expect(g.loginErrors(withLogin({ method: 'iccid', iccid: ICCID_19, email: '' }))).toEqual({ email: 'required' });
    expect(g.loginComplete(withLogin({ method: 'iccid', iccid: ICCID_19, email: 'mika@example.jp' }))).toBe(true);
  });
  it('order: an order number and an e-mail', () => {
    expect(g.loginErrors(withLogin({ method: 'order', orderNumber: 'A1', email: 'mika@example.jp' }))).toEqual({ orderNumber: 'order-invalid' });
    expect(g.loginComplete(withLogin({ method: 'order', orderNumber: 'ORD-1234', email: 'mika@example.jp' }))).toBe(true);
  });
  it('only checks the fields of the chosen method', () => {
    const c = withLogin({ method: 'iccid', iccid: ICCID_19, email: 'mika@example.jp', username: '', passwordFilled: false });
    expect(g.loginComplete(c)).toBe(true);
  });
});

describe('login failure guards', () => {
  it('the limit is 5', () => {
    expect(g.LOGIN_MAX_FAILURES).toBe(5);
  });
  it('credentialsRejectedTooOften when this rejection is the fifth', () => {
    expect(g.credentialsRejectedTooOften(withLogin({ failures: 3 }), failure('invalid-credentials'))).toBe(false);
    expect(g.credentialsRejectedTooOften(withLogin({ failures: 4 }), failure('invalid-credentials'))).toBe(true);
    expect(g.credentialsRejectedTooOften(withLogin({ failures: 4 }), failure('network', true))).toBe(false);
    expect(g.credentialsRejectedTooOften(withLogin({ failures: 4 }), { type: 'user.next' })).toBe(false);
  });
  it('cooldownOver on the last second', () => {
    expect(g.cooldownOver(withLogin({ cooldownLeft: 2 }))).toBe(false);
    expect(g.cooldownOver(withLogin({ cooldownLeft: 1 }))).toBe(true);
    expect(g.cooldownOver(withLogin({ cooldownLeft: 0 }))).toBe(true);
  });
});

describe('errorIs / outcomeIs / activationIs / orderActive / orderUnpaid', () => {
  it("errorIs matches any of the codes, only on a provider call's failure", () => {
    const c = ctxWith();
    expect(g.errorIs('locked')(c, failure('locked'))).toBe(true);
    expect(g.errorIs('network', 'timeout')(c, failure('timeout', true))).toBe(true);
    expect(g.errorIs('locked')(c, failure('invalid-credentials'))).toBe(false);
    expect(g.errorIs('locked')(c, { type: 'user.next' })).toBe(false);
  });
  it("errorOf reads only a WizardError from an actor's error event", () => {
    expect(g.errorOf(failure('locked'))).toEqual({ code: 'locked', retryable: false });
    expect(g.errorOf({ type: 'xstate.error.actor.x', error: new Error('boom') })).toBeNull();
    // A ProviderError is kept as plain data: the context must survive JSON (saved progress).
    const kept = g.errorOf({ type: 'xstate.error.actor.x', error: Object.assign(new Error('slow'), { code: 'timeout', retryable: true, retryAfterMs: 5 }) });
    expect(kept).toEqual({ code: 'timeout', retryable: true, retryAfterMs: 5 });
    expect(kept).not.toBeInstanceOf(Error);
    expect(g.errorOf({ type: 'user.next' })).toBeNull();
  });
  it('outcomeIs matches the status of the payment outcome being routed', () => {
    const routing = (o: PaymentOutcome | null) => ctxWith({ payment: { ...ctxWith().payment, outcome: o } });
    expect(g.outcomeIs('succeeded')(routing({ status: 'succeeded', paymentId: 'p' }))).toBe(true);
    expect(g.outcomeIs('declined')(routing({ status: 'succeeded', paymentId: 'p' }))).toBe(false);
    expect(g.outcomeIs('failed')(routing(null))).toBe(false);
  });
  it('activationIs matches the activation state', () => {
    expect(g.activationIs('active')({ state: 'active' })).toBe(true);
    expect(g.activationIs('pending')({ state: 'active' })).toBe(false);
    expect(g.activationIs('failed')({ state: 'pending' })).toBe(false);
  });
  const voucher = { number: '1', payBy: TODAY, total: { amount: 1, currency: 'JPY' } } as const;
  const found = (payment: PaymentOutcome | null, state: 'pending' | 'active' | 'failed'): OrderStatus => ({
    order: order('week-3gb'),
    payment,
    activation: { state },
  });
  it('orderActive: an order found again whose plan is active', () => {
    expect(g.orderActive(found({ status: 'succeeded', paymentId: 'p' }, 'active'))).toBe(true);
    expect(g.orderActive(found({ status: 'succeeded', paymentId: 'p' }, 'pending'))).toBe(false);
  });
  it('orderUnpaid: nothing paid, or an attempt that ended without a charge', () => {
    expect(g.orderUnpaid(found({ status: 'declined', paymentId: 'p', declineCode: 'card_declined' }, 'pending'))).toBe(true);
    expect(g.orderUnpaid(found(null, 'pending'))).toBe(true);
    expect(g.orderUnpaid(found({ status: 'pending-cash', paymentId: 'p', voucher }, 'pending'))).toBe(false);
  });
});

describe('plan guards', () => {
  it('accountEligible needs an account that may top up now', () => {
    expect(g.accountEligible(ctxWith())).toBe(false);
    expect(g.accountEligible(ctxWith({ account: account() }))).toBe(true);
    expect(g.accountEligible(ctxWith({ account: account({ capabilities: capabilities({ rechargeable: false }) }) }))).toBe(false);
  });
  it('planSelected only for a plan still on offer', () => {
    expect(g.planSelected(ctxWith({ plans: PLANS }))).toBe(false);
    expect(g.planSelected(ctxWith({ plans: PLANS, selectedPlanId: 'week-3gb' }))).toBe(true);
    expect(g.planSelected(ctxWith({ plans: PLANS, selectedPlanId: 'gone' }))).toBe(false);
  });
  it('hasOrderForSelectedPlan only when the order is for that plan', () => {
    expect(g.hasOrderForSelectedPlan(ctxWith({ selectedPlanId: 'week-3gb' }))).toBe(false);
    expect(g.hasOrderForSelectedPlan(ctxWith({ selectedPlanId: 'week-3gb', order: order('week-3gb') }))).toBe(true);
    expect(g.hasOrderForSelectedPlan(ctxWith({ selectedPlanId: 'day-1gb', order: order('week-3gb') }))).toBe(false);
  });
});

describe('payment guards', () => {
  it('methodOffered follows the account capabilities', () => {
    const c = ctxWith({ account: account({ capabilities: capabilities({ paymentMethods: ['card'] }) }) });
    expect(g.methodOffered(c, 'card')).toBe(true);
    expect(g.methodOffered(c, 'konbini')).toBe(false);
    expect(g.methodOffered(ctxWith(), 'card')).toBe(false);
  });
  it('canPay wants an order, an offered method, the confirmation and, for cards, a valid card form', () => {
    expect(g.canPay(withPayment({ method: 'paypal', confirmed: true }))).toBe(true);
    expect(g.canPay(withPayment({ method: 'paypal', confirmed: false }))).toBe(false);
    expect(g.canPay(withPayment({ method: null, confirmed: true }))).toBe(false);
    expect(g.canPay(withPayment({ method: 'paypal', confirmed: true }, { order: null }))).toBe(false);
    expect(g.canPay(withPayment({ method: 'card', confirmed: true, cardValid: false }))).toBe(false);
    expect(g.canPay(withPayment({ method: 'card', confirmed: true, cardValid: true }))).toBe(true);
    expect(
      g.canPay(withPayment({ method: 'konbini', confirmed: true }, { account: account({ capabilities: capabilities({ paymentMethods: ['card'] }) }) })),
    ).toBe(false);
  });
  it('payingByCard', () => {
    expect(g.payingByCard(withPayment({ method: 'card' }))).toBe(true);
    expect(g.payingByCard(withPayment({ method: 'konbini' }))).toBe(false);
  });
});

describe('activation and troubleshooting guards', () => {
  it('pollBudgetLeft while the next wait still ends within 10 minutes', () => {
    expect(g.POLL_BUDGET_MS).toBe(600_000);
    expect(g.pollBudgetLeft(withActivation({ elapsedMs: 570_000, delayMs: 30_000 }))).toBe(true);
    expect(g.pollBudgetLeft(withActivation({ elapsedMs: 570_001, delayMs: 30_000 }))).toBe(false);
    expect(g.pollBudgetLeft(withActivation({ elapsedMs: 600_000, delayMs: 30_000 }))).toBe(false);
  });
  it('hasPreviousCheck / hasNextCheck', () => {
    expect(g.hasPreviousCheck(withTrouble({ index: 0 }))).toBe(false);
    expect(g.hasPreviousCheck(withTrouble({ index: 1 }))).toBe(true);
    expect(g.hasNextCheck(withTrouble({ index: 0 }), TROUBLE_CHECKS.length)).toBe(true);
    expect(g.hasNextCheck(withTrouble({ index: TROUBLE_CHECKS.length - 2 }), TROUBLE_CHECKS.length)).toBe(true);
    expect(g.hasNextCheck(withTrouble({ index: TROUBLE_CHECKS.length - 1 }), TROUBLE_CHECKS.length)).toBe(false);
  });
  it('cameFromDone', () => {
    expect(g.cameFromDone(withTrouble({ from: 'done' }))).toBe(true);
    expect(g.cameFromDone(withTrouble({ from: 'activation' }))).toBe(false);
  });
});
