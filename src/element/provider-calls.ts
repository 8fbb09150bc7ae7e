/**
 * The edge's provider calls, over any {@link Provider}: what each of the machine's provider
 * actors does. Secrets (the password, raw card data, the session) come from the element's
 * vault, never from the machine. Loaded with the later steps: the first steps call nothing.
 */
import type { WizardError } from '../domain/types.js';
import { ERROR_CODES, type ErrorCode } from '../domain/codes.js';
import type { Credentials, Provider, Session } from '../providers/contract.js';
import { digitsOnly, typedEmail, typedOrderNumber } from '../domain/validation.js';
import { ProviderError } from '../providers/errors.js';
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

/** Every failure rejects with a ProviderError of a known code: the machine has a state for each (`onError`). */
const settled =
  <I, O>(run: (input: I, signal: AbortSignal) => Promise<O>) =>
  (input: I, signal: AbortSignal): Promise<O> =>
    run(input, signal).catch((error: unknown) => {
      const { code, ...options } = toWizardError(error);
      throw new ProviderError(code, { ...options, cause: error });
    });

/**
 * @param plansFilter - The host's `plans-filter`: only these plan ids are offered (null: all).
 */
export function providerCalls(provider: () => Promise<Provider>, vault: Vault, plansFilter: () => readonly string[] | null = () => null): ProviderCalls {
  // After a reload the vault is empty: a provider whose session outlives the page (a cookie)
  // goes on with it, and its server says when that has run out (`session-expired`).
  const signedIn = async (): Promise<readonly [Provider, Session]> => {
    const p = await provider();
    vault.session ??= p.restoreSession?.() ?? null;
    if (!vault.session) throw Object.assign(new Error('no session'), { code: 'session-expired', retryable: false });
    return [p, vault.session];
  };
  return {
    identify: settled(async (input, signal) => {
      const credentials: Credentials =
        input.method === 'account'
          ? { method: 'account', channel: input.channel, username: input.username, password: vault.password }
          : // As checked: full-width forms folded, the ICCID's spaces and dashes removed.
            input.method === 'iccid'
            ? { method: 'iccid', channel: input.channel, iccid: digitsOnly(input.iccid), email: typedEmail(input.email) }
            : { method: 'order', channel: input.channel, orderNumber: typedOrderNumber(input.orderNumber), email: typedEmail(input.email) };
      vault.session = await (await provider()).identify(credentials, signal);
    }),
    loadAccount: settled(async (_input, signal) => {
      const [p, session] = await signedIn();
      const [account, plans] = await Promise.all([p.accountStatus(session, signal), p.plans(session, signal)]);
      const only = plansFilter();
      return { account, plans: only ? plans.filter((plan) => only.includes(plan.id)) : plans };
    }),
    createOrder: settled(async (input, signal) => {
      const [p, session] = await signedIn();
      return p.createOrder(session, input, signal);
    }),
    tokenizeCard: settled(async (_input, signal) => {
      if (!vault.card) throw Object.assign(new Error('no card'), { code: 'invalid-input', retryable: false });
      return (await provider()).tokenizeCard(vault.card, signal);
    }),
    pay: settled(async (input, signal) => {
      const [p, session] = await signedIn();
      return p.pay(session, input, signal);
    }),
    authenticate: settled(async (input, signal) => {
      const [p, session] = await signedIn();
      return p.authenticatePayment(session, input, signal);
    }),
    paymentStatus: settled(async (input, signal) => {
      const [p, session] = await signedIn();
      return p.paymentStatus(session, input.paymentId, signal);
    }),
    activationStatus: settled(async (input, signal) => {
      const [p, session] = await signedIn();
      return p.activationStatus(session, input, signal);
    }),
    findOrder: settled(async ({ orderId, reference }, signal) => {
      const [p, session] = await signedIn();
      const status = orderId
        ? await p.orderStatus(session, { orderId }, signal)
        : await p.lookupOrder(session, { reference: reference === null ? null : typedOrderNumber(reference) }, signal);
      if (!status) throw Object.assign(new Error('no order'), { code: 'not-found', retryable: false });
      return status;
    }),
    supportRequest: settled(async (input, signal) => (await provider()).supportRequest(vault.session, { ...input, message: vault.supportMessage }, signal)),
  };
}
