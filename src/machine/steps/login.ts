/**
 * Step 3: proving the eSIM is the person's own: account credentials, or ICCID / order number
 * plus e-mail. The password never enters the machine: it only learns whether the field is filled.
 */
import { assign } from 'xstate';
import { LOGIN_COOLDOWN_S, wizardSetup } from '../setup.js';
import { backBeforeLogin, gotoEarlier, resume } from './navigation.js';

export const login = wizardSetup.createStateConfig({
  initial: 'form',
  // The view drops the password when the step is left and shows an empty field on return:
  // the machine must not go on believing the field is filled. A resume point is used once,
  // or dropped when the person goes elsewhere: a later sign-in must not jump to an old step.
  exit: assign(({ context }) => ({ login: { ...context.login, passwordFilled: false }, resumeStep: null })),
  on: {
    'user.login.method': {
      // Airport eSIMs are identified by ICCID or order number; accounts by credentials.
      // An order lookup uses the order's reference or the ICCID, whatever the channel.
      guard: ({ context, event }) => (context.channel === 'airport' || context.lookup ? event.method !== 'account' : event.method === 'account'),
      actions: assign({ login: ({ context, event }) => ({ ...context.login, method: event.method }) }),
    },
    'user.login.field': {
      actions: assign({ login: ({ context, event }) => ({ ...context.login, [event.field]: event.value }) }),
    },
    'user.login.password': {
      actions: assign({ login: ({ context, event }) => ({ ...context.login, passwordFilled: event.filled }) }),
    },
    'user.back': [
      // Back from an order lookup is back to the start, and the lookup is off.
      {
        guard: 'lookingUp',
        target: '#wizard.validity',
        actions: assign(({ context }) => ({
          lookup: false,
          login: { ...context.login, method: context.channel === 'airport' ? 'iccid' : 'account' } as const,
        })),
      },
      ...backBeforeLogin,
    ],
    ...gotoEarlier('validity', 'channel'),
    // The host signed the person in: go on as after a sign-in.
    'host.session': { target: '#wizard.login.resuming', actions: assign({ hostSession: true, signedIn: true }) },
  },
  states: {
    form: {
      // Back and Next again must not skip the pause: the countdown goes on from where it was.
      always: { guard: 'coolingDown', target: 'cooldown' },
      on: {
        'user.next': { guard: 'loginComplete', target: 'submitting' },
        'user.retry': { guard: 'loginComplete', target: 'submitting' },
      },
    },
    submitting: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: {
        src: 'identify',
        input: ({ context }) => ({
          channel: context.channel ?? 'online',
          method: context.login.method,
          username: context.login.username.trim(),
          email: context.login.email.trim(),
          iccid: context.login.iccid.replace(/[\s-]/g, ''),
          orderNumber: context.login.orderNumber.trim(),
        }),
        onDone: {
          target: 'resuming',
          actions: assign(({ context }) => ({ signedIn: true, login: { ...context.login, failures: 0 } })),
        },
        onError: [
          {
            guard: 'credentialsRejectedTooOften',
            target: 'cooldown',
            actions: [
              'recordError',
              assign({
                login: ({ context }) => ({ ...context.login, failures: context.login.failures + 1, cooldownLeft: LOGIN_COOLDOWN_S }),
              }),
            ],
          },
          {
            guard: 'credentialsRejected',
            target: 'form',
            actions: ['recordError', assign({ login: ({ context }) => ({ ...context.login, failures: context.login.failures + 1 }) })],
          },
          { target: 'form', actions: 'recordError' },
        ],
      },
      on: {
        // After a reload the password is gone: back to the form (filled in but for it).
        'host.resumed': { target: 'form' },
      },
    },
    /** Signed in (again): on to the plans, or back to the step where the session had expired. */
    resuming: {
      always: [...resume],
    },
    /** The host's session expired: it has been told (`esim-session-expired`) and the wizard waits for a new one. */
    awaitingHost: {},
    cooldown: {
      // Its one-second ticks are timers, which a restore does not bring back: start them again.
      on: { 'host.resumed': { target: 'cooldown', reenter: true } },
      after: {
        second: [
          { guard: 'cooldownOver', target: 'form', actions: assign({ login: ({ context }) => ({ ...context.login, cooldownLeft: 0 }) }) },
          {
            target: 'cooldown',
            reenter: true,
            actions: assign({ login: ({ context }) => ({ ...context.login, cooldownLeft: context.login.cooldownLeft - 1 }) }),
          },
        ],
      },
    },
  },
});
