/**
 * Storage, behind a small interface: the routes and services speak only this, so a deployment can
 * put PostgreSQL (or anything transactional) behind it instead of SQLite (sqlite.ts).
 *
 * Every method is async so that a networked database fits. Each method is one unit of work: the
 * ones that must be atomic (claiming an idempotency key, settling a payment, paying a voucher,
 * counting a sign-in failure) say so, and an implementation runs each in one transaction.
 * Nothing here ever holds a card number or security code: payments keep brand and last four.
 */
import type { Capabilities, Channel, PaymentMethod } from '../../src/domain/types.js';
import type { ActivationScenario, DeclineCode } from '../../src/domain/codes.js';

export interface AccountRecord {
  readonly id: string;
  readonly channel: Channel;
  readonly locked: boolean;
  readonly planName: string;
  /** The seeded expiry, in days from sign-in (the demo accounts look the same whatever the date). */
  readonly expiresInDays: number;
  /** Set once a bought plan went live: the absolute expiry, which then wins over `expiresInDays`. */
  readonly expiresAt: string | null;
  readonly dataLeftMb: number | null;
  readonly iccid: string | null;
  readonly capabilities: Capabilities;
}

/**
 * How a sign-in is looked up (as typed: the implementation normalises: trimmed, lower case; ICCID
 * digits only). An account (user name) is looked up within its channel; an ICCID or an order
 * number names one eSIM wherever it was bought, so those have no channel.
 */
export type SignInLookup =
  | { readonly method: 'account'; readonly channel: Channel; readonly username: string }
  | { readonly method: 'iccid'; readonly iccid: string; readonly email: string }
  | { readonly method: 'order'; readonly orderNumber: string; readonly email: string };

