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
import { orderActive, orderUnpaid } from '../guards.js';
import type { WizardContext } from '../context.js';
import { wizardSetup } from '../setup.js';
import { gotoEarlier, onSessionExpired } from './navigation.js';
import type { OrderStatus, PaymentOutcome } from '../../domain/types.js';

/** The idempotency key of the current attempt. */
export const idempotencyKey = (ctx: WizardContext): string => `${ctx.order?.orderId ?? 'no-order'}:${ctx.payment.attempt}`;

type Payment = WizardContext['payment'];

/** Takes the payment outcome on its way: what it changes in the payment, and the outcome cleared. */
const settleOutcome = (change: (outcome: PaymentOutcome | null, payment: Payment) => Partial<Payment>) =>
  wizardSetup.assign(({ context }) => ({ payment: { ...context.payment, ...change(context.payment.outcome, context.payment), outcome: null } }));

/**
 * Where the provider's answer on a payment leads (the `outcome` state, which every payment call
 * goes through): shared by paying, authenticating, host payments, cash checks and an order found
 * again. Each way clears the outcome, so a settled snapshot never holds one.
 */
const routeOutcome = [
  {
    guard: 'paymentSucceeded',
    target: '#wizard.activation',
    actions: [
      'clearError',
      settleOutcome((o, payment) => ({
        paymentId: o?.paymentId ?? null,
        action: null,
        decline: null,
        // A payment the host reported was made with the host's own UI: no card of ours paid it.
        paidWith: payment.hostPaymentId
          ? { method: 'host' }
          : {
              method: payment.method ?? 'card',
              ...(payment.method === 'card' && payment.card ? { card: { brand: payment.card.brand, last4: payment.card.last4 } } : {}),
            },
        // The token has done its job; nothing keeps it.
        card: payment.card ? { ...payment.card, token: '' } : null,
      })),
    ],
  },
  {
    guard: 'paymentNeedsAction',
    target: '#wizard.payment.authenticating',
    actions: settleOutcome((o) => ({ paymentId: o?.paymentId ?? null, action: o?.status === 'requires-action' ? o.action : null, approved: null })),
  },
  {
    guard: 'paymentPendingCash',
    target: '#wizard.payment.awaitingCash',
    actions: settleOutcome((o) => ({ paymentId: o?.paymentId ?? null, voucher: o?.status === 'pending-cash' ? o.voucher : null })),
  },
  {
    // Declined or failed: the attempt is over and nothing was charged. Back to the confirmation
    // screen with everything kept; the next attempt gets a new key.
    target: '#wizard.payment.review',
    actions: settleOutcome((o, payment) => ({
      decline: o?.status === 'declined' ? o.declineCode : 'failed',
      attempt: payment.attempt + 1,
      card: null,
      action: null,
      voucher: null,
    })),
  },
] as const;

/** A payment call answered: on to the `outcome` state, which routes its answer. */
const toOutcome = {
  target: '#wizard.payment.outcome',
  actions: { type: 'receiveOutcome', params: ({ event }: { event: { output: PaymentOutcome } }) => ({ outcome: event.output }) },
} as const;

/**
 * An order's recorded status, found again (after a reload, or looked up by a person who lost the
 * tab): the provider's record decides, never a guess.
 */
