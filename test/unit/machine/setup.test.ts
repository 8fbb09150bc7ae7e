/**
 * The named guards and delays as the machine wires them in setup.ts: each called with a context
 * and event that make it pass and one that makes it fail.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorLogic } from 'xstate';
import type { WizardContext, WizardEvent } from '../../../src/machine/context.js';
import { wizardMachine } from '../../../src/machine/machine.js';
import { CASH_POLL_MS, LOGIN_COOLDOWN_S, POLL_MAX_MS, POLL_START_MS, initialContext } from '../../../src/machine/setup.js';
import { TROUBLE_CHECKS } from '../../../src/domain/troubleshooting-checks.js';
import type { PaymentOutcome, StepId } from '../../../src/domain/types.js';
import { ICCID_19, PLANS, TODAY, account, capabilities, ctxWith, failure, order } from './harness.js';

/** A guard as XState calls it: with the machine's events, or a provider call's failure. */
type GuardEvent = WizardEvent | ReturnType<typeof failure>;
type GuardFn = (args: { context: WizardContext; event: GuardEvent }, params: unknown) => boolean;
const guards = wizardMachine.implementations.guards as unknown as Record<string, GuardFn>;

const base = ctxWith();
const nextEv: WizardEvent = { type: 'user.next' };
/** The context, the event (`user.next` when absent) and, for parameterised guards, the params. */
type Case = [context: WizardContext, event?: GuardEvent, params?: unknown];

const login = (l: Partial<WizardContext['login']>): WizardContext => ({ ...base, login: { ...base.login, ...l } });
const pay = (p: Partial<WizardContext['payment']>): WizardContext => ({
  ...base,
  account: account(),
  order: order('week-3gb'),
  payment: { ...base.payment, ...p },
});
/** A context whose payment outcome is on its way to its state. */
const routing = (o: PaymentOutcome): WizardContext => ({ ...base, payment: { ...base.payment, outcome: o } });
const trouble = (t: Partial<WizardContext['trouble']>): WizardContext => ({ ...base, trouble: { ...base.trouble, ...t } });

