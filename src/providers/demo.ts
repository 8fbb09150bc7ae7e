/**
 * The in-browser demo provider: the whole renewal runs against in-memory data, so the wizard can
 * be tried (and tested) without a backend and without real money.
 */
import type {
  ActivationRequest,
  AuthenticateRequest,
  CardInput,
  Credentials,
  OrderRequest,
  PayRequest,
  Provider,
  ProviderInfo,
  Session,
  SupportRequest,
} from './contract.js';
import { ProviderError } from './errors.js';
import { DEMO_ACCOUNTS, ONLINE_LINKS, PLANS_BY_CHANNEL, accountStatusOf, findDemoAccount } from './catalogue.js';
import type { AccountStatus, ActivationStatus, CardToken, Order, OrderStatus, PaymentOutcome, Plan, SupportTicket } from '../domain/types.js';
import type { ActivationScenario } from '../domain/codes.js';
import { planEffect } from '../domain/plan-rules.js';
import { topUpEligibility } from '../domain/rules.js';
import { cardBrand, validateCardCvc, validateCardExpiry, validateCardNumber } from '../domain/card-validation.js';
import { digitsOnly } from '../domain/validation.js';
import { TEST_CARD_BEHAVIOURS, type CardBehaviour } from '../domain/test-cards.js';

/** The e-mail addresses an account signs in with (its user name, or the e-mail of its eSIM). */
function accountEmails(accountId: string): string[] {
  const account = DEMO_ACCOUNTS.find((a) => a.accountId === accountId);
  return (account?.signIns ?? []).map((s) => (s.method === 'account' ? s.username : s.email).toLowerCase());
}

export interface DemoProviderOptions {
  /** Simulated network latency per call, in ms (default 400). 0 still resolves asynchronously. */
  readonly latencyMs?: number;
  /** How activation behaves (default `immediate`). */
  readonly scenario?: ActivationScenario;
  /** The clock, in epoch ms (default `Date.now`); injected by tests. */
  readonly now?: () => number;
}

/** `paymentStatus` calls after which a konbini voucher counts as paid: the second check says `succeeded`. */
export const KONBINI_PAID_AFTER_CHECKS = 2;
/** `activationStatus` calls that still say `pending` in the `delayed` scenario; the third says `active`. */
export const DELAYED_PENDING_CHECKS = 2;
/** How long a konbini voucher can be paid. */
const VOUCHER_DAYS = 3;
const DAY = 86_400_000;

interface OrderRecord {
  readonly sessionId: string;
  readonly order: Order;
  /** The payment that charged this order, once one did. */
  paidBy: string | null;
  /** Charges taken for this order: the demo's proof that retries never charge twice. */
  charges: number;
  activationChecks: number;
  active: boolean;
}

interface PaymentRecord {
  readonly orderId: string;
  outcome: PaymentOutcome;
  statusChecks: number;
}

/**
 * A {@link Provider} that keeps everything in memory. Nothing leaves the browser; no real payment is
 * made (`info.demo` is true, so the wizard says so).
 *
 * Demo inputs:
 * - **Accounts** (see `DEMO_ACCOUNTS` in catalogue.ts; password `demo1234`):
 *   online `demo@example.com` (happy path, 2 days left), `expired@example.com` (past grace),
 *   `norecharge@example.com` (not rechargeable), `locked@example.com` (locked, any password),
 *   `early@example.com` (too early to top up); shop `carrier@example.com` (queue mode);
 *   airport ICCID `8981100000000000002` or order `NRT-240001`, each with `traveler@example.com`
 *   (stack mode, in grace). Accounts are looked up within the chosen channel.
 * - **Cards** (Stripe's test numbers, any future expiry, any 3-digit code):
 *   `4242 4242 4242 4242` succeeds; `4000 0000 0000 0002` is declined (`card_declined`);
 *   `4000 0000 0000 9995` is declined (`insufficient_funds`); `4000 0027 6000 3184` asks for
 *   authentication; any other valid number succeeds.
 * - **PayPal** asks for approval; **konbini** returns a voucher that counts as paid at the second
 *   `paymentStatus` check ({@link KONBINI_PAID_AFTER_CHECKS}).
 * - **Activation scenarios** ({@link scenario}): `immediate` is active at once; `delayed` is pending
 *   for two checks, then active; `never` stays pending until a recheck (the person reported a fix
 *   in troubleshooting); `failed` always fails.
 */
export class DemoProvider implements Provider {
  readonly info: ProviderInfo = { name: 'Demo eSIM', demo: true, links: ONLINE_LINKS };
  /** Mutable: the element changes it when the `demo-scenario` attribute changes. */
  scenario: ActivationScenario;

