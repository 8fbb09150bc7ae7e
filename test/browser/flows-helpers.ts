/**
 * Helpers shared by the flow tests (test/browser/flows-*.test.ts): mounting over any provider,
 * recording the element's events, spying on provider calls, and the few driving steps the
 * generic driver does not have. Everything is driven through the shadow DOM by label and name.
 */
import { fixture, html } from '@open-wc/testing';
import { SimulatedClock } from 'xstate';
import '../../src/define.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { RenewalCompleteDetail, StepChangeDetail, WizardErrorDetail } from '../../src/element/events.js';
import type { Channel, Order } from '../../src/domain/types.js';
import type { ActivationScenario } from '../../src/domain/codes.js';
import type { Provider } from '../../src/providers/contract.js';
import { DemoProvider } from '../../src/providers/demo.js';
import { button, input, root, state } from './helpers.js';

export * from './helpers.js';

export { DEMO_PASSWORD } from '../../src/domain/test-accounts.js';

interface Recorded {
  steps: StepChangeDetail[];
  completes: RenewalCompleteDetail[];
  errors: WizardErrorDetail[];
  /** Every detail, in firing order, for checks across all events. */
  all: unknown[];
}

export interface MountedAny<P extends Provider> {
  el: EsimRenewalWizard;
  provider: P;
  clock: SimulatedClock;
  events: Recorded;
}

/** Mounts the wizard over any provider, with a SimulatedClock; events are recorded from the start. */
export async function mountWith<P extends Provider>(provider: P, o: { channel?: Channel } = {}): Promise<MountedAny<P>> {
  const clock = new SimulatedClock();
  const events: Recorded = { steps: [], completes: [], errors: [], all: [] };
  const listen = (e: Event) => {
    const d = (e as CustomEvent).detail;
    events.all.push(d);
    if (e.type === 'esim-step-change') events.steps.push(d);
    if (e.type === 'esim-renewal-complete') events.completes.push(d);
    if (e.type === 'esim-error') events.errors.push(d);
  };
  const el = await fixture<EsimRenewalWizard>(html`<esim-renewal-wizard
    .provider=${provider}
    .clock=${clock}
    channel=${o.channel ?? ''}
    @esim-step-change=${listen}
    @esim-renewal-complete=${listen}
    @esim-error=${listen}
  ></esim-renewal-wizard>`);
  return { el, provider, clock, events };
}

/** A 0-latency demo provider. */
export const demo = (scenario: ActivationScenario = 'immediate') => new DemoProvider({ latencyMs: 0, scenario });

export const mountDemo = (o: { scenario?: ActivationScenario; channel?: Channel } = {}) => mountWith(demo(o.scenario), o.channel ? { channel: o.channel } : {});

type Method = Exclude<keyof Provider, 'info'>;

export interface Spy {
  readonly calls: unknown[][];
  readonly results: unknown[];
}

/** Wraps one provider method on the instance: records arguments and resolved results. */
export function spy(provider: Provider, method: Method): Spy {
  const original = (provider[method] as (...a: unknown[]) => Promise<unknown>).bind(provider);
  const s: Spy = { calls: [], results: [] };
  (provider as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
    s.calls.push(args);
    return original(...args).then((r) => (s.results.push(r), r));
  };
  return s;
}

/** Records the orders the provider creates (the id is what `chargeCount` takes). */
export function orders(provider: Provider): Order[] {
  return spy(provider, 'createOrder').results as Order[];
}

/** A text field by its own `<label for>` (radio labels can share the same words). */
export function textField(el: EsimRenewalWizard, label: string): HTMLInputElement | HTMLTextAreaElement {
  const r = root(el);
  for (const l of r.querySelectorAll('label[for]')) {
    if (l.textContent.replace(/\s+/g, ' ').trim() === label) return r.getElementById((l as HTMLLabelElement).htmlFor) as HTMLInputElement;
  }
  throw new Error(`no text field labelled "${label}" in ${state(el)}`);
}

export async function enter(el: EsimRenewalWizard, label: string, value: string): Promise<void> {
  const i = textField(el, label);
  i.value = value;
  i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export const checked = (el: EsimRenewalWizard, label: string | RegExp): boolean => (input(el, label) as HTMLInputElement).checked;

export const hasButton = (el: EsimRenewalWizard, name: string | RegExp): boolean => {
  try {
    button(el, name);
    return true;
  } catch {
    return false;
  }
};

export const q = <T extends Element = HTMLElement>(el: EsimRenewalWizard, selector: string): T | null => root(el).querySelector<T>(selector);

/** The text of the step's alerts (error panels). */
export const alertText = (el: EsimRenewalWizard): string =>
  [...root(el).querySelectorAll('section.step [role="alert"]')].map((a) => a.textContent.replace(/\s+/g, ' ').trim()).join(' | ');

/** The order reference as the done view shows it. */
export const shownReference = (el: EsimRenewalWizard): string => q(el, '.reference')?.textContent?.trim() ?? '';
