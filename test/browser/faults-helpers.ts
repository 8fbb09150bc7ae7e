/**
 * Helpers for the fault and double-submit suites (test/browser/faults.test.ts,
 * test/browser/double-submit.test.ts): a wizard over a 0-latency demo provider wrapped in a
 * {@link FaultyProvider}, and a driver that takes the wizard to the end of a flow the way a person
 * would, whatever screen it lands on: on an error it presses that screen's own retry (Try again,
 * Sign in again, Pay again, Check now, Send again). Everything goes through the shadow DOM by the
 * catalog's words.
 */
import { expect } from '@open-wc/testing';
import { DemoProvider } from '../../src/providers/demo.js';
import { CATALOGS } from '../../src/testing/catalogs.js';
import { FAULT_CODES, FaultyProvider, type Injected } from '../../src/testing/faulty-provider.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { Locale } from '../../src/i18n/locales.js';
import {
  CARD_3DS,
  CARD_OK,
  CHANNEL_LABELS,
  DEMO_PASSWORD,
  checked,
  choose,
  click,
  comeBack,
  enter,
  hasButton,
  mountWith,
  payByCard,
  q,
  root,
  settled,
  state,
  waitForLocale,
  waitUntil,
  type MountedAny,
} from './flows-helpers.js';

export const { en } = CATALOGS;
const USER = 'demo@example.com';

export type FaultyMount = MountedAny<FaultyProvider> & { demo: DemoProvider };

/** A wizard over a demo provider (0 latency unless said) behind a FaultyProvider, on a SimulatedClock. */
export async function mountFaulty(o: { latencyMs?: number; provider?: FaultyProvider } = {}): Promise<FaultyMount> {
  const provider = o.provider ?? new FaultyProvider(new DemoProvider({ latencyMs: o.latencyMs ?? 0 }));
  const m = await mountWith(provider);
  return { ...m, demo: provider.base as DemoProvider };
}

/**
 * The ways through the wizard: a card (4242), a card that asks for authentication (3184,
 * approved), cash at a convenience store (paid at the second check), troubleshooting from the
 * end with a support request, a reload while the payment's answer is on its way (the wizard
 * reconciles with `orderStatus`), and "I already paid: check my order" (`lookupOrder`).
 */
export type Flow = 'card' | '3ds' | 'cash' | 'support' | 'reconcile' | 'lookup';

export interface DriveOptions {
  readonly flow: Flow;
  /** For `lookup`: the order reference to find, with the account's e-mail. */
  readonly reference?: string;
  /** Called once per fault the provider threw, when the wizard has settled where it led. */
  readonly onFault?: (injected: Injected) => Promise<void>;
  /** Stops (before acting) once this holds. */
  readonly until?: () => boolean;
}

/** Waits until no provider call is in flight, except one whose answer the provider holds back. */
async function quiet(m: FaultyMount, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  await settled(m.el);
  while (q(m.el, 'section.step')?.getAttribute('aria-busy') === 'true' && m.provider.held === 0) {
    if (performance.now() - start > timeoutMs) throw new Error(`still busy in ${state(m.el)}`);
    await new Promise((r) => setTimeout(r, 2));
    await m.el.updateComplete;
  }
  await settled(m.el);
}

/** Where the wizard came to rest between moves, and the alerts it showed there. */
export interface Trail {
  readonly states: string[];
  /** `state: message` for every alert seen, in order. */
  readonly alerts: string[];
}

/**
 * Drives the wizard to the end of `flow` (state `done`, or `until`). Returns where it came to
 * rest on the way. Fails if it does not get there in a reasonable number of moves.
 */