export interface SignInMatch {
  readonly accountId: string;
  /** scrypt hash; null: any password gives the outcome (the locked demo account). */
  readonly passwordHash: string | null;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value: the database never holds a usable session id. */
  readonly idHash: string;
  readonly accountId: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface OrderRecord {
  readonly id: string;
  readonly accountId: string;
  readonly reference: string;
  readonly planId: string;
  readonly planName: string;
  readonly quantity: number;
  readonly totalAmount: number;
  readonly currency: string;
  readonly newExpiresAt: string;
  readonly startsAt: string | null;
  readonly createdAt: number;
  /** The payment that paid it, once one did. */
  readonly paidBy: string | null;
  readonly paidAt: number | null;
  /** How activation goes, fixed when the order is paid. */
  readonly activationMode: ActivationScenario | null;
  /** When the plan goes live (epoch ms); null: not scheduled (`never` until a recheck). */
  readonly activateAt: number | null;
  readonly activatedAt: number | null;
}

export type PaymentStatus = 'succeeded' | 'requires-action' | 'pending-cash' | 'declined' | 'failed';

export interface PaymentRecord {
  readonly id: string;
  readonly orderId: string;
  readonly accountId: string;
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
  readonly action: 'authenticate' | 'paypal-approval' | null;
  readonly declineCode: DeclineCode | null;
  readonly cardBrand: string | null;
  readonly cardLast4: string | null;
  readonly voucherNumber: string | null;
  readonly createdAt: number;
  /** True for the one payment that charged its order. */
  readonly charged: boolean;
  /** How the plan goes live once this payment settles: fixed when the payment is made (a voucher paid later by the CLI follows it). */
  readonly activation: ActivationSchedule;
}

/** The server's activation setting: `delayed` goes live `delayMs` after payment. */
export interface ActivationSchedule {
  readonly mode: ActivationScenario;
  readonly delayMs: number;
}

export interface VoucherRecord {
  readonly number: string;
  readonly paymentId: string;
  readonly payBy: string;
  readonly totalAmount: number;
  readonly currency: string;
  readonly paidAt: number | null;
}

export interface TicketRecord {
  readonly id: string;
  readonly accountId: string | null;
  readonly orderReference: string | null;
  readonly iccid: string | null;
  readonly triedChecks: readonly string[];
  readonly message: string;
  readonly createdAt: number;
}

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

export type IdempotencyClaim =
  /** The key is new: go on, then `complete` (or `release` on a server fault). */
  | { readonly state: 'new' }
  /** The same request was answered before: send this again. */
  | { readonly state: 'replay'; readonly response: StoredResponse }
  /** The key was used with another request. */
  | { readonly state: 'conflict' }
  /** The same request is being handled right now (a concurrent retry): wait, then ask again. */
  | { readonly state: 'in-progress' };

/** What settling a payment did: charged the order, found it already charged by this payment, or lost to another one. */
export type Settlement = 'charged' | 'already' | 'lost';

export interface Repository {
  readonly accounts: {
    findSignIn(lookup: SignInLookup): Promise<SignInMatch | null>;
    get(id: string): Promise<AccountRecord | null>;
    setExpiry(id: string, expiresAt: string): Promise<void>;
  };
  readonly sessions: {
    create(session: SessionRecord): Promise<void>;
    get(idHash: string): Promise<SessionRecord | null>;
    delete(idHash: string): Promise<void>;
    deleteExpired(now: number): Promise<void>;
  };
  readonly orders: {
    create(order: OrderRecord): Promise<void>;
    get(id: string): Promise<OrderRecord | null>;
    /** An unpaid order of the account for this plan and quantity. */
    findOpen(accountId: string, planId: string, quantity: number): Promise<OrderRecord | null>;
    /** The account's most recently created order. */
    latestFor(accountId: string): Promise<OrderRecord | null>;
    /** The account's order with this reference (case-insensitive, trimmed). */
    byReference(accountId: string, reference: string): Promise<OrderRecord | null>;
    /**
     * The account that placed the order with this reference (case-insensitive, trimmed), if
     * `email` (case-insensitive, trimmed) is one it signs in with: its user name or the e-mail of
     * its eSIM. A renewal order's reference signs in like an order number.
     */
    findSignIn(reference: string, email: string): Promise<SignInMatch | null>;
    /** Marks the plan live (and the account's expiry moved to the order's), once. */
    activate(id: string, at: number): Promise<OrderRecord>;
    /** Schedules a plan that was waiting for a recheck. */
    schedule(id: string, activateAt: number): Promise<void>;
  };
  readonly payments: {
    create(payment: PaymentRecord, voucher?: VoucherRecord): Promise<void>;
    get(id: string): Promise<PaymentRecord | null>;
    /** The order's paying payment, else its latest one. */
    latestFor(orderId: string): Promise<PaymentRecord | null>;
    /** Sets a payment's status (not `succeeded`: that is `settle`). */
    update(id: string, status: Exclude<PaymentStatus, 'succeeded'>, declineCode?: DeclineCode | null): Promise<void>;
    /**
     * Atomically: if the order is unpaid, marks it paid by this payment, the payment succeeded and
     * charged, and schedules activation by the payment's schedule. If another payment paid it
     * first, this one fails uncharged.
     */
    settle(id: string, at: number): Promise<Settlement>;
  };
  readonly vouchers: {
    get(number: string): Promise<VoucherRecord | null>;
    /** Atomically: marks the voucher paid and settles its payment. */
    pay(number: string, at: number): Promise<Settlement>;
  };
  readonly idempotency: {
    /**
     * Atomically claims `key` within `scope` for the request with this hash. A unique constraint
     * on (scope, key) makes concurrent claims race safely: exactly one gets `new`.
     */
    claim(scope: string, key: string, requestHash: string, now: number): Promise<IdempotencyClaim>;
    complete(scope: string, key: string, response: StoredResponse): Promise<void>;
    /** Forgets an unfinished claim (after a server fault), so a retry runs again. */
    release(scope: string, key: string): Promise<void>;
  };
  readonly tickets: {
    create(ticket: TicketRecord): Promise<void>;
  };
  readonly throttle: {
    /** Epoch ms until which the key is locked out, if it is. */
    lockedUntil(key: string, now: number): Promise<number | null>;
    /** Atomically counts a failure; from the `limit`-th in a row, locks the key for `lockoutMs`. */
    fail(key: string, now: number, limit: number, lockoutMs: number): Promise<{ failures: number; lockedUntil: number | null }>;
    clear(key: string): Promise<void>;
  };
  close(): Promise<void>;
}
