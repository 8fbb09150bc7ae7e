/**
 * The codes the wizard, its providers and the reference server speak: why a call failed, why a
 * payment was declined, how a plan comes alive. Each is one `as const` list with its type
 * derived from it. A module of its own (the vocabulary's other lists are in types.ts): only the
 * later steps and the providers check codes at run time, so these lists stay out of the
 * wizard's first chunk. Imports nothing.
 */

/** Error codes every provider failure is mapped to. The view has a message for each. */
export const ERROR_CODES = [
  'network',
  'timeout',
  'server',
  'rate-limited',
  'invalid-credentials',
  'locked',
  'not-found',
  'session-expired',
  'invalid-input',
  'conflict',
  'already-paid',
  'malformed-response',
  'unknown',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The HTTP contract's error codes (docs/http-contract.md): what a backend puts in an error
 * body's `code`. The HTTP provider maps each to an {@link ErrorCode}.
 */
export const CONTRACT_ERROR_CODES = [
  'invalid-input',
  'invalid-credentials',
  'session-expired',
  'declined',
  'locked',
  'csrf',
  'not-found',
  'conflict',
  'already-paid',
  'rate-limited',
  'server',
] as const;
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

/** Why a payment was declined (Stripe's codes, and a lapsed convenience-store voucher). */
export const DECLINE_CODES = ['card_declined', 'insufficient_funds', 'expired_card', 'authentication_failed', 'voucher_expired'] as const;
export type DeclineCode = (typeof DECLINE_CODES)[number];

export const ACTIVATION_STATES = ['pending', 'active', 'failed'] as const;
export type ActivationState = (typeof ACTIVATION_STATES)[number];

/**
 * How a bought plan comes alive on the demo backends (the in-browser demo's `demo-scenario`
 * attribute, the reference server's `--activation`): at once, after a few checks, never (the
 * troubleshooting path; a reported fix then works) or not at all.
 */
export const ACTIVATION_SCENARIOS = ['immediate', 'delayed', 'never', 'failed'] as const;
export type ActivationScenario = (typeof ACTIVATION_SCENARIOS)[number];
