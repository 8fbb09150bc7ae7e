/**
 * The timed parts with a running actor on a simulated clock: the sign-in countdown and the
 * activation polling. The provider actors are tiny fakes that answer at once (a settled promise),
 * and the test lets their answers arrive before it looks.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromPromise } from 'xstate';
import type { ActivationRequestInput, IdentifyInput, PayInput, SupportInput } from '../../../src/machine/context.js';
import { wizardMachine } from '../../../src/machine/machine.js';
import type { ActivationState } from '../../../src/domain/codes.js';
import type { ActivationStatus, CardToken, PaymentOutcome, SupportTicket, WizardError } from '../../../src/domain/types.js';
import { PLANS, TODAY, account, inDays, order, pathOf } from './harness.js';

interface Script {
  /** Each sign-in's answer in turn: a failure, or (past the list) signed in. */
  identify: WizardError[];
  activation: (n: number) => ActivationState;
}

function start(script: Script) {
  const clock = new SimulatedClock();
  const calls = { identify: 0, activationAt: [] as number[], pay: [] as PayInput[] };
  /** A call that answers at once, or never (`null`: not used by these tests). */
  const answer = <O, I>(reply: (input: I) => O | null) =>
    fromPromise<O, I>(({ input }) => {
      const output = reply(input);
      return output === null ? new Promise<O>(() => {}) : Promise.resolve(output);
    });
  const machine = wizardMachine.provide({
    actors: {
      identify: fromPromise<void, IdentifyInput>(() => {
        const failure = script.identify[calls.identify++];
        return failure ? Promise.reject(Object.assign(new Error(failure.code), failure)) : Promise.resolve();
      }),
      loadAccount: answer<{ account: ReturnType<typeof account>; plans: typeof PLANS }, void>(() => ({ account: account(), plans: PLANS })),
      createOrder: answer<ReturnType<typeof order>, { planId: string; quantity: number }>((i) => order(i.planId)),
      tokenizeCard: answer<CardToken, void>(() => null),
      pay: answer<PaymentOutcome, PayInput>((i) => {
        calls.pay.push(i);
        return { status: 'succeeded', paymentId: 'pay-1' };
      }),
      authenticate: answer<PaymentOutcome, { paymentId: string; approved: boolean }>(() => null),
      paymentStatus: answer<PaymentOutcome, { paymentId: string }>(() => null),
      activationStatus: answer<ActivationStatus, ActivationRequestInput>(() => {
        calls.activationAt.push(clock.now());
        const state = script.activation(calls.activationAt.length);
        return state === 'active' ? { state, expiresAt: inDays(10) } : { state };
      }),
      supportRequest: answer<SupportTicket, SupportInput>(() => null),
    },
  });
  const actor = createActor(machine, { input: { today: TODAY, channel: 'online' }, clock }).start();
  const state = () => pathOf(actor.getSnapshot().value);
  const ctx = () => actor.getSnapshot().context;
  return { actor, clock, calls, state, ctx };
}

/** Lets the calls' answers (settled promises) reach the machine. */
const answersArrive = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * SimulatedClock schedules timers set while it fires relative to the new time, so time is
 * advanced in 1 s steps, as a real clock would pass it, with the answers arriving in between.
 */
const advance = async (clock: SimulatedClock, ms: number) => {
  for (let t = 0; t < ms; t += 1_000) {
    clock.increment(Math.min(1_000, ms - t));
    await answersArrive();
  }
};

const signIn = (w: ReturnType<typeof start>) => {
  w.actor.send({ type: 'user.validity.set', mode: 'days', daysLeft: '2', today: TODAY });
  w.actor.send({ type: 'user.next' });
  w.actor.send({ type: 'user.login.field', field: 'username', value: 'mika' });
  w.actor.send({ type: 'user.login.password', filled: true });
};

const payByPaypal = async (w: ReturnType<typeof start>) => {
  w.actor.send({ type: 'user.plan.select', planId: 'week-3gb' });
  w.actor.send({ type: 'user.next' });
  await answersArrive();
  w.actor.send({ type: 'user.payment.method', method: 'paypal' });
  w.actor.send({ type: 'user.payment.confirm', confirmed: true });
  w.actor.send({ type: 'user.payment.pay' });
  await answersArrive();
};

/** Next on the sign-in form, then the plans (as the answers arrive). */
const submit = async (w: ReturnType<typeof start>) => {
  w.actor.send({ type: 'user.next' });
  await answersArrive();
  await answersArrive();
};

describe('on a simulated clock', () => {
  it('five wrong passwords pause sign-in for 30 ticks of 1 s', async () => {
    const wrong: WizardError = { code: 'invalid-credentials', retryable: false };
    const w = start({ identify: [wrong, wrong, wrong, wrong, wrong], activation: () => 'pending' });
    signIn(w);
    for (let i = 0; i < 5; i++) await submit(w);
    expect(w.calls.identify).toBe(5);
    expect(w.state()).toBe('login.cooldown');
    expect(w.ctx().login.cooldownLeft).toBe(30);

    w.clock.increment(999);
    expect(w.ctx().login.cooldownLeft).toBe(30);
    w.clock.increment(1);
    expect(w.ctx().login.cooldownLeft).toBe(29);
    await submit(w);
    expect(w.calls.identify).toBe(5);

    await advance(w.clock, 28_000);
    expect(w.state()).toBe('login.cooldown');
    expect(w.ctx().login.cooldownLeft).toBe(1);
    w.clock.increment(1_000);
    expect(w.state()).toBe('login.form');
    expect(w.ctx().login.cooldownLeft).toBe(0);

    await submit(w);
    expect(w.calls.identify).toBe(6);
    expect(w.state()).toBe('plan.choosing');
    expect(w.ctx().login.failures).toBe(0);
    w.actor.stop();
  });

  it('polls activation at 0, 2, 6, 14, 30, 60 … s and hands over to troubleshooting after 10 minutes', async () => {
    const w = start({ identify: [], activation: () => 'pending' });
    signIn(w);
    await submit(w);
    await payByPaypal(w);
    expect(w.state()).toBe('activation.waiting');
    expect(w.calls.pay).toEqual([{ orderId: 'ord-week-3gb', method: 'paypal', idempotencyKey: 'ord-week-3gb:0' }]);

    const t0 = w.calls.activationAt[0]!;
    await advance(w.clock, 12 * 60_000);
    const at = w.calls.activationAt.map((t) => (t - t0) / 1_000);
    expect(at.slice(0, 8)).toEqual([0, 2, 6, 14, 30, 60, 90, 120]);
    expect(at.at(-1)).toBe(600);
    expect(at).toHaveLength(24);
    expect(w.state()).toBe('troubleshooting.check');
    expect(w.ctx().trouble.reason).toBe('timeout');
    w.actor.stop();
  });

  it('stops polling once the plan is active', async () => {
    const w = start({ identify: [], activation: (n) => (n >= 4 ? 'active' : 'pending') });
    signIn(w);
    await submit(w);
    await payByPaypal(w);
    await advance(w.clock, 60_000);
    expect(w.state()).toBe('done');
    expect(w.calls.activationAt).toHaveLength(4);
    expect(w.ctx().activation.expiresAt).toBe(inDays(10));
    await advance(w.clock, 600_000);
    expect(w.calls.activationAt).toHaveLength(4);
    w.actor.stop();
  });
});
