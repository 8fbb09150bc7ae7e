/** Paying: declines, card authentication, PayPal, cash at a convenience store. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { CASH_POLL_MS } from '../../src/machine/setup.js';
import {
  CARD_3DS,
  CARD_DECLINED,
  CARD_NO_FUNDS,
  CARD_OK,
  alertText,
  button,
  checked,
  click,
  heading,
  idle,
  mountDemo,
  orders,
  payByCard,
  payWith,
  pickPlan,
  q,
  shownReference,
  signIn,
  spy,
  state,
  text,
  toLogin,
  waitForState,
} from './flows-helpers.js';

/** An online account on the confirmation screen for the 7-day plan. */
async function atReview() {
  const m = await mountDemo();
  const created = orders(m.provider);
  await toLogin(m.el, 'online');
  await signIn(m.el, 'demo@example.com');
  await pickPlan(m.el, /^7 days · 3 GB/);
  return { ...m, created };
}

describe('card payments', () => {
  it('a declined card, then another card that succeeds: decline message, everything kept, charged once', async () => {
    const m = await atReview();
    const pay = spy(m.provider, 'pay');
    await payByCard(m.el, CARD_DECLINED);
    await waitForState(m.el, 'payment.review');
    await m.el.updateComplete;
    expect(alertText(m.el)).to.contain('Your card was declined. Try another card or another way to pay.');
    // Method, plan and confirmation are kept.
    expect(checked(m.el, 'Credit or debit card')).to.equal(true);
    expect(checked(m.el, /^I have checked/)).to.equal(true);
    expect(q(m.el, '#order-heading')!.closest('section')!.textContent).to.contain('7 days · 3 GB').and.contain('¥1,480');
    expect(m.created).to.have.length(1);
    const order = m.created[0]!;
    expect(m.provider.chargeCount(order.orderId)).to.equal(0);
    expect(m.events.completes).to.have.length(0);
    expect(m.events.steps.at(-1)!.to).to.equal('payment');

    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(pay.calls).to.have.length(2);
    // A new attempt, so a new idempotency key.
    const keys = pay.calls.map((c) => (c[1] as { idempotencyKey: string }).idempotencyKey);
    expect(keys[0]).to.not.equal(keys[1]);
    expect(m.created).to.have.length(1);
    expect(m.provider.chargeCount(order.orderId)).to.equal(1);
    expect(m.events.completes).to.have.length(1);
    expect(m.events.completes[0]!.orderReference).to.equal(order.reference);
    expect(shownReference(m.el)).to.equal(order.reference);
    expect(text(m.el)).to.contain('Visa ending in 4242');
  });

  it('insufficient funds (…9995) says so and charges nothing', async () => {
    const m = await atReview();
    await payByCard(m.el, CARD_NO_FUNDS);
    await waitForState(m.el, 'payment.review');
    await m.el.updateComplete;
    expect(alertText(m.el)).to.contain('The card has insufficient funds. Try another card or another way to pay.');
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(0);
    expect(button(m.el, /^Pay ¥1,480$/)).to.exist;
  });

  it('a card that asks for authentication (3184): Approve → activation → done, charged once', async () => {
    const m = await atReview();
    await payByCard(m.el, CARD_3DS);
    await waitForState(m.el, 'payment.authenticating');
    expect(heading(m.el)).to.equal('Confirm it’s you');
    expect(text(m.el)).to.contain('Your bank asks you to approve this payment.').and.contain('Demo: this stands in');
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(0);
    await click(m.el, 'Approve');
    await waitForState(m.el, 'done');
    expect(m.events.steps.slice(-2)).to.deep.equal([
      { from: 'payment', to: 'activation' },
      { from: 'activation', to: 'done' },
    ]);
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(1);
    expect(m.events.completes).to.have.length(1);
  });

  it('a card that asks for authentication: Cancel → back on the confirmation screen with the message, nothing charged', async () => {
    const m = await atReview();
    await payByCard(m.el, CARD_3DS);
    await waitForState(m.el, 'payment.authenticating');
    await click(m.el, 'Cancel');
    await waitForState(m.el, 'payment.review');
    await m.el.updateComplete;
    expect(heading(m.el)).to.equal('Check and pay');
    expect(alertText(m.el)).to.contain('The card check wasn’t completed, so nothing was charged.');
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(0);
    expect(m.events.completes).to.have.length(0);
    // And a good card still goes through.
    await payByCard(m.el, CARD_OK);
    await waitForState(m.el, 'done');
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(1);
  });
});

