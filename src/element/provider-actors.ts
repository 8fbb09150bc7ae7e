/**
 * The edge: the machine's provider actors, as promise actors that run a provider call (aborted
 * when the state is left) and answer with its output, or fail with a WizardError. The calls
 * themselves (provider-calls.ts) load with the later steps; the actors only wait for them.
 */
import { fromPromise } from 'xstate';
import { PROVIDER_CALLS, type ProviderCallInputs, type ProviderCallName, type ProviderCallOutputs } from '../machine/context.js';
import type { ProviderActors } from '../machine/setup.js';
import type { WizardError } from '../domain/types.js';
import type { CardInput, Session } from '../providers/contract.js';

/** What the view holds for the provider calls and nothing else does. */
export interface Vault {
  password: string;
  card: CardInput | null;
  session: Session | null;
  /** The support message as the person left it (prepared by the view, editable). */
  supportMessage: string;
}

/** Each provider actor's call: answers with the call's output, or rejects with a ProviderError (a WizardError's fields). */
export type ProviderCalls = {
  [K in ProviderCallName]: (input: ProviderCallInputs[K], signal: AbortSignal) => Promise<ProviderCallOutputs[K]>;
};

/** The calls' own chunk could not load: the person is offline. */
const offline = (cause: unknown): Error & WizardError => Object.assign(new Error('offline', { cause }), { code: 'network', retryable: true } as const);

/** The actor of one provider call: runs it, and XState aborts its signal when the state is left. */
function providerActor<K extends ProviderCallName>(name: K, calls: () => Promise<ProviderCalls>) {
  return fromPromise<ProviderCallOutputs[K], ProviderCallInputs[K]>(async ({ input, signal }) => {
    const loaded = await calls().catch((cause: unknown) => Promise.reject(offline(cause)));
    return loaded[name](input, signal);
  });
}

/** The machine's provider actors, one per call of the table (machine/context.ts), over one element's calls. */
export function providerActors(calls: () => Promise<ProviderCalls>): ProviderActors {
  return Object.fromEntries(PROVIDER_CALLS.map((name) => [name, providerActor(name, calls)])) as ProviderActors;
}
