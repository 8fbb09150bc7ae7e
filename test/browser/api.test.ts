/**
 * The host-facing API added on top of the flow: the cancelable `esim-before-step-change`, the
 * progress list's step buttons, `plans-filter`, a host-supplied `session` (and its expiry),
 * `profile`, warnings for bad attribute values, and the `payment` slot with `reportPayment()`.
 *
 * Moving the element to another parent mid-flow is covered in flows-element.test.ts
 * ("moving the element to another parent mid-flow keeps its step and data").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import { afterEach, describe, it, vi } from 'vitest';
import { nextFrame } from '../../src/testing/driver.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { safeUrl } from '../../src/element/views/profile.js';
import type { ActivationStatus, Order, PaymentOutcome } from '../../src/machine/types.js';
import type { Provider, ProviderProfile, Session } from '../../src/providers/contract.js';
import type { DemoProvider } from '../../src/providers/demo.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import { FULL_PROFILE } from '../../src/testing/view-states.js';
import {
  CARD_OK,
  PASSWORD,
  alertText,
  answerValidity,
  checked,
  choose,
  click,
  demo,
  enter,
  hasButton,
  heading,
  idle,
  orders,
  payByCard,
  payWith,
  pickPlan,
  q,
  root,
  signIn,
  spy,
  state,
  text,
  textField,
  toLogin,
  waitForLocale,
  waitForState,
} from './flows-helpers.js';

// ---------------------------------------------------------------------------------------------
// Mounting with every event recorded
// ---------------------------------------------------------------------------------------------

const EVENTS = [
  'esim-before-step-change',
  'esim-step-change',
  'esim-error',
  'esim-renewal-complete',
  'esim-session-expired',
  'esim-payment-request',
] as const;
type EventName = (typeof EVENTS)[number];

interface Logged {
  type: EventName;
  detail: Record<string, unknown>;
  event: Event;
}

interface Harness<P extends Provider> {
  el: EsimRenewalWizard;
  provider: P;
  clock: SimulatedClock;
  log: Logged[];
  /** The details of one event type, in firing order. */
  of(type: EventName): Record<string, unknown>[];
}

/**
 * Creates the element, lets `configure` set it up through its public API (before it is
 * connected, as a host page would), then connects it. Every event is recorded from the start.
 */
async function mountApi<P extends Provider>(provider: P, configure?: (el: EsimRenewalWizard) => void | Promise<void>): Promise<Harness<P>> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const clock = new SimulatedClock();
  const el = document.createElement('esim-renewal-wizard') as EsimRenewalWizard;
  el.provider = provider;
  el.clock = clock;
  await configure?.(el);
  const log: Logged[] = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => log.push({ type, detail: (e as CustomEvent).detail, event: e }));
  wrapper.append(el);
  await waitForLocale(el, 'en');
  return { el, provider, clock, log, of: (type) => log.filter((l) => l.type === type).map((l) => l.detail) };
}

/** The host's veto: `decide` says, per requested change, whether to cancel it. */
function veto(el: EsimRenewalWizard, decide: (d: { from: string; to: string }) => boolean): void {
  el.addEventListener('esim-before-step-change', (e) => {
    if (decide(e.detail)) e.preventDefault();
  });
}

/** The step buttons in the progress list, by the step's name. */
const stepLinks = (el: EsimRenewalWizard): HTMLButtonElement[] => [...root(el).querySelectorAll<HTMLButtonElement>('nav .progress .step-link')];
const stepLinkNames = (el: EsimRenewalWizard): string[] => stepLinks(el).map((b) => b.textContent!.replace(/\s*\(done\)\s*$/, '').replace(/\s+/g, ' ').trim());
async function clickStep(el: EsimRenewalWizard, name: string): Promise<void> {
  const link = stepLinks(el).find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(name));
  if (!link) throw new Error(`no step button "${name}" in ${state(el)}: ${stepLinkNames(el).join(' | ')}`);
  link.click();
  await el.updateComplete;
}

const planValues = (el: EsimRenewalWizard): string[] => [...root(el).querySelectorAll<HTMLInputElement>('input[name="plan"]')].map((i) => i.value);

/** Opens a session the way a host would, on its own, with the provider's `identify`. */
const hostIdentify = (provider: Provider, username = 'demo@example.com'): Promise<Session> =>
  provider.identify({ method: 'account', channel: 'online', username, password: PASSWORD }, new AbortController().signal);

// ---------------------------------------------------------------------------------------------
// esim-before-step-change
// ---------------------------------------------------------------------------------------------

