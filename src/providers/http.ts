/**
 * The provider over HTTP: speaks the contract in docs/http-contract.md (OpenAPI:
 * server/openapi.json) to the site's own backend, whose payment and eSIM-partner secrets never
 * reach the browser.
 *
 * - Every call takes the wizard's AbortSignal and has its own timeout.
 * - GETs, and POSTs that carry an idempotency key, are retried on network errors, timeouts,
 *   429 and 5xx with exponential back-off and jitter; `Retry-After` is honoured.
 * - Every status maps to a typed `ProviderError` the wizard already has a message for, and
 *   every body is shape-checked: a malformed answer is `malformed-response`, never a crash.
 * - The session is an HttpOnly cookie the page cannot read; state-changing requests carry the
 *   CSRF header. Card data goes only to the processor's tokenization endpoint.
 */
import type { ActivationStatus, CardToken, Order, OrderStatus, PaymentOutcome, Plan, SupportTicket, AccountStatus } from '../domain/types.js';
import { DECLINE_CODES, type ErrorCode } from '../domain/codes.js';
import { API_ROUTES, PROCESSOR_PREFIX, routePath, type RouteId, type RouteParams } from '../domain/api-routes.js';
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
import { anySignal } from './abort.js';
import { ProviderError } from './errors.js';
import * as v from './http-validate.js';

export interface HttpProviderOptions {
  /** The API's base URL, e.g. `https://shop.example/api` (the `/v1/...` paths are under it). */
  readonly apiBase: string;
  /** The payment processor's base, the tokens endpoint (`/tokens`) under it; default `<apiBase>/processor/v1`. */
  readonly processorBase?: string;
  /** Per-attempt timeout in ms (default 15 000). */
  readonly timeoutMs?: number;
  /** Attempts after the first, for retryable requests (default 3). */
  readonly retries?: number;
  /**
   * The first back-off in ms (default 400); it doubles each time, with ±50% jitter, up to 8 s.
   * A `Retry-After` replaces it; one longer than 8 s is not waited for here: the call fails with
   * the error, its `retryAfterMs` set, and the wizard says so.
   */
  readonly backoffMs?: number;
  readonly name?: string;
  readonly links?: Partial<ProviderInfo['links']>;
  /** The backend is a demo server (the reference server's `--demo`): the wizard says no real payment is made. */
  readonly demo?: boolean;
  /** Injected in tests. */
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
}

/** The session is the cookie: the page holds only this marker that one exists. */
const COOKIE_SESSION: Session = { id: 'cookie' };

/** The longest the provider waits between two attempts. */
const MAX_WAIT_MS = 8_000;

const STATUS_CODES: Record<number, ErrorCode> = { 400: 'invalid-input', 404: 'not-found', 422: 'invalid-input', 429: 'rate-limited' };

interface RequestOptions {
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  /** Another base URL than the API's (the site's own payment processor). */
  readonly base?: string;
  /** The query string, without its `?`. */
  readonly query?: string;
  /** A 402 answer is a payment outcome (declined), not an error. */
  readonly declineIsOutcome?: boolean;
}

export class HttpProvider implements Provider {
  readonly info: ProviderInfo;
  readonly #o: Required<Pick<HttpProviderOptions, 'timeoutMs' | 'retries' | 'backoffMs'>> & HttpProviderOptions;
  readonly #base: string;
  /** Makes this provider's order keys its own. */
  readonly #nonce = Math.random().toString(36).slice(2, 10);
  #orders = 0;

  constructor(options: HttpProviderOptions) {
    this.#o = { timeoutMs: 15_000, retries: 3, backoffMs: 400, ...options };
    this.#base = options.apiBase.replace(/\/+$/, '');
    this.info = {
      name: options.name ?? 'eSIM',
      demo: options.demo ?? false,
      ...(options.demo ? { demoServer: true } : {}),
      links: { buyNew: '', terms: '', support: '', ...options.links },
    };
  }

