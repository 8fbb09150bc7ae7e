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
import { and, assign, raise } from 'xstate';
import type { WizardContext } from '../context.js';
import { wizardSetup } from '../setup.js';
import { gotoEarlier, onSessionExpired } from './navigation.js';
import type { OrderStatus, PaymentOutcome } from '../../domain/types.js';

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

const statusOf = (event: { type: string }): OrderStatus => (event as unknown as { status: OrderStatus }).status;

/**
 * Where an order's recorded status leads, when the wizard finds it again (after a reload, or
 * looked up by a person who lost the tab). The provider's record decides, never a guess.
 */
const foundOrder = wizardSetup.assign(({ context, event }) => {
  const { order, activation } = statusOf(event);
  return {
    order,
    selectedPlanId: order.planId,
    lookup: false,
    activation: { ...context.activation, expiresAt: activation.expiresAt ?? order.newExpiresAt },
    // Whatever is on record, a payment from here on is a new attempt with a new key (a key that
    // was declined would only replay its refusal); the order is still charged at most once.
    payment: { ...context.payment, attempt: context.payment.attempt + 1 },
  };
});
const routeOrderStatus = [
  { guard: 'orderActive', target: '#wizard.done', actions: foundOrder },
  // Nothing paid yet (or the attempt ended): the plan is offered again, with this order.
  { guard: 'orderUnpaid', target: '#wizard.plan', actions: foundOrder },
  {
    // A payment is on record: it goes where that outcome goes, as if it had just come back.
    actions: [
      foundOrder,
      // (Typed loosely: XState's raise is generic over the machine, which is still being built here.)
      raise(({ event }: { event: { type: string } }) => ({ type: 'provider.payment' as const, outcome: statusOf(event).payment! })) as never,
    ],
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
        'host.resumed': { target: 'ordering', reenter: true },
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
        'host.resumed': { target: 'reconciling' },
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
        // The card was typed on the page before the reload: it is gone, as it should be.
        'host.resumed': { target: 'review' },
        'provider.cardTokenized': {
          target: 'paying',
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, card: event.card }) }),
        },
        // (A 401 here too: sign in again, then back on this screen to pay.)
        'provider.error': [...onSessionExpired('payment'), { target: 'review', actions: 'recordError' }],
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
        // The answer was lost with the page: ask the provider what became of the order; never pay again blind.
        'host.resumed': { target: 'reconciling' },
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
        'user.retry': { target: 'paying' },
        // After a reload the card's token is gone: ask what became of the attempt instead.
        'host.resumed': { target: 'reconciling' },
      },
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
        'host.resumed': { target: 'reconciling' },
        ...noRestart,
        'provider.payment': [...routeOutcome],
        'provider.error': [
          { guard: 'alreadyPaid', target: '#wizard.activation', actions: 'clearError' },
          // Signed out mid-approval: sign in, then find out where the payment stands (not pay anew).
          ...onSessionExpired('reconcile'),
          { target: 'authError', actions: 'recordError' },
        ],
      },
    },
    authError: {
      tags: ['error'],
      on: {
        ...noRestart,
        'user.retry': { target: 'confirmingAuth' },
      },
    },
    /**
     * What does the provider know of this order (after a reload mid-payment), or of the account's
     * latest order ("I already paid: check my order", `lookup`)? Its record decides where to go.
     */
    reconciling: {
      tags: ['busy', 'charging'],
      entry: 'clearError',
      invoke: { src: 'findOrder', input: ({ context }) => ({ orderId: context.lookup ? null : (context.order?.orderId ?? null) }) },
      on: {
        ...noRestart,
        'host.resumed': { target: 'reconciling', reenter: true },
        'provider.orderStatus': [...routeOrderStatus],
        'provider.payment': [...routeOutcome],
        // Signed out meanwhile: sign in again, then reconcile (not the confirmation screen).
        'provider.error': [...onSessionExpired('reconcile'), { target: 'reconcileError', actions: 'recordError' }],
      },
    },
    reconcileError: {
      tags: ['error'],
      on: {
        ...noRestart,
        'user.retry': { target: 'reconciling' },
        // A lookup found nothing to go on with: back to the start, where the person can renew.
        'user.back': { guard: 'lookingUp', target: '#wizard.validity', actions: assign({ lookup: false }) },
      },
    },
    awaitingCash: {
      after: { cashPoll: { target: 'checkingCash' } },
      on: {
        // Its periodic check is a timer, which a restore does not bring back: check now.
        'host.resumed': { target: 'checkingCash' },
        ...noRestart,
        'user.payment.checkCash': { target: 'checkingCash' },
      },
    },
    checkingCash: {
      tags: ['busy'],
      invoke: { src: 'paymentStatus', input: ({ context }) => ({ paymentId: context.payment.paymentId ?? '' }) },
      on: {
        'host.resumed': { target: 'checkingCash', reenter: true },
        ...noRestart,
        'provider.payment': [{ guard: 'paymentPendingCash', target: 'awaitingCash', actions: 'clearError' }, ...routeOutcome],
        // A failed check changes nothing: keep waiting, and say the last check failed.
        'provider.error': [...onSessionExpired('payment'), { target: 'awaitingCash', actions: 'recordError' }],
      },
    },
  },
});
