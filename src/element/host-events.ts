/**
 * The events the wizard tells its host page from sign-in onwards (an error, an expired session,
 * the renewal complete) and the `payment` slot: when the host put its own payment UI there, the
 * order ready to pay is sent to it as `esim-payment-request`.
 */
import type { WizardContext } from '../machine/context.js';
import { statePath, stepOf, type WizardSnapshot } from '../machine/selectors.js';
import { idempotencyKey } from '../machine/steps/payment.js';
import type { ProviderInfo } from '../providers/contract.js';
import { completeDetail, PaymentRequestEvent, RenewalCompleteEvent, SessionExpiredEvent, WizardErrorEvent } from './events-later.js';

/** Whether the host put its own payment UI in the `payment` slot. */
export const hasHostPayment = (host: Element): boolean => host.querySelector(':scope > [slot="payment"]') !== null;

/** The event that asks the host's payment UI (the `payment` slot) to pay this order. */
export function paymentRequest(ctx: WizardContext): PaymentRequestEvent | null {
  const order = ctx.order;
  if (!order) return null;
  return new PaymentRequestEvent({
    orderId: order.orderId,
    orderReference: order.reference,
    amount: order.total.amount,
    currency: order.total.currency,
    idempotencyKey: idempotencyKey(ctx),
  });
}

export class HostEvents {
  readonly #host: Element;
  readonly #info: () => ProviderInfo | null;
  /** The order whose completion was announced (`esim-renewal-complete` fires once per order). */
  #completedOrder: string | null = null;

  constructor(host: Element, info: () => ProviderInfo | null) {
    this.#host = host;
    this.#info = info;
  }

  /** After a new snapshot: the events it calls for. */
  afterSnapshot(previous: WizardSnapshot | undefined, next: WizardSnapshot): void {
    const host = this.#host;
    const to = stepOf(next);
    const path = statePath(next);
    const entered = !previous || statePath(previous) !== path;
    const ctx = next.context;
    if (previous && ctx.error && ctx.error !== previous.context.error) {
      host.dispatchEvent(new WizardErrorEvent({ code: ctx.error.code, step: to, retryable: ctx.error.retryable }));
    }
    if (path === 'login.awaitingHost' && previous && entered) {
      host.dispatchEvent(new SessionExpiredEvent({ step: ctx.resumeStep === 'reconcile' ? 'payment' : (ctx.resumeStep ?? 'plan') }));
    }
    if (path === 'payment.review' && entered) this.slotChanged(next);
    if (to === 'done' && ctx.order && this.#completedOrder !== ctx.order.orderId) {
      this.#completedOrder = ctx.order.orderId;
      host.dispatchEvent(new RenewalCompleteEvent(completeDetail(ctx.order, ctx.activation.expiresAt, this.#info()?.demo ?? true)));
    }
  }

  /** The host's payment UI appeared (or the order is ready for it): ask it to pay. */
  slotChanged(snap: WizardSnapshot): void {
    if (hasHostPayment(this.#host) && statePath(snap) === 'payment.review') {
      const event = paymentRequest(snap.context);
      if (event) this.#host.dispatchEvent(event);
    }
  }

  /** `reset()`: a renewal completed before may complete again. */
  reset(): void {
    this.#completedOrder = null;
  }
}
