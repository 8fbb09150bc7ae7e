/** The wizard's events fired from sign-in onwards: they load with the later steps. */
import type { Money } from '../domain/types.js';
import type { PaymentRequestDetail, RenewalCompleteDetail, SessionExpiredDetail, WizardErrorDetail } from './events.js';

/** Every wizard event bubbles and crosses shadow roots. */
const init = { bubbles: true, composed: true } as const;

/** The host-supplied session expired. Set a new `session` and the wizard goes on where it was. */
export class SessionExpiredEvent extends Event {
  static readonly eventName = 'esim-session-expired';
  readonly detail: SessionExpiredDetail;
  constructor(detail: SessionExpiredDetail) {
    super(SessionExpiredEvent.eventName, init);
    this.detail = Object.freeze({ ...detail });
  }
}

/**
 * With content in the `payment` slot: the order is ready to be paid by the host's own payment
 * UI. Report the result with `reportPayment(paymentId)`; the wizard verifies it with the provider.
 */
export class PaymentRequestEvent extends Event {
  static readonly eventName = 'esim-payment-request';
  readonly detail: PaymentRequestDetail;
  constructor(detail: PaymentRequestDetail) {
    super(PaymentRequestEvent.eventName, init);
    this.detail = Object.freeze({ ...detail });
  }
}

/** Fired once when the renewed plan is active. */
export class RenewalCompleteEvent extends Event {
  static readonly eventName = 'esim-renewal-complete';
  readonly detail: RenewalCompleteDetail;
  constructor(detail: RenewalCompleteDetail) {
    super(RenewalCompleteEvent.eventName, init);
    this.detail = Object.freeze({ ...detail });
  }
}

/** Fired when a provider call fails; the wizard shows the message and a way on. */
export class WizardErrorEvent extends Event {
  static readonly eventName = 'esim-error';
  readonly detail: WizardErrorDetail;
  constructor(detail: WizardErrorDetail) {
    super(WizardErrorEvent.eventName, init);
    this.detail = Object.freeze({ ...detail });
  }
}

export function completeDetail(
  order: { reference: string; planId: string; total: Money; newExpiresAt: string },
  expiresAt: string | null,
  demo: boolean,
): RenewalCompleteDetail {
  return {
    orderReference: order.reference,
    planId: order.planId,
    amount: order.total.amount,
    currency: order.total.currency,
    newExpiry: expiresAt ?? order.newExpiresAt,
    demo,
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'esim-renewal-complete': RenewalCompleteEvent;
    'esim-error': WizardErrorEvent;
    'esim-session-expired': SessionExpiredEvent;
    'esim-payment-request': PaymentRequestEvent;
  }
}
