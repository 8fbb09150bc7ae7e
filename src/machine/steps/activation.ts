/**
 * Step 6: wait for the plan to come alive. Polls the provider, starting at 2 s and doubling up
 * to 30 s, for 10 minutes at most; then troubleshooting takes over. Time is counted from the
 * waits themselves, so an injected clock drives it in tests.
 */
import { assign } from 'xstate';
import type { TroubleReason } from '../context.js';
import { POLL_MAX_MS, POLL_START_MS, wizardSetup } from '../setup.js';
import { activationIs } from '../guards.js';
import { onSessionExpired } from './navigation.js';

/** Into troubleshooting, from its first check: why, and where Back from that check returns to. */
const enterTroubleshooting = (reason: TroubleReason, from: 'activation' | 'done') => ({ type: 'enterTroubleshooting', params: { reason, from } }) as const;

export const activation = wizardSetup.createStateConfig({
  initial: 'checking',
  entry: assign(({ context }) => ({ activation: { ...context.activation, delayMs: POLL_START_MS, elapsedMs: 0, polls: 0 } })),
  on: {
    'user.activation.notWorking': { target: '#wizard.troubleshooting', actions: enterTroubleshooting('user', 'activation') },
  },
  states: {
    checking: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: {
        src: 'activationStatus',
        input: ({ context }) => ({ orderId: context.order?.orderId ?? '', recheck: false }),
        onDone: [
          {
            guard: ({ event }) => activationIs('active')(event.output),
            target: '#wizard.done',
            actions: assign(({ context, event }) => ({
              activation: {
                ...context.activation,
                polls: context.activation.polls + 1,
                expiresAt: event.output.expiresAt ?? context.order?.newExpiresAt ?? null,
              },
            })),
          },
          {
            guard: ({ event }) => activationIs('failed')(event.output),
            target: '#wizard.troubleshooting',
            actions: enterTroubleshooting('failed', 'activation'),
          },
          {
            guard: 'pollBudgetLeft',
            target: 'waiting',
            actions: assign(({ context }) => ({ activation: { ...context.activation, polls: context.activation.polls + 1 } })),
          },
          { target: '#wizard.troubleshooting', actions: enterTroubleshooting('timeout', 'activation') },
        ],
        onError: [...onSessionExpired('activation'), { target: 'error', actions: 'recordError' }],
      },
      on: {
        'host.resumed': { target: 'checking', reenter: true },
      },
    },
    waiting: {
      // The wait is a timer, which a restore does not bring back: check now.
      on: { 'host.resumed': { target: 'checking' } },
      after: {
        pollDelay: {
          target: 'checking',
          actions: assign(({ context }) => ({
            activation: {
              ...context.activation,
              elapsedMs: context.activation.elapsedMs + context.activation.delayMs,
              delayMs: Math.min(context.activation.delayMs * 2, POLL_MAX_MS),
            },
          })),
        },
      },
    },
    error: {
      tags: ['error'],
      on: { 'user.retry': { target: 'checking' } },
    },
  },
});

/** The end: the plan is active. Not a final state, so "still not working" and restart stay possible. */
export const done = wizardSetup.createStateConfig({
  on: {
    'user.activation.notWorking': { target: '#wizard.troubleshooting', actions: enterTroubleshooting('user', 'done') },
  },
});
