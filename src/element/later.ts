/**
 * Everything the wizard needs from sign-in onwards: the later steps' views, their styles and
 * helpers. A separate chunk, fetched right after the first step has rendered (and at once if
 * the wizard starts later, e.g. resumed), so the first paint carries only what it shows.
 */
import type { WizardContext } from '../machine/context.js';
import type { StepId } from '../domain/types.js';
import type { Messages } from '../i18n/en.js';
import { digitsOnly } from '../domain/validation.js';
import type { CardInput, Provider } from '../providers/contract.js';
import { ACTIVATION_SCENARIOS, type ActivationScenario } from '../domain/types.js';
import { laterStyles } from './later.styles.js';
import { activationView, doneView } from './views/activation.js';
import { channelView } from './views/channel.js';
import { loginView } from './views/login.js';
import { cardErrors, paymentView } from './views/payment.js';
import { planView } from './views/plan.js';
import { shopVisitView } from './views/shop-visit.js';
import { preparedSupportMessage, troubleshootingView } from './views/troubleshooting.js';
import type { CardFields, ViewHost } from './views/view.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { wizardMachine } from '../machine/machine.js';

export type LaterStep = Exclude<StepId, 'validity'>;

export const laterViews: Record<LaterStep, (v: ViewHost) => TemplateResult> = {
  channel: channelView,
  login: loginView,
  plan: planView,
  payment: paymentView,
  activation: activationView,
  done: doneView,
  troubleshooting: troubleshootingView,
  'shop-visit': shopVisitView,
};

export { laterStyles, preparedSupportMessage };
import { providerCalls } from './provider-calls.js';
export { providerCalls };
import { checkAttributes } from './attributes.js';
export { checkAttributes };
import { loadLaterMessages } from '../i18n/later-locales.js';
import type { LocaleController } from '../controllers/locale-controller.js';
import type { EsimRenewalWizard } from './esim-renewal-wizard.js';
import { completeDetail, PaymentRequestEvent, RenewalCompleteEvent, SessionExpiredEvent, WizardErrorEvent } from './events-later.js';
import type { Edge } from './edge.js';
import { statePath, stepOf } from '../machine/selectors.js';
import { idempotencyKey } from '../machine/steps/payment.js';

/** The card form's verdict, and what goes to tokenization when it is valid. */
export function cardForTokenizing(card: CardFields): CardInput | null {
  const errors = cardErrors(card);
  if (errors.number || errors.expiry || errors.cvc) return null;
  return { number: digitsOnly(card.number), expiry: card.expiry, cvc: card.cvc.trim() };
}

/**
 * The chunk has arrived: the later steps' strings load (in this and every language the wizard
 * switches to), bad attribute values are reported, the later styles join the shadow root, and
 * the watchers start. Returns the saved progress to resume from, if there is any and the person
 * has not begun afresh meanwhile.
 */
export function loaded(edge: Edge, locale: LocaleController): Saved['snapshot'] | undefined {
  const el = edge.host as EsimRenewalWizard;
  locale.requireLater(loadLaterMessages);
  if (el.isConnected) attach(edge);
  checkAttributes(el, new Map([['channel', null], ['demoScenario', null], ['theme', null]]) as PropertyValues);
  const root = el.renderRoot as ShadowRoot;
  const sheet = laterStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // Saved progress is taken up while the person has not begun afresh (nothing answered yet, no reset()).
  const snap = edge.snapshot();
  const saved = !edge.afresh && snap.value === 'validity' && snap.context.validity.mode === null ? readSaved(edge) : undefined;
  // Otherwise, steps taken before this chunk came (it saves) are saved now.
  if (!saved) save(edge, undefined, snap as never);
  return saved;
}

/**
 * A step already done, in the progress list: said to be done, and a way back to it where the
 * machine allows that. (Only steps after the first have done steps before them, so this comes
 * with the later chunk; until it is in, the list shows the step's name.)
 */
export function doneStep(edge: Edge, step: StepId, m: Messages): TemplateResult {
  const label = html`${m.steps[step]}<span class="visually-hidden"> (${m.stepDone})</span>`;
  const event = { type: 'user.goto', step } as const;
  return edge.snapshot().can(event) ? html`<button type="button" class="link step-link" @click=${() => edge.send(event)}>${label}</button>` : label;
}

