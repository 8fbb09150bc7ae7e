/**
 * The HttpProvider (src/providers/http.ts) against a scripted `fetch`, in Node, with no server:
 * every status mapped to its typed error, every response shape checked, timeouts and aborts,
 * retries and their back-off, and what each request carries. The provider against the real
 * reference server is test/server/http-provider.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credentials, PayRequest, Session } from '../../src/providers/contract.js';
import { ProviderError } from '../../src/providers/errors.js';
import { HttpProvider, type HttpProviderOptions } from '../../src/providers/http.js';
import { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';
import { withoutAbortSignal } from './without-abort-signal.js';

const BASE = 'https://shop.test/api';
const S: Session = { id: 'cookie' };
const SIGN_IN: Credentials = { method: 'account', channel: 'online', username: 'demo@example.com', password: DEMO_PASSWORD };
const CARD = { number: '4242 4242 4242 4242', expiry: '12/34', cvc: '737' };

// ─── The scripted fetch ──────────────────────────────────────────────────────────────────────

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly credentials: RequestCredentials | undefined;
  readonly text: string | undefined;
  readonly body: any;
  readonly signal: AbortSignal;
  /** Date.now() when the call was made (fake under fake timers). */
  readonly at: number;
}

/** A response, an error to reject with, or a function of the call giving either (or a promise of one). */
type Reply = Response | Error | ((call: Call) => Response | Promise<Response>);

/** A `fetch` that answers each call with the next reply, and records the calls. */
function scripted(...replies: Reply[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const text = init?.body as string | undefined;
    const call: Call = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      credentials: init?.credentials,
      text,
      body: text === undefined ? undefined : JSON.parse(text),
      signal: init!.signal!,
      at: Date.now(),
    };
    calls.push(call);
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected call ${call.method} ${call.url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply(call) : reply;
  };
  return { fetch: fake, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const raw = (status: number, text: string | null, headers: Record<string, string> = {}) => new Response(text, { status, headers });
const problem = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json(status, { code, message: code, retryable: status === 429 || status >= 500, ...extra }, headers);

/** A fetch that, like the real one, rejects with the signal's reason once it aborts, and never answers before. */
const hangs = (call: Call) =>
  new Promise<Response>((_resolve, reject) => {
    if (call.signal.aborted) reject(call.signal.reason);
    call.signal.addEventListener('abort', () => reject(call.signal.reason), { once: true });
  });

/** A fetch that never answers and ignores its signal. */
const ignores = () => new Promise<Response>(() => {});

/** A 200 whose headers came, and whose body never ends; it errors when the signal aborts, as a real body does. */
const stalledBody = (call: Call) =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"accountId":'));
        call.signal.addEventListener('abort', () => controller.error(call.signal.reason), { once: true });
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );

function provider(f: { fetch: typeof fetch }, o: Partial<HttpProviderOptions> = {}): HttpProvider {
  return new HttpProvider({ apiBase: BASE, backoffMs: 1, random: () => 0.5, ...o, fetch: f.fetch });
}

const sig = () => new AbortController().signal;

/** The rejection of a promise, asserted to be a ProviderError. */
async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  const e = await p.then(
    (value) => expect.unreachable(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ProviderError);
  return e as ProviderError;
}

/** Paths in a value whose value is `undefined` (a key that is there with nothing in it). */
function undefinedPaths(v: unknown, at = '$'): string[] {
  if (v === undefined) return [at];
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => undefinedPaths(x, `${at}.${k}`));
}

/** Settles a promise while fake timers run: each timer as it comes due, real I/O in between. */
async function underFakeTimers<T>(p: Promise<T>): Promise<PromiseSettledResult<T>> {
  let settled: PromiseSettledResult<T> | undefined;
  void p.then(
    (value) => void (settled = { status: 'fulfilled', value }),
    (reason: unknown) => void (settled = { status: 'rejected', reason }),
  );
  for (let i = 0; i < 1000 && !settled; i++) {
    await new Promise((r) => setImmediate(r));
    if (!settled) await vi.advanceTimersToNextTimerAsync();
  }
  if (!settled) throw new Error('never settled');
  return settled;
}

const gaps = (calls: readonly Call[]) => calls.slice(1).map((c, i) => c.at - calls[i]!.at);

afterEach(() => {
  vi.useRealTimers();
});

// ─── Valid bodies ────────────────────────────────────────────────────────────────────────────

const ACCOUNT = {
  accountId: 'acct-1',
  channel: 'online',
  iccid: '8981100000000000000',
  planName: 'Japan 7 days',
  expiresAt: '2026-12-01T00:00:00.000Z',
  dataLeftMb: 512.5,
  asOf: '2026-11-26T03:00:00.000Z',
  capabilities: {
    rechargeable: true,
    topUpWindow: { daysBeforeExpiry: 30, graceDaysAfterExpiry: 0, inJapanOnly: false },
    topUpMode: 'extend',
    validityStarts: 'install',
    paymentMethods: ['card', 'paypal', 'konbini'],
    identifyMethods: ['account', 'iccid'],
    links: {
      register: 'https://shop.test/r',
      resetPassword: 'https://shop.test/p',
      buyNew: 'https://shop.test/b',
      terms: 'https://shop.test/t',
      support: 'https://shop.test/s',
    },
  },
};
const PLAN = { id: 'online-7d-3gb', name: '7 days · 3 GB', dataMb: 3072, days: 7, price: { amount: 1480, currency: 'JPY' }, throttle: '128 kbps' };
const ORDER = {
  orderId: 'ord_1',
  reference: 'R-1001',
  planId: 'online-7d-3gb',
  planName: '7 days · 3 GB',
  quantity: 1,
  total: { amount: 1480, currency: 'JPY' },
  newExpiresAt: '2026-12-08T00:00:00.000Z',
  startsAt: '2026-12-01T00:00:00.000Z',
};
const TOKEN = { token: 'tok_abc', brand: 'visa', last4: '4242' };
const VOUCHER = { number: '1234-5678', payBy: '2026-11-29T00:00:00.000Z', total: { amount: 1480, currency: 'JPY' } };

