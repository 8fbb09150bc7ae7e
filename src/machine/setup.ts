/**
 * The machine's building blocks: types, named guards, actions, delays and the provider actors.
 * The provider actors here are stubs; the element provides real ones with `machine.provide`,
 * so this module, like the rest of src/machine, touches nothing outside xstate.
 */
import { assign, fromPromise, type PromiseActorLogic } from 'xstate';
import { leanSetup } from './lean-setup.js';
import {
  PROVIDER_CALLS,
  type ProviderCallInputs,
  type ProviderCallName,
  type ProviderCallOutputs,
  type ResumeStep,
  type TroubleReason,
  type WizardContext,
  type WizardEvent,
  type WizardInput,
} from './context.js';
import * as g from './guards.js';
import { TROUBLE_CHECKS } from '../domain/troubleshooting-checks.js';
import type { OrderStatus, PaymentOutcome, StepId, WizardError } from '../domain/types.js';
import { EMPTY_DATE } from '../domain/validation.js';

/** The first wait between activation checks; it doubles up to {@link POLL_MAX_MS}. */
export const POLL_START_MS = 2_000;
export const POLL_MAX_MS = 30_000;
/** How often a cash voucher's status is checked. */
export const CASH_POLL_MS = 15_000;
/** Seconds sign-in waits after too many wrong passwords. */
export const LOGIN_COOLDOWN_S = 30;

/** The provider actors the edge must replace (one logic for all); used alone, each fails loudly. */
const unprovided = fromPromise<never, unknown>(({ self }) => {
  // (An invoked actor's `src` is its name in the machine.)
  const name = typeof self.src === 'string' ? self.src : 'unnamed';
  return Promise.reject(new Error(`esim-renewal-wizard: the "${name}" provider actor was not provided`));
});

/** The machine's provider actors, one per call of the table (context.ts), each a stub until provided. */
export type ProviderActors = { [K in ProviderCallName]: PromiseActorLogic<ProviderCallOutputs[K], ProviderCallInputs[K]> };
const providerStubs = Object.fromEntries(PROVIDER_CALLS.map((name) => [name, unprovided])) as ProviderActors;

/** Turns guards.ts's `(context, event)` predicates into XState guards (one wrapper, not one each). */
const lift = <T extends Record<string, (context: WizardContext, event: WizardEvent) => boolean>>(fns: T) => {
  const guards: Record<string, (a: { context: WizardContext; event: WizardEvent }) => boolean> = {};
  for (const k in fns) guards[k] = ({ context, event }) => fns[k]!(context, event);
  return guards as { [K in keyof T]: (a: { context: WizardContext; event: WizardEvent }) => boolean };
};

export function initialContext(input: WizardInput): WizardContext {
  return {
    platform: input.platform ?? 'ios',
    presetChannel: input.channel ?? null,
    validity: { mode: null, date: EMPTY_DATE, daysLeft: '', today: input.today },
    channel: input.channel ?? null,
    shopPath: null,
    login: {
      method: input.channel === 'airport' ? 'iccid' : 'account',
      username: '',
      email: '',
      iccid: '',
      orderNumber: '',
      passwordFilled: false,
      failures: 0,
      cooldownLeft: 0,
    },
    signedIn: false,
    hostSession: input.hostSession ?? false,
    resumeStep: null,
    lookup: false,
    foundUnpaid: false,
    account: null,
    plans: [],
    recommender: { stay: null, usage: null },
    selectedPlanId: null,
    order: null,
    payment: {
      method: null,
      cardValid: false,
      card: null,
      confirmed: false,
      attempt: 0,
      paymentId: null,
      action: null,
      approved: null,
      voucher: null,
      decline: null,
      paidWith: null,
      hostPaymentId: null,
      outcome: null,
    },
    activation: { delayMs: POLL_START_MS, elapsedMs: 0, polls: 0, expiresAt: null },
    trouble: { reason: null, from: null, index: 0, tried: [], stillInactive: false, ticket: null },
    error: null,
  };
}

/** A failure that did not say what it was (a provider actor that threw something else). */
const UNKNOWN_ERROR: WizardError = { code: 'unknown', retryable: true };

