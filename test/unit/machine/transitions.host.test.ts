/**
 * What the embedding page brings: a signed-in session (sign-in is skipped, and renewed by the
 * host when it expires), a session that expires mid-flow (sign in again, then go on where the
 * person was), and payments made with the host's own payment UI (verified with the provider).
 */
import { describe, expect, it } from 'vitest';
import type { PayInput, ResumeStep, WizardContext, WizardEvent, WizardInput } from '../../../src/machine/context.js';
import { initialContext } from '../../../src/machine/setup.js';
import { idempotencyKey } from '../../../src/machine/steps/payment.js';
import type { CashVoucher, Channel } from '../../../src/domain/types.js';
import {
  CARD,
  PLANS,
  ROUTES,
  TODAY,
  Wizard,
  account,
  activationEvent,
  driveToPlan,
  err,
  fillAccount,
  inDays,
  order,
  outcome,
  readyToPay,
  stepTrail,
  toChoosing,
  toPlan,
  toReview,
  type ProviderAnswer,
} from './harness.js';

const next = { type: 'user.next' } as const;
const back = { type: 'user.back' } as const;
const pay = { type: 'user.payment.pay' } as const;
const restart = { type: 'user.restart' } as const;
const retry = { type: 'user.retry' } as const;
const hostSession = { type: 'host.session' } as const;
const identified = { type: 'provider.identified' } as const;
const expired = err('session-expired');
const reported = (paymentId = 'host-pay-1'): WizardEvent => ({ type: 'host.payment.reported', paymentId });
const loaded: ProviderAnswer = { type: 'provider.accountLoaded', account: account(), plans: PLANS };
const VOUCHER: CashVoucher = { number: '1234-5678', payBy: inDays(3), total: { amount: 1500, currency: 'JPY' } };

// ---------------------------------------------------------------- skipping questions

describe('host set-ups: Next skips what the host answered', () => {
  it.each(ROUTES)('%s', (_name, input, steps) => {
    const w = toPlan(input);
    expect(stepTrail(w)).toEqual(steps);
    expect(w.ctx.hostSession).toBe(input.hostSession ?? false);
    // No sign-in was asked for: nothing was sent to identify the person.
    if (!steps.includes('login')) expect(w.history.some((p) => p.startsWith('login'))).toBe(false);
  });

  it('a host session with no preset: the channel is asked, then straight to the plans', () => {
    const w = new Wizard({ today: TODAY, hostSession: true }).send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next);
    expect(w.state).toBe('channel');
    w.send({ type: 'user.channel.select', channel: 'airport' }).send(next);
    expect(w.state).toBe('plan.loading');
    expect(w.running).toEqual(['loadAccount']);
    expect(w.ctx.signedIn).toBe(false);
  });

  it('a host session does not skip the shop visit: that path has no sign-in anyway', () => {
    const w = new Wizard({ today: TODAY, hostSession: true })
      .send({ type: 'user.validity.set', mode: 'unknown', today: TODAY })
      .send(next)
      .send({ type: 'user.channel.select', channel: 'shop' })
      .send({ type: 'user.channel.shopPath', path: 'visit' })
      .send(next);
    expect(w.state).toBe('shop-visit');
  });

  it('Next still needs a complete answer when everything after it is skipped', () => {
    const w = new Wizard({ today: TODAY, channel: 'online', hostSession: true });
    expect(w.can(next)).toBe(false);
    expect(w.send(next).state).toBe('validity');
    const c = new Wizard({ today: TODAY, hostSession: true }).send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next);
    expect(c.can(next)).toBe(false);
    c.send({ type: 'user.channel.select', channel: 'shop' });
    expect(c.send(next).state).toBe('channel');
  });
});

