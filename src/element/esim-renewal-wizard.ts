import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { createActor, transition, type ActorOptions, type Snapshot } from 'xstate';
import { ActorController } from '../controllers/actor-controller.js';
import type { HostEvent, UserEvent } from '../machine/context.js';
import { idempotencyKey } from '../machine/steps/payment.js';
import { wizardMachine, type WizardMachine } from '../machine/machine.js';
import { progressOf, statePath, stepOf, type WizardSnapshot } from '../machine/selectors.js';
import { CHANNELS, MAIN_STEPS, type Channel, type Platform, type StepId } from '../machine/types.js';
import { digitsOnly } from '../machine/validation.js';
import type { Messages } from '../i18n/en.js';
import { LANGUAGE_NAMES, LOCALES } from '../i18n/locales.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { localToday } from '../i18n/format.js';
import type { Provider, ProviderInfo, ProviderProfile, Session } from '../providers/contract.js';
import type { ActivationScenario, DemoProvider } from '../providers/demo.js';
import {
  BeforeStepChangeEvent,
  completeDetail,
  PaymentRequestEvent,
  RenewalCompleteEvent,
  SessionExpiredEvent,
  StepChangeEvent,
  WizardErrorEvent,
} from './events.js';
import { checkAttributes } from './attributes.js';
import { reminderIcs } from './ics.js';
import { providerActors, type Vault } from './provider-actors.js';
import { wizardStyles } from './styles.js';
import { activationView, doneView } from './views/activation.js';
import { channelView, shopVisitView } from './views/channel.js';
import { loginView } from './views/login.js';
import { cardErrors, paymentView } from './views/payment.js';
import { planView } from './views/plan.js';
import { preparedSupportMessage, troubleshootingView } from './views/troubleshooting.js';
import { validityView } from './views/validity.js';
import type { CardFields, ViewHost } from './views/view.js';
import { VERSION } from '../version.js';


/** The timer source XState uses (its `Clock`): `setTimeout` and `clearTimeout`. */
export type WizardClock = NonNullable<ActorOptions<WizardMachine>['clock']>;

export function guessPlatform(userAgent: string): Platform {
  return /android/i.test(userAgent) ? 'android' : 'ios';
}

const VIEWS: Record<StepId, (v: ViewHost) => TemplateResult> = {
  validity: validityView,
  channel: channelView,
  login: loginView,
  plan: planView,
  payment: paymentView,
  activation: activationView,
  done: doneView,
  troubleshooting: troubleshootingView,
  'shop-visit': shopVisitView,
};

