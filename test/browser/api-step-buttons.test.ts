/** The progress list's step buttons: which steps a person can jump back to, and what is kept. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { nextFrame } from '../../src/testing/driver.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import { clickStep, mountApi, stepLinkNames } from './api-helpers.js';
import {
  CARD_OK,
  answerValidity,
  checked,
  click,
  demo,
  enter,
  orders,
  payByCard,
  pickPlan,
  root,
  signIn,
  state,
  textField,
  toLogin,
  waitForState,
} from './flows-helpers.js';

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
