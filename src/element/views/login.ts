import { html, nothing } from 'lit';
import { outLink } from './profile.js';
import { LOGIN_MAX_FAILURES, loginErrors } from '../../machine/guards.js';
import type { IdentifyMethod } from '../../domain/types.js';
import { actions, busy, choices, field, heading, type LaterViewHost } from './view.js';
import { errorPanel } from './later-helpers.js';

export function loginView(v: LaterViewHost) {
  const m = v.m.login;
  const { ctx } = v;
  const l = ctx.login;
  const travel = l.method !== 'account';
  const errors = loginErrors(ctx);
  const reset = outLink(v.info?.links.resetPassword, m.resetPassword);
  const submitting = v.path === 'login.submitting';
  const coolingDown = v.path === 'login.cooldown';
  const failuresLeft = LOGIN_MAX_FAILURES - l.failures;
  if (v.path === 'login.awaitingHost') {
    return html`${heading(m.hostExpiredTitle)}
      <p class="panel tip" role="status">${m.hostExpiredText}</p>
      ${busy(v.m.nav.busy)}`;
  }
  const setField = (f: 'username' | 'email' | 'iccid' | 'orderNumber') => (value: string) => v.send({ type: 'user.login.field', field: f, value });
  return html`${heading(ctx.lookup ? m.titleLookup : travel ? m.titleTravel : m.titleAccount)}
    ${ctx.lookup ? html`<p>${m.lookupHint}</p>` : nothing}
    <p class="panel tip">${m.securityTip}</p>
    ${errorPanel(
      v,
      ctx.error?.code === 'invalid-credentials' && failuresLeft > 0 && failuresLeft < LOGIN_MAX_FAILURES
        ? html`<p>${m.attemptsLeft(failuresLeft)}</p>`
        : ctx.error?.code === 'locked' && reset !== nothing
          ? html`<p>${reset}</p>`
          : nothing,
    )}
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        v.submit({ type: 'user.next' });
      }}
    >
      ${
        travel
          ? html`${choices<IdentifyMethod>(v, {
              name: 'login-method',
              legend: m.methodLegend,
              segmented: true,
              options: [
                { value: 'iccid', label: m.methodIccid },
                { value: 'order', label: m.methodOrder },
              ],
              selected: l.method,
              onSelect: (method) => v.send({ type: 'user.login.method', method }),
            })}
            ${
              l.method === 'iccid'
                ? field(v, {
                    id: 'iccid',
                    label: m.iccid,
                    hint: m.iccidHint,
                    inputmode: 'numeric',
                    autocomplete: 'off',
                    spellcheck: false,
                    maxlength: 32,
                    value: l.iccid,
                    error: errors.iccid,
                    onInput: setField('iccid'),
                  })
                : field(v, {
                    id: 'order-number',
                    label: m.orderNumber,
                    hint: m.orderHint,
                    autocomplete: 'off',
                    spellcheck: false,
                    maxlength: 40,
                    value: l.orderNumber,
                    error: errors.orderNumber,
                    onInput: setField('orderNumber'),
                  })
            }
            ${field(v, { id: 'email', label: m.email, type: 'email', autocomplete: 'email', value: l.email, error: errors.email, onInput: setField('email') })}`
          : html`${field(v, {
              id: 'username',
              label: m.username,
              autocomplete: 'username',
              spellcheck: false,
              value: l.username,
              error: errors.username,
              onInput: setField('username'),
            })}
            ${field(v, {
              id: 'password',
              label: m.password,
              type: 'password',
              autocomplete: 'current-password',
              value: '',
              error: errors.password,
              onInput: (value) => v.setPassword(value),
            })}
            <div class="links">
              ${outLink(v.info?.links.register, m.register)}
              ${reset}
            </div>`
      }
      ${coolingDown ? html`<p class="panel warning" role="timer" aria-live="off">${m.cooldown(l.cooldownLeft)}</p>` : nothing}
      ${submitting ? busy(v.m.nav.busy) : nothing}
      ${actions(v, { label: travel ? m.submitTravel : m.submit, event: { type: 'user.next' }, submit: true })}
    </form>`;
}
