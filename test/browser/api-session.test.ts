/**
 * A host-supplied `session`: sign-in is skipped, and when the session expires the host is told
 * (`esim-session-expired`); without one, the person signs in again. Either way, charged once.
 */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import type { Provider, Session } from '../../src/providers/contract.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import { mountApi, stepLinkNames } from './api-helpers.js';
import {
  CARD_OK,
  DEMO_PASSWORD,
  alertText,
  answerValidity,
  choose,
  click,
  demo,
  enter,
  hasButton,
  heading,
  orders,
  payByCard,
  pickPlan,
  q,
  signIn,
  spy,
  state,
  text,
  textField,
  toLogin,
  waitForState,
} from './flows-helpers.js';

/** Opens a session the way a host would, on its own, with the provider's `identify`. */
const hostIdentify = (provider: Provider, username = 'demo@example.com'): Promise<Session> =>
  provider.identify({ method: 'account', channel: 'online', username, password: DEMO_PASSWORD }, new AbortController().signal);

describe('session (host-supplied)', () => {
  it('skips sign-in: validity → channel → plans, no identify call by the wizard, no sign-in in the progress list', async () => {
    const provider = new ScriptedProvider(demo());
    const session = await hostIdentify(provider);
    expect(provider.calls.identify).to.equal(1);
    const m = await mountApi(provider, (el) => void (el.session = session));
    await answerValidity(m.el);
    await choose(m.el, /^Online, from an eSIM provider/);
    await click(m.el, 'Continue');
    await waitForState(m.el, 'plan.choosing');
    expect(m.of('esim-step-change')).to.deep.equal([
      { from: 'validity', to: 'channel' },
      { from: 'channel', to: 'plan' },
    ]);
    expect(provider.calls.identify, 'the wizard never signs in itself').to.equal(1);
    expect(q(m.el, '#password')).to.equal(null);
    expect(stepLinkNames(m.el)).to.deep.equal(['Time left', 'Where you bought it']);
    // Back skips sign-in too.
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('channel');
  });

  it('set while the sign-in form is shown: the wizard goes on to the plans at once', async () => {
    const provider = new ScriptedProvider(demo());
    const m = await mountApi(provider);
    await toLogin(m.el, 'online');
    m.el.session = await hostIdentify(provider);
    await waitForState(m.el, 'plan.choosing');
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'login', to: 'plan' });
  });

  it('expired while loading the plans: esim-session-expired, the waiting view; a new session goes on at the plans', async () => {
    const provider = new ScriptedProvider(demo(), { fail: { accountStatus: { code: 'session-expired', times: 1, retryable: false } } });
    const first = await hostIdentify(provider);
    const m = await mountApi(provider, (el) => {
      el.session = first;
      el.channel = 'online';
    });
    await answerValidity(m.el);
    await waitForState(m.el, 'login.awaitingHost');
    expect(m.of('esim-session-expired')).to.deep.equal([{ step: 'plan' }]);
    expect(m.of('esim-error'), 'the host is told by its own event').to.deep.equal([]);
    expect(heading(m.el)).to.equal('Your session has ended');
    expect(text(m.el)).to.contain('The site you came from will sign you in again.');
    expect(q(m.el, '#password'), 'the person is never asked for a password').to.equal(null);
    expect(hasButton(m.el, 'Sign in')).to.equal(false);
    await expect(m.el).to.be.accessible();

    m.el.session = await hostIdentify(provider);
    await waitForState(m.el, 'plan.choosing');
    expect(provider.calls.accountStatus).to.equal(2);
    expect(m.of('esim-step-change').slice(-2)).to.deep.equal([
      { from: 'plan', to: 'login' },
      { from: 'login', to: 'plan' },
    ]);
    expect(m.of('esim-session-expired')).to.have.length(1);
  });

  it('expired while paying: told once with step "payment"; the renewed session pays the same order, charged once', async () => {
    const base = demo();
    const created = orders(base);
    const provider = new ScriptedProvider(base, { fail: { pay: { code: 'session-expired', times: 1, retryable: false } } });
    const session = await hostIdentify(provider);
    const m = await mountApi(provider, (el) => {
      el.session = session;
      el.channel = 'online';
    });
    await answerValidity(m.el);
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'login.awaitingHost');
    expect(m.of('esim-session-expired')).to.deep.equal([{ step: 'payment' }]);
    expect(base.chargeCount(created[0]!.orderId)).to.equal(0);

    // The host renews the session (here: the same provider session, handed over again).
    m.el.session = { ...session };
    await waitForState(m.el, 'payment.review');
    expect(created, 'the order is kept, not made again').to.have.length(1);
    expect(q(m.el, '#order-heading')!.closest('section')!.textContent).to.contain('7 days · 3 GB');
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(base.chargeCount(created[0]!.orderId)).to.equal(1);
    expect(m.of('esim-renewal-complete')).to.have.length(1);
  });

  it('reset() keeps the host’s session: sign-in is still skipped and the host is not asked for a new one', async () => {
    const provider = new ScriptedProvider(demo());
    const session = await hostIdentify(provider);
    const m = await mountApi(provider, (el) => {
      el.session = session;
      el.channel = 'online';
    });
    await answerValidity(m.el);
    await waitForState(m.el, 'plan.choosing');
    m.el.reset();
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('validity');
    await answerValidity(m.el);
    await waitForState(m.el, /^(plan\.choosing|login\.awaitingHost)$/);
    expect(state(m.el)).to.equal('plan.choosing');
    expect(m.of('esim-session-expired')).to.deep.equal([]);
    expect(provider.calls.identify).to.equal(1);
  });

  it('without a host session, the same expiry asks the person to sign in again, then continues at the plans', async () => {
    const provider = new ScriptedProvider(demo(), { fail: { accountStatus: { code: 'session-expired', times: 1, retryable: false } } });
    const m = await mountApi(provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'login.form');
    expect(alertText(m.el)).to.equal('Your session has ended. Please sign in again.');
    expect(m.of('esim-error')).to.deep.equal([{ code: 'session-expired', step: 'login', retryable: false }]);
    expect(m.of('esim-session-expired'), 'only for a host session').to.deep.equal([]);
    expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
    expect(textField(m.el, 'Password').value, 'the password is asked again').to.equal('');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(provider.calls.identify).to.equal(2);
  });

  it('without a host session, expiry while paying: sign in again, back on the confirmation screen with the order kept; charged once', async () => {
    const base = demo();
    const created = orders(base);
    // A real provider's orders belong to the account; the demo's belong to the session. So here,
    // signing in again gets the same demo session back, as an account-bound provider would behave.
    const identify = base.identify.bind(base);
    let session: Promise<Session> | undefined;
    base.identify = (credentials, signal) => (session ??= identify(credentials, signal));
    const provider = new ScriptedProvider(base, { fail: { pay: { code: 'session-expired', times: 1, retryable: false } } });
    const pay = spy(provider, 'pay');
    const m = await mountApi(provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'login.form');
    expect(alertText(m.el)).to.equal('Your session has ended. Please sign in again.');
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'payment', to: 'login' });

    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'payment.review');
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'login', to: 'payment' });
    expect(created, 'the order is kept').to.have.length(1);
    expect(provider.calls.createOrder).to.equal(1);
    expect(q(m.el, '#order-heading')!.closest('section')!.textContent).to.contain('7 days · 3 GB');
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(base.chargeCount(created[0]!.orderId)).to.equal(1);
    // The attempt whose outcome was a refusal is paid with the same key.
    const keys = pay.calls.map((c) => (c[1] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });
});
