import { html, nothing } from 'lit';
import { POLL_BUDGET_MS } from '../../machine/guards.js';
import { actions, busy, heading, type LaterViewHost } from './view.js';
import { errorPanel, restartButton, retryActions } from './later-helpers.js';
import { expiryText, orderPlanName } from './plan.js';
import { formatMoney } from '../../i18n/format.js';
import { profileLinks, supportChannels } from './profile.js';

/** Card brands as they write their own names; a provider may also send a name of its own. */
const BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  jcb: 'JCB',
  diners: 'Diners Club',
  discover: 'Discover',
  unionpay: 'UnionPay',
};
// Own keys only: a brand called `constructor` is shown as sent, not as Object's.
export const brandName = (brand: string): string => (Object.hasOwn(BRAND_NAMES, brand.toLowerCase()) ? BRAND_NAMES[brand.toLowerCase()]! : brand);

const notWorking = (v: LaterViewHost, label: string) =>
  html`<button type="button" class="secondary" part="secondary-button" @click=${() => v.send({ type: 'user.activation.notWorking' })}>${label}</button>`;

export function activationView(v: LaterViewHost) {
  const m = v.m.activation;
  const a = v.ctx.activation;
  if (v.path === 'activation.error') {
    return html`${heading(m.title)} ${errorPanel(v)} ${retryActions(v)}`;
  }
  const elapsedMin = Math.floor(a.elapsedMs / 60_000);
  return html`${heading(m.title)}
    <p>${m.text}</p>
    ${busy(v.m.nav.busy)}
    <label class="field">
      <span>${m.progress}</span>
      <progress max=${POLL_BUDGET_MS} .value=${a.elapsedMs} aria-valuetext=${m.progressText(elapsedMin)}></progress>
    </label>
    <p class="hint">${m.checks(a.polls)}</p>
    <p class="panel tip">${m.settingsTip}</p>
    ${actions(v, null, notWorking(v, m.notWorking))}`;
}

export function doneView(v: LaterViewHost) {
  const m = v.m.done;
  const order = v.ctx.order;
  const expires = v.ctx.activation.expiresAt ?? order?.newExpiresAt ?? null;
  const paid = v.ctx.payment.paidWith;
  return html`${heading(m.title)}
    <div class="panel success" role="status">
      ${expires ? html`<p><strong>${m.validUntil}:</strong> ${expiryText(v, expires)}</p>` : nothing}
      ${order ? html`<p><strong>${m.reference}:</strong> <span class="reference">${order.reference}</span></p>` : nothing}
    </div>
    ${
      order
        ? html`<h3>${m.receipt}</h3>
          <dl class="summary">
            <dt>${v.m.payment.plan}</dt>
            <dd>${orderPlanName(v, order)}</dd>
            <dt>${v.m.payment.total}</dt>
            <dd>${formatMoney(v.locale, order.total)}</dd>
            ${
              paid
                ? html`<dt>${m.paidWith}</dt>
                  <dd>
                    ${paid.card ? m.card(brandName(paid.card.brand), paid.card.last4) : paid.method === 'host' ? m.paidByHost : v.m.payment.method[paid.method]}
                  </dd>`
                : nothing
            }
          </dl>`
        : nothing
    }
    ${
      expires
        ? html`<p>
          <button type="button" class="secondary" part="secondary-button" aria-describedby="reminder-hint" @click=${() => v.downloadReminder()}>${m.reminder}</button>
        </p>
        <p class="hint" id="reminder-hint">${m.reminderHint}</p>`
        : nothing
    }
    ${supportChannels(v)} ${profileLinks(v)}
    <h3>${m.tipsTitle}</h3>
    <ul>
      ${m.tips.map((t) => html`<li>${t}</li>`)}
    </ul>
    ${actions(v, null, html`${notWorking(v, m.notWorking)} ${restartButton(v)}`)}`;
}