  /** The cookie outlives the page: whether it is still good is the server's to say. */
  restoreSession(): Session {
    return COOKIE_SESSION;
  }

  async identify(credentials: Credentials, signal: AbortSignal): Promise<Session> {
    await this.#request('signIn', [], signal, { body: credentials });
    return COOKIE_SESSION;
  }

  async accountStatus(_s: Session, signal: AbortSignal): Promise<AccountStatus> {
    return v.accountStatus(await this.#request('account', [], signal));
  }

  async plans(_s: Session, signal: AbortSignal): Promise<readonly Plan[]> {
    return v.plans(await this.#request('plans', [], signal));
  }

  async createOrder(_s: Session, request: OrderRequest, signal: AbortSignal): Promise<Order> {
    // One key per order this provider asks for: its retries reuse it; the next order (the same
    // plan bought again later) gets a new one, so a backend that stores keys never replays an old order.
    const key = `order:${this.#nonce}:${this.#orders}:${request.planId}:${request.quantity}`;
    const order = v.order(await this.#request('createOrder', [], signal, { body: request, idempotencyKey: key }));
    this.#orders++;
    return order;
  }

  async tokenizeCard(card: CardInput, signal: AbortSignal): Promise<CardToken> {
    // To the processor, never to the merchant API. Not retried: a token is cheap to ask again.
    const base = this.#o.processorBase?.replace(/\/+$/, '');
    return v.cardToken(await this.#request('tokenize', [], signal, { body: card, ...(base ? { base } : {}) }));
  }

  async pay(_s: Session, request: PayRequest, signal: AbortSignal): Promise<PaymentOutcome> {
    const body = { method: request.method, ...(request.cardToken ? { cardToken: request.cardToken } : {}) };
    return v.paymentOutcome(
      await this.#request('pay', [{ orderId: request.orderId }], signal, {
        body,
        idempotencyKey: request.idempotencyKey,
        declineIsOutcome: true,
      }),
    );
  }

  async authenticatePayment(_s: Session, request: AuthenticateRequest, signal: AbortSignal): Promise<PaymentOutcome> {
    return v.paymentOutcome(
      await this.#request('authenticate', [{ paymentId: request.paymentId }], signal, {
        body: { approved: request.approved },
        idempotencyKey: `auth:${request.paymentId}:${request.approved}`,
        declineIsOutcome: true,
      }),
    );
  }

