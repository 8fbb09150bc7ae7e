import { html, nothing } from 'lit';
import type { PaymentMethod } from '../../domain/types.js';
import { cardBrand, cardExpiry } from '../../domain/card-validation.js';
import { formatDateTime, formatMoney } from '../../i18n/format.js';
import { cardErrors } from '../card-form.js';
import { expiryText, orderPlanName } from './plan.js';
import { actions, busy, choices, field, heading, type LaterViewHost } from './view.js';
import { errorPanel, retryActions } from './later-helpers.js';
import { brandMark, outLink, profileLinks } from './profile.js';

function orderSummary(v: LaterViewHost) {
  const m = v.m.payment;
  const order = v.ctx.order;
  if (!order) return nothing;
  const cash = v.ctx.payment.method === 'konbini';
  const terms = v.ctx.account?.capabilities.links.terms ?? v.info?.links.terms;
  return html`<section class="panel" aria-labelledby="order-heading">
    <h3 id="order-heading">${m.summary}</h3>
    ${brandMark(v)}
    <dl class="summary">
      <dt>${m.plan}</dt>
      <dd>${orderPlanName(v, order)}</dd>
      <dt>${m.quantity}</dt>
      <dd>${order.quantity}</dd>
      <dt>${m.total}</dt>
      <dd><strong class="price">${formatMoney(v.locale, order.total)}</strong></dd>
      <dt>${m.charged}</dt>
      <dd>${cash ? m.chargedCash : m.chargedNow}</dd>
      ${order.startsAt ? html`<dt>${m.startsAt}</dt><dd>${expiryText(v, order.startsAt)}</dd>` : nothing}
      <dt>${m.newExpiry}</dt>
      <dd>${expiryText(v, order.newExpiresAt)}</dd>
      <dt>${m.terms}</dt>
      <dd>${m.termsText} ${outLink(terms, m.termsLink)}</dd>
    </dl>
    ${v.ctx.account?.capabilities.topUpWindow.inJapanOnly ? html`<p>${v.m.plan.inJapanOnly}</p>` : nothing}
    ${profileLinks(v)}
  </section>`;
}

function cardForm(v: LaterViewHost) {
  const m = v.m.payment;
  const errors = cardErrors(v.card);
  const brand = cardBrand(v.card.number);
  // Once the expiry is left, it reads as it is meant: `1230`, `12-30` or `１２／３０` become `12/30`.
  const tidyExpiry = ({ target }: Event) => {
    const input = target as HTMLInputElement;
    const expiry = input.id === 'cc-exp' ? cardExpiry(input.value) : null;
    if (expiry && expiry !== input.value) v.setCard('expiry', expiry);
  };
  return html`<div class="card-form" @change=${tidyExpiry}>
    ${field(v, {
      id: 'cc-number',
      label: m.cardNumber,
      inputmode: 'numeric',
      autocomplete: 'cc-number',
      spellcheck: false,
      maxlength: 23,
      value: v.card.number,
      error: errors.number,
      onInput: (value) => v.setCard('number', value),
    })}
    ${field(v, {
      id: 'cc-exp',
      label: m.cardExpiry,
      inputmode: 'numeric',
      autocomplete: 'cc-exp',
      maxlength: 7,
      value: v.card.expiry,
      error: errors.expiry,
      onInput: (value) => v.setCard('expiry', value),
    })}
    ${field(v, {
      id: 'cc-csc',
      label: m.cardCvc,
      hint: m.cardCvcHint(brand === 'amex' ? 4 : 3),
      inputmode: 'numeric',
      autocomplete: 'cc-csc',
      maxlength: 4,
      value: v.card.cvc,
      error: errors.cvc,
      onInput: (value) => v.setCard('cvc', value),
    })}
    <p class="hint">${m.cardSafe}</p>
  </div>`;
}

function review(v: LaterViewHost) {
  const m = v.m.payment;
  const p = v.ctx.payment;
  const offered = v.ctx.account?.capabilities.paymentMethods ?? [];
  const hints: Partial<Record<PaymentMethod, string>> = { konbini: m.konbiniHint, paypal: m.paypalHint };
  const total = v.ctx.order ? formatMoney(v.locale, v.ctx.order.total) : '';
  const showConfirmError = v.attempted && !p.confirmed;
  return html`${heading(m.title)} ${orderSummary(v)}
    ${
      p.decline
        ? html`<div class="panel error" role="alert" part="error">
          <p>${p.decline === 'authentication_failed' && p.method === 'paypal' ? m.paypalCancelled : m.decline[p.decline]}</p>
        </div>`
        : errorPanel(v)
    }
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        v.submit({ type: 'user.payment.pay' });
      }}
    >
      ${
        v.hostPayment
          ? nothing
          : choices<PaymentMethod>(v, {
              name: 'method',
              legend: m.methodLegend,
              options: offered.map((method) => ({ value: method, label: m.method[method], ...(hints[method] ? { hint: hints[method] } : {}) })),
              selected: p.method,
              onSelect: (method) => v.send({ type: 'user.payment.method', method }),
              error: p.method === null ? v.m.fieldErrors['method-required'] : null,
            })
      }
      ${p.method === 'card' && !v.hostPayment ? cardForm(v) : nothing}
      <div class="field" data-field="confirm">
        <label class=${p.confirmed ? 'choice checked' : 'choice'}>
          <input
            type="checkbox"
            id="confirm"
            .checked=${p.confirmed}
            aria-invalid=${showConfirmError ? 'true' : 'false'}
            aria-describedby=${showConfirmError ? 'confirm-error' : nothing}
            @change=${(e: Event) => v.send({ type: 'user.payment.confirm', confirmed: (e.target as HTMLInputElement).checked })}
          />
          <span>${m.confirm}</span>
        </label>
        ${showConfirmError ? html`<p class="field-error" id="confirm-error">${v.m.fieldErrors['confirm-required']}</p>` : nothing}
      </div>
      ${
        v.hostPayment
          ? html`<p class="hint">${m.hostHint}</p>
            ${actions(v)}`
          : actions(v, { label: m.pay(total), event: { type: 'user.payment.pay' }, submit: true })
      }
    </form>
    <slot name="payment" ?hidden=${!v.hostPayment}></slot>`;
}