describe('host set-ups: Back skips what the host answered', () => {
  it.each(ROUTES)('%s: Back from the plans walks the same steps in reverse', (_name, input, steps) => {
    const w = toChoosing(input).send({ type: 'user.plan.select', planId: 'day-1gb' });
    const from = w.history.length;
    while (w.state !== 'validity') {
      w.send(back);
      if (w.history.length - from > 10) throw new Error('Back does not reach validity');
    }
    expect(stepTrail(w, from - 1)).toEqual([...steps].reverse());
    // The answers are kept on the way.
    expect(w.ctx.validity.daysLeft).toBe('3');
    expect(w.ctx.selectedPlanId).toBe('day-1gb');
  });

  it.each(ROUTES)('%s: Back while the plans load goes to the step before them', (_name, input, steps) => {
    const w = toPlan(input).send(back);
    expect(w.running).toEqual([]);
    expect(w.state.split('.')[0]).toBe(steps[steps.length - 2]);
  });

  it.each(['online', 'airport'] as const satisfies readonly Channel[])('preset %s, the person signs in: Back from sign-in skips the channel', (channel) => {
    const w = toPlan({ channel }).send(back);
    expect(w.state).toBe('login.form');
    expect(w.send(back).state).toBe('validity');
  });

  it('preset shop with a host session: Back from the plans returns to online-or-visit, answer kept', () => {
    const w = toChoosing({ channel: 'shop', hostSession: true }).send(back);
    expect(w.state).toBe('channel');
    expect(w.ctx).toMatchObject({ channel: 'shop', shopPath: 'online' });
  });
});

describe('host.session: a session from the host mid-flow', () => {
  it('before sign-in is reached: remembered, and sign-in is skipped', () => {
    const w = new Wizard().send(hostSession);
    expect(w.state).toBe('validity');
    expect(w.ctx.hostSession).toBe(true);
    expect(stepTrail(driveToPlan(w))).toEqual(['validity', 'channel', 'plan']);
  });

  it('on the channel step', () => {
    const w = new Wizard()
      .send({ type: 'user.validity.set', mode: 'unknown', today: TODAY })
      .send(next)
      .send({ type: 'user.channel.select', channel: 'online' });
    expect(w.send(next).state).toBe('login.form');
    w.send(back).send(hostSession);
    expect(w.state).toBe('channel');
    expect(w.send(next).state).toBe('plan.loading');
  });

  const atSignIn = () => new Wizard({ today: TODAY, channel: 'online' }).send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(next);

  it.each([
    ['login.form', () => fillAccount(atSignIn())],
    ['login.submitting', () => fillAccount(atSignIn()).send(next)],
  ] as const)('in %s: goes on as after a sign-in; Back then skips sign-in', (state, build) => {
    const w = build();
    expect(w.state).toBe(state);
    w.send(hostSession);
    expect(w.state).toBe('plan.loading');
    expect(w.ctx.hostSession).toBe(true);
    expect(w.ctx.login.passwordFilled).toBe(false);
    // A sign-in in flight is dropped; the plans load with the host's session.
    expect(w.running).toEqual(['loadAccount']);
    // A preset online channel and a host session: nothing before the plans but the first question.
    expect(w.send(back).state).toBe('validity');
  });

  it('during the sign-in cooldown: the host signs the person in anyway', () => {
    const w = fillAccount(atSignIn());
    for (let i = 0; i < 5; i++) w.send(next).send(err('invalid-credentials'));
    expect(w.state).toBe('login.cooldown');
    expect(w.send(hostSession).state).toBe('plan.loading');
    expect(w.scheduled()).toEqual([]);
  });

  it('after sign-in: only remembered, the step stays', () => {
    const w = toChoosing().send({ type: 'user.plan.select', planId: 'day-1gb' }).send(hostSession);
    expect(w.state).toBe('plan.choosing');
    expect(w.ctx.hostSession).toBe(true);
    expect(w.ctx.selectedPlanId).toBe('day-1gb');
    expect(w.send(back).state).toBe('channel');
  });

  it("after the person signed in: a later expiry waits for the host, and the person's sign-in no longer counts", () => {
    const w = toChoosing().send(hostSession);
    expect(w.ctx).toMatchObject({ signedIn: true, hostSession: true });
    w.send({ type: 'user.plan.select', planId: 'day-1gb' }).send(next).send(expired);
    expect(w.state).toBe('login.awaitingHost');
    expect(w.ctx).toMatchObject({ signedIn: false, resumeStep: 'payment', error: null });
  });
});

