/**
 * Wraps any provider so that every string it supplies is one hostile string: the provider's name
 * and links, the account's plan name, ICCID and links, plan names and speeds, order references,
 * the card brand and last four digits, the voucher number, the support ticket, error messages.
 * Opaque ids (session, account, plan, order, payment, card token) become the hostile string
 * plus a suffix that keeps them unique, and are mapped back on the way in, so the wrapped
 * provider still works. Used by test/browser/hostile.test.ts. Not part of the package.
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
} from '../providers/contract.js';
import { ProviderError } from '../providers/errors.js';
import type { AccountStatus, ActivationStatus, CardToken, Order, OrderStatus, PaymentOutcome, Plan, ProviderLinks, SupportTicket } from '../domain/types.js';
import type { ProviderMethod } from './scripted-provider.js';

/**
 * Every string the hostile provider (and the host profile of {@link hostileProfile}) supplies,
 * named. `text`: shown as text; `link`: a URL the wizard may link to; `id`: opaque, carried
 * through the flow.
 */
export const HOSTILE_PROVIDER_STRINGS = {
  'info.name': 'text',
  'info.links.register': 'link',
  'info.links.resetPassword': 'link',
  'account.accountId': 'id',
  'account.planName': 'text',
  'account.iccid': 'text',
  'account.links.buyNew': 'link',
  'account.links.terms': 'link',
  'account.links.support': 'link',
  'session.id': 'id',
  'plan.id': 'id',
  'plan.name': 'text',
  'plan.throttle': 'text',
  'order.orderId': 'id',
  'order.planId': 'id',
  'order.reference': 'text',
  'order.planName': 'text',
  'card.token': 'id',
  'card.brand': 'text',
  'card.last4': 'text',
  'payment.paymentId': 'id',
  'voucher.number': 'text',
  'ticket.ticketId': 'text',
  'error.message': 'text',
  'profile.brandName': 'text',
  'profile.logoUrl': 'link',
  'profile.support.email': 'text',
  'profile.support.phone': 'text',
  'profile.chats.app': 'text',
  'profile.chats.url': 'link',
  'profile.links.terms': 'link',
  'profile.links.refunds': 'link',
  'profile.links.privacy': 'link',
} as const satisfies Record<string, 'text' | 'link' | 'id'>;

export interface HostileOptions {
  /** Calls whose first attempt rejects with a retryable `server` error whose message is the hostile string. */
  readonly failFirst?: readonly ProviderMethod[];
}

export class HostileProvider implements Provider {
  readonly info: ProviderInfo;
  /** What the wizard sent with each support request. */
  readonly supportRequests: SupportRequest[] = [];
  /** Hostile id → the wrapped provider's id. */
  readonly #real = new Map<string, string>();
  readonly #failed = new Set<ProviderMethod>();

  constructor(
    readonly base: Provider,
    readonly s: string,
    readonly options: HostileOptions = {},
  ) {
    this.info = { name: s, demo: base.info.demo, links: this.#links(base.info.links) };
  }

  identify(credentials: Credentials, signal: AbortSignal): Promise<Session> {
    return this.#call('identify', async () => ({ id: this.#hide('session', (await this.base.identify(credentials, signal)).id) }));
  }

  accountStatus(session: Session, signal: AbortSignal): Promise<AccountStatus> {
    return this.#call('accountStatus', async () => {
      const a = await this.base.accountStatus(this.#session(session), signal);
      return {
        ...a,
        accountId: this.#hide('account', a.accountId),
        planName: this.s,
        iccid: this.s,
        capabilities: { ...a.capabilities, links: this.#links(a.capabilities.links) },
      };
    });
  }

  plans(session: Session, signal: AbortSignal): Promise<readonly Plan[]> {
    return this.#call('plans', async () =>
      (await this.base.plans(this.#session(session), signal)).map((p) => ({ ...p, id: this.#hide('plan', p.id), name: this.s, throttle: this.s })),
    );
  }

  createOrder(session: Session, request: OrderRequest, signal: AbortSignal): Promise<Order> {
    return this.#call('createOrder', async () =>
      this.#order(await this.base.createOrder(this.#session(session), { ...request, planId: this.#reveal(request.planId) }, signal)),
    );
  }

  tokenizeCard(card: CardInput, signal: AbortSignal): Promise<CardToken> {
    return this.#call('tokenizeCard', async () => {
      const t = await this.base.tokenizeCard(card, signal);
      return { token: this.#hide('token', t.token), brand: this.s, last4: this.s };
    });
  }