export const wizardSetup = leanSetup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
    input: {} as WizardInput,
    tags: {} as 'busy' | 'error' | 'charging',
  },
  actors: providerStubs,
  guards: {
    canGoTo: ({ context, event }, params: { step: StepId }) =>
      event.type === 'user.goto' && event.step === params.step && g.stepAvailable(context, params.step),
    resumeAt: ({ context }, params: { step: ResumeStep }) => context.resumeStep === params.step,
    methodOffered: ({ context, event }) => event.type === 'user.payment.method' && g.methodOffered(context, event.method),
    hasNextCheck: ({ context }) => g.hasNextCheck(context, TROUBLE_CHECKS.length),
    // Guards that read only the context (and the event): the pure functions of guards.ts.
    ...lift({
      messageSendable: g.messageSendable,
      lookingUp: g.lookingUp,
      resumeAtOpenVoucher: g.resumeAtOpenVoucher,
      presetShop: g.presetShop,
      errorRetryable: g.errorRetryable,
      validityComplete: g.validityComplete,
      channelComplete: g.channelComplete,
      isShopVisit: g.isShopVisit,
      hasPresetChannel: g.hasPresetChannel,
      channelSkipped: g.channelSkipped,
      loginSkipped: g.loginSkipped,
      sessionExpired: g.errorIs('session-expired'),
      canReportHostPayment: g.canReportHostPayment,
      loginComplete: g.loginComplete,
      credentialsRejectedTooOften: g.credentialsRejectedTooOften,
      credentialsRejected: g.errorIs('invalid-credentials'),
      cooldownOver: g.cooldownOver,
      coolingDown: g.coolingDown,
      accountEligible: g.accountEligible,
      planSelected: g.planSelected,
      hasOrderForSelectedPlan: g.hasOrderForSelectedPlan,
      canPay: g.canPay,
      payingByCard: g.payingByCard,
      alreadyPaid: g.errorIs('already-paid'),
      // Where the provider's answer on a payment leads (the `payment.outcome` state).
      paymentSucceeded: g.outcomeIs('succeeded'),
      paymentNeedsAction: g.outcomeIs('requires-action'),
      paymentPendingCash: g.outcomeIs('pending-cash'),
      pollBudgetLeft: g.pollBudgetLeft,
      hasPreviousCheck: g.hasPreviousCheck,
      cameFromDone: g.cameFromDone,
    }),
  },
  actions: {
    recordError: assign({ error: ({ event }) => g.errorOf(event) ?? UNKNOWN_ERROR }),
    clearError: assign({ error: null }),
    /** Signed out: remember where to go on once signed in again. */
    sessionEnded: assign((_, params: { step: ResumeStep }) => ({ resumeStep: params.step, signedIn: false })),
    /** A payment call's answer, for the `payment.outcome` state to route. */
    receiveOutcome: assign(({ context }, params: { outcome: PaymentOutcome | null }) => ({ payment: { ...context.payment, outcome: params.outcome } })),
    /**
     * An order found again: its record replaces what the wizard had. Whatever is on record, a
     * payment from here on is a new attempt with a new key (a key that was declined would only
     * replay its refusal); the order is still charged at most once.
     */
    orderFound: assign(({ context }, params: { status: OrderStatus }) => ({
      order: params.status.order,
      selectedPlanId: params.status.order.planId,
      lookup: false,
      activation: { ...context.activation, expiresAt: params.status.activation.expiresAt ?? params.status.order.newExpiresAt },
      payment: { ...context.payment, attempt: context.payment.attempt + 1 },
    })),
    /** A looked-up order turned out unpaid: the plans say so (see `foundUnpaid`). */
    noteFoundUnpaid: assign(({ context }) => ({ foundUnpaid: context.lookup })),
    /** Into troubleshooting, from its first check: why, and where Back from that check returns to. */
    enterTroubleshooting: assign(({ context }, params: { reason: TroubleReason; from: 'activation' | 'done' }) => ({
      trouble: { ...context.trouble, reason: params.reason, from: params.from, index: 0, tried: [], stillInactive: false, ticket: null },
    })),
  },
  delays: {
    pollDelay: ({ context }) => context.activation.delayMs,
    cashPoll: CASH_POLL_MS,
    second: 1_000,
  },
});
