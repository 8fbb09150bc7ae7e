/** Sign-in: wrong passwords, a locked account, the pause after too many attempts, leaving mid-call, failures. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { ONLINE_LINKS } from '../../src/providers/catalogue.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import {
  alertText,
  button,
  click,
  demo,
  hasButton,
  mountDemo,
  mountWith,
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

const WRONG_CREDENTIALS = 'That user name and password don’t match. Check them and try again.';

describe('sign-in', () => {
  it('a wrong password shows the error and the attempts left; the right one then signs in', async () => {
    const m = await mountDemo();
    const identify = spy(m.provider, 'identify');
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com', 'wrong-password');
    await waitForState(m.el, 'login.form');
    expect(alertText(m.el)).to.contain(WRONG_CREDENTIALS).and.contain('4 attempts left before a short pause.');
    expect(m.events.errors).to.deep.equal([{ code: 'invalid-credentials', step: 'login', retryable: false }]);
    // The user name stays; only the password is typed again.
    expect(textField(m.el, 'User name or e-mail').value).to.equal('demo@example.com');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(identify.calls).to.have.length(2);
    expect(m.events.steps.at(-1)).to.deep.equal({ from: 'login', to: 'plan' });
  });

  it('a second wrong password counts down the attempts', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com', 'nope-1');
    await waitForState(m.el, 'login.form');
    await enter(m.el, 'Password', 'nope-2');
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'login.form');
    await m.el.updateComplete;
    expect(alertText(m.el)).to.contain('3 attempts left');
    expect(m.events.errors).to.have.length(2);
  });

  it('a locked account says so and links to the password reset', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    await signIn(m.el, 'locked@example.com', 'anything');
    await waitForState(m.el, 'login.form');
    expect(alertText(m.el)).to.contain('This account is locked. Reset your password to unlock it, or contact your provider.');
    const reset = root(m.el).querySelector<HTMLAnchorElement>('[role="alert"] a')!;
    expect(reset.textContent.trim()).to.equal('Forgot your password?');
    expect(reset.href).to.equal(ONLINE_LINKS.resetPassword);
    expect(alertText(m.el)).to.not.contain('attempts left');
    expect(m.events.errors).to.deep.equal([{ code: 'locked', step: 'login', retryable: false }]);
    expect(state(m.el)).to.equal('login.form');
  });

  it('5 wrong passwords pause sign-in with a countdown the clock ticks down; then sign-in works again', async () => {
    const m = await mountDemo();
    const identify = spy(m.provider, 'identify');
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    for (let i = 1; i <= 5; i++) {
      await enter(m.el, 'Password', `wrong-${i}`);
      await click(m.el, 'Sign in');
      await waitForState(m.el, i < 5 ? 'login.form' : 'login.cooldown');
      if (i < 5) expect(alertText(m.el)).to.contain(`${5 - i} attempt${5 - i === 1 ? '' : 's'} left`);
    }
    expect(identify.calls).to.have.length(5);
    const timer = () => q(m.el, '[role="timer"]');
    expect(timer()!.textContent).to.equal('Too many attempts. You can try again in 30 seconds.');
    expect(button(m.el, 'Sign in').getAttribute('aria-disabled')).to.equal('true');

    // Trying during the pause does nothing.
    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    expect(state(m.el)).to.equal('login.cooldown');
    expect(identify.calls).to.have.length(5);

    m.clock.increment(1_000);
    await m.el.updateComplete;
    expect(timer()!.textContent).to.equal('Too many attempts. You can try again in 29 seconds.');
    for (let i = 0; i < 28; i++) {
      m.clock.increment(1_000);
      await m.el.updateComplete;
    }
    expect(timer()!.textContent).to.equal('Too many attempts. You can try again in 1 second.');
    m.clock.increment(1_000);
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('login.form');
    expect(timer()).to.equal(null);
    expect(button(m.el, 'Sign in').getAttribute('aria-disabled')).to.equal('false');

    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(identify.calls).to.have.length(6);
  });

  it('the pause lasts exactly 30 simulated seconds, one second at a time', async () => {
    const m = await mountDemo();
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    for (let i = 1; i <= 5; i++) {
      await enter(m.el, 'Password', `wrong-${i}`);
      await click(m.el, 'Sign in');
      await waitForState(m.el, i < 5 ? 'login.form' : 'login.cooldown');
    }
    const seen: string[] = [];
    for (let s = 0; s < 29; s++) {
      m.clock.increment(1_000);
      await m.el.updateComplete;
      seen.push(q(m.el, '[role="timer"]')!.textContent.match(/in (\d+) second/)![1]!);
    }
    expect(seen).to.deep.equal(Array.from({ length: 29 }, (_, i) => String(29 - i)));
    expect(state(m.el)).to.equal('login.cooldown');
    m.clock.increment(1_000);
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('login.form');
  });

  it('Back and Continue during the pause do not skip it; afterwards the password is asked for again', async () => {
    const m = await mountDemo();
    const identify = spy(m.provider, 'identify');
    await toLogin(m.el, 'online');
    await enter(m.el, 'User name or e-mail', 'demo@example.com');
    for (let i = 1; i <= 5; i++) {
      await enter(m.el, 'Password', `wrong-${i}`);
      await click(m.el, 'Sign in');
      await waitForState(m.el, i < 5 ? 'login.form' : 'login.cooldown');
    }
    m.clock.increment(1_000);
    await m.el.updateComplete;
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('channel');
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('login.cooldown');
    expect(q(m.el, '[role="timer"]')!.textContent).to.contain('in 29 seconds');
    for (let i = 0; i < 29; i++) {
      m.clock.increment(1_000);
      await m.el.updateComplete;
    }
    expect(state(m.el)).to.equal('login.form');
    expect(textField(m.el, 'Password').value).to.equal('');
    expect(button(m.el, 'Sign in').getAttribute('aria-disabled')).to.equal('true');
    await enter(m.el, 'Password', DEMO_PASSWORD);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(identify.calls).to.have.length(6);
  });

  it('leaving the step cancels its pending provider call: Sign in, then Back aborts identify', async () => {
    const provider = new ScriptedProvider(demo(), { hold: ['identify'] });
    const identify = spy(provider, 'identify');
    const m = await mountWith(provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    expect(state(m.el)).to.equal('login.submitting');
    expect(q(m.el, 'section.step')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(m.el)).to.contain('Working on it…');
    expect(identify.calls).to.have.length(1);
    const signal = identify.calls[0]!.at(-1) as AbortSignal;
    expect(signal).to.be.instanceOf(AbortSignal);
    expect(signal.aborted).to.equal(false);

    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('channel');
    expect(signal.aborted).to.equal(true);
    // A late answer changes nothing.
    provider.release();
    await new Promise((r) => setTimeout(r, 20));
    await m.el.updateComplete;
    expect(state(m.el)).to.equal('channel');
    expect(m.events.errors).to.deep.equal([]);
  });

  it('a sign-in failure that can be retried (network) shows the message; Sign in again works', async () => {
    const provider = new ScriptedProvider(demo(), { fail: { identify: { code: 'network', times: 1 } } });
    const m = await mountWith(provider);
    await toLogin(m.el, 'online');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'login.form');
    expect(alertText(m.el)).to.contain('We couldn’t reach the provider. Check your connection and try again.');
    expect(alertText(m.el)).to.not.contain('attempts left');
    expect(m.events.errors).to.deep.equal([{ code: 'network', step: 'login', retryable: true }]);
    await click(m.el, 'Sign in');
    await waitForState(m.el, 'plan.choosing');
    expect(provider.calls.identify).to.equal(2);
    expect(hasButton(m.el, 'Continue')).to.equal(true);
  });
});