describe('restart with a host session', () => {
  it.each(ROUTES.filter(([, input]) => input.hostSession))('%s: keeps the session and the preset, forgets the rest', (_name, input, steps) => {
    const w = toChoosing(input).send({ type: 'user.plan.select', planId: 'week-3gb' }).send({ type: 'user.platform', platform: 'android' }).send(restart);
    expect(w.state).toBe('validity');
    expect(w.ctx).toEqual(initialContext({ today: TODAY, platform: 'android', hostSession: true, ...(input.channel ? { channel: input.channel } : {}) }));
    expect(w.ctx.hostSession).toBe(true);
    // ...so sign-in is still skipped.
    const from = w.history.length - 1;
    expect(stepTrail(driveToPlan(w), from)).toEqual(steps);
  });

  it('keeps a session the host gave mid-flow', () => {
    const w = new Wizard().send(hostSession).send({ type: 'user.validity.set', mode: 'unknown', today: TODAY }).send(restart);
    expect(w.ctx.hostSession).toBe(true);
    expect(w.ctx.validity.mode).toBeNull();
    const from = w.history.length - 1;
    expect(stepTrail(driveToPlan(w), from)).toEqual(['validity', 'channel', 'plan']);
  });

  it('without one there is none after it either', () => {
    const w = toChoosing().send(restart);
    expect(w.ctx.hostSession).toBe(false);
    const from = w.history.length - 1;
    expect(stepTrail(driveToPlan(w), from)).toEqual(['validity', 'channel', 'login', 'plan']);
  });

  it('forgets a step waiting to be resumed, from either kind of sign-in', () => {
    const person = toChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(next).send(expired);
    expect(person.state).toBe('login.form');
    expect(person.ctx.resumeStep).toBe('payment');
    person.send(restart);
    expect(person.ctx.resumeStep).toBeNull();
    expect(person.ctx.error).toBeNull();
    const host = toPlan({ hostSession: true }).send(expired);
    expect(host.state).toBe('login.awaitingHost');
    host.send(restart);
    expect(host.state).toBe('validity');
    expect(host.ctx).toMatchObject({ resumeStep: null, hostSession: true });
  });
});

// ---------------------------------------------------------------- session expiry

interface Expiry {
  /** The state the session expires in. */
  readonly state: string;
  readonly step: ResumeStep;
  /** Builds a wizard in `state`; `input` says whether the host gave the session. */
  readonly build: (input: Partial<WizardInput>) => Wizard;
  /** Where the wizard goes on once signed in again. */
  readonly resumes: string;
  /** What must have been kept, checked after resuming. */
  readonly kept: (w: Wizard, before: WizardContext) => void;
}

const reviewReady = (input: Partial<WizardInput>, method: 'card' | 'paypal' | 'konbini' = 'paypal') => readyToPay(toReview(input), method);
const activating = (input: Partial<WizardInput>) => {
  const w = reviewReady(input)
    .send(pay)
    .send(outcome({ status: 'succeeded', paymentId: 'pay-1' }));
  expect(w.state).toBe('activation.checking');
  return w;
};
const troubleshooting = (input: Partial<WizardInput>) => {
  const w = activating(input).send({ type: 'user.activation.notWorking' }).send({ type: 'user.trouble.notFixed' }).send({ type: 'user.trouble.notFixed' });
  expect(w.ctx.trouble.index).toBe(2);
  return w;
};
/** The confirmation screen kept everything: same order, method, confirmation, attempt. */
const reviewKept = (w: Wizard, before: WizardContext) => {
  expect(w.ctx.order).toEqual(before.order);
  expect(w.ctx.selectedPlanId).toBe(before.selectedPlanId);
  expect(w.ctx.payment).toMatchObject({ method: before.payment.method, confirmed: true, attempt: before.payment.attempt });
  expect(w.spawned('createOrder')).toEqual([]);
};

