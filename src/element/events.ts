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
  }
}
