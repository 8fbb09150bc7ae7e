import type { StayLength, Usage } from '../domain/plan-rules.js';
import type { DateParts } from '../domain/validation.js';
import type {
  StepId,
  AccountStatus,
  ActivationStatus,
  CardSummary,
  CardToken,
  CashVoucher,
  Channel,
  IdentifyMethod,
  Order,
  PaymentMethod,
  PaymentOutcome,
  Plan,
  Platform,
  SupportTicket,
  OrderStatus,
  WizardError,
} from '../domain/types.js';
import type { DeclineCode } from '../domain/codes.js';

export type ValidityMode = 'date' | 'days' | 'unknown';

/** What the person said about the time left, as typed. `today` is their local calendar day. */
export interface ValidityInput {
  readonly mode: ValidityMode | null;
  readonly date: DateParts;
  readonly daysLeft: string;
  readonly today: string;
}

export type ShopPath = 'online' | 'visit';
export type LoginField = 'username' | 'email' | 'iccid' | 'orderNumber';
export type TroubleReason = 'timeout' | 'failed' | 'user';
/** Steps that can be resumed after the session was renewed. */
/** Where to go on after signing in again (`reconcile`: find out what became of a payment). */
export type ResumeStep = 'plan' | 'payment' | 'reconcile' | 'activation' | 'troubleshooting';

export interface WizardContext {
  readonly platform: Platform;
  /** Set by the host (`channel` attribute): the channel question is then skipped. */
  readonly presetChannel: Channel | null;
  readonly validity: ValidityInput;
  readonly channel: Channel | null;
  readonly shopPath: ShopPath | null;
  readonly login: {
    readonly method: IdentifyMethod;
    readonly username: string;
    readonly email: string;
    readonly iccid: string;
    readonly orderNumber: string;
    /** Whether the password field has something in it. The password itself stays in the view. */
    readonly passwordFilled: boolean;
    /** Wrong credentials in a row. */
    readonly failures: number;
    /** Seconds left before another attempt is allowed. */
    readonly cooldownLeft: number;
  };
  readonly signedIn: boolean;
  /** The host signed the person in (the `session` property): the wizard never asks for a password. */
  readonly hostSession: boolean;
  /** The person came to look up an order they already paid ("I already paid: check my order"). */
  readonly lookup: boolean;
  /**
   * The order looked up (now `order`) has not been paid: the plans say so, with it chosen, so that
   * the person pays that order rather than a second one. Until the plan step is left.
   */
  readonly foundUnpaid: boolean;
  /** Where to go on once the session has been renewed after it expired mid-flow. */
  readonly resumeStep: ResumeStep | null;
  readonly account: AccountStatus | null;
  readonly plans: readonly Plan[];
  readonly recommender: { readonly stay: StayLength | null; readonly usage: Usage | null };
  readonly selectedPlanId: string | null;
  readonly order: Order | null;
  readonly payment: {
    readonly method: PaymentMethod | null;
    /** The view's verdict on the card form: complete and valid. */
    readonly cardValid: boolean;
    /** From tokenization: brand, last four, opaque token. Never the number or security code. */
    readonly card: CardToken | null;
    /** Ticked "I have checked the details" on the final confirmation screen. */
    readonly confirmed: boolean;
    /** Attempts that ended definitively (declined, failed). The idempotency key counts on it. */
    readonly attempt: number;
    readonly paymentId: string | null;
    /** What the provider asked the person to do before the payment completes. */
    readonly action: 'authenticate' | 'paypal-approval' | null;
    /** The person's answer to that request, kept so a failed call can be retried. */
    readonly approved: boolean | null;
    readonly voucher: CashVoucher | null;
    readonly decline: DeclineCode | 'failed' | null;
    /** What paid, for the receipt. `host`: the embedding page's own payment UI. */
    readonly paidWith: { readonly method: PaymentMethod | 'host'; readonly card?: CardSummary } | null;
    /** A payment the host reported through its own payment UI, to be verified with the provider. */
    readonly hostPaymentId: string | null;
    /**
     * The provider's last answer on a payment, on its way to the state it leads to (the
     * `payment.outcome` state routes it, then clears it: a settled snapshot never holds one).
     */
    readonly outcome: PaymentOutcome | null;
  };
  readonly activation: {
    /** The next wait between polls. */
    readonly delayMs: number;
    /** Time spent waiting so far, summed from the waits (the clock is injectable). */
    readonly elapsedMs: number;
    readonly polls: number;
    readonly expiresAt: string | null;
  };
  readonly trouble: {
    readonly reason: TroubleReason | null;
    /** Where Back from the first check returns to. */
    readonly from: 'activation' | 'done' | null;
    readonly index: number;
    /** Check ids the person went through without luck. */
    readonly tried: readonly string[];
    /** The provider still said "not active" after the person reported a fix. */
    readonly stillInactive: boolean;
    readonly ticket: SupportTicket | null;
  };
  /** The last provider failure, shown with a retry. */
  readonly error: WizardError | null;
}

