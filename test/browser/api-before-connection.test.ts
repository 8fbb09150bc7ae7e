/** Created with `document.createElement` and configured through properties before it is connected. */
import { expect, fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import { describe, it } from 'vitest';
import { FULL_PROFILE } from '../../src/testing/view-states.js';
import { linksByText, planValues } from './api-helpers.js';
import { CARD_OK, answerValidity, demo, payByCard, pickPlan, q, signIn, state, waitForLocale, waitForState } from './flows-helpers.js';

describe('created with document.createElement and configured before connection', () => {
  it('provider, profile, plansFilter and channel set as properties, then appended: works through to the plans and the end', async () => {
    const base = demo();
    const el = document.createElement('esim-renewal-wizard');
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
    expect(q(el, '#support-heading')!.textContent.trim()).to.equal('Contact Sakura Mobile');
    expect(steps).to.deep.equal([
      { from: 'validity', to: 'login' },
      { from: 'login', to: 'plan' },
      { from: 'plan', to: 'payment' },
      { from: 'payment', to: 'activation' },
      { from: 'activation', to: 'done' },
    ]);
  });
});
