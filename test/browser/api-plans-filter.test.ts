/** `plans-filter`, as an attribute and as a property: only those plans are offered, or none. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { clickStep, mountApi, planValues } from './api-helpers.js';
import { DEMO_PASSWORD, click, demo, enter, hasButton, heading, pickPlan, q, signIn, state, text, toLogin, waitForState } from './flows-helpers.js';

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
    await enter(m.el, 'Password', DEMO_PASSWORD);
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
