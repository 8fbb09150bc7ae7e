/**
 * The edge: real implementations of the machine's provider actors, over any {@link Provider}.
 * Secrets (the password, raw card data, the session) live here, in the element's memory,
 * never in the machine's context, its events or its persisted snapshot.
 */
import { fromCallback, type EventObject } from 'xstate';
import type { ActivationRequestInput, IdentifyInput, PayInput, ProviderEvent, SupportInput } from '../machine/context.js';
import { ERROR_CODES, type ErrorCode, type WizardError } from '../machine/types.js';
import type { CardInput, Credentials, Provider, Session } from '../providers/contract.js';

/** What the view holds for the provider calls and nothing else does. */
export interface Vault {
  password: string;
  card: CardInput | null;
  session: Session | null;
  /** The support message as the person left it (prepared by the view, editable). */
  supportMessage: string;
}

/** Any rejection as the plain error data the machine keeps. */
export function toWizardError(error: unknown): WizardError {
  const e = error as { code?: unknown; retryable?: unknown; retryAfterMs?: unknown } | null;
  const code: ErrorCode = e && (ERROR_CODES as readonly unknown[]).includes(e.code) ? (e.code as ErrorCode) : 'unknown';
  return {
    code,
    retryable: typeof e?.retryable === 'boolean' ? e.retryable : true,
    ...(typeof e?.retryAfterMs === 'number' ? { retryAfterMs: e.retryAfterMs } : {}),
  };
}

/** A provider call as a callback actor: aborts when the state is left, answers with provider.* events. */
function call<TInput, TResult>(
  run: (input: TInput, signal: AbortSignal) => Promise<TResult>,
  done: (result: TResult) => ProviderEvent,
) {
  return fromCallback<EventObject, TInput>(({ input, sendBack }) => {
    const controller = new AbortController();
    run(input, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) sendBack(done(result));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) sendBack({ type: 'provider.error', error: toWizardError(error) } satisfies ProviderEvent);
      },
    );
    return () => controller.abort();
  });
}

/**
 * @param plansFilter - The host's `plans-filter`: only these plan ids are offered (null: all).
 */
export function providerActors(provider: () => Promise<Provider>, vault: Vault, plansFilter: () => readonly string[] | null = () => null) {
  const session = (): Session => {
    if (!vault.session) throw Object.assign(new Error('no session'), { code: 'session-expired', retryable: false });
    return vault.session;
  };
  return {
    identify: call<IdentifyInput, Session>(
      async (input, signal) => {
        const credentials: Credentials =
          input.method === 'account'
            ? { method: 'account', channel: input.channel, username: input.username, password: vault.password }
            : input.method === 'iccid'
              ? { method: 'iccid', channel: input.channel, iccid: input.iccid, email: input.email }
              : { method: 'order', channel: input.channel, orderNumber: input.orderNumber, email: input.email };
        const s = await (await provider()).identify(credentials, signal);
        vault.session = s;
        return s;
      },
      () => ({ type: 'provider.identified' }),
    ),
    loadAccount: call<void, ProviderEvent>(async (_input, signal) => {
      const p = await provider();
      const [account, plans] = await Promise.all([p.accountStatus(session(), signal), p.plans(session(), signal)]);
      const only = plansFilter();
      return { type: 'provider.accountLoaded', account, plans: only ? plans.filter((plan) => only.includes(plan.id)) : plans };
    }, (e) => e),
    createOrder: call<{ planId: string; quantity: number }, ProviderEvent>(
      async (input, signal) => ({ type: 'provider.orderCreated', order: await (await provider()).createOrder(session(), input, signal) }),
      (e) => e,
    ),
    tokenizeCard: call<void, ProviderEvent>(async (_input, signal) => {
      if (!vault.card) throw Object.assign(new Error('no card'), { code: 'invalid-input', retryable: false });
      const card = await (await provider()).tokenizeCard(vault.card, signal);
      return { type: 'provider.cardTokenized', card };
    }, (e) => e),
    pay: call<PayInput, ProviderEvent>(
      async (input, signal) => ({ type: 'provider.payment', outcome: await (await provider()).pay(session(), input, signal) }),
      (e) => e,
    ),
    authenticate: call<{ paymentId: string; approved: boolean }, ProviderEvent>(
      async (input, signal) => ({ type: 'provider.payment', outcome: await (await provider()).authenticatePayment(session(), input, signal) }),
      (e) => e,
    ),
    paymentStatus: call<{ paymentId: string }, ProviderEvent>(
      async (input, signal) => ({ type: 'provider.payment', outcome: await (await provider()).paymentStatus(session(), input.paymentId, signal) }),
      (e) => e,
    ),
    activationStatus: call<ActivationRequestInput, ProviderEvent>(
      async (input, signal) => ({ type: 'provider.activation', status: await (await provider()).activationStatus(session(), input, signal) }),
      (e) => e,
    ),
    supportRequest: call<SupportInput, ProviderEvent>(
      async (input, signal) => ({
        type: 'provider.supportSent',
        ticket: await (await provider()).supportRequest(vault.session, { ...input, message: vault.supportMessage }, signal),
      }),
      (e) => e,
    ),
  };
}
