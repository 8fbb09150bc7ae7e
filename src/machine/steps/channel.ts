/** Step 2: where the eSIM was bought. A shop purchase asks once more: renew online, or visit a shop. */
import { and, assign, not } from 'xstate';
import { wizardSetup } from '../setup.js';
import { gotoEarlier } from './navigation.js';

export const channel = wizardSetup.createStateConfig({
  on: {
    'user.channel.select': {
      guard: not('hasPresetChannel'),
      actions: assign(({ context, event }) => ({
        channel: event.channel,
        shopPath: event.channel === 'shop' ? context.shopPath : null,
        login: {
          ...context.login,
          // The channel decides how the person proves the eSIM is theirs.
          method: event.channel === 'airport' ? (context.login.method === 'order' ? 'order' : 'iccid') : 'account',
        },
      })),
    },
    'user.channel.shopPath': {
      guard: ({ context }) => context.channel === 'shop',
      actions: assign({ shopPath: ({ event }) => event.path }),
    },
    'user.next': [
      { guard: and(['channelComplete', 'isShopVisit']), target: '#wizard.shop-visit' },
      { guard: and(['channelComplete', 'loginSkipped']), target: '#wizard.plan' },
      { guard: 'channelComplete', target: '#wizard.login' },
    ],
    'user.back': { target: '#wizard.validity' },
    ...gotoEarlier('validity'),
  },
});

/** The end of the shop path: what to bring and what to say. It always leads back. */
export const shopVisit = wizardSetup.createStateConfig({
  on: {
    'user.back': { target: '#wizard.channel' },
    ...gotoEarlier('validity', 'channel'),
  },
});
