/**
 * The wizard's statechart: the single source of truth for the flow. One module per step
 * (./steps), guards in ./guards.ts, building blocks in ./setup.ts. It imports only xstate and
 * our own modules; the element provides the provider actors at the edge.
 */
import { assign } from 'xstate';
import { initialContext, wizardSetup } from './setup.js';
import { activation, done } from './steps/activation.js';
import { channel, shopVisit } from './steps/channel.js';
import { login } from './steps/login.js';
import { payment } from './steps/payment.js';
import { plan } from './steps/plan.js';
import { troubleshooting } from './steps/troubleshooting.js';
import { validity } from './steps/validity.js';

export const wizardMachine = wizardSetup.createMachine({
  id: 'wizard',
  context: ({ input }) => initialContext(input),
  initial: 'validity',
  on: {
    'user.platform': { actions: assign({ platform: ({ event }) => event.platform }) },
    // A session from the host, before sign-in is reached: sign-in will be skipped.
    'host.session': { actions: assign({ hostSession: true }) },
    'user.restart': {
      target: '.validity',
      // Start over, keeping only what the host set and the phone's platform.
      actions: assign(({ context }) => ({
        ...initialContext({ platform: context.platform, channel: context.presetChannel, hostSession: context.hostSession, today: context.validity.today }),
      })),
    },
  },
  states: {
    validity,
    channel,
    login,
    plan,
    payment,
    activation,
    done,
    troubleshooting,
    'shop-visit': shopVisit,
  },
});

export type WizardMachine = typeof wizardMachine;