interface Shape {
  readonly name: string;
  readonly body: Record<string, unknown>;
  /** What the provider should resolve with for `body`. */
  readonly expected: (body: any) => unknown;
  readonly call: (p: HttpProvider) => Promise<unknown>;
  /** Keys that may be left out (or null). */
  readonly optional: readonly string[];
  /** Leaves that may be null. */
  readonly nullable: readonly string[];
  readonly enums: readonly string[];
  readonly instants: readonly string[];
}

const payment = (name: string, body: Record<string, unknown>, enums: string[] = [], instants: string[] = []): Shape => ({
  name: `payment (${name})`,
  body,
  expected: (b) => b,
  call: (p) => p.paymentStatus(S, 'pay_1', sig()),
  optional: [],
  nullable: [],
  enums: ['status', ...enums],
  instants,
});

const SHAPES: readonly Shape[] = [
  {
    name: 'account',
    body: ACCOUNT,
    expected: (b) => b,
    call: (p) => p.accountStatus(S, sig()),
    optional: ['iccid', 'capabilities.links.register', 'capabilities.links.resetPassword'],
    nullable: ['dataLeftMb', 'capabilities.topUpWindow.daysBeforeExpiry'],
    enums: ['channel', 'capabilities.topUpMode', 'capabilities.validityStarts', 'capabilities.paymentMethods.0', 'capabilities.identifyMethods.1'],
    instants: ['expiresAt', 'asOf'],
  },
  {
    name: 'plans',
    body: { plans: [PLAN, { ...PLAN, id: 'online-30d-unlimited', dataMb: null, throttle: undefined }] },
    expected: (b) => b.plans.map((p: Record<string, unknown>) => JSON.parse(JSON.stringify(p))),
    call: (p) => p.plans(S, sig()),
    optional: ['plans.0.throttle'],
    nullable: ['plans.0.dataMb', 'plans.1.dataMb'],
    enums: [],
    instants: [],
  },
  {
    name: 'order',
    body: ORDER,
    expected: (b) => b,
    call: (p) => p.createOrder(S, { planId: 'online-7d-3gb', quantity: 1 }, sig()),
    optional: ['startsAt'],
    nullable: [],
    enums: [],
    instants: ['newExpiresAt', 'startsAt'],
  },
  {
    name: 'card token',
    body: TOKEN,
    expected: (b) => b,
    call: (p) => p.tokenizeCard(CARD, sig()),
    optional: [],
    nullable: [],
    enums: [],
    instants: [],
  },
  payment('succeeded', { status: 'succeeded', paymentId: 'pay_1' }),
  payment('failed', { status: 'failed', paymentId: 'pay_1' }),
  payment('requires-action', { status: 'requires-action', paymentId: 'pay_1', action: 'authenticate' }, ['action']),
  payment('pending-cash', { status: 'pending-cash', paymentId: 'pay_1', voucher: VOUCHER }, [], ['voucher.payBy']),
  payment('declined', { status: 'declined', paymentId: 'pay_1', declineCode: 'expired_card' }, ['declineCode']),
  {
    name: 'activation',
    body: { state: 'active', expiresAt: '2026-12-08T00:00:00.000Z' },
    expected: (b) => b,
    call: (p) => p.activationStatus(S, { orderId: 'ord_1', recheck: false }, sig()),
    optional: ['expiresAt'],
    nullable: [],
    enums: ['state'],
    instants: ['expiresAt'],
  },
  {
    name: 'support ticket',
    body: { ticketId: 'SUP-1' },
    expected: (b) => b,
    call: (p) => p.supportRequest(S, { triedChecks: [], message: 'help' }, sig()),
    optional: [],
    nullable: [],
    enums: [],
    instants: [],
  },
];

type Path = readonly (string | number)[];
const key = (path: Path) => path.join('.');

/** Every leaf (string, number, boolean, null) and every container below the root, with its path. */
function nodes(v: unknown, path: Path = []): { path: Path; value: unknown; leaf: boolean }[] {
  if (v !== null && typeof v === 'object') {
    const here = path.length ? [{ path, value: v, leaf: false }] : [];
    return [...here, ...Object.entries(v).flatMap(([k, x]) => (x === undefined ? [] : nodes(x, [...path, Array.isArray(v) ? Number(k) : k])))];
  }
  return [{ path, value: v, leaf: true }];
}

function mutate(body: unknown, path: Path, change: { set: unknown } | 'delete'): unknown {
  const copy = structuredClone(body) as any;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k];
  const last = path.at(-1)!;
  if (change === 'delete') delete parent[last];
  else parent[last] = change.set;
  return copy;
}