describe('esim-before-step-change', () => {
  it('Next: fired before the move with {from, to}, cancelable and composed; preventDefault() keeps the step and its data', async () => {
    const m = await mountApi(demo());
    let cancel = true;
    veto(m.el, () => cancel);

    // Continue with nothing answered is no step change: nothing is asked of the host.
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('validity');
    expect(m.of('esim-before-step-change')).to.deep.equal([]);

    await choose(m.el, 'I know how many days are left');
    await enter(m.el, 'Days left', '5');
    await click(m.el, 'Continue');
    expect(state(m.el), 'vetoed').to.equal('validity');
    expect(m.of('esim-before-step-change')).to.deep.equal([{ from: 'validity', to: 'channel' }]);
    const first = m.log.find((l) => l.type === 'esim-before-step-change')!.event;
    expect(first.cancelable).to.equal(true);
    expect(first.bubbles).to.equal(true);
    expect(first.composed).to.equal(true);
    expect(first.defaultPrevented).to.equal(true);
    expect(m.of('esim-step-change'), 'no step change happened').to.deep.equal([]);
    expect(textField(m.el, 'Days left').value).to.equal('5');

    cancel = false;
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('channel');
    expect(m.of('esim-before-step-change')).to.deep.equal([
      { from: 'validity', to: 'channel' },
      { from: 'validity', to: 'channel' },
    ]);
    expect(m.of('esim-step-change')).to.deep.equal([{ from: 'validity', to: 'channel' }]);
    // The question comes before the answer.
    const types = m.log.map((l) => l.type);
    expect(types.lastIndexOf('esim-before-step-change')).to.be.lessThan(types.indexOf('esim-step-change'));
  });

  it('a listener further up the tree (document) can veto too', async () => {
    const m = await mountApi(demo());
    const onDocument = (e: Event) => e.preventDefault();
    document.addEventListener('esim-before-step-change', onDocument);
    try {
      await answerValidity(m.el);
      expect(state(m.el)).to.equal('validity');
    } finally {
      document.removeEventListener('esim-before-step-change', onDocument);
    }
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('channel');
  });

  it('Back: vetoed, the wizard stays; allowed, it goes back with the answers kept', async () => {
    const m = await mountApi(demo());
    await answerValidity(m.el, '4');
    await choose(m.el, /^Online, from an eSIM provider/);
    let cancel = true;
    veto(m.el, () => cancel);
    const asked = m.of('esim-before-step-change').length;
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('channel');
    expect(checked(m.el, /^Online, from an eSIM provider/)).to.equal(true);
    expect(m.of('esim-before-step-change').slice(asked)).to.deep.equal([{ from: 'channel', to: 'validity' }]);
    expect(m.of('esim-step-change')).to.deep.equal([{ from: 'validity', to: 'channel' }]);

    cancel = false;
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('validity');
    expect(textField(m.el, 'Days left').value).to.equal('4');
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'channel', to: 'validity' });
  });

  it('a step in the progress list: vetoed, nothing moves; allowed, the jump happens', async () => {
    const m = await mountApi(demo());
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    let cancel = true;
    veto(m.el, () => cancel);
    const asked = m.of('esim-before-step-change').length;

    await clickStep(m.el, 'Where you bought it');
    expect(state(m.el)).to.equal('plan.choosing');
    expect(m.of('esim-before-step-change').slice(asked)).to.deep.equal([{ from: 'plan', to: 'channel' }]);
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'login', to: 'plan' });

    cancel = false;
    await clickStep(m.el, 'Where you bought it');
    expect(state(m.el)).to.equal('channel');
    expect(m.of('esim-before-step-change').slice(asked)).to.deep.equal([
      { from: 'plan', to: 'channel' },
      { from: 'plan', to: 'channel' },
    ]);
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'plan', to: 'channel' });
    expect(checked(m.el, /^Online, from an eSIM provider/), 'the answer is kept').to.equal(true);
  });

  it('provider results are not vetoable: sign-in success, payment and activation move on under a host that vetoes everything', async () => {
    const base = demo();
    const created = orders(base);
    const m = await mountApi(base);
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    await enter(m.el, 'Password', PASSWORD);
    // From here on the host vetoes every change it is asked about, except Continue on the plans.
    veto(m.el, (d) => !(d.from === 'plan' && d.to === 'payment'));
    const before = m.of('esim-before-step-change').length;

    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'login', to: 'plan' });
    // Signing in is a request within the step; the step change is the provider's answer: not asked about.
    expect(m.of('esim-before-step-change').slice(before)).to.deep.equal([]);

    // A vetoed Back on the plans, for contrast.
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('plan.choosing');
    expect(m.of('esim-before-step-change').slice(before)).to.deep.equal([{ from: 'plan', to: 'login' }]);

    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    const asked = m.of('esim-before-step-change').slice(before);
    expect(asked).to.deep.equal([
      { from: 'plan', to: 'login' },
      { from: 'plan', to: 'payment' },
    ]);
    expect(m.of('esim-step-change').slice(-3)).to.deep.equal([
      { from: 'plan', to: 'payment' },
      { from: 'payment', to: 'activation' },
      { from: 'activation', to: 'done' },
    ]);
    expect(base.chargeCount(created[0]!.orderId)).to.equal(1);
    expect(m.of('esim-renewal-complete')).to.have.length(1);
  });
});

