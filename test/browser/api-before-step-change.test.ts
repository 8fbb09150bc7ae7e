/** The cancelable `esim-before-step-change`: what the host is asked about, and what a veto keeps. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import { clickStep, mountApi } from './api-helpers.js';
import {
  CARD_OK,
  DEMO_PASSWORD,
  answerValidity,
  checked,
  choose,
  click,
  demo,
  enter,
  orders,
  payByCard,
  pickPlan,
  signIn,
  state,
  textField,
  toLogin,
  waitForState,
} from './flows-helpers.js';

/** The host's veto: `decide` says, per requested change, whether to cancel it. */
function veto(el: EsimRenewalWizard, decide: (d: { from: string; to: string }) => boolean): void {
  el.addEventListener('esim-before-step-change', (e) => {
    if (decide(e.detail)) e.preventDefault();
  });
}

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
    await enter(m.el, 'Password', DEMO_PASSWORD);
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
