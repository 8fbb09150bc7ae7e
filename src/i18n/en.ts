/**
 * English: the reference catalog, first part (the first steps, loaded with the wizard; the
 * rest is in en-later.ts). Every other locale must have exactly these keys (`CoreMessages` and
 * `LaterMessages` are these objects' types), so a missing string is a type error.
 * Parameterised and plural strings are functions; Intl does the formatting.
 */
import type { LaterMessages } from './en-later.js';

const plural = (n: number, one: string, other: string) => (new Intl.PluralRules('en').select(n) === 'one' ? one : other);

export const en = {
  locale: 'en',
  languageLabel: 'Language',
  /**
   * The domain terms as this language says them. A test checks that the strings which speak of
   * these things use exactly these words.
   */
  title: 'Renew your Japan eSIM',
  demoNotice: 'Demo — no real payment is made.',
  progressLabel: 'Progress',
  stepOf: (n: number, total: number, title: string) => `Step ${n} of ${total}: ${title}`,
  stepDone: 'done',
  steps: {
    validity: 'Time left',
    channel: 'Where you bought it',
    login: 'Sign in',
    plan: 'Choose a plan',
    payment: 'Check and pay',
    activation: 'Activation',
    done: 'Done',
    troubleshooting: 'Troubleshooting',
    'shop-visit': 'Shop visit',
  },
  nav: {
    back: 'Back',
    next: 'Continue',
    retry: 'Try again',
    restart: 'Start over',
    busy: 'Working on it…',
  },
  platform: {
    legend: 'Your phone',
    ios: 'iPhone',
    android: 'Android',
    pathLabel: 'On your phone:',
    or: 'or',
  },
  os: {
    ios: {
      settings: 'Settings',
      cellular: 'Cellular',
      yourEsim: 'your eSIM line',
    },
    android: {
      settings: 'Settings',
      networkInternet: 'Network & internet',
      sims: 'SIMs',
      yourEsim: 'your eSIM',
      connections: 'Connections',
      simManager: 'SIM manager',
    },
  },
  validity: {
    title: 'How much time is left on your eSIM?',
    intro: 'Your phone shows the status and time left of each line. Your provider’s app or website shows the exact date.',
    androidNote: 'On a Samsung phone, use the second path.',
    legend: 'What did you find?',
    modeDate: 'I know the expiry date',
    modeDays: 'I know how many days are left',
    modeUnknown: 'I don’t know',
    dateLabel: 'Expiry date',
    dateParts: { year: 'Year', month: 'Month', day: 'Day' },
    daysLabel: 'Days left',
    daysHint: 'A whole number, for example 5.',
    unknownNote: 'That’s fine. We’ll show the exact date once you’ve signed in.',
    urgency: {
      expired: (days: number) =>
        `Your plan expired ${Math.abs(days)} ${plural(Math.abs(days), 'day', 'days')} ago. Some eSIMs can still be renewed shortly after expiry — let’s check yours.`,
      'few-days': (days: number) =>
        days === 0
          ? 'Your plan ends today. Renew now to stay connected.'
          : `Only ${days} ${plural(days, 'day', 'days')} left. Renew today so you don’t lose your connection.`,
      'within-month': (days: number) => `${days} days left. Now is a good time to renew.`,
      plenty: (days: number) => `${days} days left: no rush. You can renew now or later.`,
      unknown: () => 'We’ll check the exact time left when you sign in.',
    },
  },
  fieldErrors: {
    required: 'Please fill this in.',
    'date-invalid': 'Enter a real date.',
    'date-incomplete': 'Enter the year, the month and the day.',
    'date-too-far': 'That date is more than 10 years away. Check the year.',
    'days-invalid': 'Enter a whole number of days from 0 to 3650.',
    'mode-required': 'Choose one of the options.',
  },
};

/** The first steps' strings: loaded with the wizard. */
export type CoreMessages = typeof en;

/** Every string, once the later steps' part (`en-later.ts`) has loaded. */
export type Messages = CoreMessages & LaterMessages;