/** Whether the host put its own payment UI in the `payment` slot. */
const hostPayment = (edge: Edge): boolean => edge.host.querySelector(':scope > [slot="payment"]') !== null;

/** The later views' part of the view host: the card form, copying, the support message. */
export function hostExtras(edge: Edge): Partial<ViewHost> {
  return {
    hostPayment: hostPayment(edge),
    card: edge.card,
    supportMessage: edge.vault.supportMessage,
    copied: edge.copied,
    setPassword: (value) => {
      edge.vault.password = value;
      if (value.length > 0 !== edge.context().login.passwordFilled) edge.send({ type: 'user.login.password', filled: value.length > 0 });
    },
    setCard: (field, value) => {
      edge.card = { ...edge.card, [field]: value };
      edge.vault.card = cardForTokenizing(edge.card);
      const valid = edge.vault.card !== null;
      if (valid !== edge.context().payment.cardValid) edge.send({ type: 'user.payment.card', valid });
      edge.host.requestUpdate();
    },
    setSupportMessage: (value) => {
      edge.vault.supportMessage = value;
      edge.host.requestUpdate();
    },
    copy: (text) =>
      void copyText(text).then((copied) => {
        if (!copied) return;
        edge.copied = true;
        edge.host.requestUpdate();
        clearTimeout(edge.copiedTimer);
        edge.copiedTimer = setTimeout(() => {
          edge.copied = false;
          edge.host.requestUpdate();
        }, 2000);
      }),
    downloadReminder: () => void downloadReminder(edge.context(), edge.messages()),
    // (Its words are in the later steps' catalog, which may still be on its way.)
    checkOrder: edge.messages().login
      ? html`<p><button type="button" class="secondary" @click=${() => edge.send({ type: 'user.checkOrder' })}>${edge.messages().login.checkOrder}</button></p>`
      : undefined,
  };
}

type Snap = { context: WizardContext; value: unknown; hasTag(tag: string): boolean };

/** What follows a new snapshot from sign-in onwards: events to the host, secrets dropped. */
export function afterSnapshot(edge: Edge, previous: Snap | undefined, next: Snap): void {
  save(edge, previous, next);
  const to = stepOf(next as never);
  const path = statePath(next as never);
  const entered = !previous || statePath(previous as never) !== path;
  const ctx = next.context;
  if (previous && ctx.error && ctx.error !== previous.context.error) {
    edge.host.dispatchEvent(new WizardErrorEvent({ code: ctx.error.code, step: to, retryable: ctx.error.retryable }));
  }
  // Secrets are dropped as soon as they have served: the password once the sign-in step is left
  // (signed in, or Back), the card after payment. Coming back to sign-in asks for the password again.
  if (to !== 'login') edge.vault.password = '';
  if (to === 'activation' || to === 'done') {
    edge.card = { number: '', expiry: '', cvc: '' };
    edge.vault.card = null;
  }
  if (path === 'login.awaitingHost' && previous && entered) {
    edge.vault.session = null;
    edge.host.dispatchEvent(new SessionExpiredEvent({ step: ctx.resumeStep === 'reconcile' ? 'payment' : (ctx.resumeStep ?? 'plan') }));
  }
  if (path === 'payment.review' && entered) slotChanged(edge, next);
  if (to === 'done' && ctx.order && edge.completedOrder !== ctx.order.orderId) {
    edge.completedOrder = ctx.order.orderId;
    edge.host.dispatchEvent(new RenewalCompleteEvent(completeDetail(ctx.order, ctx.activation.expiresAt, edge.info()?.demo ?? true)));
  }
}

/** The host's payment UI appeared (or the order is ready for it): ask it to pay. */
export function slotChanged(edge: Edge, snap: Snap): void {
  if (hostPayment(edge) && statePath(snap as never) === 'payment.review') {
    const event = paymentRequest(snap.context);
    if (event) edge.host.dispatchEvent(event);
  }
}

/**
 * The provider when the host set none: the HTTP provider for an `api-base`, else the demo.
 * Each is its own chunk: a page loads only the one it uses.
 */
export async function fallbackProvider(el: { apiBase: string | null; demoScenario: string }): Promise<Provider> {
  if (el.apiBase) return new (await import('../providers/http.js')).HttpProvider({ apiBase: el.apiBase });
  return new (await import('../providers/demo.js')).DemoProvider({ scenario: validScenario(el.demoScenario) });
}

