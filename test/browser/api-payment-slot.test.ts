/** The `payment` slot: the host's own payment UI, `esim-payment-request` and `reportPayment()`. */
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { ActivationStatus, Order, PaymentOutcome } from '../../src/domain/types.js';
import type { DemoProvider } from '../../src/providers/demo.js';
import { ScriptedProvider } from '../../src/testing/scripted-provider.js';
import { mountApi } from './api-helpers.js';
import { alertText, choose, click, demo, hasButton, idle, orders, payWith, pickPlan, q, signIn, state, text, toLogin, waitForState } from './flows-helpers.js';

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
      {
        orderId: order.orderId,
        orderReference: order.reference,
        amount: order.total.amount,
        currency: order.total.currency,
        idempotencyKey: `${order.orderId}:0`,
      },
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
