/**
 * Wraps any provider to script what its calls do: fail with a given error, or hang until
 * released (to show loading states). Used by the view-state registry, the tests and the fault
 * suites. Not part of the package.
 */
import type { Provider, ProviderInfo } from '../providers/contract.js';
import { ProviderError } from '../providers/errors.js';
import type { ErrorCode } from '../domain/codes.js';

export type ProviderMethod = Exclude<keyof Provider, 'info'>;

export interface Script {
  /** Calls that fail, with the error code, how many times (default: always) and any `Retry-After` wait. */
  fail?: Partial<Record<ProviderMethod, { code: ErrorCode; times?: number; retryable?: boolean; retryAfterMs?: number }>>;
  /** Calls that never answer until `release()` (they still honour their AbortSignal). */
  hold?: readonly ProviderMethod[];
  /** Only script a call when this says so (e.g. only the activation re-check). */
  when?: Partial<Record<ProviderMethod, (...args: unknown[]) => boolean>>;
  /** Replaces the provider's info (e.g. `demo: false` to show a real provider). */
  info?: Partial<ProviderInfo>;
}

const METHODS: readonly ProviderMethod[] = [
  'identify',
  'accountStatus',
  'plans',
  'createOrder',
  'tokenizeCard',
  'pay',
  'authenticatePayment',
  'paymentStatus',
  'activationStatus',
  'supportRequest',
  'orderStatus',
  'lookupOrder',
];

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface below
export class ScriptedProvider implements Provider {
  readonly info: ProviderInfo;
  /** Every call made, by method, for assertions. */
  readonly calls: Record<ProviderMethod, number> = Object.fromEntries(METHODS.map((m) => [m, 0])) as Record<ProviderMethod, number>;
  #releases: (() => void)[] = [];
  #failures = new Map<ProviderMethod, number>();

  constructor(
    readonly base: Provider,
    public script: Script = {},
  ) {
    this.info = { ...base.info, ...script.info };
    for (const m of METHODS) {
      (this as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => this.#call(m, args);
    }
  }

  /** Lets every held call go on to the wrapped provider, and stops holding. */
  release(): void {
    this.script = { ...this.script, hold: [] };
    for (const r of this.#releases.splice(0)) r();
  }

  async #call(method: ProviderMethod, args: unknown[]): Promise<unknown> {
    this.calls[method]++;
    const signal = args[args.length - 1] as AbortSignal;
    const applies = this.script.when?.[method]?.(...args) ?? true;
    if (applies && this.script.hold?.includes(method)) {
      await new Promise<void>((resolve, reject) => {
        this.#releases.push(resolve);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    const fail = applies ? this.script.fail?.[method] : undefined;
    if (fail) {
      const done = this.#failures.get(method) ?? 0;
      if (fail.times === undefined || done < fail.times) {
        this.#failures.set(method, done + 1);
        await Promise.resolve();
        throw new ProviderError(fail.code, {
          ...(fail.retryable === undefined ? {} : { retryable: fail.retryable }),
          ...(fail.retryAfterMs === undefined ? {} : { retryAfterMs: fail.retryAfterMs }),
        });
      }
    }
    return (this.base[method] as (...a: unknown[]) => Promise<unknown>).apply(this.base, args);
  }
}

// The class defines the provider's methods at run time, one per method of the contract; this
// merged interface gives them their types. (No members of its own: the contract's are the point.)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ScriptedProvider extends Omit<Provider, 'info'> {}
