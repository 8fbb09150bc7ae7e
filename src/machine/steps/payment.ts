/**
 * Step 5: the final confirmation screen (required before paying under Japan's Specified
 * Commercial Transactions Act), then payment. Card data never enters the machine: it learns
 * whether the form is valid, then brand, last four and a token from tokenization.
 *
 * Idempotency: every attempt pays with the key `<orderId>:<attempt>`. Retries of an attempt
 * whose outcome is unknown (network, timeout, 5xx) reuse it, so the provider replays instead
 * of charging again. The key changes only when the order changes or the attempt ended
 * definitively (declined, failed), which is when a new card or method is tried.
 */
import { and, assign } from 'xstate';
import type { WizardContext } from '../context.js';
import { wizardSetup } from '../setup.js';
import { gotoEarlier, onSessionExpired } from './navigation.js';
import type { PaymentOutcome } from '../types.js';


/** The idempotency key of the current attempt. */
export const idempotencyKey = (ctx: WizardContext): string => `${ctx.order?.orderId ?? 'no-order'}:${ctx.payment.attempt}`;

const outcome = (event: { type: string; outcome?: PaymentOutcome }): PaymentOutcome => event.outcome!;

/** Where each payment outcome leads; shared by paying, authenticating and cash checks. */
const routeOutcome = [
  {
    guard: 'paymentSucceeded',
    target: '#wizard.activation',
    actions: wizardSetup.assign(({ context, event }) => ({
      error: null,
      payment: {
        ...context.payment,
        paymentId: outcome(event).paymentId,
        action: null,
        decline: null,
        // A payment the host reported was made with the host's own UI: no card of ours paid it.
        paidWith: context.payment.hostPaymentId
          ? { method: 'host' }
          : {
              method: context.payment.method ?? 'card',
              ...(context.payment.method === 'card' && context.payment.card
                ? { card: { brand: context.payment.card.brand, last4: context.payment.card.last4 } }
                : {}),
            },
        // The token has done its job; nothing keeps it.
        card: context.payment.card ? { ...context.payment.card, token: '' } : null,
      },
    })),
  },
  {
    guard: 'paymentNeedsAction',
    target: '#wizard.payment.authenticating',
    actions: wizardSetup.assign(({ context, event }) => {
      const o = outcome(event);
      return { payment: { ...context.payment, paymentId: o.paymentId, action: o.status === 'requires-action' ? o.action : null, approved: null } };
    }),
  },
  {
    guard: 'paymentPendingCash',
    target: '#wizard.payment.awaitingCash',
    actions: wizardSetup.assign(({ context, event }) => {
      const o = outcome(event);
      return { payment: { ...context.payment, paymentId: o.paymentId, voucher: o.status === 'pending-cash' ? o.voucher : null } };
    }),
  },
  {
    // Declined or failed: the attempt is over and nothing was charged. Back to the confirmation
    // screen with everything kept; the next attempt gets a new key.
    target: '#wizard.payment.review',
    actions: wizardSetup.assign(({ context, event }) => {
      const o = outcome(event);
      return {
        payment: {
          ...context.payment,
          decline: o.status === 'declined' ? o.declineCode : 'failed',
          attempt: context.payment.attempt + 1,
          card: null,
          action: null,
          voucher: null,
        },
      };
    }),
  },
] as const;

/**
 * Back is offered only where no charge can be in flight. While paying, authenticating or
 * waiting for cash the outcome must be settled first.
 */
const backToPlan = { 'user.back': { target: '#wizard.plan.choosing' }, ...gotoEarlier('validity', 'channel', 'login', 'plan') } as const;

/** Nor does Start over: it would drop an order whose payment may still complete. */
const noRestart = { 'user.restart': {} } as const;

