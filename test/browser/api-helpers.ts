/**
 * Helpers shared by the tests of the host-facing API added on top of the flow
 * (test/browser/api-*.test.ts): the cancelable `esim-before-step-change`, the progress list's
 * step buttons, `plans-filter`, a host-supplied `session` (and its expiry), `profile`, warnings
 * for bad attribute values, the `payment` slot with `reportPayment()`, configuring the element
 * before it is connected, and embedding it in a page. Here: mounting the element the way a host
 * page would, with every event recorded, and reading the progress list, the plans and the links.
 *
 * Moving the element to another parent mid-flow is covered in flows-element.test.ts
 * ("moving the element to another parent mid-flow keeps its step and data").
 */
import { fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { Provider } from '../../src/providers/contract.js';
import { root, state, waitForLocale } from './flows-helpers.js';

// ---------------------------------------------------------------------------------------------
// Mounting with every event recorded
// ---------------------------------------------------------------------------------------------

export const EVENTS = [
  'esim-before-step-change',
  'esim-step-change',
  'esim-error',
  'esim-renewal-complete',
  'esim-session-expired',
  'esim-payment-request',
] as const;
export type EventName = (typeof EVENTS)[number];

export interface Logged {
  type: EventName;
  detail: Record<string, unknown>;
  event: Event;
}

export interface Harness<P extends Provider> {
  el: EsimRenewalWizard;
  provider: P;
  clock: SimulatedClock;
  log: Logged[];
  /** The details of one event type, in firing order. */
  of(type: EventName): Record<string, unknown>[];
}

/**
 * Creates the element, lets `configure` set it up through its public API (before it is
 * connected, as a host page would), then connects it. Every event is recorded from the start.
 */
export async function mountApi<P extends Provider>(provider: P, configure?: (el: EsimRenewalWizard) => void | Promise<void>): Promise<Harness<P>> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const clock = new SimulatedClock();
  const el = document.createElement('esim-renewal-wizard');
  el.provider = provider;
  el.clock = clock;
  await configure?.(el);
  const log: Logged[] = [];
  for (const type of EVENTS) el.addEventListener(type, (e) => log.push({ type, detail: (e as CustomEvent).detail, event: e }));
  wrapper.append(el);
  await waitForLocale(el, 'en');
  return { el, provider, clock, log, of: (type) => log.filter((l) => l.type === type).map((l) => l.detail) };
}

// ---------------------------------------------------------------------------------------------
// Reading the progress list, the plans and the links
// ---------------------------------------------------------------------------------------------

/** The step buttons in the progress list, by the step's name. */
const stepLinks = (el: EsimRenewalWizard): HTMLButtonElement[] => [...root(el).querySelectorAll<HTMLButtonElement>('nav .progress .step-link')];
export const stepLinkNames = (el: EsimRenewalWizard): string[] =>
  stepLinks(el).map((b) =>
    b.textContent
      .replace(/\s*\(done\)\s*$/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
export async function clickStep(el: EsimRenewalWizard, name: string): Promise<void> {
  const link = stepLinks(el).find((b) => b.textContent.replace(/\s+/g, ' ').trim().startsWith(name));
  if (!link) throw new Error(`no step button "${name}" in ${state(el)}: ${stepLinkNames(el).join(' | ')}`);
  link.click();
  await el.updateComplete;
}

export const planValues = (el: EsimRenewalWizard): string[] => [...root(el).querySelectorAll<HTMLInputElement>('input[name="plan"]')].map((i) => i.value);

/** The links in the current step, as text → href. */
export const linksByText = (el: EsimRenewalWizard): Record<string, string> =>
  Object.fromEntries(
    [...root(el).querySelectorAll<HTMLAnchorElement>('section.step a')].map((a) => [a.textContent.replace(/\s+/g, ' ').trim(), a.getAttribute('href')!]),
  );
