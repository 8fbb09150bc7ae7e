/**
 * The demo's data: plans per purchase channel and the documented demo accounts.
 *
 * Pure data plus two pure helpers, with no browser APIs: the in-browser demo provider and the
 * Node reference server share this module, so both answer the same sign-ins with the same plans.
 * Expiry instants are relative to a `now` passed in, so the accounts look the same whatever the date.
 * All URLs are placeholders on example.com; no real provider is named or linked.
 */
import type { Credentials } from './contract.js';
import type { AccountStatus, Capabilities, Channel, Plan, ProviderLinks } from '../domain/types.js';
import { digitsOnly } from '../domain/validation.js';
import { DEMO_ICCID, DEMO_PASSWORD, DEMO_USER_ICCID } from '../domain/test-accounts.js';

/** Bump when plans, prices or accounts change, so a server and a client can tell they disagree. */
export const CATALOGUE_VERSION = '2025-01.1';

const DAY = 86_400_000;
const GB = 1024;
const jpy = (amount: number) => ({ amount, currency: 'JPY' }) as const;

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

/** An international online provider: day passes up to monthly unlimited. */
export const ONLINE_PLANS: readonly Plan[] = [
  { id: 'online-1d-1gb', name: '1 day · 1 GB, then 128 kbps', dataMb: 1 * GB, days: 1, price: jpy(500), throttle: '128 kbps' },
  { id: 'online-7d-3gb', name: '7 days · 3 GB', dataMb: 3 * GB, days: 7, price: jpy(1480) },
  { id: 'online-15d-10gb', name: '15 days · 10 GB', dataMb: 10 * GB, days: 15, price: jpy(2980) },
  { id: 'online-30d-20gb', name: '30 days · 20 GB', dataMb: 20 * GB, days: 30, price: jpy(3980) },
  { id: 'online-30d-50gb', name: '30 days · 50 GB', dataMb: 50 * GB, days: 30, price: jpy(5980) },
  { id: 'online-30d-unlimited', name: '30 days · unlimited', dataMb: null, days: 30, price: jpy(7480) },
];

/** A Japanese carrier's eSIM, renewed online in the carrier's account: monthly plans and a week pass. */
export const SHOP_PLANS: readonly Plan[] = [
  { id: 'shop-7d-3gb', name: '7-day pass · 3 GB', dataMb: 3 * GB, days: 7, price: jpy(1650) },
  { id: 'shop-30d-5gb', name: 'Monthly · 5 GB', dataMb: 5 * GB, days: 30, price: jpy(2970) },
  { id: 'shop-30d-20gb', name: 'Monthly · 20 GB', dataMb: 20 * GB, days: 30, price: jpy(4950) },
  { id: 'shop-30d-unlimited', name: 'Monthly · unlimited', dataMb: null, days: 30, price: jpy(7315) },
];

/** A prepaid travel eSIM from an airport counter: separate packs ("toppings") that run from purchase. */
export const AIRPORT_PLANS: readonly Plan[] = [
  { id: 'airport-1d-unlimited', name: '24 hours · unlimited', dataMb: null, days: 1, price: jpy(580) },
  { id: 'airport-1d-1gb', name: '24 hours · 1 GB', dataMb: 1 * GB, days: 1, price: jpy(390) },
  { id: 'airport-7d-3gb', name: '7 days · 3 GB', dataMb: 3 * GB, days: 7, price: jpy(1280) },
  { id: 'airport-15d-10gb', name: '15 days · 10 GB', dataMb: 10 * GB, days: 15, price: jpy(2480) },
  { id: 'airport-30d-30gb', name: '30 days · 30 GB', dataMb: 30 * GB, days: 30, price: jpy(3980) },
];

export const PLANS_BY_CHANNEL: Readonly<Record<Channel, readonly Plan[]>> = {
  online: ONLINE_PLANS,
  shop: SHOP_PLANS,
  airport: AIRPORT_PLANS,
};

// ---------------------------------------------------------------------------------------------
// Links and capabilities
// ---------------------------------------------------------------------------------------------

/** An online provider has self-service registration and password reset. */
export const ONLINE_LINKS: ProviderLinks = {
  register: 'https://example.com/demo-esim/register',
  resetPassword: 'https://example.com/demo-esim/reset-password',
  buyNew: 'https://example.com/demo-esim/buy',
  terms: 'https://example.com/demo-esim/terms',
  support: 'https://example.com/demo-esim/support',
};

/** A carrier account is opened in the shop, so there is no online registration. */
export const SHOP_LINKS: ProviderLinks = {
  resetPassword: 'https://example.com/demo-carrier/reset-password',
  buyNew: 'https://example.com/demo-carrier/shops',
  terms: 'https://example.com/demo-carrier/terms',
  support: 'https://example.com/demo-carrier/support',
};

