/**
 * Jumping back through the progress list (`user.goto`): only to earlier steps of the path before
 * payment that this person went through, never forward, never to a question the host answered,
 * and never while money may be in flight or once paid.
 */
import { describe, expect, it } from 'vitest';
import type { WizardEvent } from '../../../src/machine/context.js';
import { STEP_IDS, type StepId } from '../../../src/domain/types.js';
import {
  CARD,
  PLANS,
  ROUTES,
  TODAY,
  Wizard,
  account,
  activationEvent,
  atActivation,
  atChoosing,
  atDone,
  atLogin,
  atPlanLoading,
  atReview,
  atTroubleshooting,
  err,
  fillAccount,
  order,
  outcome,
  readyToPay,
  toChoosing,
  toPlan,
  toReview,
} from './harness.js';

const next = { type: 'user.next' } as const;
const pay = { type: 'user.payment.pay' } as const;
const goto = (step: StepId): WizardEvent => ({ type: 'user.goto', step });

/** The steps a goto is offered to from the current state, in progress-list order. */
const offered = (w: Wizard): StepId[] => STEP_IDS.filter((s) => w.can(goto(s)));

/** The state a goto to each step lands in. */
const LANDS: Partial<Record<StepId, string>> = { validity: 'validity', channel: 'channel', login: 'login.form', plan: 'plan.choosing' };

const atChannel = () => new Wizard().send({ type: 'user.validity.set', mode: 'days', daysLeft: '3', today: TODAY }).send(next);
const atShopVisit = () => atChannel().send({ type: 'user.channel.select', channel: 'shop' }).send({ type: 'user.channel.shopPath', path: 'visit' }).send(next);

describe('goto: what the progress list offers', () => {
  it('nothing on the first step', () => {
    expect(offered(new Wizard())).toEqual([]);
    expect(offered(new Wizard().send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }))).toEqual([]);
  });

  it('channel: only validity; shop-visit: validity and channel', () => {
    expect(offered(atChannel())).toEqual(['validity']);
    const w = atShopVisit();
    expect(w.state).toBe('shop-visit');
    expect(offered(w)).toEqual(['validity', 'channel']);
  });

  it.each(ROUTES)('%s: each step offers exactly the earlier steps it went through', (_name, input, steps) => {
    const review = toReview(input);
    // On the confirmation screen: every step before payment, the plans included.
    expect(offered(review)).toEqual(steps);
    // On the plans, while they load and once they are in: the steps before the plans.
    expect(offered(toPlan(input))).toEqual(steps.slice(0, -1));
    expect(offered(toChoosing(input))).toEqual(steps.slice(0, -1));
  });

  it.each(ROUTES.filter(([, , steps]) => steps.includes('login')))('%s: sign-in offers the steps before it', (_name, input, steps) => {
    const w = new Wizard({ today: TODAY, ...input }).send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next);
    if (w.state === 'channel') {
      if (w.ctx.channel === null) w.send({ type: 'user.channel.select', channel: 'online' });
      if (w.ctx.channel === 'shop') w.send({ type: 'user.channel.shopPath', path: 'online' });
      w.send(next);
    }
    expect(w.state).toBe('login.form');
    expect(offered(w)).toEqual(steps.slice(0, steps.indexOf('login')));
  });

  it('a step the host answered is never offered, though later steps are', () => {
    const online = toReview({ channel: 'online' });
    expect(online.can(goto('channel'))).toBe(false);
    expect(online.can(goto('login'))).toBe(true);
    const hosted = toReview({ hostSession: true });
    expect(hosted.can(goto('channel'))).toBe(true);
    expect(hosted.can(goto('login'))).toBe(false);
  });
});

describe('goto: never forward, never to the current step', () => {
  const forward: [string, () => Wizard, StepId[]][] = [
    ['validity', () => new Wizard().send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }), ['validity', 'channel', 'login', 'plan', 'payment']],
    ['channel', () => atChannel().send({ type: 'user.channel.select', channel: 'online' }), ['channel', 'login', 'plan', 'payment', 'shop-visit']],
    ['login.form', () => fillAccount(atLogin()), ['login', 'plan', 'payment']],
    ['plan.choosing', () => atChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }), ['plan', 'payment', 'activation', 'done']],
    ['payment.review', () => readyToPay(atReview(), 'paypal'), ['payment', 'activation', 'done', 'troubleshooting']],
  ];

  it.each(forward)('from %s: refused, and nothing changes', (state, build, steps) => {
    for (const step of steps) {
      const w = build();
      expect(w.state).toBe(state);
      const before = w.snap;
      expect(w.can(goto(step))).toBe(false);
      w.send(goto(step));
      expect(w.state).toBe(state);
      expect(w.ctx).toEqual(before.context);
    }
  });

  it('a step skipped by the host is refused when sent anyway', () => {
    const w = toChoosing({ channel: 'airport', hostSession: true });
    const before = w.ctx;
    w.send(goto('channel')).send(goto('login'));
    expect(w.state).toBe('plan.choosing');
    expect(w.ctx).toEqual(before);
  });
});