/** For every guard: a case where it holds, and one where it does not. */
const cases: Record<string, { yes: Case; no: Case }> = {
  validityComplete: { yes: [{ ...base, validity: { ...base.validity, mode: 'unknown' } }], no: [base] },
  channelComplete: { yes: [{ ...base, channel: 'online' }], no: [{ ...base, channel: 'shop' }] },
  isShopVisit: { yes: [{ ...base, channel: 'shop', shopPath: 'visit' }], no: [{ ...base, channel: 'shop', shopPath: 'online' }] },
  hasPresetChannel: { yes: [initialContext({ today: TODAY, channel: 'shop' })], no: [base] },
  // A preset shop still asks online-or-visit: only online and airport skip the question.
  channelSkipped: { yes: [initialContext({ today: TODAY, channel: 'airport' })], no: [initialContext({ today: TODAY, channel: 'shop' })] },
  loginSkipped: { yes: [initialContext({ today: TODAY, hostSession: true })], no: [initialContext({ today: TODAY, hostSession: false })] },
  canGoTo: {
    yes: [base, { type: 'user.goto', step: 'channel' }, { step: 'channel' }],
    // The channel the host fixed was never asked: not a place to return to.
    no: [initialContext({ today: TODAY, channel: 'online' }), { type: 'user.goto', step: 'channel' }, { step: 'channel' }],
  },
  sessionExpired: { yes: [base, failure('session-expired')], no: [base, failure('invalid-credentials')] },
  resumeAt: { yes: [{ ...base, resumeStep: 'payment' }, nextEv, { step: 'payment' }], no: [{ ...base, resumeStep: 'plan' }, nextEv, { step: 'payment' }] },
  canReportHostPayment: { yes: [pay({ confirmed: true })], no: [pay({ confirmed: false })] },
  resumeAtOpenVoucher: {
    yes: [{ ...pay({ voucher: { number: '1', payBy: TODAY, total: { amount: 1, currency: 'JPY' } } }), resumeStep: 'payment' }],
    no: [{ ...pay({ voucher: null }), resumeStep: 'payment' }],
  },
  presetShop: { yes: [initialContext({ today: TODAY, channel: 'shop' })], no: [initialContext({ today: TODAY, channel: 'online' })] },
  loginComplete: { yes: [login({ username: 'mika', passwordFilled: true })], no: [login({ method: 'iccid', iccid: ICCID_19, email: 'x' })] },
  credentialsRejectedTooOften: { yes: [login({ failures: 4 }), failure('invalid-credentials')], no: [login({ failures: 3 }), failure('invalid-credentials')] },
  credentialsRejected: { yes: [base, failure('invalid-credentials')], no: [base, failure('locked')] },
  cooldownOver: { yes: [login({ cooldownLeft: 1 })], no: [login({ cooldownLeft: 2 })] },
  coolingDown: { yes: [login({ cooldownLeft: 1 })], no: [login({ cooldownLeft: 0 })] },
  accountEligible: { yes: [{ ...base, account: account() }], no: [{ ...base, account: account({ expiresAt: '2020-01-01T00:00:00Z' }) }] },
  planSelected: { yes: [{ ...base, plans: PLANS, selectedPlanId: 'day-1gb' }], no: [{ ...base, plans: PLANS, selectedPlanId: 'x' }] },
  hasOrderForSelectedPlan: { yes: [{ ...base, selectedPlanId: 'a', order: order('a') }], no: [{ ...base, selectedPlanId: 'b', order: order('a') }] },
  canPay: { yes: [pay({ method: 'konbini', confirmed: true })], no: [pay({ method: 'card', confirmed: true, cardValid: false })] },
  payingByCard: { yes: [pay({ method: 'card' })], no: [pay({ method: 'paypal' })] },
  methodOffered: {
    yes: [
      { ...base, account: account() },
      { type: 'user.payment.method', method: 'konbini' },
    ],
    no: [
      { ...base, account: account({ capabilities: capabilities({ paymentMethods: ['card'] }) }) },
      { type: 'user.payment.method', method: 'konbini' },
    ],
  },
  // The outcome on its way to its state (the `payment.outcome` state routes it).
  paymentSucceeded: { yes: [routing({ status: 'succeeded', paymentId: 'p' })], no: [routing({ status: 'failed', paymentId: 'p' })] },
  paymentNeedsAction: {
    yes: [routing({ status: 'requires-action', paymentId: 'p', action: 'authenticate' })],
    no: [routing({ status: 'succeeded', paymentId: 'p' })],
  },
  paymentPendingCash: {
    yes: [routing({ status: 'pending-cash', paymentId: 'p', voucher: { number: '1', payBy: TODAY, total: { amount: 1, currency: 'JPY' } } })],
    no: [routing({ status: 'succeeded', paymentId: 'p' })],
  },
  errorRetryable: { yes: [base, failure('network', true)], no: [base, failure('network', false)] },
  alreadyPaid: { yes: [base, failure('already-paid')], no: [base, failure('conflict')] },
  pollBudgetLeft: {
    yes: [{ ...base, activation: { ...base.activation, elapsedMs: 0 } }],
    no: [{ ...base, activation: { ...base.activation, elapsedMs: 599_000 } }],
  },
  hasPreviousCheck: { yes: [trouble({ index: 1 })], no: [trouble({ index: 0 })] },
  hasNextCheck: { yes: [trouble({ index: TROUBLE_CHECKS.length - 2 })], no: [trouble({ index: TROUBLE_CHECKS.length - 1 })] },
  cameFromDone: { yes: [trouble({ from: 'done' })], no: [trouble({ from: 'activation' })] },
  lookingUp: { yes: [{ ...base, lookup: true }], no: [base] },
  messageSendable: { yes: [base, { type: 'user.trouble.send', ok: true }], no: [base, { type: 'user.trouble.send', ok: false }] },
};