describe('other ways to pay', () => {
  it('PayPal: cancelling the approval says so in PayPal’s terms, and nothing is charged', async () => {
    const m = await atReview();
    await payWith(m.el, 'PayPal');
    await waitForState(m.el, 'payment.authenticating');
    await click(m.el, 'Cancel');
    await waitForState(m.el, 'payment.review');
    expect(alertText(m.el)).to.contain('The PayPal payment wasn’t approved').and.not.contain('card');
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(0);
  });

  it('PayPal: approve → activation → done, charged once', async () => {
    const m = await atReview();
    await payWith(m.el, 'PayPal');
    await waitForState(m.el, 'payment.authenticating');
    expect(heading(m.el)).to.equal('Approve with PayPal');
    expect(text(m.el)).to.contain('Approve the payment in PayPal to continue.');
    await click(m.el, 'Approve');
    await waitForState(m.el, 'done');
    expect(text(m.el)).to.contain('Paid with').and.contain('PayPal');
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(1);
    expect(m.events.completes).to.have.length(1);
    expect(m.events.completes[0]!.demo).to.equal(true);
  });

  it('cash at a convenience store: voucher and pay-by shown; "I’ve paid: check now" twice → paid → done', async () => {
    const m = await atReview();
    const status = spy(m.provider, 'paymentStatus');
    await payWith(m.el, 'Cash at a convenience store');
    await waitForState(m.el, 'payment.awaitingCash');
    expect(heading(m.el)).to.equal('Pay at a convenience store');
    const voucher = q(m.el, '#voucher-number')!.textContent.trim();
    expect(voucher).to.match(/^\d{12}$/);
    expect(text(m.el)).to.contain('Pay by').and.contain('Payment number').and.contain('¥1,480');
    // The pay-by date is three days out, shown as a date.
    const payBy = [...m.el.shadowRoot!.querySelectorAll('dt')].find((d) => d.textContent === 'Pay by')!.nextElementSibling!.textContent;
    expect(payBy).to.contain(String(new Date(Date.now() + 3 * 86_400_000).getDate()));
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(0);

    await click(m.el, /check now$/);
    await waitForState(m.el, 'payment.awaitingCash');
    expect(status.calls).to.have.length(1);
    expect(q(m.el, '#voucher-number')!.textContent.trim()).to.equal(voucher);
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(0);

    await click(m.el, /check now$/);
    await waitForState(m.el, 'done');
    expect(status.calls).to.have.length(2);
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(1);
    expect(m.events.completes).to.have.length(1);
    expect(text(m.el)).to.contain('Cash at a convenience store');
  });

  it('cash: the wizard also checks by itself every 15 s of the clock', async () => {
    const m = await atReview();
    const status = spy(m.provider, 'paymentStatus');
    await payWith(m.el, 'Cash at a convenience store');
    await waitForState(m.el, 'payment.awaitingCash');
    m.clock.increment(CASH_POLL_MS - 1);
    await m.el.updateComplete;
    expect(status.calls).to.have.length(0);
    m.clock.increment(1);
    await idle(m.el);
    expect(state(m.el)).to.equal('payment.awaitingCash');
    expect(status.calls).to.have.length(1);
    m.clock.increment(CASH_POLL_MS);
    await waitForState(m.el, 'done');
    expect(status.calls).to.have.length(2);
    expect(m.provider.chargeCount(m.created[0]!.orderId)).to.equal(1);
  });
});