const EXPIRIES: readonly Expiry[] = [
  {
    state: 'plan.loading',
    step: 'plan',
    // Plans chosen earlier, then back to the step before the plans and on again: they reload.
    build: (input) => driveToPlan(toChoosing(input).send({ type: 'user.plan.select', planId: 'month-10gb' }).send(back)),
    resumes: 'plan.loading',
    kept: (w) => {
      expect(w.running).toEqual(['loadAccount']);
      expect(w.send(loaded).state).toBe('plan.choosing');
      expect(w.ctx.selectedPlanId).toBe('month-10gb');
    },
  },
  {
    state: 'payment.ordering',
    step: 'payment',
    build: (input) => toChoosing(input).send({ type: 'user.plan.select', planId: 'month-unlimited' }).send(next),
    resumes: 'payment.ordering',
    kept: (w) => {
      expect(w.spawnedInput('createOrder')).toEqual({ planId: 'month-unlimited', quantity: 1 });
      expect(w.send({ type: 'provider.orderCreated', order: order('month-unlimited') }).state).toBe('payment.review');
    },
  },
  {
    state: 'payment.paying',
    step: 'payment',
    build: (input) => reviewReady(input).send(pay),
    resumes: 'payment.review',
    kept: (w, before) => {
      reviewKept(w, before);
      // Nothing was charged: paying again uses the same idempotency key.
      expect(idempotencyKey(w.ctx)).toBe(idempotencyKey(before));
      expect(w.send(pay).spawnedInput<PayInput>('pay').idempotencyKey).toBe('ord-week-3gb:0');
    },
  },
  {
    state: 'payment.confirmingAuth',
    build: (input) =>
      reviewReady(input)
        .send(pay)
        .send(outcome({ status: 'requires-action', paymentId: 'pay-auth', action: 'paypal-approval' }))
        .send({ type: 'user.payment.authenticate', approved: true }),
    // Mid-approval: signed in again, the wizard asks what became of the payment (never pays anew).
    step: 'reconcile',
    resumes: 'payment.reconciling',
    kept: (w, before) => {
      expect(w.ctx.order).toEqual(before.order);
      expect(w.spawnedInput('findOrder')).toEqual({ orderId: before.order!.orderId, reference: null });
    },
  },
  {
    state: 'payment.checkingCash',
    step: 'payment',
    build: (input) =>
      reviewReady(input, 'konbini')
        .send(pay)
        .send(outcome({ status: 'pending-cash', paymentId: 'pay-cash', voucher: VOUCHER }))
        .send({ type: 'user.payment.checkCash' }),
    // The voucher is still open: back to waiting for it, never to a screen that could pay again.
    resumes: 'payment.awaitingCash',
    kept: (w) => {
      expect(w.ctx.payment).toMatchObject({ voucher: VOUCHER, paymentId: 'pay-cash' });
      expect(w.snap.can({ type: 'user.restart' })).toBe(false);
    },
  },
  {
    state: 'payment.verifyingHostPayment',
    step: 'payment',
    build: (input) => reviewReady(input).send(reported('host-pay-7')),
    resumes: 'payment.review',
    kept: (w, before) => {
      reviewKept(w, before);
      // The host may report it again, to be verified with the renewed session.
      expect(w.send(reported('host-pay-7')).spawnedInput('paymentStatus')).toEqual({ paymentId: 'host-pay-7' });
    },
  },
  {
    state: 'activation.checking',
    step: 'activation',
    build: activating,
    resumes: 'activation.checking',
    kept: (w, before) => {
      expect(w.spawnedInput('activationStatus')).toEqual({ orderId: 'ord-week-3gb', recheck: false });
      expect(w.ctx.payment.paidWith).toEqual(before.payment.paidWith);
      expect(w.ctx.payment.paidWith).toEqual({ method: 'paypal' });
      expect(w.send(activationEvent('active', inDays(11))).state).toBe('done');
    },
  },
  {
    state: 'troubleshooting.verifying',
    step: 'troubleshooting',
    build: (input) => troubleshooting(input).send({ type: 'user.trouble.fixed' }),
    resumes: 'troubleshooting.check',
    kept: (w, before) => {
      expect(w.ctx.trouble).toEqual(before.trouble);
      expect(w.ctx.trouble.index).toBe(2);
      expect(w.ctx.trouble.tried).toHaveLength(2);
    },
  },
  {
    state: 'troubleshooting.sending',
    step: 'troubleshooting',
    build: (input) => troubleshooting(input).send({ type: 'user.trouble.escalate' }).send({ type: 'user.trouble.send', ok: true }),
    resumes: 'troubleshooting.check',
    kept: (w, before) => {
      expect(w.ctx.trouble).toEqual(before.trouble);
      expect(w.ctx.trouble).toMatchObject({ index: 2, from: 'activation', reason: 'user' });
      // The request can be made again from where it was prepared.
      w.send({ type: 'user.trouble.escalate' }).send({ type: 'user.trouble.send', ok: true });
      expect(w.spawnedInput('supportRequest')).toMatchObject({ orderReference: 'REF-ord-week-3gb', triedChecks: before.trouble.tried });
    },
  },
];