/** Malformed variants of a valid body: each must be `malformed-response`. */
function malformedVariants(shape: Shape): { what: string; text: string }[] {
  const out: { what: string; text: string }[] = [];
  const add = (what: string, value: unknown) => out.push({ what, text: JSON.stringify(value) });
  for (const { path, value, leaf } of nodes(shape.body)) {
    const k = key(path);
    const optional = shape.optional.includes(k);
    if (!leaf) {
      add(`${k}: a string instead of ${Array.isArray(value) ? 'an array' : 'an object'}`, mutate(shape.body, path, { set: 'x' }));
      add(`${k}: ${Array.isArray(value) ? 'an object' : 'an array'}`, mutate(shape.body, path, { set: Array.isArray(value) ? {} : [] }));
      if (!optional && typeof path.at(-1) === 'string') add(`${k} missing`, mutate(shape.body, path, 'delete'));
      continue;
    }
    if (!optional && typeof path.at(-1) === 'string') add(`${k} missing`, mutate(shape.body, path, 'delete'));
    if (!optional && !shape.nullable.includes(k)) add(`${k}: null`, mutate(shape.body, path, { set: null }));
    switch (typeof value) {
      case 'string':
        add(`${k}: a number`, mutate(shape.body, path, { set: 42 }));
        add(`${k}: a boolean`, mutate(shape.body, path, { set: true }));
        add(`${k}: 10 001 characters`, mutate(shape.body, path, { set: 'x'.repeat(10_001) }));
        break;
      case 'number': {
        add(`${k}: a numeric string`, mutate(shape.body, path, { set: String(value) }));
        // NaN and Infinity as a server might write them: not JSON, or out of a double's range.
        out.push({ what: `${k}: NaN`, text: JSON.stringify(mutate(shape.body, path, { set: '§' })).replace('"§"', 'NaN') });
        out.push({ what: `${k}: 1e999`, text: JSON.stringify(mutate(shape.body, path, { set: '§' })).replace('"§"', '1e999') });
        break;
      }
      case 'boolean':
        add(`${k}: "true"`, mutate(shape.body, path, { set: 'true' }));
        add(`${k}: 1`, mutate(shape.body, path, { set: 1 }));
        break;
      default: // null (a nullable number)
        add(`${k}: a string`, mutate(shape.body, path, { set: 'x' }));
    }
    if (shape.enums.includes(k)) {
      add(`${k}: an unknown value`, mutate(shape.body, path, { set: 'bogus' }));
      add(`${k}: another case`, mutate(shape.body, path, { set: String(value).toUpperCase() }));
    }
    if (shape.instants.includes(k)) add(`${k}: not a date`, mutate(shape.body, path, { set: 'next Tuesday' }));
  }
  for (const root of [null, [], 'ok', 42, true]) add(`the body is ${JSON.stringify(root)}`, root);
  out.push({ what: 'truncated JSON', text: JSON.stringify(shape.body).slice(0, -3) });
  out.push({ what: 'HTML', text: '<!doctype html><title>Oops</title>' });
  return out;
}

// ─── Status mapping ──────────────────────────────────────────────────────────────────────────

describe('status → ProviderError', () => {
  const table: [label: string, response: () => Response, code: string, retryable: boolean][] = [
    ['400 invalid-input', () => problem(400, 'invalid-input'), 'invalid-input', false],
    ['400 with no body', () => raw(400, null), 'invalid-input', false],
    ['401 session-expired', () => problem(401, 'session-expired'), 'session-expired', false],
    ['401 with an unknown code', () => problem(401, 'nope'), 'session-expired', false],
    ['401 with an HTML body', () => raw(401, '<h1>Unauthorized</h1>', { 'content-type': 'text/html' }), 'session-expired', false],
    ['403 locked', () => problem(403, 'locked'), 'locked', false],
    ['403 csrf', () => problem(403, 'csrf'), 'server', false],
    ['403 with no body', () => raw(403, null), 'server', false],
    ['404 not-found', () => problem(404, 'not-found'), 'not-found', false],
    ['409 conflict', () => problem(409, 'conflict'), 'conflict', false],
    ['409 already-paid', () => problem(409, 'already-paid'), 'already-paid', false],
    ['409 with an unknown code', () => problem(409, 'what'), 'conflict', false],
    ['422 invalid-input', () => problem(422, 'invalid-input'), 'invalid-input', false],
    ['429 rate-limited', () => problem(429, 'rate-limited'), 'rate-limited', true],
    ['500 server', () => problem(500, 'server'), 'server', true],
    ['502 from a proxy, in HTML', () => raw(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' }), 'server', true],
    ['503 server', () => problem(503, 'server'), 'server', true],
    ['418, a status the contract does not have', () => raw(418, null), 'unknown', false],
  ];

  it.each(table)('%s → %s', async (_label, response, code, retryable) => {
    const f = scripted(response());
    const e = await providerError(provider(f, { retries: 0 }).accountStatus(S, sig()));
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
    expect(e.message).toMatch(/^HTTP \d{3}$/);
    expect(f.calls).toHaveLength(1);
  });

  it('401 invalid-credentials on sign-in', async () => {
    const f = scripted(problem(401, 'invalid-credentials'));
    const e = await providerError(provider(f).identify(SIGN_IN, sig()));
    expect(e).toMatchObject({ code: 'invalid-credentials', retryable: false });
  });

  it('a retryable status is retried on a GET, a final one is not', async () => {
    const retried = scripted(problem(500, 'server'), problem(502, 'server'), problem(503, 'server'), problem(429, 'rate-limited'), json(200, ACCOUNT));
    expect(await provider(retried, { retries: 4 }).accountStatus(S, sig())).toEqual(ACCOUNT);
    expect(retried.calls).toHaveLength(5);
    for (const [, response] of table.filter(([, , , r]) => !r)) {
      const f = scripted(response(), json(200, ACCOUNT));
      await providerError(provider(f, { retries: 3 }).accountStatus(S, sig()));
      expect(f.calls).toHaveLength(1);
    }
  });

  describe('Retry-After', () => {
    it('in seconds, on 429 and 503', async () => {
      const e429 = await providerError(provider(scripted(problem(429, 'rate-limited', {}, { 'retry-after': '7' })), { retries: 0 }).plans(S, sig()));
      expect(e429).toMatchObject({ code: 'rate-limited', retryable: true, retryAfterMs: 7000 });
      const e503 = await providerError(provider(scripted(problem(503, 'server', {}, { 'retry-after': '1' })), { retries: 0 }).plans(S, sig()));
      expect(e503).toMatchObject({ code: 'server', retryable: true, retryAfterMs: 1000 });
      const zero = await providerError(provider(scripted(problem(429, 'rate-limited', {}, { 'retry-after': '0' })), { retries: 0 }).plans(S, sig()));
      expect(zero.retryAfterMs).toBe(0);
    });

    it('as an HTTP date (a past one is 0; garbage is ignored)', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.parse('2026-11-26T03:00:00Z'));
      const at = (s: string) => provider(scripted(problem(429, 'rate-limited', {}, { 'retry-after': s })), { retries: 0 }).plans(S, sig());
      expect((await providerError(at('Thu, 26 Nov 2026 03:00:05 GMT'))).retryAfterMs).toBe(5000);
      expect((await providerError(at(new Date(Date.now() + 90_000).toUTCString()))).retryAfterMs).toBe(90_000);
      expect((await providerError(at('Wed, 25 Nov 2026 03:00:00 GMT'))).retryAfterMs).toBe(0);
      const garbage = await providerError(at('soon'));
      expect(garbage).toMatchObject({ code: 'rate-limited' });
      expect(garbage.retryAfterMs).toBeUndefined();
    });

    it('is absent when the header is', async () => {
      const e = await providerError(provider(scripted(problem(429, 'rate-limited')), { retries: 0 }).plans(S, sig()));
      expect(e.retryAfterMs).toBeUndefined();
      expect('retryAfterMs' in e && e.retryAfterMs !== undefined).toBe(false);
    });
  });

  describe('402', () => {
    const order = 'ord/1';
    const pay = (p: HttpProvider) => p.pay(S, { orderId: order, method: 'card', cardToken: 'tok_1', idempotencyKey: 'k1' }, sig());

    it('with a paymentId is a declined outcome, from pay, authenticatePayment and paymentStatus', async () => {
      const f = scripted(
        problem(402, 'declined', { declineCode: 'insufficient_funds', paymentId: 'pay_9' }),
        problem(402, 'declined', { declineCode: 'authentication_failed', paymentId: 'pay_9' }),
        problem(402, 'declined', { declineCode: 'voucher_expired', paymentId: 'pay_9' }),
      );
      const p = provider(f);
      expect(await pay(p)).toEqual({ status: 'declined', paymentId: 'pay_9', declineCode: 'insufficient_funds' });
      expect(await p.authenticatePayment(S, { paymentId: 'pay_9', approved: true }, sig())).toEqual({
        status: 'declined',
        paymentId: 'pay_9',
        declineCode: 'authentication_failed',
      });
      expect(await p.paymentStatus(S, 'pay_9', sig())).toEqual({ status: 'declined', paymentId: 'pay_9', declineCode: 'voucher_expired' });
      expect(f.calls).toHaveLength(3);
    });

    it('an unknown or missing decline code is card_declined', async () => {
      const f = scripted(problem(402, 'declined', { declineCode: 'stolen_card', paymentId: 'pay_9' }), problem(402, 'declined', { paymentId: 'pay_9' }));
      const p = provider(f);
      expect(await pay(p)).toEqual({ status: 'declined', paymentId: 'pay_9', declineCode: 'card_declined' });
      expect(await pay(p)).toEqual({ status: 'declined', paymentId: 'pay_9', declineCode: 'card_declined' });
    });

    it('without a paymentId (or an empty one) is an error, not retried', async () => {
      for (const extra of [{ declineCode: 'card_declined' }, { declineCode: 'card_declined', paymentId: '' }, { paymentId: 42 }]) {
        const f = scripted(problem(402, 'declined', extra), json(200, { status: 'succeeded', paymentId: 'pay_1' }));
        const e = await providerError(pay(provider(f)));
        expect(e).toMatchObject({ code: 'unknown', retryable: false });
        expect(f.calls).toHaveLength(1);
      }
      const bare = scripted(raw(402, null));
      expect(await providerError(pay(provider(bare)))).toMatchObject({ code: 'unknown', retryable: false });
    });

    it('on a call that is no payment is an error even with a paymentId', async () => {
      const f = scripted(problem(402, 'declined', { declineCode: 'card_declined', paymentId: 'pay_9' }));
      expect(await providerError(provider(f).createOrder(S, { planId: 'p', quantity: 1 }, sig()))).toMatchObject({ code: 'unknown', retryable: false });
    });

    it('a paymentId of 10 001 characters is malformed-response', async () => {
      const f = scripted(problem(402, 'declined', { declineCode: 'card_declined', paymentId: 'p'.repeat(10_001) }));
      expect((await providerError(pay(provider(f)))).code).toBe('malformed-response');
    });
  });
});