/**
 * Walks a person through renewing a Japan eSIM: time left, where it was bought, sign-in, plan,
 * final confirmation and payment, activation, and troubleshooting when the plan does not come
 * alive. The flow is an XState statechart; this element is a view of it.
 *
 * Without a `provider`, it runs on the built-in demo provider and says so on screen.
 *
 * @summary Renew a Japan eSIM, step by step.
 *
 * @attr lang - The language: `en`, `ja`, `zh-Hans`, `zh-Hant` or `ko` (any BCP 47 tag; `zh-TW`
 *   and `zh-HK` mean Traditional Chinese). Without it, the closest ancestor's `lang`, then the
 *   browser's languages, then English. Changing it re-renders in place, keeping the step and data.
 *
 * @fires {StepChangeEvent} esim-step-change - After the wizard moved to another step. `detail: { from: StepId, to: StepId }`.
 * @fires {RenewalCompleteEvent} esim-renewal-complete - Once, when the renewed plan is active. `detail: { orderReference, planId, amount, currency, newExpiry, demo }`; never card data.
 * @fires {WizardErrorEvent} esim-error - When a provider call fails. `detail: { code, step, retryable }`.
 * @fires {BeforeStepChangeEvent} esim-before-step-change - Cancelable, before a step change the person asked for (Next, Back, a step in the progress list). `detail: { from, to }`; `preventDefault()` keeps the wizard where it is. Provider results are not vetoable.
 * @fires {SessionExpiredEvent} esim-session-expired - The host-supplied `session` expired; set a new one and the wizard goes on. `detail: { step }`.
 * @fires {PaymentRequestEvent} esim-payment-request - With content in the `payment` slot, when an order is ready to be paid by the host's payment UI. `detail: { orderId, orderReference, amount, currency, idempotencyKey }`.
 *
 * @slot payment - The host's own payment UI (e.g. Stripe Payment Element, PayPal buttons), in light DOM where such widgets can mount. It replaces the built-in payment methods; report the result with `reportPayment()`.
 *
 * @csspart base - The wizard's outer box.
 * @csspart header - The title bar.
 * @csspart progress - The numbered list of steps.
 * @csspart step - The current step's content.
 * @csspart primary-button - Each step's main action.
 * @csspart secondary-button - Back and the other actions.
 * @csspart field - A labelled input with its hint and error.
 * @csspart error - A message about a failure, with the way on.
 * @csspart notice - The demo notice and the "do not delete your eSIM" warning.
 *
 * @cssprop [--esim-color-text=#1b1f24] - Text colour.
 * @cssprop [--esim-color-muted=#4a5360] - Hints and secondary text.
 * @cssprop [--esim-color-surface=#ffffff] - Background.
 * @cssprop [--esim-color-subtle=#f3f5f8] - Panels and selected choices.
 * @cssprop [--esim-color-border=#8a94a3] - Borders of inputs and choices.
 * @cssprop [--esim-color-primary=#0b57d0] - Buttons, links, the selected choice.
 * @cssprop [--esim-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssprop [--esim-color-danger=#b3261e] - Errors.
 * @cssprop [--esim-color-danger-surface=#fdecea] - Background of error panels.
 * @cssprop [--esim-color-warning-surface=#fff4d6] - Background of warnings and the demo notice.
 * @cssprop [--esim-color-success=#146c2e] - Success accents.
 * @cssprop [--esim-color-success-surface=#e6f4ea] - Background of success panels.
 * @cssprop [--esim-focus-ring=3px solid #0b57d0] - The focus outline.
 * @cssprop [--esim-radius=10px] - Corner radius.
 * @cssprop [--esim-space=1rem] - Base spacing.
 * @cssprop [--esim-font=inherit] - Font family; inherits the page's by default.
 */
export class EsimRenewalWizard extends LitElement {
  /** The package version of this class, so two copies on one page can tell each other apart. */
  static readonly version: string = VERSION;

  static override styles = [wizardStyles];

