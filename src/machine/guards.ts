/**
 * Named guards as pure predicates over the context (and, where it matters, the event).
 * The machine wires them in `setup`; the view enables buttons through `snapshot.can`, which
 * runs these same functions, so no button can skip a check.
 */
import type { WizardContext, WizardEvent } from './context.js';
import { topUpEligibility } from '../domain/rules.js';
import type { ActivationStatus, OrderStatus, PaymentOutcome, StepId, WizardError } from '../domain/types.js';
import {
  validateDateParts,
  validateDaysLeft,
  validateEmail,
  validateIccid,
  validateOrderNumber,
  validateRequiredText,
  type FieldError,
} from '../domain/validation.js';

/** Wrong credentials in a row before sign-in pauses. */
export const LOGIN_MAX_FAILURES = 5;

/** The first invalid field of the time-left question, or null when it can go on. */
export function validityError(ctx: WizardContext): { field: 'mode' | 'date' | 'daysLeft'; error: FieldError } | null {
  const v = ctx.validity;
  if (v.mode === null) return { field: 'mode', error: 'required' };
  if (v.mode === 'date') {
    const error = validateDateParts(v.date, v.today);
    return error ? { field: 'date', error } : null;
  }
  if (v.mode === 'days') {
    const error = validateDaysLeft(v.daysLeft);
    return error ? { field: 'daysLeft', error } : null;
  }
  return null;
}

export const validityComplete = (ctx: WizardContext): boolean => validityError(ctx) === null;

export const channelComplete = (ctx: WizardContext): boolean => ctx.channel !== null && (ctx.channel !== 'shop' || ctx.shopPath !== null);

/** The host fixed an online or airport channel: the channel question is not asked. */
export const channelSkipped = (ctx: WizardContext): boolean => ctx.presetChannel !== null && ctx.presetChannel !== 'shop';

/** The host signed the person in: no sign-in step. */
export const loginSkipped = (ctx: WizardContext): boolean => ctx.hostSession;

/**
 * Whether a step can be jumped back to from the progress list. Only steps of the path before
 * payment that this person actually goes through (a skipped question is not a place to return to).
 * Which steps lie before the current one is decided by where the transition is declared.
 */
export function stepAvailable(ctx: WizardContext, step: StepId): boolean {
  switch (step) {
    case 'validity':
      return true;
    case 'channel':
      return !channelSkipped(ctx);
    case 'login':
      return !loginSkipped(ctx);
    case 'plan':
      return ctx.account !== null;
    default:
      return false;
  }
}

/** The host's own payment UI may report a payment: the order exists and the person confirmed it. */
export const canReportHostPayment = (ctx: WizardContext): boolean => ctx.order !== null && ctx.payment.confirmed;

/** A convenience-store voucher was issued and has not ended (paid, expired): the person may still pay it. */
export const voucherPending = (ctx: WizardContext): boolean => ctx.payment.voucher !== null && ctx.payment.paidWith === null && ctx.payment.decline === null;

export const isShopVisit = (ctx: WizardContext): boolean => ctx.channel === 'shop' && ctx.shopPath === 'visit';

export const hasPresetChannel = (ctx: WizardContext): boolean => ctx.presetChannel !== null;

/** Field errors of the sign-in form for its current method, in the form's order. */
export function loginErrors(ctx: WizardContext): Partial<Record<'username' | 'password' | 'email' | 'iccid' | 'orderNumber', FieldError>> {
  const l = ctx.login;
  const errors: Partial<Record<'username' | 'password' | 'email' | 'iccid' | 'orderNumber', FieldError>> = {};
  const put = (k: keyof typeof errors, e: FieldError | null) => {
    if (e) errors[k] = e;
  };
  if (l.method === 'account') {
    put('username', validateRequiredText(l.username));
    put('password', l.passwordFilled ? null : 'required');
  } else if (l.method === 'iccid') {
    put('iccid', validateIccid(l.iccid));
    put('email', validateEmail(l.email));
  } else {
    put('orderNumber', validateOrderNumber(l.orderNumber));
    put('email', validateEmail(l.email));
  }
  return errors;
}

export const loginComplete = (ctx: WizardContext): boolean => Object.keys(loginErrors(ctx)).length === 0;

export const cooldownOver = (ctx: WizardContext): boolean => ctx.login.cooldownLeft <= 1;

/** Sign-in is paused: some of the countdown is left (e.g. the person went Back and came again). */
export const coolingDown = (ctx: WizardContext): boolean => ctx.login.cooldownLeft > 0;

export const accountEligible = (ctx: WizardContext): boolean => ctx.account !== null && topUpEligibility(ctx.account).ok;

