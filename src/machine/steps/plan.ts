/**
 * Step 4: the account's real status replaces the person's guess, then the plans. An account
 * that cannot top up (not rechargeable, expired past its grace, too early) stops here with the
 * way out instead of a payment that cannot work.
 */
import { assign, not } from 'xstate';
import { wizardSetup } from '../setup.js';
import { backBeforePlan, gotoEarlier, onSessionExpired } from './navigation.js';

export const plan = wizardSetup.createStateConfig({
  initial: 'loading',
  exit: assign({ foundUnpaid: false }),
  on: {
    'user.back': [...backBeforePlan],
    ...gotoEarlier('validity', 'channel', 'login'),
  },
  states: {
    loading: {
      tags: ['busy'],
      entry: 'clearError',
      invoke: {
        src: 'loadAccount',
        onDone: {
          target: 'ready',
          actions: assign(({ context, event }) => ({
            account: event.output.account,
            plans: event.output.plans,
            // Keep the choice across Back and Next, unless the plan is gone.
            selectedPlanId: event.output.plans.some((p) => p.id === context.selectedPlanId) ? context.selectedPlanId : null,
          })),
        },
        onError: [...onSessionExpired('plan'), { target: 'error', actions: 'recordError' }],
      },
      on: {
        'host.resumed': { target: 'loading', reenter: true },
      },
    },
    ready: {
      always: [{ guard: not('accountEligible'), target: 'ineligible' }, { target: 'choosing' }],
    },
    choosing: {
      on: {
        'user.plan.select': {
          guard: ({ context, event }) => context.plans.some((p) => p.id === event.planId),
          actions: assign({ selectedPlanId: ({ event }) => event.planId }),
        },
        'user.plan.recommender': {
          actions: assign({
            recommender: ({ context, event }) => ({
              stay: event.stay ?? context.recommender.stay,
              usage: event.usage ?? context.recommender.usage,
            }),
          }),
        },
        'user.next': { guard: 'planSelected', target: '#wizard.payment' },
      },
    },
    ineligible: {},
    error: {
      tags: ['error'],
      on: { 'user.retry': { target: 'loading' } },
    },
  },
});
