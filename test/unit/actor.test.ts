/**
 * The machine as an actor with the real edge (provider actors + vault) over the demo provider
 * at 0 latency: no DOM, real async calls, real AbortSignals.
 */
import { describe, expect, it, vi } from 'vitest';
import { createActor, waitFor, type SnapshotFrom } from 'xstate';
import { providerActors, type Vault } from '../../src/element/provider-actors.js';
import { providerCalls } from '../../src/element/provider-calls.js';
import { wizardMachine } from '../../src/machine/machine.js';
import { statePath } from '../../src/machine/selectors.js';
import type { Provider } from '../../src/providers/contract.js';
import { DemoProvider } from '../../src/providers/demo.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

const TODAY = '2026-11-26';

function start(provider: Provider) {
  const vault: Vault = { password: '', card: null, session: null, supportMessage: '' };
  const actor = createActor(wizardMachine.provide({ actors: providerActors(() => Promise.resolve(providerCalls(() => Promise.resolve(provider), vault))) }), {
    input: { today: TODAY },
  }).start();
  const at = (path: string | RegExp) =>
    waitFor(actor, (s: SnapshotFrom<typeof wizardMachine>) => (typeof path === 'string' ? statePath(s) === path : path.test(statePath(s))), { timeout: 2000 });
  return { actor, vault, at, path: () => statePath(actor.getSnapshot()) };
}

// Async on purpose: awaiting it yields once, which lets the sign-in call start before the test goes on.
// eslint-disable-next-line @typescript-eslint/require-await
async function signIn(w: ReturnType<typeof start>) {
  w.actor.send({ type: 'user.validity.set', mode: 'days', daysLeft: '2', today: TODAY });
  w.actor.send({ type: 'user.next' });
  w.actor.send({ type: 'user.channel.select', channel: 'online' });
  w.actor.send({ type: 'user.next' });
  w.actor.send({ type: 'user.login.field', field: 'username', value: 'demo@example.com' });
  w.vault.password = DEMO_PASSWORD;
  w.actor.send({ type: 'user.login.password', filled: true });
  w.actor.send({ type: 'user.next' });
}

describe('the actor over the demo provider', () => {
  it('renews end to end with one charge', async () => {
    const demo = new DemoProvider({ latencyMs: 0 });
    const w = start(demo);
    await signIn(w);
    await w.at('plan.choosing');
    w.actor.send({ type: 'user.plan.select', planId: 'online-7d-3gb' });
    w.actor.send({ type: 'user.next' });
    await w.at('payment.review');
    w.actor.send({ type: 'user.payment.method', method: 'card' });
    w.vault.card = { number: '4242424242424242', expiry: '12/34', cvc: '123' };
    w.actor.send({ type: 'user.payment.card', valid: true });
    w.actor.send({ type: 'user.payment.confirm', confirmed: true });
    w.actor.send({ type: 'user.payment.pay' });
    await w.at('done');
    const ctx = w.actor.getSnapshot().context;
    expect(ctx.payment.paidWith).toEqual({ method: 'card', card: { brand: 'visa', last4: '4242' } });
    expect(demo.chargeCount(ctx.order!.orderId)).toBe(1);
    // The machine never saw the card: only brand and last four, and the spent token is blanked.
    expect(JSON.stringify(w.actor.getPersistedSnapshot())).not.toContain('4242424242424242');
    expect(JSON.stringify(w.actor.getPersistedSnapshot())).not.toContain(DEMO_PASSWORD);
  });

  it('Back while signing in aborts the pending call', async () => {
    const scripted = new ScriptedProvider(new DemoProvider({ latencyMs: 0 }), { hold: ['identify'] });
    let signal: AbortSignal | undefined;
    const identify = scripted.identify.bind(scripted);
    scripted.identify = (c, s) => {
      signal = s;
      return identify(c, s);
    };
    const w = start(scripted);
    await signIn(w);
    await w.at('login.submitting');
    // The call goes out once the calls are loaded.
    await vi.waitFor(() => expect(signal).toBeDefined());
    expect(signal?.aborted).toBe(false);
    w.actor.send({ type: 'user.back' });
    expect(w.path()).toBe('channel');
    expect(signal?.aborted).toBe(true);
    // A late answer from the abandoned call changes nothing.
    scripted.release();
    await new Promise((r) => setTimeout(r, 10));
    expect(w.path()).toBe('channel');
  });

  it('a failed call lands in an error state, and a retry succeeds', async () => {
    const scripted = new ScriptedProvider(new DemoProvider({ latencyMs: 0 }), { fail: { accountStatus: { code: 'network', times: 1 } } });
    const w = start(scripted);
    await signIn(w);
    await w.at('plan.error');
    expect(w.actor.getSnapshot().context.error).toEqual({ code: 'network', retryable: true });
    w.actor.send({ type: 'user.retry' });
    await w.at('plan.choosing');
    expect(w.actor.getSnapshot().context.error).toBeNull();
    expect(scripted.calls.accountStatus).toBe(2);
  });
});