// ─── Shapes ──────────────────────────────────────────────────────────────────────────────────

describe('response shapes', () => {
  describe.each(SHAPES)('$name', (shape) => {
    it('a valid body passes through whole, with no undefined value', async () => {
      const result = await shape.call(provider(scripted(json(200, shape.body))));
      expect(result).toEqual(shape.expected(shape.body));
      expect(undefinedPaths(result)).toEqual([]);
    });

    it('optional fields left out or null: no key with undefined in it', async () => {
      for (const k of shape.optional) {
        for (const change of ['delete', { set: null }] as const) {
          const path = k.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
          const body = mutate(shape.body, path, change) as Record<string, unknown>;
          const result = await shape.call(provider(scripted(json(200, body))));
          expect(undefinedPaths(result), `${k} ${JSON.stringify(change)}`).toEqual([]);
          // The key is not there at all (`plans` resolves with the list itself).
          let parent: any = shape.name === 'plans' ? { plans: result } : result;
          for (const step of path.slice(0, -1)) parent = parent[step];
          expect(Object.keys(parent), `${k} ${JSON.stringify(change)}`).not.toContain(path.at(-1));
        }
      }
    });

    it('every malformed variant is malformed-response', async () => {
      const variants = malformedVariants(shape);
      expect(variants.length).toBeGreaterThan(8);
      const passed: string[] = [];
      for (const { what, text } of variants) {
        const result = await shape.call(provider(scripted(raw(200, text, { 'content-type': 'application/json' })), { retries: 0 })).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        if ('value' in result) passed.push(`${what} → ${JSON.stringify(result.value).slice(0, 200)}`);
        else {
          expect(result.error, what).toBeInstanceOf(ProviderError);
          expect((result.error as ProviderError).code, what).toBe('malformed-response');
        }
      }
      expect(passed).toEqual([]);
    });
  });

  it('a string of exactly 10 000 characters is still accepted', async () => {
    const result = await provider(scripted(json(200, { ticketId: 'x'.repeat(10_000) }))).supportRequest(S, { triedChecks: [], message: 'm' }, sig());
    expect(result.ticketId).toHaveLength(10_000);
  });

  it('a card token whose last4 is not four digits is malformed', async () => {
    for (const last4 of ['424', '42424', 'abcd', '42 4']) {
      const e = await providerError(provider(scripted(json(200, { ...TOKEN, last4 }))).tokenizeCard(CARD, sig()));
      expect(e.code, last4).toBe('malformed-response');
    }
  });

  it('an unknown payment status or a plan list with a bad item is malformed', async () => {
    const p = (body: unknown) => provider(scripted(json(200, body)));
    expect((await providerError(p({ status: 'refunded', paymentId: 'pay_1' }).paymentStatus(S, 'pay_1', sig()))).code).toBe('malformed-response');
    expect((await providerError(p({ paymentId: 'pay_1' }).paymentStatus(S, 'pay_1', sig()))).code).toBe('malformed-response');
    expect((await providerError(p({ plans: [PLAN, null] }).plans(S, sig()))).code).toBe('malformed-response');
    expect((await providerError(p({ plans: [PLAN, { ...PLAN, price: { amount: '1480', currency: 'JPY' } }] }).plans(S, sig()))).code).toBe(
      'malformed-response',
    );
    // An empty list is a valid answer: no plans to offer.
    expect(await p({ plans: [] }).plans(S, sig())).toEqual([]);
  });

  it('an empty 200 body is malformed-response, on GETs and POSTs alike', async () => {
    expect((await providerError(provider(scripted(raw(200, '')), { retries: 0 }).accountStatus(S, sig()))).code).toBe('malformed-response');
    expect((await providerError(provider(scripted(raw(201, null)), { retries: 0 }).createOrder(S, { planId: 'p', quantity: 1 }, sig()))).code).toBe(
      'malformed-response',
    );
    expect((await providerError(provider(scripted(raw(200, null))).identify(SIGN_IN, sig()))).code).toBe('malformed-response');
    // 204 is "no content" by definition: still no account in it.
    expect((await providerError(provider(scripted(raw(204, null)), { retries: 0 }).accountStatus(S, sig()))).code).toBe('malformed-response');
  });

  it('malformed JSON on sign-in is malformed-response; a valid sign-in is the cookie session', async () => {
    expect((await providerError(provider(scripted(raw(200, '{"expiresAt":'))).identify(SIGN_IN, sig()))).code).toBe('malformed-response');
    expect(await provider(scripted(json(200, { expiresAt: '2026-11-26T03:30:00.000Z' }))).identify(SIGN_IN, sig())).toEqual({ id: 'cookie' });
  });

  it('a malformed GET body is retried (a proxy hiccup), up to `retries`', async () => {
    const f = scripted(raw(200, '<html>'), raw(200, ''), json(200, ACCOUNT));
    expect(await provider(f, { retries: 2 }).accountStatus(S, sig())).toEqual(ACCOUNT);
    expect(f.calls).toHaveLength(3);
  });
});