  pay(session: Session, request: PayRequest, signal: AbortSignal): Promise<PaymentOutcome> {
    return this.#call('pay', async () => {
      const real: PayRequest = {
        ...request,
        orderId: this.#reveal(request.orderId),
        ...(request.cardToken === undefined ? {} : { cardToken: this.#reveal(request.cardToken) }),
      };
      return this.#outcome(await this.base.pay(this.#session(session), real, signal));
    });
  }

  authenticatePayment(session: Session, request: AuthenticateRequest, signal: AbortSignal): Promise<PaymentOutcome> {
    return this.#call('authenticatePayment', async () =>
      this.#outcome(await this.base.authenticatePayment(this.#session(session), { ...request, paymentId: this.#reveal(request.paymentId) }, signal)),
    );
  }

  paymentStatus(session: Session, paymentId: string, signal: AbortSignal): Promise<PaymentOutcome> {
    return this.#call('paymentStatus', async () => this.#outcome(await this.base.paymentStatus(this.#session(session), this.#reveal(paymentId), signal)));
  }

  activationStatus(session: Session, request: ActivationRequest, signal: AbortSignal): Promise<ActivationStatus> {
    return this.#call('activationStatus', () =>
      this.base.activationStatus(this.#session(session), { ...request, orderId: this.#reveal(request.orderId) }, signal),
    );
  }

  orderStatus(session: Session, request: { orderId: string }, signal: AbortSignal): Promise<OrderStatus> {
    return this.#call('orderStatus', async () =>
      this.#status(await this.base.orderStatus(this.#session(session), { orderId: this.#reveal(request.orderId) }, signal)),
    );
  }

  lookupOrder(session: Session, request: { readonly reference: string | null }, signal: AbortSignal): Promise<OrderStatus | null> {
    return this.#call('lookupOrder', async () => {
      const status = await this.base.lookupOrder(this.#session(session), request, signal);
      return status && this.#status(status);
    });
  }

  supportRequest(session: Session | null, request: SupportRequest, signal: AbortSignal): Promise<SupportTicket> {
    return this.#call('supportRequest', async () => {
      this.supportRequests.push(request);
      await this.base.supportRequest(session && this.#session(session), request, signal);
      return { ticketId: this.s };
    });
  }

  // -------------------------------------------------------------------------------------------

  async #call<T>(method: ProviderMethod, work: () => Promise<T>): Promise<T> {
    if (this.options.failFirst?.includes(method) && !this.#failed.has(method)) {
      this.#failed.add(method);
      await Promise.resolve();
      throw new ProviderError('server', { message: this.s, cause: new Error(this.s) });
    }
    return work();
  }

  /** A hostile id standing for `real`: unique per kind and real id. */
  #hide(kind: string, real: string): string {
    const hostile = `${this.s}#${kind}#${real}`;
    this.#real.set(hostile, real);
    return hostile;
  }

  #reveal(hostile: string): string {
    return this.#real.get(hostile) ?? hostile;
  }

  #session(session: Session): Session {
    return { id: this.#reveal(session.id) };
  }

  #links(links: ProviderLinks): ProviderLinks {
    return Object.fromEntries(Object.keys(links).map((k) => [k, this.s])) as unknown as ProviderLinks;
  }

  #order(o: Order): Order {
    return { ...o, orderId: this.#hide('order', o.orderId), planId: this.#hide('plan', o.planId), reference: this.s, planName: this.s };
  }

  #outcome(o: PaymentOutcome): PaymentOutcome {
    const paymentId = this.#hide('payment', o.paymentId);
    return o.status === 'pending-cash' ? { ...o, paymentId, voucher: { ...o.voucher, number: this.s } } : { ...o, paymentId };
  }

  #status(status: OrderStatus): OrderStatus {
    return { ...status, order: this.#order(status.order), payment: status.payment && this.#outcome(status.payment) };
  }
}

/** A host profile whose every string is `s`, with one safe chat link so the support list shows. */
export function hostileProfile(s: string) {
  return {
    brandName: s,
    logoUrl: s,
    support: {
      email: s,
      phone: s,
      chats: [
        { app: s, url: 'https://line.me/R/ti/p/@hostile' },
        { app: 'Hostile', url: s },
      ],
    },
    links: { terms: s, refunds: s, privacy: s },
  };
}