export const payment = wizardSetup.createStateConfig({
  initial: 'start',
  states: {
    start: {
      always: [{ guard: 'hasOrderForSelectedPlan', target: 'review' }, { target: 'ordering' }],
    },
    ordering: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: { src: 'createOrder', input: ({ context }) => ({ planId: context.selectedPlanId ?? '', quantity: 1 }) },
      on: {
        'provider.orderCreated': {
          target: 'review',
          actions: assign(({ context, event }) => ({
            order: event.order,
            // A new order is a new purchase: confirm it afresh, count attempts from zero.
            payment: { ...context.payment, confirmed: false, attempt: 0, decline: null, card: null, paymentId: null, voucher: null },
          })),
        },
        'provider.error': [...onSessionExpired('payment'), { target: 'orderError', actions: 'recordError' }],
        ...backToPlan,
      },
    },
    orderError: {
      tags: ['error'],
      on: { 'user.retry': { target: 'ordering' }, ...backToPlan },
    },
    review: {
      on: {
        'user.payment.method': {
          guard: 'methodOffered',
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, method: event.method }) }),
        },
        'user.payment.card': {
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, cardValid: event.valid }) }),
        },
        'user.payment.confirm': {
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, confirmed: event.confirmed }) }),
        },
        'user.payment.pay': [
          { guard: and(['canPay', 'payingByCard']), target: 'tokenizing' },
          { guard: 'canPay', target: 'paying' },
        ],
        // The host's own payment UI (the payment slot) paid: the provider has the final word.
        'host.payment.reported': {
          guard: 'canReportHostPayment',
          target: 'verifyingHostPayment',
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, hostPaymentId: event.paymentId, decline: null }) }),
        },
        ...backToPlan,
      },
    },
    verifyingHostPayment: {
      tags: ['busy', 'charging'],
      entry: 'clearError',
      invoke: { src: 'paymentStatus', input: ({ context }) => ({ paymentId: context.payment.hostPaymentId ?? '' }) },
      on: {
        ...noRestart,
        'provider.payment': [...routeOutcome],
        'provider.error': [...onSessionExpired('payment'), { target: 'review', actions: 'recordError' }],
      },
    },
    tokenizing: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: { src: 'tokenizeCard' },
      on: {
        'provider.cardTokenized': {
          target: 'paying',
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, card: event.card }) }),
        },
        'provider.error': { target: 'review', actions: 'recordError' },
        'user.back': { target: 'review' },
        // Nothing is charged yet: the progress list may leave, as Back may.
        ...gotoEarlier('validity', 'channel', 'login', 'plan'),
      },
    },
    paying: {
      tags: ['busy', 'charging'],
      // The wizard pays itself: a host payment reported earlier (declined, or not verified) is not this one.
      entry: ['clearError', assign({ payment: ({ context }) => ({ ...context.payment, decline: null, hostPaymentId: null }) })],
      invoke: {
        src: 'pay',
        input: ({ context }) => ({
          orderId: context.order?.orderId ?? '',
          method: context.payment.method ?? 'card',
          ...(context.payment.method === 'card' && context.payment.card ? { cardToken: context.payment.card.token } : {}),
          idempotencyKey: idempotencyKey(context),
        }),
      },
      on: {
        ...noRestart,
        'provider.payment': [...routeOutcome],
        'provider.error': [
          // The order was paid already (a reload, a second tab): it goes on to activation, not to a second charge.
          { guard: 'alreadyPaid', target: '#wizard.activation', actions: 'clearError' },
          // Refused before anything was charged: sign in again, then pay with the same key.
          ...onSessionExpired('payment'),
          { guard: 'errorRetryable', target: 'payError', actions: 'recordError' },
          // A definitive refusal: nothing was charged; back to the confirmation screen.
          {
            target: 'review',
            actions: ['recordError', assign({ payment: ({ context }) => ({ ...context.payment, attempt: context.payment.attempt + 1, card: null }) })],
          },
        ],
      },
    },
    payError: {
      // The outcome is unknown: only a retry with the same key, which reconciles instead of charging twice.
      tags: ['error'],
      on: {
        ...noRestart,
        'user.retry': { target: 'paying' } },
    },
    authenticating: {
      on: {
        ...noRestart,
        'user.payment.authenticate': {
          target: 'confirmingAuth',
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, approved: event.approved }) }),
        },
      },
    },
    confirmingAuth: {
      tags: ['busy', 'charging'],
      entry: 'clearError',
      invoke: {
        src: 'authenticate',
        input: ({ context }) => ({ paymentId: context.payment.paymentId ?? '', approved: context.payment.approved ?? false }),
      },
      on: {
        ...noRestart,
        'provider.payment': [...routeOutcome],
        'provider.error': [
          { guard: 'alreadyPaid', target: '#wizard.activation', actions: 'clearError' },
          ...onSessionExpired('payment'),
          { target: 'authError', actions: 'recordError' },
        ],
      },
    },
    authError: {
      tags: ['error'],
      on: {
        ...noRestart,
        'user.retry': { target: 'confirmingAuth' } },
    },
    awaitingCash: {
      after: { cashPoll: { target: 'checkingCash' } },
      on: {
        ...noRestart,
        'user.payment.checkCash': { target: 'checkingCash' } },
    },
    checkingCash: {
      tags: ['busy'],
      invoke: { src: 'paymentStatus', input: ({ context }) => ({ paymentId: context.payment.paymentId ?? '' }) },
      on: {
        ...noRestart,
        'provider.payment': [
          { guard: 'paymentPendingCash', target: 'awaitingCash', actions: 'clearError' },
          ...routeOutcome,
        ],
        // A failed check changes nothing: keep waiting, and say the last check failed.
        'provider.error': [...onSessionExpired('payment'), { target: 'awaitingCash', actions: 'recordError' }],
      },
    },
  },
});
