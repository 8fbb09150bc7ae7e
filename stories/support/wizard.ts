/**
 * How the stories mount <esim-renewal-wizard>: the public attributes as args (Controls), the
 * public events as spies (Actions), and a per-mount "harness" (a provider and a clock, set as
 * properties before the element connects) that play functions pick up again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ArgTypes } from '@storybook/web-components-vite';
import { fn } from 'storybook/test';
import type { SimulatedClock } from 'xstate';
import '../../src/define.js';
import type { EsimRenewalWizard } from '../../src/element/esim-renewal-wizard.js';
import type { RenewalCompleteDetail, SessionExpiredDetail, PaymentRequestDetail, StepChangeDetail, WizardErrorDetail } from '../../src/element/events.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { CHANNELS, type Channel } from '../../src/domain/types.js';
import { ACTIVATION_SCENARIOS, type ActivationScenario } from '../../src/domain/codes.js';
import type { Provider } from '../../src/providers/contract.js';

/** The public attributes (by attribute name) and the public events (as `on…` handlers of their `detail`). */
export interface WizardArgs {
  channel: Channel | '';
  'demo-scenario': ActivationScenario;
  lang: string;
  theme: 'auto' | 'light' | 'dark';
  'hide-language-switcher': boolean;
  'plans-filter': string;
  onEsimStepChange: (detail: StepChangeDetail) => void;
  onEsimBeforeStepChange: (detail: StepChangeDetail) => void;
  onEsimRenewalComplete: (detail: RenewalCompleteDetail) => void;
  onEsimError: (detail: WizardErrorDetail) => void;
  onEsimSessionExpired: (detail: SessionExpiredDetail) => void;
  onEsimPaymentRequest: (detail: PaymentRequestDetail) => void;
}

/**
 * Defaults for every story. `lang` is fixed to English: without it the wizard follows the
 * browser's languages, and the play functions find controls by their English labels.
 * The handlers are spies: Storybook logs their calls in the Actions panel, and play functions can
 * assert on them (preview.ts clears them before each story).
 */
export const wizardArgs = (): WizardArgs => ({
  channel: '',
  'demo-scenario': 'immediate',
  lang: 'en',
  theme: 'auto',
  'hide-language-switcher': false,
  'plans-filter': '',
  onEsimStepChange: fn(),
  onEsimBeforeStepChange: fn(),
  onEsimRenewalComplete: fn(),
  onEsimError: fn(),
  onEsimSessionExpired: fn(),
  onEsimPaymentRequest: fn(),
});

const attribute = { category: 'attributes' } as const;
const propertyOnly = { control: false } as const;
const hidden = { table: { disable: true } } as const;

/**
 * Controls for the attributes; descriptions, types and defaults come from custom-elements.json
 * (preview.ts). Properties are documented there too but set by the stories, not by Controls.
 */
export const wizardArgTypes: Partial<ArgTypes<WizardArgs>> & ArgTypes = {
  channel: { control: 'select', options: ['', ...CHANNELS], table: attribute },
  'demo-scenario': { control: 'select', options: [...ACTIVATION_SCENARIOS], table: attribute },
  lang: { control: 'select', options: [...LOCALES], table: attribute },
  theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'], table: attribute },
  'hide-language-switcher': { control: 'boolean', table: attribute },
  'plans-filter': { control: 'text', table: attribute },
  demoScenario: propertyOnly,
  hideLanguageSwitcher: propertyOnly,
  plansFilter: propertyOnly,
  provider: propertyOnly,
  clock: propertyOnly,
  session: propertyOnly,
  profile: propertyOnly,
  version: propertyOnly,
  onEsimStepChange: hidden,
  onEsimBeforeStepChange: hidden,
  onEsimRenewalComplete: hidden,
  onEsimError: hidden,
  onEsimSessionExpired: hidden,
  onEsimPaymentRequest: hidden,
};

// ---------------------------------------------------------------------------------------------
// The harness: what a story sets up around one mounted element
// ---------------------------------------------------------------------------------------------

/** What a story gives the element before it connects. No provider: the built-in demo provider. */
export interface Tools {
  readonly provider?: Provider;
  readonly clock?: SimulatedClock;
}

export interface HarnessSpec<T extends Tools = Tools> {
  /** Fresh tools for each mount (a remount starts over). */
  readonly tools: () => T;
  /** Host configuration through the public API (profile, slotted content, …), before `reach`. */
  readonly configure?: ((el: EsimRenewalWizard, tools: T) => void | Promise<void>) | undefined;
}

interface Harness {
  readonly tools: Tools;
  readonly ready: Promise<void>;
}

const harnesses = new WeakMap<Element, Harness>();

/**
 * An element directive: the first time it sees an element (lit sets bindings before it inserts
 * a new template into the page), it sets the harness's provider and clock as properties, so the
 * element connects with them, and runs `configure`. Re-renders for changed args keep the element
 * and its harness: the wizard stays where it is and only the changed attributes change.
 */
class HarnessDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('harness() goes on an element');
  }

  render(_spec: HarnessSpec | undefined) {
    return nothing;
  }

  override update(part: ElementPart, [spec]: [HarnessSpec | undefined]) {
    const el = part.element as EsimRenewalWizard;
    if (!harnesses.has(el)) {
      const tools = spec?.tools() ?? {};
      if (tools.provider) el.provider = tools.provider;
      if (tools.clock) el.clock = tools.clock;
      const ready = (async () => spec?.configure?.(el, tools))();
      harnesses.set(el, { tools, ready });
    }
    return nothing;
  }
}

const harness = directive(HarnessDirective);

/** A story `render`: the wizard with the args as attributes and event handlers, and the harness. */
export function renderWizard<T extends Tools>(spec?: HarnessSpec<T>): (args: WizardArgs) => TemplateResult {
  return (args) =>
    html`<esim-renewal-wizard
      channel=${ifDefined(args.channel || undefined)}
      demo-scenario=${ifDefined(args['demo-scenario'] || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      ?hide-language-switcher=${args['hide-language-switcher']}
      plans-filter=${ifDefined(args['plans-filter'] || undefined)}
      @esim-step-change=${(e: Event & { detail: StepChangeDetail }) => args.onEsimStepChange?.(e.detail)}
      @esim-before-step-change=${(e: Event & { detail: StepChangeDetail }) => args.onEsimBeforeStepChange?.(e.detail)}
      @esim-renewal-complete=${(e: Event & { detail: RenewalCompleteDetail }) => args.onEsimRenewalComplete?.(e.detail)}
      @esim-error=${(e: Event & { detail: WizardErrorDetail }) => args.onEsimError?.(e.detail)}
      @esim-session-expired=${(e: Event & { detail: SessionExpiredDetail }) => args.onEsimSessionExpired?.(e.detail)}
      @esim-payment-request=${(e: Event & { detail: PaymentRequestDetail }) => args.onEsimPaymentRequest?.(e.detail)}
      ${harness(spec as HarnessSpec | undefined)}
    ></esim-renewal-wizard>`;
}

/**
 * The story's wizard and its tools, once the harness's `configure` has run and the element has
 * rendered. For play functions.
 */
export async function mounted<T extends Tools = Tools>(canvasElement: HTMLElement): Promise<{ el: EsimRenewalWizard; tools: T }> {
  const el = canvasElement.querySelector('esim-renewal-wizard');
  if (!el) throw new Error('no <esim-renewal-wizard> in the story');
  const h = harnesses.get(el) ?? { tools: {}, ready: Promise.resolve() };
  await h.ready;
  await el.updateComplete;
  return { el, tools: h.tools as T };
}