export const planSelected = (ctx: WizardContext): boolean => ctx.selectedPlanId !== null && ctx.plans.some((p) => p.id === ctx.selectedPlanId);

/** An order already exists for the chosen plan: going back and forth does not create another. */
export const hasOrderForSelectedPlan = (ctx: WizardContext): boolean => ctx.order !== null && ctx.order.planId === ctx.selectedPlanId;

export const methodOffered = (ctx: WizardContext, method: string): boolean =>
  ctx.account !== null && (ctx.account.capabilities.paymentMethods as readonly string[]).includes(method);

/** The final confirmation screen may go on to payment. */
export const canPay = (ctx: WizardContext): boolean =>
  ctx.order !== null &&
  ctx.payment.method !== null &&
  methodOffered(ctx, ctx.payment.method) &&
  ctx.payment.confirmed &&
  (ctx.payment.method !== 'card' || ctx.payment.cardValid);

export const payingByCard = (ctx: WizardContext): boolean => ctx.payment.method === 'card';

/** The payment outcome on its way to its state is `status`. */
export const outcomeIs =
  (status: PaymentOutcome['status']) =>
  (ctx: WizardContext): boolean =>
    ctx.payment.outcome?.status === status;

/** A provider call's failure: XState's error event of an invoked actor, whose `error` carries a WizardError's fields. */
type FailedCall = { readonly type: `xstate.error.actor.${string}`; readonly error: unknown };

const isWizardError = (value: unknown): value is WizardError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string' &&
  typeof (value as { retryable?: unknown }).retryable === 'boolean';

/** The error a provider call failed with, as plain data the context can keep (null for any other event). */
export const errorOf = (event: WizardEvent | FailedCall): WizardError | null => {
  if (!('error' in event) || !event.type.startsWith('xstate.error.actor.') || !isWizardError(event.error)) return null;
  const { code, retryable, retryAfterMs } = event.error;
  return { code, retryable, ...(typeof retryAfterMs === 'number' ? { retryAfterMs } : {}) };
};

export const errorIs =
  (...codes: WizardError['code'][]) =>
  (_ctx: WizardContext, event: WizardEvent | FailedCall): boolean => {
    const e = errorOf(event);
    return e !== null && codes.includes(e.code);
  };

/** Wrong credentials, and this failure reaches the limit. */
export const credentialsRejectedTooOften = (ctx: WizardContext, event: WizardEvent | FailedCall): boolean =>
  errorIs('invalid-credentials')(ctx, event) && ctx.login.failures + 1 >= LOGIN_MAX_FAILURES;

/** The provider found the plan in this state. */
export const activationIs =
  (state: ActivationStatus['state']) =>
  (status: ActivationStatus): boolean =>
    status.state === state;

/** How long activation is polled before troubleshooting takes over: 10 minutes. */
export const POLL_BUDGET_MS = 10 * 60_000;

export const pollBudgetLeft = (ctx: WizardContext): boolean => ctx.activation.elapsedMs + ctx.activation.delayMs <= POLL_BUDGET_MS;

export const hasPreviousCheck = (ctx: WizardContext): boolean => ctx.trouble.index > 0;

export const hasNextCheck = (ctx: WizardContext, checkCount: number): boolean => ctx.trouble.index + 1 < checkCount;

export const cameFromDone = (ctx: WizardContext): boolean => ctx.trouble.from === 'done';

/** The person came to look up an order they already paid. */
export const lookingUp = (ctx: WizardContext): boolean => ctx.lookup;

/** A preset shop channel still asks online-or-visit. */
export const presetShop = (ctx: WizardContext): boolean => ctx.presetChannel === 'shop';

/** Signed in again at the payment step with a cash voucher still open. */
export const resumeAtOpenVoucher = (ctx: WizardContext): boolean => ctx.resumeStep === 'payment' && voucherPending(ctx);

/** The provider's error may be retried. */
export const errorRetryable = (_: WizardContext, event: WizardEvent | FailedCall): boolean => errorOf(event)?.retryable === true;

/** An order found again (a reload, a look-up) whose plan is active already. */
export const orderActive = (status: OrderStatus): boolean => status.activation.state === 'active';

/** An order found again with no payment on record, or one that ended without a charge. */
export const orderUnpaid = (status: OrderStatus): boolean => status.payment === null || ['declined', 'failed'].includes(status.payment.status);

/** The support message is fit to send (the view checks the text, which never enters the machine). */
export const messageSendable = (_: WizardContext, event: WizardEvent): boolean => event.type === 'user.trouble.send' && event.ok;
