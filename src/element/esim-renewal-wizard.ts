import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { createActor, type ActorOptions, type Snapshot } from 'xstate';
import { ActorController } from '../controllers/actor-controller.js';
import type { HostEvent, UserEvent } from '../machine/context.js';
import { wizardMachine, type WizardMachine } from '../machine/machine.js';
import { progressOf, statePath, stepAfter, stepOf, type WizardSnapshot } from '../machine/selectors.js';
import { CHANNELS, MAIN_STEPS, type Channel, type Platform, type StepId } from '../domain/types.js';
import type { Messages } from '../i18n/en.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { localToday } from '../i18n/today.js';
import type { Provider, ProviderInfo, ProviderProfile, Session } from '../providers/contract.js';
import type { ActivationScenario } from '../domain/codes.js';
import { BeforeStepChangeEvent, StepChangeEvent } from './events.js';
import { providerActors, type ProviderCalls, type Vault } from './provider-actors.js';
import type { LaterHost } from './later-host.js';
import { wizardStyles } from './styles.js';
import { busy, heading } from './views/view.js';
import { validityView } from './views/validity.js';
import type { ViewHost } from './views/view.js';
import { VERSION } from '../version.js';

/** The timer source XState uses (its `Clock`): `setTimeout` and `clearTimeout`. */
export type WizardClock = NonNullable<ActorOptions<WizardMachine>['clock']>;

export function guessPlatform(userAgent: string): Platform {
  return /android/i.test(userAgent) ? 'android' : 'ios';
}

type LaterSteps = InstanceType<(typeof import('./later.js'))['default']>;

