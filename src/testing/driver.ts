/**
 * Drives the wizard through its shadow DOM the way a person would: by labels and button
 * names, never by calling into the machine. Shared by the tests, the view-state registry and
 * (later) Storybook play functions. Not part of the package.
 */
import type { SimulatedClock } from 'xstate';
import { DEMO_PASSWORD, DEMO_USER } from '../domain/test-accounts.js';
import { TEST_CARDS } from '../domain/test-cards.js';
import type { Channel } from '../domain/types.js';
import type { EsimRenewalWizard } from '../element/esim-renewal-wizard.js';
import { datePartsOf } from './dates.js';

/** One rendered frame: the wizard moves focus to a new step's heading with the frame after the update. */
export const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** The update and the frame that follows it (focus has moved by then). */
export async function settled(el: EsimRenewalWizard): Promise<void> {
  await el.updateComplete;
  await nextFrame();
}

export const root = (el: EsimRenewalWizard): ShadowRoot => el.shadowRoot!;

/** The machine state the view shows, as the element exposes it in `data-state`. */
export const state = (el: EsimRenewalWizard): string => root(el).querySelector<HTMLElement>('section.step')!.dataset.state!;

export const heading = (el: EsimRenewalWizard): string => root(el).querySelector('h2')!.textContent.trim();

/** Waits until the view shows the state (provider calls resolve on later tasks). */
export async function waitForState(el: EsimRenewalWizard, expected: string | RegExp, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  const matches = () => (typeof expected === 'string' ? state(el) === expected : expected.test(state(el)));
  while (!matches()) {
    if (performance.now() - start > timeoutMs) throw new Error(`expected state ${expected}, still in ${state(el)}`);
    await new Promise((r) => setTimeout(r, 5));
    await settled(el);
  }
  await settled(el);
}

/** Waits until a condition on the rendered wizard holds. */
export async function waitUntil(el: EsimRenewalWizard, condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`condition not met in ${state(el)}`);
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
  }
  await settled(el);
}

/**
 * Comes back as after a reload: the element leaves the page long enough for its actor to stop,
 * and returns; calls in flight are gone, and the wizard goes on from its snapshot.
 */
export async function comeBack(el: EsimRenewalWizard): Promise<void> {
  const parent = el.parentNode!;
  const next = el.nextSibling;
  el.remove();
  await new Promise((r) => setTimeout(r, 10));
  parent.insertBefore(el, next);
  await el.updateComplete;
}

/**
 * Waits until the rest of the wizard (the later chunk) is in: its styles have joined the shadow
 * root. Saved progress is taken up then, so after a reload this is when the step comes back.
 */
export async function laterLoaded(el: EsimRenewalWizard): Promise<void> {
  await waitUntil(el, () => (el.shadowRoot?.adoptedStyleSheets.length ?? 0) > 1);
  await el.updateComplete;
}

export function button(el: EsimRenewalWizard, name: string | RegExp): HTMLButtonElement {
  const all = [...root(el).querySelectorAll<HTMLButtonElement>('button:not([hidden])')];
  const found = all.find((b) => (typeof name === 'string' ? b.textContent.trim() === name : name.test(b.textContent.trim())));
  if (!found) throw new Error(`no button "${name}" in ${state(el)}: ${all.map((b) => b.textContent.trim()).join(' | ')}`);
  return found;
}

export async function click(el: EsimRenewalWizard, name: string | RegExp): Promise<void> {
  button(el, name).click();
  await settled(el);
}

/**
 * The control labelled so. With `kind: 'text'` only fields labelled with `<label for>` count,
 * so "Order number" finds the text field, not the radio button that chooses it.
 */
export function input(el: EsimRenewalWizard, label: string | RegExp, kind: 'any' | 'text' = 'any'): HTMLInputElement | HTMLTextAreaElement {
  const r = root(el);
  const labels = [...r.querySelectorAll('label')].filter((l) => kind === 'any' || l.htmlFor);
  const textOf = (l: HTMLLabelElement) => l.textContent.replace(/\s+/g, ' ').trim();
  // Exact matches first, then prefixes: "Password" must not find "Show password".
  const exact = labels.find((l) => (typeof label === 'string' ? textOf(l) === label : label.test(textOf(l))));
  const hit = exact ?? labels.find((l) => typeof label === 'string' && textOf(l).startsWith(label));
  const control = hit && (hit.htmlFor ? r.getElementById(hit.htmlFor) : hit.querySelector('input, textarea'));
  if (!control) throw new Error(`no field labelled "${label}" in ${state(el)}`);
  return control as HTMLInputElement;
}

