/**
 * The timed parts with a running actor on a simulated clock: the sign-in countdown and the
 * activation polling. The provider actors are tiny fakes that answer at once with provider events.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromCallback, type EventObject } from 'xstate';
import type { ActivationRequestInput, IdentifyInput, PayInput, ProviderEvent, SupportInput } from '../../../src/machine/context.js';
import { wizardMachine } from '../../../src/machine/machine.js';
import type { ActivationState } from '../../../src/domain/codes.js';
import { PLANS, TODAY, account, inDays, order, pathOf } from './harness.js';

interface Script {
  identify: ProviderEvent[];
  activation: (n: number) => ActivationState;
}

function start(script: Script) {
  const clock = new SimulatedClock();
  const calls = { identify: 0, activationAt: [] as number[], pay: [] as PayInput[] };
  const answer = <T>(reply: (input: T) => ProviderEvent | null) =>
    fromCallback<EventObject, T>(({ sendBack, input }) => {
      const event = reply(input);
      if (event) sendBack(event);
    });
  const machine = wizardMachine.provide({
    actors: {
      identify: answer<IdentifyInput>(() => script.identify[calls.identify++] ?? { type: 'provider.identified' }),
      loadAccount: answer<void>(() => ({ type: 'provider.accountLoaded', account: account(), plans: PLANS })),
      createOrder: answer<{ planId: string; quantity: number }>((i) => ({ type: 'provider.orderCreated', order: order(i.planId) })),
      tokenizeCard: answer<void>(() => null),
      pay: answer<PayInput>((i) => {
        calls.pay.push(i);
        return { type: 'provider.payment', outcome: { status: 'succeeded', paymentId: 'pay-1' } };
      }),
      authenticate: answer<{ paymentId: string; approved: boolean }>(() => null),
      paymentStatus: answer<{ paymentId: string }>(() => null),
      activationStatus: answer<ActivationRequestInput>(() => {
        calls.activationAt.push(clock.now());
        const state = script.activation(calls.activationAt.length);
        return { type: 'provider.activation', status: state === 'active' ? { state, expiresAt: inDays(10) } : { state } };
      }),
      supportRequest: answer<SupportInput>(() => null),
    },
  });
  const actor = createActor(machine, { input: { today: TODAY, channel: 'online' }, clock }).start();
  const state = () => pathOf(actor.getSnapshot().value);
  const ctx = () => actor.getSnapshot().context;
  return { actor, clock, calls, state, ctx };
}

/**
 * SimulatedClock schedules timers set while it fires relative to the new time, so time is
 * advanced in 1 s steps, as a real clock would pass it.
 */
const advance = (clock: SimulatedClock, ms: number) => {
  for (let t = 0; t < ms; t += 1_000) clock.increment(Math.min(1_000, ms - t));
};

const signIn = (w: ReturnType<typeof start>) => {
  w.actor.send({ type: 'user.validity.set', mode: 'days', daysLeft: '2', today: TODAY });
  w.actor.send({ type: 'user.next' });
  w.actor.send({ type: 'user.login.field', field: 'username', value: 'mika' });
  w.actor.send({ type: 'user.login.password', filled: true });
};

const payByPaypal = (w: ReturnType<typeof start>) => {
  w.actor.send({ type: 'user.plan.select', planId: 'week-3gb' });
  w.actor.send({ type: 'user.next' });
  w.actor.send({ type: 'user.payment.method', method: 'paypal' });
  w.actor.send({ type: 'user.payment.confirm', confirmed: true });
  w.actor.send({ type: 'user.payment.pay' });
};

describe('on a simulated clock', () => {
  it('five wrong passwords pause sign-in for 30 ticks of 1 s', () => {
    const wrong: ProviderEvent = { type: 'provider.error', error: { code: 'invalid-credentials', retryable: false } };
    const w = start({ identify: [wrong, wrong, wrong, wrong, wrong], activation: () => 'pending' });
    signIn(w);
    for (let i = 0; i < 5; i++) w.actor.send({ type: 'user.next' });
    expect(w.calls.identify).toBe(5);
    expect(w.state()).toBe('login.cooldown');
    expect(w.ctx().login.cooldownLeft).toBe(30);

    w.clock.increment(999);
    expect(w.ctx().login.cooldownLeft).toBe(30);
    w.clock.increment(1);
    expect(w.ctx().login.cooldownLeft).toBe(29);
    w.actor.send({ type: 'user.next' });
    expect(w.calls.identify).toBe(5);

    advance(w.clock, 28_000);
    expect(w.state()).toBe('login.cooldown');
    expect(w.ctx().login.cooldownLeft).toBe(1);
    w.clock.increment(1_000);
    expect(w.state()).toBe('login.form');
    expect(w.ctx().login.cooldownLeft).toBe(0);

    w.actor.send({ type: 'user.next' });
    expect(w.calls.identify).toBe(6);
    expect(w.state()).toBe('plan.choosing');
    expect(w.ctx().login.failures).toBe(0);
    w.actor.stop();
  });

  it('polls activation at 0, 2, 6, 14, 30, 60 … s and hands over to troubleshooting after 10 minutes', () => {
    const w = start({ identify: [], activation: () => 'pending' });
    signIn(w);
    w.actor.send({ type: 'user.next' });
    payByPaypal(w);
    expect(w.state()).toBe('activation.waiting');
    expect(w.calls.pay).toEqual([{ orderId: 'ord-week-3gb', method: 'paypal', idempotencyKey: 'ord-week-3gb:0' }]);

    const t0 = w.calls.activationAt[0]!;
    advance(w.clock, 12 * 60_000);
    const at = w.calls.activationAt.map((t) => (t - t0) / 1_000);
    expect(at.slice(0, 8)).toEqual([0, 2, 6, 14, 30, 60, 90, 120]);
    expect(at.at(-1)).toBe(600);
    expect(at).toHaveLength(24);
    expect(w.state()).toBe('troubleshooting.check');
    expect(w.ctx().trouble.reason).toBe('timeout');
    w.actor.stop();
  });

  it('stops polling once the plan is active', () => {
    const w = start({ identify: [], activation: (n) => (n >= 4 ? 'active' : 'pending') });
    signIn(w);
    w.actor.send({ type: 'user.next' });
    payByPaypal(w);
    advance(w.clock, 60_000);
    expect(w.state()).toBe('done');
    expect(w.calls.activationAt).toHaveLength(4);
    expect(w.ctx().activation.expiresAt).toBe(inDays(10));
    advance(w.clock, 600_000);
    expect(w.calls.activationAt).toHaveLength(4);
    w.actor.stop();
  });
});