export async function drive(m: FaultyMount, o: DriveOptions): Promise<Trail> {
  const { el, provider } = m;
  const trail: Trail = { states: [], alerts: [] };
  let faultsSeen = provider.injected.length;
  let supportSent = false;
  for (let moves = 0; moves < 60; moves++) {
    await quiet(m);
    while (provider.injected.length > faultsSeen) await o.onFault?.(provider.injected[faultsSeen++]!);
    const s = state(el);
    trail.states.push(s);
    trail.alerts.push(...alertMessages(el).map((a) => `${s}: ${a}`));
    if (o.until?.()) return trail;
    if (s === 'done' && (o.flow !== 'support' || supportSent)) return trail;
    switch (s) {
      case 'validity':
        if (o.flow === 'lookup') {
          await waitUntil(el, () => hasButton(el, en.login.checkOrder));
          await click(el, en.login.checkOrder);
        } else {
          await choose(el, en.validity.modeDays);
          await enter(el, en.validity.daysLabel, '2');
          await click(el, en.nav.next);
        }
        break;
      case 'channel':
        await choose(el, CHANNEL_LABELS.online);
        await click(el, en.nav.next);
        break;
      case 'login.form':
        if (o.flow === 'lookup') {
          await enter(el, en.login.orderNumber, o.reference ?? '');
          await enter(el, en.login.email, USER);
          await click(el, en.login.submitTravel);
        } else {
          await enter(el, en.login.username, USER);
          await enter(el, en.login.password, DEMO_PASSWORD);
          await click(el, en.login.submit);
        }
        break;
      case 'plan.choosing':
        await choose(el, /^7 days · 3 GB/);
        await click(el, en.nav.next);
        break;
      case 'payment.review':
        if (o.flow === 'cash') {
          await choose(el, en.payment.method.konbini);
          if (!checked(el, /^I have checked/)) await choose(el, /^I have checked/);
          await click(el, /^Pay /);
        } else {
          await payByCard(el, o.flow === '3ds' ? CARD_3DS : CARD_OK);
        }
        break;
      case 'payment.paying':
        // The answer is held back: the page is reloaded meanwhile.
        if (provider.held === 0 || o.flow !== 'reconcile') throw new Error('paying, and nothing to do');
        await comeBack(el);
        break;
      case 'payment.authenticating':
        await click(el, en.payment.approve);
        break;
      case 'payment.awaitingCash':
        await click(el, en.payment.checkNow);
        break;
      case 'done':
        await click(el, en.done.notWorking);
        break;
      case 'troubleshooting.check':
        await click(el, supportSent ? en.trouble.fixed : en.trouble.skipToSupport);
        break;
      case 'troubleshooting.escalate':
        await click(el, en.trouble.send);
        break;
      case 'troubleshooting.sent':
        supportSent = true;
        await click(el, en.nav.back);
        break;
      default:
        // Every error screen has its retry.
        await click(el, en.nav.retry);
    }
  }
  throw new Error(`the wizard did not finish the ${o.flow} flow: ${trail.states.join(' → ')}`);
}

/** The messages of the wizard's alerts (each error panel's first paragraph). */
export function alertMessages(el: EsimRenewalWizard): string[] {
  return [...root(el).querySelectorAll('[role="alert"]')].map((a) => (a.querySelector('p') ?? a).textContent.replace(/\s+/g, ' ').trim());
}

/** The wizard shows, in an alert, the message its catalog has for the fault's error code. */
export async function expectFaultMessage(el: EsimRenewalWizard, injected: Injected, locale: Locale = 'en'): Promise<void> {
  const code = FAULT_CODES[injected.fault];
  if (locale !== 'en') {
    el.setAttribute('lang', locale);
    await waitForLocale(el, locale);
  }
  try {
    expect(alertMessages(el), `${injected.method} × ${injected.fault} in ${state(el)} (${locale})`).to.include(CATALOGS[locale].errors[code]);
  } finally {
    if (locale !== 'en') {
      el.setAttribute('lang', 'en');
      await waitForLocale(el, 'en');
    }
  }
}

/** On to the confirmation screen; then a good card typed in and the confirmation ticked: one press of Pay away. */
export async function readyToPay(m: FaultyMount): Promise<FaultyMount> {
  await drive(m, { flow: 'card', until: () => state(m.el) === 'payment.review' });
  await choose(m.el, en.payment.method.card);
  await enter(m.el, en.payment.cardNumber, CARD_OK);
  await enter(m.el, en.payment.cardExpiry, '12/34');
  await enter(m.el, en.payment.cardCvc, '123');
  if (!checked(m.el, /^I have checked/)) await choose(m.el, /^I have checked/);
  return m;
}

/**
 * Two wizards ("tabs") on one demo provider and one session (the host signed the person in
 * once), both ready to pay the same order.
 */
export async function twoTabs(): Promise<[FaultyMount, FaultyMount]> {
  const provider = new FaultyProvider(new DemoProvider({ latencyMs: 0 }));
  const session = await provider.identify({ method: 'account', channel: 'online', username: USER, password: DEMO_PASSWORD }, new AbortController().signal);
  const tabs: FaultyMount[] = [];
  for (let i = 0; i < 2; i++) {
    const m = await mountFaulty({ provider });
    m.el.session = session;
    tabs.push(await readyToPay(m));
  }
  expect(provider.orders, 'one order, on both screens').to.have.length(1);
  return tabs as [FaultyMount, FaultyMount];
}
