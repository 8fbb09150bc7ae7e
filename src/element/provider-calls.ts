/**
 * The edge's provider calls, over any {@link Provider}: what each of the machine's provider
 * actors does. Secrets (the password, raw card data, the session) come from the element's
 * vault, never from the machine. Loaded with the later steps: the first steps call nothing.
 */
import type { ActivationRequestInput, IdentifyInput, PayInput, ProviderEvent, SupportInput } from '../machine/context.js';
import type { WizardError } from '../domain/types.js';
import { ERROR_CODES, type ErrorCode } from '../domain/codes.js';

import type { Credentials, Provider, Session } from '../providers/contract.js';
import type { ProviderCalls, Vault } from './provider-actors.js';

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

/**
 * @param plansFilter - The host's `plans-filter`: only these plan ids are offered (null: all).
 */
export function providerCalls(provider: () => Promise<Provider>, vault: Vault, plansFilter: () => readonly string[] | null = () => null): ProviderCalls {
  const session = (): Session => {
    if (!vault.session) throw Object.assign(new Error('no session'), { code: 'session-expired', retryable: false });
    return vault.session;
  };
  const calls: { [K in keyof ProviderCalls]: (input: Parameters<ProviderCalls[K]>[0], signal: AbortSignal) => Promise<ProviderEvent> } = {
    identify: async (input: IdentifyInput, signal) => {
      const credentials: Credentials =
        input.method === 'account'
          ? { method: 'account', channel: input.channel, username: input.username, password: vault.password }
          : input.method === 'iccid'
            ? { method: 'iccid', channel: input.channel, iccid: input.iccid, email: input.email }
            : { method: 'order', channel: input.channel, orderNumber: input.orderNumber, email: input.email };
      vault.session = await (await provider()).identify(credentials, signal);
      return { type: 'provider.identified' };
    },
    loadAccount: async (_input: void, signal) => {
      const p = await provider();
      const [account, plans] = await Promise.all([p.accountStatus(session(), signal), p.plans(session(), signal)]);
      const only = plansFilter();
      return { type: 'provider.accountLoaded', account, plans: only ? plans.filter((plan) => only.includes(plan.id)) : plans };
    },
    createOrder: async (input: { planId: string; quantity: number }, signal) => ({
      type: 'provider.orderCreated',
      order: await (await provider()).createOrder(session(), input, signal),
    }),
    tokenizeCard: async (_input: void, signal) => {
      if (!vault.card) throw Object.assign(new Error('no card'), { code: 'invalid-input', retryable: false });
      return { type: 'provider.cardTokenized', card: await (await provider()).tokenizeCard(vault.card, signal) };
    },
    pay: async (input: PayInput, signal) => ({ type: 'provider.payment', outcome: await (await provider()).pay(session(), input, signal) }),
    authenticate: async (input: { paymentId: string; approved: boolean }, signal) => ({
      type: 'provider.payment',
      outcome: await (await provider()).authenticatePayment(session(), input, signal),
    }),
    paymentStatus: async (input: { paymentId: string }, signal) => ({
      type: 'provider.payment',
      outcome: await (await provider()).paymentStatus(session(), input.paymentId, signal),
    }),
    activationStatus: async (input: ActivationRequestInput, signal) => ({
      type: 'provider.activation',
      status: await (await provider()).activationStatus(session(), input, signal),
    }),
    findOrder: async ({ orderId }: { orderId: string | null }, signal) => {
      const p = await provider();
      const status = orderId ? await p.orderStatus(session(), { orderId }, signal) : await p.latestOrder(session(), signal);
      if (!status) throw Object.assign(new Error('no order'), { code: 'not-found', retryable: false });
      return { type: 'provider.orderStatus', status };
    },
    supportRequest: async (input: SupportInput, signal) => ({
      type: 'provider.supportSent',
      ticket: await (await provider()).supportRequest(vault.session, { ...input, message: vault.supportMessage }, signal),
    }),
  };
  // Every failure becomes a provider.error event: the machine has a state for each.
  return Object.fromEntries(
    Object.entries(calls).map(([name, run]) => [
      name,
      (input: never, signal: AbortSignal) =>
        (run as (i: never, s: AbortSignal) => Promise<ProviderEvent>)(input, signal).catch((error: unknown): ProviderEvent => ({
          type: 'provider.error',
          error: toWizardError(error),
        })),
    ]),
  ) as unknown as ProviderCalls;
}
