/**
 * What every step view gets: the snapshot through selectors, the messages, and the handlers
 * the element owns. Views are functions of this; they hold no state of their own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { UserEvent, WizardContext } from '../../machine/context.js';
import type { WizardSnapshot } from '../../machine/selectors.js';
import type { ProviderInfo, ProviderProfile } from '../../providers/contract.js';
import type { Messages } from '../../i18n/en.js';
import type { FieldError } from '../../domain/validation.js';
import { pathsFor, type PhonePaths } from '../../i18n/phone-paths.js';
import type { CardFields } from '../card-form.js';

export interface ViewHost {
  readonly snap: WizardSnapshot;
  readonly ctx: WizardContext;
  /** Dotted active state, e.g. `payment.review`. */
  readonly path: string;
  readonly m: Messages;
  readonly locale: string;
  readonly info: ProviderInfo | null;
  /** The host's profile of the provider (brand, support channels, links). */
  readonly profile: ProviderProfile;
  /** Whether the person tried to go on from this step with invalid data: errors are shown. */
  readonly attempted: boolean;
  send(event: UserEvent): void;
  can(event: UserEvent): boolean;
  /** The primary action: sends when the machine allows it, otherwise shows the errors and focuses the first. */
  submit(event: UserEvent): void;
  /**
   * "I already paid: check my order", for the first step: it comes with the later chunk (a
   * moment after the first paint), whose words it uses.
   */
  checkOrder?: TemplateResult;
}

/**
 * What the steps from sign-in onwards get besides: the card form, the support message, copying
 * and the reminder. They come with the later chunk, which builds this (later.ts).
 */
export interface LaterViewHost extends ViewHost {
  /** The host put its own payment UI in the `payment` slot: the built-in methods are not shown. */
  readonly hostPayment: boolean;
  readonly card: CardFields;
  readonly supportMessage: string;
  readonly copied: boolean;
  setPassword(value: string): void;
  setCard(field: keyof CardFields, value: string): void;
  setSupportMessage(value: string): void;
  copy(text: string): void;
  downloadReminder(): void;
}

export function heading(text: string): TemplateResult {
  return html`<h2 id="step-heading" tabindex="-1">${text}</h2>`;
}

export function busy(text: string): TemplateResult {
  return html`<div class="busy" role="status"><span class="spinner" aria-hidden="true"></span><span>${text}</span></div>`;
}

export interface FieldOptions {
  id: string;
  label: string;
  value: string;
  error: FieldError | null | undefined;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  hint?: string;
  maxlength?: number;
  onInput: (value: string) => void;
  /** Extra attributes are not needed often; this covers the spellcheck of codes and names. */
  spellcheck?: boolean;
}

export function field(v: ViewHost, o: FieldOptions): TemplateResult {
  const showError = v.attempted && o.error;
  const describedBy = [o.hint ? `${o.id}-hint` : '', showError ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field" part="field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
    <input
      id=${o.id}
      name=${o.id}
      type=${o.type ?? 'text'}
      .value=${o.value}
      autocomplete=${o.autocomplete ?? nothing}
      inputmode=${o.inputmode ?? nothing}
      maxlength=${o.maxlength ?? nothing}
      spellcheck=${o.spellcheck === false ? 'false' : nothing}
      aria-invalid=${showError ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${({ target: t }: { target: HTMLInputElement }) => o.onInput(t.value)}
    />
    ${showError ? html`<p class="field-error" id="${o.id}-error">${v.m.fieldErrors[o.error!]}</p>` : nothing}
  </div>`;
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export function choices<T extends string>(
  v: ViewHost,
  o: {
    name: string;
    legend: string;
    options: readonly ChoiceOption<T>[];
    selected: T | null;
    onSelect: (value: T) => void;
    error?: string | null;
    segmented?: boolean;
  },
): TemplateResult {
  const showError = v.attempted && o.error;
  // A radiogroup role, so the group may carry aria-invalid (a plain fieldset may not).
  return html`<fieldset
    role="radiogroup"
    aria-labelledby="${o.name}-legend"
    aria-invalid=${showError ? 'true' : nothing}
    aria-describedby=${showError ? `${o.name}-error` : nothing}
    data-field=${o.name}
  >
    <legend id="${o.name}-legend">${o.legend}</legend>
    ${showError ? html`<p class="field-error" id="${o.name}-error">${o.error}</p>` : nothing}
    <div class=${o.segmented ? 'segmented' : ''}>
      ${o.options.map(
        (opt) => html`<label class=${o.selected === opt.value ? 'choice checked' : 'choice'}>
          <input
            type="radio"
            name=${o.name}
            .value=${opt.value}
            .checked=${o.selected === opt.value}
            aria-describedby=${opt.hint ? `${o.name}-${opt.value}-hint` : nothing}
            @change=${() => o.onSelect(opt.value)}
          />
          <span class="choice-text">
            <span class="choice-title">${opt.label}</span>
            ${opt.hint ? html`<span class="hint" id="${o.name}-${opt.value}-hint">${opt.hint}</span>` : nothing}
          </span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/**
 * Back and the primary action, as every step has them. Back shows only when the machine takes
 * it. Inside a form the primary button submits it, so Enter in a field works too.
 */
export function actions(
  v: ViewHost,
  primary?: { label: string; event: UserEvent; submit?: boolean } | null,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const back: UserEvent = { type: 'user.back' };
  const canBack = v.can(back);
  const enabled = primary ? v.can(primary.event) : false;
  return html`<div class="actions">
    ${canBack ? html`<button type="button" class="secondary" part="secondary-button" @click=${() => v.send(back)}>${v.m.nav.back}</button>` : nothing}
    ${extra}
    ${
      primary
        ? html`<button
          type=${primary.submit ? 'submit' : 'button'}
          class="primary"
          part="primary-button"
          aria-disabled=${enabled ? 'false' : 'true'}
          @click=${primary.submit ? nothing : () => v.submit(primary.event)}
        >
          ${primary.label}
        </button>`
        : nothing
    }
  </div>`;
}

export function platformSwitch(v: ViewHost): TemplateResult {
  return choices(v, {
    name: 'platform',
    legend: v.m.platform.legend,
    segmented: true,
    options: [
      { value: 'ios', label: v.m.platform.ios },
      { value: 'android', label: v.m.platform.android },
    ],
    selected: v.ctx.platform,
    onSelect: (platform) => v.send({ type: 'user.platform', platform }),
  });
}

/** Settings paths in the phone's own words for the chosen platform. */
export function phonePaths(v: ViewHost, paths: PhonePaths): TemplateResult | typeof nothing {
  const list = pathsFor(paths, v.ctx.platform);
  if (list.length === 0) return nothing;
  const labels = (v.ctx.platform === 'ios' ? v.m.os.ios : v.m.os.android) as Record<string, string>;
  return html`<div class="paths">
    <p class="hint">${v.m.platform.pathLabel}</p>
    ${list.map(
      (path, i) => html`${i > 0 ? html`<p class="hint">${v.m.platform.or}</p>` : nothing}
        <ol class="path">
          ${path.map((key) => html`<li>${labels[key]}</li>`)}
        </ol>`,
    )}
  </div>`;
}