describe('goto: where it lands, keeping what was entered', () => {
  it.each(['validity', 'channel', 'login', 'plan'] as const)('from the confirmation screen to %s', (step) => {
    const w = readyToPay(atReview('month-10gb'), 'paypal').send(goto(step));
    expect(w.state).toBe(LANDS[step]);
    expect(w.running).toEqual([]);
    expect(w.ctx.validity.daysLeft).toBe('3');
    expect(w.ctx.channel).toBe('online');
    expect(w.ctx.selectedPlanId).toBe('month-10gb');
    expect(w.ctx.order?.orderId).toBe('ord-month-10gb');
    expect(w.ctx.payment).toMatchObject({ method: 'paypal', confirmed: true });
  });

  it('to the plans: no reload, and Next returns to the same order without creating another', () => {
    const w = readyToPay(atReview('week-3gb'), 'konbini').send(goto('plan'));
    expect(w.state).toBe('plan.choosing');
    expect(w.spawned('loadAccount')).toEqual([]);
    expect(w.ctx.plans).toEqual(PLANS);
    w.send(next);
    expect(w.state).toBe('payment.review');
    expect(w.spawned('createOrder')).toEqual([]);
    expect(w.ctx.payment).toMatchObject({ method: 'konbini', confirmed: true });
    expect(w.can(pay)).toBe(true);
  });

  it('to sign-in: the password is asked again, and signing in leads to the plans, not back to payment', () => {
    const w = readyToPay(atReview(), 'paypal').send(goto('login'));
    expect(w.state).toBe('login.form');
    expect(w.ctx.login).toMatchObject({ username: 'mika', passwordFilled: false });
    expect(w.can(next)).toBe(false);
    w.send({ type: 'user.login.password', filled: true }).send(next).send({ type: 'provider.identified' });
    expect(w.state).toBe('plan.loading');
    expect(w.ctx.resumeStep).toBeNull();
    w.send({ type: 'provider.accountLoaded', account: account(), plans: PLANS });
    expect(w.ctx.selectedPlanId).toBe('week-3gb');
  });

  it('to validity: the answer can change, and Next follows the same path again', () => {
    const w = atChoosing().send(goto('validity'));
    expect(w.state).toBe('validity');
    w.send({ type: 'user.validity.set', mode: 'days', daysLeft: '12', today: TODAY }).send(next);
    expect(w.state).toBe('channel');
    expect(w.ctx.channel).toBe('online');
    expect(w.ctx.validity.daysLeft).toBe('12');
  });

  it('from shop-visit to the channel keeps the shop answer', () => {
    const w = atShopVisit().send(goto('channel'));
    expect(w.state).toBe('channel');
    expect(w.ctx).toMatchObject({ channel: 'shop', shopPath: 'visit' });
  });

  it('stops a request in flight: loading the plans, signing in, creating the order', () => {
    const loading = atPlanLoading();
    expect(loading.running).toEqual(['loadAccount']);
    expect(loading.send(goto('channel')).state).toBe('channel');
    expect(loading.running).toEqual([]);

    const signingIn = fillAccount(atLogin()).send(next);
    expect(signingIn.running).toEqual(['identify']);
    expect(signingIn.send(goto('validity')).state).toBe('validity');
    expect(signingIn.running).toEqual([]);
    expect(signingIn.ctx.signedIn).toBe(false);

    const ordering = atChoosing().send({ type: 'user.plan.select', planId: 'day-1gb' }).send(next);
    expect(ordering.state).toBe('payment.ordering');
    expect(ordering.send(goto('plan')).state).toBe('plan.choosing');
    expect(ordering.running).toEqual([]);
    expect(ordering.ctx.order).toBeNull();
  });

  it('after an order error, and while a card is being tokenized (nothing is charged yet)', () => {
    const orderError = atChoosing().send({ type: 'user.plan.select', planId: 'day-1gb' }).send(next).send(err('server', true));
    expect(orderError.state).toBe('payment.orderError');
    expect(offered(orderError)).toEqual(['validity', 'channel', 'login', 'plan']);
    expect(orderError.send(goto('plan')).state).toBe('plan.choosing');

    const tokenizing = readyToPay(atReview(), 'card').send(pay);
    expect(tokenizing.state).toBe('payment.tokenizing');
    expect(offered(tokenizing)).toEqual(['validity', 'channel', 'login', 'plan']);
    tokenizing.send(goto('plan'));
    expect(tokenizing.state).toBe('plan.choosing');
    expect(tokenizing.running).toEqual([]);
    expect(tokenizing.ctx.payment.card).toBeNull();
  });

  it('from the cooldown of sign-in, and coming back the pause goes on', () => {
    const w = fillAccount(atLogin());
    for (let i = 0; i < 5; i++) w.send(next).send(err('invalid-credentials'));
    expect(w.state).toBe('login.cooldown');
    w.elapse();
    const left = w.ctx.login.cooldownLeft;
    expect(w.send(goto('channel')).state).toBe('channel');
    w.send(next);
    expect(w.state).toBe('login.cooldown');
    expect(w.ctx.login.cooldownLeft).toBe(left);
  });
});

