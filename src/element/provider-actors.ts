/**
 * The edge: the machine's provider actors, as callback actors that run a provider call, abort
 * it when the state is left, and answer with a provider.* event. The calls themselves
 * (provider-calls.ts) load with the later steps; the actors only wait for them.
 */
import { fromCallback, type ActorSystem, type EventObject } from 'xstate';
import { PROVIDER_CALLS, type ProviderCallInputs, type ProviderCallName, type ProviderEvent } from '../machine/context.js';
import type { ProviderActors } from '../machine/setup.js';
import type { CardInput, Session } from '../providers/contract.js';

/** What the view holds for the provider calls and nothing else does. */
export interface Vault {
  password: string;
  card: CardInput | null;
  session: Session | null;
  /** The support message as the person left it (prepared by the view, editable). */
  supportMessage: string;
}

/** Each provider actor's call: never rejects; a failure is a provider.error event. */
export type ProviderCalls = { [K in ProviderCallName]: (input: ProviderCallInputs[K], signal: AbortSignal) => Promise<ProviderEvent> };

const OFFLINE: ProviderEvent = { type: 'provider.error', error: { code: 'network', retryable: true } };

/** Which element's calls an actor system uses: one machine serves every element on the page. */
export type CallsFor = (system: ActorSystem<any>) => Promise<ProviderCalls>;

/** The actor of one provider call: runs it, aborts it when the state is left, and answers with its event. */
function providerActor<K extends ProviderCallName>(name: K, calls: CallsFor) {
  return fromCallback<EventObject, ProviderCallInputs[K]>(({ input, sendBack, system }) => {
    const controller = new AbortController();
    void calls(system)
      .then((c) => c[name](input, controller.signal))
      // The calls' own chunk could not load: the person is offline.
      .catch(() => OFFLINE)
      .then((event) => {
        if (!controller.signal.aborted) sendBack(event);
      });
    return () => controller.abort();
  });
}

/** The machine's provider actors, one per call of the table (machine/context.ts). */
export function providerActors(calls: CallsFor): ProviderActors {
  return Object.fromEntries(PROVIDER_CALLS.map((name) => [name, providerActor(name, calls)])) as ProviderActors;
}