describe('named guards as wired in setup', () => {
  it('every named guard has a case here', () => {
    expect(Object.keys(guards).sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.entries(cases))('%s', (name, { yes, no }) => {
    const run = ([context, event, params]: Case) => guards[name]!({ context, event: event ?? nextEv }, params);
    expect(run(yes)).toBe(true);
    expect(run(no)).toBe(false);
  });

  it('guards that read an event are false for other events', () => {
    for (const name of ['credentialsRejected', 'methodOffered', 'paymentSucceeded', 'errorRetryable', 'alreadyPaid', 'sessionExpired']) {
      expect(guards[name]!({ context: { ...base, account: account() }, event: nextEv }, undefined)).toBe(false);
    }
    expect(guards.canGoTo!({ context: base, event: nextEv }, { step: 'validity' })).toBe(false);
  });

  it('canGoTo holds only for the step its params name, and only for steps before payment', () => {
    const signedIn = { ...base, account: account() };
    const goto = (step: StepId): WizardEvent => ({ type: 'user.goto', step });
    // The event must name the transition's own step.
    expect(guards.canGoTo!({ context: signedIn, event: goto('validity') }, { step: 'channel' })).toBe(false);
    expect(guards.canGoTo!({ context: signedIn, event: goto('channel') }, { step: 'validity' })).toBe(false);
    for (const step of ['validity', 'channel', 'login', 'plan'] as const) {
      expect(guards.canGoTo!({ context: signedIn, event: goto(step) }, { step })).toBe(true);
    }
    for (const step of ['payment', 'activation', 'done', 'troubleshooting', 'shop-visit'] as const) {
      expect(guards.canGoTo!({ context: signedIn, event: goto(step) }, { step })).toBe(false);
    }
    // Signed in by the host: no sign-in step to return to. No account yet: no plans to return to.
    expect(guards.canGoTo!({ context: { ...signedIn, hostSession: true }, event: goto('login') }, { step: 'login' })).toBe(false);
    expect(guards.canGoTo!({ context: base, event: goto('plan') }, { step: 'plan' })).toBe(false);
  });

  it('resumeAt compares the remembered step with its params; nothing remembered matches none', () => {
    for (const step of ['plan', 'payment', 'activation', 'troubleshooting'] as const) {
      expect(guards.resumeAt!({ context: { ...base, resumeStep: step }, event: nextEv }, { step })).toBe(true);
      expect(guards.resumeAt!({ context: base, event: nextEv }, { step })).toBe(false);
    }
  });

  it('canReportHostPayment needs an order as well as the confirmation', () => {
    expect(guards.canReportHostPayment!({ context: { ...pay({ confirmed: true }), order: null }, event: nextEv }, undefined)).toBe(false);
  });
});

describe('delays and constants', () => {
  type DelayFn = (args: { context: WizardContext; event: WizardEvent }, params: undefined) => number;
  const delays = wizardMachine.implementations.delays as unknown as Record<string, number | DelayFn>;

  it('pollDelay follows the context; cash every 15 s; a second is 1000 ms', () => {
    const pollDelay = delays.pollDelay as DelayFn;
    expect(pollDelay({ context: { ...base, activation: { ...base.activation, delayMs: 8_000 } }, event: nextEv }, undefined)).toBe(8_000);
    expect(delays.cashPoll).toBe(CASH_POLL_MS);
    expect(delays.second).toBe(1_000);
  });

  it('backs off from 2 s to at most 30 s; sign-in pauses 30 s', () => {
    expect([POLL_START_MS, POLL_MAX_MS, CASH_POLL_MS, LOGIN_COOLDOWN_S]).toEqual([2_000, 30_000, 15_000, 30]);
  });
});

describe('provider actor stubs', () => {
  it('fail loudly when the edge did not provide them', async () => {
    const logic = wizardMachine.implementations.actors.identify as AnyActorLogic;
    const errors: unknown[] = [];
    // As the machine invokes it: its `src` is its name.
    const actor = createActor(logic, { input: {}, src: 'identify' } as never);
    actor.subscribe({ error: (e) => errors.push(e) });
    actor.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(String(errors[0])).toContain('"identify" provider actor was not provided');
  });
});