export function paymentView(v: LaterViewHost) {
  const m = v.m.payment;
  const p = v.ctx.payment;
  switch (v.path) {
    case 'payment.start':
    case 'payment.ordering':
      return html`${heading(m.title)} ${busy(m.preparing)} ${actions(v)}`;
    case 'payment.orderError':
      return html`${heading(m.title)} ${errorPanel(v)} ${retryActions(v)}`;
    case 'payment.reconcileError':
      return v.ctx.lookup
        ? // Nothing on record for this eSIM: said plainly, with Back to renew from the start.
          html`${heading(v.m.login.titleLookup)}
            ${v.ctx.error?.code === 'not-found' ? html`<div class="panel error" role="alert" part="error"><p>${v.m.resume.noOrder}</p></div>` : errorPanel(v)}
            ${retryActions(v)}`
        : html`${heading(m.title)} ${errorPanel(v, html`<p>${m.unknownOutcome}</p>`)} ${retryActions(v)}`;
    case 'payment.reconciling':
      if (v.ctx.lookup) return html`${heading(v.m.login.titleLookup)} ${busy(v.m.nav.busy)}`;
      return html`${heading(m.title)} ${orderSummary(v)} ${busy(m.processing)}`;
    case 'payment.tokenizing':
      // Nothing is charged while the card is checked: Back is offered, as the machine allows it.
      return html`${heading(m.title)} ${orderSummary(v)} ${busy(m.processing)} ${actions(v)}`;
    case 'payment.paying':
    case 'payment.confirmingAuth':
    case 'payment.verifyingHostPayment':
      return html`${heading(m.title)} ${orderSummary(v)} ${busy(m.processing)}`;
    case 'payment.payError':
    case 'payment.authError':
      return html`${heading(m.title)} ${errorPanel(v, html`<p>${m.unknownOutcome}</p>`)} ${retryActions(v)}`;
    case 'payment.authenticating': {
      const paypal = p.action === 'paypal-approval';
      return html`${heading(paypal ? m.paypalTitle : m.authTitle)}
        <p>${paypal ? m.paypalText : m.authText}</p>
        ${v.info?.demo ? html`<p class="hint">${m.demoAuth}</p>` : nothing}
        ${orderSummary(v)}
        <div class="actions">
          <button type="button" class="secondary" part="secondary-button" @click=${() => v.send({ type: 'user.payment.authenticate', approved: false })}>
            ${m.cancel}
          </button>
          <button type="button" class="primary" part="primary-button" @click=${() => v.send({ type: 'user.payment.authenticate', approved: true })}>
            ${m.approve}
          </button>
        </div>`;
    }
    case 'payment.awaitingCash':
    case 'payment.checkingCash': {
      const voucher = p.voucher;
      return html`${heading(m.cashTitle)}
        <p>${m.cashText}</p>
        ${
          voucher
            ? html`<dl class="summary">
              <dt>${m.voucherNumber}</dt>
              <dd>
                <span class="voucher" id="voucher-number">${voucher.number}</span>
                <button type="button" class="secondary" part="secondary-button" aria-describedby="voucher-number" @click=${() => v.copy(voucher.number)}>
                  ${v.copied ? m.copied : m.copy}
                </button>
              </dd>
              <dt>${m.total}</dt>
              <dd class="price">${formatMoney(v.locale, voucher.total)}</dd>
              <dt>${m.payBy}</dt>
              <dd>${formatDateTime(v.locale, voucher.payBy)}</dd>
            </dl>`
            : nothing
        }
        ${errorPanel(v)}
        ${v.path === 'payment.checkingCash' ? busy(v.m.nav.busy) : html`<p class="hint">${m.cashWaiting}</p>`}
        ${actions(v, { label: m.checkNow, event: { type: 'user.payment.checkCash' } })}`;
    }
    default:
      return review(v);
  }
}
