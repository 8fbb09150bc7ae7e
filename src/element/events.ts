/**
 * The events the wizard fires. Each is an `Event` subclass with a typed, read-only `detail`;
 * all bubble and cross shadow roots (composed). None ever carries card data or passwords.
 */
import type { ErrorCode, Money, StepId } from '../machine/types.js';

export interface StepChangeDetail {
  readonly from: StepId;
  readonly to: StepId;
}

export interface RenewalCompleteDetail {
  readonly orderReference: string;
  readonly planId: string;
  readonly amount: number;
  readonly currency: string;
  /** ISO 8601 instant the renewed plan ends. */
  readonly newExpiry: string;
  /** True when the demo provider handled it: no real payment was made. */
  readonly demo: boolean;
}

export interface WizardErrorDetail {
  readonly code: ErrorCode;
  readonly step: StepId;
  readonly retryable: boolean;
}

/** Every wizard event bubbles and crosses shadow roots. */
const init = { bubbles: true, composed: true } as const;

/** Fired after the wizard moved from one step to another. */
export class StepChangeEvent extends Event {
  static readonly eventName = 'esim-step-change';
  readonly detail: StepChangeDetail;
  constructor(detail: StepChangeDetail) {
    super(StepChangeEvent.eventName, init);
    this.detail = Object.freeze({ ...detail });
  }
}

/**
 * Fired before a step change the person asked for (Next, Back, a step in the progress list).
 * Cancelable: `preventDefault()` keeps the wizard where it is. Provider results are not vetoable.
 */
export class BeforeStepChangeEvent extends Event {
  static readonly eventName = 'esim-before-step-change';
  readonly detail: StepChangeDetail;
  constructor(detail: StepChangeDetail) {
    super(BeforeStepChangeEvent.eventName, { ...init, cancelable: true });
    this.detail = Object.freeze({ ...detail });
  }
}

export interface SessionExpiredDetail {
  /** The step that will go on once a new `session` is set. */
  readonly step: StepId;
}

/** The host-supplied session expired. Set a new `session` and the wizard goes on where it was. */
export class SessionExpiredEvent extends Event {
  static readonly eventName = 'esim-session-expired';
  readonly detail: SessionExpiredDetail;
  constructor(detail: SessionExpiredDetail) {
    super(SessionExpiredEvent.eventName, init);
    this.detail = Object.freeze({ ...detail });
  }
}

export interface PaymentRequestDetail {
  readonly orderId: string;
  readonly orderReference: string;
  readonly amount: number;
  readonly currency: string;
  /** Use it with your processor so a retry never charges twice. */
  readonly idempotencyKey: string;
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
    'esim-step-change': StepChangeEvent;
    'esim-renewal-complete': RenewalCompleteEvent;
    'esim-error': WizardErrorEvent;
    'esim-before-step-change': BeforeStepChangeEvent;
    'esim-session-expired': SessionExpiredEvent;
    'esim-payment-request': PaymentRequestEvent;
  }
}
