/** Step 1: how much time is left. The person gives a date, a number of days, or "I don't know". */
import { and, assign } from 'xstate';
import { wizardSetup } from '../setup.js';

export const validity = wizardSetup.createStateConfig({
  on: {
    'user.validity.set': {
      actions: assign({
        validity: ({ context, event }) => ({
          mode: event.mode,
          date: event.date ?? context.validity.date,
          daysLeft: event.daysLeft ?? context.validity.daysLeft,
          today: event.today,
        }),
      }),
    },
    'user.next': [
      // A host that fixed the channel skips the question, unless it is a shop (online or visit is
      // still asked); a host that signed the person in skips sign-in too.
      { guard: and(['validityComplete', 'channelSkipped', 'loginSkipped']), target: '#wizard.plan' },
      { guard: and(['validityComplete', 'channelSkipped']), target: '#wizard.login' },
      { guard: 'validityComplete', target: '#wizard.channel' },
    ],
    // "I already paid: check my order": a person who lost the tab finds the order by its
    // reference (or the eSIM's ICCID) and e-mail, then goes on where it stands.
    'user.checkOrder': {
      target: '#wizard.login',
      actions: assign(({ context }) => ({ lookup: true, login: { ...context.login, method: 'order' as const } })),
    },
    // Nothing here waits or calls out: a restored wizard on this step simply goes on.
  },
});
