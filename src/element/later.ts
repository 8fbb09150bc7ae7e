/**
 * Everything the wizard needs from sign-in onwards: the later steps' views, their styles and
 * helpers. A separate chunk, fetched right after the first step has rendered (and at once if
 * the wizard starts later, e.g. resumed), so the first paint carries only what it shows.
 */
import type { WizardContext } from '../machine/context.js';
import type { StepId } from '../machine/types.js';
import type { Messages } from '../i18n/en.js';
import { digitsOnly } from '../machine/validation.js';
import type { CardInput, Provider } from '../providers/contract.js';
import type { ActivationScenario } from '../providers/demo.js';
import { reminderIcs } from './ics.js';
import { laterStyles } from './later.styles.js';
import { activationView, doneView } from './views/activation.js';
import { channelView } from './views/channel.js';
import { loginView } from './views/login.js';
import { cardErrors, paymentView } from './views/payment.js';
import { planView } from './views/plan.js';
import { shopVisitView } from './views/shop-visit.js';
import { preparedSupportMessage, troubleshootingView } from './views/troubleshooting.js';
import type { CardFields, ViewHost } from './views/view.js';
import type { TemplateResult } from 'lit';

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
export { providerCalls } from './provider-calls.js';
export { checkAttributes } from './attributes.js';
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

/** The later views' part of the view host: the card form, copying, the support message. */
export function hostExtras(edge: Edge): Partial<ViewHost> {
  return {
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
    downloadReminder: () => downloadReminder(edge.context(), edge.messages()),
  };
}

type Snap = { context: WizardContext; value: unknown; hasTag(tag: string): boolean };

/** What follows a new snapshot from sign-in onwards: events to the host, secrets dropped. */
export function afterSnapshot(edge: Edge, previous: Snap | undefined, next: Snap): void {
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
    edge.host.dispatchEvent(new SessionExpiredEvent({ step: ctx.resumeStep ?? 'plan' }));
  }
  if (path === 'payment.review' && entered) slotChanged(edge, next);
  if (to === 'done' && ctx.order && edge.completedOrder !== ctx.order.orderId) {
    edge.completedOrder = ctx.order.orderId;
    edge.host.dispatchEvent(new RenewalCompleteEvent(completeDetail(ctx.order, ctx.activation.expiresAt, edge.info()?.demo ?? true)));
  }
}

/** The host's payment UI appeared (or the order is ready for it): ask it to pay. */
export function slotChanged(edge: Edge, snap: Snap): void {
  if (edge.hostPayment() && statePath(snap as never) === 'payment.review') {
    const event = paymentRequest(snap.context);
    if (event) edge.host.dispatchEvent(event);
  }
}

/**
 * The provider when the host set none: the HTTP provider for an `api-base`, else the demo.
 * Each is its own chunk: a page loads only the one it uses.
 */
export async function fallbackProvider(apiBase: string | null, scenario: ActivationScenario): Promise<Provider> {
  if (apiBase) return new (await import('../providers/http.js')).HttpProvider({ apiBase });
  return new (await import('../providers/demo.js')).DemoProvider({ scenario });
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
export function downloadReminder(ctx: WizardContext, m: Messages): void {
  const expiresAt = ctx.activation.expiresAt ?? ctx.order?.newExpiresAt;
  if (!expiresAt || !ctx.order) return;
  const ics = reminderIcs({ expiresAt, reference: ctx.order.reference, title: m.done.reminderTitle, description: m.done.reminderText(ctx.order.reference) });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'esim-renewal-reminder.ics';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
