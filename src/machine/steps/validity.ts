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
  },
});