export async function choose(el: EsimRenewalWizard, label: string | RegExp): Promise<void> {
  const i = input(el, label) as HTMLInputElement;
  i.click();
  await settled(el);
}

export async function fill(el: EsimRenewalWizard, label: string | RegExp, value: string): Promise<void> {
  const i = input(el, label, 'text');
  i.value = value;
  i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settled(el);
}

/**
 * Types a date (`YYYY-MM-DD`) into the date fields under the legend that says exactly `legend`:
 * year, month and day, each into its own field whatever order the language puts them in.
 */
export async function fillDate(el: EsimRenewalWizard, legend: string, date: string): Promise<void> {
  const group = [...root(el).querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.trim() === legend);
  if (!group) throw new Error(`no date fields under "${legend}" in ${state(el)}`);
  const parts = datePartsOf(date);
  for (const part of ['year', 'month', 'day'] as const) {
    const i = group.querySelector<HTMLInputElement>(`input[data-part="${part}"]`)!;
    i.value = parts[part];
    i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
  await settled(el);
}

export const text = (el: EsimRenewalWizard): string => root(el).querySelector('section.step')!.textContent.replace(/\s+/g, ' ');

/** A card number as a person types it, in groups of four. */
const typed = (number: string): string => number.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Test cards (src/domain/test-cards.ts) as typed into the card form. */
export const CARD_OK = typed(TEST_CARDS.succeeds);
export const CARD_DECLINED = typed(TEST_CARDS.declined);
export const CARD_NO_FUNDS = typed(TEST_CARDS.insufficientFunds);
export const CARD_3DS = typed(TEST_CARDS.needsAuthentication);

/** The first-step choice for each place an eSIM is bought. */
export const CHANNEL_LABELS: Record<Channel, RegExp> = {
  online: /^Online, from an eSIM provider/,
  shop: /^At a carrier shop in Japan/,
  airport: /^At an airport counter/,
};

/** Answers the time-left question with a number of days and goes on. */
export async function answerValidity(el: EsimRenewalWizard, days = '2'): Promise<void> {
  await choose(el, 'I know how many days are left');
  await fill(el, 'Days left', days);
  await click(el, 'Continue');
}

/** Chooses where the eSIM was bought (a shop also: renew online) and goes on. */
export async function chooseChannel(el: EsimRenewalWizard, channel: Channel): Promise<void> {
  await waitForState(el, 'channel');
  await choose(el, CHANNEL_LABELS[channel]);
  if (channel === 'shop') await choose(el, 'Online, with my carrier account');
  await click(el, 'Continue');
}

/** Time left, then where it was bought (and, for a shop, how to renew), up to the sign-in form. */
export async function toLogin(el: EsimRenewalWizard, channel: Channel = 'online', days = '2'): Promise<void> {
  await answerValidity(el, days);
  await chooseChannel(el, channel);
  await waitForState(el, 'login.form');
}

/** On the sign-in form: fills in a demo account and signs in. */
export async function signIn(el: EsimRenewalWizard, user: string, password = DEMO_PASSWORD): Promise<void> {
  await fill(el, 'User name or e-mail', user);
  await fill(el, 'Password', password);
  await click(el, 'Sign in');
}

/** From the first step: up to the sign-in form, then signs in with a demo account. */
export async function toSignedIn(el: EsimRenewalWizard, user: string, channel: Channel = 'online', password = DEMO_PASSWORD): Promise<void> {
  await toLogin(el, channel);
  await signIn(el, user, password);
}

/** The path up to the plan list for an online account (a preset channel skips its question). */
export async function toPlans(el: EsimRenewalWizard, user = DEMO_USER, password = DEMO_PASSWORD): Promise<void> {
  await answerValidity(el);
  if (state(el) === 'channel') {
    await choose(el, CHANNEL_LABELS.online);
    await click(el, 'Continue');
  }
  await signIn(el, user, password);
  await waitForState(el, /^plan\.(choosing|ineligible)$/);
}

/** From the plan list to the confirmation screen. */
export async function toReview(el: EsimRenewalWizard, plan: RegExp = /^7 days · 3 GB/): Promise<void> {
  await choose(el, plan);
  await click(el, 'Continue');
  await waitForState(el, 'payment.review');
}

/** Chooses a plan on the list (once it is shown) and goes on to the confirmation screen. */
export async function pickPlan(el: EsimRenewalWizard, plan: RegExp = /^7 days · 3 GB/): Promise<void> {
  await waitForState(el, 'plan.choosing');
  await toReview(el, plan);
}

/** Chooses a method other than card, confirms and pays. */
export async function payWith(el: EsimRenewalWizard, method: 'PayPal' | 'Cash at a convenience store'): Promise<void> {
  await choose(el, method);
  if (!(input(el, /^I have checked/) as HTMLInputElement).checked) await choose(el, /^I have checked/);
  await click(el, /^Pay /);
}

/** Waits until the view rendered the latest snapshot and no provider call is in flight (the step is not `aria-busy`). */
export async function idle(el: EsimRenewalWizard, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  await el.updateComplete;
  while (root(el).querySelector('section.step')?.getAttribute('aria-busy') === 'true') {
    if (performance.now() - start > timeoutMs) throw new Error(`still busy in ${state(el)}`);
    await new Promise((r) => setTimeout(r, 2));
    await el.updateComplete;
  }
}

/**
 * Lets the SimulatedClock run activation polling, `stepMs` at a time (each wait between checks
 * is at most 30 s), until the wizard leaves the activation step. Returns the simulated time it
 * took; fails past `maxMs` of clock.
 */
export async function runActivation(
  el: EsimRenewalWizard,
  clock: SimulatedClock,
  { stepMs = 1_000, maxMs = 20 * 60_000 }: { stepMs?: number; maxMs?: number } = {},
): Promise<number> {
  let spent = 0;
  for (;;) {
    await waitForState(el, /^(activation\.(waiting|error)|done|troubleshooting\.check)$/);
    if (state(el) !== 'activation.waiting') return spent;
    if (spent >= maxMs) throw new Error(`still activating after ${maxMs} ms of clock`);
    clock.increment(stepMs);
    spent += stepMs;
    await idle(el);
  }
}

export async function payByCard(el: EsimRenewalWizard, number: string, expiry = '12/34', cvc = '123'): Promise<void> {
  if (!(input(el, 'Credit or debit card') as HTMLInputElement).checked) await choose(el, 'Credit or debit card');
  await fill(el, 'Card number', number);
  await fill(el, 'Expiry date (MM/YY)', expiry);
  await fill(el, 'Security code', cvc);
  const confirm = input(el, /^I have checked/) as HTMLInputElement;
  if (!confirm.checked) await choose(el, /^I have checked/);
  await click(el, /^Pay /);
}

/** The language the element renders in now: the `lang` of its `.base` (null before the first catalog is in). */
export const renderedLang = (el: EsimRenewalWizard): string | null => root(el).querySelector('.base')?.getAttribute('lang') ?? null;

/** Waits until the element renders in `locale` (a catalog chunk loads on a later task). */
export async function waitForLocale(el: EsimRenewalWizard, locale: string, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  await settled(el);
  while (renderedLang(el) !== locale) {
    if (performance.now() - start > timeoutMs) throw new Error(`expected to render in ${locale}, still in ${renderedLang(el)}`);
    await new Promise((r) => setTimeout(r, 5));
    await settled(el);
  }
}

/**
 * What the person has entered on the current step: each form control of the step (by id, or
 * name and value for radios), with its value or checked state. For "the data was kept" checks.
 */
export function enteredData(el: EsimRenewalWizard): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const c of root(el).querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    'section.step input, section.step textarea, section.step select',
  )) {
    const check = c instanceof HTMLInputElement && (c.type === 'radio' || c.type === 'checkbox');
    out[c.id || `${c.name}=${c.value}`] = check ? c.checked : c.value;
  }
  return out;
}
