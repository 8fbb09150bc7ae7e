/**
 * The domain vocabulary shared by the statechart, the providers, the view, the reference server,
 * the tests and the stories. Each closed set is one `as const` list with its type derived from
 * it, declared here once (the codes are in codes.ts). Plain data only: everything here survives
 * `JSON.stringify`, so a snapshot can be persisted.
 */
import type { ActivationState, DeclineCode, ErrorCode } from './codes.js';

/** The wizard's steps, in the order the progress list shows them. Branch steps come last. */
export const STEP_IDS = ['validity', 'channel', 'login', 'plan', 'payment', 'activation', 'done', 'troubleshooting', 'shop-visit'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The steps of the main path, shown as the numbered progress list. */
export const MAIN_STEPS = ['validity', 'channel', 'login', 'plan', 'payment', 'activation', 'done'] as const satisfies readonly StepId[];

export const CHANNELS = ['online', 'shop', 'airport'] as const;
/** Where the eSIM was bought. */
export type Channel = (typeof CHANNELS)[number];

export const PLATFORMS = ['ios', 'android'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How urgent the renewal is, from the days left. `unknown` when the person does not know. */
export type Urgency = 'expired' | 'few-days' | 'within-month' | 'plenty' | 'unknown';

export const PAYMENT_METHODS = ['card', 'paypal', 'konbini'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const IDENTIFY_METHODS = ['account', 'iccid', 'order'] as const;
/** Ways a person can prove the eSIM is theirs: account credentials, ICCID + e-mail, order number + e-mail. */
export type IdentifyMethod = (typeof IDENTIFY_METHODS)[number];

/** How a top-up relates to the current plan. */
export type TopUpMode =
  /** adds its days to the current expiry */
  | 'extend'
  /** starts when the current plan runs out */
  | 'queue'
  /** a separate pack that runs from purchase; it does not extend the others */
  | 'stack';

/** When a plan's validity clock starts. */
export type ValidityStart = 'install' | 'first-connection';

export interface TopUpWindow {
  /** How many days before expiry a top-up is accepted; `null` means any time. */
  readonly daysBeforeExpiry: number | null;
  /** Days after expiry during which a top-up is still accepted (0: only while active). */
  readonly graceDaysAfterExpiry: number;
  /** The top-up works only while the phone is in Japan. */
  readonly inJapanOnly: boolean;
}

export interface ProviderLinks {
  readonly register?: string;
  readonly resetPassword?: string;
  readonly buyNew: string;
  readonly terms: string;
  readonly support: string;
}

/** What an account can do. The flow is driven by these, never by provider names. */
export interface Capabilities {
  readonly rechargeable: boolean;
  readonly topUpWindow: TopUpWindow;
  readonly topUpMode: TopUpMode;
  readonly validityStarts: ValidityStart;
  readonly paymentMethods: readonly PaymentMethod[];
  readonly identifyMethods: readonly IdentifyMethod[];
  readonly links: ProviderLinks;
}

export interface Money {
  /** In the currency's minor units as `Intl` counts them (JPY has none: 500 means ¥500). */
  readonly amount: number;
  /** ISO 4217 code, e.g. `JPY`. */
  readonly currency: string;
}

export interface AccountStatus {
  readonly accountId: string;
  readonly channel: Channel;
  /** The ICCID of the eSIM, when the provider knows it. */
  readonly iccid?: string;
  /** The current plan's name, as the provider words it. */
  readonly planName: string;
  /** ISO 8601 instant when the current plan ends. */
  readonly expiresAt: string;
  /** Data left in MB; `null` for unlimited. */
  readonly dataLeftMb: number | null;
  /** ISO 8601 instant the provider read this status at: the clock the days left are counted on. */
  readonly asOf: string;
  readonly capabilities: Capabilities;
}

export interface Plan {
  readonly id: string;
  readonly name: string;
  /** Data in MB; `null` for unlimited. */
  readonly dataMb: number | null;
  readonly days: number;
  /** Tax-included price. */
  readonly price: Money;
  /** Speed after a daily allowance is used, e.g. "128 kbps"; absent when there is no cap. */
  readonly throttle?: string;
}

/** An order as the provider created it: the amount is authoritative, not the plan list's. */
export interface Order {
  readonly orderId: string;
  /** The reference shown to the person and to support. */
  readonly reference: string;
  readonly planId: string;
  readonly planName: string;
  readonly quantity: number;
  /** Tax-included total. */
  readonly total: Money;
  /** ISO 8601 instant the new plan ends. */
  readonly newExpiresAt: string;
  /** ISO 8601 instant the new plan starts, when it does not start at once (queue mode). */
  readonly startsAt?: string;
}

export interface CashVoucher {
  /** The number the person gives at the convenience store. */
  readonly number: string;
  /** ISO 8601 instant after which the voucher lapses. */
  readonly payBy: string;
  readonly total: Money;
}

export interface CardSummary {
  readonly brand: string;
  readonly last4: string;
}

/** What the machine learns from tokenization: never the card number or security code. */
export interface CardToken extends CardSummary {
  readonly token: string;
}

export type PaymentOutcome =
  | { readonly status: 'succeeded'; readonly paymentId: string }
  | { readonly status: 'requires-action'; readonly paymentId: string; readonly action: 'authenticate' | 'paypal-approval' }
  | { readonly status: 'pending-cash'; readonly paymentId: string; readonly voucher: CashVoucher }
  | { readonly status: 'declined'; readonly paymentId: string; readonly declineCode: DeclineCode }
  | { readonly status: 'failed'; readonly paymentId: string };

export interface ActivationStatus {
  readonly state: ActivationState;
  /** ISO 8601 instant the plan now ends, once active. */
  readonly expiresAt?: string;
}

/** An order with what became of its payment and its plan: for reconciling after a reload or a lost tab. */
export interface OrderStatus {
  readonly order: Order;
  /** The order's payment, when one was attempted; null when none was. */
  readonly payment: PaymentOutcome | null;
  readonly activation: ActivationStatus;
}

export interface SupportTicket {
  readonly ticketId: string;
}

/** A provider failure as plain data, as the machine keeps it. */
export interface WizardError {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  /** Wait this long before retrying, when the provider said so. */
  readonly retryAfterMs?: number;
}