  async paymentStatus(_s: Session, paymentId: string, signal: AbortSignal): Promise<PaymentOutcome> {
    return v.paymentOutcome(await this.#request('payment', [{ paymentId }], signal, { declineIsOutcome: true }));
  }

  async activationStatus(_s: Session, request: ActivationRequest, signal: AbortSignal): Promise<ActivationStatus> {
    return v.activationStatus(await this.#request('activation', [{ orderId: request.orderId }], signal, { query: `recheck=${request.recheck}` }));
  }

  async orderStatus(_s: Session, request: { orderId: string }, signal: AbortSignal): Promise<OrderStatus> {
    return v.orderStatus(await this.#request('order', [{ orderId: request.orderId }], signal, { declineIsOutcome: true }));
  }

  async lookupOrder(_s: Session, request: { readonly reference: string | null }, signal: AbortSignal): Promise<OrderStatus | null> {
    try {
      const query = request.reference ? `reference=${encodeURIComponent(request.reference.trim())}` : undefined;
      return v.orderStatus(await this.#request('lookupOrder', [], signal, query ? { query } : {}));
    } catch (error) {
      if (error instanceof ProviderError && error.code === 'not-found') return null;
      throw error;
    }
  }

  async supportRequest(_s: Session | null, request: SupportRequest, signal: AbortSignal): Promise<SupportTicket> {
    return v.ticket(await this.#request('support', [], signal, { body: request }));
  }

  /** One call of a route (domain/api-routes.ts) with its retries: the JSON body of a successful answer. */
  async #request<R extends RouteId>(route: R, params: RouteParams<R>, signal: AbortSignal, o: RequestOptions = {}): Promise<unknown> {
    const { method } = API_ROUTES[route];
    let path = routePath(route, ...params) + (o.query ? `?${o.query}` : '');
    // A processor of the site's own (`processorBase`) has the processor's routes at its root.
    if (o.base && path.startsWith(PROCESSOR_PREFIX)) path = path.slice(PROCESSOR_PREFIX.length);
    const retryable = method === 'GET' || o.idempotencyKey !== undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(method, path, signal, o);
      } catch (error) {
        const e = error as ProviderError;
        if (signal.aborted || !retryable || !(e instanceof ProviderError) || !e.retryable || attempt >= this.#o.retries) throw error;
        // A long Retry-After is the wizard's to show, not a spinner's to sit through.
        if (e.retryAfterMs !== undefined && e.retryAfterMs > MAX_WAIT_MS) throw error;
        await sleep(e.retryAfterMs ?? this.#backoff(attempt), signal);
      }
    }
  }

  #backoff(attempt: number): number {
    const jitter = 0.5 + (this.#o.random ?? Math.random)();
    return Math.min(this.#o.backoffMs * 2 ** attempt * jitter, MAX_WAIT_MS);
  }

  async #attempt(method: string, path: string, signal: AbortSignal, o: RequestOptions): Promise<unknown> {
    signal.throwIfAborted();
    const timeout = AbortSignal.timeout(this.#o.timeoutMs);
    const either = anySignal([signal, timeout]);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    // A custom header a cross-site form cannot send: the server's CSRF check.
    if (method !== 'GET') headers['x-esim-csrf'] = '1';
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    let response: Response;
    let text: string;
    try {
      // The timeout and the caller's abort hold for the body too, and even for a `fetch` that ignores its signal.
      response = await abortable(
        (this.#o.fetch ?? fetch)(`${o.base ?? this.#base}${path}`, {
          method,
          headers,
          credentials: 'include',
          ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
          signal: either,
        }),
        either,
      );
      text = await abortable(response.text(), either);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (timeout.aborted) throw new ProviderError('timeout', { cause: error });
      throw new ProviderError('network', { cause: error });
    }
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch (error) {
        if (response.ok) throw new ProviderError('malformed-response', { cause: error });
      }
    } else if (response.ok && response.status !== 204) {
      throw new ProviderError('malformed-response', { message: 'empty body' });
    }
    if (response.ok) return body;
    // A declined payment is an outcome the wizard shows, not a failure of the call.
    const e = v.errorBody(body);
    if (response.status === 402 && o.declineIsOutcome && e?.paymentId) {
      const declineCode = (DECLINE_CODES as readonly string[]).includes(e.declineCode ?? '') ? e.declineCode : 'card_declined';
      return { status: 'declined', paymentId: e.paymentId, declineCode };
    }
    throw this.#error(response, e);
  }

  /** Maps a failed answer to the error the wizard shows. */
  #error(response: Response, e: ReturnType<typeof v.errorBody>): ProviderError {
    const status = response.status;
    const retryAfterMs = retryAfter(response.headers.get('retry-after'));
    const known = (codes: readonly ErrorCode[], fallback: ErrorCode): ErrorCode =>
      (codes as readonly string[]).includes(e?.code ?? '') ? (e!.code as ErrorCode) : fallback;
    const code: ErrorCode =
      status === 401
        ? known(['invalid-credentials', 'session-expired'], 'session-expired')
        : status === 403
          ? known(['locked'], 'server')
          : status === 409
            ? known(['conflict', 'already-paid'], 'conflict')
            : status >= 500
              ? 'server'
              : (STATUS_CODES[status] ?? 'unknown');
    return new ProviderError(code, {
      retryable: status === 429 || status >= 500,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      message: `HTTP ${status}`,
    });
  }
}

/** `Retry-After` as seconds or an HTTP date, in ms. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => (clearTimeout(t), reject(signal.reason));
    const t = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** `promise`, or the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}
