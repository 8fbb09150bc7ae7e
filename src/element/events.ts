/**
 * The events the wizard fires (the step events here; the others, fired from sign-in onwards, in
 * events-later.ts, which loads with the later steps). Each is an `Event` subclass with a typed, read-only `detail`;
 * all bubble and cross shadow roots (composed). None ever carries card data or passwords.
 */
import type { StepId } from '../domain/types.js';
import type { ErrorCode } from '../domain/codes.js';

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

export interface PaymentRequestDetail {
  readonly orderId: string;
  readonly orderReference: string;
  readonly amount: number;
  readonly currency: string;
  /** Use it with your processor so a retry never charges twice. */
  readonly idempotencyKey: string;
}

// (The events fired from sign-in onwards join this map in events-later.ts.)
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-step-change': StepChangeEvent;
    'esim-before-step-change': BeforeStepChangeEvent;
  }
}