/** A prepaid travel eSIM has no account at all: it is identified by ICCID or order number. */
export const AIRPORT_LINKS: ProviderLinks = {
  buyNew: 'https://example.com/demo-travel/buy',
  terms: 'https://example.com/demo-travel/terms',
  support: 'https://example.com/demo-travel/support',
};

/** Top up any time while active; the new days are added to the current expiry. */
const ONLINE_CAPABILITIES: Capabilities = {
  rechargeable: true,
  topUpWindow: { daysBeforeExpiry: null, graceDaysAfterExpiry: 0, inJapanOnly: false },
  topUpMode: 'extend',
  validityStarts: 'install',
  paymentMethods: ['card', 'paypal', 'konbini'],
  identifyMethods: ['account'],
  links: ONLINE_LINKS,
};

/** The next month is bought up to 30 days ahead and starts when the current one ends. */
const SHOP_CAPABILITIES: Capabilities = {
  rechargeable: true,
  topUpWindow: { daysBeforeExpiry: 30, graceDaysAfterExpiry: 0, inJapanOnly: false },
  topUpMode: 'queue',
  validityStarts: 'install',
  paymentMethods: ['card', 'konbini'],
  identifyMethods: ['account'],
  links: SHOP_LINKS,
};

/** Visitor-SIM rules: chargeable up to 2 days after expiry, only from inside Japan; packs stack. */
const AIRPORT_CAPABILITIES: Capabilities = {
  rechargeable: true,
  topUpWindow: { daysBeforeExpiry: null, graceDaysAfterExpiry: 2, inJapanOnly: true },
  topUpMode: 'stack',
  validityStarts: 'first-connection',
  paymentMethods: ['card', 'konbini'],
  identifyMethods: ['iccid', 'order'],
  links: AIRPORT_LINKS,
};

// ---------------------------------------------------------------------------------------------
// Demo accounts
// ---------------------------------------------------------------------------------------------

/** One way to sign in to a demo account. `password: null` means any password gives the outcome. */
export type DemoSignIn =
  | { readonly method: 'account'; readonly username: string; readonly password: string | null }
  | { readonly method: 'iccid'; readonly iccid: string; readonly email: string }
  | { readonly method: 'order'; readonly orderNumber: string; readonly email: string };

export interface DemoAccount {
  readonly accountId: string;
  readonly channel: Channel;
  /** What the account demonstrates, in one line (for the README). */
  readonly shows: string;
  readonly signIns: readonly DemoSignIn[];
  /** Sign-in is refused with `locked` whatever the password. */
  readonly locked: boolean;
  readonly planName: string;
  /** Days from `now` to the expiry; negative: expired that many days ago. */
  readonly expiresInDays: number;
  readonly dataLeftMb: number | null;
  readonly iccid?: string;
  readonly capabilities: Capabilities;
}