// ─── Network, timeouts, aborts ───────────────────────────────────────────────────────────────

describe('network errors and timeouts', () => {
  it('fetch rejecting with a TypeError is `network`, retryable, with the cause kept', async () => {
    const failure = new TypeError('Failed to fetch');
    const f = scripted(failure);
    const e = await providerError(provider(f, { retries: 0 }).accountStatus(S, sig()));
    expect(e).toMatchObject({ code: 'network', retryable: true });
    expect(e.cause).toBe(failure);
  });

  it('a GET is retried through network errors', async () => {
    const f = scripted(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), json(200, ACCOUNT));
    expect(await provider(f).accountStatus(S, sig())).toEqual(ACCOUNT);
    expect(f.calls).toHaveLength(3);
  });

  it('a connection dropped in the middle of the body is `network`', async () => {
    const f = scripted(
      () =>
        new Response(
          new ReadableStream({
            start(c) {
              c.enqueue(new TextEncoder().encode('{"accountId":'));
              c.error(new TypeError('terminated'));
            },
          }),
          { status: 200 },
        ),
    );
    expect(await providerError(provider(f, { retries: 0 }).accountStatus(S, sig()))).toMatchObject({ code: 'network', retryable: true });
  });

  it('a fetch that never answers times out after `timeoutMs`: `timeout`, retryable', async () => {
    const f = scripted(hangs);
    const started = performance.now();
    const e = await providerError(provider(f, { timeoutMs: 40, retries: 0 }).accountStatus(S, sig()));
    expect(e).toMatchObject({ code: 'timeout', retryable: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(f.calls[0]!.signal.aborted).toBe(true);
  });

  it('times out even when fetch ignores its signal', async () => {
    const f = scripted(ignores);
    expect(await providerError(provider(f, { timeoutMs: 30, retries: 0 }).plans(S, sig()))).toMatchObject({ code: 'timeout' });
  });

  it('times out when the body never ends', async () => {
    const f = scripted(stalledBody);
    expect(await providerError(provider(f, { timeoutMs: 30, retries: 0 }).accountStatus(S, sig()))).toMatchObject({ code: 'timeout' });
  });

  it('the timeout is per attempt: a GET that times out is tried `retries` more times', async () => {
    const f = scripted(hangs, hangs, json(200, ACCOUNT));
    expect(await provider(f, { timeoutMs: 30, retries: 2 }).accountStatus(S, sig())).toEqual(ACCOUNT);
    expect(f.calls).toHaveLength(3);
    const g = scripted(hangs, hangs);
    expect(await providerError(provider(g, { timeoutMs: 20, retries: 1 }).accountStatus(S, sig()))).toMatchObject({ code: 'timeout' });
    expect(g.calls).toHaveLength(2);
  });
});

describe("the caller's AbortSignal", () => {
  it('aborting mid-call rejects with the abort reason, and makes no further call', async () => {
    const controller = new AbortController();
    const reason = new Error('the person went back');
    const f = scripted(
      (call) => {
        setTimeout(() => controller.abort(reason), 10);
        return hangs(call);
      },
      json(200, ACCOUNT),
    );
    await expect(provider(f).accountStatus(S, controller.signal)).rejects.toBe(reason);
    await new Promise((r) => setTimeout(r, 30));
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]!.signal.aborted).toBe(true);
  });

  it('aborting mid-call rejects with the reason even when fetch ignores its signal', async () => {
    const controller = new AbortController();
    const f = scripted(() => {
      setTimeout(() => controller.abort(), 10);
      return ignores();
    });
    const e = await provider(f)
      .accountStatus(S, controller.signal)
      .catch((error: unknown) => error);
    expect(e).toBe(controller.signal.reason);
    expect((e as DOMException).name).toBe('AbortError');
  });

  it('aborting while the body streams rejects with the reason, not a malformed response', async () => {
    const controller = new AbortController();
    const reason = new Error('closed');
    const f = scripted((call) => {
      setTimeout(() => controller.abort(reason), 10);
      return stalledBody(call);
    });
    await expect(provider(f).accountStatus(S, controller.signal)).rejects.toBe(reason);
  });

  it('aborting during the back-off rejects at once with the reason; no further call', async () => {
    const controller = new AbortController();
    const reason = new Error('left the step');
    const f = scripted(
      () => {
        setTimeout(() => controller.abort(reason), 10);
        return problem(503, 'server');
      },
      json(200, ACCOUNT),
    );
    const started = performance.now();
    await expect(provider(f, { backoffMs: 500, random: () => 0.5 }).accountStatus(S, controller.signal)).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(400);
    await new Promise((r) => setTimeout(r, 600));
    expect(f.calls).toHaveLength(1);
  });

  it('aborting during the back-off of a payment: no second attempt', async () => {
    const controller = new AbortController();
    const f = scripted(
      () => {
        setTimeout(() => controller.abort('gone'), 5);
        return Promise.reject(new TypeError('Failed to fetch'));
      },
      json(200, { status: 'succeeded', paymentId: 'pay_1' }),
    );
    await expect(
      provider(f, { backoffMs: 300 }).pay(S, { orderId: 'ord_1', method: 'card', cardToken: 'tok', idempotencyKey: 'k' }, controller.signal),
    ).rejects.toBe('gone');
    await new Promise((r) => setTimeout(r, 400));
    expect(f.calls).toHaveLength(1);
  });

  it('an already aborted signal: rejects with its reason and never calls fetch', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    const f = scripted(hangs);
    await expect(provider(f).plans(S, controller.signal)).rejects.toBe(controller.signal.reason);
    expect(f.calls).toHaveLength(0);
  });
});

