/**
 * The edge: the machine's provider actors, as callback actors that run a provider call, abort
 * it when the state is left, and answer with a provider.* event. The calls themselves
 * (provider-calls.ts) load with the later steps; the actors only wait for them.
 */
import { fromCallback, type ActorSystem, type EventObject } from 'xstate';
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
}

const OFFLINE: ProviderEvent = { type: 'provider.error', error: { code: 'network', retryable: true } };

/** Which element's calls an actor system uses: one machine serves every element on the page. */
export type CallsFor = (system: ActorSystem<any>) => Promise<ProviderCalls>;

function actor<K extends keyof ProviderCalls>(name: K, calls: CallsFor) {
  return fromCallback<EventObject, Parameters<ProviderCalls[K]>[0]>(({ input, sendBack, system }) => {
    const controller = new AbortController();
    calls(system)
      .then((c) => (c[name] as (i: typeof input, s: AbortSignal) => Promise<ProviderEvent>)(input, controller.signal))
      // The calls' own chunk could not load: the person is offline.
      .catch(() => OFFLINE)
      .then((event) => {
        if (!controller.signal.aborted) sendBack(event);
      });
    return () => controller.abort();
  });
}

export function providerActors(calls: CallsFor) {
  return {
    identify: actor('identify', calls),
    loadAccount: actor('loadAccount', calls),
    createOrder: actor('createOrder', calls),
    tokenizeCard: actor('tokenizeCard', calls),
    pay: actor('pay', calls),
    authenticate: actor('authenticate', calls),
    paymentStatus: actor('paymentStatus', calls),
    activationStatus: actor('activationStatus', calls),
    supportRequest: actor('supportRequest', calls),
  };
}
