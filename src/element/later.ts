/**
 * The later chunk: everything the wizard needs from sign-in onwards, fetched right after the
 * first step has rendered (and at once if the wizard starts later, e.g. resumed), so the first
 * paint carries only what it shows. What it brings in, each in its own module:
 * - the later steps' views and styles, and their strings in every language (i18n/later-locales.ts);
 * - saved progress (saved-progress.ts);
 * - the host's events and the `payment` slot (host-events.ts);
 * - the page watchers: the slot, the network, the page going away (page-watch.ts);
 * - the card form (card-form.ts) and the provider calls over the provider (provider-calls.ts);
 * - the provider when the host set none (fallback-provider.ts);
 * - clipboard and calendar reminder (reminders.ts); attribute checks (attributes.ts).
 * {@link LaterSteps} puts them together for one element.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { StepId } from '../domain/types.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { Messages } from '../i18n/en.js';
import type { LaterMessages } from '../i18n/en-later.js';
import { loadLaterMessages } from '../i18n/later-locales.js';
import { statePath, stepOf, type WizardSnapshot } from '../machine/selectors.js';
import type { Provider } from '../providers/contract.js';
import { checkAttributes } from './attributes.js';
import { cardForTokenizing, EMPTY_CARD, type CardFields } from './card-form.js';
import type { LaterHost } from './later-host.js';
import { fallbackProvider, followScenario } from './fallback-provider.js';
import { hasHostPayment, HostEvents } from './host-events.js';
import { laterStyles } from './later.styles.js';
import { watchPage } from './page-watch.js';
import { providerCalls } from './provider-calls.js';
import { copyText, downloadReminder } from './reminders.js';
import { SavedProgress, type SavedSnapshot } from './saved-progress.js';
import { activationView, doneView } from './views/activation.js';
import { channelView } from './views/channel.js';
import { loginView } from './views/login.js';
import { paymentView } from './views/payment.js';
import { planView } from './views/plan.js';
import { shopVisitView } from './views/shop-visit.js';
import { preparedSupportMessage, troubleshootingView } from './views/troubleshooting.js';
import type { LaterViewHost, ViewHost } from './views/view.js';

export type LaterStep = Exclude<StepId, 'validity'>;

const laterViews: Record<LaterStep, (v: LaterViewHost) => TemplateResult> = {
  channel: channelView,
  login: loginView,
  plan: planView,
  payment: paymentView,
  activation: activationView,
  done: doneView,
  troubleshooting: troubleshootingView,
  'shop-visit': shopVisitView,
};

/** What one element does from sign-in onwards, once this chunk is in. */
class LaterSteps {
  readonly #edge: LaterHost;
  readonly #progress: SavedProgress;
  readonly #events: HostEvents;
  /** Stops the page watchers (while the element is connected). */
  #stopWatching: (() => void) | undefined;
  /** Saved progress could not be used: the wizard says so on its first step. */
  #discarded = false;
  /** The support message as last prepared from what is known (kept until the person edits it). */
  #prepared = '';
  /** The Japanese later catalog, for the Japanese copy of a support message written in another language. */
  #japanese: LaterMessages | undefined;
  /** The card form as typed; never leaves the view except to tokenization. */
  #card: CardFields = EMPTY_CARD;
  #copied = false;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(edge: LaterHost) {
    this.#edge = edge;
    this.#progress = new SavedProgress(edge.host);
    this.#events = new HostEvents(edge.host, () => edge.info());
  }

  /**
   * The chunk has arrived: the later steps' strings load (in this and every language the wizard
   * switches to), bad attribute values are reported, the later styles join the shadow root, and
   * the watchers start. Returns the saved progress to resume from, if there is any and the person
   * has not begun afresh meanwhile (`afresh`: `reset()` was called before the chunk came).
   */
  start(locale: LocaleController, afresh: boolean): SavedSnapshot | undefined {
    const edge = this.#edge;
    const el = edge.host;
    locale.requireLater(loadLaterMessages);
    if (el.isConnected) this.connect();
    checkAttributes(
      el,
      new Map([
        ['channel', null],
        ['demoScenario', null],
        ['theme', null],
      ]) as PropertyValues,
    );
    const root = el.renderRoot as ShadowRoot;
    const sheet = laterStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    // Saved progress is taken up while the person has not begun afresh (nothing answered yet, no reset()).
    const snap = edge.snapshot();
    if (!afresh && snap.value === 'validity' && snap.context.validity.mode === null) {
      const saved = this.#progress.read();
      this.#discarded ||= saved.discarded;
      if (saved.snapshot) return saved.snapshot;
    }
    // Otherwise, steps taken before this chunk came (it saves) are saved now.
    this.#progress.save(snap);
    return undefined;
  }

  /** While connected: the slot, the network and the page are watched. */
  connect(): void {
    this.disconnect();
    const edge = this.#edge;
    this.#stopWatching = watchPage(edge.host, {
      slotChanged: () => {
        this.#events.slotChanged(edge.snapshot());
        edge.host.requestUpdate();
      },
      connectivityChanged: (online) => {
        edge.host.requestUpdate();
        // A call that failed for want of the network is tried again by itself.
        if (online && edge.snapshot().context.error?.code === 'network') edge.send({ type: 'user.retry' });
      },
      // Progress is saved as each state settles, not on every keystroke; what was entered since
      // is saved as the page goes away or out of sight.
      leaving: () => this.#progress.save(edge.snapshot()),
    });
  }

  disconnect(): void {
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  /** `reset()`: the secrets go, and the saved progress (starting afresh is no change of state that saves). */
  reset(): void {
    const vault = this.#edge.vault;
    vault.password = '';
    vault.supportMessage = '';
    vault.card = null;
    this.#card = EMPTY_CARD;
    this.#prepared = '';
    this.#events.reset();
    this.#progress.clear();
  }

  /**
   * Before each render: bad attribute values are reported, the demo follows `demo-scenario`,
   * and on the troubleshooting path the support message is prepared from what is known now, in
   * the current language, until the person edits it; their words are then kept.
   */
  beforeUpdate(changed: PropertyValues, fallback: Provider | undefined): void {
    const edge = this.#edge;
    checkAttributes(edge.host, changed);
    if (changed.has('demoScenario')) followScenario(fallback, edge.host.demoScenario);
    const vault = edge.vault;
    if (statePath(edge.snapshot()).startsWith('troubleshooting.') && (vault.supportMessage === '' || vault.supportMessage === this.#prepared)) {
      const base = edge.view();
      if (base) vault.supportMessage = this.#prepared = this.#supportMessage(this.viewHost(base));
    }
  }

  /**
   * The support message in the person's language and, when that is not Japanese, a copy in
   * Japanese beneath it, so that a support desk in Japan can read it (its catalog is fetched
   * the first time; the message gains the copy when it is in, unless the person edited it).
   */
  #supportMessage(v: LaterViewHost): string {
    // Line breaks as the text box holds them, so what is sent is exactly what is shown.
    const own = preparedSupportMessage(v).replace(/\r\n?/g, '\n');
    if (v.locale === 'ja') return own;
    if (!this.#japanese) {
      void loadLaterMessages('ja').then((japanese) => {
        this.#japanese = japanese;
        this.#edge.host.requestUpdate();
      });
      return own;
    }
    return `${own}\n\n${this.#japanese.trouble.copyHeading}\n${preparedSupportMessage(v, this.#japanese).replace(/\r\n?/g, '\n')}`;
  }

  /** What follows a new snapshot from sign-in onwards: saved progress, events to the host, secrets dropped. */
  afterSnapshot(previous: WizardSnapshot | undefined, next: WizardSnapshot): void {
    const edge = this.#edge;
    this.#progress.save(next, previous);
    const to = stepOf(next);
    // Secrets are dropped as soon as they have served: the password once the sign-in step is left
    // (signed in, or Back), the card after payment. Coming back to sign-in asks for the password again.
    if (to !== 'login') edge.vault.password = '';
    if (to === 'activation' || to === 'done') {
      this.#card = EMPTY_CARD;
      edge.vault.card = null;
    }
    // A session that expired is forgotten; the host is asked for a new one.
    if (statePath(next) === 'login.awaitingHost' && previous && statePath(previous) !== 'login.awaitingHost') edge.vault.session = null;
    this.#events.afterSnapshot(previous, next);
  }

  /** The later step's view. */
  view(step: LaterStep, base: ViewHost): TemplateResult {
    return laterViews[step](this.viewHost(base));
  }

  /**
   * The notices above the steps: saved progress could not be used (on the first step, where the
   * wizard starts again); the device is offline (until it is back: nothing entered is lost).
   */
  notices(): TemplateResult | typeof nothing {
    // (Their words come with the later steps' catalog, a moment after this chunk.)
    const m = this.#edge.messages();
    if (!m.resume) return nothing;
    // A demo on a server says so, under the demo notice (which is in the first chunk).
    return html`${this.#edge.info()?.demoServer ? html`<p class="notice" part="notice" role="note">${m.resume.demoServer}</p>` : nothing}
      ${this.#discarded ? html`<p class="notice" part="notice" role="status">${m.resume.discarded}</p>` : nothing}
      ${navigator.onLine ? nothing : html`<p class="notice" part="notice" role="status" id="offline-notice">${m.errors.offline}</p>`}`;
  }

  /**
   * A step already done, in the progress list: said to be done, and a way back to it where the
   * machine allows that. (Only steps after the first have done steps before them, so this comes
   * with this chunk; until it is in, the list shows the step's name.)
   */
  doneStep(step: StepId, m: Messages): TemplateResult {
    const label = html`${m.steps[step]}<span class="visually-hidden"> (${m.stepDone})</span>`;
    const event = { type: 'user.goto', step } as const;
    return this.#edge.snapshot().can(event)
      ? html`<button type="button" class="link step-link" @click=${() => this.#edge.send(event)}>${label}</button>`
      : label;
  }

  /** "I already paid: check my order", for the first step (its words are in the later steps' catalog, which may still be on its way). */
  checkOrder(m: Messages): TemplateResult | undefined {
    return m.login
      ? html`<p><button type="button" class="secondary" @click=${() => this.#edge.send({ type: 'user.checkOrder' })}>${m.login.checkOrder}</button></p>`
      : undefined;
  }

  /** The view host of the later steps: the first step's, with the card form, copying and the support message. */
  viewHost(base: ViewHost): LaterViewHost {
    const edge = this.#edge;
    return {
      ...base,
      hostPayment: hasHostPayment(edge.host),
      card: this.#card,
      supportMessage: edge.vault.supportMessage,
      copied: this.#copied,
      setPassword: (value) => {
        edge.vault.password = value;
        if (value.length > 0 !== edge.snapshot().context.login.passwordFilled) edge.send({ type: 'user.login.password', filled: value.length > 0 });
      },
      setCard: (field, value) => {
        this.#card = { ...this.#card, [field]: value };
        edge.vault.card = cardForTokenizing(this.#card);
        const valid = edge.vault.card !== null;
        if (valid !== edge.snapshot().context.payment.cardValid) edge.send({ type: 'user.payment.card', valid });
        edge.host.requestUpdate();
      },
      setSupportMessage: (value) => {
        edge.vault.supportMessage = value;
        edge.host.requestUpdate();
      },
      copy: (text) => void copyText(text).then((copied) => copied && this.#showCopied()),
      downloadReminder: () => void downloadReminder(edge.snapshot().context, edge.messages()),
    };
  }

  /** "Copied" shows for two seconds. */
  #showCopied(): void {
    const host = this.#edge.host;
    this.#copied = true;
    host.requestUpdate();
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => {
      this.#copied = false;
      host.requestUpdate();
    }, 2000);
  }

  readonly providerCalls = providerCalls;
  readonly fallbackProvider = fallbackProvider;
}

/**
 * What the element takes from this chunk: one constructor (importing the chunk then needs no
 * module namespace object built at run time, which its exports shared with the demo chunk would force).
 */
export default LaterSteps;
