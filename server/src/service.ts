/**
 * The server's behaviour, over the {@link Repository}: it mirrors the in-browser demo provider
 * (src/providers/demo.ts) on the shared catalogue, rules and card validators, with real storage,
 * sessions, throttling and idempotency. HTTP lives in app.ts; errors are {@link HttpError}s.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Credentials, SupportRequest } from '../../src/providers/contract.js';
import { PLANS_BY_CHANNEL, accountStatusOf, type DemoAccount } from '../../src/providers/catalogue.js';
import type { AccountStatus, ActivationStatus, Order, PaymentMethod, PaymentOutcome, Plan } from '../../src/domain/types.js';
import type { DeclineCode } from '../../src/domain/codes.js';
import { planEffect } from '../../src/domain/plan-rules.js';
import { topUpEligibility } from '../../src/domain/rules.js';
import { digitsOnly, luhnValid } from '../../src/domain/validation.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { tokenize, verifyToken } from './processor.js';
import type { AccountRecord, ActivationSchedule, OrderRecord, PaymentRecord, Repository, SessionRecord, StoredResponse, VoucherRecord } from './repository.js';
import type { ServerErrorCode } from './schemas.js';

const DAY = 86_400_000;
/** How long a konbini voucher can be paid, as in the demo. */
const VOUCHER_DAYS = 3;
/** How long a request waits for a concurrent one with its idempotency key to finish. */
const IN_PROGRESS_WAIT_MS = 10_000;

/** A failure with its HTTP status and the contract's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ServerErrorCode,
    message: string,
    readonly extra: { readonly retryAfterSeconds?: number; readonly declineCode?: DeclineCode; readonly paymentId?: string } = {},
  ) {
    super(message);
  }

  get body(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      retryable: this.status === 429 || this.status >= 500,
      ...(this.extra.declineCode ? { declineCode: this.extra.declineCode } : {}),
      ...(this.extra.paymentId ? { paymentId: this.extra.paymentId } : {}),
    };
  }
}

const invalid = (message: string) => new HttpError(422, 'invalid-input', message);
const notFound = (message: string) => new HttpError(404, 'not-found', message);
const alreadyPaid = () => new HttpError(409, 'already-paid', 'the order is paid already');
const declined = (paymentId: string, declineCode: DeclineCode) => new HttpError(402, 'declined', 'the payment was declined', { declineCode, paymentId });

export interface ServiceOptions {
  readonly repo: Repository;
  /** Signs the processor's card tokens. */
  readonly secret: Buffer;
  /** Epoch ms; injected by tests. */
  readonly now?: () => number;
  readonly sessionTtlMs: number;
  readonly activation: ActivationSchedule;
  readonly signIn: { readonly maxFailures: number; readonly maxFailuresPerAddress: number; readonly lockoutMs: number };
  /** scrypt cost of the stand-in hash checked for unknown users (match the stored hashes'). */
  readonly scryptCost?: number;
  /**
   * The demo's shop till: a konbini voucher counts as paid this long after it was issued, when
   * its status is next read (the demo, as `npm start` runs it). Null: only the CLI or the admin
   * endpoint pays one, as a real shop's report would.
   */
  readonly voucherAutoPayMs?: number | null;
}

/** `GET /v1/orders/{orderId}` and `GET /v1/orders/lookup`. */
export interface OrderDetail {
  readonly order: Order;
  readonly payment: PaymentOutcome | null;
  readonly activation: ActivationStatus;
}

/** A signed-in request: the session and its account. */
export interface Context {
  readonly session: SessionRecord;
  readonly account: AccountRecord;
}

export class Service {
  readonly repo: Repository;
  readonly now: () => number;
  readonly #o: ServiceOptions;

  constructor(options: ServiceOptions) {
    this.#o = options;
    this.repo = options.repo;
    this.now = options.now ?? Date.now;
  }

  // -------------------------------------------------------------------------------------------
  // Sessions
  // -------------------------------------------------------------------------------------------