describe('session expiry: the person signs in again', () => {
  it.each(EXPIRIES)('in $state: sign-in with the error, then back to $resumes', ({ state, step, build, resumes, kept }) => {
    const w = build({});
    expect(w.state).toBe(state);
    const before = w.ctx;
    w.send(expired);
    expect(w.state).toBe('login.form');
    expect(w.running).toEqual([]);
    expect(w.ctx).toMatchObject({ resumeStep: step, signedIn: false, error: { code: 'session-expired', retryable: false } });
    // What the person entered at sign-in is kept; the password is asked again.
    expect(w.ctx.login).toMatchObject({ username: 'mika', passwordFilled: false });
    expect(w.can(next)).toBe(false);
    w.send({ type: 'user.login.password', filled: true }).send(next);
    expect(w.state).toBe('login.submitting');
    expect(w.ctx.error).toBeNull();
    w.send(identified);
    expect(w.state).toBe(resumes);
    expect(w.visited.has('login.resuming')).toBe(true);
    expect(w.ctx).toMatchObject({ resumeStep: null, signedIn: true, hostSession: false });
    kept(w, before);
  });

  it('a failed sign-in keeps the step to resume', () => {
    const w = activating({}).send(expired).send({ type: 'user.login.password', filled: true }).send(next).send(err('invalid-credentials'));
    expect(w.state).toBe('login.form');
    expect(w.ctx.resumeStep).toBe('activation');
    w.send({ type: 'user.login.password', filled: true }).send(next).send(identified);
    expect(w.state).toBe('activation.checking');
  });

  it("the host may renew the session instead: the wizard goes on, and the session is the host's from then on", () => {
    const w = reviewReady({}).send(pay).send(expired);
    expect(w.state).toBe('login.form');
    w.send(hostSession);
    expect(w.state).toBe('payment.review');
    expect(w.ctx).toMatchObject({ resumeStep: null, hostSession: true });
    // A later expiry waits for the host, not for a password.
    w.send(pay).send(expired);
    expect(w.state).toBe('login.awaitingHost');
  });

  it('other errors in those states do not ask for sign-in', () => {
    expect(toPlan().send(err('server', true)).state).toBe('plan.error');
    expect(reviewReady({}).send(pay).send(err('network', true)).state).toBe('payment.payError');
    expect(activating({}).send(err('not-found')).state).toBe('activation.error');
    for (const w of [toPlan(), activating({})]) expect(w.ctx.resumeStep).toBeNull();
  });
});