  static override properties = {
    channel: { type: String },
    demoScenario: { type: String, attribute: 'demo-scenario' },
    provider: { attribute: false },
    clock: { attribute: false },
    hideLanguageSwitcher: { type: Boolean, attribute: 'hide-language-switcher' },
    theme: { type: String, reflect: true },
    plansFilter: {
      attribute: 'plans-filter',
      converter: {
        fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : null),
        toAttribute: (value: readonly string[] | null) => (value ? value.join(' ') : null),
      },
    },
    session: { attribute: false },
    profile: { attribute: false },
  };

  /**
   * Where the eSIM was bought: `online`, `shop` or `airport`. When set, the wizard skips that
   * question (a shop still asks "renew online or visit a shop"). Read when the wizard starts
   * and on `reset()`.
   */
  declare channel: Channel | null;

  /**
   * How activation behaves on the demo provider: `immediate`, `delayed`, `never` (goes to
   * troubleshooting; a reported fix then works) or `failed`. Ignored with a real provider.
   */
  declare demoScenario: ActivationScenario;

  /**
   * The backend, as any object implementing the provider contract (property only). Without
   * it, the built-in demo provider is used and a "no real payment" notice is shown.
   */
  declare provider: Provider | null;

  /**
   * The timer source for activation polling, voucher checks and the sign-in pause: an XState
   * `Clock` (property only; set it before the element connects). For tests and demos.
   */
  declare clock: WizardClock | null;

  /**
   * `light`, `dark`, or `auto` (the default: follows the system's `prefers-color-scheme`).
   * Both palettes keep text contrast at 4.5:1 or more; custom properties override either.
   */
  declare theme: 'light' | 'dark' | 'auto';

  /** Hides the language switcher, for hosts that choose the language themselves (through `lang`). */
  declare hideLanguageSwitcher: boolean;

  /**
   * Offer only these plans, by id. As an attribute, ids separated by spaces or commas
   * (`plans-filter="online-7d-3gb online-30d-20gb"`). `null` (the default): every plan.
   */
  declare plansFilter: readonly string[] | null;

  /**
   * A session the host already holds for the person (property only): the wizard then skips
   * sign-in and never asks for a password. When it expires, the wizard fires
   * `esim-session-expired` and waits; setting a new session goes on where it stopped.
   */
  declare session: Session | null;

  /**
   * How the site presents the provider: brand name and logo, support channels (e-mail, phone,
   * chat apps such as LINE, KakaoTalk or WeChat, as links) and links to terms, refunds and
   * privacy. Shown on the final confirmation screen, in troubleshooting and at the end.
   * Default: `{ brandName: '' }` (the provider's own name is used).
   */
  declare profile: ProviderProfile;

  #vault: Vault = { password: '', card: null, session: null, supportMessage: '' };
  #card: CardFields = { number: '', expiry: '', cvc: '' };
  #demo: Promise<DemoProvider> | undefined;
  #demoInstance: DemoProvider | undefined;
  #attempted: string | null = null;
  #copied = false;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the live region says, from the current catalog: a language switch re-says it in the new language. */
  #announcement: (m: Messages) => string = () => '';
  #focusHeading = false;
  #hadFocus = false;
  #completedOrder: string | null = null;
  #children: MutationObserver | undefined;
  /** The support message as last prepared, to tell the person's edits from it. */
  #preparedMessage = '';
  readonly #locale = new LocaleController(this);

  get #messages(): Messages {
    return this.#locale.messages;
  }

  readonly #wizard = new ActorController<WizardMachine>(
    this,
    (snapshot?: Snapshot<unknown>) =>
      createActor(wizardMachine.provide({ actors: providerActors(() => this.#resolveProvider(), this.#vault, () => this.plansFilter) }), {
        input: {
          platform: guessPlatform(navigator.userAgent),
          channel: this.#validChannel(),
          hostSession: this.session !== null,
          today: localToday(),
        },
        ...(snapshot ? { snapshot } : {}),
        ...(this.clock ? { clock: this.clock } : {}),
      }),
    (previous, next) => this.#onSnapshot(previous, next),
  );

  constructor() {
    super();
    this.channel = null;
    this.demoScenario = 'immediate';
    this.provider = null;
    this.clock = null;
    this.hideLanguageSwitcher = false;
    this.theme = 'auto';
    this.plansFilter = null;
    this.session = null;
    this.profile = { brandName: '' };
  }

  /**
   * Reports a payment made with the host's own payment UI (the `payment` slot), by the
   * processor's payment reference. The wizard asks the provider for that payment's status and
   * goes on only if the provider confirms it: a host's word alone never completes an order.
   * Returns false when no order is waiting for payment or the person has not yet confirmed it.
   */
  reportPayment(paymentId: string): boolean {
    const event: HostEvent = { type: 'host.payment.reported', paymentId };
    if (!this.#wizard.snapshot.can(event)) return false;
    this.#wizard.send(event);
    return true;
  }

  /** Starts over from the first step, forgetting everything entered. */
  reset(): void {
    const before = this.#wizard.snapshot as WizardSnapshot;
    this.#clearSecrets();
    // The wizard's own sign-in is forgotten; a session the host supplied is still the host's to end.
    this.#vault.session = this.session ?? null;
    this.#attempted = null;
    this.#completedOrder = null;
    this.#wizard.replace();
    // A fresh actor is not a transition, so the step change is told here, as any other.
    this.#stepChanged(stepOf(before), stepOf(this.#wizard.snapshot as WizardSnapshot));
  }

  /** Announces a new step, moves focus to its heading and tells the host. */
  #stepChanged(from: StepId, to: StepId): void {
    if (from === to) return;
    const { index, count } = progressOf(to);
    this.#announcement = (m) => m.stepOf(index + 1, count, m.steps[to]);
    this.#focusHeading = true;
    this.dispatchEvent(new StepChangeEvent({ from, to }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.provider) void this.#resolveProvider();
    // The host may add or remove its payment UI at any time.
    this.#children ??= new MutationObserver(() => {
      const snap = this.#wizard.snapshot as WizardSnapshot;
      if (this.#hostPayment && statePath(snap) === 'payment.review' && snap.context.order) this.#requestHostPayment(snap);
      this.requestUpdate();
    });
    this.#children.observe(this, { childList: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    checkAttributes(this, changed);
    if (changed.has('demoScenario') && this.#demoInstance) this.#demoInstance.scenario = this.#validScenario();
    if (changed.has('session') && this.session) {
      // A new session from the host: used for every call from now on; a wizard waiting for it goes on.
      this.#vault.session = this.session;
      this.#wizard.send({ type: 'host.session' });
    }
    this.#hadFocus = this.shadowRoot?.activeElement != null;
    // A prepared support message the person has not edited follows the language.
    if (this.#vault.supportMessage !== '' && this.#vault.supportMessage === this.#preparedMessage) {
      this.#vault.supportMessage = this.#preparedMessage = preparedSupportMessage(this.#viewHost(this.#wizard.snapshot as WizardSnapshot));
    }
  }

  protected override updated(): void {
    const root = this.renderRoot as ShadowRoot;
    // Focus goes to the new step's heading; and when the focused control vanished with a
    // state change inside a step, to the heading too, so keyboard users are never lost.
    if (this.#focusHeading || (this.#hadFocus && root.activeElement === null)) {
      this.#focusHeading = false;
      root.querySelector<HTMLElement>('#step-heading')?.focus();
    }
  }

  override render(): TemplateResult {
    const snap = this.#wizard.snapshot as WizardSnapshot;
    const step = stepOf(snap);
    const m = this.#messages;
    const progress = progressOf(step);
    const busy = snap.hasTag('busy');
    const demo = this.#info()?.demo ?? !this.provider;
    // Until the first catalog is in (a locale chunk), nothing rather than a flash of English.
    if (!this.#locale.ready) return html`<div class="base" part="base" aria-busy="true"></div>`;
    // The header is no banner landmark: the host page has its own, and may hold several wizards.
    return html`<div class="base" part="base" lang=${m.locale}>
      <header part="header" role="none">
        <p class="title">${m.title}</p>
        ${this.hideLanguageSwitcher ? nothing : this.#languageSwitcher()}
      </header>
      ${demo ? html`<p class="notice" part="notice" role="note">${m.demoNotice}</p>` : nothing}
      <nav aria-label=${m.progressLabel}>
        <ol class="progress" part="progress">
          ${MAIN_STEPS.map(
            (id, i) =>
              html`<li aria-current=${i === progress.index ? 'step' : nothing} class=${i < progress.index ? 'complete' : ''}>
                ${snap.can({ type: 'user.goto', step: id })
                  ? html`<button type="button" class="link step-link" @click=${() => this.#send({ type: 'user.goto', step: id })}>
                      ${m.steps[id]}<span class="visually-hidden"> (${m.stepDone})</span>
                    </button>`
                  : html`${m.steps[id]}${i < progress.index ? html`<span class="visually-hidden"> (${m.stepDone})</span>` : nothing}`}
              </li>`,
          )}
        </ol>
      </nav>
      <section class="step" part="step" data-step=${step} data-state=${statePath(snap)} aria-busy=${busy ? 'true' : 'false'} aria-labelledby="step-heading">
        ${VIEWS[step](this.#viewHost(snap))}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">${this.#announcement(m)}</div>
    </div>`;
  }

  #languageSwitcher(): TemplateResult {
    const current = this.#locale.locale;
    return html`<label class="language">
      <span>${this.#messages.languageLabel}</span>
      <select
        @change=${(e: Event) => {
          // The person's choice becomes the element's own language.
          this.setAttribute('lang', (e.target as HTMLSelectElement).value);
        }}
      >
        ${LOCALES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === current} .selected=${live(l === current)}>${LANGUAGE_NAMES[l]}</option>`)}
      </select>
    </label>`;
  }

  #viewHost(snap: WizardSnapshot): ViewHost {
    const path = statePath(snap);
    return {
      snap,
      ctx: snap.context,
      path,
      m: this.#messages,
      locale: this.#locale.locale,
      info: this.#info(),
      profile: this.profile ?? { brandName: '' },
      hostPayment: this.#hostPayment,
      attempted: this.#attempted === path,
      card: this.#card,
      supportMessage: this.#vault.supportMessage,
      copied: this.#copied,
      send: (event) => this.#send(event),
      can: (event) => snap.can(event),
      submit: (event) => {
        if (snap.can(event)) {
          this.#send(event);
          return;
        }
        // Not allowed yet: show what is missing and take the person there.
        this.#attempted = path;
        this.requestUpdate();
        void this.updateComplete.then(() => {
          const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
          const target = first?.matches('fieldset') ? first.querySelector<HTMLElement>('input') : first;
          target?.focus();
        });
      },
      setPassword: (value) => {
        this.#vault.password = value;
        if ((value.length > 0) !== snap.context.login.passwordFilled) this.#send({ type: 'user.login.password', filled: value.length > 0 });
      },
      setCard: (field, value) => {
        this.#card = { ...this.#card, [field]: value };
        const errors = cardErrors(this.#card);
        const valid = !errors.number && !errors.expiry && !errors.cvc;
        this.#vault.card = valid ? { number: digitsOnly(this.#card.number), expiry: this.#card.expiry, cvc: this.#card.cvc.trim() } : null;
        if (valid !== this.#wizard.snapshot.context.payment.cardValid) this.#send({ type: 'user.payment.card', valid });
        this.requestUpdate();
      },
      setSupportMessage: (value) => {
        this.#vault.supportMessage = value;
        this.requestUpdate();
      },
      copy: (text) => this.#copy(text),
      downloadReminder: () => this.#downloadReminder(),
    };
  }

  #send(event: UserEvent): void {
    // A step change the person asked for may be vetoed by the host; provider results may not.
    if (event.type === 'user.next' || event.type === 'user.back' || event.type === 'user.goto') {
      const current = this.#wizard.snapshot as WizardSnapshot;
      const [next] = transition(this.#wizard.actor.logic, current, event);
      const from = stepOf(current);
      const to = stepOf(next as WizardSnapshot);
      if (from !== to && !this.dispatchEvent(new BeforeStepChangeEvent({ from, to }))) return;
    }
    this.#wizard.send(event);
  }

  #onSnapshot(previous: WizardSnapshot | undefined, next: WizardSnapshot): void {
    const to = stepOf(next);
    const nextPath = statePath(next);
    if (previous) {
      const from = stepOf(previous);
      this.#stepChanged(from, to);
      // Work in progress within a step is said in the live region too: the step is aria-busy meanwhile.
      if (from === to && next.hasTag('busy') && !previous.hasTag('busy')) this.#announcement = (m) => m.nav.busy;
      if (statePath(previous) !== nextPath && this.#attempted !== nextPath) this.#attempted = null;
      if (next.context.error && next.context.error !== previous.context.error) {
        this.dispatchEvent(new WizardErrorEvent({ code: next.context.error.code, step: to, retryable: next.context.error.retryable }));
      }
    }
    // Secrets are dropped as soon as they have served: the password once the sign-in step is left
    // (signed in, or Back), the card after payment. Coming back to sign-in asks for the password again.
    if (to !== 'login' && this.#vault.password) this.#vault.password = '';
    if (to === 'activation' || to === 'done') this.#clearCard();
    if (nextPath === 'troubleshooting.escalate') {
      // Prepared afresh from what is known now, unless the person has edited it.
      const prepared = preparedSupportMessage(this.#viewHost(next));
      if (this.#vault.supportMessage === '' || this.#vault.supportMessage === this.#preparedMessage) this.#vault.supportMessage = prepared;
      this.#preparedMessage = prepared;
    }
    if (nextPath === 'login.awaitingHost' && previous && statePath(previous) !== nextPath) {
      this.#vault.session = null;
      this.dispatchEvent(new SessionExpiredEvent({ step: next.context.resumeStep ?? 'plan' }));
    }
    if (nextPath === 'payment.review' && this.#hostPayment && next.context.order && (!previous || statePath(previous) !== nextPath)) {
      this.#requestHostPayment(next);
    }
    if (to === 'done' && next.context.order && this.#completedOrder !== next.context.order.orderId) {
      this.#completedOrder = next.context.order.orderId;
      this.dispatchEvent(new RenewalCompleteEvent(completeDetail(next.context.order, next.context.activation.expiresAt, this.#info()?.demo ?? true)));
    }
  }

  #info(): ProviderInfo | null {
    return this.provider?.info ?? this.#demoInstance?.info ?? null;
  }

  #resolveProvider(): Promise<Provider> {
    if (this.provider) return Promise.resolve(this.provider);
    this.#demo ??= import('../providers/demo.js').then(({ DemoProvider }) => {
      this.#demoInstance = new DemoProvider({ scenario: this.#validScenario() });
      this.requestUpdate();
      return this.#demoInstance;
    });
    return this.#demo;
  }

  #validChannel(): Channel | null {
    return this.channel && (CHANNELS as readonly string[]).includes(this.channel) ? this.channel : null;
  }

  #validScenario(): ActivationScenario {
    return (['immediate', 'delayed', 'never', 'failed'] as const).find((s) => s === this.demoScenario) ?? 'immediate';
  }

  /** Whether the host put its own payment UI into the `payment` slot. */
  get #hostPayment(): boolean {
    return this.querySelector(':scope > [slot="payment"]') !== null;
  }

  #requestHostPayment(snap: WizardSnapshot): void {
    const order = snap.context.order!;
    this.dispatchEvent(
      new PaymentRequestEvent({
        orderId: order.orderId,
        orderReference: order.reference,
        amount: order.total.amount,
        currency: order.total.currency,
        idempotencyKey: idempotencyKey(snap.context),
      }),
    );
  }

  #clearCard(): void {
    if (this.#card.number || this.#card.cvc || this.#vault.card) {
      this.#card = { number: '', expiry: '', cvc: '' };
      this.#vault.card = null;
    }
  }

  #clearSecrets(): void {
    this.#vault.password = '';
    this.#vault.supportMessage = '';
    this.#preparedMessage = '';
    this.#clearCard();
  }

  #copy(text: string): void {
    void navigator.clipboard?.writeText(text).then(
      () => {
        this.#copied = true;
        this.requestUpdate();
        clearTimeout(this.#copiedTimer);
        this.#copiedTimer = setTimeout(() => {
          this.#copied = false;
          this.requestUpdate();
        }, 2000);
      },
      () => {},
    );
  }

  #downloadReminder(): void {
    const ctx = this.#wizard.snapshot.context;
    const expiresAt = ctx.activation.expiresAt ?? ctx.order?.newExpiresAt;
    if (!expiresAt || !ctx.order) return;
    const m = this.#messages.done;
    const ics = reminderIcs({ expiresAt, reference: ctx.order.reference, title: m.reminderTitle, description: m.reminderText(ctx.order.reference) });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'esim-renewal-reminder.ics';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
