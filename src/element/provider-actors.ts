/**
 * The edge: the machine's provider actors, as callback actors that run a provider call, abort
 * it when the state is left, and answer with a provider.* event. The calls themselves
 * (provider-calls.ts) load with the later steps; the actors only wait for them.
 */
import { fromCallback, type ActorSystem, type CallbackActorLogic, type EventObject } from 'xstate';
import type { ActivationRequestInput, IdentifyInput, PayInput, ProviderEvent, SupportInput } from '../machine/context.js';
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
export interface ProviderCalls {
  identify(input: IdentifyInput, signal: AbortSignal): Promise<ProviderEvent>;
  loadAccount(input: void, signal: AbortSignal): Promise<ProviderEvent>;
  createOrder(input: { planId: string; quantity: number }, signal: AbortSignal): Promise<ProviderEvent>;
  tokenizeCard(input: void, signal: AbortSignal): Promise<ProviderEvent>;
  pay(input: PayInput, signal: AbortSignal): Promise<ProviderEvent>;
  authenticate(input: { paymentId: string; approved: boolean }, signal: AbortSignal): Promise<ProviderEvent>;
  paymentStatus(input: { paymentId: string }, signal: AbortSignal): Promise<ProviderEvent>;
  activationStatus(input: ActivationRequestInput, signal: AbortSignal): Promise<ProviderEvent>;
  supportRequest(input: SupportInput, signal: AbortSignal): Promise<ProviderEvent>;
  /** An order's status by its id; with none, the account's latest order's. */
  findOrder(input: { orderId: string | null }, signal: AbortSignal): Promise<ProviderEvent>;
}

const OFFLINE: ProviderEvent = { type: 'provider.error', error: { code: 'network', retryable: true } };

/** Which element's calls an actor system uses: one machine serves every element on the page. */
export type CallsFor = (system: ActorSystem<any>) => Promise<ProviderCalls>;

/**
 * The provider actors: one callback logic for all of them. An invoked actor's `src` is its name
 * in the machine (`invoke: { src: 'pay' }`), which is also the name of its call.
 */
export function providerActors(calls: CallsFor) {
  const logic = fromCallback<EventObject, any>(({ input, sendBack, system, self }) => {
    const controller = new AbortController();
    void calls(system)
      .then((c) => (c[self.src as keyof ProviderCalls] as (i: unknown, s: AbortSignal) => Promise<ProviderEvent>)(input, controller.signal))
      // The calls' own chunk could not load: the person is offline.
      .catch(() => OFFLINE)
      .then((event) => {
        if (!controller.signal.aborted) sendBack(event);
      });
    return () => controller.abort();
  });
  const names: (keyof ProviderCalls)[] = [
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
  ];
  return Object.fromEntries(names.map((name) => [name, logic])) as {
    [K in keyof ProviderCalls]: CallbackActorLogic<EventObject, Parameters<ProviderCalls[K]>[0]>;
  };
}
