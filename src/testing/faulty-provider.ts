/**
 * Wraps any provider to inject, at the provider seam, the faults the reference server's
 * `--test-faults` switch makes over HTTP (server/src/app.ts, `FAULTS`), each as the
 * `ProviderError` the HttpProvider (src/providers/http.ts) turns it into once its own retries
 * are spent. It also records what went through, so a test can count orders and see that each
 * injected fault was really hit. Used by the fault and double-submit suites. Not part of the
 * package.
 */
import type { Provider, ProviderInfo } from '../providers/contract.js';
import { ProviderError } from '../providers/errors.js';
import type { Order } from '../domain/types.js';
import type { ErrorCode } from '../domain/codes.js';
import { ScriptedProvider, type ProviderMethod } from './scripted-provider.js';

/** The reference server's faults, by the same names. */
export const FAULTS = ['network', 'timeout', '500', '503', 'malformed', '401'] as const;
export type Fault = (typeof FAULTS)[number];

/** Every call of the provider contract: the ScriptedProvider's own list (the keys of its call counts). */
const METHODS = Object.keys(new ScriptedProvider({ info: {} } as unknown as Provider).calls) as ProviderMethod[];

/** `Retry-After` of the server's 503 fault (1 s), as the HttpProvider reports it. */
export const RETRY_AFTER_MS = 1_000;

/** The error code the wizard receives for each fault. */
export const FAULT_CODES: Readonly<Record<Fault, ErrorCode>> = {
  network: 'network',
  timeout: 'timeout',
  '500': 'server',
  '503': 'server',
  malformed: 'malformed-response',
  '401': 'session-expired',
};

/**
 * The error the HttpProvider throws for a fault: a dropped connection is `network`, no answer in
 * time is `timeout`, 5xx is `server` (a 503 keeps its `Retry-After`), an unreadable 200 is
 * `malformed-response` (all retryable), and 401 is `session-expired` (not retryable).
 */
export function faultError(fault: Fault): ProviderError {
  const message = `injected fault: ${fault}`;
  switch (fault) {
    case '503':
      return new ProviderError('server', { retryable: true, retryAfterMs: RETRY_AFTER_MS, message });
    case '401':
      return new ProviderError('session-expired', { retryable: false, message });
    default:
      return new ProviderError(FAULT_CODES[fault], { retryable: true, message });
  }
}

export interface Injection {
  readonly fault: Fault;
  /** How many calls get it (default 1); it clears after that. */
  readonly times?: number;
  /**
   * The call reaches the wrapped provider, which does its work (a charge, say), and only then is
   * the answer lost. Default: refused before the provider sees it, as the server's switch does.
   */
  readonly after?: boolean;
  /** Only calls this says yes to (by their arguments) get it. */
  readonly when?: (...args: unknown[]) => boolean;
}

export interface Injected {
  readonly method: ProviderMethod;
  readonly fault: Fault;
  readonly after: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface below
export class FaultyProvider implements Provider {
  readonly info: ProviderInfo;
  /** Every call made, by method. */
  readonly calls = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<ProviderMethod, number>;
  /** Each fault as it was thrown, in order. */
  readonly injected: Injected[] = [];
  /** Every order the wrapped provider answered, once each (by id). */
  readonly orders: Order[] = [];
  readonly #faults = new Map<ProviderMethod, Injection & { left: number }>();
  readonly #holds = new Map<ProviderMethod, { left: number }>();
  #held = 0;

  constructor(readonly base: Provider) {
    this.info = base.info;
    for (const m of METHODS) {
      (this as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => this.#call(m, args);
    }
  }

  /** The next call(s) of `method` get `injection`'s fault. */
  inject(method: ProviderMethod, injection: Injection): this {
    this.#faults.set(method, { ...injection, left: injection.times ?? 1 });
    return this;
  }

  /**
   * The next `times` calls of `method` reach the wrapped provider and do their work, but their
   * answer never comes (as when the page is reloaded meanwhile); they still honour their AbortSignal.
   */
  holdAnswer(method: ProviderMethod, times = 1): this {
    this.#holds.set(method, { left: times });
    return this;
  }

  /** Calls whose answer is being held now. */
  get held(): number {
    return this.#held;
  }

  /** Faults set up and not thrown yet. */
  get pending(): number {
    return [...this.#faults.values()].reduce((n, f) => n + f.left, 0);
  }

  async #call(method: ProviderMethod, args: unknown[]): Promise<unknown> {
    this.calls[method]++;
    const signal = args[args.length - 1] as AbortSignal;
    const fault = this.#faults.get(method);
    const faulty = fault && fault.left > 0 && (fault.when?.(...args) ?? true) ? fault : null;
    if (faulty) faulty.left--;
    const hold = this.#holds.get(method);
    const held = !faulty && hold && hold.left > 0 ? hold : null;
    if (held) held.left--;

    if (faulty && !faulty.after) return this.#throw(method, faulty);
    const result = await (this.base[method] as (...a: unknown[]) => Promise<unknown>).apply(this.base, args);
    if (method === 'createOrder' && !this.orders.some((o) => o.orderId === (result as Order).orderId)) this.orders.push(result as Order);
    if (faulty) return this.#throw(method, faulty);
    if (held) await this.#never(signal);
    return result;
  }

  async #throw(method: ProviderMethod, f: Injection): Promise<never> {
    // Asynchronously, as an answer over the network would come.
    await new Promise((r) => setTimeout(r, 0));
    this.injected.push({ method, fault: f.fault, after: f.after ?? false });
    throw faultError(f.fault);
  }

  #never(signal: AbortSignal): Promise<never> {
    this.#held++;
    return new Promise<never>((_resolve, reject) => {
      const stop = () => {
        this.#held--;
        reject(signal.reason);
      };
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
  }
}

// The class defines the provider's methods at run time, one per method of the contract; this
// merged interface gives them their types. (No members of its own: the contract's are the point.)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FaultyProvider extends Omit<Provider, 'info'> {}