describe('in a browser without AbortSignal.any (iOS and Safari before 17.4, Firefox before 124): the fallback of src/providers/abort.ts', () => {
  let putBack: () => void = () => {};
  beforeEach(() => {
    putBack = withoutAbortSignal('any');
  });
  afterEach(() => {
    putBack();
  });

  it('signs in, the request carrying a signal that has not aborted', async () => {
    expect((AbortSignal as Partial<typeof AbortSignal>).any).toBeUndefined();
    const f = scripted(json(200, { expiresAt: '2026-11-26T03:30:00.000Z' }));
    expect(await provider(f).identify(SIGN_IN, sig())).toEqual({ id: 'cookie' });
    expect(f.calls[0]!.signal.aborted).toBe(false);
  });

  it('a fetch that never answers still times out after `timeoutMs`: `timeout`', async () => {
    const f = scripted(hangs);
    expect(await providerError(provider(f, { timeoutMs: 30, retries: 0 }).identify(SIGN_IN, sig()))).toMatchObject({ code: 'timeout' });
    expect(f.calls[0]!.signal.aborted).toBe(true);
  });

  it("aborting mid-call still rejects with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error('the person went back');
    const f = scripted((call) => {
      setTimeout(() => controller.abort(reason), 10);
      return hangs(call);
    });
    await expect(provider(f).identify(SIGN_IN, controller.signal)).rejects.toBe(reason);
    expect(f.calls[0]!.signal.reason).toBe(reason);
  });
});

// ─── Retries and back-off ────────────────────────────────────────────────────────────────────

