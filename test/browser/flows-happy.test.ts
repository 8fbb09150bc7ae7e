/** Happy paths per channel, the shop visit, and accounts that cannot top up. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { DEMO_ICCID } from '../../src/domain/test-accounts.js';
import { ONLINE_LINKS } from '../../src/providers/catalogue.js';
import type { DemoProvider } from '../../src/providers/demo.js';
import type { Order } from '../../src/domain/types.js';
import {
  CARD_OK,
  answerValidity,
  checked,
  choose,
  click,
  hasButton,
  heading,
  mountDemo,
  orders,
  payByCard,
  pickPlan,
  q,
  root,
  shownReference,
  signIn,
  spy,
  state,
  text,
  toLogin,
  enter,
  waitForState,
  type MountedAny,
} from './flows-helpers.js';

/** The renewal ended in `done`, said so once, showed the reference, and charged exactly once. */
async function expectRenewed(m: MountedAny<DemoProvider>, created: Order[], planId: string): Promise<void> {
  await waitForState(m.el, 'done');
  expect(created).to.have.length(1);
  const order = created[0]!;
  expect(order.planId).to.equal(planId);
  expect(m.events.completes).to.have.length(1);
  expect(m.events.completes[0]).to.deep.equal({
    orderReference: order.reference,
    planId,
    amount: order.total.amount,
    currency: 'JPY',
    newExpiry: order.newExpiresAt,
    demo: true,
  });
  expect(shownReference(m.el)).to.equal(order.reference);
  expect(heading(m.el)).to.equal('Your plan is active');
  expect(text(m.el)).to.contain(order.planName);
  expect(m.provider.chargeCount(order.orderId)).to.equal(1);
  expect(m.events.steps.at(-1)).to.deep.equal({ from: 'activation', to: 'done' });
}

describe('happy path per channel', () => {
  it('online account: demo@example.com, card 4242 → done, charged once', async () => {
    const m = await mountDemo();
    const created = orders(m.provider);
    await toLogin(m.el, 'online');
    expect(heading(m.el)).to.equal('Sign in to your provider account');
    await signIn(m.el, 'demo@example.com');
    await waitForState(m.el, 'plan.choosing');
    // The provider's status replaces the person's guess.
    expect(text(m.el)).to.contain('7 days · 3 GB').and.contain('2 days left on your plan.');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect(text(m.el)).to.contain('¥1,480');
    await payByCard(m.el, CARD_OK);
    await expectRenewed(m, created, 'online-7d-3gb');
    expect(text(m.el)).to.contain('Visa ending in 4242');
    expect(m.events.steps.map((s) => s.to)).to.deep.equal(['channel', 'login', 'plan', 'payment', 'activation', 'done']);
  });

  it('shop, renewed online with the carrier account: carrier@example.com → done, charged once', async () => {
    const m = await mountDemo();
    const created = orders(m.provider);
    await toLogin(m.el, 'shop');
    await signIn(m.el, 'carrier@example.com');
    await pickPlan(m.el, /^Monthly · 5 GB/);
    // Queue mode: the new month starts when the current one ends.
    expect(text(m.el)).to.contain('Starts');
    // A carrier account offers card and cash only.
    expect(hasButton(m.el, /^Pay /)).to.equal(true);
    expect(() => checked(m.el, 'PayPal')).to.throw();
    await payByCard(m.el, CARD_OK);
    await expectRenewed(m, created, 'shop-30d-5gb');
  });

  it('airport counter, by ICCID + e-mail → done, charged once', async () => {
    const m = await mountDemo();
    const created = orders(m.provider);
    await toLogin(m.el, 'airport');
    expect(heading(m.el)).to.equal('Find your travel eSIM');
    expect(checked(m.el, /^ICCID \(number on the package\)/)).to.equal(true);
    await enter(m.el, 'ICCID', DEMO_ICCID);
    await enter(m.el, 'E-mail used for the purchase', 'traveler@example.com');
    await click(m.el, 'Find my eSIM');
    await pickPlan(m.el, /^7 days · 3 GB/);
    expect(text(m.el)).to.contain('¥1,280').and.contain('only while you are in Japan');
    await payByCard(m.el, CARD_OK);
    await expectRenewed(m, created, 'airport-7d-3gb');
  });

  it('airport counter, by order number + e-mail → done, charged once', async () => {
    const m = await mountDemo();
    const created = orders(m.provider);
    await toLogin(m.el, 'airport');
    await choose(m.el, 'Order number');
    expect(q(m.el, '#iccid')).to.equal(null);
    await enter(m.el, 'Order number', 'NRT-240001');
    await enter(m.el, 'E-mail used for the purchase', 'traveler@example.com');
    await click(m.el, 'Find my eSIM');
    await pickPlan(m.el, /^24 hours · 1 GB/);
    await payByCard(m.el, CARD_OK);
    await expectRenewed(m, created, 'airport-1d-1gb');
  });

  it('a host-set channel skips the question: channel="airport" goes from time left straight to the eSIM lookup', async () => {
    const m = await mountDemo({ channel: 'airport' });
    const created = orders(m.provider);
    await answerValidity(m.el);
    expect(state(m.el)).to.equal('login.form');
    expect(m.events.steps).to.deep.equal([{ from: 'validity', to: 'login' }]);
    expect(heading(m.el)).to.equal('Find your travel eSIM');
    // Back goes to the time-left question, not to a channel question the host answered.
    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('validity');
    await click(m.el, 'Continue');
    await enter(m.el, 'ICCID', DEMO_ICCID);
    await enter(m.el, 'E-mail used for the purchase', 'traveler@example.com');
    await click(m.el, 'Find my eSIM');
    await pickPlan(m.el, /^7 days · 3 GB/);
    await payByCard(m.el, CARD_OK);
    await expectRenewed(m, created, 'airport-7d-3gb');
  });
});