/** The demo's activation scenario: an unknown one is reported (checkAttributes) and means `immediate`. */
function validScenario(name: string): ActivationScenario {
  return ACTIVATION_SCENARIOS.find((s) => s === name) ?? 'immediate';
}

/**
 * Before each render, once this chunk is in: bad attribute values are reported, the demo follows
 * `demo-scenario`, and on the troubleshooting path the support message is prepared from what is
 * known now, in the current language, until the person edits it; their words are then kept.
 */
export function beforeUpdate(edge: Edge, changed: PropertyValues, fallback: Provider | undefined): void {
  const el = edge.host as unknown as HTMLElement & { demoScenario: string };
  checkAttributes(el as never, changed as never);
  if (changed.has('demoScenario') && fallback && 'scenario' in fallback) (fallback as { scenario: ActivationScenario }).scenario = validScenario(el.demoScenario);
  const vault = edge.vault;
  if (statePath(edge.snapshot() as never).startsWith('troubleshooting.') && (vault.supportMessage === '' || vault.supportMessage === edge.prepared)) {
    const view = edge.view();
    if (view) vault.supportMessage = edge.prepared = preparedSupportMessage(view);
  }
}

/**
 * Saved progress: a version (a change that old snapshots cannot follow bumps it) and when.
 * 2: the expiry date is three fields (year, month, day), no longer one string.
 */
export const SAVE_VERSION = 2;
/** Saved progress lasts a day: long enough to restart a phone, short enough to be forgotten. */
export const SAVE_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface Saved {
  readonly v: number;
  readonly savedAt: number;
  readonly snapshot: { value: unknown; context: WizardContext; [k: string]: unknown };
}

/**
 * The snapshot as it may be stored: no calls in flight (the machine starts them again on
 * resume), no payment token, nothing that says a password was typed. Card numbers, security
 * codes, passwords and sessions never enter the machine, so they cannot be here.
 */
export function savable(snap: Snap & { machine: { getPersistedSnapshot(s: unknown): unknown } }): Saved['snapshot'] {
  const persisted = snap.machine.getPersistedSnapshot(snap) as Saved['snapshot'];
  const ctx = persisted.context;
  return {
    ...persisted,
    children: {},
    context: {
      ...ctx,
      login: { ...ctx.login, passwordFilled: false },
      payment: { ...ctx.payment, card: ctx.payment.card ? { ...ctx.payment.card, token: '' } : null },
    },
  };
}

/**
 * Works with this wizard's saved progress in `localStorage`: nothing with `no-persist`, nor
 * where storage is off limits (a sandboxed frame, a browser setting), which throws.
 */
function store<T>(edge: Edge, use: (storage: Storage, key: string) => T): T | undefined {
  const el = edge.host as EsimRenewalWizard;
  try {
    return el.noPersist
      ? undefined
      : use(localStorage, el.persistKey || `esim-renewal-wizard:${location.pathname}#${el.id || [...document.querySelectorAll('esim-renewal-wizard')].indexOf(el)}`);
  } catch {
    return undefined;
  }
}

/** `reset()`: the secrets go, and the saved progress (starting afresh is no change of state that saves). */
function reset(edge: Edge): void {
  edge.vault.password = '';
  edge.vault.supportMessage = '';
  edge.vault.card = null;
  edge.card = { number: '', expiry: '', cvc: '' };
  edge.prepared = '';
  edge.completedOrder = null;
  store(edge, (storage, key) => storage.removeItem(key));
}

/** Saved progress for this key, if there is usable progress; what is unusable is removed. */
export function readSaved(edge: Edge): Saved['snapshot'] | undefined {
  const raw = store(edge, (storage, key) => storage.getItem(key));
  if (raw == null) return undefined;
  try {
    const saved = JSON.parse(raw) as Saved;
    if (Date.now() - saved.savedAt > SAVE_LIFETIME_MS) throw 'expired';
    if (saved.v !== SAVE_VERSION) throw new Error('version');
    // It must be a state this machine has: an older layout would not restore.
    wizardMachine.resolveState({ value: saved.snapshot.value as never, context: saved.snapshot.context });
    return saved.snapshot;
  } catch (reason) {
    store(edge, (storage, key) => storage.removeItem(key));
    // Expiry is silent; anything else is said: the person sees why the wizard starts afresh.
    if (reason !== 'expired') edge.notice = true;
    return undefined;
  }
}

