/**
 * The machine's building blocks: types, named guards, actions, delays and the provider actors.
 * The provider actors here are stubs; the element provides real ones with `machine.provide`,
 * so this module, like the rest of src/machine, touches nothing outside xstate.
 */
import { assign, fromCallback, type EventObject } from 'xstate';
import { leanSetup } from './lean-setup.js';
import type {
  ActivationRequestInput,
  IdentifyInput,
  PayInput,
  ProviderEvent,
  ResumeStep,
  SupportInput,
  WizardContext,
  WizardEvent,
  WizardInput,
} from './context.js';
import * as g from './guards.js';

import { TROUBLE_CHECKS } from './troubleshooting-checks.js';
import type { StepId, WizardError } from './types.js';

/** The first wait between activation checks; it doubles up to {@link POLL_MAX_MS}. */
export const POLL_START_MS = 2_000;
export const POLL_MAX_MS = 30_000;
/** How often a cash voucher's status is checked. */
export const CASH_POLL_MS = 15_000;
/** Seconds sign-in waits after too many wrong passwords. */
export const LOGIN_COOLDOWN_S = 30;

/** A provider actor the edge must replace; used alone it fails loudly. */
function stub<TInput>(name: string) {
  return fromCallback<EventObject, TInput>(() => {
    throw new Error(`esim-renewal-wizard: the "${name}" provider actor was not provided`);
  });
}

export function initialContext(input: WizardInput): WizardContext {
  // A pure `transition()` (the element's veto check) builds its throw-away actor without input.
  input ??= { today: '' };
  return {
    platform: input.platform ?? 'ios',
    presetChannel: input.channel ?? null,
    validity: { mode: null, date: '', daysLeft: '', today: input.today },
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
    },
    activation: { delayMs: POLL_START_MS, elapsedMs: 0, polls: 0, expiresAt: null },
    trouble: { reason: null, from: null, index: 0, tried: [], stillInactive: false, ticket: null },
    error: null,
  };
}

const providerError = (event: WizardEvent): WizardError =>
  event.type === 'provider.error' ? event.error : { code: 'unknown', retryable: true };

export const wizardSetup = leanSetup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
    input: {} as WizardInput,
    tags: {} as 'busy' | 'error' | 'charging',
  },
  actors: {
    identify: stub<IdentifyInput>('identify'),
    loadAccount: stub<void>('loadAccount'),
    createOrder: stub<{ planId: string; quantity: number }>('createOrder'),
    tokenizeCard: stub<void>('tokenizeCard'),
    pay: stub<PayInput>('pay'),
    authenticate: stub<{ paymentId: string; approved: boolean }>('authenticate'),
    paymentStatus: stub<{ paymentId: string }>('paymentStatus'),
    activationStatus: stub<ActivationRequestInput>('activationStatus'),
    supportRequest: stub<SupportInput>('supportRequest'),
  },
  guards: {
    validityComplete: ({ context }) => g.validityComplete(context),
    channelComplete: ({ context }) => g.channelComplete(context),
    isShopVisit: ({ context }) => g.isShopVisit(context),
    hasPresetChannel: ({ context }) => g.hasPresetChannel(context),
    channelSkipped: ({ context }) => g.channelSkipped(context),
    loginSkipped: ({ context }) => g.loginSkipped(context),
    canGoTo: ({ context, event }, params: { step: StepId }) => event.type === 'user.goto' && event.step === params.step && g.stepAvailable(context, params.step),
    sessionExpired: ({ context, event }) => g.errorIs('session-expired')(context, event),
    resumeAt: ({ context }, params: { step: ResumeStep }) => context.resumeStep === params.step,
    canReportHostPayment: ({ context }) => g.canReportHostPayment(context),
    resumeAtOpenVoucher: ({ context }) => context.resumeStep === 'payment' && g.voucherPending(context),
    presetShop: ({ context }) => context.presetChannel === 'shop',
    loginComplete: ({ context }) => g.loginComplete(context),
    credentialsRejectedTooOften: ({ context, event }) => g.credentialsRejectedTooOften(context, event),
    credentialsRejected: ({ context, event }) => g.errorIs('invalid-credentials')(context, event),
    cooldownOver: ({ context }) => g.cooldownOver(context),
    coolingDown: ({ context }) => g.coolingDown(context),
    accountEligible: ({ context }) => g.accountEligible(context),
    planSelected: ({ context }) => g.planSelected(context),
    hasOrderForSelectedPlan: ({ context }) => g.hasOrderForSelectedPlan(context),
    canPay: ({ context }) => g.canPay(context),
    payingByCard: ({ context }) => g.payingByCard(context),
    methodOffered: ({ context, event }) => event.type === 'user.payment.method' && g.methodOffered(context, event.method),
    paymentSucceeded: ({ context, event }) => g.outcomeIs('succeeded')(context, event),
    paymentNeedsAction: ({ context, event }) => g.outcomeIs('requires-action')(context, event),
    paymentPendingCash: ({ context, event }) => g.outcomeIs('pending-cash')(context, event),
    paymentDeclined: ({ context, event }) => g.outcomeIs('declined')(context, event),
    paymentFailed: ({ context, event }) => g.outcomeIs('failed')(context, event),
    errorRetryable: ({ event }) => event.type === 'provider.error' && event.error.retryable,
    alreadyPaid: ({ context, event }) => g.errorIs('already-paid')(context, event),
    activationActive: ({ context, event }) => g.activationIs('active')(context, event),
    activationFailed: ({ context, event }) => g.activationIs('failed')(context, event),
    pollBudgetLeft: ({ context }) => g.pollBudgetLeft(context),
    hasPreviousCheck: ({ context }) => g.hasPreviousCheck(context),
    hasNextCheck: ({ context }) => g.hasNextCheck(context, TROUBLE_CHECKS.length),
    cameFromDone: ({ context }) => g.cameFromDone(context),
  },
  actions: {
    recordError: assign({ error: ({ event }) => providerError(event) }),
    clearError: assign({ error: null }),
  },
  delays: {
    pollDelay: ({ context }) => context.activation.delayMs,
    cashPoll: CASH_POLL_MS,
    second: 1_000,
  },
});

export type { ProviderEvent };