  readonly #latencyMs: number;
  readonly #now: () => number;
  /** Session id → the account status as read at sign-in (its expiry moves when a plan goes live). */
  readonly #sessions = new Map<string, AccountStatus>();
  readonly #orders = new Map<string, OrderRecord>();
  readonly #payments = new Map<string, PaymentRecord>();
  /** Idempotency key → the request it was first used with, and that first outcome. */
  readonly #attempts = new Map<string, { readonly body: string; readonly outcome: PaymentOutcome }>();
  /** Card token → what charging it does. The card number and code themselves are never kept. */
  readonly #cards = new Map<string, CardBehaviour>();
  #counter = 0;

  constructor(options: DemoProviderOptions = {}) {
    this.#latencyMs = Math.max(0, options.latencyMs ?? 400);
    this.scenario = options.scenario ?? 'immediate';
    this.#now = options.now ?? Date.now;
  }

  /** Charges taken for an order (0 or 1): lets tests prove a payment never charged twice. */
  chargeCount(orderId: string): number {
    return this.#orders.get(orderId)?.charges ?? 0;
  }

  identify(credentials: Credentials, signal: AbortSignal): Promise<Session> {
    return this.#call(signal, () => {
      // "I already paid: check my order": a renewal order's reference (with the account's e-mail)
      // also signs in, to the account that placed it.
      if (credentials.method === 'order') {
        for (const r of this.#orders.values()) {
          const owner = this.#sessions.get(r.sessionId);
          if (
            owner &&
            r.order.reference.toUpperCase() === credentials.orderNumber.trim().toUpperCase() &&
            accountEmails(owner.accountId).includes(credentials.email.trim().toLowerCase())
          ) {
            const id = `demo-session-${randomId(16, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
            this.#sessions.set(id, owner);
            return { id };
          }
        }
      }
      const found = findDemoAccount(credentials);
      if (!found.ok) throw new ProviderError(found.code, { retryable: false });
      const id = `demo-session-${randomId(16, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
      this.#sessions.set(id, accountStatusOf(found.account, this.#now()));
      return { id };
    });
  }

  accountStatus(session: Session, signal: AbortSignal): Promise<AccountStatus> {
    return this.#call(signal, () => this.#status(session));
  }

  plans(session: Session, signal: AbortSignal): Promise<readonly Plan[]> {
    return this.#call(signal, () => PLANS_BY_CHANNEL[this.#account(session).channel]);
  }

  /**
   * An unpaid order for the same plan and quantity in this session is returned again rather than
   * duplicated, so going back and forth never leaves two orders to pay. Ineligible accounts (not
   * rechargeable, past grace, too early) are refused, as a real provider would.
   */
  createOrder(session: Session, request: OrderRequest, signal: AbortSignal): Promise<Order> {
    return this.#call(signal, () => {
      const account = this.#status(session);
      const plan = PLANS_BY_CHANNEL[account.channel].find((p) => p.id === request.planId);
      if (!plan) throw invalid('unknown plan');
      if (!Number.isInteger(request.quantity) || request.quantity < 1 || request.quantity > 10) throw invalid('quantity must be 1–10');
      const eligibility = topUpEligibility(account);
      if (!eligibility.ok) throw invalid(`top-up not possible: ${eligibility.reason}`);

      for (const [, r] of this.#orders) {
        if (r.sessionId === session.id && !r.paidBy && r.order.planId === plan.id && r.order.quantity === request.quantity) return r.order;
      }
      // Several of one plan run back to back: the days add up.
      const effect = planEffect(account.capabilities.topUpMode, account, { ...plan, days: plan.days * request.quantity });
      const order: Order = {
        orderId: `ord_${++this.#counter}`,
        reference: `DEMO-${randomId(6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
        planId: plan.id,
        planName: plan.name,
        quantity: request.quantity,
        total: { amount: plan.price.amount * request.quantity, currency: plan.price.currency },
        newExpiresAt: effect.endsAt,
        // Only a queued plan waits: an extension is live at once, a stacked pack runs from purchase.
        ...(account.capabilities.topUpMode === 'queue' && Date.parse(effect.startsAt) > Date.parse(account.asOf) ? { startsAt: effect.startsAt } : {}),
      };
      this.#orders.set(order.orderId, { sessionId: session.id, order, paidBy: null, charges: 0, activationChecks: 0, active: false });
      return order;
    });
  }

  /** Validates like a payment processor would, then keeps only the test card's behaviour under the token. */
  tokenizeCard(card: CardInput, signal: AbortSignal): Promise<CardToken> {
    return this.#call(signal, () => {
      const number = digitsOnly(card.number);
      const brand = cardBrand(number);
      const today = new Date(this.#now()).toISOString().slice(0, 10);
      if (validateCardNumber(number) || validateCardExpiry(card.expiry, today) || validateCardCvc(card.cvc, brand)) {
        throw invalid('card details are not valid');
      }
      const token = `tok_demo_${randomId(16, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
      this.#cards.set(token, TEST_CARD_BEHAVIOURS.get(number) ?? 'succeed');
      return { token, brand, last4: number.slice(-4) };
    });
  }

  /**
   * Idempotency as Stripe does it: the first outcome for a key is replayed for the same request; a
   * different request under that key is a `conflict`. An order is charged once: a payment for a
   * paid order is `already-paid`, whatever its key.
   */
  pay(session: Session, request: PayRequest, signal: AbortSignal): Promise<PaymentOutcome> {
    return this.#call(signal, () => {
      const account = this.#status(session);
      const body = JSON.stringify([session.id, request.orderId, request.method, request.cardToken ?? null]);
      const earlier = this.#attempts.get(request.idempotencyKey);
      if (earlier) {
        // Another request under the key: a conflict, unless the order is paid (another tab paid it).
        if (earlier.body !== body) {
          const record = this.#orders.get(request.orderId);
          if (record?.paidBy && this.#sessions.get(record.sessionId)?.accountId === account.accountId)
            throw new ProviderError('already-paid', { retryable: false });
          throw new ProviderError('conflict', { retryable: false, message: 'idempotency key reused for another request' });
        }
        return earlier.outcome;
      }
      const record = this.#order(session, request.orderId);
      if (record.paidBy) throw new ProviderError('already-paid', { retryable: false });
      if (!account.capabilities.paymentMethods.includes(request.method)) throw invalid('payment method not offered');

      const paymentId = `pay_${++this.#counter}`;
      const total = record.order.total;
      let outcome: PaymentOutcome;
      if (request.method === 'card') {
        const behaviour = request.cardToken === undefined ? undefined : this.#cards.get(request.cardToken);
        if (!behaviour) throw invalid('unknown card token');
        outcome =
          behaviour === 'succeed'
            ? { status: 'succeeded', paymentId }
            : behaviour === 'authenticate'
              ? { status: 'requires-action', paymentId, action: 'authenticate' }
              : { status: 'declined', paymentId, declineCode: behaviour };
      } else if (request.method === 'paypal') {
        outcome = { status: 'requires-action', paymentId, action: 'paypal-approval' };
      } else {
        const payBy = new Date(this.#now() + VOUCHER_DAYS * DAY).toISOString();
        outcome = { status: 'pending-cash', paymentId, voucher: { number: randomId(12, '0123456789'), payBy, total } };
      }
      this.#payments.set(paymentId, { orderId: record.order.orderId, outcome, statusChecks: 0 });
      if (outcome.status === 'succeeded') this.#settle(paymentId);
      this.#attempts.set(request.idempotencyKey, { body, outcome });
      return outcome;
    });
  }

  /** Approval completes the payment; refusal declines it. Asking again returns the settled outcome. */
  authenticatePayment(session: Session, request: AuthenticateRequest, signal: AbortSignal): Promise<PaymentOutcome> {
    return this.#call(signal, () => {
      const payment = this.#payment(session, request.paymentId);
      if (payment.outcome.status !== 'requires-action') return payment.outcome;
      if (!request.approved) {
        payment.outcome = { status: 'declined', paymentId: request.paymentId, declineCode: 'authentication_failed' };
        return payment.outcome;
      }
      if (this.#orders.get(payment.orderId)?.paidBy) throw new ProviderError('already-paid', { retryable: false });
      return this.#settle(request.paymentId);
    });
  }

  /** A konbini voucher lapses after its pay-by time, and counts as paid at the second check. */
  paymentStatus(session: Session, paymentId: string, signal: AbortSignal): Promise<PaymentOutcome> {
    return this.#call(signal, () => {
      const payment = this.#payment(session, paymentId);
      if (payment.outcome.status !== 'pending-cash') return payment.outcome;
      if (this.#now() > Date.parse(payment.outcome.voucher.payBy)) {
        payment.outcome = { status: 'declined', paymentId, declineCode: 'voucher_expired' };
        return payment.outcome;
      }
      payment.statusChecks += 1;
      return payment.statusChecks >= KONBINI_PAID_AFTER_CHECKS ? this.#settle(paymentId) : payment.outcome;
    });
  }

  /** Follows {@link scenario}; a plan that went live stays live. */
  activationStatus(session: Session, request: ActivationRequest, signal: AbortSignal): Promise<ActivationStatus> {
    return this.#call(signal, () => {
      const record = this.#order(session, request.orderId);
      if (!record.paidBy) throw new ProviderError('not-found', { retryable: false, message: 'order not paid' });
      record.activationChecks += 1;
      if (!record.active) {
        const scenario = this.scenario;
        if (scenario === 'failed') return { state: 'failed' };
        record.active =
          scenario === 'immediate' || (scenario === 'delayed' && record.activationChecks > DELAYED_PENDING_CHECKS) || (scenario === 'never' && request.recheck);
        if (!record.active) return { state: 'pending' };
        const account = this.#status(session);
        this.#sessions.set(session.id, { ...account, expiresAt: record.order.newExpiresAt });
      }
      return { state: 'active', expiresAt: record.order.newExpiresAt };
    });
  }

  orderStatus(session: Session, request: { orderId: string }, signal: AbortSignal): Promise<OrderStatus> {
    return this.#call(signal, () => this.#orderStatus(this.#order(session, request.orderId)));
  }

  /** The account's renewal order with this reference, else its latest one, or null. */
  lookupOrder(session: Session, request: { readonly reference: string | null }, signal: AbortSignal): Promise<OrderStatus | null> {
    return this.#call(signal, () => {
      const account = this.#account(session);
      const reference = request.reference?.trim().toUpperCase();
      let latest: OrderRecord | null = null;
      for (const r of this.#orders.values()) {
        if (this.#sessions.get(r.sessionId)?.accountId !== account.accountId) continue;
        if (reference && r.order.reference.toUpperCase() === reference) return this.#orderStatus(r);
        latest = r;
      }
      return latest ? this.#orderStatus(latest) : null;
    });
  }

  supportRequest(_session: Session | null, _request: SupportRequest, signal: AbortSignal): Promise<SupportTicket> {
    return this.#call(signal, () => ({ ticketId: `SUP-${1000 + ++this.#counter}` }));
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Waits the latency, then runs `work`. Aborting before or during the wait rejects with the
   * signal's reason and leaves no trace; anything unexpected becomes a ProviderError.
   */
  async #call<T>(signal: AbortSignal, work: () => T): Promise<T> {
    await delay(this.#latencyMs, signal);
    try {
      return work();
    } catch (e) {
      throw e instanceof ProviderError ? e : new ProviderError('unknown', { cause: e });
    }
  }

  #account(session: Session): AccountStatus {
    const account = this.#sessions.get(session.id);
    if (!account) throw new ProviderError('session-expired', { retryable: false });
    return account;
  }

  /** The account as read now: the clock the days left are counted on. */
  #status(session: Session): AccountStatus {
    return { ...this.#account(session), asOf: new Date(this.#now()).toISOString() };
  }

  /** An order of the signed-in account (from this session or an earlier one: orders belong to accounts). */
  #order(session: Session, orderId: string): OrderRecord {
    const account = this.#account(session);
    const record = this.#orders.get(orderId);
    if (!record || this.#sessions.get(record.sessionId)?.accountId !== account.accountId) {
      throw new ProviderError('not-found', { retryable: false, message: 'unknown order' });
    }
    return record;
  }

  /** What became of an order: its payment (the latest attempt) and its plan. Changes nothing. */
  #orderStatus(record: OrderRecord): OrderStatus {
    let payment: PaymentOutcome | null = null;
    for (const p of this.#payments.values()) if (p.orderId === record.order.orderId) payment = p.outcome;
    return {
      order: record.order,
      payment,
      activation: record.active
        ? { state: 'active', expiresAt: record.order.newExpiresAt }
        : { state: this.scenario === 'failed' && record.paidBy ? 'failed' : 'pending' },
    };
  }

  #payment(session: Session, paymentId: string): PaymentRecord {
    const payment = this.#payments.get(paymentId);
    if (!payment) throw new ProviderError('not-found', { retryable: false, message: 'unknown payment' });
    this.#order(session, payment.orderId);
    return payment;
  }

  /** The one place an order is charged. A payment that comes in after another one paid the order fails uncharged. */
  #settle(paymentId: string): PaymentOutcome {
    const payment = this.#payments.get(paymentId)!;
    const record = this.#orders.get(payment.orderId)!;
    if (record.paidBy && record.paidBy !== paymentId) {
      payment.outcome = { status: 'failed', paymentId };
    } else if (!record.paidBy) {
      record.paidBy = paymentId;
      record.charges += 1;
      payment.outcome = { status: 'succeeded', paymentId };
    }
    return payment.outcome;
  }
}

const invalid = (message: string) => new ProviderError('invalid-input', { retryable: false, message });

function randomId(length: number, alphabet: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Resolves after `ms` (on a timer even for 0, so results are always asynchronous); rejects on abort. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