// ---------------------------------------------------------------------------------------------
// The progress list's step buttons
// ---------------------------------------------------------------------------------------------

describe('progress list step buttons', () => {
  it('jump back to earlier steps before payment; later steps and the current one are no buttons', async () => {
    const m = await mountApi(demo());
    expect(stepLinkNames(m.el), 'nothing to go back to on the first step').to.deep.equal([]);
    await toLogin(m.el, 'online', '8');
    expect(stepLinkNames(m.el)).to.deep.equal(['Time left', 'Where you bought it']);
    await enter(m.el, 'User name or e-mail', 'demo@example.com');

    await clickStep(m.el, 'Time left');
    expect(state(m.el)).to.equal('validity');
    expect(textField(m.el, 'Days left').value, 'the answer is kept').to.equal('8');
    expect(m.of('esim-step-change').at(-1)).to.deep.equal({ from: 'login', to: 'validity' });
    // The step's heading takes focus, as for any step change.
    await nextFrame(); // focus moves with the frame after the update
    expect(m.el.shadowRoot!.activeElement?.id).to.equal('step-heading');

    await click(m.el, 'Continue');
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('login.form');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
  });

  it('from the confirmation screen back to the plans: the choice and the order are kept', async () => {
    const base = demo();
    const created = orders(base);
    const m = await mountApi(base);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^15 days · 10 GB/);
    expect(stepLinkNames(m.el)).to.deep.equal(['Time left', 'Where you bought it', 'Sign in', 'Choose a plan']);
    await clickStep(m.el, 'Choose a plan');
    expect(state(m.el)).to.equal('plan.choosing');
    expect(checked(m.el, /^15 days · 10 GB/)).to.equal(true);
    await click(m.el, 'Continue');
    await waitForState(m.el, 'payment.review');
    expect(created, 'no second order').to.have.length(1);
    expect(m.of('esim-step-change').slice(-2)).to.deep.equal([
      { from: 'payment', to: 'plan' },
      { from: 'plan', to: 'payment' },
    ]);
  });

  it('none while a charge may be in flight, nor after payment; none for steps the host skipped', async () => {
    const provider = new ScriptedProvider(demo(), { hold: ['pay'] });
    const m = await mountApi(provider, (el) => void (el.channel = 'online'));
    await answerValidity(m.el);
    expect(state(m.el), 'the channel question is skipped').to.equal('login.form');
    expect(stepLinkNames(m.el), 'no button for the skipped channel question').to.deep.equal(['Time left']);
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'payment.paying');
    expect(stepLinkNames(m.el), 'paying').to.deep.equal([]);
    provider.release();
    await waitForState(m.el, 'done');
    expect(stepLinkNames(m.el), 'done').to.deep.equal([]);
    // The finished steps are still marked as such.
    expect(root(m.el).querySelectorAll('nav .progress li.complete').length).to.equal(6);
  });
});

// ---------------------------------------------------------------------------------------------
// plans-filter
// ---------------------------------------------------------------------------------------------