describe('session expiry: the host renews its session', () => {
  it.each(EXPIRIES)('in $state: waits for the host, then back to $resumes', ({ state, step, build, resumes, kept }) => {
    const w = build({ hostSession: true });
    expect(w.state).toBe(state);
    expect(stepTrail(w)).not.toContain('login');
    const before = w.ctx;
    w.send(expired);
    expect(w.state).toBe('login.awaitingHost');
    expect(w.running).toEqual([]);
    expect(w.hasTag('busy')).toBe(false);
    // The host is told, not the person: no error on screen.
    expect(w.ctx).toMatchObject({ resumeStep: step, signedIn: false, hostSession: true, error: null });
    // Nothing but the host goes on from here.
    for (const e of [next, retry, identified] as const) expect(w.can(e)).toBe(false);
    w.send(identified);
    expect(w.state).toBe('login.awaitingHost');
    expect(w.can(hostSession)).toBe(true);
    w.send(hostSession);
    expect(w.state).toBe(resumes);
    expect(w.ctx).toMatchObject({ resumeStep: null, hostSession: true });
    kept(w, before);
  });
});

describe('session expiry: a second one while resuming', () => {
  it('the person signs in twice; the order is created once', () => {
    const w = toChoosing().send({ type: 'user.plan.select', planId: 'day-1gb' }).send(next).send(expired);
    w.send({ type: 'user.login.password', filled: true }).send(next).send(identified);
    expect(w.state).toBe('payment.ordering');
    w.send(expired);
    expect(w.state).toBe('login.form');
    expect(w.ctx.resumeStep).toBe('payment');
    w.send({ type: 'user.login.password', filled: true }).send(next).send(identified);
    expect(w.state).toBe('payment.ordering');
    expect(w.spawnedInput('createOrder')).toEqual({ planId: 'day-1gb', quantity: 1 });
    w.send({ type: 'provider.orderCreated', order: order('day-1gb') });
    expect(w.state).toBe('payment.review');
    expect(w.ctx.resumeStep).toBeNull();
  });

  it('the host renews twice while activation is checked', () => {
    const w = activating({ hostSession: true, channel: 'online' }).send(expired).send(hostSession);
    expect(w.state).toBe('activation.checking');
    w.send(activationEvent('pending'));
    w.elapse();
    expect(w.state).toBe('activation.checking');
    w.send(expired);
    expect(w.state).toBe('login.awaitingHost');
    expect(w.ctx.resumeStep).toBe('activation');
    w.send(hostSession);
    expect(w.state).toBe('activation.checking');
    expect(w.send(activationEvent('active')).state).toBe('done');
  });

  it('expiring at a different step the second time resumes at that step', () => {
    const w = activating({}).send(expired).send({ type: 'user.login.password', filled: true }).send(next).send(identified);
    expect(w.state).toBe('activation.checking');
    w.send({ type: 'user.activation.notWorking' }).send({ type: 'user.trouble.notFixed' }).send({ type: 'user.trouble.fixed' }).send(expired);
    expect(w.ctx.resumeStep).toBe('troubleshooting');
    w.send({ type: 'user.login.password', filled: true }).send(next).send(identified);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.ctx.trouble.index).toBe(1);
  });

  it('troubleshooting resumed from done still leads back to done', () => {
    const w = activating({ hostSession: true }).send(activationEvent('active'));
    expect(w.state).toBe('done');
    w.send({ type: 'user.activation.notWorking' }).send({ type: 'user.trouble.fixed' }).send(expired).send(hostSession);
    expect(w.state).toBe('troubleshooting.check');
    expect(w.send(back).state).toBe('done');
  });
});

// ---------------------------------------------------------------- host-reported payments