describe('retries', () => {
  it('a GET: `retries` more attempts, exponential back-off with ±50% jitter from `random`', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const random = vi.fn<() => number>().mockReturnValueOnce(0).mockReturnValueOnce(0.5).mockReturnValueOnce(0.75);
    const f = scripted(problem(503, 'server'), problem(500, 'server'), new TypeError('Failed to fetch'), json(200, ACCOUNT));
    const result = await underFakeTimers(provider(f, { backoffMs: 100, retries: 3, random }).accountStatus(S, sig()));
    expect(result).toEqual({ status: 'fulfilled', value: ACCOUNT });
    // 100·2⁰·(0.5+0), 100·2¹·(0.5+0.5), 100·2²·(0.5+0.75)
    expect(gaps(f.calls)).toEqual([50, 200, 500]);
    expect(random).toHaveBeenCalledTimes(3);
  });

  it('gives up after `retries` more attempts with the last error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const f = scripted(problem(500, 'server'), problem(503, 'server'), new TypeError('Failed to fetch'), json(200, ACCOUNT));
    const result = await underFakeTimers(provider(f, { backoffMs: 10, retries: 2, random: () => 0.9 }).plans(S, sig()));
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'network' });
    expect(f.calls).toHaveLength(3);
    expect(gaps(f.calls)).toEqual([14, 28]);
  });

  it('by default: 3 retries from 400 ms (400, 800, 1600 at the middle of the jitter)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const f = scripted(problem(500, 'server'), problem(500, 'server'), problem(500, 'server'), problem(500, 'server'), json(200, ACCOUNT));
    const p = new HttpProvider({ apiBase: BASE, fetch: f.fetch, random: () => 0.5 });
    const result = await underFakeTimers(p.accountStatus(S, sig()));
    expect(result.status).toBe('rejected');
    expect(f.calls).toHaveLength(4);
    expect(gaps(f.calls)).toEqual([400, 800, 1600]);
  });

  it('the back-off stops growing at 8 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const f = scripted(problem(500, 'server'), problem(500, 'server'), problem(500, 'server'), json(200, ACCOUNT));
    const result = await underFakeTimers(provider(f, { backoffMs: 3000, retries: 3, random: () => 0.99 }).accountStatus(S, sig()));
    expect(result.status).toBe('fulfilled');
    expect(gaps(f.calls)).toEqual([3000 * 1.49, 8000, 8000]);
  });

  it('Retry-After replaces the back-off (seconds and HTTP date), without drawing jitter', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.parse('2026-11-26T03:00:00Z'));
    const random = vi.fn(() => 0.5);
    const f = scripted(
      problem(503, 'server', {}, { 'retry-after': '2' }),
      (call) => problem(429, 'rate-limited', {}, { 'retry-after': new Date(call.at + 3000).toUTCString() }),
      problem(500, 'server'),
      json(200, ACCOUNT),
    );
    const result = await underFakeTimers(provider(f, { backoffMs: 100, retries: 3, random }).accountStatus(S, sig()));
    expect(result).toEqual({ status: 'fulfilled', value: ACCOUNT });
    expect(gaps(f.calls)).toEqual([2000, 3000, 400]);
    expect(random).toHaveBeenCalledTimes(1);
  });

  it('a Retry-After longer than 8 s is not sat through: the error goes to the wizard with it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const f = scripted(problem(429, 'rate-limited', {}, { 'retry-after': '30' }), json(200, ACCOUNT));
    const result = await underFakeTimers(provider(f, { retries: 3 }).accountStatus(S, sig()));
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'rate-limited', retryable: true, retryAfterMs: 30_000 });
    expect(f.calls).toHaveLength(1);
  });

  it('a payment (POST with an idempotency key) is retried with the same key and body', async () => {
    const f = scripted(problem(503, 'server'), new TypeError('Failed to fetch'), hangs, json(200, { status: 'succeeded', paymentId: 'pay_1' }));
    const request: PayRequest = { orderId: 'ord_1', method: 'card', cardToken: 'tok_1', idempotencyKey: 'attempt-7f3a' };
    expect(await provider(f, { timeoutMs: 30 }).pay(S, request, sig())).toEqual({ status: 'succeeded', paymentId: 'pay_1' });
    expect(f.calls).toHaveLength(4);
    for (const call of f.calls) {
      expect(call.method).toBe('POST');
      expect(call.url).toBe(`${BASE}/v1/orders/ord_1/payments`);
      expect(call.headers['idempotency-key']).toBe('attempt-7f3a');
      expect(call.text).toBe(f.calls[0]!.text);
    }
  });

  it('an order and a card authentication are retried with the same key too', async () => {
    const f = scripted(problem(500, 'server'), json(201, ORDER), new TypeError('Failed to fetch'), json(200, { status: 'succeeded', paymentId: 'pay_1' }));
    const p = provider(f);
    expect(await p.createOrder(S, { planId: 'online-7d-3gb', quantity: 2 }, sig())).toEqual(ORDER);
    expect(await p.authenticatePayment(S, { paymentId: 'pay_1', approved: true }, sig())).toEqual({ status: 'succeeded', paymentId: 'pay_1' });
    const keys = f.calls.map((c) => c.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^order:\w+:0:online-7d-3gb:2$/);
    expect(keys).toEqual([keys[0], keys[0], 'auth:pay_1:true', 'auth:pay_1:true']);
  });

  it('a later order (the same plan bought again) gets a new key: a backend that stores keys never replays an old one', async () => {
    const f = scripted(json(201, ORDER), json(201, ORDER));
    const p = provider(f);
    await p.createOrder(S, { planId: 'online-7d-3gb', quantity: 1 }, sig());
    await p.createOrder(S, { planId: 'online-7d-3gb', quantity: 1 }, sig());
    const [first, second] = f.calls.map((c) => c.headers['idempotency-key']);
    expect(first).toMatch(/^order:\w+:0:online-7d-3gb:1$/);
    expect(second).toMatch(/^order:\w+:1:online-7d-3gb:1$/);
    // And another provider (another page) has keys of its own.
    const g = scripted(json(201, ORDER));
    await provider(g).createOrder(S, { planId: 'online-7d-3gb', quantity: 1 }, sig());
    expect(g.calls[0]!.headers['idempotency-key']).not.toBe(first);
  });

  it('a payment answered 4xx is not retried', async () => {
    for (const response of [problem(409, 'already-paid'), problem(400, 'invalid-input'), problem(401, 'session-expired')]) {
      const f = scripted(response, json(200, { status: 'succeeded', paymentId: 'pay_1' }));
      await providerError(provider(f).pay(S, { orderId: 'o', method: 'konbini', idempotencyKey: 'k' }, sig()));
      expect(f.calls).toHaveLength(1);
    }
  });

  it('POSTs without a key (sign-in, support, tokenization) are never retried', async () => {
    const signIn = scripted(problem(503, 'server', {}, { 'retry-after': '1' }), json(200, { expiresAt: '2026-11-26T03:30:00.000Z' }));
    expect(await providerError(provider(signIn).identify(SIGN_IN, sig()))).toMatchObject({ code: 'server', retryable: true, retryAfterMs: 1000 });
    expect(signIn.calls).toHaveLength(1);

    const support = scripted(new TypeError('Failed to fetch'), json(201, { ticketId: 'SUP-1' }));
    expect(await providerError(provider(support).supportRequest(null, { triedChecks: ['restart'], message: 'm' }, sig()))).toMatchObject({ code: 'network' });
    expect(support.calls).toHaveLength(1);
    expect(support.calls[0]!.headers['idempotency-key']).toBeUndefined();

    const timedOut = scripted(hangs, json(201, { ticketId: 'SUP-1' }));
    expect(await providerError(provider(timedOut, { timeoutMs: 20 }).supportRequest(S, { triedChecks: [], message: 'm' }, sig()))).toMatchObject({
      code: 'timeout',
    });
    expect(timedOut.calls).toHaveLength(1);

    const token = scripted(problem(500, 'server'), json(200, TOKEN));
    expect(await providerError(provider(token).tokenizeCard(CARD, sig()))).toMatchObject({ code: 'server' });
    expect(token.calls).toHaveLength(1);
  });
});