describe('goto: not while money may be in flight, nor once paid', () => {
  const voucher = { number: '1', payBy: TODAY, total: { amount: 1500, currency: 'JPY' } };
  const closed: [string, () => Wizard][] = [
    ['payment.paying', () => readyToPay(atReview(), 'paypal').send(pay)],
    ['payment.paying', () => readyToPay(atReview(), 'card').send(pay).send({ type: 'provider.cardTokenized', card: CARD })],
    ['payment.payError', () => readyToPay(atReview(), 'paypal').send(pay).send(err('network', true))],
    [
      'payment.authenticating',
      () =>
        readyToPay(atReview(), 'paypal')
          .send(pay)
          .send(outcome({ status: 'requires-action', paymentId: 'p', action: 'paypal-approval' })),
    ],
    [
      'payment.confirmingAuth',
      () =>
        readyToPay(atReview(), 'paypal')
          .send(pay)
          .send(outcome({ status: 'requires-action', paymentId: 'p', action: 'paypal-approval' }))
          .send({ type: 'user.payment.authenticate', approved: true }),
    ],
    [
      'payment.authError',
      () =>
        readyToPay(atReview(), 'paypal')
          .send(pay)
          .send(outcome({ status: 'requires-action', paymentId: 'p', action: 'paypal-approval' }))
          .send({ type: 'user.payment.authenticate', approved: true })
          .send(err('server', true)),
    ],
    [
      'payment.awaitingCash',
      () =>
        readyToPay(atReview(), 'konbini')
          .send(pay)
          .send(outcome({ status: 'pending-cash', paymentId: 'p', voucher })),
    ],
    [
      'payment.checkingCash',
      () =>
        readyToPay(atReview(), 'konbini')
          .send(pay)
          .send(outcome({ status: 'pending-cash', paymentId: 'p', voucher }))
          .send({ type: 'user.payment.checkCash' }),
    ],
    ['payment.verifyingHostPayment', () => readyToPay(atReview(), 'paypal').send({ type: 'host.payment.reported', paymentId: 'host-1' })],
    ['activation.checking', () => atActivation()],
    ['activation.waiting', () => atActivation().send(activationEvent('pending'))],
    ['activation.error', () => atActivation().send(err('server', true))],
    ['done', () => atDone()],
    ['troubleshooting.check', () => atTroubleshooting()],
    ['troubleshooting.escalate', () => atTroubleshooting().send({ type: 'user.trouble.escalate' })],
  ];

  it.each(closed)('%s offers no step, and a goto sent anyway changes nothing', (state, build) => {
    const w = build();
    expect(w.state).toBe(state);
    expect(offered(w)).toEqual([]);
    const { context } = w.snap;
    const running = w.running;
    w.send(goto('validity')).send(goto('plan'));
    expect(w.state).toBe(state);
    expect(w.ctx).toEqual(context);
    expect(w.running).toEqual(running);
  });

  it('a declined payment returns to the confirmation screen, where the list is offered again', () => {
    const w = readyToPay(atReview(), 'paypal').send(pay);
    expect(offered(w)).toEqual([]);
    w.send(outcome({ status: 'declined', paymentId: 'p', declineCode: 'card_declined' }));
    expect(w.state).toBe('payment.review');
    expect(offered(w)).toEqual(['validity', 'channel', 'login', 'plan']);
  });

  it('an order kept across a goto is still paid for only once', () => {
    const w = readyToPay(atReview(), 'paypal').send(goto('validity'));
    // Walk forward again: same order, the confirmation screen, pay.
    w.send(next).send(next).send({ type: 'user.login.password', filled: true }).send(next).send({ type: 'provider.identified' });
    w.send({ type: 'provider.accountLoaded', account: account(), plans: PLANS }).send(next);
    expect(w.state).toBe('payment.review');
    expect(w.ctx.order).toEqual(order('week-3gb'));
    expect(w.send(pay).spawnedInput('pay')).toMatchObject({ orderId: 'ord-week-3gb', idempotencyKey: 'ord-week-3gb:0' });
  });
});