describe('host payment: when it can be reported', () => {
  it('not before the person confirmed the order', () => {
    const w = toReview();
    expect(w.ctx.payment.confirmed).toBe(false);
    expect(w.can(reported())).toBe(false);
    w.send(reported());
    expect(w.state).toBe('payment.review');
    expect(w.ctx.payment.hostPaymentId).toBeNull();
    expect(w.spawned('paymentStatus')).toEqual([]);
    w.send({ type: 'user.payment.confirm', confirmed: true });
    expect(w.can(reported())).toBe(true);
    w.send({ type: 'user.payment.confirm', confirmed: false });
    expect(w.can(reported())).toBe(false);
  });

  it("needs no payment method of the wizard's own", () => {
    const w = toReview().send({ type: 'user.payment.confirm', confirmed: true });
    expect(w.ctx.payment.method).toBeNull();
    expect(w.can(pay)).toBe(false);
    expect(w.send(reported()).state).toBe('payment.verifyingHostPayment');
  });

  const elsewhere: [string, () => Wizard][] = [
    ['validity', () => new Wizard()],
    ['plan.choosing', () => toChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' })],
    ['payment.ordering', () => toChoosing().send({ type: 'user.plan.select', planId: 'week-3gb' }).send(next)],
    ['payment.paying', () => reviewReady({}).send(pay)],
    ['payment.tokenizing', () => reviewReady({}, 'card').send(pay)],
    ['payment.verifyingHostPayment', () => reviewReady({}).send(reported('first'))],
    ['activation.checking', () => activating({})],
  ];

  it.each(elsewhere)('not in %s', (state, build) => {
    const w = build();
    expect(w.state).toBe(state);
    const before = w.ctx;
    expect(w.can(reported('other'))).toBe(false);
    w.send(reported('other'));
    expect(w.state).toBe(state);
    expect(w.ctx).toEqual(before);
  });
});

describe('host payment: verification', () => {
  const verifying = (input: Partial<WizardInput> = {}, method?: 'card' | 'paypal' | 'konbini') => {
    const w = (method ? reviewReady(input, method) : toReview(input).send({ type: 'user.payment.confirm', confirmed: true })).send(reported('host-pay-1'));
    expect(w.state).toBe('payment.verifyingHostPayment');
    return w;
  };

  it('asks the provider for that payment; busy and charging', () => {
    const w = verifying();
    expect(w.spawnedInput('paymentStatus')).toEqual({ paymentId: 'host-pay-1' });
    expect(w.running).toEqual(['paymentStatus']);
    expect(w.hasTag('busy')).toBe(true);
    expect(w.hasTag('charging')).toBe(true);
    expect(w.ctx.payment.hostPaymentId).toBe('host-pay-1');
  });

  it('clears an earlier decline and error when reported', () => {
    const w = reviewReady({})
      .send(pay)
      .send(outcome({ status: 'declined', paymentId: 'p', declineCode: 'insufficient_funds' }));
    expect(w.ctx.payment.decline).toBe('insufficient_funds');
    w.send({ type: 'user.payment.confirm', confirmed: true }).send(reported());
    expect(w.ctx.payment.decline).toBeNull();
    expect(w.ctx.error).toBeNull();
  });

  it('no Start over, no Back, no second report while it is verified', () => {
    const w = verifying();
    for (const e of [restart, back, retry, pay] as const) expect(w.can(e)).toBe(false);
    w.send(restart).send(back).send(pay);
    expect(w.state).toBe('payment.verifyingHostPayment');
    expect(w.ctx.order).toEqual(order('week-3gb'));
    expect(w.running).toEqual(['paymentStatus']);
  });

  it.each([{}, { hostSession: true, channel: 'online' as const }])('succeeded: on to activation, paid with the host (%o)', (input) => {
    const w = verifying(input).send(outcome({ status: 'succeeded', paymentId: 'host-pay-1' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.paidWith).toEqual({ method: 'host' });
    expect(w.ctx.payment.paymentId).toBe('host-pay-1');
    expect(w.ctx.error).toBeNull();
    expect(w.spawnedInput('activationStatus')).toEqual({ orderId: 'ord-week-3gb', recheck: false });
  });

  it('succeeded with a wizard method chosen as well: still the host paid', () => {
    const w = verifying({}, 'paypal').send(outcome({ status: 'succeeded', paymentId: 'host-pay-1' }));
    expect(w.ctx.payment.paidWith).toEqual({ method: 'host' });
  });

  it.each([
    ['declined', outcome({ status: 'declined', paymentId: 'host-pay-1', declineCode: 'card_declined' }), 'card_declined'],
    ['failed', outcome({ status: 'failed', paymentId: 'host-pay-1' }), 'failed'],
  ] as const)('%s: back to the confirmation screen with the decline; the order is kept', (_s, event, decline) => {
    const w = verifying();
    const key = idempotencyKey(w.ctx);
    w.send(event);
    expect(w.state).toBe('payment.review');
    expect(w.ctx.payment.decline).toBe(decline);
    expect(w.ctx.payment.paidWith).toBeNull();
    expect(w.ctx.order).toEqual(order('week-3gb'));
    expect(idempotencyKey(w.ctx)).not.toBe(key);
    // The host may report another payment.
    expect(w.can(reported('host-pay-2'))).toBe(true);
    expect(w.send(reported('host-pay-2')).spawnedInput('paymentStatus')).toEqual({ paymentId: 'host-pay-2' });
  });

  it('an error: back to the confirmation screen with it, nothing decided', () => {
    const w = verifying().send(err('server', true));
    expect(w.state).toBe('payment.review');
    expect(w.hasTag('error')).toBe(false);
    expect(w.ctx.error).toEqual({ code: 'server', retryable: true });
    expect(w.ctx.payment).toMatchObject({ decline: null, paidWith: null, attempt: 0 });
    expect(w.running).toEqual([]);
    w.send(reported());
    expect(w.ctx.error).toBeNull();
  });

  it('a payment still needing the person: the usual authentication, then paid with the host', () => {
    const w = verifying().send(outcome({ status: 'requires-action', paymentId: 'host-pay-1', action: 'authenticate' }));
    expect(w.state).toBe('payment.authenticating');
    w.send({ type: 'user.payment.authenticate', approved: true });
    expect(w.spawnedInput('authenticate')).toEqual({ paymentId: 'host-pay-1', approved: true });
    w.send(outcome({ status: 'succeeded', paymentId: 'host-pay-1' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.paidWith).toEqual({ method: 'host' });
  });

  it('after a declined host payment the person pays in the wizard: paid with that method, not the host', () => {
    const w = verifying().send(outcome({ status: 'declined', paymentId: 'host-pay-1', declineCode: 'card_declined' }));
    readyToPay(w, 'paypal').send(pay);
    expect(w.state).toBe('payment.paying');
    w.send(outcome({ status: 'succeeded', paymentId: 'pay-9' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.paidWith).toEqual({ method: 'paypal' });
  });

  it('after an unverified host payment the person pays by card: the card is on the receipt', () => {
    const w = verifying().send(err('network', true));
    readyToPay(w, 'card')
      .send(pay)
      .send({ type: 'provider.cardTokenized', card: CARD })
      .send(outcome({ status: 'succeeded', paymentId: 'pay-9' }));
    expect(w.ctx.payment.paidWith).toEqual({ method: 'card', card: { brand: 'visa', last4: '4242' } });
  });

  it("a card left from an interrupted payment is not put on a host payment's receipt", () => {
    const w = reviewReady({}, 'card').send(pay).send({ type: 'provider.cardTokenized', card: CARD }).send(expired);
    w.send({ type: 'user.login.password', filled: true }).send(next).send(identified);
    expect(w.state).toBe('payment.review');
    expect(w.ctx.payment.card?.last4).toBe('4242');
    w.send(reported('host-pay-3')).send(outcome({ status: 'succeeded', paymentId: 'host-pay-3' }));
    expect(w.state).toBe('activation.checking');
    expect(w.ctx.payment.paidWith).toEqual({ method: 'host' });
    // The token is dropped all the same.
    expect(w.ctx.payment.card?.token).toBe('');
  });
});
