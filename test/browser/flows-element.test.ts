/** The element itself: reactive properties, moving it, reset(), provider failures, and where secrets go. */
import { expect, fixture, html } from '@open-wc/testing';
import { nextFrame } from '../../src/testing/driver.js';
import { describe, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import {
  CARD_OK,
  alertText,
  answerValidity,
  checked,
  choose,
  click,
  demo,
  hasButton,
  heading,
  idle,
  mountDemo,
  mountWith,
  orders,
  payByCard,
  pickPlan,
  q,
  root,
  signIn,
  spy,
  state,
  text,
  textField,
  toLogin,
  enter,
  waitForState,
} from './flows-helpers.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

const DEMO_NOTICE = 'Demo — no real payment is made.';
const notice = (el: EsimRenewalWizard) => root(el).querySelector('.notice[role="note"]')?.textContent ?? null;

describe('provider failures', () => {
  it('accountStatus fails once (network): message and "Try again", esim-error fired; retry shows the plans', async () => {
    const provider = new ScriptedProvider(demo(), { fail: { accountStatus: { code: 'network', times: 1 } } });
    const m = await mountWith(provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.error');
    expect(heading(m.el)).to.equal('Choose a plan');
    expect(alertText(m.el)).to.equal('We couldn’t reach the provider. Check your connection and try again.');
    expect(q(m.el, 'section.step [role="alert"]')!.getAttribute('part')).to.equal('error');
    expect(m.events.errors).to.deep.equal([{ code: 'network', step: 'plan', retryable: true }]);
    expect(hasButton(m.el, 'Continue')).to.equal(false);

    await click(m.el, 'Try again');
    await waitForState(m.el, 'plan.choosing');
    expect(alertText(m.el)).to.equal('');
    expect(provider.calls.accountStatus).to.equal(2);
    expect(root(m.el).querySelectorAll('input[name="plan"]').length).to.be.greaterThan(0);
    expect(m.events.errors).to.have.length(1);
  });

  it('creating the order fails with a server error: the payment step says so; Try again reaches the confirmation screen', async () => {
    const provider = new ScriptedProvider(demo(), { fail: { createOrder: { code: 'server', times: 1 } } });
    const m = await mountWith(provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    await choose(m.el, /^7 days · 3 GB/);
    await click(m.el, 'Continue');
    await waitForState(m.el, 'payment.orderError');
    expect(alertText(m.el)).to.equal('The provider had a problem. Try again in a moment.');
    expect(m.events.errors).to.deep.equal([{ code: 'server', step: 'payment', retryable: true }]);
    await click(m.el, 'Try again');
    await waitForState(m.el, 'payment.review');
    expect(provider.calls.createOrder).to.equal(2);
  });

  it('paying times out: the outcome is unknown, Try again reuses the attempt and charges once', async () => {
    const base = demo();
    const provider = new ScriptedProvider(base, { fail: { pay: { code: 'timeout', times: 1 } } });
    const created = orders(base);
    const pay = spy(provider, 'pay');
    const m = await mountWith(provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'payment.payError');
    expect(alertText(m.el)).to.contain('The provider took too long to answer.').and.contain('Trying again is safe: you won’t be charged twice.');
    expect(m.events.errors).to.deep.equal([{ code: 'timeout', step: 'payment', retryable: true }]);
    expect(hasButton(m.el, 'Back')).to.equal(false);
    await click(m.el, 'Try again');
    await waitForState(m.el, 'done');
    const keys = pay.calls.map((c) => (c[1] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(base.chargeCount(created[0]!.orderId)).to.equal(1);
    expect(m.events.completes).to.have.length(1);
  });
});

describe('reactive properties', () => {
  it('swapping `provider` at run time re-renders (no demo notice for a real provider) and later calls go to the new one', async () => {
    const first = demo();
    const firstIdentify = spy(first, 'identify');
    const m = await mountWith(first);
    expect(notice(m.el)).to.equal(DEMO_NOTICE);
    await toLogin(m.el, 'online');

    const real = new ScriptedProvider(demo(), { info: { demo: false, name: 'Real eSIM' } });
    m.el.provider = real;
    await m.el.updateComplete;
    expect(notice(m.el)).to.equal(null);
    expect(state(m.el)).to.equal('login.form');

    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect(real.calls.identify).to.equal(1);
    expect(real.calls.createOrder).to.equal(1);
    expect(firstIdentify.calls).to.have.length(0);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(m.events.completes[0]!.demo).to.equal(false);

    m.el.provider = first;
    await m.el.updateComplete;
    expect(notice(m.el)).to.equal(DEMO_NOTICE);
  });

  it('the built-in demo follows `demo-scenario` changed at run time (immediate → failed)', async () => {
    // No provider: the element loads its own demo provider (with its own latency, so this test is slower).
    const clock = new SimulatedClock();
    const el = await fixture<EsimRenewalWizard>(html`<esim-renewal-wizard .clock=${clock}></esim-renewal-wizard>`);
    expect(el.demoScenario).to.equal('immediate');
    await waitForState(el, 'validity');
    await el.updateComplete;
    expect(notice(el)).to.equal(DEMO_NOTICE);
    await toLogin(el, 'online');
    await signIn(el, 'demo@example.com');
    await waitForState(el, 'plan.choosing', 5000);
    await choose(el, /^7 days · 3 GB/);
    await click(el, 'Continue');
    await waitForState(el, 'payment.review', 5000);

    el.setAttribute('demo-scenario', 'failed');
    await el.updateComplete;
    expect(el.demoScenario).to.equal('failed');
    await payByCard(el, CARD_OK);
    await waitForState(el, /^(troubleshooting\.check|done)$/, 8000);
    expect(state(el)).to.equal('troubleshooting.check');
    expect(text(el)).to.contain('Your provider reports that activation failed.');
  });

  it('moving the element to another parent mid-flow keeps its step and data', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online', '9');
    await enter(m.el, 'User name or e-mail', 'mover@example.com');
    const stepsBefore = m.events.steps.length;
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(m.el);
    await m.el.updateComplete;
    await new Promise((r) => setTimeout(r, 10));
    await m.el.updateComplete;
    expect(m.el.parentElement).to.equal(elsewhere);
    expect(state(m.el)).to.equal('login.form');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('mover@example.com');
    expect(m.events.steps.length).to.equal(stepsBefore);
    await click(m.el, 'Back');
    expect(checked(m.el, /^Online, from an eSIM provider/)).to.equal(true);
    await click(m.el, 'Back');
    expect(textField(m.el, 'Days left').value).to.equal('9');
    elsewhere.remove();
  });

  it('detached for a while and put back, it resumes where it was (no reset)', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    const parent = m.el.parentElement!;
    m.el.remove();
    await new Promise((r) => setTimeout(r, 20));
    parent.append(m.el);
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('payment.review');
    expect(q(m.el, '#order-heading')!.closest('section')!.textContent).to.contain('7 days · 3 GB');
    // The session survived: paying still works.
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(m.events.completes).to.have.length(1);
  });

  it('detached during the sign-in pause and put back, the countdown goes on and sign-in opens again', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    for (let i = 1; i <= 5; i++) {
      await enter(m.el, 'Password', `wrong-${i}`);
      await click(m.el, 'Sign in');
      await waitForState(m.el, i < 5 ? 'login.form' : 'login.cooldown');
    }
    m.clock.increment(1_000);
    await m.el.updateComplete;
    const parent = m.el.parentElement!;
    m.el.remove();
    await new Promise((r) => setTimeout(r, 20));
    parent.append(m.el);
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('login.cooldown');
    expect(q(m.el, '[role="timer"]')!.textContent).to.contain('in 29 seconds');
    m.clock.increment(1_000);
    await m.el.updateComplete;
    expect(q(m.el, '[role="timer"]')!.textContent).to.contain('in 28 seconds');
    for (let i = 0; i < 28; i++) {
      m.clock.increment(1_000);
      await m.el.updateComplete;
    }
    expect(state(m.el)).to.equal('login.form');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
  });

  it('detached while waiting for activation and put back, it checks at once, polling resumes and the renewal completes', async () => {
    const m = await mountDemo({ scenario: 'delayed' });
    const status = spy(m.provider, 'activationStatus');
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'activation.waiting');
    expect(status.calls).to.have.length(1);
    const parent = m.el.parentElement!;
    m.el.remove();
    await new Promise((r) => setTimeout(r, 20));
    parent.append(m.el);
    await m.el.updateComplete;
    // The wait was a timer, not kept while away: back, it checks at once, then waits again.
    await idle(m.el);
    expect(status.calls).to.have.length(2);
    expect(state(m.el)).to.equal('activation.waiting');
    m.clock.increment(4_000);
    await waitForState(m.el, 'done');
    expect(status.calls).to.have.length(3);
    expect(m.events.completes).to.have.length(1);
  });

  it('reset() returns to the first step with every field empty', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online', '4');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    m.el.reset();
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('validity');
    expect(checked(m.el, 'I know how many days are left')).to.equal(false);
    expect(checked(m.el, 'I know the expiry date')).to.equal(false);
    expect(q(m.el, '#days-left')).to.equal(null);
    expect(q(m.el, '[data-urgency]')).to.equal(null);
    expect(root(m.el).querySelector('[aria-current="step"]')!.textContent).to.contain('Time left');
    // Like any step change: told to the host, announced, and focus on the new heading.
    expect(m.events.steps.at(-1)).to.deep.equal({ from: 'login', to: 'validity' });
    expect(q(m.el, '#announcer')!.textContent).to.equal('Step 1 of 7: Time left');
    await nextFrame(); // focus moves with the frame after the update
    expect(m.el.shadowRoot!.activeElement?.id).to.equal('step-heading');

    await answerValidity(m.el, '4');
    expect(state(m.el)).to.equal('channel');
    expect(root(m.el).querySelectorAll('input[name="channel"]:checked')).to.have.length(0);
    await choose(m.el, /^Online, from an eSIM provider/);
    await click(m.el, 'Continue');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('');
    expect(textField(m.el, 'Password').value).to.equal('');
    expect(hasButton(m.el, 'Sign in')).to.equal(true);
    expect(q(m.el, 'button.primary')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('reset() after a finished renewal starts over, and a second renewal completes on its own', async () => {
    const m = await mountDemo();
    const created = orders(m.provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    m.el.reset();
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('validity');
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    // Nothing is carried over: no method chosen, no confirmation, empty card fields.
    expect(checked(m.el, 'Credit or debit card')).to.equal(false);
    expect(checked(m.el, /^I have checked/)).to.equal(false);
    await choose(m.el, 'Credit or debit card');
    expect(textField(m.el, 'Card number').value).to.equal('');
    expect(textField(m.el, 'Security code').value).to.equal('');
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(created).to.have.length(2);
    expect(m.events.completes.map((c) => c.orderReference)).to.deep.equal(created.map((o) => o.reference));
    for (const o of created) expect(m.provider.chargeCount(o.orderId)).to.equal(1);
  });

  it('the channel attribute is read again on reset()', async () => {
    const m = await mountDemo();
    await answerValidity(m.el);
    expect(state(m.el)).to.equal('channel');
    m.el.setAttribute('channel', 'airport');
    m.el.reset();
    await m.el.updateComplete;
    await answerValidity(m.el);
    expect(state(m.el)).to.equal('login.form');
    expect(heading(m.el)).to.equal('Find your travel eSIM');
  });
});

describe('secrets', () => {
  it('after a card payment, the card number, security code and password are in no event, nor in storage or the URL after any step', async () => {
    sessionStorage.clear();
    localStorage.clear();
    const hrefBefore = location.href;
    const NUMBER = '4242424242424242';
    const CVC = '739';
    const m = await mountDemo();
    // What storage and the address hold after every state the wizard shows (saved progress is
    // written as each state settles, before it renders).
    const seen: [string, string][] = [];
    const record = () => {
      const at = root(m.el).querySelector('section.step')?.getAttribute('data-state') ?? '?';
      seen.push([`localStorage at ${at}`, JSON.stringify({ ...localStorage })], [`the address at ${at}`, location.href]);
    };
    const watch = new MutationObserver(record);
    watch.observe(root(m.el), { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com', DEMO_PASSWORD);
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, '4242 4242 4242 4242', '12/34', CVC);
    await waitForState(m.el, 'done');
    watch.disconnect();
    expect(m.events.all.length).to.be.greaterThan(5);
    const states = new Set(seen.map(([where]) => where.replace(/^.* at /, '')));
    for (const s of ['login.form', 'login.submitting', 'plan.choosing', 'payment.review', 'payment.tokenizing', 'payment.paying', 'done'])
      expect(states, s).to.include(s);

    // A standalone code: not part of a longer number or id, nor the milliseconds of a timestamp.
    const cvcAlone = new RegExp(`(?<![\\w.])${CVC}(?!\\w)`);
    const places: [string, string][] = [
      ...m.events.all.map((d, i) => [`event ${i}`, JSON.stringify(d)] as [string, string]),
      ...seen,
      ['localStorage', JSON.stringify({ ...localStorage })],
      ['sessionStorage', JSON.stringify({ ...sessionStorage })],
      ['location.href', location.href],
      ['document.cookie', document.cookie],
      ['the wizard’s DOM', root(m.el).innerHTML],
      ['the host element', m.el.outerHTML],
      ...[...root(m.el).querySelectorAll('input, textarea')].map((i) => ['a field', (i as HTMLInputElement).value] as [string, string]),
    ];
    for (const [where, value] of places) {
      expect(value, where).to.not.contain(NUMBER);
      expect(value, where).to.not.contain('4242 4242 4242 4242');
      expect(value, where).to.not.contain(DEMO_PASSWORD);
      expect(value, where).to.not.match(cvcAlone);
    }
    // Storage holds the wizard's saved progress and nothing else: no token, no session either.
    expect(Object.keys(localStorage)).to.have.length(1);
    expect(Object.keys(localStorage)[0]).to.match(/^esim-renewal-wizard:/);
    expect(localStorage.getItem(Object.keys(localStorage)[0]!)).to.not.match(/tok_|demo-session-/);
    expect(sessionStorage.length).to.equal(0);
    expect(location.href).to.equal(hrefBefore);
    // Only the last four are shown, as a receipt would.
    expect(text(m.el)).to.contain('Visa ending in 4242');
  });
});