describe('shop visit', () => {
  it('shows the checklist and a Japanese phrase; Back returns to the channel with the choices kept', async () => {
    const m = await mountDemo();
    await answerValidity(m.el);
    await choose(m.el, /^At a carrier shop in Japan/);
    // Continue is not possible until the shop path is chosen.
    expect(q(m.el, 'button.primary')!.getAttribute('aria-disabled')).to.equal('true');
    await choose(m.el, 'I’ll go to a shop');
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('shop-visit');
    expect(heading(m.el)).to.equal('Renewing at a shop');
    expect(m.events.steps.at(-1)).to.deep.equal({ from: 'channel', to: 'shop-visit' });
    const items = [...root(m.el).querySelectorAll('section.step ul li')].map((li) => li.textContent.trim());
    expect(items).to.have.length(4);
    expect(items[0]).to.contain('residence card').and.contain('passport');
    const phrase = q(m.el, '.phrase[lang="ja"]')!;
    expect(phrase.textContent).to.equal('eSIMのプランを更新したいです。');
    expect(phrase.nextElementSibling!.textContent).to.equal('I would like to renew my eSIM plan.');
    expect(root(m.el).querySelectorAll('.phrase[lang="ja"]')).to.have.length(2);
    // Nothing to sign in to, nothing to pay.
    expect(hasButton(m.el, /^Pay /)).to.equal(false);
    expect(hasButton(m.el, 'Continue')).to.equal(false);

    await click(m.el, 'Back');
    expect(state(m.el)).to.equal('channel');
    expect(checked(m.el, /^At a carrier shop in Japan/)).to.equal(true);
    expect(checked(m.el, 'I’ll go to a shop')).to.equal(true);
    // Changing the answer to renew online goes on to sign-in.
    await choose(m.el, 'Online, with my carrier account');
    await click(m.el, 'Continue');
    expect(state(m.el)).to.equal('login.form');
  });
});

describe('accounts that cannot top up', () => {
  for (const [user, reason, says] of [
    ['expired@example.com', 'expired-past-grace', 'can no longer be renewed'],
    ['norecharge@example.com', 'not-rechargeable', 'can’t be recharged'],
  ] as const) {
    it(`${user}: the ineligible view links to "Get a new eSIM", and there is no way to pay`, async () => {
      const m = await mountDemo();
      const createOrder = spy(m.provider, 'createOrder');
      await toLogin(m.el, 'online');
      await signIn(m.el, user);
      await waitForState(m.el, 'plan.ineligible');
      expect(heading(m.el)).to.equal('This eSIM can’t be topped up');
      expect(q(m.el, '[data-reason]')!.dataset.reason).to.equal(reason);
      expect(text(m.el)).to.contain(says);
      const link = [...root(m.el).querySelectorAll('a')].find((a) => a.textContent.trim() === 'Get a new eSIM');
      expect(link, 'Get a new eSIM link').to.not.equal(undefined);
      expect(link!.href).to.equal(ONLINE_LINKS.buyNew);
      expect(link!.target).to.equal('_blank');
      expect(link!.rel).to.contain('noopener');
      // No plan to pick, no Continue, no Pay: the wizard cannot reach payment.
      expect(root(m.el).querySelectorAll('input[name="plan"]')).to.have.length(0);
      expect(hasButton(m.el, 'Continue')).to.equal(false);
      expect(hasButton(m.el, /^Pay /)).to.equal(false);
      expect(createOrder.calls).to.have.length(0);
      expect(m.events.steps.map((s) => s.to)).to.not.include('payment');
    });
  }
});