  /**
   * Checks the credentials like the demo provider's `identify` (src/providers/demo.ts) does,
   * against the stored, hashed sign-ins: a user name is looked up within the channel, an ICCID or
   * an order number in any channel (see `findDemoAccount` in src/providers/catalogue.ts); a
   * renewal order's reference, with an e-mail of the account that placed it, signs in to that
   * account like an order number. An unknown user name is `invalid-credentials` like a wrong
   * password; an unknown ICCID, order number or reference, or a wrong e-mail with one, is
   * `not-found`; a locked account is `locked`. Failures in a row are counted per identity and per
   * client address; past the limit: 429 with Retry-After.
   */
  async signIn(credentials: Credentials, clientAddress: string): Promise<{ sessionId: string; expiresAt: number }> {
    const now = this.now();
    const { maxFailures, maxFailuresPerAddress, lockoutMs } = this.#o.signIn;
    // A user name is one per channel; an ICCID or an order number is one whatever the channel sent.
    const identity =
      credentials.method === 'account'
        ? `${credentials.channel}:account:${credentials.username.trim().toLowerCase()}`
        : credentials.method === 'iccid'
          ? `iccid:${digitsOnly(credentials.iccid)}`
          : `order:${credentials.orderNumber.trim().toLowerCase()}`;
    const keys = [`signin:${identity}`, `address:${clientAddress}`] as const;
    for (const key of keys) {
      const until = await this.repo.throttle.lockedUntil(key, now);
      if (until !== null) {
        const retryAfterSeconds = Math.max(1, Math.ceil((until - now) / 1000));
        throw new HttpError(429, 'rate-limited', 'too many failed sign-ins: try again later', { retryAfterSeconds });
      }
    }

    // As in the demo: a renewal order's reference first, then the catalogue's order numbers.
    const match =
      (credentials.method === 'order' ? await this.repo.orders.findSignIn(credentials.orderNumber, credentials.email) : null) ??
      (await this.repo.accounts.findSignIn(credentials));
    const account = match ? await this.repo.accounts.get(match.accountId) : null;
    let failure: HttpError | null = null;
    if (credentials.method === 'account') {
      if (!match || !account) {
        await verifyPassword(credentials.password, await dummyHash(this.#o.scryptCost));
        failure = new HttpError(401, 'invalid-credentials', 'wrong user name or password');
      } else if (account.locked) {
        throw new HttpError(403, 'locked', 'the account is locked');
      } else if (match.passwordHash !== null && !(await verifyPassword(credentials.password, match.passwordHash))) {
        failure = new HttpError(401, 'invalid-credentials', 'wrong user name or password');
      }
    } else if (!match || !account) {
      failure = notFound('no eSIM with these details');
    } else if (account.locked) {
      throw new HttpError(403, 'locked', 'the account is locked');
    }
    if (failure) {
      await this.repo.throttle.fail(keys[0], now, maxFailures, lockoutMs);
      await this.repo.throttle.fail(keys[1], now, maxFailuresPerAddress, lockoutMs);
      throw failure;
    }

    for (const key of keys) await this.repo.throttle.clear(key);
    const sessionId = randomBytes(32).toString('base64url');
    const expiresAt = now + this.#o.sessionTtlMs;
    await this.repo.sessions.deleteExpired(now);
    await this.repo.sessions.create({ idHash: hashSessionId(sessionId), accountId: account!.id, createdAt: now, expiresAt });
    return { sessionId, expiresAt };
  }

  /** The session behind a cookie value; 401 `session-expired` when there is none or it ran out. */
  async context(sessionId: string | undefined): Promise<Context> {
    const expired = new HttpError(401, 'session-expired', 'sign in again');
    if (!sessionId || sessionId.length > 200) throw expired;
    const session = await this.repo.sessions.get(hashSessionId(sessionId));
    if (!session) throw expired;
    if (session.expiresAt <= this.now()) {
      await this.repo.sessions.delete(session.idHash);
      throw expired;
    }
    const account = await this.repo.accounts.get(session.accountId);
    if (!account) throw expired;
    return { session, account };
  }

  async signOut(sessionId: string | undefined): Promise<void> {
    if (sessionId && sessionId.length <= 200) await this.repo.sessions.delete(hashSessionId(sessionId));
  }

  // -------------------------------------------------------------------------------------------
  // Account, plans, orders
  // -------------------------------------------------------------------------------------------

  /** As the demo reads it: the catalogue account at sign-in, its expiry moved once a bought plan went live. */
  accountStatus(ctx: Context): AccountStatus {
    const a = ctx.account;
    const demo: DemoAccount = {
      accountId: a.id,
      channel: a.channel,
      shows: '',
      signIns: [],
      locked: a.locked,
      planName: a.planName,
      expiresInDays: a.expiresInDays,
      dataLeftMb: a.dataLeftMb,
      ...(a.iccid ? { iccid: a.iccid } : {}),
      capabilities: a.capabilities,
    };
    const atSignIn = accountStatusOf(demo, ctx.session.createdAt);
    return { ...atSignIn, ...(a.expiresAt ? { expiresAt: a.expiresAt } : {}), asOf: new Date(this.now()).toISOString() };
  }

  plans(ctx: Context): readonly Plan[] {
    return PLANS_BY_CHANNEL[ctx.account.channel];
  }

  /** An open (unpaid) order for the same plan and quantity is returned again; ineligible accounts are refused. */
  async createOrder(ctx: Context, request: { planId: string; quantity: number }): Promise<{ order: Order; created: boolean }> {
    const account = this.accountStatus(ctx);
    const plan = this.plans(ctx).find((p) => p.id === request.planId);
    if (!plan) throw invalid('unknown plan');
    const eligibility = topUpEligibility(account);
    if (!eligibility.ok) throw invalid(`top-up not possible: ${eligibility.reason}`);

    const open = await this.repo.orders.findOpen(ctx.account.id, plan.id, request.quantity);
    if (open) return { order: orderOf(open), created: false };

    // Several of one plan run back to back: the days add up.
    const mode = account.capabilities.topUpMode;
    const effect = planEffect(mode, account, { ...plan, days: plan.days * request.quantity });
    const record: OrderRecord = {
      id: `ord_${randomId(20)}`,
      accountId: ctx.account.id,
      reference: `ESIM-${randomId(8, UPPER)}`,
      planId: plan.id,
      planName: plan.name,
      quantity: request.quantity,
      totalAmount: plan.price.amount * request.quantity,
      currency: plan.price.currency,
      newExpiresAt: effect.endsAt,
      // Only a queued plan waits: an extension is live at once, a stacked pack runs from purchase.
      startsAt: mode === 'queue' && Date.parse(effect.startsAt) > Date.parse(account.asOf) ? effect.startsAt : null,
      createdAt: this.now(),
      paidBy: null,
      paidAt: null,
      activationMode: null,
      activateAt: null,
      activatedAt: null,
    };
    await this.repo.orders.create(record);
    return { order: orderOf(record), created: true };
  }

  async orderDetail(ctx: Context, orderId: string): Promise<OrderDetail> {
    return this.#detail(await this.#order(ctx, orderId));
  }

  /**
   * "I already paid: check my order", as {@link orderDetail} answers it: the account's order with
   * this reference; for a reference that is none of its renewal orders (the eSIM's own order
   * number, which signs in too), or none, its most recently created order (from any of its
   * sessions). 404 before the account has one.
   */
  async lookupOrder(ctx: Context, reference: string | undefined): Promise<OrderDetail> {
    const record = (reference ? await this.repo.orders.byReference(ctx.account.id, reference) : null) ?? (await this.repo.orders.latestFor(ctx.account.id));
    if (!record) throw notFound('no order yet');
    return this.#detail(record);
  }

  /** An order with its latest payment (null before one) and its activation. */
  async #detail(record: OrderRecord): Promise<OrderDetail> {
    const payment = await this.repo.payments.latestFor(record.id);
    return {
      order: orderOf(record),
      payment: payment ? await this.#current(payment) : null,
      activation: record.paidBy ? await this.#activation(record, false) : { state: 'pending' },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Payments
  // -------------------------------------------------------------------------------------------

  /**
   * The first answer per idempotency key (within the account and route) is stored and replayed
   * for the same request; another request under the key is 409 `conflict`. A concurrent request
   * with the key waits for the first to finish, then gets its answer: one charge. 5xx answers are
   * not stored, so a retry after a server fault runs again.
   */
  async idempotent(
    ctx: Context,
    route: string,
    key: string,
    request: unknown,
    work: () => Promise<StoredResponse>,
    /** Runs before answering `conflict`: may throw a truer error (a paid order is `already-paid`). */
    beforeConflict?: () => Promise<void>,
  ): Promise<StoredResponse> {
    const scope = `${ctx.account.id} ${route}`;
    const hash = createHash('sha256').update(stableJson(request)).digest('base64url');
    const deadline = performance.now() + IN_PROGRESS_WAIT_MS;
    for (;;) {
      const claim = await this.repo.idempotency.claim(scope, key, hash, this.now());
      if (claim.state === 'replay') return claim.response;
      if (claim.state === 'conflict') {
        await beforeConflict?.();
        throw new HttpError(409, 'conflict', 'this Idempotency-Key was used for another request');
      }
      if (claim.state === 'in-progress') {
        if (performance.now() > deadline) throw new HttpError(409, 'conflict', 'a request with this Idempotency-Key is still in progress');
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      let response: StoredResponse;
      try {
        response = await work();
      } catch (error) {
        if (!(error instanceof HttpError) || error.status >= 500) {
          await this.repo.idempotency.release(scope, key);
          throw error;
        }
        response = { status: error.status, body: error.body };
      }
      await this.repo.idempotency.complete(scope, key, response);
      return response;
    }
  }

  /** Takes a payment. Card outcomes come from the processor's token; PayPal asks for approval; konbini gives a voucher. */
  /**
   * A second tab (or a reload) paying an order another attempt already paid, under a key that
   * attempt used: the truth is that the order is paid, whatever the key.
   */
  async refuseIfPaid(ctx: Context, orderId: string): Promise<void> {
    if ((await this.#order(ctx, orderId)).paidBy) throw alreadyPaid();
  }

  async pay(ctx: Context, orderId: string, request: { method: PaymentMethod; cardToken?: string }): Promise<StoredResponse> {
    const order = await this.#order(ctx, orderId);
    if (order.paidBy) throw alreadyPaid();
    if (!ctx.account.capabilities.paymentMethods.includes(request.method)) throw invalid('payment method not offered');

    const now = this.now();
    const id = `pay_${randomId(20)}`;
    const base = {
      id,
      orderId: order.id,
      accountId: ctx.account.id,
      method: request.method,
      action: null,
      declineCode: null,
      cardBrand: null,
      cardLast4: null,
      voucherNumber: null,
      createdAt: now,
      charged: false,
      activation: this.#o.activation,
    } satisfies Omit<PaymentRecord, 'status'>;

    let record: PaymentRecord;
    let voucher: VoucherRecord | undefined;
    if (request.method === 'card') {
      if (!request.cardToken) throw invalid('a card payment needs a cardToken');
      const card = verifyToken(this.#o.secret, request.cardToken, now);
      if (!card) throw invalid('unknown or expired card token');
      const summary = { cardBrand: card.brand, cardLast4: card.last4 };
      record =
        card.behaviour === 'succeed'
          ? { ...base, ...summary, status: 'succeeded' }
          : card.behaviour === 'authenticate'
            ? { ...base, ...summary, status: 'requires-action', action: 'authenticate' }
            : { ...base, ...summary, status: 'declined', declineCode: card.behaviour };
    } else if (request.method === 'paypal') {
      record = { ...base, status: 'requires-action', action: 'paypal-approval' };
    } else {
      const number = randomDigits(12);
      voucher = {
        number,
        paymentId: id,
        payBy: new Date(now + VOUCHER_DAYS * DAY).toISOString(),
        totalAmount: order.totalAmount,
        currency: order.currency,
        paidAt: null,
      };
      record = { ...base, status: 'pending-cash', voucherNumber: number };
    }
    // Recorded unsettled; `settle` is the one place an order is charged.
    await this.repo.payments.create(record.status === 'succeeded' ? { ...record, status: 'requires-action' } : record, voucher);
    if (record.status === 'succeeded' && (await this.repo.payments.settle(id, now)) === 'lost') throw alreadyPaid();
    if (record.status === 'declined') throw declined(id, record.declineCode!);
    return { status: 200, body: outcomeOf(record, voucher) };
  }

  /** Approval completes the payment; refusal declines it (402). Asking again answers the settled outcome. */
  async authenticate(ctx: Context, paymentId: string, approved: boolean): Promise<StoredResponse> {
    const payment = await this.#payment(ctx, paymentId);
    if (payment.status !== 'requires-action') return responseOf(await this.#current(payment));
    if (!approved) {
      await this.repo.payments.update(paymentId, 'declined', 'authentication_failed');
      throw declined(paymentId, 'authentication_failed');
    }
    const order = await this.repo.orders.get(payment.orderId);
    if (order?.paidBy && order.paidBy !== paymentId) throw alreadyPaid();
    if ((await this.repo.payments.settle(paymentId, this.now())) === 'lost') throw alreadyPaid();
    return { status: 200, body: { status: 'succeeded', paymentId } };
  }

  /** The payment's outcome now: a konbini voucher is paid by the shop (CLI or admin), or lapses after its pay-by time. */
  async paymentStatus(ctx: Context, paymentId: string): Promise<PaymentOutcome> {
    return this.#current(await this.#payment(ctx, paymentId));
  }

  /** Pays a konbini voucher, as the shop's till would: the CLI's `pay-voucher` and the admin endpoint. */
  async payVoucher(number: string): Promise<{ paymentId: string; result: 'paid' | 'already-paid' | 'order-paid-otherwise' }> {
    const voucher = await this.repo.vouchers.get(number);
    if (!voucher) throw notFound(`no voucher ${number}`);
    if (voucher.paidAt === null && Date.parse(voucher.payBy) < this.now())
      throw new HttpError(422, 'invalid-input', `voucher ${number} lapsed at ${voucher.payBy}`);
    if (voucher.paidAt !== null) return { paymentId: voucher.paymentId, result: 'already-paid' };
    const settlement = await this.repo.vouchers.pay(number, this.now());
    return { paymentId: voucher.paymentId, result: settlement === 'lost' ? 'order-paid-otherwise' : 'paid' };
  }

  // -------------------------------------------------------------------------------------------
  // Activation, support, processor
  // -------------------------------------------------------------------------------------------

  /** Follows the schedule fixed at payment; a `never` plan goes live on a recheck, as in the demo. */
  async activation(ctx: Context, orderId: string, recheck: boolean): Promise<ActivationStatus> {
    const order = await this.#order(ctx, orderId);
    if (!order.paidBy) throw notFound('the order is not paid');
    return this.#activation(order, recheck);
  }

  async support(ctx: Context | null, request: SupportRequest): Promise<{ ticketId: string }> {
    const ticketId = `SUP-${randomId(8, UPPER)}`;
    await this.repo.tickets.create({
      id: ticketId,
      accountId: ctx?.account.id ?? null,
      orderReference: request.orderReference ? maskCardNumbers(request.orderReference) : null,
      iccid: request.iccid ? maskCardNumbers(request.iccid) : null,
      triedChecks: request.triedChecks.map(maskCardNumbers),
      message: maskCardNumbers(request.message),
      createdAt: this.now(),
    });
    return { ticketId };
  }

  tokenize(card: { number: string; expiry: string; cvc: string }): { token: string; brand: string; last4: string } {
    const result = tokenize(this.#o.secret, card, this.now());
    if (!result.ok) throw invalid('card details are not valid');
    return { token: result.token, brand: result.brand, last4: result.last4 };
  }

  // -------------------------------------------------------------------------------------------

  async #order(ctx: Context, orderId: string): Promise<OrderRecord> {
    const order = await this.repo.orders.get(orderId);
    if (!order || order.accountId !== ctx.account.id) throw notFound('unknown order');
    return order;
  }

  async #payment(ctx: Context, paymentId: string): Promise<PaymentRecord> {
    const payment = await this.repo.payments.get(paymentId);
    if (!payment || payment.accountId !== ctx.account.id) throw notFound('unknown payment');
    return payment;
  }

  /** The stored outcome, with a lapsed voucher declined on the way, and a demo voucher paid when its time has come. */
  async #current(payment: PaymentRecord): Promise<PaymentOutcome> {
    if (payment.status !== 'pending-cash') return outcomeOf(payment);
    const autoPayMs = this.#o.voucherAutoPayMs ?? null;
    if (autoPayMs !== null && this.now() >= payment.createdAt + autoPayMs) {
      const settlement = await this.payVoucher(payment.voucherNumber!).catch((error: unknown) => {
        // A lapsed voucher is declined below, like any other.
        if (error instanceof HttpError && error.status === 422) return null;
        throw error;
      });
      const settled = settlement ? (await this.repo.payments.get(payment.id))! : payment;
      if (settled.status !== 'pending-cash') return outcomeOf(settled);
    }
    const voucher = (await this.repo.vouchers.get(payment.voucherNumber!))!;
    if (voucher.paidAt === null && Date.parse(voucher.payBy) < this.now()) {
      await this.repo.payments.update(payment.id, 'declined', 'voucher_expired');
      return { status: 'declined', paymentId: payment.id, declineCode: 'voucher_expired' };
    }
    return outcomeOf(payment, voucher);
  }

  async #activation(order: OrderRecord, recheck: boolean): Promise<ActivationStatus> {
    const now = this.now();
    if (order.activationMode === 'failed') return { state: 'failed' };
    if (order.activatedAt !== null) return { state: 'active', expiresAt: order.newExpiresAt };
    let activateAt = order.activateAt;
    if (activateAt === null && recheck && order.activationMode === 'never') {
      await this.repo.orders.schedule(order.id, now);
      activateAt = now;
    }
    if (activateAt === null || now < activateAt) return { state: 'pending' };
    const live = await this.repo.orders.activate(order.id, now);
    return { state: 'active', expiresAt: live.newExpiresAt };
  }
}

// ---------------------------------------------------------------------------------------------

export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('base64url');

function orderOf(r: OrderRecord): Order {
  return {
    orderId: r.id,
    reference: r.reference,
    planId: r.planId,
    planName: r.planName,
    quantity: r.quantity,
    total: { amount: r.totalAmount, currency: r.currency },
    newExpiresAt: r.newExpiresAt,
    ...(r.startsAt ? { startsAt: r.startsAt } : {}),
  };
}

function outcomeOf(p: PaymentRecord, voucher?: VoucherRecord): PaymentOutcome {
  switch (p.status) {
    case 'succeeded':
    case 'failed':
      return { status: p.status, paymentId: p.id };
    case 'requires-action':
      return { status: 'requires-action', paymentId: p.id, action: p.action ?? 'authenticate' };
    case 'declined':
      return { status: 'declined', paymentId: p.id, declineCode: p.declineCode ?? 'card_declined' };
    case 'pending-cash':
      return {
        status: 'pending-cash',
        paymentId: p.id,
        voucher: { number: voucher!.number, payBy: voucher!.payBy, total: { amount: voucher!.totalAmount, currency: voucher!.currency } },
      };
  }
}

/** A POST's answer for an outcome: a decline is 402 with the error shape, the rest 200. */
function responseOf(outcome: PaymentOutcome): StoredResponse {
  if (outcome.status === 'declined') return { status: 402, body: declined(outcome.paymentId, outcome.declineCode).body };
  return { status: 200, body: outcome };
}

/** A card number typed into a support message is masked before it is stored: 13–19 digits (spaces or dashes between) passing Luhn. */
export function maskCardNumbers(text: string): string {
  return text.replace(/(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g, (run) => (luhnValid(digitsOnly(run)) ? `[card number removed]` : run));
}

/** JSON with sorted keys: the same request hashes the same whatever its key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomId(length: number, alphabet = LOWER): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
const randomDigits = (length: number) => randomId(length, '0123456789');