/** Events the person causes through the view. */
export type UserEvent =
  | { type: 'user.next' }
  | { type: 'user.back' }
  /** A step in the progress list: only earlier steps of the path before payment. */
  | { type: 'user.goto'; step: StepId }
  | { type: 'user.retry' }
  | { type: 'user.restart' }
  /** "I already paid: check my order" (from the first step): sign in by order, then find it. */
  | { type: 'user.checkOrder' }
  | { type: 'user.platform'; platform: Platform }
  | { type: 'user.validity.set'; mode: ValidityMode; date?: DateParts; daysLeft?: string; today: string }
  | { type: 'user.channel.select'; channel: Channel }
  | { type: 'user.channel.shopPath'; path: ShopPath }
  | { type: 'user.login.method'; method: IdentifyMethod }
  | { type: 'user.login.field'; field: LoginField; value: string }
  | { type: 'user.login.password'; filled: boolean }
  | { type: 'user.plan.recommender'; stay?: StayLength; usage?: Usage }
  | { type: 'user.plan.select'; planId: string }
  | { type: 'user.payment.method'; method: PaymentMethod }
  | { type: 'user.payment.card'; valid: boolean }
  | { type: 'user.payment.confirm'; confirmed: boolean }
  | { type: 'user.payment.pay' }
  | { type: 'user.payment.authenticate'; approved: boolean }
  | { type: 'user.payment.checkCash' }
  | { type: 'user.activation.notWorking' }
  | { type: 'user.trouble.fixed' }
  | { type: 'user.trouble.notFixed' }
  | { type: 'user.trouble.escalate' }
  /** `ok`: the support message is fit to send (not blank, not too long), as the view found it. */
  | { type: 'user.trouble.send'; ok: boolean };

/** Events the embedding page causes through the element's API. */
export type HostEvent =
  /**
   * The wizard was restored from a saved snapshot (a reload, a tab come back): calls that were
   * in flight and timers that were waiting are gone; each state says how it goes on.
   */
  | { type: 'host.resumed' }
  /** The host supplied (or renewed) a signed-in session. */
  | { type: 'host.session' }
  /** The host's own payment UI reports a payment; the provider must confirm it. */
  | { type: 'host.payment.reported'; paymentId: string };

/**
 * Events sent to the machine. Provider calls answer as invoked actors do, with XState's own
 * done and error events (`onDone` with the call's output, `onError` with a {@link WizardError}).
 */
export type WizardEvent = UserEvent | HostEvent;

/** What the machine is started with. */
export interface WizardInput {
  readonly platform?: Platform;
  readonly channel?: Channel | null;
  /** The host has signed the person in already. */
  readonly hostSession?: boolean;
  /** Today's local calendar day, `YYYY-MM-DD`. */
  readonly today: string;
}

/** Inputs of the provider actors. Secrets are added at the edge, from the view. */
export interface IdentifyInput {
  readonly channel: Channel;
  readonly method: IdentifyMethod;
  readonly username: string;
  readonly email: string;
  readonly iccid: string;
  readonly orderNumber: string;
}
export interface PayInput {
  readonly orderId: string;
  readonly method: PaymentMethod;
  readonly cardToken?: string;
  readonly idempotencyKey: string;
}
/** Inputs of the provider actors that are not spelled out in context.ts. */
export interface ActivationRequestInput {
  readonly orderId: string;
  readonly recheck: boolean;
}

export interface SupportInput {
  readonly orderReference?: string;
  readonly iccid?: string;
  readonly triedChecks: readonly string[];
}

/**
 * The provider calls the machine invokes (`invoke: { src: 'pay' }`), with what each takes: the
 * one table the machine's actor stubs (setup.ts) and the element's actors and calls
 * (provider-actors.ts, provider-calls.ts) are typed from. Each answers through the invoke's
 * `onDone` with its {@link ProviderCallOutputs output}, or its `onError` with a WizardError.
 */
export interface ProviderCallInputs {
  identify: IdentifyInput;
  loadAccount: void;
  createOrder: { readonly planId: string; readonly quantity: number };
  tokenizeCard: void;
  pay: PayInput;
  authenticate: { readonly paymentId: string; readonly approved: boolean };
  paymentStatus: { readonly paymentId: string };
  activationStatus: ActivationRequestInput;
  supportRequest: SupportInput;
  /** An order's status by its id; with none, the account's latest order's. */
  /** An order found again by its id; or, looking one up (`orderId` null), by the reference typed to sign in. */
  findOrder: { readonly orderId: string | null; readonly reference: string | null };
}

/** What each provider call answers with (its actor's output). */
export interface ProviderCallOutputs {
  /** Signed in: the session stays at the edge, out of the machine. */
  identify: void;
  loadAccount: { readonly account: AccountStatus; readonly plans: readonly Plan[] };
  createOrder: Order;
  tokenizeCard: CardToken;
  pay: PaymentOutcome;
  authenticate: PaymentOutcome;
  paymentStatus: PaymentOutcome;
  activationStatus: ActivationStatus;
  supportRequest: SupportTicket;
  findOrder: OrderStatus;
}
export type ProviderCallName = keyof ProviderCallInputs;

/** The calls' names, as a value (a name missing here, or one too many, fails to compile). */
export const PROVIDER_CALLS = [
  'identify',
  'loadAccount',
  'createOrder',
  'tokenizeCard',
  'pay',
  'authenticate',
  'paymentStatus',
  'activationStatus',
  'supportRequest',
  'findOrder',
] as const satisfies readonly ProviderCallName[];
type MissingCall = Exclude<ProviderCallName | keyof ProviderCallOutputs, (typeof PROVIDER_CALLS)[number]>;
const everyCall: MissingCall extends never ? true : MissingCall = true;
void everyCall;
