/** Back and forth with data kept, step-change events, focus and announcements, field errors. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import {
  CARD_OK,
  alertText,
  answerValidity,
  button,
  checked,
  choose,
  click,
  fill,
  mountDemo,
  orders,
  payByCard,
  pickPlan,
  q,
  root,
  signIn,
  spy,
  state,
  textField,
  toLogin,
  enter,
  waitForState,
} from './flows-helpers.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

const announcer = (el: EsimRenewalWizard) => q(el, '#announcer')!;
const focused = (el: EsimRenewalWizard) => el.shadowRoot!.activeElement;

describe('Back keeps what was entered', () => {
  it('validity → channel → login, then Back step by step: days left, channel and user name are still there; forward again works', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online', '12');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');

    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('channel');
    expect(checked(m.el, /^Online, from an eSIM provider/)).to.equal(true);
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('validity');
    expect(checked(m.el, 'I know how many days are left')).to.equal(true);
    expect(textField(m.el, 'Days left').value).to.equal('12');
    expect(q(m.el, '[data-urgency]')!.textContent).to.contain('12 days left');
    // No Back on the first step.
    expect(() => button(m.el, 'Back')).to.throw();

    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('channel');
    expect(checked(m.el, /^Online, from an eSIM provider/)).to.equal(true);
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('login.form');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(m.events.steps.map((s) => `${s.from}>${s.to}`)).to.deep.equal([
      'validity>channel',
      'channel>login',
      'login>channel',
      'channel>validity',
      'validity>channel',
      'channel>login',
      'login>plan',
    ]);
  });

  it('Back from the plan list to sign-in keeps the user name, and the empty password field is asked for again', async () => {
    const m = await mountDemo();
    const identify = spy(m.provider, 'identify');
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('login.form');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
    // The password was dropped after sign-in and the field is empty: the form must say it is missing,
    // not try to sign in with nothing.
    expect(textField(m.el, 'Password').value).to.equal('');
    expect(button(m.el, 'Sign in').getAttribute('aria-disabled')).to.equal('true');
    await click(m.el, 'Sign in');
    expect(state(m.el)).to.equal('login.form');
    expect(identify.calls).to.have.length(1);
    expect(textField(m.el, 'Password').getAttribute('aria-invalid')).to.equal('true');
    expect(alertText(m.el)).to.equal('');

    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(identify.calls).to.have.length(2);
    expect((identify.calls[1]![0] as { password: string }).password).to.equal(DEMO_PASSWORD);
  });

  it('a password typed before going Back is not used unseen: the field is empty and asked for again', async () => {
    const m = await mountDemo();
    const identify = spy(m.provider, 'identify');
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    expect(button(m.el, 'Sign in').getAttribute('aria-disabled')).to.equal('false');
    await click(m.el, 'Back');
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('login.form');
    expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
    expect(textField(m.el, 'Password').value).to.equal('');
    expect(button(m.el, 'Sign in').getAttribute('aria-disabled')).to.equal('true');
    await click(m.el, 'Sign in');
    expect(identify.calls).to.have.length(0);
    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect((identify.calls[0]![0] as { password: string }).password).to.equal(DEMO_PASSWORD);
  });

  it('Back from the confirmation screen to the plan list keeps the chosen plan; on again reuses the order', async () => {
    const m = await mountDemo();
    const created = orders(m.provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^15 days · 10 GB/);
    expect(q(m.el, '#order-heading')!.closest('section')!.textContent).to.contain('15 days · 10 GB');
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('plan.choosing');
    expect(checked(m.el, /^15 days · 10 GB/)).to.equal(true);
    expect(checked(m.el, /^7 days · 3 GB/)).to.equal(false);
    await click(m.el, 'Continue');
    await waitForState(m.el, 'payment.review');
    expect(created).to.have.length(1);
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(m.events.completes[0]!.planId).to.equal('online-15d-10gb');
    expect(m.provider.chargeCount(created[0]!.orderId)).to.equal(1);
  });

  it('choosing another plan after Back makes a new order for it', async () => {
    const m = await mountDemo();
    const created = orders(m.provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^15 days · 10 GB/);
    await click(m.el, 'Back');
    await pickPlan(m.el, /^30 days · 20 GB/);
    expect(created.map((o) => o.planId)).to.deep.equal(['online-15d-10gb', 'online-30d-20gb']);
    expect(q(m.el, '#order-heading')!.closest('section')!.textContent).to.contain('30 days · 20 GB').and.contain('¥3,980');
  });
});

describe('step changes: event, focus, announcement', () => {
  it('fires esim-step-change with from/to, focuses the new heading and announces "Step N of 7"', async () => {
    const m = await mountDemo();
    expect(m.events.steps).to.deep.equal([]);
    expect(announcer(m.el).getAttribute('aria-live')).to.equal('polite');
    expect(announcer(m.el).getAttribute('role')).to.equal('status');

    const expectStep = (from: string, to: string, n: number, title: string, h2: string) => {
      expect(m.events.steps.at(-1)).to.deep.equal({ from, to });
      expect(announcer(m.el).textContent).to.equal(`Step ${n} of 7: ${title}`);
      const f = focused(m.el)!;
      expect(f, 'focused element').to.not.equal(null);
      expect(f.tagName).to.equal('H2');
      expect(f.textContent).to.equal(h2);
      expect(f.closest('section.step')).to.not.equal(null);
    };

    await answerValidity(m.el);
    expectStep('validity', 'channel', 2, 'Where you bought it', 'Where did you get your eSIM?');
    await choose(m.el, /^At a carrier shop in Japan/);
    await choose(m.el, 'I’ll go to a shop');
    await click(m.el, 'Continue');
    expectStep('channel', 'shop-visit', 2, 'Shop visit', 'Renewing at a shop');
    await click(m.el, 'Back');
    expectStep('shop-visit', 'channel', 2, 'Where you bought it', 'Where did you get your eSIM?');
    await choose(m.el, /^Online, from an eSIM provider/);
    await click(m.el, 'Continue');
    expectStep('channel', 'login', 3, 'Sign in', 'Sign in to your provider account');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    expectStep('login', 'plan', 4, 'Choose a plan', 'Choose a plan');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expectStep('plan', 'payment', 5, 'Check and pay', 'Check and pay');
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expectStep('activation', 'done', 7, 'Done', 'Your plan is active');
    expect(m.events.steps.map((s) => s.to)).to.include('activation');
    await click(m.el, 'It’s still not working');
    expectStep('done', 'troubleshooting', 6, 'Troubleshooting', 'Let’s get you connected');
    // The progress list marks the current step.
    expect(root(m.el).querySelector('[aria-current="step"]')!.textContent).to.contain('Activation');
  });

  it('an invalid Sign in stays on the step: no step change, the announcement is unchanged', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    const before = m.events.steps.length;
    await enter(m.el, 'User name or e-mail', 'x');
    await click(m.el, 'Sign in'); // not allowed: only errors are shown
    expect(m.events.steps.length).to.equal(before);
    expect(announcer(m.el).textContent).to.equal('Step 3 of 7: Sign in');
  });
});

describe('the primary button with invalid input', () => {
  it('time left: Continue (aria-disabled) shows the choice error and focuses the first option', async () => {
    const m = await mountDemo();
    const cont = button(m.el, 'Continue');
    expect(cont.getAttribute('aria-disabled')).to.equal('true');
    expect(cont.disabled).to.equal(false); // still focusable and clickable, as aria-disabled should be
    await click(m.el, 'Continue');
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('validity');
    const group = q(m.el, 'fieldset[data-field="validity-mode"]')!;
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = group.getAttribute('aria-describedby')!;
    expect(q(m.el, `#${describedBy}`)!.textContent).to.equal('Choose one of the options.');
    expect(focused(m.el)).to.equal(group.querySelector('input'));

    // A wrong number of days: the field is marked, described and focused.
    await choose(m.el, 'I know how many days are left');
    await fill(m.el, 'Days left', 'soon');
    await click(m.el, 'Continue');
    await m.el.updateComplete;
    const days = textField(m.el, 'Days left');
    expect(days.getAttribute('aria-invalid')).to.equal('true');
    const ids = days.getAttribute('aria-describedby')!.split(' ');
    expect(ids).to.include('days-left-error');
    expect(q(m.el, '#days-left-error')!.textContent).to.equal('Enter a whole number of days from 0 to 3650.');
    expect(focused(m.el)).to.equal(days);
    expect(m.events.steps).to.deep.equal([]);

    // Fixing it clears the error and lets the person on.
    await fill(m.el, 'Days left', '3');
    expect(days.getAttribute('aria-invalid')).to.equal('false');
    expect(button(m.el, 'Continue').getAttribute('aria-disabled')).to.equal('false');
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('channel');
  });

  it('sign-in: Sign in with empty fields marks both, describes them and focuses the user name', async () => {
    const m = await mountDemo();
    const identify = spy(m.provider, 'identify');
    await toLogin(m.el, 'online');
    expect(button(m.el, 'Sign in').getAttribute('aria-disabled')).to.equal('true');
    // No errors before the person tried.
    expect(textField(m.el, 'User name or e-mail').getAttribute('aria-invalid')).to.equal('false');
    await click(m.el, 'Sign in');
    await m.el.updateComplete;
    for (const [label, id] of [
      ['User name or e-mail', 'username'],
      ['Password', 'password'],
    ] as const) {
      const f = textField(m.el, label);
      expect(f.getAttribute('aria-invalid'), label).to.equal('true');
      expect(f.getAttribute('aria-describedby'), label).to.equal(`${id}-error`);
      expect(q(m.el, `#${id}-error`)!.textContent).to.equal('Please fill this in.');
    }
    expect(focused(m.el)).to.equal(textField(m.el, 'User name or e-mail'));
    expect(identify.calls).to.have.length(0);
  });

  it('confirmation screen: Pay without method and confirmation marks the method choice first', async () => {
    const m = await mountDemo();
    const pay = spy(m.provider, 'pay');
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await click(m.el, /^Pay /);
    await m.el.updateComplete;
    const methods = q(m.el, 'fieldset[data-field="method"]')!;
    expect(methods.getAttribute('aria-invalid')).to.equal('true');
    expect(q(m.el, `#${methods.getAttribute('aria-describedby')}`)!.textContent).to.equal('Choose a way to pay.');
    const confirm = q<HTMLInputElement>(m.el, '#confirm')!;
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    expect(confirm.getAttribute('aria-describedby')).to.equal('confirm-error');
    expect(focused(m.el)).to.equal(methods.querySelector('input'));
    expect(pay.calls).to.have.length(0);
    expect(state(m.el)).to.equal('payment.review');
  });
});