/** Saves the progress after each settled change of state (not on every keystroke). */
function save(edge: Edge, previous: Snap | undefined, next: Snap): void {
  if (previous && statePath(previous as never) === statePath(next as never)) return;
  // Storage full or forbidden (private mode) fails quietly: the wizard works on, without resume.
  store(edge, (storage, key) => storage.setItem(key, JSON.stringify({ v: SAVE_VERSION, savedAt: Date.now(), snapshot: savable(next as never) } satisfies Saved)));
}

/**
 * While connected: the host's payment UI may come and go in the `payment` slot; the network may
 * come back, when a call that failed for want of it is tried again by itself; and the page may go
 * away or out of sight, when what was entered is saved.
 */
export function attach(edge: Edge): void {
  edge.detach?.();
  const slot = new MutationObserver(() => {
    slotChanged(edge, edge.snapshot());
    edge.host.requestUpdate();
  });
  slot.observe(edge.host, { childList: true });
  const online = () => {
    edge.host.requestUpdate();
    if (edge.context().error?.code === 'network') edge.send({ type: 'user.retry' });
  };
  const offline = () => edge.host.requestUpdate();
  addEventListener('online', online);
  addEventListener('offline', offline);
  // Progress is saved as each state settles, not on every keystroke; what was entered since is
  // saved as the page goes away (a reload, a closed tab) or out of sight (another app).
  const away = () => save(edge, undefined, edge.snapshot() as never);
  const hidden = () => {
    if (document.visibilityState === 'hidden') away();
  };
  addEventListener('pagehide', away);
  document.addEventListener('visibilitychange', hidden);
  edge.detach = () => {
    slot.disconnect();
    removeEventListener('online', online);
    removeEventListener('offline', offline);
    removeEventListener('pagehide', away);
    document.removeEventListener('visibilitychange', hidden);
    edge.detach = undefined;
  };
}

/**
 * The notices above the steps: saved progress could not be used (on the first step, where the
 * wizard starts again); the device is offline (until it is back: nothing entered is lost).
 */
export function savedNotice(edge: Edge) {
  // (Their words come with the later steps' catalog, a moment after this chunk.)
  const m = edge.messages();
  if (!m.resume) return nothing;
  return html`${edge.notice ? html`<p class="notice" part="notice" role="status">${m.resume.discarded}</p>` : nothing}
    ${navigator.onLine ? nothing : html`<p class="notice" part="notice" role="status" id="offline-notice">${m.errors.offline}</p>`}`;
}

/** The event that asks the host's payment UI (the `payment` slot) to pay this order. */
export function paymentRequest(ctx: WizardContext): PaymentRequestEvent | null {
  const order = ctx.order;
  if (!order) return null;
  return new PaymentRequestEvent({
    orderId: order.orderId,
    orderReference: order.reference,
    amount: order.total.amount,
    currency: order.total.currency,
    idempotencyKey: idempotencyKey(ctx),
  });
}

/** Copies text to the clipboard; false where the page may not (no permission, no clipboard). */
export function copyText(text: string): Promise<boolean> {
  return navigator.clipboard ? navigator.clipboard.writeText(text).then(() => true, () => false) : Promise.resolve(false);
}

/** Downloads an .ics reminder a few days before the new expiry. */
export async function downloadReminder(ctx: WizardContext, m: Messages): Promise<void> {
  const expiresAt = ctx.activation.expiresAt ?? ctx.order?.newExpiresAt;
  if (!expiresAt || !ctx.order) return;
  // The calendar file's writer is fetched when asked for (once, at the end, if at all).
  const { reminderIcs } = await import('./ics.js');
  const ics = reminderIcs({ expiresAt, reference: ctx.order.reference, title: m.done.reminderTitle, description: m.done.reminderText(ctx.order.reference) });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'esim-renewal-reminder.ics';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * What the element uses of this chunk, as one object: importing the chunk then needs no module
 * namespace object built at run time (which its exports shared with the demo chunk would force).
 */
export default { reset, attach, beforeUpdate, savedNotice, doneStep, laterViews, providerCalls, loaded, hostExtras, afterSnapshot, fallbackProvider };