/**
 * Walks a person through renewing a Japan eSIM: time left, where it was bought, sign-in, plan,
 * final confirmation and payment, activation, and troubleshooting when the plan does not come
 * alive. The flow is an XState statechart; this element is a view of it.
 *
 * Provider precedence: the `provider` property, then the `api-base` attribute (the HTTP
 * provider), then the built-in demo provider, which says so on screen.
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

  // (String is Lit's default attribute type: those properties name no `type`.)
  static override properties = {
    channel: {},
    demoScenario: { attribute: 'demo-scenario' },
    provider: { attribute: false },
    clock: { attribute: false },
    hideLanguageSwitcher: { type: Boolean, attribute: 'hide-language-switcher' },
    theme: { reflect: true },
    plansFilter: {
      attribute: 'plans-filter',
      // (Not reflected, so only the attribute-to-property direction is needed.)
      converter: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : null),
    },
    session: { attribute: false },
    profile: { attribute: false },
    apiBase: { attribute: 'api-base' },
    persistKey: { attribute: 'persist-key' },
    noPersist: { type: Boolean, attribute: 'no-persist' },
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
   * Where progress is saved in `localStorage` (for 24 hours), so a reload or a tab closed to
   * restart the phone comes back to the same step. Default: `esim-renewal-wizard:` + the page's
   * path + `#` + the element's `id` (or its position among the page's wizards), which keeps two
   * wizards on one page apart. Secrets (card data, passwords, tokens, sessions) are never saved.
   */
  declare persistKey: string | null;

  /** Saves nothing: a reload starts afresh. */
  declare noPersist: boolean;

  /**
   * The base URL of a backend that speaks the HTTP contract (docs/http-contract.md), e.g.
   * `https://shop.example/api`: the wizard then uses its HTTP provider. A `provider` property
   * takes precedence; without either, the demo provider is used and says so.
   */
  declare apiBase: string | null;

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

  /** The secrets the provider calls use; they never enter the machine. */
  readonly #vault: Vault = { password: '', card: null, session: null, supportMessage: '' };
  /** What the later chunk gets of this element. */
  readonly #laterHost: LaterHost = {
    host: this,
    vault: this.#vault,
    send: (event) => this.#send(event),
    snapshot: () => this.#wizard.snapshot,
    messages: () => this.#messages,
    info: () => this.#info(),
    view: () => (this.#locale.hasLater ? this.#viewHost(this.#wizard.snapshot) : null),
  };
  /** The person started over (`reset()`) before the later chunk came: saved progress from before is not taken up. */
  #afresh = false;
  /** Without a `provider`: the HTTP provider (`api-base`) or the demo, once loaded. */
  #fallback: Provider | undefined;
  #fallbackLoading: Promise<Provider> | undefined;
  #attempted: string | null = null;
  /** What the live region says, from the current catalog: a language switch re-says it in the new language. */
  #announcement: (m: Messages) => string = () => '';
  #focusHeading = false;
  #hadFocus = false;
  /** The later steps (from sign-in onwards), once their chunk is in. */
  #later: LaterSteps | undefined;
  #laterLoading: Promise<void> | undefined;
  /** Whether fetching the later chunk has been scheduled (after the first render with content). */
  #laterScheduled = false;
  /** The language, its catalog, and the changes of `lang` it follows. */
  readonly #locale = new LocaleController(this);

  get #messages(): Messages {
    return this.#locale.messages;
  }

  readonly #wizard = new ActorController<WizardMachine>(
    this,
    (snapshot?: Snapshot<unknown>) =>
      createActor(this.#liveMachine(), {
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
    // A restored wizard's calls and timers were not kept: the machine says how each state goes on.
    { type: 'host.resumed' },
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
    this.apiBase = null;
    this.persistKey = null;
    this.noPersist = false;
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
    const before = this.#wizard.snapshot;
    // Secrets and saved progress go with the later chunk, which is what holds and saves them; a
    // chunk not in yet does not take up the progress saved before.
    this.#afresh = true;
    this.#later?.reset();
    // The wizard's own sign-in is forgotten; a session the host supplied is still the host's to end.
    this.#vault.session = this.session ?? null;
    this.#attempted = null;
    this.#wizard.replace();
    // A fresh actor is not a transition, so the step change is told here, as any other.
    this.#stepChanged(stepOf(before), stepOf(this.#wizard.snapshot));
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
    // (The demo provider, when no provider is set, is fetched with the later chunk, after the first paint.)
    // The later chunk watches the payment slot and the network while the element is connected.
    this.#later?.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#later?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session) {
      // A new session from the host: used for every call from now on; a wizard waiting for it goes on.
      this.#vault.session = this.session;
      this.#wizard.send({ type: 'host.session' });
    }
    this.#hadFocus = this.shadowRoot?.activeElement != null;
    // Attribute checks and the support message's preparation come with the later chunk.
    this.#later?.beforeUpdate(changed, this.#fallback);
  }

  /**
   * Also waits for the later steps' chunk and a language's catalog while the step on screen
   * needs them, so `await el.updateComplete` means the step is really rendered.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    // A chunk that arrives renders again, and a language switched meanwhile asks for another
    // catalog: wait until nothing the step needs is on its way.
    for (let waits = this.#chunksOnTheirWay(); waits.length > 0; waits = this.#chunksOnTheirWay()) {
      // (Neither rejects: a chunk that could not load is handled where it loads.)
      await Promise.all(waits);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** What the step on screen is still waiting for: a language's catalog, the later steps' chunk. */
  #chunksOnTheirWay(): Promise<void>[] {
    const waits: Promise<void>[] = [];
    if (this.#locale.pending) waits.push(this.#locale.pending);
    if (!this.#later && this.#laterLoading && stepOf(this.#wizard.snapshot) !== 'validity') waits.push(this.#laterLoading);
    return waits;
  }

  protected override updated(): void {
    // The first step is on screen: fetch the rest while the person reads it. Not after the empty
    // frame a locale chunk keeps on screen (first render in ko, ja, …): asking then for the later
    // steps' catalog too would hold the first step back until that catalog is in as well.
    if (!this.#laterScheduled && this.#locale.ready) {
      this.#laterScheduled = true;
      setTimeout(() => {
        void this.#loadLater();
        if (!this.provider) void this.#resolveProvider();
      }, 0);
    }
    const root = this.renderRoot as ShadowRoot;
    // The switcher shows the language actually in use (its options are static markup; and a
    // choice whose catalog could not load is not the language in use).
    const select = root.querySelector<HTMLSelectElement>('.language select');
    // (Only when it differs: setting a select's value costs a selection update on every render.)
    if (select && select.value !== this.#locale.locale) select.value = this.#locale.locale;
    // Focus goes to the new step's heading; and when the focused control vanished with a
    // state change inside a step, to the heading too, so keyboard users are never lost.
    if (this.#focusHeading || (this.#hadFocus && root.activeElement === null)) {
      this.#focusHeading = false;
      // In the next frame, with its style pass: focusing now would force one more, on a whole new step.
      requestAnimationFrame(() => {
        const heading = root.querySelector<HTMLElement>('#step-heading');
        heading?.focus({ preventScroll: true });
        heading?.scrollIntoView({ block: 'nearest' });
      });
    }
  }

  /**
   * The first render waits for the language's catalog when that is a chunk (ko, ja, …): nothing
   * rather than a flash of English, and no empty frame to render first. (Lit's documented way to
   * schedule an update later; the properties set meanwhile are all seen by that update.) If the
   * language changes meanwhile, it waits for the new catalog in turn.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = !this.#locale.ready && this.#locale.pending;
    return pending ? pending.then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }

  override render(): TemplateResult {
    const snap = this.#wizard.snapshot;
    const step = stepOf(snap);
    const m = this.#messages;
    const progress = progressOf(step);
    const busy = snap.hasTag('busy');
    const demo = this.#info()?.demo ?? (!this.provider && !this.apiBase);
    // The header is no banner landmark: the host page has its own, and may hold several wizards.
    return html`<div class="base" part="base" lang=${m.locale}>
      <header part="header" role="none">
        <p class="title">${m.title}</p>
        ${this.hideLanguageSwitcher ? nothing : this.#languageSwitcher()}
      </header>
      ${demo ? html`<p class="notice" part="notice" role="note">${m.demoNotice}</p>` : nothing}
      ${this.#later?.notices()}
      <nav aria-label=${m.progressLabel}>
        <ol class="progress" part="progress">
          ${MAIN_STEPS.map(
            (id, i) =>
              html`<li aria-current=${i === progress.index ? 'step' : nothing} class=${i < progress.index ? 'complete' : ''}>
                ${(i < progress.index && this.#later?.doneStep(id, m)) || m.steps[id]}
              </li>`,
          )}
        </ol>
      </nav>
      <section class="step" part="step" data-step=${step} data-state=${statePath(snap)} aria-busy=${busy} aria-labelledby="step-heading">
        ${this.#stepView(step, snap)}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">${this.#announcement(m)}</div>
    </div>`;
  }

  #stepView(step: StepId, snap: WizardSnapshot): TemplateResult {
    // The first step's view comes with the wizard; the rest with the later chunk (./later.ts).
    if (step === 'validity') return validityView(this.#viewHost(snap));
    if (this.#later && this.#locale.hasLater) return this.#later.view(step, this.#viewHost(snap));
    // The later chunk is on its way (it is fetched right after the first paint).
    void this.#loadLater();
    return html`${heading(this.#messages.steps[step])} ${busy(this.#messages.nav.busy)}`;
  }

  #calls: ProviderCalls | undefined;

  #machine: WizardMachine | undefined;

  /** The machine with this element's provider actors, built with its first actor. */
  #liveMachine(): WizardMachine {
    return (this.#machine ??= wizardMachine.provide({ actors: providerActors(() => this.#providerCalls()) }));
  }

  /** The provider calls, from the later chunk (the first steps call nothing). */
  async #providerCalls(): Promise<ProviderCalls> {
    await this.#loadLater();
    this.#calls ??= this.#later!.providerCalls(
      () => this.#resolveProvider(),
      this.#vault,
      () => this.plansFilter,
    );
    return this.#calls;
  }

  /** Fetches the later steps' views and strings, once. */
  #loadLater(): Promise<void> {
    this.#laterLoading ??= import('./later.js').then(
      ({ default: LaterSteps }) => {
        const later = (this.#later = new LaterSteps(this.#laterHost));
        // Its strings, styles and watchers join in; saved progress, if any, is read now (not
        // before the first paint: storage is slow to open) and taken up where it was left.
        const saved = later.start(this.#locale, this.#afresh);
        if (saved) this.#wizard.replace(saved as never);
        this.requestUpdate();
      },
      () => {
        // Offline: try again on the next render that needs it, which coming back online brings.
        this.#laterLoading = undefined;
        addEventListener('online', () => this.requestUpdate(), { once: true });
      },
    );
    return this.#laterLoading;
  }

  #languageSwitcher(): TemplateResult {
    // The options are fixed (each language in its own words, as LANGUAGE_NAMES has them): static
    // markup, no template per option. `updated()` selects the language in use.
    return html`<label class="language">
      <span>${this.#messages.languageLabel}</span>
      <select
        @change=${(e: Event) => {
          // The person's choice becomes the element's own language.
          this.setAttribute('lang', (e.target as HTMLSelectElement).value);
        }}
      >
        <option value="en" lang="en">English</option>
        <option value="ja" lang="ja">日本語</option>
        <option value="zh-Hans" lang="zh-Hans">简体中文</option>
        <option value="zh-Hant" lang="zh-Hant">繁體中文</option>
        <option value="ko" lang="ko">한국어</option>
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
      attempted: this.#attempted === path,
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
      checkOrder: this.#later?.checkOrder(this.#messages),
    };
  }

  #send(event: UserEvent): void {
    // A step change the person asked for may be vetoed by the host; provider results may not.
    if (event.type === 'user.next' || event.type === 'user.back' || event.type === 'user.goto') {
      const current = this.#wizard.snapshot;
      const from = stepOf(current);
      const to = stepAfter(current, event);
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
    }
    this.#later?.afterSnapshot(previous, next);
  }

  #info(): ProviderInfo | null {
    return this.provider?.info ?? this.#fallback?.info ?? null;
  }

  #resolveProvider(): Promise<Provider> {
    if (this.provider) return Promise.resolve(this.provider);
    // Read when first needed (after the first paint); the later chunk knows how to make each.
    this.#fallbackLoading ??= this.#loadLater().then(() =>
      this.#later!.fallbackProvider(this).then((provider) => {
        this.#fallback = provider;
        this.requestUpdate();
        return provider;
      }),
    );
    return this.#fallbackLoading;
  }

  #validChannel(): Channel | null {
    return this.channel && (CHANNELS as readonly string[]).includes(this.channel) ? this.channel : null;
  }
}