// ─── What goes over the wire ─────────────────────────────────────────────────────────────────

describe('requests', () => {
  it('a GET: the URL under apiBase (a trailing slash dropped), JSON accepted, credentials included, no CSRF header, no body', async () => {
    const f = scripted(json(200, ACCOUNT), json(200, { state: 'pending' }));
    const p = provider(f, { apiBase: `${BASE}//` });
    await p.accountStatus(S, sig());
    await p.activationStatus(S, { orderId: 'ord 1/2', recheck: true }, sig());
    expect(f.calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET ${BASE}/v1/account`, `GET ${BASE}/v1/orders/ord%201%2F2/activation?recheck=true`]);
    for (const c of f.calls) {
      expect(c.credentials).toBe('include');
      expect(c.headers).toEqual({ accept: 'application/json' });
      expect(c.text).toBeUndefined();
      expect(c.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('every POST carries x-esim-csrf: 1, a JSON content type and credentials; only keyed ones an idempotency-key', async () => {
    const f = scripted(
      json(200, { expiresAt: '2026-11-26T03:30:00.000Z' }),
      json(201, ORDER),
      json(200, TOKEN),
      json(200, { status: 'succeeded', paymentId: 'pay_1' }),
      json(200, { status: 'succeeded', paymentId: 'pay_1' }),
      json(201, { ticketId: 'SUP-1' }),
    );
    const p = provider(f);
    expect(await p.identify(SIGN_IN, sig())).toEqual({ id: 'cookie' });
    await p.createOrder(S, { planId: 'online-7d-3gb', quantity: 1 }, sig());
    await p.tokenizeCard(CARD, sig());
    await p.pay(S, { orderId: 'ord_1', method: 'card', cardToken: 'tok_abc', idempotencyKey: 'key-1' }, sig());
    await p.authenticatePayment(S, { paymentId: 'pay_1', approved: false }, sig());
    await p.supportRequest(S, { orderReference: 'R-1001', triedChecks: ['restart'], message: 'no data' }, sig());
    expect(f.calls.map((c) => [c.method, c.url, c.headers['idempotency-key']])).toEqual([
      ['POST', `${BASE}/v1/session`, undefined],
      ['POST', `${BASE}/v1/orders`, expect.stringMatching(/^order:\w+:0:online-7d-3gb:1$/)],
      ['POST', `${BASE}/processor/v1/tokens`, undefined],
      ['POST', `${BASE}/v1/orders/ord_1/payments`, 'key-1'],
      ['POST', `${BASE}/v1/payments/pay_1/authentication`, 'auth:pay_1:false'],
      ['POST', `${BASE}/v1/support`, undefined],
    ]);
    for (const c of f.calls) {
      expect(c.headers['x-esim-csrf']).toBe('1');
      expect(c.headers['content-type']).toBe('application/json');
      expect(c.headers.accept).toBe('application/json');
      expect(c.credentials).toBe('include');
    }
    expect(f.calls.map((c) => c.body)).toEqual([
      SIGN_IN,
      { planId: 'online-7d-3gb', quantity: 1 },
      CARD,
      { method: 'card', cardToken: 'tok_abc' },
      { approved: false },
      { orderReference: 'R-1001', triedChecks: ['restart'], message: 'no data' },
    ]);
  });

  it('tokenizeCard goes to the processor base, never under /v1 of the API', async () => {
    const f = scripted(json(200, TOKEN), json(200, TOKEN));
    await provider(f).tokenizeCard(CARD, sig());
    await provider(f, { processorBase: 'https://pay.example/v1/' }).tokenizeCard(CARD, sig());
    expect(f.calls.map((c) => c.url)).toEqual([`${BASE}/processor/v1/tokens`, 'https://pay.example/v1/tokens']);
    for (const c of f.calls) expect(c.url.startsWith(`${BASE}/v1`)).toBe(false);
  });

  it('card data goes to the processor only: the payment carries the token alone', async () => {
    const f = scripted(json(200, TOKEN), json(200, { status: 'succeeded', paymentId: 'pay_1' }));
    const p = provider(f);
    const token = await p.tokenizeCard(CARD, sig());
    // Even a caller that spreads card fields into the request: only the method and the token go.
    const request = { orderId: 'ord_1', method: 'card', cardToken: token.token, idempotencyKey: 'k', ...CARD, card: CARD } as PayRequest;
    await p.pay(S, request, sig());
    const [tokenize, pay] = f.calls;
    expect(tokenize!.text).toContain('4242 4242 4242 4242');
    expect(pay!.body).toEqual({ method: 'card', cardToken: 'tok_abc' });
    expect(pay!.text).not.toMatch(/4242\s?4242|737|12\/34|number|cvc|expiry/);
    expect(JSON.stringify(pay!.headers)).not.toMatch(/4242|737/);
  });

  it('a payment without a card token sends no cardToken key', async () => {
    const f = scripted(json(200, { status: 'pending-cash', paymentId: 'pay_2', voucher: VOUCHER }));
    await provider(f).pay(S, { orderId: 'ord_1', method: 'konbini', idempotencyKey: 'k2' }, sig());
    expect(f.calls[0]!.text).toBe('{"method":"konbini"}');
  });

  it('says it is no demo', () => {
    expect(provider(scripted()).info).toEqual({ name: 'eSIM', demo: false, links: { buyNew: '', terms: '', support: '' } });
  });
});
