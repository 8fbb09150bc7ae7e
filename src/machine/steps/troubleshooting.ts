/**
 * Troubleshooting: the checks one at a time, in order. "That fixed it" asks the provider again;
 * running out of checks prepares a support request. Every state has a way back.
 */
import { assign } from 'xstate';
import { TROUBLE_CHECKS } from '../../domain/troubleshooting-checks.js';
import { wizardSetup } from '../setup.js';
import { activationIs } from '../guards.js';
import { onSessionExpired } from './navigation.js';

const currentCheck = (index: number): string => TROUBLE_CHECKS[Math.min(index, TROUBLE_CHECKS.length - 1)]!;

const recordTried = wizardSetup.assign(({ context }) => {
  const id = currentCheck(context.trouble.index);
  return { trouble: { ...context.trouble, tried: context.trouble.tried.includes(id) ? context.trouble.tried : [...context.trouble.tried, id] } };
});

export const troubleshooting = wizardSetup.createStateConfig({
  initial: 'check',
  states: {
    check: {
      on: {
        'user.trouble.fixed': { target: 'verifying' },
        'user.trouble.notFixed': [
          {
            guard: 'hasNextCheck',
            target: 'check',
            reenter: true,
            actions: [recordTried, assign(({ context }) => ({ trouble: { ...context.trouble, index: context.trouble.index + 1, stillInactive: false } }))],
          },
          { target: 'escalate', actions: recordTried },
        ],
        'user.trouble.escalate': { target: 'escalate' },
        'user.back': [
          {
            guard: 'hasPreviousCheck',
            target: 'check',
            reenter: true,
            actions: assign(({ context }) => ({ trouble: { ...context.trouble, index: context.trouble.index - 1, stillInactive: false } })),
          },
          { guard: 'cameFromDone', target: '#wizard.done' },
          { target: '#wizard.activation' },
        ],
      },
    },
    verifying: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: {
        src: 'activationStatus',
        input: ({ context }) => ({ orderId: context.order?.orderId ?? '', recheck: true }),
        onDone: [
          {
            guard: ({ event }) => activationIs('active')(event.output),
            target: '#wizard.done',
            actions: assign(({ context, event }) => ({
              activation: { ...context.activation, expiresAt: event.output.expiresAt ?? context.activation.expiresAt ?? context.order?.newExpiresAt ?? null },
            })),
          },
          { target: 'check', actions: assign(({ context }) => ({ trouble: { ...context.trouble, stillInactive: true } })) },
        ],
        onError: [...onSessionExpired('troubleshooting'), { target: 'verifyError', actions: 'recordError' }],
      },
      on: {
        'user.back': { target: 'check' },
        'host.resumed': { target: 'verifying', reenter: true },
      },
    },
    verifyError: {
      tags: ['error'],
      on: { 'user.retry': { target: 'verifying' }, 'user.back': { target: 'check' } },
    },
    escalate: {
      on: {
        'user.trouble.send': { guard: 'messageSendable', target: 'sending' },
        'user.back': { target: 'check' },
      },
    },
    sending: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: {
        src: 'supportRequest',
        input: ({ context }) => ({
          ...(context.order ? { orderReference: context.order.reference } : {}),
          ...(context.account?.iccid ? { iccid: context.account.iccid } : context.login.iccid ? { iccid: context.login.iccid } : {}),
          triedChecks: context.trouble.tried,
        }),
        onDone: { target: 'sent', actions: assign(({ context, event }) => ({ trouble: { ...context.trouble, ticket: event.output } })) },
        onError: [...onSessionExpired('troubleshooting'), { target: 'sendError', actions: 'recordError' }],
      },
      on: {
        'user.back': { target: 'escalate' },
        // Whether the message went out is unknown: the person sends it again from the prepared form.
        'host.resumed': { target: 'escalate' },
      },
    },
    sendError: {
      tags: ['error'],
      on: { 'user.retry': { target: 'sending' }, 'user.trouble.send': { guard: 'messageSendable', target: 'sending' }, 'user.back': { target: 'escalate' } },
    },
    sent: {
      on: { 'user.back': { target: 'check' } },
    },
  },
});