const orderFound = { type: 'orderFound', params: ({ event }: { event: { output: OrderStatus } }) => ({ status: event.output }) } as const;
const routeOrderStatus = [
  { guard: ({ event }: { event: { output: OrderStatus } }) => orderActive(event.output), target: '#wizard.done', actions: orderFound },
  // Nothing paid yet (or the attempt ended): the plan is offered again, with this order; a
  // looked-up order is said to be unpaid there (before `orderFound` ends the look-up).
  {
    guard: ({ event }: { event: { output: OrderStatus } }) => orderUnpaid(event.output),
    target: '#wizard.plan',
    actions: ['noteFoundUnpaid', orderFound],
  },
  // A payment is on record: it goes where that outcome goes, as if it had just come back.
  {
    target: '#wizard.payment.outcome',
    actions: [orderFound, { type: 'receiveOutcome', params: ({ event }: { event: { output: OrderStatus } }) => ({ outcome: event.output.payment }) }],
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
      invoke: {
        src: 'createOrder',
        input: ({ context }) => ({ planId: context.selectedPlanId ?? '', quantity: 1 }),
        onDone: {
          target: 'review',
          actions: assign(({ context, event }) => ({
            order: event.output,
            // A new order is a new purchase: confirm it afresh, count attempts from zero.
            payment: { ...context.payment, confirmed: false, attempt: 0, decline: null, card: null, paymentId: null, voucher: null },
          })),
        },
        onError: [...onSessionExpired('payment'), { target: 'orderError', actions: 'recordError' }],
      },
      on: {
        'host.resumed': { target: 'ordering', reenter: true },
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
      invoke: {
        src: 'paymentStatus',
        input: ({ context }) => ({ paymentId: context.payment.hostPaymentId ?? '' }),
        onDone: toOutcome,
        onError: [...onSessionExpired('payment'), { target: 'review', actions: 'recordError' }],
      },
      on: {
        'host.resumed': { target: 'reconciling' },
        ...noRestart,
      },
    },
    tokenizing: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: {
        src: 'tokenizeCard',
        onDone: {
          target: 'paying',
          actions: assign({ payment: ({ context, event }) => ({ ...context.payment, card: event.output }) }),
        },
        // (A 401 here too: sign in again, then back on this screen to pay.)
        onError: [...onSessionExpired('payment'), { target: 'review', actions: 'recordError' }],
      },
      on: {
        // The card was typed on the page before the reload: it is gone, as it should be.
        'host.resumed': { target: 'review' },
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
        onDone: toOutcome,
        onError: [
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
      on: {
        // The answer was lost with the page: ask the provider what became of the order; never pay again blind.
        'host.resumed': { target: 'reconciling' },
        ...noRestart,
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
        onDone: toOutcome,
        onError: [
          { guard: 'alreadyPaid', target: '#wizard.activation', actions: 'clearError' },
          // Signed out mid-approval: sign in, then find out where the payment stands (not pay anew).
          ...onSessionExpired('reconcile'),
          { target: 'authError', actions: 'recordError' },
        ],
      },
      on: {
        'host.resumed': { target: 'reconciling' },
        ...noRestart,
      },
    },
    authError: {
      tags: ['error'],
      on: {
        ...noRestart,
        'user.retry': { target: 'confirmingAuth' },
      },
    },
    /** Where the provider's answer on a payment leads (it never stays here). */
    outcome: {
      always: [...routeOutcome],
    },
    /**
     * What does the provider know of this order (after a reload mid-payment), or of the account's
     * latest order ("I already paid: check my order", `lookup`)? Its record decides where to go.
     */
    reconciling: {
      tags: ['busy', 'charging'],
      entry: 'clearError',
      invoke: {
        src: 'findOrder',
        input: ({ context }) =>
          context.lookup
            ? { orderId: null, reference: context.login.method === 'order' ? context.login.orderNumber : null }
            : { orderId: context.order?.orderId ?? null, reference: null },
        onDone: [...routeOrderStatus],
        // Signed out meanwhile: sign in again, then reconcile (not the confirmation screen).
        onError: [...onSessionExpired('reconcile'), { target: 'reconcileError', actions: 'recordError' }],
      },
      on: {
        ...noRestart,
        'host.resumed': { target: 'reconciling', reenter: true },
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
      invoke: {
        src: 'paymentStatus',
        input: ({ context }) => ({ paymentId: context.payment.paymentId ?? '' }),
        onDone: [{ guard: ({ event }) => event.output.status === 'pending-cash', target: 'awaitingCash', actions: 'clearError' }, toOutcome],
        // A failed check changes nothing: keep waiting, and say the last check failed.
        onError: [...onSessionExpired('payment'), { target: 'awaitingCash', actions: 'recordError' }],
      },
      on: {
        'host.resumed': { target: 'checkingCash', reenter: true },
        ...noRestart,
      },
    },
  },
});