/** The documented demo accounts, with the inputs that sign in to them. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    accountId: 'acct-online-demo',
    channel: 'online',
    shows: 'The happy path: 2 days left, top up any time, card, PayPal or konbini.',
    signIns: [
      { method: 'account', username: 'demo@example.com', password: DEMO_PASSWORD },
      // The eSIM's ICCID with the account's e-mail also finds it ("I already paid: check my order").
      { method: 'iccid', iccid: DEMO_USER_ICCID, email: 'demo@example.com' },
    ],
    locked: false,
    planName: '7 days · 3 GB',
    expiresInDays: 2,
    dataLeftMb: 850,
    iccid: DEMO_USER_ICCID,
    capabilities: ONLINE_CAPABILITIES,
  },
  {
    accountId: 'acct-online-expired',
    channel: 'online',
    shows: 'Expired 10 days ago, past the 2-day grace period: buy a new eSIM.',
    signIns: [{ method: 'account', username: 'expired@example.com', password: DEMO_PASSWORD }],
    locked: false,
    planName: '15 days · 10 GB',
    expiresInDays: -10,
    dataLeftMb: 0,
    capabilities: { ...ONLINE_CAPABILITIES, topUpWindow: { ...ONLINE_CAPABILITIES.topUpWindow, graceDaysAfterExpiry: 2 } },
  },
  {
    accountId: 'acct-online-norecharge',
    channel: 'online',
    shows: 'Not rechargeable: no top-up, buy a new eSIM instead.',
    signIns: [{ method: 'account', username: 'norecharge@example.com', password: DEMO_PASSWORD }],
    locked: false,
    planName: '7 days · 3 GB',
    expiresInDays: 4,
    dataLeftMb: 2200,
    capabilities: { ...ONLINE_CAPABILITIES, rechargeable: false },
  },
  {
    accountId: 'acct-online-locked',
    channel: 'online',
    shows: 'Locked after too many attempts: sign-in is refused with any password.',
    signIns: [{ method: 'account', username: 'locked@example.com', password: null }],
    locked: true,
    planName: '30 days · 20 GB',
    expiresInDays: 5,
    dataLeftMb: 4096,
    capabilities: ONLINE_CAPABILITIES,
  },
  {
    accountId: 'acct-online-early',
    channel: 'online',
    shows: '60 days left; top-ups open 30 days before expiry: too early.',
    signIns: [{ method: 'account', username: 'early@example.com', password: DEMO_PASSWORD }],
    locked: false,
    planName: '90 days · 50 GB',
    expiresInDays: 60,
    dataLeftMb: 38_000,
    capabilities: { ...ONLINE_CAPABILITIES, topUpWindow: { ...ONLINE_CAPABILITIES.topUpWindow, daysBeforeExpiry: 30 } },
  },
  {
    accountId: 'acct-shop-carrier',
    channel: 'shop',
    shows: 'A carrier account renewed online: 12 days left, the new month queues after the current one.',
    signIns: [{ method: 'account', username: 'carrier@example.com', password: DEMO_PASSWORD }],
    locked: false,
    planName: 'Monthly · 20 GB',
    expiresInDays: 12,
    dataLeftMb: 6500,
    iccid: '8981010000000045675',
    capabilities: SHOP_CAPABILITIES,
  },
  {
    accountId: 'acct-airport-traveler',
    channel: 'airport',
    shows: 'A prepaid travel eSIM, expired 1 day ago but inside the 2-day grace period; packs stack.',
    signIns: [
      { method: 'iccid', iccid: DEMO_ICCID, email: 'traveler@example.com' },
      { method: 'order', orderNumber: 'NRT-240001', email: 'traveler@example.com' },
    ],
    locked: false,
    planName: '7 days · 3 GB',
    expiresInDays: -1,
    dataLeftMb: 0,
    iccid: DEMO_ICCID,
    capabilities: AIRPORT_CAPABILITIES,
  },
];

/** The account's status as read at `now` (epoch ms). */
export function accountStatusOf(account: DemoAccount, now: number): AccountStatus {
  return {
    accountId: account.accountId,
    channel: account.channel,
    ...(account.iccid ? { iccid: account.iccid } : {}),
    planName: account.planName,
    expiresAt: new Date(now + account.expiresInDays * DAY).toISOString(),
    dataLeftMb: account.dataLeftMb,
    asOf: new Date(now).toISOString(),
    capabilities: account.capabilities,
  };
}

/** Every demo account's status at `now` (epoch ms), in {@link DEMO_ACCOUNTS} order. */
export function demoAccounts(now: number): AccountStatus[] {
  return DEMO_ACCOUNTS.map((a) => accountStatusOf(a, now));
}

export type DemoSignInResult =
  { readonly ok: true; readonly account: DemoAccount } | { readonly ok: false; readonly code: 'invalid-credentials' | 'locked' | 'not-found' };

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Which demo account the credentials open. Accounts (user name and password) are looked up
 * within the chosen channel only, as separate providers would; an ICCID or an order number names
 * one eSIM wherever it was bought (a person looking up an order may not say where). An unknown user name gets `invalid-credentials` like a
 * wrong password, so sign-in does not reveal which accounts exist; an unknown ICCID or order
 * number with that e-mail is `not-found`.
 */
export function findDemoAccount(credentials: Credentials): DemoSignInResult {
  for (const account of DEMO_ACCOUNTS) {
    if (credentials.method === 'account' && account.channel !== credentials.channel) continue;
    for (const s of account.signIns) {
      if (s.method === 'account' && credentials.method === 'account' && sameText(s.username, credentials.username)) {
        if (account.locked) return { ok: false, code: 'locked' };
        return s.password === null || s.password === credentials.password ? { ok: true, account } : { ok: false, code: 'invalid-credentials' };
      }
      if (s.method === 'iccid' && credentials.method === 'iccid' && s.iccid === digitsOnly(credentials.iccid) && sameText(s.email, credentials.email)) {
        return account.locked ? { ok: false, code: 'locked' } : { ok: true, account };
      }
      if (s.method === 'order' && credentials.method === 'order' && sameText(s.orderNumber, credentials.orderNumber) && sameText(s.email, credentials.email)) {
        return account.locked ? { ok: false, code: 'locked' } : { ok: true, account };
      }
    }
  }
  return { ok: false, code: credentials.method === 'account' ? 'invalid-credentials' : 'not-found' };
}