describe('plans-filter', () => {
  it('as an attribute (spaces and commas): only those plans are offered', async () => {
    const m = await mountApi(demo(), (el) => el.setAttribute('plans-filter', 'online-30d-20gb,  online-7d-3gb online-nope'));
    expect(m.el.plansFilter).to.deep.equal(['online-30d-20gb', 'online-7d-3gb', 'online-nope']);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    expect(planValues(m.el)).to.have.members(['online-7d-3gb', 'online-30d-20gb']);
    expect(planValues(m.el)).to.have.length(2);
    await pickPlan(m.el, /^30 days · 20 GB/);
    expect(q(m.el, '#order-heading')!.closest('section')!.textContent).to.contain('30 days · 20 GB');
  });

  it('as a property; set back to null, every plan is offered again on the next load', async () => {
    const m = await mountApi(demo(), (el) => void (el.plansFilter = ['online-1d-1gb']));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    expect(planValues(m.el)).to.deep.equal(['online-1d-1gb']);
    m.el.plansFilter = null;
    await clickStep(m.el, 'Sign in');
    await enter(m.el, 'Password', PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(planValues(m.el).length).to.equal(6);
  });

  it('none left: the "no plans" view, with no list, no Continue, and Back and Start over', async () => {
    const m = await mountApi(demo(), (el) => el.setAttribute('plans-filter', 'shop-30d-5gb'));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    expect(heading(m.el)).to.equal('Choose a plan');
    expect(text(m.el)).to.contain('There are no top-up plans for this eSIM at the moment.');
    expect(q(m.el, '#account-heading'), 'the account is still shown').to.not.equal(null);
    expect(planValues(m.el)).to.deep.equal([]);
    expect(hasButton(m.el, 'Continue')).to.equal(false);
    expect(hasButton(m.el, 'Start over')).to.equal(true);
    await expect(m.el).to.be.accessible();
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('login.form');
  });
});

// ---------------------------------------------------------------------------------------------
// A host-supplied session
// ---------------------------------------------------------------------------------------------

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
    await enter(m.el, 'Password', PASSWORD);
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

    await enter(m.el, 'Password', PASSWORD);
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

// ---------------------------------------------------------------------------------------------
// profile
// ---------------------------------------------------------------------------------------------

const linksByText = (el: EsimRenewalWizard): Record<string, string> =>
  Object.fromEntries([...root(el).querySelectorAll<HTMLAnchorElement>('section.step a')].map((a) => [a.textContent!.replace(/\s+/g, ' ').trim(), a.getAttribute('href')!]));

describe('profile', () => {
  it('the links on the confirmation screen; support channels and links at the end; support channels in the escalation', async () => {
    const m = await mountApi(demo(), (el) => void (el.profile = FULL_PROFILE));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    // The seller as the host presents it, on the final confirmation screen.
    expect(q(m.el, '#order-heading')!.closest('section')!.querySelector('.brand')!.textContent!.trim()).to.equal('Sakura Mobile');
    expect(q(m.el, `.brand img[src="${FULL_PROFILE.logoUrl}"]`), 'the logo').to.not.equal(null);
    expect(linksByText(m.el)).to.include({
      Terms: 'https://sakura-mobile.example/terms',
      Refunds: 'https://sakura-mobile.example/refunds',
      Privacy: 'https://sakura-mobile.example/privacy',
    });
    for (const a of root(m.el).querySelectorAll<HTMLAnchorElement>('.profile-links a')) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.contain('noopener');
    }

    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(q(m.el, '#support-heading')!.textContent!.trim()).to.equal('Contact Sakura Mobile');
    expect(linksByText(m.el)).to.include({
      'help@sakura-mobile.example': 'mailto:help@sakura-mobile.example',
      '+81 3-1234-5678': 'tel:+81312345678',
      'Chat on LINE': 'https://line.me/R/ti/p/@sakura-mobile',
      'Chat on KakaoTalk': 'https://pf.kakao.com/_sakura',
      Terms: 'https://sakura-mobile.example/terms',
    });
    expect(text(m.el)).to.contain('E-mail').and.contain('Phone');
    expect(q(m.el, `img[src="${FULL_PROFILE.logoUrl}"]`), 'the logo').to.not.equal(null);
    // The javascript: chat link is dropped, list item and all.
    expect(q(m.el, 'a[href^="javascript:"]')).to.equal(null);
    expect(text(m.el)).to.not.contain('Chat on Evil');
    expect(root(m.el).querySelectorAll('ul.support li').length).to.equal(4);
    await expect(m.el).to.be.accessible();

    await click(m.el, 'It’s still not working');
    await click(m.el, 'Contact support instead');
    await waitForState(m.el, 'troubleshooting.escalate');
    expect(q(m.el, '#support-heading')!.textContent!.trim()).to.equal('Contact Sakura Mobile');
    expect(linksByText(m.el)).to.include({ 'Chat on LINE': 'https://line.me/R/ti/p/@sakura-mobile', '+81 3-1234-5678': 'tel:+81312345678' });
  });

  it('drops javascript: and data: URLs, keeps the rest; without a brand name the provider’s own name is used', async () => {
    const profile: ProviderProfile = {
      brandName: '',
      logoUrl: 'javascript:alert(1)',
      support: { chats: [{ app: 'LINE', url: ' JavaScript:alert(1)' }, { app: 'WeChat', url: 'https://weixin.qq.com/r/example' }] },
      links: { terms: 'javascript:alert(1)', refunds: 'data:text/html,<script>alert(1)</script>', privacy: 'https://example.com/privacy' },
    };
    const m = await mountApi(demo(), (el) => void (el.profile = profile));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect([...root(m.el).querySelectorAll('.profile-links a')].map((a) => a.textContent!.trim())).to.deep.equal(['Privacy']);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(q(m.el, '#support-heading')!.textContent!.trim()).to.equal('Contact Demo eSIM');
    expect(linksByText(m.el)).to.include({ 'Chat on WeChat': 'https://weixin.qq.com/r/example' });
    expect(text(m.el)).to.not.contain('Chat on LINE');
    const hrefs = [...root(m.el).querySelectorAll('[href], [src]')].map((n) => (n.getAttribute('href') ?? n.getAttribute('src'))!.trim().toLowerCase());
    expect(hrefs.filter((h) => h.startsWith('javascript:') || h.startsWith('data:'))).to.deep.equal([]);
    expect(q(m.el, 'img'), 'no logo from a javascript: URL').to.equal(null);
    expect(root(m.el).querySelectorAll('ul.support li').length, 'no empty item for the dropped chat').to.equal(1);
  });

  it('safeUrl: web, mail and phone links only', () => {
    expect(safeUrl('https://example.com/a')).to.equal('https://example.com/a');
    expect(safeUrl('http://example.com')).to.equal('http://example.com');
    expect(safeUrl('mailto:a@example.com')).to.equal('mailto:a@example.com');
    expect(safeUrl('tel:+81312345678')).to.equal('tel:+81312345678');
    expect(safeUrl('/relative/path')).to.equal('/relative/path');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '', undefined]) {
      expect(safeUrl(bad), String(bad)).to.equal(null);
    }
  });

  it('the default profile shows none of it', async () => {
    const m = await mountApi(demo());
    expect(m.el.profile).to.deep.equal({ brandName: '' });
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect(q(m.el, '.profile-links')).to.equal(null);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(q(m.el, '#support-heading')).to.equal(null);
    expect(q(m.el, '.profile-links')).to.equal(null);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad attribute values
// ---------------------------------------------------------------------------------------------

describe('bad attribute values', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const ours = (warn: { mock: { calls: unknown[][] } }) => warn.mock.calls.map((c) => String(c[0])).filter((s) => s.startsWith('<esim-renewal-wizard>'));

  it('one warning per attribute and value, naming the attribute and the accepted values; the defaults are used', async () => {
    const warn = vi.spyOn(console, 'warn');
    const m = await mountApi(demo(), (el) => {
      el.setAttribute('channel', 'nope');
      el.setAttribute('demo-scenario', 'x');
      el.setAttribute('theme', 'purple');
    });
    // Checked once the rest of the wizard has loaded, a moment after the first step is on screen.
    await vi.waitFor(() => expect(ours(warn)).to.have.length(3));
    const warnings = ours(warn);
    const find = (attr: string) => warnings.filter((w) => w.includes(`${attr}=`));
    expect(find('channel')).to.have.length(1);
    expect(find('channel')[0]).to.contain('channel="nope"').and.contain('online').and.contain('shop').and.contain('airport');
    expect(find('demo-scenario')[0]).to.contain('demo-scenario="x"').and.contain('immediate').and.contain('delayed').and.contain('never').and.contain('failed');
    expect(find('theme')[0]).to.contain('theme="purple"').and.contain('light').and.contain('dark').and.contain('auto');

    // Rendering is intact, with the defaults: the channel question is asked, the palette is the default one.
    expect(state(m.el)).to.equal('validity');
    expect(heading(m.el)).to.not.equal('');
    const reference = await fixture<EsimRenewalWizard>(html`<esim-renewal-wizard .provider=${demo()}></esim-renewal-wizard>`);
    await waitForLocale(reference, 'en');
    expect(getComputedStyle(q(m.el, '.base')!).backgroundColor).to.equal(getComputedStyle(q(reference, '.base')!).backgroundColor);
    expect(getComputedStyle(q(m.el, '.base')!).color).to.equal(getComputedStyle(q(reference, '.base')!).color);
    reference.remove();
    await answerValidity(m.el);
    expect(state(m.el), 'no preset channel').to.equal('channel');
    await expect(m.el).to.be.accessible();

    // Re-renders and re-setting the same values warn no more; a new bad value warns once more; a good one not at all.
    m.el.requestUpdate();
    m.el.setAttribute('lang', 'ja');
    await waitForLocale(m.el, 'ja');
    m.el.setAttribute('channel', 'nope');
    m.el.setAttribute('theme', 'purple');
    await m.el.updateComplete;
    expect(ours(warn)).to.have.length(3);
    m.el.setAttribute('channel', 'nope2');
    await m.el.updateComplete;
    m.el.setAttribute('channel', 'airport');
    m.el.setAttribute('theme', 'dark');
    await m.el.updateComplete;
    expect(ours(warn)).to.have.length(4);
    expect(ours(warn)[3]).to.contain('channel="nope2"');
  });

  it('the built-in demo with demo-scenario="x" runs the default (immediate) scenario to the end', async () => {
    const warn = vi.spyOn(console, 'warn');
    const clock = new SimulatedClock();
    const el = await fixture<EsimRenewalWizard>(html`<esim-renewal-wizard demo-scenario="x" .clock=${clock}></esim-renewal-wizard>`);
    await waitForLocale(el, 'en');
    await vi.waitFor(() => expect(ours(warn)).to.have.length(1));
    await toLogin(el, 'online');
    await signIn(el, 'demo@example.com');
    await waitForState(el, 'plan.choosing', 5000);
    await choose(el, /^7 days · 3 GB/);
    await click(el, 'Continue');
    await waitForState(el, 'payment.review', 5000);
    await payByCard(el, CARD_OK);
    await waitForState(el, /^(done|troubleshooting\.check|activation\.waiting)$/, 8000);
    expect(state(el), 'active at the first check').to.equal('done');
  });
});

// ---------------------------------------------------------------------------------------------
// The payment slot
// ---------------------------------------------------------------------------------------------

/**
 * The demo provider, plus the host's own payment processor: payments the host reports are what
 * its processor did with them, and a paid order goes live. (The demo's own `paymentStatus` knows
 * only the demo's payments.)
 */
function withHostProcessor(base: DemoProvider) {
  const created = orders(base);
  const processed = new Map<string, { orderId: string; status: 'succeeded' | 'declined' }>();
  const provider = new ScriptedProvider(base);
  const demoStatus = provider.paymentStatus.bind(provider);
  const demoActivation = provider.activationStatus.bind(provider);
  const checked: string[] = [];
  provider.paymentStatus = async (session, paymentId, signal): Promise<PaymentOutcome> => {
    const p = processed.get(paymentId);
    if (!p) return demoStatus(session, paymentId, signal);
    checked.push(paymentId);
    await Promise.resolve();
    return p.status === 'succeeded' ? { status: 'succeeded', paymentId } : { status: 'declined', paymentId, declineCode: 'card_declined' };
  };
  provider.activationStatus = async (session, request, signal): Promise<ActivationStatus> => {
    const paid = [...processed.values()].some((p) => p.orderId === request.orderId && p.status === 'succeeded');
    if (!paid) return demoActivation(session, request, signal);
    await Promise.resolve();
    return { state: 'active', expiresAt: created.find((o) => o.orderId === request.orderId)!.newExpiresAt };
  };
  return {
    provider,
    base,
    created,
    /** Payment ids the wizard asked about. */
    checked,
    /** The host's processor takes (or refuses) a payment for the order. */
    process: (paymentId: string, orderId: string, status: 'succeeded' | 'declined') => processed.set(paymentId, { orderId, status }),
  };
}

function slotted(el: EsimRenewalWizard): HTMLElement {
  const div = document.createElement('div');
  div.slot = 'payment';
  div.innerHTML = '<p>HostPay checkout</p><button type="button">Pay with HostPay</button>';
  el.append(div);
  return div;
}

describe('payment slot', () => {
  it('replaces the built-in methods; esim-payment-request; reportPayment false before the confirmation, true after; verified, activated, done', async () => {
    const host = withHostProcessor(demo());
    let child!: HTMLElement;
    const m = await mountApi(host.provider, (el) => void (child = slotted(el)));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    const order = host.created[0] as Order;

    expect(q(m.el, 'fieldset[data-field="method"]'), 'no built-in methods').to.equal(null);
    expect(q(m.el, '#cc-number')).to.equal(null);
    expect(hasButton(m.el, /^Pay /), 'no built-in Pay button').to.equal(false);
    expect(q(m.el, '#confirm'), 'the confirmation is still the wizard’s').to.not.equal(null);
    expect(text(m.el)).to.contain('Tick the box to confirm, then pay with the form below.');
    const slot = q<HTMLSlotElement>(m.el, 'slot[name="payment"]')!;
    expect(slot.hidden).to.equal(false);
    expect(slot.assignedElements()).to.have.length(1);
    expect(slot.assignedElements()[0]).to.equal(child);
    expect(child.getRootNode(), 'the host’s UI stays in the light DOM').to.equal(document);
    expect(child.getBoundingClientRect().height, 'and is shown').to.be.greaterThan(0);
    await expect(m.el).to.be.accessible();

    expect(m.of('esim-payment-request')).to.deep.equal([
      { orderId: order.orderId, orderReference: order.reference, amount: order.total.amount, currency: order.total.currency, idempotencyKey: `${order.orderId}:0` },
    ]);

    host.process('hp_1', order.orderId, 'succeeded');
    expect(m.el.reportPayment('hp_1'), 'not confirmed yet').to.equal(false);
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('payment.review');
    expect(host.checked).to.deep.equal([]);

    await choose(m.el, /^I have checked/);
    expect(m.el.reportPayment('hp_1')).to.equal(true);
    await m.el.updateComplete;
    await waitForState(m.el, 'done');
    expect(host.checked).to.deep.equal(['hp_1']);
    expect(host.provider.calls.pay, 'the wizard took no payment itself').to.equal(0);
    expect(host.provider.calls.tokenizeCard).to.equal(0);
    expect(host.base.chargeCount(order.orderId), 'the demo charged nothing: the host’s processor did').to.equal(0);
    expect(text(m.el)).to.contain('Paid with').and.contain('This site’s own payment');
    expect(m.of('esim-step-change').slice(-2)).to.deep.equal([
      { from: 'payment', to: 'activation' },
      { from: 'activation', to: 'done' },
    ]);
    expect(m.of('esim-renewal-complete')).to.have.length(1);
    expect(m.of('esim-renewal-complete')[0]).to.include({ orderReference: order.reference, planId: 'online-7d-3gb', amount: order.total.amount });
    expect(m.of('esim-payment-request'), 'asked once').to.have.length(1);
    expect(m.el.reportPayment('hp_1'), 'nothing waits for payment any more').to.equal(false);
  });

  it('a payment the provider reports declined keeps the person on the confirmation screen with the message; a new request, a new key', async () => {
    const host = withHostProcessor(demo());
    const m = await mountApi(host.provider, (el) => void slotted(el));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    const order = host.created[0]!;
    await choose(m.el, /^I have checked/);

    host.process('hp_declined', order.orderId, 'declined');
    expect(m.el.reportPayment('hp_declined')).to.equal(true);
    await waitForState(m.el, 'payment.review');
    await idle(m.el);
    expect(alertText(m.el)).to.equal('Your card was declined. Try another card or another way to pay.');
    expect(q(m.el, 'slot[name="payment"]')!.hidden).to.equal(false);
    expect(m.of('esim-payment-request').map((d) => d.idempotencyKey)).to.deep.equal([`${order.orderId}:0`, `${order.orderId}:1`]);
    expect(m.of('esim-renewal-complete')).to.deep.equal([]);

    // A payment id the processor never saw: the provider does not confirm it either.
    expect(m.el.reportPayment('hp_made_up')).to.equal(true);
    await waitForState(m.el, 'payment.review');
    await idle(m.el);
    expect(state(m.el)).to.equal('payment.review');
    expect(alertText(m.el)).to.not.equal('');

    host.process('hp_ok', order.orderId, 'succeeded');
    expect(m.el.reportPayment('hp_ok')).to.equal(true);
    await waitForState(m.el, 'done');
    expect(m.of('esim-renewal-complete')).to.have.length(1);
  });

  it('a refused host payment, then the host removes its UI and the person pays with PayPal: the receipt says PayPal', async () => {
    const host = withHostProcessor(demo());
    let child!: HTMLElement;
    const m = await mountApi(host.provider, (el) => void (child = slotted(el)));
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await choose(m.el, /^I have checked/);
    host.process('hp_refused', host.created[0]!.orderId, 'declined');
    expect(m.el.reportPayment('hp_refused')).to.equal(true);
    await waitForState(m.el, 'payment.review');
    await idle(m.el);
    child.remove();
    await new Promise((r) => setTimeout(r, 0));
    await m.el.updateComplete;
    await payWith(m.el, 'PayPal');
    await waitForState(m.el, 'payment.authenticating');
    await click(m.el, 'Approve');
    await waitForState(m.el, 'done');
    expect(text(m.el)).to.contain('Paid with').and.contain('PayPal');
    expect(text(m.el)).to.not.contain('This site’s own payment');
    expect(host.base.chargeCount(host.created[0]!.orderId)).to.equal(1);
  });

  it('content added while on the confirmation screen takes over from the built-in methods and is asked to pay; reportPayment without an order is false', async () => {
    const host = withHostProcessor(demo());
    const m = await mountApi(host.provider);
    expect(m.el.reportPayment('hp_early'), 'no order yet').to.equal(false);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect(q(m.el, 'fieldset[data-field="method"]')).to.not.equal(null);
    expect(m.of('esim-payment-request'), 'no slot content, no request').to.deep.equal([]);
    const child = slotted(m.el);
    await new Promise((r) => setTimeout(r, 0));
    await m.el.updateComplete;
    expect(q(m.el, 'fieldset[data-field="method"]')).to.equal(null);
    expect(m.of('esim-payment-request')).to.have.length(1);
    expect(m.of('esim-payment-request')[0]).to.include({ orderId: host.created[0]!.orderId });
    // Removed again: the built-in methods come back.
    child.remove();
    await new Promise((r) => setTimeout(r, 0));
    await m.el.updateComplete;
    expect(q(m.el, 'fieldset[data-field="method"]')).to.not.equal(null);
    expect(q(m.el, 'slot[name="payment"]')!.hidden).to.equal(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Configured before connection
// ---------------------------------------------------------------------------------------------

describe('created with document.createElement and configured before connection', () => {
  it('provider, profile, plansFilter and channel set as properties, then appended: works through to the plans and the end', async () => {
    const base = demo();
    const el = document.createElement('esim-renewal-wizard') as EsimRenewalWizard;
    expect(el.isConnected).to.equal(false);
    el.provider = base;
    el.clock = new SimulatedClock();
    el.profile = FULL_PROFILE;
    el.plansFilter = ['online-7d-3gb', 'online-30d-20gb'];
    el.channel = 'online';
    const steps: unknown[] = [];
    el.addEventListener('esim-step-change', (e) => steps.push(e.detail));
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(el);
    await waitForLocale(el, 'en');
    expect(state(el)).to.equal('validity');
    expect(q(el, '.notice'), 'a demo provider').to.not.equal(null);

    await answerValidity(el);
    expect(state(el), 'the preset channel skips the question').to.equal('login.form');
    await signIn(el, 'demo@example.com');
    await waitForState(el, 'plan.choosing');
    expect(planValues(el)).to.have.members(['online-7d-3gb', 'online-30d-20gb']);
    expect(planValues(el)).to.have.length(2);
    await pickPlan(el, /^7 days · 3 GB/);
    expect(linksByText(el)).to.include({ Terms: 'https://sakura-mobile.example/terms' });
    await payByCard(el, CARD_OK);
    await waitForState(el, 'done');
    expect(q(el, '#support-heading')!.textContent!.trim()).to.equal('Contact Sakura Mobile');
    expect(steps).to.deep.equal([
      { from: 'validity', to: 'login' },
      { from: 'login', to: 'plan' },
      { from: 'plan', to: 'payment' },
      { from: 'payment', to: 'activation' },
      { from: 'activation', to: 'done' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Embedding next to the page's own landmarks
// ---------------------------------------------------------------------------------------------

describe('embedded in a page', () => {
  it('a page with its own header and two wizards has one banner landmark: the wizard’s header is none', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <header><p>Host site</p></header>
      <main>
        <esim-renewal-wizard id="a" .provider=${demo()} .clock=${new SimulatedClock()}></esim-renewal-wizard>
        <esim-renewal-wizard id="b" .provider=${demo()} .clock=${new SimulatedClock()}></esim-renewal-wizard>
      </main>
    </div>`);
    const a = page.querySelector<EsimRenewalWizard>('#a')!;
    const b = page.querySelector<EsimRenewalWizard>('#b')!;
    await waitForLocale(a, 'en');
    await waitForLocale(b, 'en');
    expect(q(a, 'header')!.getAttribute('role')).to.equal('none');
    await expect(a).to.be.accessible();
    await expect(b).to.be.accessible();
  });
});
