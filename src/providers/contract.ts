import type {
  AccountStatus,
  ActivationStatus,
  CardToken,
  Channel,
  Order,
  OrderStatus,
  PaymentMethod,
  PaymentOutcome,
  Plan,
  ProviderLinks,
  SupportTicket,
} from '../domain/types.js';

/**
 * What the wizard needs from a backend. Every call is async, takes an AbortSignal and
 * rejects with a {@link ProviderError}. The demo provider implements it in the browser;
 * the HTTP provider speaks it to a server.
 */
export interface Provider {
  /** Static facts about the provider: known before anyone signs in. */
  readonly info: ProviderInfo;

  /**
   * A session that outlives the page (an HttpOnly cookie), for a wizard that comes back after a
   * reload: its calls go on with it, and the backend says when it has run out (`session-expired`).
   * Optional: without it, the first call after a reload asks the person to sign in again.
   */
  restoreSession?(): Session | null;
  /** Proves the eSIM is the person's own and opens a session. */
  identify(credentials: Credentials, signal: AbortSignal): Promise<Session>;
  /** The account's validity, data and capabilities. */
  accountStatus(session: Session, signal: AbortSignal): Promise<AccountStatus>;
  /** The top-up plans this account can buy. */
  plans(session: Session, signal: AbortSignal): Promise<readonly Plan[]>;
  /** Creates (or, with the same key, returns) an order. */
  createOrder(session: Session, request: OrderRequest, signal: AbortSignal): Promise<Order>;
  /**
   * Turns card data into an opaque token at the payment processor. A real provider must
   * never send the card to the merchant API. The wizard calls this from the view; card
   * data never enters the statechart.
   */
  tokenizeCard(card: CardInput, signal: AbortSignal): Promise<CardToken>;
  /** Takes a payment. The same idempotency key always means the same attempt: never a second charge. */
  pay(session: Session, request: PayRequest, signal: AbortSignal): Promise<PaymentOutcome>;
  /** Completes a payment that asked for the person's approval (card authentication, PayPal). */
  authenticatePayment(session: Session, request: AuthenticateRequest, signal: AbortSignal): Promise<PaymentOutcome>;
  /** The current outcome of a payment (e.g. whether a cash voucher has been paid). */
  paymentStatus(session: Session, paymentId: string, signal: AbortSignal): Promise<PaymentOutcome>;
  /** Whether the bought plan is live. `recheck` asks the provider to look again after the person fixed something. */
  activationStatus(session: Session, request: ActivationRequest, signal: AbortSignal): Promise<ActivationStatus>;
  /** An order with its payment and activation as the provider records them (reconciling after a reload). */
  orderStatus(session: Session, request: { orderId: string }, signal: AbortSignal): Promise<OrderStatus>;
  /**
   * "I already paid: check my order": the signed-in account's renewal order with this reference;
   * for a reference that is none of its renewal orders (the eSIM's own order number), or with no
   * reference (found by ICCID), its latest renewal order. Null when it has none.
   */
  lookupOrder(session: Session, request: { readonly reference: string | null }, signal: AbortSignal): Promise<OrderStatus | null>;
  /** Opens a support request with what the person has tried. */
  supportRequest(session: Session | null, request: SupportRequest, signal: AbortSignal): Promise<SupportTicket>;
}

export interface ProviderInfo {
  readonly name: string;
  /** True for a demo (the in-browser one, or a demo server): the wizard then says no real payment is made. */
  readonly demo: boolean;
  /** A demo that runs on a server (orders are kept there), not in this browser: the notice says which. */
  readonly demoServer?: boolean;
  /** Links known before sign-in (register, reset password, …). */
  readonly links: ProviderLinks;
}

export type Credentials =
  | { readonly method: 'account'; readonly channel: Channel; readonly username: string; readonly password: string }
  | { readonly method: 'iccid'; readonly channel: Channel; readonly iccid: string; readonly email: string }
  | { readonly method: 'order'; readonly channel: Channel; readonly orderNumber: string; readonly email: string };

/** An opaque session handle. Kept in memory only; never persisted. */
export interface Session {
  readonly id: string;
}

export interface OrderRequest {
  readonly planId: string;
  readonly quantity: number;
}

export interface PayRequest {
  readonly orderId: string;
  readonly method: PaymentMethod;
  /** The card token from {@link Provider.tokenizeCard}, for card payments. */
  readonly cardToken?: string;
  readonly idempotencyKey: string;
}

export interface AuthenticateRequest {
  readonly paymentId: string;
  readonly approved: boolean;
}

export interface ActivationRequest {
  readonly orderId: string;
  readonly recheck: boolean;
}

export interface SupportRequest {
  readonly orderReference?: string;
  readonly iccid?: string;
  readonly triedChecks: readonly string[];
  readonly message: string;
}

/** Raw card input, held by the view only for the moment it is tokenized. */
export interface CardInput {
  readonly number: string;
  /** `MM/YY` as typed. */
  readonly expiry: string;
  readonly cvc: string;
}

/**
 * How the embedding site presents the provider: shown on the final confirmation screen, in the
 * support escalation and at the end. Everything but the brand name is optional.
 */
export interface ProviderProfile {
  readonly brandName: string;
  readonly logoUrl?: string;
  readonly support?: {
    readonly email?: string;
    readonly phone?: string;
    /** Chat apps as links, e.g. `{ app: 'LINE', url: 'https://line.me/R/ti/p/@example' }`. */
    readonly chats?: readonly { readonly app: string; readonly url: string }[];
  };
  readonly links?: {
    readonly terms?: string;
    readonly refunds?: string;
    readonly privacy?: string;
  };
}
