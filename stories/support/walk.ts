/**
 * Journeys through the wizard for play functions, built from src/testing/driver.ts: by labels and
 * button names, as a person would, never by calling into the machine.
 */
import type { SimulatedClock } from 'xstate';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { Channel } from '../../src/domain/types.js';
import { choose, click, fill, input, root, state, waitForState } from '../../src/testing/driver.js';

export * from '../../src/testing/driver.js';

/** Demo inputs (README, "Demo inputs"). */
export const PASSWORD = 'demo1234';
export const CARD_OK = '4242 4242 4242 4242';
export const CARD_DECLINED = '4000 0000 0000 0002';

const CHANNEL_LABELS: Record<Channel, RegExp> = {
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

/** From the first step to the sign-in form, then signs in with a demo account. */
export async function signIn(el: EsimRenewalWizard, user: string, channel: Channel = 'online', password = PASSWORD): Promise<void> {
  await answerValidity(el);
  await chooseChannel(el, channel);
  await waitForState(el, 'login.form');
  await fill(el, 'User name or e-mail', user);
  await fill(el, 'Password', password);
  await click(el, 'Sign in');
}

/** Chooses a plan on the list and goes on to the final confirmation screen. */
export async function pickPlan(el: EsimRenewalWizard, plan: RegExp = /^7 days · 3 GB/): Promise<void> {
  await waitForState(el, 'plan.choosing');
  await choose(el, plan);
  await click(el, 'Continue');
  await waitForState(el, 'payment.review');
}

/** Chooses a method other than card, confirms and pays. */
export async function payWith(el: EsimRenewalWizard, method: 'PayPal' | 'Cash at a convenience store'): Promise<void> {
  await choose(el, method);
  if (!(input(el, /^I have checked/) as HTMLInputElement).checked) await choose(el, /^I have checked/);
  await click(el, /^Pay /);
}

/** Waits until no provider call is in flight (the step is no longer `aria-busy`). */
export async function idle(el: EsimRenewalWizard, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  await el.updateComplete;
  while (root(el).querySelector('section.step')?.getAttribute('aria-busy') === 'true') {
    if (performance.now() - start > timeoutMs) throw new Error(`still busy in ${state(el)}`);
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
  }
}

/**
 * Lets the SimulatedClock run activation polling, `stepMs` at a time, until the wizard leaves
 * the activation step (each wait is at most 30 s). Returns the simulated time it took.
 */
export async function runActivation(el: EsimRenewalWizard, clock: SimulatedClock, stepMs = 30_000, maxMs = 20 * 60_000): Promise<number> {
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

/** The first match of `selector` in the shadow root. */
export const find = <T extends Element = HTMLElement>(el: EsimRenewalWizard, selector: string): T | null => root(el).querySelector<T>(selector);
